// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/valveplant.h"

#include "valvesim/simulatedvalve.h"
#include "valvesim/valvemodbusserver.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

// A stalled event loop (debugger, suspended process) must not teleport valves on resume.
constexpr double MaxTickSeconds = 0.25;

SimulatedValve::Config valveConfig(const PlantConfig &plant, int index)
{
    const quint32 seedWords[2] = { plant.seed, quint32(index) };
    QRandomGenerator rng(seedWords);
    SimulatedValve::Config config;
    config.parameters = ValveParameters::randomHealthy(rng, plant.valveType);
    if (plant.noisePercent)
        config.parameters.noisePercent = *plant.noisePercent;
    config.seed = rng.generate();
    config.strokeSeconds = plant.strokeSeconds;
    config.wearPerOperation = plant.wearPerOperation;
    for (const PlantFault &fault : plant.faults) {
        if (fault.valve == 0 || fault.valve == index + 1)
            config.faults.append(fault.fault);
    }
    return config;
}

} // namespace

ValvePlant::ValvePlant(const PlantConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ValvePlant::onTimer);
}

ValvePlant::~ValvePlant()
{
    stop();
}

Result<void> ValvePlant::start()
{
    stop();
    m_valves.clear();
    m_nextReversal.clear();
    m_openNext.clear();
    m_time = 0;
    const int count = std::max(1, m_config.valves);
    m_valves.reserve(size_t(count));
    m_servers.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        m_valves.push_back(std::make_unique<SimulatedValve>(valveConfig(m_config, i)));
        auto *server = new ValveModbusServer(m_valves.back().get(), this);
        m_servers.push_back(server);
        const Result<void> opened = m_config.serial
            ? server->openSerial(*m_config.serial, m_config.unitId)
            : server->listenTcp(m_config.host, quint16(m_config.basePort + i), m_config.unitId);
        if (!opened) {
            stop();
            return opened;
        }
        // Staggered so that a cycling fleet moves a few valves at a time, not all at once.
        if (m_config.cycleSeconds > 0) {
            m_nextReversal.push_back(m_config.cycleSeconds * i / count);
            m_openNext.push_back(true);
        }
    }
    m_clock.start();
    m_timer.start(m_config.tickMs);
    return {};
}

void ValvePlant::stop()
{
    m_timer.stop();
    for (ValveModbusServer *server : m_servers)
        delete server;
    m_servers.clear();
}

SimulatedValve *ValvePlant::valve(int index) const
{
    return index >= 0 && index < valveCount() ? m_valves[size_t(index)].get() : nullptr;
}

ValveModbusServer *ValvePlant::server(int index) const
{
    return index >= 0 && index < int(m_servers.size()) ? m_servers[size_t(index)] : nullptr;
}

QString ValvePlant::listeningLine() const
{
    if (m_config.serial) {
        return u"listening %1 %2-%2"_s.arg(m_config.serial->device).arg(m_config.unitId);
    }
    const int first = m_config.basePort;
    const int last = first + valveCount() - 1;
    return u"listening %1 %2-%3"_s.arg(m_config.host).arg(first).arg(last);
}

void ValvePlant::advance(double seconds)
{
    m_time += seconds;
    for (size_t i = 0; i < m_valves.size(); ++i) {
        SimulatedValve &valve = *m_valves[i];
        if (i < m_nextReversal.size() && m_time >= m_nextReversal[i]) {
            m_nextReversal[i] += m_config.cycleSeconds;
            // Strictly alternating, so a valve that tripped half-way still backs off next time.
            valve.command(
                m_openNext[i] ? SimulatedValve::Command::Open : SimulatedValve::Command::Close);
            m_openNext[i] = !m_openNext[i];
        }
        valve.tick(seconds);
    }
}

void ValvePlant::onTimer()
{
    const double elapsed = m_clock.restart() / 1000.0;
    advance(std::min(elapsed, MaxTickSeconds));
}

} // namespace dt::runtime
