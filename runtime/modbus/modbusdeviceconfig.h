// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registermap.h"

#include <QChar>
#include <QList>
#include <QString>

namespace dt::model {
struct InternalElement;
class Resolver;
} // namespace dt::model

namespace dt::runtime {

/// Everything a ModbusDevice needs: the connection and the variables it polls and writes.
struct ModbusDeviceConfig
{
    enum class Transport { Tcp, Rtu };

    QString name;
    Transport transport = Transport::Tcp;
    // TCP
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 502;
    // Both
    int unitId = 1;
    int pollIntervalMs = 500; ///< 0: continuous scan (each block read again on its reply)
    int timeoutMs = 1000;
    int retries = 3;
    int maxInFlight = 4;
    // RTU
    QString serialPort;
    int baudRate = 19200;
    QChar parity = u'E'; ///< 'N', 'E', 'O', 'S' (space) or 'M' (mark)
    int dataBits = 8;
    int stopBits = 1; ///< 1, 2, or 3 for one and a half
    QList<ModbusVariable> variables;

    /// Index of the variable with this name, or -1.
    int indexOf(QStringView variableName) const;
};

/// Checks the connection settings and every variable; messages name the attribute at fault.
Result<void> validateDeviceConfig(const ModbusDeviceConfig &config);

/// Whether the element is a Modbus client: its RefBaseSystemUnitPath, or a class it derives from,
/// is DigitalTwinComponentLib/ModbusTCPClient or /ModbusRTUClient.
std::optional<ModbusDeviceConfig::Transport> modbusClientTransport(
    const model::InternalElement &element, model::Resolver &resolver);

/// Builds the configuration of a ModbusTCPClient or ModbusRTUClient element: its attributes (an
/// attribute the instance leaves out takes its class's value or default) and its ModbusVariable
/// interfaces, in document order, as variables. Errors name the element, the interface and the
/// attribute.
Result<ModbusDeviceConfig> modbusDeviceFromElement(
    const model::InternalElement &element, model::Resolver &resolver);

} // namespace dt::runtime
