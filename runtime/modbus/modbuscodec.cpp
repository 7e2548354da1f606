// SPDX-License-Identifier: GPL-3.0-or-later
#include "modbuscodec.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

quint16 swapBytes(quint16 word)
{
    return quint16((word << 8) | (word >> 8));
}

double engineering(const ModbusVariable &variable, double raw)
{
    if (variable.dataType == ModbusDataType::Bool)
        return raw;
    return raw * variable.scale + variable.offset;
}

// The range of raw values a type can carry; float32 by its largest finite value.
void rawRange(ModbusDataType type, double &min, double &max)
{
    switch (type) {
    case ModbusDataType::Bool:
        min = 0;
        max = 1;
        return;
    case ModbusDataType::UInt16:
        min = 0;
        max = 65535;
        return;
    case ModbusDataType::Int16:
        min = -32768;
        max = 32767;
        return;
    case ModbusDataType::UInt32:
        min = 0;
        max = 4294967295.0;
        return;
    case ModbusDataType::Int32:
        min = -2147483648.0;
        max = 2147483647.0;
        return;
    case ModbusDataType::Float32:
        break;
    }
    max = double(std::numeric_limits<float>::max());
    min = -max;
}

Result<bool> boolFrom(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString().trimmed().toLower();
        if (text == u"true" || text == u"1")
            return true;
        if (text == u"false" || text == u"0")
            return false;
        return Result<bool>::failure(u"'%1' is not a bool (true, false, 1 or 0)"_s.arg(text));
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || std::isnan(number))
        return Result<bool>::failure(u"'%1' is not a bool"_s.arg(value.toString()));
    return number != 0;
}

Result<double> numberFrom(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? 1.0 : 0.0;
    bool ok = false;
    const double number = value.typeId() == QMetaType::QString
        ? value.toString().trimmed().toDouble(&ok)
        : value.toDouble(&ok);
    if (!ok)
        return Result<double>::failure(u"'%1' is not a number"_s.arg(value.toString()));
    return number;
}

// Encodes one element of the variable into words (1 or 2).
Result<void> encodeOne(const ModbusVariable &variable, const QVariant &value, quint16 *words)
{
    using R = Result<void>;
    const ModbusDataType type = variable.dataType;
    if (type == ModbusDataType::Bool) {
        Result<bool> bit = boolFrom(value);
        if (!bit)
            return R::failure(bit.error());
        words[0] = *bit ? 1 : 0;
        return {};
    }
    Result<double> number = numberFrom(value);
    if (!number)
        return R::failure(number.error());
    if (!std::isfinite(*number) && type != ModbusDataType::Float32)
        return R::failure(u"%1 cannot be written as %2"_s.arg(*number).arg(dataTypeName(type)));
    double raw = (*number - variable.offset) / variable.scale;
    if (type != ModbusDataType::Float32)
        raw = std::round(raw);
    double min = 0;
    double max = 0;
    rawRange(type, min, max);
    // NaN and the infinities are legitimate float32 payloads; only finite values out of range fail.
    if (std::isfinite(raw) && (raw < min || raw > max)) {
        const bool scaled = variable.scale != 1 || variable.offset != 0;
        return R::failure(
            u"value %1%2 is out of range for %3 (%4..%5)"_s.arg(*number)
                .arg(scaled ? u" (raw %1 after scale and offset)"_s.arg(raw) : QString())
                .arg(dataTypeName(type))
                .arg(min, 0, 'g', 10)
                .arg(max, 0, 'g', 10));
    }
    quint32 bits = 0;
    switch (type) {
    case ModbusDataType::UInt16:
        words[0] = quint16(raw);
        return {};
    case ModbusDataType::Int16:
        words[0] = quint16(qint16(raw));
        return {};
    case ModbusDataType::UInt32:
        bits = quint32(raw);
        break;
    case ModbusDataType::Int32:
        bits = quint32(qint32(raw));
        break;
    case ModbusDataType::Float32: {
        const float single = float(raw);
        std::memcpy(&bits, &single, sizeof bits);
        break;
    }
    case ModbusDataType::Bool:
        break;
    }
    splitWords(bits, variable.wordOrder, words[0], words[1]);
    return {};
}

} // namespace

quint32 joinWords(quint16 first, quint16 second, WordOrder order)
{
    switch (order) {
    case WordOrder::ABCD:
        break;
    case WordOrder::CDAB:
        std::swap(first, second);
        break;
    case WordOrder::BADC:
        first = swapBytes(first);
        second = swapBytes(second);
        break;
    case WordOrder::DCBA:
        std::swap(first, second);
        first = swapBytes(first);
        second = swapBytes(second);
        break;
    }
    return (quint32(first) << 16) | second;
}

void splitWords(quint32 bits, WordOrder order, quint16 &first, quint16 &second)
{
    const quint16 high = quint16(bits >> 16); // AB
    const quint16 low = quint16(bits & 0xffff); // CD
    switch (order) {
    case WordOrder::ABCD:
        first = high;
        second = low;
        return;
    case WordOrder::CDAB:
        first = low;
        second = high;
        return;
    case WordOrder::BADC:
        first = swapBytes(high);
        second = swapBytes(low);
        return;
    case WordOrder::DCBA:
        break;
    }
    first = swapBytes(low);
    second = swapBytes(high);
}

double decodeRaw(ModbusDataType type, WordOrder order, const quint16 *words)
{
    switch (type) {
    case ModbusDataType::Bool:
        return words[0] != 0 ? 1.0 : 0.0;
    case ModbusDataType::UInt16:
        return double(words[0]);
    case ModbusDataType::Int16:
        return double(qint16(words[0]));
    case ModbusDataType::UInt32:
        return double(joinWords(words[0], words[1], order));
    case ModbusDataType::Int32:
        return double(qint32(joinWords(words[0], words[1], order)));
    case ModbusDataType::Float32:
        break;
    }
    const quint32 bits = joinWords(words[0], words[1], order);
    float single = 0;
    std::memcpy(&single, &bits, sizeof single);
    return double(single);
}

Result<QVariant> decodeVariable(
    const ModbusVariable &variable, const quint16 *words, qsizetype size)
{
    const int span = variable.span();
    if (variable.count < 1 || size < span) {
        return Result<QVariant>::failure(
            u"%1: %2 words received, %3 needed"_s.arg(variable.name).arg(size).arg(span));
    }
    const int step = variable.step();
    if (variable.count == 1)
        return QVariant(
            engineering(variable, decodeRaw(variable.dataType, variable.wordOrder, words)));
    QVariantList values;
    values.reserve(variable.count);
    for (int i = 0; i < variable.count; ++i) {
        values.append(engineering(variable,
            decodeRaw(variable.dataType, variable.wordOrder, words + qsizetype(i) * step)));
    }
    return QVariant(values);
}

Result<QVariant> decodeVariable(const ModbusVariable &variable, const QVector<quint16> &words)
{
    return decodeVariable(variable, words.constData(), words.size());
}

namespace {

Result<void> checkWritableTable(const ModbusVariable &variable)
{
    if (Result<void> valid = validateVariable(variable); !valid)
        return Result<void>::failure(u"%1: %2"_s.arg(variable.name, valid.error()));
    if (variable.registerType == RegisterType::InputRegister
        || variable.registerType == RegisterType::DiscreteInput) {
        return Result<void>::failure(u"%1: %2 tables are read-only"_s.arg(
            variable.name, registerTypeName(variable.registerType)));
    }
    return {};
}

} // namespace

Result<QVector<quint16>> encodeVariable(const ModbusVariable &variable, const QVariant &value)
{
    using R = Result<QVector<quint16>>;
    if (Result<void> writable = checkWritableTable(variable); !writable)
        return R::failure(writable.error());
    QVariantList values;
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList)
        values = value.toList();
    else
        values.append(value);
    if (values.size() != variable.count) {
        return R::failure(u"%1: %2 values given, %3 expected"_s.arg(variable.name)
                              .arg(values.size())
                              .arg(variable.count));
    }
    const int step = variable.step();
    QVector<quint16> words(variable.span(), 0);
    for (int i = 0; i < values.size(); ++i) {
        if (Result<void> ok = encodeOne(variable, values.at(i), words.data() + i * step); !ok) {
            return R::failure(variable.count == 1
                    ? u"%1: %2"_s.arg(variable.name, ok.error())
                    : u"%1[%2]: %3"_s.arg(variable.name).arg(i).arg(ok.error()));
        }
    }
    return words;
}

Result<QVector<quint16>> encodeElement(
    const ModbusVariable &variable, int element, const QVariant &value)
{
    using R = Result<QVector<quint16>>;
    if (Result<void> writable = checkWritableTable(variable); !writable)
        return R::failure(writable.error());
    if (element < 0 || element >= variable.count) {
        return R::failure(
            u"%1 has no element %2 (it holds %3 values, elements 0 to %4)"_s.arg(variable.name)
                .arg(element)
                .arg(variable.count)
                .arg(variable.count - 1));
    }
    QVector<quint16> words(variable.step(), 0);
    if (Result<void> ok = encodeOne(variable, value, words.data()); !ok)
        return R::failure(u"%1[%2]: %3"_s.arg(variable.name).arg(element).arg(ok.error()));
    return words;
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::QVariantList || b.typeId() == QMetaType::QVariantList) {
        if (a.typeId() != b.typeId())
            return false;
        const QVariantList left = a.toList();
        const QVariantList right = b.toList();
        if (left.size() != right.size())
            return false;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (!sameValue(left.at(i), right.at(i)))
                return false;
        }
        return true;
    }
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    return a == b;
}

} // namespace dt::runtime
