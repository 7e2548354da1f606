// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyrecord.h"
#include "sqlbackend.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace dt::runtime {

/// Lives in HistoryStore's reader thread and owns the read connection, so queries never wait
/// behind the writer's batches (and, with SQLite's WAL, never block it). Opens lazily and
/// reopens after an error.
class HistoryReader : public QObject
{
    Q_OBJECT

public:
    explicit HistoryReader(const SqlBackend &backend, QObject *parent = nullptr);
    ~HistoryReader() override;

    // All run in the reader thread.
    Result<QList<HistoryRecord>> lastRecords(const QString &path, const QString &attribute, int n);
    Result<QList<EventRecord>> lastEvents(int n);
    bool integrityCheck();
    void close();

private:
    Result<QList<HistoryRecord>> queryRecords(const QString &path, const QString &attribute, int n);
    Result<QList<EventRecord>> queryEvents(int n);
    /// Runs a query; when it fails on a connection opened earlier (the server may have
    /// restarted since), once more on a fresh connection.
    template<typename Query> auto withReconnect(Query query) -> decltype(query());
    Result<void> ensureOpen();
    QString sourceName(qint64 id);

    SqlBackend m_backend;
    const QString m_connectionName;
    bool m_open = false;
    QHash<qint64, QString> m_sourceNames;
};

} // namespace dt::runtime
