// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace dt::runtime {

/// The eight fault signatures of a motor-operated valve (valves.md). Each changes the torque
/// profile in one documented direction; see TorqueProfileGenerator for the formulas.
enum class FaultKind : quint8 {
    Packing, ///< packing over-tightened or dried out: constant friction up
    SeatDeposit, ///< seat deposits / sticking: breakaway peak up
    WornSeat, ///< worn soft seat: seating peak down
    StemThread, ///< stem-thread damage / lost lubrication: whole load up, ripple per stem turn
    Galling, ///< galling or bearing wear: friction growing with travel
    Obstruction, ///< a bump at some position; above the set point the stroke stops
    ShearedStem, ///< sheared or decoupled stem: flat, very low torque and a too-fast stroke
    Gearbox, ///< gearbox wear: noise x3 and a small oscillation
};

/// All fault kinds in declaration order (for loops and tables).
QList<FaultKind> allFaultKinds();

/// Command-line and data-set spelling: "packing", "seat-deposit", "worn-seat", "stem-thread",
/// "galling", "obstruction", "sheared-stem", "gearbox".
QString faultKindName(FaultKind kind);

/// Accepts the names of faultKindName() (case-insensitive, '_' for '-') and a few synonyms
/// ("sticking", "seat", "bearing", "jam", "stem", "decoupled").
std::optional<FaultKind> faultKindFromName(QStringView name);

/// One fault with a continuous severity (0 = absent, 1 = as bad as the generator models it).
struct Fault
{
    FaultKind kind = FaultKind::Packing;
    double severity = 0;
    /// Obstruction only: where the obstacle sits, as valve opening 0 (closed) .. 1 (open).
    double position = 0.5;
};
using FaultList = QList<Fault>;

/// Sum of the severities of all faults of \a kind, capped at 1.
double faultSeverity(const FaultList &faults, FaultKind kind);

} // namespace dt::runtime
