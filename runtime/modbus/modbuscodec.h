// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registermap.h"

#include <QVariant>
#include <QVector>

namespace dt::runtime {

/// Joins two registers into the 32 bits of a value (A = most significant byte) in a word order.
quint32 joinWords(quint16 first, quint16 second, WordOrder order);
/// Splits 32 bits into the two registers to send, first address first.
void splitWords(quint32 bits, WordOrder order, quint16 &first, quint16 &second);

/// The raw (unscaled) value of one element at words (1 or 2 registers; 0/1 for a bit).
double decodeRaw(ModbusDataType type, WordOrder order, const quint16 *words);

/// Decodes one variable from its raw words: span() registers, or one 0/1 entry per bit. The result
/// is a double (raw × scale + offset; bool gives 0 or 1 and ignores scale and offset), or a
/// QVariantList of such doubles when count > 1. Fails when fewer words than span() are given.
Result<QVariant> decodeVariable(
    const ModbusVariable &variable, const quint16 *words, qsizetype size);
Result<QVariant> decodeVariable(const ModbusVariable &variable, const QVector<quint16> &words);

/// Encodes an engineering value for writing: raw = (value − offset) / scale, rounded to the
/// nearest whole number for integer types and checked against the type's range. Accepts numbers,
/// bools and numeric text ("true"/"false" for bool); a list of exactly count values when
/// count > 1. Returns span() words (0/1 per bit for coils).
Result<QVector<quint16>> encodeVariable(const ModbusVariable &variable, const QVariant &value);
/// Encodes one value for element (0-based) of a variable, to be written on its own: step()
/// words (one 0/1 for a coil) for address + element × step(). The value is a single one (not a
/// list), converted and range-checked as encodeVariable does.
Result<QVector<quint16>> encodeElement(
    const ModbusVariable &variable, int element, const QVariant &value);

/// Whether two decoded values are the same (NaN equals NaN, lists element by element): a device
/// that keeps returning NaN is not a change each poll.
bool sameValue(const QVariant &a, const QVariant &b);

} // namespace dt::runtime
