// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/torqueprofilegenerator.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace dt::runtime {

namespace {

// Fault constants of the class comment, in one place.
constexpr double PackingGain = 1.5;
constexpr double BreakawayGain = 1.5;
constexpr double SeatLoss = 0.5;
constexpr double GallingSlope = 25.0;
constexpr double ObstructionPeak = 100.0;
constexpr double ObstructionWidth = 0.05;
constexpr double StemThreadGain = 0.6;
constexpr double StemThreadRipple = 0.1;
constexpr double DecoupledTorque = 4.0;
constexpr double DecoupledSpeedUp = 0.5;
constexpr double GearboxOscillation = 3.0;
constexpr double GearboxCycles = 23.0;
constexpr double GearboxNoiseGain = 2.0;
constexpr double ButterflyBumpCentre = 0.75;
constexpr double ButterflyBumpWidth = 0.12;
constexpr double TripScanStep = 0.001;

double square(double v)
{
    return v * v;
}

} // namespace

TorqueProfileGenerator::TorqueProfileGenerator(const ValveParameters &parameters)
    : m_parameters(parameters)
{
}

double TorqueProfileGenerator::loadAt(
    double p, StrokeDirection direction, const FaultList &faults) const
{
    const ValveParameters &v = m_parameters;
    p = std::clamp(p, 0.0, 1.0);
    const bool opening = direction == StrokeDirection::Opening;
    const double x = opening ? p : 1.0 - p;

    double sPacking = 0, sSeatDeposit = 0, sWornSeat = 0, sStemThread = 0, sGalling = 0,
           sSheared = 0, sGearbox = 0;
    double obstruction = 0;
    for (const Fault &fault : faults) {
        const double s = std::clamp(fault.severity, 0.0, 1.0);
        switch (fault.kind) {
        case FaultKind::Packing:
            sPacking += s;
            break;
        case FaultKind::SeatDeposit:
            sSeatDeposit += s;
            break;
        case FaultKind::WornSeat:
            sWornSeat += s;
            break;
        case FaultKind::StemThread:
            sStemThread += s;
            break;
        case FaultKind::Galling:
            sGalling += s;
            break;
        case FaultKind::Obstruction: {
            // Distance still to travel to the obstacle; a narrower tail once past it.
            const double ahead = opening ? fault.position - x : x - fault.position;
            const double width = ahead >= 0 ? ObstructionWidth : ObstructionWidth / 4;
            obstruction += ObstructionPeak * s * std::exp(-square(ahead / width));
            break;
        }
        case FaultKind::ShearedStem:
            sSheared += s;
            break;
        case FaultKind::Gearbox:
            sGearbox += s;
            break;
        }
    }
    sPacking = std::min(sPacking, 1.0);
    sSeatDeposit = std::min(sSeatDeposit, 1.0);
    sWornSeat = std::min(sWornSeat, 1.0);
    sStemThread = std::min(sStemThread, 1.0);
    sGalling = std::min(sGalling, 1.0);
    sSheared = std::min(sSheared, 1.0);
    sGearbox = std::min(sGearbox, 1.0);

    double t = v.packing * (1.0 + PackingGain * sPacking) + v.running;
    if (opening) {
        t += v.breakawayAmplitude() * (1.0 + BreakawayGain * sSeatDeposit)
            * std::exp(-p / v.breakawayDecay);
        t += v.endFraction * v.breakawayAmplitude() * std::exp(-(1.0 - p) / v.endDecay);
    } else {
        t += v.seatingAmplitude() * (1.0 - SeatLoss * sWornSeat)
            * std::exp(-(1.0 - p) / v.seatDecay);
    }
    if (v.type == ValveType::Butterfly)
        t += v.dynamicBump * std::exp(-square((x - ButterflyBumpCentre) / ButterflyBumpWidth));
    t += GallingSlope * sGalling * p;
    t += obstruction;
    if (sStemThread > 0) {
        t *= (1.0 + StemThreadGain * sStemThread)
            * (1.0
                + StemThreadRipple * sStemThread
                    * std::sin(2.0 * M_PI * v.stemTurns * p + v.phase));
    }
    t = (1.0 - sSheared) * t + sSheared * DecoupledTorque;
    if (sGearbox > 0)
        t += GearboxOscillation * sGearbox * std::sin(2.0 * M_PI * GearboxCycles * p + v.phase);
    return std::max(0.0, t);
}

double TorqueProfileGenerator::torqueAt(
    double p, StrokeDirection direction, const FaultList &faults) const
{
    return std::min(loadAt(p, direction, faults), m_parameters.setPoint);
}

double TorqueProfileGenerator::measure(
    double p, StrokeDirection direction, const FaultList &faults, QRandomGenerator &rng) const
{
    const double noisy = loadAt(p, direction, faults) + noiseSigma(faults) * gaussian(rng);
    return std::clamp(noisy, 0.0, m_parameters.setPoint);
}

double TorqueProfileGenerator::noiseSigma(const FaultList &faults) const
{
    return m_parameters.noisePercent
        * (1.0 + GearboxNoiseGain * faultSeverity(faults, FaultKind::Gearbox));
}

double TorqueProfileGenerator::strokeTimeFactor(const FaultList &faults) const
{
    return 1.0 - DecoupledSpeedUp * faultSeverity(faults, FaultKind::ShearedStem);
}

std::optional<double> TorqueProfileGenerator::tripPosition(
    StrokeDirection direction, const FaultList &faults, double fromP) const
{
    // A fixed scan once per stroke is cheap (< 1000 evaluations) and robust for any fault mix.
    for (double p = std::max(0.0, fromP); p < EndZone; p += TripScanStep) {
        if (loadAt(p, direction, faults) >= m_parameters.setPoint)
            return p;
    }
    return std::nullopt;
}

QVector<double> TorqueProfileGenerator::profile(
    StrokeDirection direction, const FaultList &faults, QRandomGenerator &rng) const
{
    const std::optional<double> trip = tripPosition(direction, faults);
    QVector<double> samples(ProfileSamples, 0.0);
    for (int i = 0; i < ProfileSamples; ++i) {
        const double p = sampleFraction(i);
        if (trip && p > *trip)
            break;
        samples[i] = measure(p, direction, faults, rng);
    }
    return samples;
}

double TorqueProfileGenerator::gaussian(QRandomGenerator &rng)
{
    const double u1 = 1.0 - rng.generateDouble(); // (0, 1]: log() stays finite
    const double u2 = rng.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

} // namespace dt::runtime
