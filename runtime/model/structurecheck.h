// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelwalker.h"

#include <QHash>

namespace dt::model {

class ValidationContext;

/// Structural checks of the validator: names, unique IDs, ExternalReference declarations, and
/// attribute values against their AttributeDataType and Constraints.
class StructureCheck : public ModelVisitor
{
public:
    explicit StructureCheck(ValidationContext &context) : m_context(context) {}

    /// Checks of the document root (ExternalReference aliases); call before the walk.
    void checkDocument();
    void enter(const WalkNode &node) override;

private:
    void checkName(const WalkNode &node);
    void checkId(const WalkNode &node);
    void checkAttribute(const WalkNode &node);
    void checkValue(const WalkNode &node, const Attribute &attribute, const QString &value,
                    const char *what);
    void checkConstraints(const WalkNode &node, const Attribute &attribute, const QString &value);

    static bool isFacet(const WalkNode &element);

    struct FirstUse
    {
        ElementKind kind;
        WalkScope scope;
        const CaexObject *object;
    };

    ValidationContext &m_context;
    QHash<QString, FirstUse> m_ids;
};

} // namespace dt::model
