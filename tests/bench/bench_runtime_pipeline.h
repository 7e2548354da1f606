// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline under test: a generated model deployed with RuntimeHost, polled, stored, and
// probed for latency by a separate raw client that writes a marker register.
#pragma once

#include "bench_runtime_probe.h"
#include "bench_runtime_raw.h"

#include <QString>

#include <vector>

namespace dt::bench {

struct PipelineOptions
{
    QString dir; ///< model and history go here
    QString libraryDir;
    QString host = QStringLiteral("127.0.0.1");
    int basePort = 20000;
    int devices = 1;
    int pollIntervalMs = 100;
    double seconds = 10;
    qint64 simulatorPid = 0;
    /// Devices probed for latency at once (spread over the fleet); 0: no probes.
    int probeDevices = 8;
};

struct PipelineFigures
{
    bool ran = false;
    QString error;
    QStringList warnings;
    double deploySeconds = 0; ///< RuntimeHost::deploy (read, validate, plan, start)
    double connectSeconds = 0; ///< until every device reported Connected
    double stopSeconds = 0; ///< RuntimeHost::stop (includes the final history flush)
    qint64 modelBytes = 0;

    /// Device counters read from the engine (needs Engine::twins() / Twin::devices()).
    bool haveDeviceStats = false;
    PollFigures polls;
    double engineThreadCpu = 0; ///< CPU seconds of the engine thread in the window
    double historyWriterCpu = -1; ///< ... of the history writer thread(s); -1 when unknown
    /// Bytes the process wrote to storage in the window (the history); -1 when unknown.
    qint64 storageWriteBytes = -1;

    qint64 notifiedWindow = 0; ///< AttributeUpdates received during the window
    qint64 notifiedTotal = 0; ///< ... from deploy to stop (what history must hold)
    qint64 notifiedNotGood = 0; ///< of which quality stale/bad
    qint64 persisted = -1; ///< rows in dt_samples after stop
    /// HistoryStore::Stats at the end of the window (when reachable).
    bool haveHistoryStats = false;
    qint64 historyAppended = 0;
    qint64 historyCommitted = 0;
    qint64 historyBacklogAtWindowEnd = 0;

    LatencyFigures latency;

    bool everySampleStored() const { return persisted >= 0 && persisted == notifiedTotal; }
    double samplesPerSecond() const
    {
        return polls.cpu.wall > 0 ? double(notifiedWindow) / polls.cpu.wall : 0;
    }
};

/// Generates the model, deploys it, waits for every device, measures for options.seconds
/// (with latency probes), stops, and counts what the history holds.
PipelineFigures runPipeline(const PipelineOptions &options);

} // namespace dt::bench
