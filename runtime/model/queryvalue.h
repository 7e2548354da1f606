// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to dt::model: what a query predicate reads from a node, and the values it computes.

#include "queryparser.h"

#include <QStringView>

#include <vector>

namespace dt::model::detail {

/// The XML attribute of a node, or nullptr when the node has none (an empty value counts as
/// absent: the model keeps no difference for these attributes). Points into the model.
const QString *xmlAttribute(Node node, QueryAttribute attribute);
/// The text of a Value, DefaultValue or Description child, or nullptr when absent.
const QString *textChild(Node node, TextChild child);

/// An XPath value. Strings are views of the model or the compiled query (both outlive an
/// evaluation). Absent is an empty node-set such as a missing attribute, and Strings the
/// attribute values of a node-set ("../@Name"): as in XPath, a comparison holds when it holds
/// for some member, so comparing an empty set is always false.
struct QueryValue
{
    enum class Type : quint8 { Absent, Bool, Number, String, Strings };
    Type type = Type::Absent;
    bool boolean = false;
    double number = 0;
    QStringView string;
    std::vector<QStringView> strings;

    static QueryValue ofBool(bool b);
    static QueryValue ofNumber(double n);
    static QueryValue ofString(const QString *s);

    bool toBool() const;
    double toNumber() const;
    /// The string value; 'buffer' holds text that has to be made.
    QStringView toString(QString &buffer) const;
};

/// XPath 1.0 comparison (=, !=, <, <=, >, >=) of two values.
bool compareValues(const QueryValue &a, const QueryValue &b, QueryExpr::Op op);

} // namespace dt::model::detail
