// SPDX-License-Identifier: GPL-3.0-or-later
// Clocks, CPU accounting and the dt-valvesim child process for bench_runtime.
#pragma once

#include <QProcess>
#include <QString>

#include <memory>

namespace dt::bench {

/// Runs the event loop for ms milliseconds, sleeping while nothing happens (unlike
/// QCoreApplication::processEvents(flags, maxtime), which spins).
void spinEventLoop(int ms);
/// Monotonic wall-clock seconds.
double monotonicSeconds();
/// CPU time (user + system) of this whole process, all threads, in seconds.
double processCpuSeconds();
/// CPU time of another process from /proc/PID/stat, in seconds (-1 when unreadable).
double processCpuSeconds(qint64 pid);
/// "/proc/loadavg" 1, 5 and 15 minute figures ("9.02 11.28 10.21"), or "unknown".
QString loadAverage();
/// Raises this process's open-file limit to at least `files` (when the hard limit allows).
void raiseFileLimit(int files);
/// True when `count` consecutive TCP ports from `first` can be bound on 127.0.0.1 now.
bool portsFree(int first, int count);
/// Picks a base port in [low, high - count] whose block is free now (0 when none found).
int findFreePortBlock(int low, int high, int count);

/// CPU and wall time over a window, for "cores used" and "CPU per operation".
struct CpuWindow
{
    double wall = 0;
    double cpu = 0; ///< this process
    double simulatorCpu = -1; ///< the dt-valvesim process, -1 unknown

    double cores() const { return wall > 0 ? cpu / wall : 0; }
    double simulatorCores() const
    {
        return wall > 0 && simulatorCpu >= 0 ? simulatorCpu / wall : -1;
    }
};

/// Starts a CpuWindow; finish() fills it.
class CpuMeter
{
public:
    explicit CpuMeter(qint64 simulatorPid = 0);
    CpuWindow finish() const;

private:
    qint64 m_simulatorPid = 0;
    double m_wall = 0;
    double m_cpu = 0;
    double m_simulatorCpu = -1;
};

/// One dt-valvesim process serving `valves` TCP ports (see the contract's command line).
class Simulator
{
public:
    struct Options
    {
        QString binary;
        int valves = 1;
        int basePort = 20000;
        double cycleSeconds = 6;
        double strokeSeconds = 5;
        int seed = 1;
    };

    ~Simulator();
    /// Starts it and waits for its "listening" line; false with error() set otherwise.
    bool start(const Options &options, int timeoutMs = 60000);
    void stop();
    qint64 pid() const;
    const QString &error() const { return m_error; }
    QString commandLine() const { return m_commandLine; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_error;
    QString m_commandLine;
};

} // namespace dt::bench
