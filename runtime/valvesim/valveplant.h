// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "valvesim/plantconfig.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace dt::runtime {

class SimulatedValve;
class ValveModbusServer;

/// The whole simulated plant of dt-valvesim: N valves, one Modbus server each, and ONE timer
/// that advances every valve's physics (so a thousand valves cost one timer, and idle valves
/// cost a branch per tick). Valve i (0-based here) gets healthy parameters drawn from
/// (seed, i), so a valve's behaviour does not depend on how many valves run beside it.
class ValvePlant : public QObject
{
    Q_OBJECT
public:
    explicit ValvePlant(const PlantConfig &config, QObject *parent = nullptr);
    ~ValvePlant() override;

    /// Builds the valves, opens every server, starts the physics timer. On failure nothing
    /// stays open and the message names the port or device.
    Result<void> start();
    /// Closes every server and stops the timer (valves stay inspectable).
    void stop();

    const PlantConfig &config() const { return m_config; }
    int valveCount() const { return int(m_valves.size()); }
    SimulatedValve *valve(int index) const; ///< 0-based
    ValveModbusServer *server(int index) const;
    /// "listening <host> <first>-<last>" (RTU: "listening <device> <unit>-<unit>").
    QString listeningLine() const;

    /// Advances the physics and the automatic cycle by \a seconds (the timer calls this with
    /// the measured elapsed time; tests may call it directly).
    void advance(double seconds);

private:
    void onTimer();

    PlantConfig m_config;
    std::vector<std::unique_ptr<SimulatedValve>> m_valves;
    std::vector<ValveModbusServer *> m_servers;
    std::vector<double> m_nextReversal; ///< plant time of each valve's next automatic command
    std::vector<bool> m_openNext; ///< whether that command opens (else it closes)
    double m_time = 0;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace dt::runtime
