// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/moveelement.h"

#include "commands/commandtext.h"

namespace dt::editor {

MoveElement::MoveElement(AmlDocument *document, const QString &key, const QString &newParentKey,
    int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(key)
    , m_newParentKey(newParentKey)
{
    const DocumentNode *node = document->node(key);
    const DocumentNode *target = document->node(newParentKey);
    if (!node || !node->isElement() || !node->parent || !target
        || !(target->isElement() || target->isHierarchy()) || target->isSelfOrDescendantOf(node))
        return;
    m_oldParentKey = node->parent->key;
    m_oldRow = node->row;
    const bool sameParent = target == node->parent;
    const int count = int(target->children.size());
    // The drop row counts the element itself when it stays under the same parent.
    if (row < 0 || row > count)
        row = count;
    if (sameParent && row > m_oldRow)
        --row;
    m_newRow = row;
    m_valid = !(sameParent && m_newRow == m_oldRow);
    setText(CommandText::tr("Move %1").arg(node->name()));
}

void MoveElement::redo()
{
    if (m_valid)
        m_document->moveElement(m_key, m_newParentKey, m_newRow);
}

void MoveElement::undo()
{
    if (m_valid)
        m_document->moveElement(m_key, m_oldParentKey, m_oldRow);
}

} // namespace dt::editor
