// SPDX-License-Identifier: GPL-3.0-or-later
// What bench_runtime measures per fleet size, and its text, markdown and JSON reports.
#pragma once

#include "bench_runtime_pipeline.h"
#include "bench_runtime_raw.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace dt::bench {

struct RuntimeSettings
{
    std::vector<int> sizes { 1, 10, 100, 1000 };
    double seconds = 30; ///< the 10 Hz windows (raw and pipeline)
    double maxSeconds = 10; ///< the unthrottled windows
    bool maxRate = true;
    int pollMs = 100;
    double cycleSeconds = 6;
    double strokeSeconds = 5;
    int probes = 8;
    int latencyWindows = 1; ///< 10 Hz pipeline windows per size (each a fresh deploy)
    int portLow = 20000;
    int portHigh = 32000;
    qint64 insertMinRows = 100000;
    int insertRepeat = 3;
    QString valvesim;
    QString libraryDir;
    QString jsonPath;
    bool markdown = false;
    QString markdownPath;
    QString dir;
    bool keep = false;
    QString commandLine;
};

struct RuntimeSizeFigures
{
    int devices = 0;
    int basePort = 0;
    QString error;
    QString loadBefore;
    QString loadAfter;
    QString simulatorCommand;
    PollFigures raw10; ///< on the runtime's dispatcher, as the pipeline
    LatencyFigures raw10Latency; ///< marker write -> raw10's read reply carrying it
    PollFigures raw10QtDispatcher; ///< the same loop on Qt's default dispatcher
    PollFigures rawMax;
    PipelineFigures pipeline;
    std::vector<PipelineFigures> pipelineRepeats; ///< windows 2..n of --latency-windows n
    /// The raw loop's latency in a window of its own right before each of pipelineRepeats.
    std::vector<LatencyFigures> rawLatencyRepeats;
    PipelineFigures pipelineMax;
    InsertFigures insert;

    /// 10 Hz poll cycles every device should complete per second.
    double targetPolls(int pollMs) const { return devices * 1000.0 / pollMs; }
};

/// Goals of issue 4 (informational: they never change the exit code).
constexpr double pipelineRatioGoal = 0.3;
constexpr double insertRatioGoal = 0.7;
constexpr double latencySlackMs = 10;
constexpr double sustainedFraction = 0.95; ///< of the 10 Hz target counts as sustained

QString runtimeTextReport(
    const RuntimeSettings &settings, const std::vector<RuntimeSizeFigures> &all);
QString runtimeMarkdownReport(
    const RuntimeSettings &settings, const std::vector<RuntimeSizeFigures> &all);
QString runtimeJsonReport(
    const RuntimeSettings &settings, const std::vector<RuntimeSizeFigures> &all);
QString runtimeEnvironmentLine();

} // namespace dt::bench
