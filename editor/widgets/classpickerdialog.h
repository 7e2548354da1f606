// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace dt::editor {

class AmlDocument;
class LibraryModel;

/// Picks one class of one kind (a RoleClass for "Set role", an InterfaceClass for "Add
/// interface") from the libraries the document can use, with a filter box.
class ClassPickerDialog : public QDialog
{
    Q_OBJECT
public:
    /// kind: a LibraryModel::KindFilter value (one kind).
    ClassPickerDialog(AmlDocument *document, int kind, QWidget *parent = nullptr);

    /// The chosen class path as the document resolves it (empty when none).
    QString selectedPath() const;
    /// Preselects a class by path.
    void setSelectedPath(const QString &path);
    QTreeView *view() const { return m_view; }

private:
    void updateOk();

    LibraryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QDialogButtonBox *m_buttons;
};

} // namespace dt::editor
