// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_runtime_support.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>

#include <ctime>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace dt::bench {

namespace {

double clockSeconds(clockid_t clock)
{
    timespec time {};
    clock_gettime(clock, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
}

} // namespace

void spinEventLoop(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(std::max(0, ms), Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

double monotonicSeconds()
{
    return clockSeconds(CLOCK_MONOTONIC);
}

double processCpuSeconds()
{
    return clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
}

double processCpuSeconds(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may contain spaces: count fields after its closing ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After ')': state is field 3, utime field 14, stime field 15 (1-based over the whole line).
    constexpr int UtimeIndex = 14 - 3;
    constexpr int StimeIndex = 15 - 3;
    if (fields.size() <= StimeIndex)
        return -1;
    const double ticks
        = double(fields.at(UtimeIndex).toLongLong() + fields.at(StimeIndex).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() < 3)
        return u"unknown"_s;
    return QString::fromLatin1(fields.at(0) + ' ' + fields.at(1) + ' ' + fields.at(2));
}

void raiseFileLimit(int files)
{
    rlimit limit = {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= rlim_t(files))
        return;
    limit.rlim_cur
        = limit.rlim_max == RLIM_INFINITY ? rlim_t(files) : std::min(rlim_t(files), limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
}

bool portsFree(int first, int count)
{
    std::vector<std::unique_ptr<QTcpServer>> probes;
    probes.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        auto probe = std::make_unique<QTcpServer>();
        if (!probe->listen(QHostAddress::LocalHost, quint16(first + i)))
            return false;
        probes.push_back(std::move(probe)); // held until all are checked
    }
    return true;
}

int findFreePortBlock(int low, int high, int count)
{
    if (high - low <= count)
        return 0;
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int base = low + int(QRandomGenerator::global()->bounded(high - low - count));
        if (portsFree(base, count))
            return base;
    }
    return 0;
}

CpuMeter::CpuMeter(qint64 simulatorPid)
    : m_simulatorPid(simulatorPid)
    , m_wall(monotonicSeconds())
    , m_cpu(processCpuSeconds())
    , m_simulatorCpu(processCpuSeconds(simulatorPid))
{
}

CpuWindow CpuMeter::finish() const
{
    CpuWindow window;
    window.wall = monotonicSeconds() - m_wall;
    window.cpu = processCpuSeconds() - m_cpu;
    const double simulator = processCpuSeconds(m_simulatorPid);
    if (simulator >= 0 && m_simulatorCpu >= 0)
        window.simulatorCpu = simulator - m_simulatorCpu;
    return window;
}

Simulator::~Simulator()
{
    stop();
}

bool Simulator::start(const Options &options, int timeoutMs)
{
    stop();
    const QStringList arguments = { u"--valves"_s, QString::number(options.valves), u"--port"_s,
        QString::number(options.basePort), u"--cycle-s"_s, QString::number(options.cycleSeconds),
        u"--stroke-s"_s, QString::number(options.strokeSeconds), u"--seed"_s,
        QString::number(options.seed) };
    m_commandLine = options.binary + u' ' + arguments.join(u' ');
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(options.binary, arguments);
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = u"cannot start %1: %2"_s.arg(options.binary, m_process->errorString());
        return false;
    }
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("listening") && timer.elapsed() < timeoutMs) {
        if (m_process->state() != QProcess::Running) {
            m_error = u"dt-valvesim exited (code %1)"_s.arg(m_process->exitCode());
            return false;
        }
        m_process->waitForReadyRead(200);
        out += m_process->readAllStandardOutput();
    }
    if (!out.contains("listening")) {
        m_error = u"dt-valvesim did not report listening within %1 ms"_s.arg(timeoutMs);
        return false;
    }
    return true;
}

void Simulator::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

qint64 Simulator::pid() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace dt::bench
