// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "elementref.h"
#include "result.h"

#include <memory>

namespace dt::model {

/// An XPath subset over the CAEX element tree (InstanceHierarchy, InternalElement, libraries and
/// classes, ExternalInterface, Attribute, InternalLink):
///   //InternalElement[@Name='X']      descendant steps     /InstanceHierarchy/InternalElement
///   [@Name='X']  (relative to a context element)           *   ..   .
///   predicates: [@Attr='v'], [@Attr!='v'], [Attribute[@Name='Torque']], [Child], [n],
///   contains(@Name,'v'), starts-with(@Name,'v'), and/or/not(), parentheses.
/// Anything else is refused at parse time with "unsupported XPath at column N: ..." (1-based).
///
/// Semantics, where they go beyond or differ from XPath 1.0:
/// - The tree has the CAEX elements only, children in XSD order (libraries after hierarchies,
///   an element's Attributes, ExternalInterfaces, InternalElements, SupportedRoleClasses,
///   InternalLinks, RoleRequirements). "/" is the CAEXFile element itself, so both
///   "/InstanceHierarchy" and "/CAEXFile/InstanceHierarchy" work.
/// - An expression that starts with a predicate, the paper's "[@Name='Motor1']", means
///   ".//*[@Name='Motor1']": every element of any kind below the context (not the context
///   itself) that satisfies the predicates; further steps may follow ("[@Name='V1']/Attribute").
/// - Relative paths start at the context element (at the CAEXFile without one); absolute paths
///   ignore the context.
/// - '@' names an XML attribute of the node: Name, ID, RefBaseSystemUnitPath, RefBaseClassPath,
///   RefPartnerSideA/B, RefRoleClassPath, RefBaseRoleClassPath, Unit, AttributeDataType,
///   RefAttributeType, ChangeMode, FileName, SchemaVersion; an empty value counts as absent, and
///   any comparison with an absent attribute is false (so [@X!='v'] needs @X to exist). Inside
///   predicates a path may end in one ("../@Name"); it compares true if any node's value does.
///   Value, DefaultValue and Description compare as text children ([Value>50]).
/// - =, != compare strings (numbers when one side is a number); <, <=, >, >= compare numbers.
///   A number predicate is a position among the step's matches per parent ([1], [last()],
///   [position()<3]).
/// - SupportedRoleClass and RoleRequirements can be stepped through and tested but are never
///   returned (they have no ElementKind), nor is the CAEXFile.
/// Matches come in document order without duplicates; each carries kind, node, the file and its
/// element path (names joined with CaexPath::join, e.g. "Plant/Valve1/Torque" for an attribute).
class Query
{
public:
    static Result<Query> parse(const QString &expression);

    /// Matches from the document root; each match carries its element path.
    QList<ElementRef> evaluate(const CaexFile &file) const;
    /// Matches relative to a context element (e.g. a twin's root). The context is found by its
    /// node (its path is only a hint); a node that is not in 'file' gives no matches.
    QList<ElementRef> evaluate(const CaexFile &file, const ElementRef &context) const;

    QString expression() const;

    Query(const Query &);
    Query &operator=(const Query &);
    Query(Query &&) noexcept;
    Query &operator=(Query &&) noexcept;
    ~Query();

private:
    struct Compiled;
    Query();
    std::unique_ptr<Compiled> m_compiled;
};

} // namespace dt::model
