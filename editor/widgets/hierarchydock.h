// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLineEdit;
class QMenu;
class QTreeView;

namespace dt::editor {

class AmlDocument;
class HierarchyFilterModel;
class HierarchyModel;

/// The Instance Hierarchy dock: the element tree with a name filter, inline rename, icons by
/// role, drag & drop (move elements, drop library classes) and a context menu of the edit
/// actions the window gives it.
class HierarchyDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit HierarchyDock(QWidget *parent = nullptr);

    void setDocument(AmlDocument *document);
    AmlDocument *document() const;
    HierarchyModel *hierarchyModel() const { return m_model; }
    HierarchyFilterModel *filterModel() const { return m_filterModel; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

    /// The key of the current item (empty when none).
    QString currentKey() const;
    /// Keys of the selected items, in view order.
    QStringList selectedKeys() const;
    /// Makes key current and visible (clears the filter when it hides the element).
    bool selectKey(const QString &key);
    /// Starts inline rename of the current item.
    void renameCurrent();
    /// The actions of the context menu (owned by the caller).
    void setContextActions(const QList<QAction *> &actions);

Q_SIGNALS:
    void currentKeyChanged(const QString &key);
    void selectionChanged();
    /// A refused drop or failed rename, for the status bar.
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showContextMenu(const QPoint &pos);

    HierarchyModel *m_model;
    HierarchyFilterModel *m_filterModel;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QList<QAction *> m_contextActions;
};

} // namespace dt::editor
