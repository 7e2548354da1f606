// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include "model/attribute.h"

#include <QUndoCommand>

namespace dt::editor {

/// Adds an attribute to an owner, nested under parentPath (empty: top level); row -1 appends.
class AddAttribute : public QUndoCommand
{
public:
    AddAttribute(AmlDocument *document, const OwnerRef &owner, const QStringList &parentPath,
        model::Attribute attribute, int row = -1, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    /// The new attribute's reference.
    AttributeRef attributeRef() const;

private:
    AmlDocument *m_document;
    OwnerRef m_owner;
    QStringList m_parentPath;
    int m_row;
    int m_insertedRow = -1;
    model::Attribute m_attribute;
};

/// Removes an attribute (with its nested ones); undo puts it back in place.
class RemoveAttribute : public QUndoCommand
{
public:
    RemoveAttribute(AmlDocument *document, const AttributeRef &ref, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    AmlDocument *m_document;
    AttributeRef m_ref;
    int m_row = -1;
    model::Attribute m_attribute;
};

/// A name like `base` no attribute under parentPath of owner has ("Attribute", "Attribute2", ...).
QString uniqueAttributeName(const AmlDocument &document, const OwnerRef &owner,
    const QStringList &parentPath, const QString &base);

} // namespace dt::editor
