// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "elementref.h"
#include "result.h"

#include <memory>

namespace dt::model {

/// An XPath subset over the CAEX element tree (InstanceHierarchy, InternalElement, libraries and
/// classes, ExternalInterface, Attribute):
///   //InternalElement[@Name='X']      descendant steps     /InstanceHierarchy/InternalElement
///   [@Name='X']  (relative to a context element)           *   ..   .
///   predicates: [@Attr='v'], [@Attr!='v'], [Attribute[@Name='Torque']], [Child], [n],
///   contains(@Name,'v'), starts-with(@Name,'v'), and/or/not(), parentheses.
/// Anything else is refused at parse time with a message naming the offending column.
class Query
{
public:
    static Result<Query> parse(const QString &expression);

    /// Matches from the document root; each match carries its element path.
    QList<ElementRef> evaluate(const CaexFile &file) const;
    /// Matches relative to a context element (e.g. a twin's root).
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
