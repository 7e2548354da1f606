// SPDX-License-Identifier: GPL-3.0-or-later
// The AML model bench_runtime deploys, and the register map it shares with the raw baselines.
#pragma once

#include <QString>

namespace dt::bench {

/// What every simulated valve is polled for: two read requests per poll cycle, the same in the
/// pipeline's model and in the raw QModbusTcpClient loop.
///   input registers 2..3   Torque (%), Position (0.1 %)
///   holding registers 5..6 State (command), SetPoint (0.1 %, the latency marker)
namespace BenchMap {
constexpr int InputStart = 2;
constexpr int InputCount = 2;
constexpr int HoldingStart = 5;
constexpr int HoldingCount = 2;
constexpr int SetPointRegister = 6;
constexpr int ReadsPerCycle = 2;
} // namespace BenchMap

struct BenchModelOptions
{
    int devices = 1;
    QString host = QStringLiteral("127.0.0.1");
    int basePort = 20000;
    int pollIntervalMs = 100;
    /// The twin's own (API) port: the model needs one; kept clear of the valves' ports.
    int apiPort = 20000;
    /// Absolute folder of the DT and AutomationML libraries the model references.
    QString libraryDir;
    /// SQLiteStorage File (relative to the deploy's data directory).
    QString historyFile = QStringLiteral("history.sqlite");
};

/// The element names the model uses ("Valve7", "Valve7Modbus").
QString valveName(int index);

/// A CAEX 3.0 document: InstanceHierarchy "Bench" / element "Plant" holding N valves
/// (MotorOperatedValve with Position, Torque, State, SetPoint and their AttributeInterfaces) and
/// the twin "BenchTwin" (DigitalTwin) with one SQLiteStorage, a RestAPI and N ModbusTCPClient
/// components whose ModbusVariable interfaces are linked to the valves' AttributeInterfaces, the
/// pattern of refinery-centralized.aml. Nothing is hard-coded in the runtime: the map comes from
/// here.
QString benchModelText(const BenchModelOptions &options);

} // namespace dt::bench
