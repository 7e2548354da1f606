// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/elementref.h"

#include <QDockWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace dt::editor {

class AmlDocument;
class LibraryModel;

/// The Libraries dock: the SystemUnitClass, RoleClass, InterfaceClass and AttributeType
/// libraries of the document and of the files it references, with a filter box. Classes are
/// dragged from here onto the hierarchy (instantiate, set role, add interface).
class LibrariesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LibrariesDock(QWidget *parent = nullptr);

    void setDocument(AmlDocument *document);
    LibraryModel *libraryModel() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// Shows and selects a class by its resolved path; false when it is not listed.
    bool selectClassPath(const QString &path);

Q_SIGNALS:
    /// The current class changed (an invalid ref when a library or nothing is current);
    /// documentKey is set for the document's own classes.
    void classSelected(const dt::model::ElementRef &cls, const QString &documentKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateHint();
    void currentChanged();

    LibraryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QLabel *m_hint;
};

} // namespace dt::editor
