// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attributestore.h"

#include "model/caexfile.h"
#include "model/result.h"

#include <QList>

namespace dt::runtime {

/// The namespace of the live-values block a snapshot adds to each twin root.
inline constexpr auto SnapshotNamespace = QLatin1StringView("urn:dt-workbench:live-values:1");

/// One twin's part of a snapshot.
struct SnapshotTwin
{
    QString name; ///< the DigitalTwin element
    QString rootInstancePath; ///< where the block goes
    QList<const AttributeStore::Slot *> attributes;
};

/// Builds a snapshot document: a copy of the runtime's model (whose Values ARE the current
/// values: the engine's model update writes them there) with, on each twin root, one
/// AdditionalInformation element holding the per-attribute timestamp and quality, so that the
/// model's own structure stays exactly as designed:
///
///   <AdditionalInformation>
///     <lv:LiveValues xmlns:lv="urn:dt-workbench:live-values:1" twin="RefineryTwin"
///                    time="2026-11-26T12:00:00.000Z">
///       <lv:Value path="Valve1" attribute="Torque" value="42" quality="good"
///                 timestamp="2026-11-26T11:59:59.900Z" source="Valve1Modbus"/>
///     </lv:LiveValues>
///   </AdditionalInformation>
///
/// path is relative to the twin root, attribute '/'-joined for nested ones. Relative
/// ExternalReference paths are rewritten so the snapshot finds the same libraries from where it
/// is written. An older live-values block (a snapshot deployed again) is replaced.
model::CaexFile snapshotDocument(const model::CaexFile &runtimeModel, const QString &modelFileName,
    const QList<SnapshotTwin> &twins, const QString &targetFile, qint64 snapshotTimeMs);

/// snapshotDocument written as CAEX 3.0, atomically.
Result<void> writeSnapshot(const model::CaexFile &runtimeModel, const QString &modelFileName,
    const QList<SnapshotTwin> &twins, const QString &targetFile, qint64 snapshotTimeMs);

} // namespace dt::runtime
