// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include <QUndoCommand>

namespace dt::editor {

/// Moves an element to another parent (hierarchy or element) or position; row is counted in
/// the new parent before the move (as a drop gives it), -1 appends. Moving an element into its
/// own subtree is refused (isValid() false, redo does nothing).
class MoveElement : public QUndoCommand
{
public:
    MoveElement(AmlDocument *document, const QString &key, const QString &newParentKey, int row,
        QUndoCommand *parent = nullptr);

    /// False when the move is impossible (unknown keys, into itself) or changes nothing.
    bool isValid() const { return m_valid; }
    void redo() override;
    void undo() override;

private:
    AmlDocument *m_document;
    QString m_key;
    QString m_oldParentKey;
    int m_oldRow = -1;
    QString m_newParentKey;
    int m_newRow = -1;
    bool m_valid = false;
};

} // namespace dt::editor
