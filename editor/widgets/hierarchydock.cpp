// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/hierarchydock.h"

#include "document/amldocument.h"
#include "models/hierarchyfiltermodel.h"
#include "models/hierarchymodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::editor {

HierarchyDock::HierarchyDock(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new HierarchyModel(this))
    , m_filterModel(new HierarchyFilterModel(this))
    , m_view(new QTreeView)
    , m_filter(new QLineEdit)
{
    setObjectName(u"hierarchyDock"_s);
    m_filterModel->setSourceModel(m_model);

    m_filter->setObjectName(u"hierarchyFilter"_s);
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setFilterText(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });

    m_view->setObjectName(u"hierarchyView"_s);
    m_view->setModel(m_filterModel);
    m_view->setUniformRowHeights(true); // keeps 100k-element trees fast
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(HierarchyModel::NameColumn, 220);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &HierarchyDock::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this]() { Q_EMIT currentKeyChanged(currentKey()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HierarchyDock::selectionChanged);
    connect(m_model, &HierarchyModel::editFailed, this, &HierarchyDock::message);
    // A new document or an undo that removes the current row leaves no current item.
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this]() { Q_EMIT currentKeyChanged(currentKey()); });

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setWidget(content);
    retranslate();
}

void HierarchyDock::setDocument(AmlDocument *document)
{
    m_filter->clear();
    m_model->setDocument(document);
    m_view->expandToDepth(1);
    Q_EMIT currentKeyChanged(currentKey());
}

AmlDocument *HierarchyDock::document() const
{
    return m_model->document();
}

QString HierarchyDock::currentKey() const
{
    return m_model->keyForIndex(m_filterModel->mapToSource(m_view->currentIndex()));
}

QStringList HierarchyDock::selectedKeys() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows(HierarchyModel::NameColumn);
    // View order, so that copy and delete keep the document order the user sees.
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_view->visualRect(a).top() < m_view->visualRect(b).top();
    });
    QStringList keys;
    for (const QModelIndex &row : std::as_const(rows)) {
        const QString key = m_model->keyForIndex(m_filterModel->mapToSource(row));
        if (!key.isEmpty())
            keys.append(key);
    }
    if (keys.isEmpty() && !currentKey().isEmpty())
        keys.append(currentKey());
    return keys;
}

bool HierarchyDock::selectKey(const QString &key)
{
    const QModelIndex source = m_model->indexForKey(key);
    if (!source.isValid())
        return false;
    QModelIndex index = m_filterModel->mapFromSource(source);
    if (!index.isValid()) {
        m_filter->clear();
        index = m_filterModel->mapFromSource(source);
    }
    if (!index.isValid())
        return false;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_view->expand(parent);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void HierarchyDock::renameCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_view->edit(current.siblingAtColumn(HierarchyModel::NameColumn));
}

void HierarchyDock::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

void HierarchyDock::showContextMenu(const QPoint &pos)
{
    if (m_contextActions.isEmpty())
        return;
    QMenu menu(this);
    menu.setObjectName(u"hierarchyContextMenu"_s);
    for (QAction *action : std::as_const(m_contextActions)) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void HierarchyDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void HierarchyDock::retranslate()
{
    setWindowTitle(tr("Instance Hierarchy"));
    m_filter->setPlaceholderText(tr("Filter by name"));
}

} // namespace dt::editor
