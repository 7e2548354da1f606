// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/linkmodel.h"

#include "commands/addremovelink.h"
#include "document/amldocument.h"

#include "model/resolver.h"

#include <QFile>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace dt::editor {

LinkModel::LinkModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(0);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &LinkModel::rebuild);
}

LinkModel::~LinkModel() = default;

void LinkModel::setDocument(AmlDocument *document)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_document = document;
    m_filterKey.clear();
    if (m_document) {
        // Links live inside elements: any structural edit may add, remove or break some.
        m_connections << connect(
            m_document, &AmlDocument::linksChanged, this, &LinkModel::scheduleRebuild);
        m_connections << connect(
            m_document, &AmlDocument::interfacesChanged, this, &LinkModel::scheduleRebuild);
        m_connections << connect(
            m_document, &AmlDocument::elementAdded, this, &LinkModel::scheduleRebuild);
        m_connections << connect(
            m_document, &AmlDocument::elementRemoved, this, &LinkModel::scheduleRebuild);
        m_connections << connect(
            m_document, &AmlDocument::elementMoved, this, &LinkModel::scheduleRebuild);
        m_connections << connect(
            m_document, &AmlDocument::elementChanged, this, &LinkModel::scheduleRebuild);
        m_connections << connect(
            m_document, &AmlDocument::aboutToBeDestroyed, this, [this] { setDocument(nullptr); });
    }
    rebuild();
}

void LinkModel::setElementFilter(const QString &key)
{
    if (key == m_filterKey)
        return;
    m_filterKey = key;
    rebuild();
}

int LinkModel::brokenCount() const
{
    return int(std::count_if(
        m_rows.begin(), m_rows.end(), [](const Row &row) { return !row.problem.isEmpty(); }));
}

void LinkModel::scheduleRebuild()
{
    m_rebuildTimer.start();
}

void LinkModel::rebuild()
{
    m_rebuildTimer.stop();
    beginResetModel();
    m_rows.clear();
    if (m_document)
        collect();
    endResetModel();
}

void LinkModel::collect()
{
    const QList<RemovedLink> links = findLinks(*m_document, [](const QString &) { return true; });
    model::Resolver &resolver = m_document->resolver();
    const DocumentNode *filter = m_filterKey.isEmpty() ? nullptr : m_document->node(m_filterKey);
    // An element's key from a resolved owner: the path leads to the keyed node.
    const auto ownerKey = [&](const model::ElementRef &owner) {
        const QString id = owner.object() ? owner.object()->id : QString();
        const DocumentNode *node = id.isEmpty() ? nullptr : m_document->node(id);
        if (node && node->object == owner.node)
            return node->key;
        return m_document->keyForIdOrPath(owner.path);
    };
    for (const RemovedLink &link : links) {
        Row row;
        row.containerKey = link.containerKey;
        row.linkRow = link.linkRow;
        row.name = link.name;
        row.sideA = link.partnerA;
        row.sideB = link.partnerB;
        QStringList problems;
        const auto side = [&](const QString &reference, QString &key, const QString &label) {
            const Result<model::Resolver::LinkPartner> partner = resolver.linkPartner(reference);
            if (partner)
                key = ownerKey(partner->owner);
            else
                problems << label + u": "_s + partner.error();
        };
        side(link.partnerA, row.keyA, tr("side A"));
        side(link.partnerB, row.keyB, tr("side B"));
        row.problem = problems.join(u'\n');
        if (filter) {
            const auto inside = [&](const QString &key) {
                const DocumentNode *node = key.isEmpty() ? nullptr : m_document->node(key);
                return node && node->isSelfOrDescendantOf(filter);
            };
            if (!inside(row.containerKey) && !inside(row.keyA) && !inside(row.keyB))
                continue;
        }
        m_rows.push_back(std::move(row));
    }
}

int LinkModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LinkModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LinkModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || !m_document)
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool broken = !row.problem.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case SideAColumn:
            return row.keyA.isEmpty() ? row.sideA : m_document->path(row.keyA);
        case SideBColumn:
            return row.keyB.isEmpty() ? row.sideB : m_document->path(row.keyB);
        case ContainerColumn:
            return m_document->path(row.containerKey);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (broken)
            return row.problem;
        return u"%1\n%2"_s.arg(row.sideA, row.sideB);
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            const QString file = broken ? u":/icons/brokenlink.svg"_s : u":/icons/link.svg"_s;
            return QFile::exists(file) ? QIcon(file) : QVariant();
        }
        return {};
    case BrokenRole:
        return broken;
    case ContainerKeyRole:
        return row.containerKey;
    case LinkRowRole:
        return row.linkRow;
    case SideAKeyRole:
        return row.keyA;
    case SideBKeyRole:
        return row.keyB;
    case ProblemRole:
        return row.problem;
    default:
        return {};
    }
}

QVariant LinkModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SideAColumn:
        return tr("Side A");
    case SideBColumn:
        return tr("Side B");
    case ContainerColumn:
        return tr("Held by");
    default:
        return {};
    }
}

} // namespace dt::editor
