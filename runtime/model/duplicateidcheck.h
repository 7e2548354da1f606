// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelwalker.h"

#include <vector>

namespace dt::model {

class ValidationContext;

/// Finds IDs used more than once. IDs are collected during the walk and compared after it by
/// sorting their hashes: on million-element models that is several times faster than a hash
/// table of strings, which spends its time in cache misses.
class DuplicateIdCheck : public ModelVisitor
{
public:
    explicit DuplicateIdCheck(ValidationContext &context)
        : m_context(context)
    {
    }

    void enter(const WalkNode &node) override;
    /// Reports the duplicates; call after the walk.
    void finish();

private:
    struct Use
    {
        size_t hash;
        const void *node;
        const CaexObject *object;
        const InternalElement *holder; ///< the element holding an interface or attribute
        quint32 order; ///< walk order: the first use is the original
        ElementKind kind;
        WalkScope scope;
    };

    void report(const Use &duplicate, const Use &first);

    ValidationContext &m_context;
    std::vector<Use> m_uses;
};

} // namespace dt::model
