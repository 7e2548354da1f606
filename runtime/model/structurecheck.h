// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelwalker.h"

namespace dt::model {

class ValidationContext;

/// Structural checks of the validator: names, ExternalReference declarations, and attribute
/// values against their AttributeDataType and Constraints. (Unique IDs: DuplicateIdCheck.)
class StructureCheck : public ModelVisitor
{
public:
    explicit StructureCheck(ValidationContext &context)
        : m_context(context)
    {
    }

    /// Checks of the document root (ExternalReference aliases); call before the walk.
    void checkDocument();
    void enter(const WalkNode &node) override;

private:
    void checkName(const WalkNode &node);
    void checkAttribute(const WalkNode &node);
    void checkValue(
        const WalkNode &node, const Attribute &attribute, const QString &value, const char *what);
    void checkConstraints(const WalkNode &node, const Attribute &attribute, const QString &value);

    ValidationContext &m_context;
};

} // namespace dt::model
