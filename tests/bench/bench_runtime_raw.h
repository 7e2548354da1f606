// SPDX-License-Identifier: GPL-3.0-or-later
// Baselines of bench_runtime: a raw QModbusTcpClient loop and a raw QSqlQuery::execBatch insert.
#pragma once

#include "bench_runtime_probe.h"
#include "bench_runtime_support.h"

#include <QList>
#include <QString>

namespace dt::runtime {
struct HistoryRecord;
}

namespace dt::bench {

/// What a polling loop (raw or the pipeline) achieved over its measurement window.
struct PollFigures
{
    bool ran = false;
    QString error;
    int devices = 0;
    int connected = 0; ///< connections up when the window started
    quint64 replies = 0; ///< successful read replies in the window
    quint64 errors = 0; ///< failed reads in the window
    quint64 skipped = 0; ///< polls not sent because the previous one was still outstanding
    double meanRoundTripUs = -1;
    CpuWindow cpu;

    double pollsPerSecond() const { return cpu.wall > 0 ? double(replies) / cpu.wall : 0; }
    /// CPU microseconds of this process per successful read.
    double cpuUsPerPoll() const { return replies ? cpu.cpu * 1e6 / double(replies) : 0; }
};

struct RawLoopOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int basePort = 20000;
    int devices = 1;
    /// Time between two poll cycles of a device; 0: unthrottled (each block is read again as
    /// soon as its reply arrives, one request per block in flight, like the pipeline).
    int intervalMs = 100;
    double seconds = 10;
    qint64 simulatorPid = 0;
    /// The loop runs on a thread of its own with the runtime's event dispatcher (epoll, as the
    /// pipeline's engine thread) or with Qt's default one (what a plain Qt program gets).
    bool qtDefaultDispatcher = false;
    /// Valves probed for latency (on the loop's thread, as the baseline of the pipeline's
    /// latency); 0: none. Only with an interval.
    int probeDevices = 0;
};

/// The minimal client over the same devices and registers: one QModbusTcpClient per device, the
/// two read blocks of BenchMap, a per-device timer, no decoding beyond touching the words; on a
/// thread of its own (the caller waits). With probes, latency gets the time from a marker write
/// to the read reply that carries it.
PollFigures runRawModbusLoop(const RawLoopOptions &options, LatencyFigures *latency = nullptr);

/// HistoryStore against a hand-written execBatch insert of the same rows into the same schema.
struct InsertFigures
{
    bool ran = false;
    QString error;
    qint64 rows = 0;
    double storeSeconds = 0; ///< best: first append() until flush() returned
    double rawSeconds = 0; ///< best: path ids + transactions of execBatch
    qint64 storeCommitted = 0;
    qint64 storeRowsInFile = 0;
    qint64 rawRowsInFile = 0;
    int batchSize = 0;

    double storeRowsPerSecond() const { return storeSeconds > 0 ? double(rows) / storeSeconds : 0; }
    double rawRowsPerSecond() const { return rawSeconds > 0 ? double(rows) / rawSeconds : 0; }
    double ratio() const
    {
        return rawRowsPerSecond() > 0 ? storeRowsPerSecond() / rawRowsPerSecond() : 0;
    }
};

/// Inserts `rows` records shaped like the pipeline's (paths Valve1..N, the four attributes)
/// through HistoryStore and through raw execBatch, each `repeat` times into fresh files in
/// `dir`; keeps the best time of each.
InsertFigures runInsertComparison(const QString &dir, int devices, qint64 rows, int repeat);

/// Rows in dt_samples of a SQLite history file (-1 on error).
qint64 countSamples(const QString &file);

} // namespace dt::bench
