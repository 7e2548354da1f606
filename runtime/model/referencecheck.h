// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelwalker.h"

#include <QHash>

#include <vector>

namespace dt::model {

class ValidationContext;

/// Reference checks of the validator: class paths that do not resolve (RefBaseClassPath,
/// RefBaseSystemUnitPath, RefRoleClassPath, RefBaseRoleClassPath, RefAttributeType, interface
/// classes), InternalLink partners, and inheritance cycles.
class ReferenceCheck : public ModelVisitor
{
public:
    explicit ReferenceCheck(ValidationContext &context)
        : m_context(context)
    {
    }

    void enter(const WalkNode &node) override;
    /// Reports inheritance cycles; call after the walk.
    void finish();

private:
    /// Resolves 'path' as a class of 'kind' and reports it when it fails; returns the class
    /// node when it lies in the main document.
    const void *checkPath(
        const WalkNode &node, ElementKind kind, const QString &path, const char *attributeName);
    void checkLink(const WalkNode &node);
    void recordBase(const WalkNode &node, const void *base);

    struct ClassInfo
    {
        const void *base = nullptr;
        QString name;
        QString reportId;
        ElementKind kind = ElementKind::None;
    };

    ValidationContext &m_context;
    /// Each class that names a base class, in walk order, with the base it resolves to.
    QHash<const void *, ClassInfo> m_classes;
    std::vector<const void *> m_order;
};

} // namespace dt::model
