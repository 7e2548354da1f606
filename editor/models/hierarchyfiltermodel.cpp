// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/hierarchyfiltermodel.h"

#include "document/amldocument.h"
#include "models/hierarchymodel.h"

#include <QTimer>

namespace dt::editor {

HierarchyFilterModel::HierarchyFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Our marks already include ancestors; Qt's own recursive pass would visit every row.
    setRecursiveFilteringEnabled(false);
}

HierarchyFilterModel::~HierarchyFilterModel() = default;

void HierarchyFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_hierarchy)
        disconnect(m_hierarchy, nullptr, this, nullptr);
    m_hierarchy = qobject_cast<HierarchyModel *>(sourceModel);
    m_visible.clear();
    QSortFilterProxyModel::setSourceModel(sourceModel);
    if (!m_hierarchy)
        return;
    // Edits while filtering: new or renamed elements may match; refresh once the edit is over.
    connect(m_hierarchy, &QAbstractItemModel::rowsInserted, this,
        &HierarchyFilterModel::scheduleRefresh);
    connect(m_hierarchy, &QAbstractItemModel::rowsRemoved, this,
        &HierarchyFilterModel::scheduleRefresh);
    connect(
        m_hierarchy, &QAbstractItemModel::rowsMoved, this, &HierarchyFilterModel::scheduleRefresh);
    connect(m_hierarchy, &QAbstractItemModel::dataChanged, this,
        &HierarchyFilterModel::scheduleRefresh);
    connect(
        m_hierarchy, &QAbstractItemModel::modelReset, this, &HierarchyFilterModel::scheduleRefresh);
    refresh();
}

void HierarchyFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    refresh();
}

void HierarchyFilterModel::scheduleRefresh()
{
    if (m_text.isEmpty() || m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshPending)
            refresh();
    });
}

void HierarchyFilterModel::refresh()
{
    m_refreshPending = false;
    m_visible.clear();
    m_matchCount = 0;
    AmlDocument *document = m_hierarchy ? m_hierarchy->document() : nullptr;
    if (document && !m_text.isEmpty()) {
        m_visible.reserve(1024);
        for (const DocumentNode *root : document->hierarchyNodes())
            mark(root);
    }
    invalidateFilter();
}

bool HierarchyFilterModel::mark(const DocumentNode *node)
{
    bool visible = node->name().contains(m_text, Qt::CaseInsensitive);
    if (visible)
        ++m_matchCount;
    for (const DocumentNode *child : node->children)
        visible = mark(child) || visible;
    if (visible)
        m_visible.insert(node);
    return visible;
}

bool HierarchyFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() || !m_hierarchy || !m_hierarchy->document())
        return true;
    const DocumentNode *parent = m_hierarchy->nodeForIndex(sourceParent);
    const std::vector<DocumentNode *> &siblings
        = parent ? parent->children : m_hierarchy->document()->hierarchyNodes();
    if (sourceRow < 0 || size_t(sourceRow) >= siblings.size())
        return false;
    const DocumentNode *node = siblings[size_t(sourceRow)];
    if (m_visible.count(node))
        return true;
    // Not marked yet (added since the last refresh, which is scheduled): judge by its name.
    return m_refreshPending && node->name().contains(m_text, Qt::CaseInsensitive);
}

} // namespace dt::editor
