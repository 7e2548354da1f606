// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/documentnode.h"

namespace dt::editor {

const QString &DocumentNode::name() const
{
    return caexObject()->name;
}

bool DocumentNode::isSelfOrDescendantOf(const DocumentNode *ancestor) const
{
    for (const DocumentNode *node = this; node; node = node->parent)
        if (node == ancestor)
            return true;
    return false;
}

} // namespace dt::editor
