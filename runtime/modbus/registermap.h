// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace dt::model {
struct ExternalInterface;
class Resolver;
} // namespace dt::model

namespace dt::runtime {

/// The four Modbus tables. Coils and discrete inputs hold bits, the others 16-bit registers.
enum class RegisterType { Coil, DiscreteInput, InputRegister, HoldingRegister };
/// How the raw bits or registers of one value are decoded.
enum class ModbusDataType { Bool, UInt16, Int16, UInt32, Int32, Float32 };
/// Byte order of a 32-bit value over two registers, bytes named A (most significant) to D:
/// ABCD high word first, CDAB low word first, BADC / DCBA the same with each word's bytes swapped.
/// 16-bit values are not affected.
enum class WordOrder { ABCD, CDAB, BADC, DCBA };
enum class Access { Read, Write, ReadWrite };

/// Protocol limits of one request (Modbus application protocol 1.1b3, §6).
constexpr int MaxReadRegisters = 125;
constexpr int MaxReadBits = 2000;
constexpr int MaxWriteRegisters = 123;
constexpr int MaxWriteBits = 1968;

/// One value in a device's tables, as a ModbusVariable interface describes it.
struct ModbusVariable
{
    QString name;
    RegisterType registerType = RegisterType::HoldingRegister;
    quint16 address = 0;
    quint16 count = 1; ///< number of VALUES of dataType (not registers)
    ModbusDataType dataType = ModbusDataType::UInt16;
    WordOrder wordOrder = WordOrder::ABCD;
    double scale = 1; ///< engineering value = raw × scale + offset
    double offset = 0;
    Access access = Access::Read;

    bool isReadable() const { return access != Access::Write; }
    bool isWritable() const { return access != Access::Read; }
    /// Registers (or bits for coils and discrete inputs) the variable occupies.
    int span() const;
    /// Registers (or bits) one value occupies: 1, or 2 for a 32-bit type in a register table.
    int step() const;
};

/// True for coils and discrete inputs (bit tables).
bool isBitTable(RegisterType type);
/// Registers per value: 2 for 32-bit types, else 1 (bits count as one each).
int wordsPerValue(ModbusDataType type);

/// Model spellings: coil|discrete|input|holding, bool|uint16|int16|uint32|int32|float32,
/// ABCD|CDAB|BADC|DCBA, read|write|readwrite. Parsing ignores case and surrounding blanks.
QString registerTypeName(RegisterType type);
QString dataTypeName(ModbusDataType type);
QString wordOrderName(WordOrder order);
QString accessName(Access access);
std::optional<RegisterType> parseRegisterType(QStringView text);
std::optional<ModbusDataType> parseDataType(QStringView text);
std::optional<WordOrder> parseWordOrder(QStringView text);
std::optional<Access> parseAccess(QStringView text);

/// Checks a variable against the protocol: count ≥ 1, the whole span inside 0..65535, one request
/// enough to read (and write) it, bit tables only as bool, input tables read-only, finite non-zero
/// scale. The message names the attribute at fault.
Result<void> validateVariable(const ModbusVariable &variable);

/// Reads a ModbusVariable interface from its own attributes (RegisterType, Address, Count,
/// DataType, WordOrder, Scale, Offset, Access); absent ones take the ModbusVariable class defaults
/// of DigitalTwinInterfaceClassLib, except Address, which is required. Errors name the attribute
/// and say why.
Result<ModbusVariable> modbusVariableFromInterface(const model::ExternalInterface &interface);
/// The same, but an attribute the interface leaves out (or leaves empty) is taken from its
/// InterfaceClass chain as the resolver finds it (Value, else DefaultValue).
Result<ModbusVariable> modbusVariableFromInterface(
    const model::ExternalInterface &interface, model::Resolver &resolver);

} // namespace dt::runtime
