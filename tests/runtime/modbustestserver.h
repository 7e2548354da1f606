// SPDX-License-Identifier: GPL-3.0-or-later
// A QModbusTcpServer on loopback for the runtime tests: unit id 1, coils, discrete inputs and
// input registers 0-15, holding registers 0-109 (all zero; each test sets the values it needs).
#pragma once

#include <QModbusTcpServer>
#include <QString>
#include <QVariant>

#include <memory>

namespace dt::test {

inline std::unique_ptr<QModbusTcpServer> startModbusServer(quint16 port)
{
    auto server = std::make_unique<QModbusTcpServer>();
    QModbusDataUnitMap map;
    map.insert(QModbusDataUnit::Coils, { QModbusDataUnit::Coils, 0, 16 });
    map.insert(QModbusDataUnit::DiscreteInputs, { QModbusDataUnit::DiscreteInputs, 0, 16 });
    map.insert(QModbusDataUnit::InputRegisters, { QModbusDataUnit::InputRegisters, 0, 16 });
    map.insert(QModbusDataUnit::HoldingRegisters, { QModbusDataUnit::HoldingRegisters, 0, 110 });
    server->setMap(map);
    server->setServerAddress(1);
    server->setConnectionParameter(
        QModbusDevice::NetworkAddressParameter, QStringLiteral("127.0.0.1"));
    server->setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
    if (!server->connectDevice())
        return nullptr;
    return server;
}

} // namespace dt::test
