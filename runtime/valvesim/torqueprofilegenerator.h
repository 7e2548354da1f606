// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "valvesim/valvefault.h"
#include "valvesim/valveparameters.h"

#include <QVector>

#include <optional>

class QRandomGenerator;

namespace dt::runtime {

enum class StrokeDirection : quint8 { Opening, Closing };

/// Physically based torque of a quarter-turn valve during a stroke (valves.md), the simulator's
/// physics and the documented source of training data for the watchdog.
///
/// p is the stroke fraction 0..1 in the direction of motion (closing: p = 1 - opening), x the
/// valve opening. All torques are in % of rated torque. The healthy load is
///
///   T(p) = T_pack + T_run
///        + A_brk  exp(-p / l_brk)                 opening only (unseating)
///        + A_end  exp(-(1 - p) / l_end)           opening only (open end, A_end = f_end A_brk)
///        + A_seat exp(-(1 - p) / l_seat)          closing only (seating)
///        + A_dyn  exp(-((x - 0.75) / 0.12)^2)     butterfly only, in both directions
///
/// and the faults (severity s in 0..1, several faults combine) change it so:
///  - packing:      T_pack x (1 + 1.5 s)
///  - seat-deposit: A_brk x (1 + 1.5 s)
///  - worn-seat:    A_seat x (1 - 0.5 s)
///  - galling:      + 25 s p
///  - obstruction:  + 100 s exp(-(d / w)^2) with d the distance still to travel to the obstacle
///                  (w = 0.05 before it, 0.0125 after it: the load builds up, then releases)
///  - stem-thread:  everything above x (1 + 0.6 s)(1 + 0.1 s sin(2 pi turns p + phase))
///  - sheared-stem: blended towards a flat 4 %: (1 - s) T + 4 s; stroke time x (1 - 0.5 s)
///  - gearbox:      + 3 s sin(2 pi 23 p + phase); noise x (1 + 2 s)
///
/// The measured torque is clamp(T + noise, 0, setPoint): the actuator's torque switch stops the
/// motor at the set point. Reaching it at the end of travel (p >= EndZone) is a normal end
/// (torque seating); reaching it earlier stops the stroke (obstructed, or jammed when it never
/// moved). Noise is Gaussian (Box-Muller on QRandomGenerator::generateDouble, so the same seed
/// gives the same profile on every platform).
class TorqueProfileGenerator
{
public:
    static constexpr int ProfileSamples = 21; ///< 0, 5, ..., 100 % of stroke
    static constexpr double EndZone = 0.95; ///< from here, a torque trip is the normal end
    static double sampleFraction(int index) { return index / double(ProfileSamples - 1); }

    explicit TorqueProfileGenerator(const ValveParameters &parameters = ValveParameters());

    const ValveParameters &parameters() const { return m_parameters; }
    void setParameters(const ValveParameters &parameters) { m_parameters = parameters; }

    /// Noise-free torque the valve demands at \a p (not clipped at the set point).
    double loadAt(double p, StrokeDirection direction, const FaultList &faults = {}) const;
    /// Noise-free torque the actuator measures at \a p: loadAt clipped to 0..setPoint.
    double torqueAt(double p, StrokeDirection direction, const FaultList &faults = {}) const;
    /// torqueAt plus measurement noise, clipped to 0..setPoint.
    double measure(
        double p, StrokeDirection direction, const FaultList &faults, QRandomGenerator &rng) const;

    /// Standard deviation of the measurement noise, in % of rated torque.
    double noiseSigma(const FaultList &faults = {}) const;
    /// Stroke time relative to the healthy valve (below 1 when the stem is decoupled).
    double strokeTimeFactor(const FaultList &faults = {}) const;
    /// First p >= \a fromP before EndZone where the load reaches the set point (the stroke
    /// stops there), or nullopt when the stroke runs to its end.
    std::optional<double> tripPosition(
        StrokeDirection direction, const FaultList &faults = {}, double fromP = 0.0) const;

    /// One full stroke from the end limit: ProfileSamples measured torques at sampleFraction(i).
    /// Samples beyond a trip position are 0 (the stroke never got there).
    QVector<double> profile(
        StrokeDirection direction, const FaultList &faults, QRandomGenerator &rng) const;

    /// A standard normal draw from \a rng (portable, unlike std::normal_distribution).
    static double gaussian(QRandomGenerator &rng);

private:
    ValveParameters m_parameters;
};

} // namespace dt::runtime
