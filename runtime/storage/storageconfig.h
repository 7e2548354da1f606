// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QString>

namespace dt::model {
struct InternalElement;
}

namespace dt::runtime {

/// Where and how the history is stored (one Storage component of a twin).
struct StorageConfig
{
    enum class Backend { SQLite, PostgreSQL, MySQL };

    Backend backend = Backend::SQLite;
    /// SQLite: absolute path of the database file.
    QString file;
    /// PostgreSQL / MySQL: server and credentials.
    QString host;
    int port = 0;
    QString database;
    QString user;
    QString password;
    /// Records older than this many days are deleted; 0 keeps everything.
    int retentionDays = 0;
    /// Records per transaction in steady state (the writer is woken when this many wait);
    /// a backlog is committed in transactions of up to 8 batches.
    int batchSize = 20000;
    /// How long a record may wait in memory before the writer commits it. Every commit
    /// rewrites the last index page of each attribute it touches, so the interval, not the
    /// record count, sets the disk traffic: at 1,000 valves x 10 Hz (16,700 records/s) a
    /// 100 ms interval wrote 92 MB/s to SQLite, one second 12 MB/s (README, Benchmarks).
    int flushIntervalMs = 1000;

    // Additions beyond the first contract (defaults keep the old behaviour).
    /// How often retention runs (it also runs once after the first successful connection).
    int retentionIntervalMs = 3600 * 1000;
    /// Upper bound of records held in memory while the database is unavailable; beyond it the
    /// oldest are dropped (and counted) rather than letting the process run out of memory.
    qint64 maxBufferedRecords = 5'000'000;
    /// First delay before reconnecting after a failure; doubles up to reconnectMaxMs.
    int reconnectMinMs = 100;
    int reconnectMaxMs = 2000;
    /// The writer thread's nice value relative to the thread that opens the store (Linux keeps
    /// one per thread). History is buffered and never waited for, while the engine thread's
    /// device I/O is: on a busy machine the scheduler should prefer the latter. 0 = same.
    int writerNiceness = 10;
    /// While it keeps up, the writer thread runs under SCHED_IDLE: it gets a core only when no
    /// ordinary thread wants one, so it never makes device I/O wait. When a backlog of
    /// CatchUpBatches batches builds up, or a flush() waits, it returns to ordinary scheduling
    /// (at writerNiceness) until it has caught up. Used only where the thread may return
    /// (RLIMIT_NICE or CAP_SYS_NICE allow its nice value); elsewhere the nice value alone applies.
    bool writerIdleWhileKeepingUp = true;
};

/// "SQLite", "PostgreSQL" or "MySQL".
QString backendName(StorageConfig::Backend backend);

/// Reads a SQLiteStorage, PostgreSQLStorage or MySQLStorage element (DigitalTwinComponentLib):
/// File (relative to dataDir), RetentionDays, BatchSize, FlushIntervalMs, Host, Port, Database,
/// User and PasswordEnv (the name of the environment variable that holds the password). Absent
/// attributes take the library's defaults (for BatchSize and FlushIntervalMs, StorageConfig's).
/// The class is taken from the element's RefBaseSystemUnitPath; errors name the element and the
/// attribute.
Result<StorageConfig> storageConfigFromElement(
    const model::InternalElement &element, const QString &dataDir);

} // namespace dt::runtime
