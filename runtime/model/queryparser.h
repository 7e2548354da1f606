// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to dt::model: the compiled form of a Query and the parser that produces it.

#include "elementtree.h"
#include "result.h"

#include <memory>
#include <optional>
#include <vector>

namespace dt::model::detail {

/// The XML attributes of CAEX elements a predicate can test with '@'.
enum class QueryAttribute : quint8 {
    Name,
    ID,
    RefBaseSystemUnitPath,
    RefBaseClassPath,
    RefPartnerSideA,
    RefPartnerSideB,
    RefRoleClassPath,
    RefBaseRoleClassPath,
    Unit,
    AttributeDataType,
    RefAttributeType,
    ChangeMode,
    FileName,
    SchemaVersion,
};

/// Child elements with text content that a predicate can compare, e.g. [Value='5'].
enum class TextChild : quint8 { Value, DefaultValue, Description };

struct QueryPath;

struct QueryExpr
{
    enum class Op : quint8 {
        Or,
        And,
        Not,
        Equal,
        NotEqual,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Literal,
        Number,
        Attribute,
        Text,
        Path,
        Contains,
        StartsWith,
        Position,
        Last,
        True,
        False,
    };
    Op op = Op::Literal;
    QString text; ///< Literal
    double number = 0; ///< Number
    QueryAttribute attribute = QueryAttribute::Name;
    TextChild textChild = TextChild::Value;
    std::vector<QueryExpr> args; ///< operands and function arguments
    /// Path: a node-set, true when not empty; with path->attribute, the attributes' values.
    std::shared_ptr<const QueryPath> path;

    /// A number-valued predicate ([2], [last()]) selects by position.
    bool isNumeric() const { return op == Op::Number || op == Op::Position || op == Op::Last; }
    /// Whether the value depends on the position in the step's candidate list.
    bool usesPosition() const;
    /// Whether evaluating it walks a path (and so needs the node's ancestry).
    bool usesPath() const;
};

struct QueryStep
{
    enum class Axis : quint8 { Child, Descendant, DescendantOrSelf, Self, Parent };
    Axis axis = Axis::Child;
    bool anyKind = true; ///< '*', '.', '..'
    NodeKind kind = NodeKind::Document;
    std::vector<QueryExpr> predicates;

    bool matches(NodeKind candidate) const { return anyKind || candidate == kind; }
    bool hasPositionalPredicate() const;
};

struct QueryPath
{
    bool absolute = false;
    std::vector<QueryStep> steps;
    /// "../@Name" (inside predicates only): the path yields this attribute of its nodes.
    std::optional<QueryAttribute> attribute;
};

/// Parses an expression; errors read "unsupported XPath at column N: ..." (1-based).
Result<std::shared_ptr<const QueryPath>> parseQuery(const QString &expression);

} // namespace dt::model::detail
