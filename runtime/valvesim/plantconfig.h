// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"
#include "valvesim/valvefault.h"
#include "valvesim/valvemodbusserver.h"
#include "valvesim/valveparameters.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dt::runtime {

/// A fault given to one valve of the plant (--fault V:kind:severity[:position]).
struct PlantFault
{
    int valve = 0; ///< 1-based valve number (valve 1 serves port BASE); 0 = every valve
    Fault fault;
};

/// Everything dt-valvesim is told on its command line.
struct PlantConfig
{
    int valves = 1;
    QString host = QStringLiteral("127.0.0.1");
    quint16 basePort = 1502; ///< valve i (1-based) listens on basePort + i - 1
    int unitId = 1;
    /// Set for Modbus RTU on a serial device (one valve) instead of TCP.
    std::optional<ValveModbusServer::SerialSettings> serial;
    double strokeSeconds = 5.0;
    double cycleSeconds = 0.0; ///< > 0: every valve reverses every cycleSeconds (staggered)
    QList<PlantFault> faults;
    double wearPerOperation = 0.0;
    std::optional<double> noisePercent; ///< unset: each valve draws 1-2 %
    quint32 seed = 1;
    ValveType valveType = ValveType::Ball;
    int tickMs = 20; ///< physics period shared by all valves
    bool helpRequested = false; ///< --help was given

    /// Parses dt-valvesim's arguments (arguments[0] is the program name). Errors name the
    /// option and the reason.
    static Result<PlantConfig> fromArguments(const QStringList &arguments);
    /// Parses "V:kind:severity[:position]" (V a 1-based number, or "all" / "*").
    static Result<PlantFault> parseFault(const QString &text);
    /// The --help text.
    static QString usage();
};

} // namespace dt::runtime
