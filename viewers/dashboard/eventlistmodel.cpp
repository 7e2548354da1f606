// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/eventlistmodel.h"

#include "client/twinclient.h"

#include <QColor>
#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::viewers {

using runtime::EventRecord;

namespace {

/// Row before which an event with this time goes (the list is sorted newest first; equal times
/// keep arrival order, the later arrival on top).
qsizetype insertionRow(const QList<EventRecord> &events, qint64 timestampMs)
{
    const auto at = std::lower_bound(events.cbegin(), events.cend(), timestampMs,
        [](const EventRecord &e, qint64 t) { return e.timestampMs > t; });
    return at - events.cbegin();
}

} // namespace

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EventListModel::~EventListModel() = default;

void EventListModel::setClient(runtime::TwinClient *client)
{
    if (client == m_client)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_client = client;
    if (!client)
        return;
    m_connections.append(
        connect(client, &runtime::TwinClient::eventRaised, this, &EventListModel::addEvent));
    m_connections.append(
        connect(client, &QObject::destroyed, this, [this]() { m_connections.clear(); }));
}

void EventListModel::loadRecent(int n)
{
    runtime::TwinClient *client = m_client.data();
    if (!client || n <= 0)
        return;
    QPointer<EventListModel> self(this);
    client->events(n, [self](const Result<QList<EventRecord>> &events) {
        if (self && events)
            self->mergeStored(*events);
    });
}

void EventListModel::mergeStored(const QList<EventRecord> &events)
{
    // Events raised while the query ran are both live and stored: keep one of each.
    for (const EventRecord &event : events) {
        if (!m_events.contains(event))
            addEvent(event);
    }
}

void EventListModel::addEvent(const EventRecord &event)
{
    const auto row = int(insertionRow(m_events, event.timestampMs));
    if (row >= m_maximumRows)
        return; // older than everything kept
    beginInsertRows(QModelIndex(), row, row);
    m_events.insert(row, event);
    endInsertRows();
    trim();
}

void EventListModel::clear()
{
    if (m_events.isEmpty())
        return;
    beginResetModel();
    m_events.clear();
    endResetModel();
}

void EventListModel::setMaximumRows(int rows)
{
    m_maximumRows = std::max(1, rows);
    trim();
}

void EventListModel::trim()
{
    const int count = int(m_events.size());
    if (count <= m_maximumRows)
        return;
    beginRemoveRows(QModelIndex(), m_maximumRows, count - 1);
    m_events.erase(m_events.begin() + m_maximumRows, m_events.end());
    endRemoveRows();
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::severityColor(const QString &severity)
{
    if (severity == "critical"_L1 || severity == "alarm"_L1)
        return QColor(0xc6, 0x28, 0x28);
    if (severity == "warning"_L1)
        return QColor(0xb2, 0x6a, 0x00);
    return QVariant();
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const EventRecord &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timestampMs)
                .toLocalTime()
                .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        case SeverityColumn:
            return e.severity;
        case PathColumn:
            return e.attribute.isEmpty() ? e.path : e.path + u'.' + e.attribute;
        case EventColumn:
            return e.event;
        case StateColumn:
            return e.state;
        case ValueColumn:
            return e.value;
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        return e.message.isEmpty() ? QVariant() : QVariant(e.message);
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn || e.state == "raised"_L1
            ? severityColor(e.severity)
            : QVariant();
    case TimestampRole:
        return e.timestampMs;
    case SeverityRole:
        return e.severity;
    case StateRole:
        return e.state;
    case MessageRole:
        return e.message;
    case AttributeRole:
        return e.attribute;
    default:
        return QVariant();
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case PathColumn:
        return tr("Path");
    case EventColumn:
        return tr("Event");
    case StateColumn:
        return tr("State");
    case ValueColumn:
        return tr("Value");
    default:
        return QVariant();
    }
}

} // namespace dt::viewers
