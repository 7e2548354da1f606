// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

#include <vector>

namespace dt::editor {

class AmlDocument;

/// The document's InternalLinks (of the instance tree), one row each: Name, Side A, Side B and
/// the element that holds the link. A side that does not resolve marks the link broken
/// (BrokenRole, a warning icon and tooltip). Optionally only the links touching one element's
/// subtree (setElementFilter). Rebuilt when links or elements change, once per burst of edits
/// (after the event loop turns), since resolving every link of a large model costs a walk.
class LinkModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SideAColumn, SideBColumn, ContainerColumn, ColumnCount };
    enum Role {
        BrokenRole = Qt::UserRole + 1, ///< bool: a partner does not resolve
        ContainerKeyRole, ///< key of the element that holds the link
        LinkRowRole, ///< int: index of the link in its container
        SideAKeyRole, ///< key of side A's element (empty when broken)
        SideBKeyRole, ///< key of side B's element
        ProblemRole, ///< why it is broken
    };

    explicit LinkModel(QObject *parent = nullptr);
    ~LinkModel() override;

    void setDocument(AmlDocument *document);
    AmlDocument *document() const { return m_document; }
    /// Only links held by or pointing into this element's subtree (empty: all).
    void setElementFilter(const QString &key);
    QString elementFilter() const { return m_filterKey; }
    /// Number of broken links among the rows.
    int brokenCount() const;
    /// True while edits wait to be shown (the rows are refreshed on the next event loop turn).
    bool isRebuildPending() const { return m_rebuildTimer.isActive(); }
    /// Rebuilds now instead of on the next event loop turn.
    void refresh() { rebuild(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString containerKey;
        int linkRow = 0;
        QString name;
        QString sideA;
        QString sideB;
        QString keyA;
        QString keyB;
        QString problem;
    };
    void rebuild();
    void scheduleRebuild();
    void collect();

    QPointer<AmlDocument> m_document;
    QString m_filterKey;
    std::vector<Row> m_rows;
    QTimer m_rebuildTimer;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace dt::editor
