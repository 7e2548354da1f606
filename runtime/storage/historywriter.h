// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historybuffer.h"
#include "sqlbackend.h"

#include <QHash>
#include <QObject>
#include <QPair>

#include <atomic>
#include <memory>
#include <optional>

class QSqlError;
class QTimer;

namespace dt::runtime {

/// Lives in HistoryStore's writer thread and owns the only writing connection: takes batches
/// from the HistoryBuffer, commits each in one transaction (multi-row prepared INSERTs), keeps
/// the path and source ids cached, runs retention, and on an outage puts the batch back, closes
/// the connection and reconnects with capped exponential backoff.
class HistoryWriter : public QObject
{
    Q_OBJECT

public:
    HistoryWriter(const SqlBackend &backend, HistoryBuffer *buffer, QObject *parent = nullptr);
    ~HistoryWriter() override;

    /// Thread-safe: a full batch waits; the writer thread commits full batches soon and leaves
    /// a smaller rest for its flush timer (every commit rewrites the pages it touches, so
    /// committing each trickle of records as it comes would cost a page write per few records).
    void wake();
    /// Thread-safe: asks the writer thread to commit everything waiting, soon, until the first
    /// `appended` records (HistoryBuffer's count) are handled. A request already served forces
    /// nothing: the trickle after it is committed in full batches again.
    void requestFlush(qint64 appended);
    /// Thread-safe.
    bool isAvailable() const { return m_available.load(); }

    // The following run in the writer thread.
    /// Creates the timers and connects.
    void start();
    /// Commits what it can (when the database is available), then closes the connection.
    void shutdown();
    /// Deletes samples and events older than RetentionDays.
    void applyRetention();

Q_SIGNALS:
    void availabilityChanged(bool available, const QString &error);
    void retentionApplied(qint64 samplesDeleted, qint64 eventsDeleted);

private:
    enum class Outcome { Committed, DataError, Outage };
    struct Statements;
    using PathKey = QPair<QString, QString>;

    /// What a pass of the writer commits: everything waiting, or only full batches.
    enum class Drain { All, FullBatches };

    void process(Drain mode);
    /// Under SCHED_IDLE while it keeps up, ordinary scheduling while behind (see
    /// StorageConfig::writerIdleWhileKeepingUp).
    void setBehind(bool behind);
    /// `awaited`: a flush() or the shutdown waits for it (ordinary scheduling until done).
    void drain(bool timeSliced, Drain mode, bool awaited);
    bool ensureConnected();
    void disconnectDatabase();
    void outage(const QString &error);
    void setAvailable(bool available, const QString &error);

    /// `ambiguous` is set when COMMIT itself failed: the server may have committed anyway.
    Outcome commit(const HistoryBuffer::Batch &batch, QString *error, bool *ambiguous = nullptr);
    /// After a reconnect: was the batch whose COMMIT failed committed after all?
    bool resolveUncertainBatch();
    /// Parks a batch whose COMMIT failed until the reconnect can tell.
    void parkUncertain(HistoryBuffer::Batch &&batch);
    /// Commits item by item after a data error, rejecting only the items the database refuses.
    void isolate(HistoryBuffer::Batch &&batch);
    bool insertEvents(const std::vector<EventRecord> &events, QSqlError *error);
    bool insertSamples(const std::vector<HistoryRecord> &records, QSqlError *error);
    std::optional<qint64> pathId(const QString &path, const QString &attribute, QSqlError *error);
    std::optional<qint64> sourceId(const QString &name, QSqlError *error);

    SqlBackend m_backend;
    HistoryBuffer *m_buffer;
    const QString m_connectionName;
    std::unique_ptr<Statements> m_statements;
    bool m_connected = false;
    bool m_stopping = false;
    bool m_retentionPending = true;
    int m_backoffMs;
    std::atomic_bool m_available { true };
    std::atomic_bool m_wakeQueued { false };
    std::atomic<qint64> m_flushTarget { 0 }; ///< records flush() waits for (appended count)
    bool m_idleScheduling = false; ///< the writer may switch to SCHED_IDLE and back
    bool m_idle = false; ///< it runs under SCHED_IDLE now
    QTimer *m_flushTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_retentionTimer = nullptr;
    // Ids known to be in the database; entries made in a transaction that rolls back are
    // forgotten again (m_newPaths / m_newSources), the database would not have them.
    QHash<PathKey, qint64> m_pathIds;
    QHash<QString, qint64> m_sourceIds;
    QList<PathKey> m_newPaths;
    QList<QString> m_newSources;
    // Each transaction also writes a commit number into this writer's dt_meta row, so after a
    // COMMIT whose answer was lost the reconnect can tell whether the batch is in the database:
    // neither lost nor stored twice.
    const QString m_writerKey;
    qint64 m_commitNumber = 0;
    std::optional<HistoryBuffer::Batch> m_uncertainBatch;
    qint64 m_uncertainNumber = 0;
};

} // namespace dt::runtime
