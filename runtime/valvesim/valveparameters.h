// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

class QRandomGenerator;

namespace dt::runtime {

/// Quarter-turn valve families with different torque shapes (valves.md).
enum class ValveType : quint8 { Ball, Butterfly };

QString valveTypeName(ValveType type); ///< "ball" or "butterfly"
std::optional<ValveType> valveTypeFromName(QStringView name);

/// Healthy torque parameters of one valve, all torques in % of the actuator's rated torque.
///
/// Interpretation of valves.md's typical ball valve (packing 8-15, running 20-35, breakaway
/// 55-75, set point 80-100): \c packing is T_pack; the running torque of the ranges is the
/// total friction T_pack + T_run, so \c running is only the pressure-dependent part T_run;
/// \c breakawayPeak is the total torque at the first instant of an opening stroke, so the
/// breakaway amplitude A_brk = breakawayPeak - packing - running.
struct ValveParameters
{
    ValveType type = ValveType::Ball;
    double packing = 11.5; ///< T_pack
    double running = 15.0; ///< T_run (on top of packing)
    double breakawayPeak = 65.0; ///< T at p = 0 when opening (BTO)
    double setPoint = 90.0; ///< torque-switch set point: measured torque never exceeds it
    /// Seating amplitude A_seat = (setPoint - packing - running) x this: above 1 the closing
    /// stroke always reaches the set point (a torque-seated valve).
    double seatingOvershoot = 1.15;
    /// Open-end amplitude A_end as a fraction of A_brk: ~0.7 ball, ~0.3 butterfly.
    double endFraction = 0.7;
    double dynamicBump = 0.0; ///< A_dyn, the butterfly's hydrodynamic bump near 75 % open
    double breakawayDecay = 0.04; ///< lambda_brk, in stroke fraction
    double endDecay = 0.04; ///< lambda_end
    double seatDecay = 0.04; ///< lambda_seat
    double noisePercent = 1.5; ///< measurement noise (standard deviation)
    double stemTurns = 10.0; ///< actuator output turns per stroke (for the thread ripple)
    double phase = 0.0; ///< phase of the ripple / gearbox oscillation, radians

    double breakawayAmplitude() const;
    double seatingAmplitude() const;

    /// The centre of every healthy range, per valve type.
    static ValveParameters nominal(ValveType type = ValveType::Ball);
    /// A healthy valve: each torque drawn within +-15 % of nominal (set point +-10 %, so it
    /// stays in 80-100), decays in 0.03-0.06, noise 1-2 %. Deterministic for a seeded \a rng.
    static ValveParameters randomHealthy(QRandomGenerator &rng, ValveType type = ValveType::Ball);
};

} // namespace dt::runtime
