// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/addremovelink.h"
#include "document/amldocument.h"

#include "model/systemunit.h"

#include <QUndoCommand>

#include <memory>

namespace dt::editor {

/// Adds an InternalElement (a new child, an instance, a pasted copy) under a hierarchy or
/// element. The command owns the element while it is undone.
class AddElement : public QUndoCommand
{
public:
    /// row -1 appends.
    AddElement(AmlDocument *document, const QString &parentKey, int row,
        std::unique_ptr<model::InternalElement> element, const QString &text = QString(),
        QUndoCommand *parent = nullptr);
    ~AddElement() override;

    /// A new empty element with a fresh ID named `name`.
    static std::unique_ptr<AddElement> newChild(
        AmlDocument *document, const QString &parentKey, int row, const QString &name);

    void redo() override;
    void undo() override;

    /// The key of the added element (its ID, or a session key), valid after the first redo.
    QString key() const { return m_key; }
    QString parentKey() const { return m_parentKey; }

private:
    AmlDocument *m_document;
    QString m_parentKey;
    int m_row;
    std::unique_ptr<model::InternalElement> m_element;
    QStringList m_keys;
    QString m_key;
};

/// Removes InternalElements with their subtrees and every InternalLink elsewhere that points
/// into them (reported by removedLinks()); undo restores both. Keys inside another removed
/// subtree are skipped.
class RemoveElement : public QUndoCommand
{
public:
    RemoveElement(AmlDocument *document, const QString &key, QUndoCommand *parent = nullptr);
    RemoveElement(AmlDocument *document, const QStringList &keys, QUndoCommand *parent = nullptr);
    ~RemoveElement() override;

    void redo() override;
    void undo() override;

    /// Links outside the subtrees that pointed into them (removed along with the elements).
    const QList<RemovedLink> &removedLinks() const { return m_removedLinks; }
    /// The links that removing these elements would remove (for a confirmation dialog).
    static QList<RemovedLink> linksInto(const AmlDocument &document, const QStringList &keys);

private:
    struct Removed
    {
        QString key;
        QString parentKey;
        int row = -1;
        std::unique_ptr<model::InternalElement> element;
        QStringList keys;
    };
    AmlDocument *m_document;
    std::vector<Removed> m_removed;
    QList<RemovedLink> m_removedLinks;
};

/// Removes several elements in one undo step (same as RemoveElement with a list).
std::unique_ptr<QUndoCommand> removeElements(AmlDocument *document, const QStringList &keys);

/// Adds an InstanceHierarchy (row -1 appends).
class AddHierarchy : public QUndoCommand
{
public:
    AddHierarchy(
        AmlDocument *document, int row, const QString &name, QUndoCommand *parent = nullptr);
    ~AddHierarchy() override;
    void redo() override;
    void undo() override;
    QString key() const { return m_key; }

private:
    AmlDocument *m_document;
    int m_row;
    std::unique_ptr<model::InstanceHierarchy> m_hierarchy;
    QStringList m_keys;
    QString m_key;
};

/// Removes an InstanceHierarchy with its elements and the links into them.
class RemoveHierarchy : public QUndoCommand
{
public:
    RemoveHierarchy(AmlDocument *document, const QString &key, QUndoCommand *parent = nullptr);
    ~RemoveHierarchy() override;
    void redo() override;
    void undo() override;

private:
    AmlDocument *m_document;
    QString m_key;
    int m_row = -1;
    std::unique_ptr<model::InstanceHierarchy> m_hierarchy;
    QStringList m_keys;
};

} // namespace dt::editor
