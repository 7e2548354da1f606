// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

#include <unordered_set>

namespace dt::editor {

class HierarchyModel;
struct DocumentNode;

/// Filters a HierarchyModel by name (case-insensitive substring): shows matches and their
/// ancestors. Fast on 100k elements: one linear scan over the document's node index marks the
/// visible nodes, filterAcceptsRow() is a set lookup. Edits while filtering refresh the marks.
class HierarchyFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit HierarchyFilterModel(QObject *parent = nullptr);
    ~HierarchyFilterModel() override;

    /// The source must be a HierarchyModel.
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    /// Filters by this text (empty shows everything).
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    /// Number of elements whose name matches (after the last refresh).
    int matchCount() const { return m_matchCount; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refresh();
    void scheduleRefresh();
    bool mark(const DocumentNode *node);

    HierarchyModel *m_hierarchy = nullptr;
    QString m_text;
    std::unordered_set<const DocumentNode *> m_visible;
    int m_matchCount = 0;
    bool m_refreshPending = false;
};

} // namespace dt::editor
