// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/simulatedvalve.h"

#include <algorithm>
#include <cmath>

namespace dt::runtime {

namespace {

constexpr double Epsilon = 1e-9;
constexpr double JamTravel = 0.02; // a trip within 2 % of the start: the valve never moved
constexpr int Samples = TorqueProfileGenerator::ProfileSamples;

} // namespace

SimulatedValve::SimulatedValve(const Config &config)
    : m_generator(config.parameters)
    , m_rng(config.seed)
    , m_faults(config.faults)
    , m_strokeSeconds(std::max(0.01, config.strokeSeconds))
    , m_wearPerOperation(std::max(0.0, config.wearPerOperation))
    , m_position(std::clamp(config.initialPosition, 0.0, 1.0))
    , m_setPointPermille(int(std::lround(m_position * 1000)))
    , m_operationCount(config.initialOperationCount)
    , m_tripCount(config.initialTripCount)
    , m_recording(Samples, 0.0)
    , m_lastOpening(Samples, 0.0)
    , m_lastClosing(Samples, 0.0)
{
}

int SimulatedValve::positionPermille() const
{
    return int(std::lround(m_position * 1000));
}

int SimulatedValve::torquePercent() const
{
    return std::clamp(int(std::lround(m_torque)), 0, 120);
}

const QVector<double> &SimulatedValve::lastProfile(StrokeDirection direction) const
{
    return direction == StrokeDirection::Opening ? m_lastOpening : m_lastClosing;
}

QVector<double> SimulatedValve::lastTable(StrokeDirection direction) const
{
    const QVector<double> &profile = lastProfile(direction);
    QVector<double> table;
    table.reserve(Samples / 2 + 1);
    for (int i = 0; i < Samples; i += 2)
        table.append(profile[i]);
    return table;
}

FaultList SimulatedValve::effectiveFaults() const
{
    if (m_wear <= 0)
        return m_faults;
    FaultList faults = m_faults;
    for (Fault &fault : faults)
        fault.severity = std::min(1.0, fault.severity + m_wear);
    faults.append(Fault { FaultKind::Packing, std::min(1.0, m_wear), 0.5 });
    return faults;
}

void SimulatedValve::setStrokeSeconds(double seconds)
{
    m_strokeSeconds = std::max(0.01, seconds);
}

void SimulatedValve::command(Command command)
{
    switch (command) {
    case Command::Stop:
        if (m_moving)
            finishStroke(false);
        m_state = Command::Stop;
        m_setPointPermille = positionPermille();
        return;
    case Command::Open:
        moveTo(1.0, command);
        return;
    case Command::Close:
    case Command::EmergencyShutDown:
        moveTo(0.0, command);
        return;
    }
}

bool SimulatedValve::setPositionSetPoint(int permille)
{
    if (permille < 0 || permille > 1000)
        return false;
    const double target = permille / 1000.0;
    if (std::abs(target - m_position) < Epsilon) {
        m_setPointPermille = permille;
        return true;
    }
    moveTo(target, target > m_position ? Command::Open : Command::Close);
    return true;
}

void SimulatedValve::moveTo(double target, Command state)
{
    m_state = state;
    m_setPointPermille = int(std::lround(target * 1000));
    m_obstructed = false;
    m_jammed = false;
    if (std::abs(target - m_position) < Epsilon) {
        if (m_moving)
            finishStroke(false);
        m_position = target;
        return;
    }
    const StrokeDirection direction
        = target > m_position ? StrokeDirection::Opening : StrokeDirection::Closing;
    m_target = target;
    if (m_moving && direction == m_direction)
        return; // same way: the stroke in progress simply gets a new target
    beginStroke(direction);
}

void SimulatedValve::beginStroke(StrokeDirection direction)
{
    m_direction = direction;
    m_moving = true;
    m_strokeStart = strokeFraction(m_position);
    m_fromEndLimit = m_strokeStart < Epsilon;
    m_strokeFaults = effectiveFaults();
    m_speedFactor = m_generator.strokeTimeFactor(m_strokeFaults);
    m_tripAt = m_generator.tripPosition(direction, m_strokeFaults, m_strokeStart);
    m_recording.fill(0.0);
    m_nextSample = 0;
    while (m_nextSample < Samples
        && TorqueProfileGenerator::sampleFraction(m_nextSample) < m_strokeStart - Epsilon) {
        ++m_nextSample;
    }
    recordSamplesUpTo(m_strokeStart);
    m_torque = m_generator.measure(m_strokeStart, direction, m_strokeFaults, m_rng);
}

void SimulatedValve::tick(double seconds)
{
    if (!m_moving || seconds <= 0)
        return;
    const double from = strokeFraction(m_position);
    const double goal = strokeFraction(m_target);
    double to = std::min(goal, from + seconds / (m_strokeSeconds * m_speedFactor));
    const bool tripped = m_tripAt && *m_tripAt <= to + Epsilon;
    if (tripped)
        to = std::max(from, *m_tripAt);

    recordSamplesUpTo(to);
    m_position = openingAt(to);
    m_torque = m_generator.measure(to, m_direction, m_strokeFaults, m_rng);

    if (tripped) {
        if (to - m_strokeStart < JamTravel)
            m_jammed = true;
        else
            m_obstructed = true;
        ++m_tripCount;
        m_state = Command::Stop;
        m_setPointPermille = positionPermille();
        finishStroke(true);
    } else if (to >= goal - Epsilon) {
        m_position = m_target;
        if (m_target < Epsilon || m_target > 1.0 - Epsilon) {
            ++m_operationCount;
            m_wear += m_wearPerOperation;
        }
        finishStroke(m_fromEndLimit && (m_target < Epsilon || m_target > 1.0 - Epsilon));
    }
}

void SimulatedValve::finishStroke(bool publishProfile)
{
    m_moving = false;
    m_torque = 0;
    if (publishProfile) {
        if (m_direction == StrokeDirection::Opening)
            m_lastOpening = m_recording;
        else
            m_lastClosing = m_recording;
    }
}

void SimulatedValve::recordSamplesUpTo(double p)
{
    while (m_nextSample < Samples
        && TorqueProfileGenerator::sampleFraction(m_nextSample) <= p + Epsilon) {
        const double at = TorqueProfileGenerator::sampleFraction(m_nextSample);
        m_recording[m_nextSample] = m_generator.measure(at, m_direction, m_strokeFaults, m_rng);
        ++m_nextSample;
    }
}

double SimulatedValve::strokeFraction(double opening) const
{
    return m_direction == StrokeDirection::Opening ? opening : 1.0 - opening;
}

double SimulatedValve::openingAt(double strokeFraction) const
{
    return m_direction == StrokeDirection::Opening ? strokeFraction : 1.0 - strokeFraction;
}

} // namespace dt::runtime
