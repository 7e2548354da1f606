// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QModbusDataUnit>

namespace dt::runtime {

class SimulatedValve;

/// The simulator's Modbus map (0-based PDU addresses): the Rotork-style map of valves.md plus
/// our 21-point profiles. Registers are computed from the valve when read, never stored, so a
/// read always sees the last physics tick and idle valves cost nothing.
///
/// | table      | address | meaning                                                       |
/// |------------|---------|---------------------------------------------------------------|
/// | coil       | 0..3    | stop, close, open, ESD: writing 1 commands; reads 1 for the    |
/// |            |         | current state()'s coil                                        |
/// | discrete   | 0,1,2   | moving, closed limit, open limit                              |
/// | discrete   | 10, 11  | obstructed, jammed (others read 0)                            |
/// | input      | 2, 3    | torque % of rated (0-120), position 0.1 % (0-1000)            |
/// | holding    | 5       | command 0 stop 1 close 2 open 3 ESD (write commands, read state)|
/// | holding    | 6       | position set point 0-1000 (write moves there)                 |
/// | holding    | 34..44  | torque at 0, 10, ..., 100 % of the last opening stroke         |
/// | holding    | 45..55  | the same, last closing stroke                                 |
/// | holding    | 56..57  | operation counter, uint32, low word first (CDAB)              |
/// | holding    | 58..59  | torque-trip counter, uint32, low word first                   |
/// | holding    | 60..80  | torque at 0, 5, ..., 100 % of the last opening stroke          |
/// | holding    | 81..101 | the same, last closing stroke                                 |
///
/// Unlisted addresses inside each table read 0; addresses beyond it are illegal. Only holding
/// 5-6 and the coils are writable: a write touching any other register fails (the server then
/// answers with an exception) and changes nothing.
namespace ValveRegisters {
constexpr quint16 CoilStop = 0;
constexpr quint16 CoilClose = 1;
constexpr quint16 CoilOpen = 2;
constexpr quint16 CoilEsd = 3;
constexpr quint16 CoilCount = 4;

constexpr quint16 DiscreteMoving = 0;
constexpr quint16 DiscreteClosedLimit = 1;
constexpr quint16 DiscreteOpenLimit = 2;
constexpr quint16 DiscreteObstructed = 10;
constexpr quint16 DiscreteJammed = 11;
constexpr quint16 DiscreteCount = 12;

constexpr quint16 InputTorque = 2;
constexpr quint16 InputPosition = 3;
constexpr quint16 InputCount = 4;

constexpr quint16 HoldingCommand = 5;
constexpr quint16 HoldingSetPoint = 6;
constexpr quint16 HoldingOpenTable = 34; ///< 11 registers
constexpr quint16 HoldingCloseTable = 45; ///< 11 registers
constexpr quint16 HoldingOperationCount = 56;
constexpr quint16 HoldingTripCount = 58;
constexpr quint16 HoldingOpenProfile = 60; ///< 21 registers
constexpr quint16 HoldingCloseProfile = 81; ///< 21 registers
constexpr quint16 HoldingCount = 102;
} // namespace ValveRegisters

/// Reads and writes the map above on one valve (the Modbus server's backing store).
class ValveRegisterMap
{
public:
    /// Number of addresses of \a table (all start at 0); 0 for Invalid.
    static int size(QModbusDataUnit::RegisterType table);
    /// One register or bit of \a valve. \a address must be below size(table).
    static quint16 value(
        const SimulatedValve &valve, QModbusDataUnit::RegisterType table, quint16 address);
    /// Fills \a unit (type, start, count) from \a valve; a negative start returns the whole
    /// table (QModbusServer::data() convention). False when out of range.
    static bool read(const SimulatedValve &valve, QModbusDataUnit *unit);
    /// Applies a client write: commands from coils / holding 5, set point from holding 6.
    /// False when the range is out of the map, touches a read-only register or holds an
    /// invalid value (a command above 3, a set point above 1000).
    static bool write(SimulatedValve &valve, const QModbusDataUnit &unit);
};

} // namespace dt::runtime
