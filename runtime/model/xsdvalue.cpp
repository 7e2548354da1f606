// SPDX-License-Identifier: GPL-3.0-or-later
// Lexical checks of the XML Schema built-in types that CAEX attributes name in AttributeDataType.
#include "xsdvalue.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Counts the digits at 'pos' and advances past them.
qsizetype skipDigits(QStringView s, qsizetype &pos)
{
    const qsizetype start = pos;
    while (pos < s.size() && isDigit(s.at(pos)))
        ++pos;
    return pos - start;
}

// [+-]?digits; 'digits' receives the digits without leading zeros, 'negative' the sign of a
// non-zero value.
bool isIntegerLexical(QStringView s, QStringView *digits = nullptr, bool *negative = nullptr)
{
    qsizetype pos = 0;
    bool minus = false;
    if (pos < s.size() && (s.at(pos) == u'+' || s.at(pos) == u'-')) {
        minus = s.at(pos) == u'-';
        ++pos;
    }
    const qsizetype start = pos;
    if (skipDigits(s, pos) == 0 || pos != s.size())
        return false;
    QStringView d = s.mid(start);
    while (d.size() > 1 && d.front() == u'0')
        d = d.mid(1);
    if (digits)
        *digits = d;
    if (negative)
        *negative = minus && d != u"0";
    return true;
}

// Compares two digit strings without leading zeros as unsigned integers.
int compareDigits(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

// An integer type's range, bounds as digit strings (arbitrary size); empty = unbounded.
struct IntegerRange
{
    bool allowNegative;
    QStringView negativeLimit; ///< largest magnitude of a negative value
    QStringView minimum; ///< smallest non-negative value
    QStringView maximum;
};

XsdFit checkInteger(QStringView s, const IntegerRange &range)
{
    QStringView digits;
    bool negative = false;
    if (!isIntegerLexical(s, &digits, &negative))
        return XsdFit::Invalid;
    if (negative) {
        if (!range.allowNegative)
            return XsdFit::Invalid;
        return range.negativeLimit.isEmpty() || compareDigits(digits, range.negativeLimit) <= 0
            ? XsdFit::Valid
            : XsdFit::Invalid;
    }
    if (!range.minimum.isEmpty() && compareDigits(digits, range.minimum) < 0)
        return XsdFit::Invalid;
    if (!range.maximum.isEmpty() && compareDigits(digits, range.maximum) > 0)
        return XsdFit::Invalid;
    return XsdFit::Valid;
}

// [+-]?(d+(.d*)?|.d+) followed, when allowed, by an exponent.
bool isDecimalLexical(QStringView s, bool allowExponent)
{
    qsizetype pos = 0;
    if (pos < s.size() && (s.at(pos) == u'+' || s.at(pos) == u'-'))
        ++pos;
    qsizetype digits = skipDigits(s, pos);
    if (pos < s.size() && s.at(pos) == u'.') {
        ++pos;
        digits += skipDigits(s, pos);
    }
    if (digits == 0)
        return false;
    if (allowExponent && pos < s.size() && (s.at(pos) == u'e' || s.at(pos) == u'E')) {
        ++pos;
        if (pos < s.size() && (s.at(pos) == u'+' || s.at(pos) == u'-'))
            ++pos;
        if (skipDigits(s, pos) == 0)
            return false;
    }
    return pos == s.size();
}

XsdFit checkFloating(QStringView s)
{
    if (s == u"INF" || s == u"-INF" || s == u"+INF" || s == u"NaN")
        return XsdFit::Valid;
    if (isDecimalLexical(s, true))
        return XsdFit::Valid;
    // A decimal comma ("0,5") is a common slip of localized tools: clearly meant, still wrong.
    QString dotted = s.toString();
    dotted.replace(u',', u'.');
    if (s.count(u',') == 1 && isDecimalLexical(dotted, true))
        return XsdFit::Lenient;
    if (s.compare(u"inf", Qt::CaseInsensitive) == 0 || s.compare(u"-inf", Qt::CaseInsensitive) == 0
        || s.compare(u"nan", Qt::CaseInsensitive) == 0)
        return XsdFit::Lenient;
    return XsdFit::Invalid;
}

XsdFit checkBoolean(QStringView s)
{
    if (s == u"true" || s == u"false" || s == u"1" || s == u"0")
        return XsdFit::Valid;
    if (s.compare(u"true", Qt::CaseInsensitive) == 0
        || s.compare(u"false", Qt::CaseInsensitive) == 0)
        return XsdFit::Lenient;
    return XsdFit::Invalid;
}

// Exactly 'count' digits at pos, as a number; -1 when absent.
int fixedNumber(QStringView s, qsizetype &pos, int count)
{
    if (pos + count > s.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s.at(pos + i);
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    pos += count;
    return value;
}

bool expect(QStringView s, qsizetype &pos, QChar c)
{
    if (pos < s.size() && s.at(pos) == c) {
        ++pos;
        return true;
    }
    return false;
}

bool parseDatePart(QStringView s, qsizetype &pos)
{
    expect(s, pos, u'-');
    const qsizetype yearStart = pos;
    if (skipDigits(s, pos) < 4)
        return false;
    if (pos - yearStart > 4 && s.at(yearStart) == u'0')
        return false;
    if (!expect(s, pos, u'-'))
        return false;
    const int month = fixedNumber(s, pos, 2);
    if (month < 1 || month > 12 || !expect(s, pos, u'-'))
        return false;
    const int day = fixedNumber(s, pos, 2);
    return day >= 1 && day <= 31;
}

bool parseTimePart(QStringView s, qsizetype &pos)
{
    const int hour = fixedNumber(s, pos, 2);
    if (hour < 0 || hour > 24 || !expect(s, pos, u':'))
        return false;
    const int minute = fixedNumber(s, pos, 2);
    if (minute < 0 || minute > 59 || !expect(s, pos, u':'))
        return false;
    const int second = fixedNumber(s, pos, 2);
    if (second < 0 || second > 59)
        return false;
    if (expect(s, pos, u'.') && skipDigits(s, pos) == 0)
        return false;
    return true;
}

// Z, +hh:mm, -hh:mm or nothing; 'lenient' is set for the common "+hhmm" form.
bool parseTimezone(QStringView s, qsizetype &pos, bool *lenient)
{
    if (pos == s.size())
        return true;
    if (expect(s, pos, u'Z'))
        return pos == s.size();
    if (!expect(s, pos, u'+') && !expect(s, pos, u'-'))
        return false;
    const int hours = fixedNumber(s, pos, 2);
    if (hours < 0 || hours > 14)
        return false;
    if (!expect(s, pos, u':'))
        *lenient = true;
    const int minutes = fixedNumber(s, pos, 2);
    return minutes >= 0 && minutes <= 59 && pos == s.size();
}

XsdFit checkDateTime(QStringView s, bool date, bool time)
{
    qsizetype pos = 0;
    bool lenient = false;
    if (date && !parseDatePart(s, pos))
        return XsdFit::Invalid;
    if (date && time) {
        if (!expect(s, pos, u'T')) {
            // "2020-01-01 12:00:00" is meant as a dateTime but uses a blank.
            if (!expect(s, pos, u' '))
                return XsdFit::Invalid;
            lenient = true;
        }
    }
    if (time && !parseTimePart(s, pos))
        return XsdFit::Invalid;
    if (!parseTimezone(s, pos, &lenient))
        return XsdFit::Invalid;
    return lenient ? XsdFit::Lenient : XsdFit::Valid;
}

// PnYnMnDTnHnMnS with at least one component and a T only before time components.
XsdFit checkDuration(QStringView s)
{
    qsizetype pos = 0;
    expect(s, pos, u'-');
    if (!expect(s, pos, u'P'))
        return XsdFit::Invalid;
    bool any = false;
    bool inTime = false;
    bool timeHasPart = false;
    QStringView order = u"YMD";
    while (pos < s.size()) {
        if (s.at(pos) == u'T') {
            if (inTime)
                return XsdFit::Invalid;
            inTime = true;
            order = u"HMS";
            ++pos;
            continue;
        }
        const qsizetype digits = skipDigits(s, pos);
        bool fraction = false;
        if (expect(s, pos, u'.')) {
            fraction = true;
            skipDigits(s, pos);
        }
        if (digits == 0 || pos >= s.size())
            return XsdFit::Invalid;
        const qsizetype index = order.indexOf(s.at(pos));
        if (index < 0 || (fraction && !(inTime && s.at(pos) == u'S')))
            return XsdFit::Invalid;
        order = order.mid(index + 1);
        ++pos;
        any = true;
        timeHasPart = timeHasPart || inTime;
    }
    if (!any || (inTime && !timeHasPart))
        return XsdFit::Invalid;
    return XsdFit::Valid;
}

XsdFit checkHexBinary(QStringView s)
{
    if (s.size() % 2 != 0)
        return XsdFit::Invalid;
    for (QChar c : s) {
        if (!isDigit(c) && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F'))
            return XsdFit::Invalid;
    }
    return XsdFit::Valid;
}

XsdFit checkBase64(QStringView s)
{
    qsizetype count = 0;
    qsizetype padding = 0;
    for (QChar c : s) {
        if (c == u' ')
            continue;
        if (c == u'=') {
            ++padding;
        } else if (padding > 0
            || !(isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'+'
                || c == u'/')) {
            return XsdFit::Invalid;
        }
        ++count;
    }
    return count % 4 == 0 && padding <= 2 ? XsdFit::Valid : XsdFit::Invalid;
}

} // namespace

bool isBlank(QStringView text)
{
    for (QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

QStringView xsdLocalName(QStringView dataType)
{
    const qsizetype colon = dataType.indexOf(u':');
    return (colon >= 0 ? dataType.mid(colon + 1) : dataType).trimmed();
}

std::optional<double> parseXsdNumber(QStringView value)
{
    const QStringView s = value.trimmed();
    if (!isDecimalLexical(s, true))
        return std::nullopt;
    bool ok = false;
    const double d = QLocale::c().toDouble(s, &ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

namespace {

enum class XsdType : quint8 {
    Unchecked,
    Boolean,
    Floating,
    Decimal,
    Integer,
    DateTime,
    Date,
    Time,
    Duration,
    HexBinary,
    Base64,
    NonPositive,
    Negative
};

struct NamedType
{
    QStringView name;
    XsdType type;
    IntegerRange range;
};

// Most used first: the lookup runs for every attribute of the model.
const NamedType Types[] = {
    { u"string", XsdType::Unchecked, {} },
    { u"double", XsdType::Floating, {} },
    { u"boolean", XsdType::Boolean, {} },
    { u"int", XsdType::Integer, { true, u"2147483648", {}, u"2147483647" } },
    { u"float", XsdType::Floating, {} },
    { u"integer", XsdType::Integer, { true, {}, {}, {} } },
    { u"decimal", XsdType::Decimal, {} },
    { u"dateTime", XsdType::DateTime, {} },
    { u"anyURI", XsdType::Unchecked, {} },
    { u"long", XsdType::Integer, { true, u"9223372036854775808", {}, u"9223372036854775807" } },
    { u"short", XsdType::Integer, { true, u"32768", {}, u"32767" } },
    { u"byte", XsdType::Integer, { true, u"128", {}, u"127" } },
    { u"unsignedLong", XsdType::Integer, { false, {}, {}, u"18446744073709551615" } },
    { u"unsignedInt", XsdType::Integer, { false, {}, {}, u"4294967295" } },
    { u"unsignedShort", XsdType::Integer, { false, {}, {}, u"65535" } },
    { u"unsignedByte", XsdType::Integer, { false, {}, {}, u"255" } },
    { u"nonNegativeInteger", XsdType::Integer, { false, {}, {}, {} } },
    { u"positiveInteger", XsdType::Integer, { false, {}, u"1", {} } },
    { u"nonPositiveInteger", XsdType::NonPositive, {} },
    { u"negativeInteger", XsdType::Negative, {} },
    { u"date", XsdType::Date, {} },
    { u"time", XsdType::Time, {} },
    { u"duration", XsdType::Duration, {} },
    { u"hexBinary", XsdType::HexBinary, {} },
    { u"base64Binary", XsdType::Base64, {} },
    { u"normalizedString", XsdType::Unchecked, {} },
    { u"token", XsdType::Unchecked, {} },
    { u"anySimpleType", XsdType::Unchecked, {} },
    { u"anyType", XsdType::Unchecked, {} },
};

const NamedType *findType(QStringView dataType)
{
    const QStringView name = xsdLocalName(dataType);
    for (const NamedType &t : Types) {
        if (t.name == name)
            return &t;
    }
    // Hand-written files are not always careful with case ("xs:Double").
    for (const NamedType &t : Types) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

} // namespace

bool isXsdNumericType(QStringView dataType)
{
    const NamedType *type = findType(dataType);
    return type
        && (type->type == XsdType::Floating || type->type == XsdType::Decimal
            || type->type == XsdType::Integer || type->type == XsdType::NonPositive
            || type->type == XsdType::Negative);
}

XsdFit checkXsdValue(QStringView dataType, QStringView value)
{
    const NamedType *type = findType(dataType);
    if (!type)
        return XsdFit::Unchecked;
    const QStringView s = value.trimmed();
    switch (type->type) {
    case XsdType::Unchecked:
        return XsdFit::Unchecked;
    case XsdType::Boolean:
        return checkBoolean(s);
    case XsdType::Floating:
        return checkFloating(s);
    case XsdType::Decimal:
        if (isDecimalLexical(s, false))
            return XsdFit::Valid;
        return checkFloating(s) == XsdFit::Invalid ? XsdFit::Invalid : XsdFit::Lenient;
    case XsdType::Integer:
        return checkInteger(s, type->range);
    case XsdType::NonPositive:
        return checkInteger(s, { true, {}, {}, u"0" });
    case XsdType::Negative: {
        bool negative = false;
        return isIntegerLexical(s, nullptr, &negative) && negative ? XsdFit::Valid
                                                                   : XsdFit::Invalid;
    }
    case XsdType::DateTime:
        return checkDateTime(s, true, true);
    case XsdType::Date:
        return checkDateTime(s, true, false);
    case XsdType::Time:
        return checkDateTime(s, false, true);
    case XsdType::Duration:
        return checkDuration(s);
    case XsdType::HexBinary:
        return checkHexBinary(s);
    case XsdType::Base64:
        return checkBase64(s);
    }
    return XsdFit::Unchecked;
}

} // namespace dt::model
