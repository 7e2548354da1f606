// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "valvesim/torqueprofilegenerator.h"

#include <QRandomGenerator>
#include <QVector>

#include <optional>

namespace dt::runtime {

/// How a SimulatedValve starts: healthy parameters, faults, stroke time, wear, seed.
struct SimulatedValveConfig
{
    ValveParameters parameters;
    FaultList faults;
    double strokeSeconds = 5.0;
    double wearPerOperation = 0.0;
    quint32 seed = 1;
    double initialPosition = 0.0; ///< opening 0..1 (0 = closed)
    /// Counters survive a power cycle on a real actuator: start from these values.
    quint32 initialOperationCount = 0;
    quint32 initialTripCount = 0;
};

/// One motor-operated valve: position moving over the stroke time, torque from the generator,
/// last-stroke profiles, counters, torque trips. Plain object (no QObject, no timer): the owner
/// calls tick() from one shared timer, so a thousand valves cost one timer.
///
/// Semantics worth knowing:
/// - A command stays readable as state() (2 after an opening completes) until another command,
///   a stop, or a torque trip (state Stop) replaces it.
/// - A torque trip before the end of travel stops the valve: jammed when it had not moved
///   (< 2 % of stroke, e.g. stuck on its seat), obstructed otherwise; both clear on the next
///   movement command. tripCount() counts these trips.
/// - operationCount() counts strokes that reached an end limit; each adds wearPerOperation to
///   wear(). Wear acts as a packing fault of severity wear() and raises every configured fault's
///   severity by wear() (faults progress with use).
/// - The last-stroke profile of a direction is replaced when a stroke that started at the end
///   limit completes, or when any stroke trips; samples the stroke never reached are 0.
class SimulatedValve
{
public:
    enum class Command : quint8 { Stop = 0, Close = 1, Open = 2, EmergencyShutDown = 3 };

    using Config = SimulatedValveConfig;

    explicit SimulatedValve(const Config &config = Config());

    /// Open, close, stop or ESD (ESD closes; the state reads 3 until another command).
    void command(Command command);
    /// Move to \a permille opening (0-1000); false (and nothing happens) when out of range.
    bool setPositionSetPoint(int permille);
    /// Advance the physics by \a seconds of simulated time.
    void tick(double seconds);

    double position() const { return m_position; } ///< opening 0..1
    int positionPermille() const; ///< 0..1000
    double torque() const { return m_torque; } ///< live, % of rated; 0 at rest
    int torquePercent() const; ///< rounded, 0..120
    bool isMoving() const { return m_moving; }
    bool atClosedLimit() const { return positionPermille() == 0; }
    bool atOpenLimit() const { return positionPermille() == 1000; }
    bool isObstructed() const { return m_obstructed; }
    bool isJammed() const { return m_jammed; }
    Command state() const { return m_state; }
    int setPointPermille() const { return m_setPointPermille; }
    quint32 operationCount() const { return m_operationCount; }
    quint32 tripCount() const { return m_tripCount; }
    double wear() const { return m_wear; }

    /// Last stroke's TorqueProfileGenerator::ProfileSamples torques at 0, 5, ..., 100 % of stroke.
    const QVector<double> &lastProfile(StrokeDirection direction) const;
    /// The Rotork-style 11-point table: the profile at 0, 10, ..., 100 %.
    QVector<double> lastTable(StrokeDirection direction) const;

    const FaultList &faults() const { return m_faults; }
    void setFaults(const FaultList &faults) { m_faults = faults; }
    /// The configured faults plus wear, as the next stroke will use them.
    FaultList effectiveFaults() const;
    const TorqueProfileGenerator &generator() const { return m_generator; }
    double strokeSeconds() const { return m_strokeSeconds; }
    void setStrokeSeconds(double seconds);
    void setWearPerOperation(double wear) { m_wearPerOperation = wear; }

private:
    void moveTo(double target, Command state);
    void beginStroke(StrokeDirection direction);
    void finishStroke(bool publishProfile);
    void recordSamplesUpTo(double p);
    double strokeFraction(double opening) const;
    double openingAt(double strokeFraction) const;

    TorqueProfileGenerator m_generator;
    QRandomGenerator m_rng;
    FaultList m_faults;
    double m_strokeSeconds;
    double m_wearPerOperation;

    double m_position;
    double m_torque = 0;
    bool m_moving = false;
    bool m_obstructed = false;
    bool m_jammed = false;
    Command m_state = Command::Stop;
    int m_setPointPermille;
    quint32 m_operationCount = 0;
    quint32 m_tripCount = 0;
    double m_wear = 0;

    // The stroke in progress; faults and trip point are fixed when it starts.
    StrokeDirection m_direction = StrokeDirection::Opening;
    double m_target = 0;
    double m_strokeStart = 0;
    bool m_fromEndLimit = false;
    std::optional<double> m_tripAt;
    FaultList m_strokeFaults;
    double m_speedFactor = 1;
    int m_nextSample = 0;
    QVector<double> m_recording;

    QVector<double> m_lastOpening;
    QVector<double> m_lastClosing;
};

} // namespace dt::runtime
