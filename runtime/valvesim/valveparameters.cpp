// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/valveparameters.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

double uniform(QRandomGenerator &rng, double low, double high)
{
    return low + (high - low) * rng.generateDouble();
}

} // namespace

QString valveTypeName(ValveType type)
{
    return type == ValveType::Butterfly ? u"butterfly"_s : u"ball"_s;
}

std::optional<ValveType> valveTypeFromName(QStringView name)
{
    for (ValveType type : { ValveType::Ball, ValveType::Butterfly }) {
        if (name.trimmed().compare(valveTypeName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

double ValveParameters::breakawayAmplitude() const
{
    return std::max(0.0, breakawayPeak - packing - running);
}

double ValveParameters::seatingAmplitude() const
{
    return std::max(0.0, (setPoint - packing - running) * seatingOvershoot);
}

ValveParameters ValveParameters::nominal(ValveType type)
{
    ValveParameters p;
    p.type = type;
    if (type == ValveType::Butterfly) {
        p.endFraction = 0.3;
        p.dynamicBump = 15.0;
    }
    return p;
}

ValveParameters ValveParameters::randomHealthy(QRandomGenerator &rng, ValveType type)
{
    // The draw order is part of the reproducibility contract: do not reorder.
    ValveParameters p = nominal(type);
    p.packing *= uniform(rng, 0.85, 1.15);
    p.running *= uniform(rng, 0.85, 1.15);
    p.breakawayPeak *= uniform(rng, 0.85, 1.15);
    p.setPoint *= uniform(rng, 0.9, 1.1);
    p.seatingOvershoot = uniform(rng, 1.05, 1.25);
    p.endFraction *= uniform(rng, 0.85, 1.15);
    p.dynamicBump *= uniform(rng, 0.85, 1.15);
    p.breakawayDecay = uniform(rng, 0.03, 0.06);
    p.endDecay = uniform(rng, 0.03, 0.06);
    p.seatDecay = uniform(rng, 0.03, 0.06);
    p.noisePercent = uniform(rng, 1.0, 2.0);
    p.phase = uniform(rng, 0.0, 2.0 * M_PI);
    return p;
}

} // namespace dt::runtime
