// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/twinclient.h"
#include "storage/historyrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace dt::viewers {

/// The events of a twin as a table, newest first: the events stored before (loadRecent) and
/// those raised while the view is open (TwinClient::eventRaised). Keeps at most maximumRows();
/// the oldest fall off.
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        SeverityColumn,
        PathColumn,
        EventColumn,
        StateColumn,
        ValueColumn,
        ColumnCount
    };
    enum Role {
        TimestampRole = Qt::UserRole + 1, ///< qint64 ms since the epoch (UTC)
        SeverityRole, ///< "info", "warning", "alarm", "critical", ...
        StateRole, ///< "raised", "cleared", "changed"
        MessageRole, ///< the engine's message text
        AttributeRole, ///< the watched attribute
    };

    explicit EventListModel(QObject *parent = nullptr);
    ~EventListModel() override;

    /// Follows a twin's events (nullptr: none). Does not clear what is shown.
    void setClient(runtime::TwinClient *client);
    runtime::TwinClient *client() const { return m_client; }

    /// Asks the client for its last n stored events and merges them in (duplicates dropped).
    void loadRecent(int n = 200);
    /// Adds one event at its place by time (newest first).
    void addEvent(const runtime::EventRecord &event);
    void clear();

    int maximumRows() const { return m_maximumRows; }
    void setMaximumRows(int rows);
    const runtime::EventRecord &event(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The colour a severity is shown in (alarms red, warnings amber, others the palette's).
    static QVariant severityColor(const QString &severity);

private:
    void mergeStored(const QList<runtime::EventRecord> &events);
    void trim();

    QPointer<runtime::TwinClient> m_client;
    QList<QMetaObject::Connection> m_connections;
    QList<runtime::EventRecord> m_events; ///< newest first
    int m_maximumRows = 10000;
};

} // namespace dt::viewers
