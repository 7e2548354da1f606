// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/valveregistermap.h"

#include "valvesim/simulatedvalve.h"

#include <algorithm>
#include <cmath>

namespace dt::runtime {

using namespace ValveRegisters;

namespace {

quint16 percent(double torque)
{
    return quint16(std::clamp(int(std::lround(torque)), 0, 120));
}

quint16 lowWord(quint32 v)
{
    return quint16(v & 0xffffu);
}

quint16 highWord(quint32 v)
{
    return quint16(v >> 16);
}

quint16 holdingValue(const SimulatedValve &valve, quint16 address)
{
    constexpr int TableStep = 2; // the 11-point tables are every other profile sample
    if (address == HoldingCommand)
        return quint16(valve.state());
    if (address == HoldingSetPoint)
        return quint16(valve.setPointPermille());
    if (address >= HoldingOpenTable && address < HoldingCloseTable)
        return percent(valve.lastProfile(StrokeDirection::Opening)
                           .at((address - HoldingOpenTable) * TableStep));
    if (address >= HoldingCloseTable && address < HoldingOperationCount)
        return percent(valve.lastProfile(StrokeDirection::Closing)
                           .at((address - HoldingCloseTable) * TableStep));
    switch (address) {
    case HoldingOperationCount:
        return lowWord(valve.operationCount());
    case HoldingOperationCount + 1:
        return highWord(valve.operationCount());
    case HoldingTripCount:
        return lowWord(valve.tripCount());
    case HoldingTripCount + 1:
        return highWord(valve.tripCount());
    default:
        break;
    }
    if (address >= HoldingOpenProfile && address < HoldingCloseProfile)
        return percent(
            valve.lastProfile(StrokeDirection::Opening).at(address - HoldingOpenProfile));
    if (address >= HoldingCloseProfile && address < HoldingCount)
        return percent(
            valve.lastProfile(StrokeDirection::Closing).at(address - HoldingCloseProfile));
    return 0;
}

} // namespace

int ValveRegisterMap::size(QModbusDataUnit::RegisterType table)
{
    switch (table) {
    case QModbusDataUnit::Coils:
        return CoilCount;
    case QModbusDataUnit::DiscreteInputs:
        return DiscreteCount;
    case QModbusDataUnit::InputRegisters:
        return InputCount;
    case QModbusDataUnit::HoldingRegisters:
        return HoldingCount;
    case QModbusDataUnit::Invalid:
        break;
    }
    return 0;
}

quint16 ValveRegisterMap::value(
    const SimulatedValve &valve, QModbusDataUnit::RegisterType table, quint16 address)
{
    switch (table) {
    case QModbusDataUnit::Coils:
        return quint16(valve.state()) == address ? 1 : 0;
    case QModbusDataUnit::DiscreteInputs:
        switch (address) {
        case DiscreteMoving:
            return valve.isMoving();
        case DiscreteClosedLimit:
            return valve.atClosedLimit();
        case DiscreteOpenLimit:
            return valve.atOpenLimit();
        case DiscreteObstructed:
            return valve.isObstructed();
        case DiscreteJammed:
            return valve.isJammed();
        default:
            return 0;
        }
    case QModbusDataUnit::InputRegisters:
        if (address == InputTorque)
            return quint16(valve.torquePercent());
        if (address == InputPosition)
            return quint16(valve.positionPermille());
        return 0;
    case QModbusDataUnit::HoldingRegisters:
        return holdingValue(valve, address);
    case QModbusDataUnit::Invalid:
        break;
    }
    return 0;
}

bool ValveRegisterMap::read(const SimulatedValve &valve, QModbusDataUnit *unit)
{
    if (!unit)
        return false;
    const int tableSize = size(unit->registerType());
    if (tableSize == 0)
        return false;
    if (unit->startAddress() < 0) {
        unit->setStartAddress(0);
        unit->setValueCount(tableSize);
    }
    const int start = unit->startAddress();
    const int count = int(unit->valueCount());
    if (count < 1 || start + count > tableSize)
        return false;
    QList<quint16> values(count);
    for (int i = 0; i < count; ++i)
        values[i] = value(valve, unit->registerType(), quint16(start + i));
    unit->setValues(values);
    return true;
}

bool ValveRegisterMap::write(SimulatedValve &valve, const QModbusDataUnit &unit)
{
    const int tableSize = size(unit.registerType());
    const int start = unit.startAddress();
    const int count = int(unit.valueCount());
    if (start < 0 || count < 1 || start + count > tableSize)
        return false;

    if (unit.registerType() == QModbusDataUnit::Coils) {
        // Several coils at once: the safest command wins (ESD, stop, close, open).
        bool requested[CoilCount] = {};
        for (int i = 0; i < count; ++i)
            requested[start + i] = unit.value(i) != 0;
        if (requested[CoilEsd])
            valve.command(SimulatedValve::Command::EmergencyShutDown);
        else if (requested[CoilStop])
            valve.command(SimulatedValve::Command::Stop);
        else if (requested[CoilClose])
            valve.command(SimulatedValve::Command::Close);
        else if (requested[CoilOpen])
            valve.command(SimulatedValve::Command::Open);
        return true;
    }
    if (unit.registerType() != QModbusDataUnit::HoldingRegisters)
        return false;
    if (start < HoldingCommand || start + count > HoldingSetPoint + 1)
        return false;
    // Validate everything before acting, so a rejected write changes nothing.
    for (int i = 0; i < count; ++i) {
        const int address = start + i;
        const quint16 v = unit.value(i);
        if (address == HoldingCommand && v > quint16(SimulatedValve::Command::EmergencyShutDown))
            return false;
        if (address == HoldingSetPoint && v > 1000)
            return false;
    }
    for (int i = 0; i < count; ++i) {
        const int address = start + i;
        const quint16 v = unit.value(i);
        if (address == HoldingCommand)
            valve.command(SimulatedValve::Command(v));
        else
            valve.setPositionSetPoint(v);
    }
    return true;
}

} // namespace dt::runtime
