// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/ownerref.h"

#include "model/elementref.h"

#include <QDockWidget>

class QAction;
class QLabel;
class QTreeView;

namespace dt::editor {

class AmlDocument;
class AttributeDelegate;
class AttributeModel;

/// The Attributes dock: the attributes of the selected element, class or interface as a tree,
/// edited through AttributeDelegate (typed editors); add and remove attributes.
class AttributesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit AttributesDock(QWidget *parent = nullptr);

    /// Shows the attributes of an owner of the document (invalid owner: nothing).
    void setOwner(AmlDocument *document, const OwnerRef &owner);
    /// Shows a class of an external library, read-only.
    void setExternalClass(AmlDocument *document, const model::ElementRef &cls);
    void clear();

    AttributeModel *attributeModel() const { return m_model; }
    AttributeDelegate *delegate() const { return m_delegate; }
    QTreeView *view() const { return m_view; }
    QAction *addAction() const { return m_add; }
    QAction *addNestedAction() const { return m_addNested; }
    QAction *removeAction() const { return m_remove; }

    /// Adds an attribute (nested under the current one when nested is true) and starts
    /// editing its name. Returns false when nothing editable is shown.
    bool addAttribute(bool nested = false);
    /// Removes the current attribute.
    bool removeCurrentAttribute();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void updateTitle();

    AttributeModel *m_model;
    AttributeDelegate *m_delegate;
    QTreeView *m_view;
    QLabel *m_ownerLabel;
    QAction *m_add;
    QAction *m_addNested;
    QAction *m_remove;
};

} // namespace dt::editor
