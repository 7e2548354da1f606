// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_runtime_pipeline.h"

#include "bench_runtime_model.h"
#include "procstatus.h"

#include "engine/engine.h"
#include "engine/runtimehost.h"
#include "engine/twin.h"
#include "modbus/modbusdevice.h"
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <type_traits>
#include <utility>

#include <pthread.h>

using namespace Qt::StringLiterals;

namespace dt::bench {

namespace {

// ---- engine counters ----------------------------------------------------------------------
// The device and history counters live on the engine thread, behind Engine::twins() and
// Twin::devices(). Detected at compile time so this benchmark still builds (without those
// figures) against an engine that does not offer them.

template<typename E, typename = void> struct ExposesDevices : std::false_type
{
};
template<typename E>
struct ExposesDevices<E,
    std::void_t<decltype(std::declval<const E &>().twins().front()->devices().front()->stats())>>
    : std::true_type
{
};

struct EngineCounters
{
    bool devices = false;
    bool history = false;
    quint64 replies = 0;
    quint64 errors = 0;
    quint64 skipped = 0;
    qint64 roundTripUs = 0;
    qint64 appended = 0;
    qint64 committed = 0;
    qint64 buffered = 0;
};

template<typename E> EngineCounters readCounters(E *engine)
{
    EngineCounters counters;
    if constexpr (ExposesDevices<E>::value) {
        QMetaObject::invokeMethod(
            engine,
            [engine, &counters] {
                for (const auto &twin : engine->twins()) {
                    for (const auto &device : twin->devices()) {
                        const runtime::ModbusDevice::Stats s = device->stats();
                        counters.replies += s.repliesOk;
                        counters.errors += s.errors;
                        counters.skipped += s.pollsSkipped;
                        counters.roundTripUs += s.totalRoundTripUs;
                    }
                    if (const runtime::HistoryStore *store = twin->history()) {
                        const runtime::HistoryStore::Stats s = store->stats();
                        counters.history = true;
                        counters.appended += s.appended;
                        counters.committed += s.committed;
                        counters.buffered += s.buffered;
                    }
                }
            },
            Qt::BlockingQueuedConnection);
        counters.devices = true;
    } else {
        (void)engine;
    }
    return counters;
}

// HistoryStore's writer thread ("dt.history.writer", as the kernel keeps it: 15 characters).
constexpr const char *HistoryWriterThread = "dt.history.writ";

// CPU clock of the engine thread, to split the process's CPU into engine and the rest.
clockid_t engineThreadClock(runtime::Engine *engine)
{
    clockid_t clock = CLOCK_PROCESS_CPUTIME_ID;
    QMetaObject::invokeMethod(
        engine, [&clock] { pthread_getcpuclockid(pthread_self(), &clock); },
        Qt::BlockingQueuedConnection);
    return clock;
}

double threadSeconds(clockid_t clock)
{
    timespec time {};
    clock_gettime(clock, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
}

int connectedDevices(const runtime::RuntimeHost &host)
{
    const QHash<QString, int> states = host.deviceStates();
    return int(
        std::count(states.cbegin(), states.cend(), int(runtime::ConnectionState::Connected)));
}

void removeDatabase(const QString &file)
{
    for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s })
        QFile::remove(file + suffix);
}

} // namespace

PipelineFigures runPipeline(const PipelineOptions &options)
{
    PipelineFigures figures;
    figures.polls.devices = options.devices;

    BenchModelOptions model;
    model.devices = options.devices;
    model.host = options.host;
    model.basePort = options.basePort;
    model.pollIntervalMs = options.pollIntervalMs;
    model.apiPort = options.basePort + options.devices; // the port block has one extra
    model.libraryDir = options.libraryDir;
    model.historyFile
        = u"history-%1-%2ms.sqlite"_s.arg(options.devices).arg(options.pollIntervalMs);
    const QString modelFile = u"%1/bench-%2-%3ms.aml"_s.arg(options.dir)
                                  .arg(options.devices)
                                  .arg(options.pollIntervalMs);
    const QString historyFile = options.dir + u'/' + model.historyFile;
    removeDatabase(historyFile);
    {
        QFile out(modelFile);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            figures.error = u"cannot write %1"_s.arg(modelFile);
            return figures;
        }
        figures.modelBytes = out.write(benchModelText(model).toUtf8());
    }

    runtime::RuntimeHost host;
    LatencyFigures &latency = figures.latency;
    LatencyProber prober(ProbeOptions { options.host, options.basePort, options.devices,
                             options.pollIntervalMs, options.probeDevices },
        &latency);
    // The probed valves' element paths, so that a notification is matched without parsing.
    QHash<QString, int> probedPaths;
    for (int valve = 1; valve <= options.devices; ++valve) {
        if (prober.isProbed(valve))
            probedPaths.insert(valveName(valve), valve);
    }
    bool inWindow = false;
    QObject::connect(&host, &runtime::RuntimeHost::attributesChanged, &prober,
        [&](const QList<runtime::AttributeUpdate> &updates) {
            figures.notifiedTotal += updates.size();
            for (const runtime::AttributeUpdate &u : updates) {
                if (u.quality != runtime::Quality::Good)
                    ++figures.notifiedNotGood;
            }
            if (inWindow)
                figures.notifiedWindow += updates.size();
            for (const runtime::AttributeUpdate &u : updates) {
                if (u.attribute != u"SetPoint")
                    continue;
                const auto valve = probedPaths.constFind(u.path);
                bool ok = false;
                const double value = u.value.toDouble(&ok);
                if (valve != probedPaths.cend() && ok)
                    prober.observed(*valve, value);
            }
        });

    double start = monotonicSeconds();
    runtime::DeployOptions deployOptions;
    deployOptions.dataDir = options.dir;
    const Result<runtime::DeployReport> deployed = host.deploy(modelFile, deployOptions);
    figures.deploySeconds = monotonicSeconds() - start;
    if (!deployed) {
        figures.error = u"deploy failed: "_s + deployed.error().left(2000);
        return figures;
    }
    for (const QString &warning : deployed->warnings) {
        if (figures.warnings.size() < 5)
            figures.warnings.append(warning);
    }

    start = monotonicSeconds();
    QElapsedTimer wait;
    wait.start();
    while ((connectedDevices(host) < options.devices || !prober.allConnected())
        && wait.elapsed() < 60000)
        spinEventLoop(50);
    figures.connectSeconds = monotonicSeconds() - start;
    figures.polls.connected = connectedDevices(host);
    spinEventLoop(1000); // every device through its first polls

    const clockid_t engineClock = engineThreadClock(host.engine());
    const EngineCounters before = readCounters(host.engine());
    const double engineCpuBefore = threadSeconds(engineClock);
    const double writerCpuBefore = threadCpuSeconds(HistoryWriterThread);
    const qint64 writtenBefore = processStorageWriteBytes();
    const CpuMeter meter(options.simulatorPid);
    inWindow = true;
    if (options.probeDevices > 0)
        prober.start();
    spinEventLoop(int(options.seconds * 1000));
    prober.stop();
    inWindow = false;
    figures.polls.cpu = meter.finish();
    const double engineCpu = threadSeconds(engineClock) - engineCpuBefore;
    const double writerCpuAfter = threadCpuSeconds(HistoryWriterThread);
    const qint64 writtenAfter = processStorageWriteBytes();
    if (writtenBefore >= 0 && writtenAfter >= 0)
        figures.storageWriteBytes = writtenAfter - writtenBefore;
    if (writerCpuBefore >= 0 && writerCpuAfter >= 0)
        figures.historyWriterCpu = writerCpuAfter - writerCpuBefore;
    const EngineCounters after = readCounters(host.engine());
    figures.haveDeviceStats = after.devices;
    if (after.devices) {
        figures.polls.replies = after.replies - before.replies;
        figures.polls.errors = after.errors - before.errors;
        figures.polls.skipped = after.skipped - before.skipped;
        figures.polls.meanRoundTripUs = figures.polls.replies
            ? double(after.roundTripUs - before.roundTripUs) / double(figures.polls.replies)
            : -1;
    }
    figures.haveHistoryStats = after.history;
    figures.historyAppended = after.appended;
    figures.historyCommitted = after.committed;
    figures.historyBacklogAtWindowEnd = after.buffered;
    figures.polls.ran = true;
    if (figures.polls.connected < options.devices)
        figures.polls.error = u"only %1 of %2 devices connected"_s.arg(figures.polls.connected)
                                  .arg(options.devices);
    figures.engineThreadCpu = engineCpu;

    start = monotonicSeconds();
    host.stop();
    figures.stopSeconds = monotonicSeconds() - start;
    // Notifications queued before the stop still count: they were stored too.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    figures.persisted = countSamples(historyFile);
    figures.ran = true;
    return figures;
}

} // namespace dt::bench
