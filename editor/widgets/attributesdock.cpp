// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/attributesdock.h"

#include "widgets/attributedelegate.h"
#include "widgets/icons.h"

#include "commands/addremoveattribute.h"
#include "document/amldocument.h"
#include "models/attributemodel.h"

#include "model/caexpath.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

AttributesDock::AttributesDock(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new AttributeModel(this))
    , m_delegate(new AttributeDelegate(this))
    , m_view(new QTreeView)
    , m_ownerLabel(new QLabel)
    , m_add(new QAction(this))
    , m_addNested(new QAction(this))
    , m_remove(new QAction(this))
{
    setObjectName(u"attributesDock"_s);
    m_view->setObjectName(u"attributeView"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(AttributeModel::NameColumn, 180);
    m_view->setColumnWidth(AttributeModel::ValueColumn, 140);
    m_view->setColumnWidth(AttributeModel::UnitColumn, 60);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AttributesDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        m_view->expandToDepth(0);
        updateActions();
        updateTitle();
    });

    m_ownerLabel->setObjectName(u"attributeOwnerLabel"_s);
    m_ownerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_add->setObjectName(u"actionAddAttribute"_s);
    m_add->setIcon(Icons::named(u"attribute"_s));
    m_addNested->setObjectName(u"actionAddNestedAttribute"_s);
    m_remove->setObjectName(u"actionRemoveAttribute"_s);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_add, &QAction::triggered, this, [this]() { addAttribute(false); });
    connect(m_addNested, &QAction::triggered, this, [this]() { addAttribute(true); });
    connect(m_remove, &QAction::triggered, this, &AttributesDock::removeCurrentAttribute);
    m_view->addAction(m_remove);

    auto *toolBar = new QToolBar;
    toolBar->setObjectName(u"attributeToolBar"_s);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_add);
    toolBar->addAction(m_addNested);
    toolBar->addAction(m_remove);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_ownerLabel);
    layout->addWidget(toolBar);
    layout->addWidget(m_view);
    setWidget(content);
    retranslate();
    updateActions();
}

void AttributesDock::setOwner(AmlDocument *document, const OwnerRef &owner)
{
    if (!document || !owner.isValid()) {
        clear();
        return;
    }
    m_model->setOwner(document, owner);
    updateTitle();
    updateActions();
}

void AttributesDock::setExternalClass(AmlDocument *document, const model::ElementRef &cls)
{
    if (!document || !cls.isValid()) {
        clear();
        return;
    }
    m_model->setClass(document, cls);
    updateTitle();
    updateActions();
}

void AttributesDock::clear()
{
    m_model->clear();
    updateTitle();
    updateActions();
}

bool AttributesDock::addAttribute(bool nested)
{
    AmlDocument *document = m_model->document();
    if (!document || m_model->isReadOnly() || !m_model->owner().isValid())
        return false;
    QStringList parentPath;
    if (nested) {
        const AttributeRef current = m_model->attributeRef(m_view->currentIndex());
        if (!current.isValid())
            return false;
        parentPath = current.path;
    }
    model::Attribute attribute;
    attribute.name = uniqueAttributeName(*document, m_model->owner(), parentPath,
                                         tr("Attribute"));
    attribute.dataType = u"xs:string"_s;
    auto command = std::make_unique<AddAttribute>(document, m_model->owner(), parentPath,
                                                  attribute);
    AddAttribute *added = command.get();
    document->undoStack()->push(command.release());
    const QModelIndex index = m_model->indexForPath(added->attributeRef().path);
    if (index.isValid()) {
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            m_view->expand(parent);
        m_view->setCurrentIndex(index);
        m_view->edit(index);
    }
    return true;
}

bool AttributesDock::removeCurrentAttribute()
{
    AmlDocument *document = m_model->document();
    if (!document || m_model->isReadOnly())
        return false;
    const AttributeRef ref = m_model->attributeRef(m_view->currentIndex());
    if (!ref.isValid())
        return false;
    document->undoStack()->push(new RemoveAttribute(document, ref));
    return true;
}

void AttributesDock::updateActions()
{
    const bool editable = m_model->document() && m_model->owner().isValid()
        && !m_model->isReadOnly();
    const bool hasCurrent = m_view->currentIndex().isValid();
    m_add->setEnabled(editable);
    m_addNested->setEnabled(editable && hasCurrent);
    m_remove->setEnabled(editable && hasCurrent);
}

void AttributesDock::updateTitle()
{
    AmlDocument *document = m_model->document();
    if (!document) {
        m_ownerLabel->setText(tr("Nothing selected"));
        return;
    }
    const OwnerRef owner = m_model->owner();
    QString text;
    if (owner.isValid()) {
        text = document->path(owner.key);
        if (owner.isInterface())
            text = tr("%1, interface %2").arg(text, owner.interfacePath.join(u'/'));
    } else {
        text = tr("Library class (read-only)");
    }
    if (m_model->isReadOnly() && owner.isValid())
        text = tr("%1 (read-only)").arg(text);
    m_ownerLabel->setText(text);
}

void AttributesDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void AttributesDock::retranslate()
{
    setWindowTitle(tr("Attributes"));
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add an attribute"));
    m_addNested->setText(tr("Add nested"));
    m_addNested->setToolTip(tr("Add an attribute inside the selected one"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected attribute"));
    updateTitle();
}

} // namespace dt::editor
