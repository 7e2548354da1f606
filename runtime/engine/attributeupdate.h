// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/quality.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace dt::runtime {

/// One attribute's current state as the engine notifies it (and as currentValues() lists it).
struct AttributeUpdate
{
    /// The DigitalTwin element serving the attribute ("RefineryTwin").
    QString twin;
    /// Element path relative to the outermost twin root: the address clients use for writes,
    /// history and methods ("Valve1"; "" is the root itself).
    QString path;
    /// Attribute name, nested ones joined with '/' ("TorqueProfileOpen/P5").
    QString attribute;
    QString value;
    Quality quality = Quality::Good;
    qint64 timestampMs = 0;
    /// CAEX ID of the element (the editor's element key), empty when it has none.
    QString elementId;
    /// Full instance path of the element ("Plant/Refinery/Valve1").
    QString elementPath;
    /// Who made the change ("Valve1Modbus", "user:operator", "deploy" for initial values).
    QString source;
};

} // namespace dt::runtime

Q_DECLARE_METATYPE(dt::runtime::AttributeUpdate)
