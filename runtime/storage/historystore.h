// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyrecord.h"
#include "model/result.h"
#include "storageconfig.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace dt::runtime {

class HistoryBuffer;
class HistoryReader;
class HistoryWriter;

/// The history of attribute changes and events of a twin, in SQLite, PostgreSQL or
/// MySQL/MariaDB. append() only queues (it never waits for the database); a writer thread
/// commits in batched transactions. While the database is unavailable (server down, file
/// locked, disk full) records stay in memory and are committed in order once it is back;
/// availabilityChanged() tells when that happens. Reads use their own connection and thread.
class HistoryStore : public QObject
{
    Q_OBJECT

public:
    struct Stats
    {
        /// Records and events handed to append()/appendEvent().
        qint64 appended = 0;
        /// ... of which committed to the database.
        qint64 committed = 0;
        /// ... waiting in memory (appended - committed - rejected - dropped).
        qint64 buffered = 0;
        /// Transactions that failed (each is retried, or split up on a data error).
        qint64 failedCommits = 0;
        /// Refused by the database for their content (never retried).
        qint64 rejected = 0;
        /// Dropped because the buffer hit StorageConfig::maxBufferedRecords during an outage.
        qint64 dropped = 0;
        bool available = true;
    };

    /// Starts the writer for `config`. Fails only for configuration errors (no file name, no
    /// Qt SQL driver for the backend); an unreachable database is not an error: the store
    /// buffers and keeps retrying. Pass a parent only if you release() the pointer.
    static Result<std::unique_ptr<HistoryStore>> open(
        const StorageConfig &config, QObject *parent = nullptr);
    /// Commits what it can (when the database is available), then stops the threads.
    ~HistoryStore() override;

    const StorageConfig &config() const;

    /// Thread-safe; never blocks on the database.
    void append(const HistoryRecord &record);
    void append(const QList<HistoryRecord> &records);
    void appendEvent(const EventRecord &event);

    /// The newest n records of `path` (all its attributes when `attribute` is empty), newest
    /// first; only committed records. Thread-safe; waits for the reader thread.
    Result<QList<HistoryRecord>> lastRecords(
        const QString &path, const QString &attribute, int n) const;
    /// The newest n events, newest first. Thread-safe.
    Result<QList<EventRecord>> lastEvents(int n) const;

    using RecordsCallback = std::function<void(const Result<QList<HistoryRecord>> &)>;
    using EventsCallback = std::function<void(const Result<QList<EventRecord>> &)>;
    /// As lastRecords()/lastEvents(), without waiting: the query runs on the reader thread,
    /// which then calls `done` (so `done` must be safe to call there). A caller such as the
    /// engine thread keeps serving its devices meanwhile. Queries asked for before the store
    /// is destroyed are answered before it closes.
    void lastRecordsAsync(
        const QString &path, const QString &attribute, int n, RecordsCallback done) const;
    void lastEventsAsync(int n, EventsCallback done) const;

    /// Waits up to timeoutMs until everything appended before the call is committed (or
    /// rejected/dropped, see Stats); true when nothing of it is still waiting.
    bool flush(int timeoutMs);
    Stats stats() const;
    bool isAvailable() const;

    /// SQLite: PRAGMA integrity_check; servers: every table of the schema answers.
    bool integrityCheck();
    /// Runs retention now (it also runs periodically); retentionApplied() reports the result.
    void applyRetention();

Q_SIGNALS:
    /// Emitted from the writer thread when the database becomes unavailable or available again.
    void availabilityChanged(bool available, const QString &error);
    void retentionApplied(qint64 samplesDeleted, qint64 eventsDeleted);

private:
    HistoryStore(const StorageConfig &config, QObject *parent);
    void appended(qint64 waiting);

    StorageConfig m_config;
    std::unique_ptr<HistoryBuffer> m_buffer;
    std::unique_ptr<QThread> m_writerThread;
    std::unique_ptr<QThread> m_readerThread;
    HistoryWriter *m_writer = nullptr;
    HistoryReader *m_reader = nullptr;
};

} // namespace dt::runtime
