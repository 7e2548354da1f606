// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace dt::editor {

class AmlDocument;
class HierarchyDock;
class InterfacesDock;

/// The edit actions on the elements selected in the hierarchy: new child element, rename, set
/// role, add interface, copy, cut, paste, duplicate, delete. Each pushes a command; the window
/// puts the actions in its menus, tool bar and the hierarchy's context menu. Their shortcuts
/// act while the hierarchy has the focus, so text fields keep Ctrl+C, Del and so on.
class ElementActions : public QObject
{
    Q_OBJECT
public:
    ElementActions(HierarchyDock *hierarchy, InterfacesDock *interfaces, QWidget *dialogParent);

    void setDocument(AmlDocument *document);

    QAction *newChildAction() const { return m_newChild; }
    QAction *renameAction() const { return m_rename; }
    QAction *setRoleAction() const { return m_setRole; }
    QAction *addInterfaceAction() const { return m_addInterface; }
    QAction *copyAction() const { return m_copy; }
    QAction *cutAction() const { return m_cut; }
    QAction *pasteAction() const { return m_paste; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    /// The context menu of the hierarchy (nullptr entries are separators).
    QList<QAction *> contextActions() const;

    /// Adds an empty child element under the current node and starts renaming it.
    bool newChildElement(const QString &name = QString());
    /// Sets the role of the selected elements (empty path: ask with a class picker).
    bool setRole(const QString &roleClassPath = QString());
    bool copy();
    bool cut();
    bool paste();
    bool duplicate();
    bool deleteSelection();

    void retranslate();
    void updateEnabled();

Q_SIGNALS:
    void message(const QString &text);

private:
    QStringList selectedElementKeys() const;

    AmlDocument *m_document = nullptr; // replaced by setDocument() before the old one dies
    HierarchyDock *m_hierarchy;
    InterfacesDock *m_interfaces;
    QWidget *m_dialogParent;
    QAction *m_newChild;
    QAction *m_rename;
    QAction *m_setRole;
    QAction *m_addInterface;
    QAction *m_copy;
    QAction *m_cut;
    QAction *m_paste;
    QAction *m_duplicate;
    QAction *m_delete;
};

} // namespace dt::editor
