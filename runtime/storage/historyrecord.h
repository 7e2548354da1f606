// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/quality.h"

#include <QMetaType>
#include <QString>

namespace dt::runtime {

/// One stored attribute change.
struct HistoryRecord
{
    /// Element path relative to the twin root, e.g. "Valve1".
    QString path;
    /// Attribute name; nested attributes joined with '/', e.g. "TorqueProfileOpen/P5".
    QString attribute;
    QString value;
    /// Milliseconds since the Unix epoch (UTC).
    qint64 timestampMs = 0;
    Quality quality = Quality::Good;
    /// Who changed it: the communication component, "api", "gui", ...
    QString source;

    friend bool operator==(const HistoryRecord &a, const HistoryRecord &b)
    {
        return a.path == b.path && a.attribute == b.attribute && a.value == b.value
            && a.timestampMs == b.timestampMs && a.quality == b.quality && a.source == b.source;
    }
};

/// One stored event (a threshold crossed or cleared, a value changed, ...).
struct EventRecord
{
    qint64 timestampMs = 0;
    QString path;
    /// The event component's name.
    QString event;
    QString severity;
    /// "raised", "cleared" or "changed".
    QString state;
    QString attribute;
    QString value;
    QString message;

    friend bool operator==(const EventRecord &a, const EventRecord &b)
    {
        return a.timestampMs == b.timestampMs && a.path == b.path && a.event == b.event
            && a.severity == b.severity && a.state == b.state && a.attribute == b.attribute
            && a.value == b.value && a.message == b.message;
    }
};

} // namespace dt::runtime

Q_DECLARE_METATYPE(dt::runtime::HistoryRecord)
Q_DECLARE_METATYPE(dt::runtime::EventRecord)
