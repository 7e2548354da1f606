// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/elementref.h"

#include <QString>

#include <vector>

namespace dt::editor {

/// The document's index entry of one keyed node: an InstanceHierarchy or InternalElement of the
/// instance tree, or a library / class of the document's own libraries. Kept in step with the
/// model by AmlDocument on every edit, so item models get parent() and index() in O(1): the
/// children mirror the model's child list (InternalElements, or nested classes) in order.
struct DocumentNode
{
    model::ElementKind kind = model::ElementKind::None;
    model::CaexObject *object = nullptr; ///< the model node (cast by kind: element(), ...)
    DocumentNode *parent = nullptr; ///< nullptr for hierarchies and libraries
    int row = 0; ///< index in the parent's children (or among the roots)
    QString key; ///< CAEX ID, or a session key when the ID is empty/taken
    std::vector<DocumentNode *> children;

    /// The Name of the node (every keyed node is a CaexObject).
    const QString &name() const;
    model::CaexObject *caexObject() const { return object; }
    /// The element, or nullptr when the node is not an InternalElement.
    model::InternalElement *element() const
    {
        return isElement() ? static_cast<model::InternalElement *>(object) : nullptr;
    }
    /// The hierarchy, or nullptr when the node is not an InstanceHierarchy.
    model::InstanceHierarchy *hierarchy() const
    {
        return isHierarchy() ? static_cast<model::InstanceHierarchy *>(object) : nullptr;
    }
    bool isElement() const { return kind == model::ElementKind::InternalElement; }
    bool isHierarchy() const { return kind == model::ElementKind::InstanceHierarchy; }
    /// True for this node and its ancestors.
    bool isSelfOrDescendantOf(const DocumentNode *ancestor) const;
};

} // namespace dt::editor
