// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace dt::model {

/// How a text fits an XML Schema built-in type named by a CAEX AttributeDataType.
enum class XsdFit : quint8 {
    Valid, ///< a lexically valid value of the type
    Lenient, ///< not valid, but the obvious intent is clear (e.g. "True" for xs:boolean)
    Invalid, ///< not a value of the type
    Unchecked, ///< the type is unknown or accepts any text (xs:string, vendor types)
};

/// Checks 'value' against the built-in type 'dataType' ("xs:double", "xsd:int", "double", ...).
/// Whitespace is collapsed as XML Schema does for non-string types. Hand-written parsers, no
/// regular expressions: this runs for every attribute of million-element models.
XsdFit checkXsdValue(QStringView dataType, QStringView value);

/// The local name of a data type without its prefix, e.g. "double" for "xs:double".
QStringView xsdLocalName(QStringView dataType);

/// True for the numeric built-in types (integers, decimal, float, double).
bool isXsdNumericType(QStringView dataType);

/// True when the text is empty or only whitespace (without allocating, unlike trimmed()).
bool isBlank(QStringView text);

/// The value as a number if it is a lexically valid xs:double (integers and decimals included).
std::optional<double> parseXsdNumber(QStringView value);

} // namespace dt::model
