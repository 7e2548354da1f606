// SPDX-License-Identifier: GPL-3.0-or-later
#include "registermap.h"

#include "attributelookup.h"

#include "model/elementref.h"
#include "model/externalinterface.h"
#include "model/resolver.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

template<typename Enum, std::size_t N>
std::optional<Enum> parseName(QStringView text, const Enum (&values)[N], QString (*name)(Enum))
{
    const QStringView trimmed = text.trimmed();
    for (Enum value : values) {
        if (trimmed.compare(name(value), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

constexpr RegisterType AllRegisterTypes[] = { RegisterType::Coil, RegisterType::DiscreteInput,
    RegisterType::InputRegister, RegisterType::HoldingRegister };
constexpr ModbusDataType AllDataTypes[] = { ModbusDataType::Bool, ModbusDataType::UInt16,
    ModbusDataType::Int16, ModbusDataType::UInt32, ModbusDataType::Int32, ModbusDataType::Float32 };
constexpr WordOrder AllWordOrders[]
    = { WordOrder::ABCD, WordOrder::CDAB, WordOrder::BADC, WordOrder::DCBA };
constexpr Access AllAccess[] = { Access::Read, Access::Write, Access::ReadWrite };

QString choices(QStringList names)
{
    return names.join(u", "_s);
}

// Reads one of the enumerated attributes; the fallback is the ModbusVariable class default.
template<typename Enum, std::size_t N>
Result<Enum> enumAttribute(const AttributeLookup &lookup, QStringView attribute, Enum fallback,
    const Enum (&values)[N], QString (*name)(Enum))
{
    const std::optional<QString> text = lookup.text(attribute);
    if (!text)
        return fallback;
    if (std::optional<Enum> value = parseName(*text, values, name))
        return *value;
    QStringList names;
    for (Enum value : values)
        names << name(value);
    return Result<Enum>::failure(
        u"attribute '%1': '%2' is not one of %3"_s.arg(attribute, *text, choices(names)));
}

Result<ModbusVariable> variableFrom(
    const model::ExternalInterface &interface, const AttributeLookup &lookup)
{
    using R = Result<ModbusVariable>;
    ModbusVariable variable;
    variable.name = interface.name;

    Result<RegisterType> type = enumAttribute(
        lookup, u"RegisterType", RegisterType::HoldingRegister, AllRegisterTypes, registerTypeName);
    if (!type)
        return R::failure(type.error());
    variable.registerType = *type;

    Result<qint64> address = lookup.integer(u"Address", 0, 65535);
    if (!address)
        return R::failure(address.error());
    variable.address = quint16(*address);

    Result<qint64> count = lookup.integer(u"Count", 0, 65535, 1);
    if (!count)
        return R::failure(count.error());
    variable.count = quint16(*count);

    // Bit tables hold nothing but bits: an instance that names coil or discrete without a DataType
    // of its own means bool, not the class default uint16.
    if (isBitTable(variable.registerType) && !lookup.ownText(u"DataType")) {
        variable.dataType = ModbusDataType::Bool;
    } else {
        Result<ModbusDataType> dataType = enumAttribute(
            lookup, u"DataType", ModbusDataType::UInt16, AllDataTypes, dataTypeName);
        if (!dataType)
            return R::failure(dataType.error());
        variable.dataType = *dataType;
    }

    Result<WordOrder> order
        = enumAttribute(lookup, u"WordOrder", WordOrder::ABCD, AllWordOrders, wordOrderName);
    if (!order)
        return R::failure(order.error());
    variable.wordOrder = *order;

    Result<double> scale = lookup.number(u"Scale", 1.0);
    if (!scale)
        return R::failure(scale.error());
    variable.scale = *scale;
    Result<double> offset = lookup.number(u"Offset", 0.0);
    if (!offset)
        return R::failure(offset.error());
    variable.offset = *offset;

    Result<Access> access = enumAttribute(lookup, u"Access", Access::Read, AllAccess, accessName);
    if (!access)
        return R::failure(access.error());
    variable.access = *access;

    if (Result<void> valid = validateVariable(variable); !valid)
        return R::failure(valid.error());
    return variable;
}

} // namespace

int ModbusVariable::span() const
{
    return int(count) * step();
}

int ModbusVariable::step() const
{
    return isBitTable(registerType) ? 1 : wordsPerValue(dataType);
}

bool isBitTable(RegisterType type)
{
    return type == RegisterType::Coil || type == RegisterType::DiscreteInput;
}

int wordsPerValue(ModbusDataType type)
{
    switch (type) {
    case ModbusDataType::UInt32:
    case ModbusDataType::Int32:
    case ModbusDataType::Float32:
        return 2;
    case ModbusDataType::Bool:
    case ModbusDataType::UInt16:
    case ModbusDataType::Int16:
        break;
    }
    return 1;
}

QString registerTypeName(RegisterType type)
{
    switch (type) {
    case RegisterType::Coil:
        return u"coil"_s;
    case RegisterType::DiscreteInput:
        return u"discrete"_s;
    case RegisterType::InputRegister:
        return u"input"_s;
    case RegisterType::HoldingRegister:
        break;
    }
    return u"holding"_s;
}

QString dataTypeName(ModbusDataType type)
{
    switch (type) {
    case ModbusDataType::Bool:
        return u"bool"_s;
    case ModbusDataType::UInt16:
        return u"uint16"_s;
    case ModbusDataType::Int16:
        return u"int16"_s;
    case ModbusDataType::UInt32:
        return u"uint32"_s;
    case ModbusDataType::Int32:
        return u"int32"_s;
    case ModbusDataType::Float32:
        break;
    }
    return u"float32"_s;
}

QString wordOrderName(WordOrder order)
{
    switch (order) {
    case WordOrder::ABCD:
        return u"ABCD"_s;
    case WordOrder::CDAB:
        return u"CDAB"_s;
    case WordOrder::BADC:
        return u"BADC"_s;
    case WordOrder::DCBA:
        break;
    }
    return u"DCBA"_s;
}

QString accessName(Access access)
{
    switch (access) {
    case Access::Read:
        return u"read"_s;
    case Access::Write:
        return u"write"_s;
    case Access::ReadWrite:
        break;
    }
    return u"readwrite"_s;
}

std::optional<RegisterType> parseRegisterType(QStringView text)
{
    return parseName(text, AllRegisterTypes, registerTypeName);
}

std::optional<ModbusDataType> parseDataType(QStringView text)
{
    return parseName(text, AllDataTypes, dataTypeName);
}

std::optional<WordOrder> parseWordOrder(QStringView text)
{
    return parseName(text, AllWordOrders, wordOrderName);
}

std::optional<Access> parseAccess(QStringView text)
{
    return parseName(text, AllAccess, accessName);
}

Result<void> validateVariable(const ModbusVariable &variable)
{
    using R = Result<void>;
    const bool bits = isBitTable(variable.registerType);
    const QString table = registerTypeName(variable.registerType);
    if (variable.count < 1)
        return R::failure(u"attribute 'Count': must be at least 1"_s);
    if (bits && variable.dataType != ModbusDataType::Bool) {
        return R::failure(u"attribute 'DataType': %1 tables hold bits, so the data type must be "
                          "bool, not %2"_s.arg(table, dataTypeName(variable.dataType)));
    }
    const int span = variable.span();
    const qint64 last = qint64(variable.address) + span - 1;
    if (last > 65535) {
        return R::failure(u"attribute 'Address': %1 %2 from address %3 run past the last address "
                          "65535"_s.arg(span)
                              .arg(bits ? u"bits"_s : u"registers"_s)
                              .arg(variable.address));
    }
    const int readLimit = bits ? MaxReadBits : MaxReadRegisters;
    if (variable.isReadable() && span > readLimit) {
        return R::failure(u"attribute 'Count': %1 values of %2 take %3 %4, more than one read "
                          "request can hold (%5)"_s.arg(variable.count)
                              .arg(dataTypeName(variable.dataType))
                              .arg(span)
                              .arg(bits ? u"bits"_s : u"registers"_s)
                              .arg(readLimit));
    }
    if (variable.isWritable()) {
        if (variable.registerType == RegisterType::InputRegister
            || variable.registerType == RegisterType::DiscreteInput) {
            return R::failure(u"attribute 'Access': %1 tables are read-only, so '%2' is not "
                              "possible"_s.arg(table, accessName(variable.access)));
        }
        const int writeLimit = bits ? MaxWriteBits : MaxWriteRegisters;
        if (span > writeLimit) {
            return R::failure(u"attribute 'Count': %1 %2 are more than one write request can "
                              "hold (%3)"_s.arg(span)
                                  .arg(bits ? u"bits"_s : u"registers"_s)
                                  .arg(writeLimit));
        }
    }
    if (!std::isfinite(variable.scale) || variable.scale == 0)
        return R::failure(u"attribute 'Scale': must be a finite number other than 0"_s);
    if (!std::isfinite(variable.offset))
        return R::failure(u"attribute 'Offset': must be a finite number"_s);
    return {};
}

Result<ModbusVariable> modbusVariableFromInterface(const model::ExternalInterface &interface)
{
    Result<ModbusVariable> variable
        = variableFrom(interface, AttributeLookup(interface.attributes));
    if (!variable)
        return Result<ModbusVariable>::failure(
            u"interface '%1': %2"_s.arg(interface.name, variable.error()));
    return variable;
}

Result<ModbusVariable> modbusVariableFromInterface(
    const model::ExternalInterface &interface, model::Resolver &resolver)
{
    QList<const model::Attribute *> inherited;
    if (!interface.refBaseClassPath.trimmed().isEmpty()) {
        Result<model::ElementRef> cls = resolver.interfaceClass(interface.refBaseClassPath);
        if (cls)
            inherited = resolver.effectiveAttributes(*cls);
    }
    Result<ModbusVariable> variable
        = variableFrom(interface, AttributeLookup(interface.attributes, inherited));
    if (!variable)
        return Result<ModbusVariable>::failure(
            u"interface '%1': %2"_s.arg(interface.name, variable.error()));
    return variable;
}

} // namespace dt::runtime
