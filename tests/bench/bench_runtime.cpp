// SPDX-License-Identifier: GPL-3.0-or-later
// bench_runtime: the runtime's Modbus -> model -> history pipeline on 1 to 1,000 simulated
// valves, each figure beside a baseline measured in the same run (issue 4, "Benchmarks"):
// sustained polls/s and CPU against a raw QModbusTcpClient loop (10 Hz and unthrottled), every
// notified sample persisted, register-change-to-notification latency, and HistoryStore's insert
// rate against a raw QSqlQuery::execBatch. The goals are informational: the exit code only
// reports whether the benchmark could run.
//
//   bench_runtime [--devices 1,10,100,1000] [--seconds 30] [--max-seconds 10] [--no-max]
//                 [--poll-ms 100] [--cycle-s 6] [--stroke-s 5] [--probes 8] [--latency-windows 1]
//                 [--ports LOW-HIGH] [--insert-rows N] [--valvesim PATH] [--libraries DIR]
//                 [--out-json FILE] [--markdown[=FILE]] [--dir DIR] [--keep]
#include "bench_runtime_pipeline.h"
#include "bench_runtime_raw.h"
#include "bench_runtime_report.h"
#include "bench_runtime_support.h"
#include "benchreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace dt::bench {
namespace {

void printUsage()
{
    std::fputs(
        "usage: bench_runtime [--devices N[,N...]] [--seconds S] [--max-seconds S] [--no-max]\n"
        "                     [--poll-ms MS] [--cycle-s S] [--stroke-s S] [--probes N]\n"
        "                     [--latency-windows N]\n"
        "                     [--ports LOW-HIGH] [--insert-rows N] [--valvesim PATH]\n"
        "                     [--libraries DIR] [--out-json FILE] [--markdown[=FILE]]\n"
        "                     [--dir DIR] [--keep]\n"
        "  --devices      fleet sizes (default 1,10,100,1000)\n"
        "  --seconds      length of each 10 Hz window, raw loop and pipeline (default 30)\n"
        "  --max-seconds  length of each unthrottled window (default 10); --no-max skips them\n"
        "  --poll-ms      poll interval of the model and the raw loop (default 100 = 10 Hz)\n"
        "  --cycle-s      simulator open/close cycle (default 6); --stroke-s stroke time (5)\n"
        "  --probes       valves probed for latency at a time (default 8, 0 = none)\n"
        "  --latency-windows  10 Hz latency windows per size (default 1), each a raw loop and\n"
        "                 then a fresh deploy of the pipeline; the report gives each window's\n"
        "                 latency and how many met the goal\n"
        "  --ports        range the simulator's port block is picked from (default 20000-32000)\n"
        "  --insert-rows  least rows for the history insert comparison (default 100000)\n"
        "  --valvesim     dt-valvesim binary (default: the one built with this benchmark)\n"
        "  --libraries    folder of the DT libraries the generated model references\n"
        "  --out-json     also write every figure as JSON\n"
        "  --markdown     also print (or write to FILE) a markdown table for the README\n"
        "  --dir          where models and history files go (default: a temporary directory)\n"
        "  --keep         keep them\n",
        stdout);
}

bool parseDouble(const QString &text, double *value, double minimum)
{
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && *value >= minimum;
}

bool parseInt(const QString &text, int *value, int minimum)
{
    bool ok = false;
    *value = text.toInt(&ok);
    return ok && *value >= minimum;
}

std::optional<RuntimeSettings> parseArguments(const QStringList &arguments)
{
    RuntimeSettings s;
    s.valvesim = QStringLiteral(DT_VALVESIM_BINARY);
    s.libraryDir = QStringLiteral(DT_LIBRARY_DIR);
    s.commandLine = arguments.join(u' ');
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        const QString value = hasValue ? arguments.at(i + 1) : QString();
        bool ok = true;
        if (a == u"--devices" && hasValue) {
            s.sizes.clear();
            for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
                int n = 0;
                ok = ok && parseInt(part.trimmed(), &n, 1) && n <= 10000;
                s.sizes.push_back(n);
            }
            ok = ok && !s.sizes.empty();
        } else if (a == u"--seconds" && hasValue) {
            ok = parseDouble(value, &s.seconds, 1);
        } else if (a == u"--max-seconds" && hasValue) {
            ok = parseDouble(value, &s.maxSeconds, 1);
        } else if (a == u"--no-max") {
            s.maxRate = false;
            continue;
        } else if (a == u"--poll-ms" && hasValue) {
            ok = parseInt(value, &s.pollMs, 1);
        } else if (a == u"--cycle-s" && hasValue) {
            ok = parseDouble(value, &s.cycleSeconds, 0);
        } else if (a == u"--stroke-s" && hasValue) {
            ok = parseDouble(value, &s.strokeSeconds, 0.1);
        } else if (a == u"--probes" && hasValue) {
            ok = parseInt(value, &s.probes, 0);
        } else if (a == u"--latency-windows" && hasValue) {
            ok = parseInt(value, &s.latencyWindows, 1) && s.latencyWindows <= 100;
        } else if (a == u"--ports" && hasValue) {
            const QStringList range = value.split(u'-');
            ok = range.size() == 2 && parseInt(range[0], &s.portLow, 1024)
                && parseInt(range[1], &s.portHigh, s.portLow + 1) && s.portHigh <= 65535;
        } else if (a == u"--insert-rows" && hasValue) {
            int rows = 0;
            ok = parseInt(value, &rows, 1);
            s.insertMinRows = rows;
        } else if (a == u"--valvesim" && hasValue) {
            s.valvesim = value;
        } else if (a == u"--libraries" && hasValue) {
            s.libraryDir = value;
        } else if (a == u"--out-json" && hasValue) {
            s.jsonPath = value;
        } else if (a == u"--markdown") {
            s.markdown = true;
            continue;
        } else if (a.startsWith(u"--markdown=")) {
            s.markdown = true;
            s.markdownPath = a.mid(11);
            continue;
        } else if (a == u"--dir" && hasValue) {
            s.dir = value;
        } else if (a == u"--keep") {
            s.keep = true;
            continue;
        } else {
            return std::nullopt;
        }
        if (!ok)
            return std::nullopt;
        ++i; // the option's value
    }
    return s;
}

void progress(const QString &message)
{
    std::fprintf(stderr, "bench_runtime: %s\n", qPrintable(message));
    std::fflush(stderr);
}

RuntimeSizeFigures benchmarkSize(const RuntimeSettings &s, const QString &dir, int devices)
{
    RuntimeSizeFigures f;
    f.devices = devices;
    f.loadBefore = loadAverage();

    Simulator simulator;
    Simulator::Options sim;
    sim.binary = s.valvesim;
    sim.valves = devices;
    sim.cycleSeconds = s.cycleSeconds;
    sim.strokeSeconds = s.strokeSeconds;
    bool started = false;
    for (int attempt = 0; attempt < 5 && !started; ++attempt) {
        sim.basePort = findFreePortBlock(s.portLow, s.portHigh, devices + 1);
        if (sim.basePort == 0)
            break;
        started = simulator.start(sim);
    }
    if (!started) {
        f.error
            = sim.basePort == 0 ? u"no free block of %1 ports"_s.arg(devices) : simulator.error();
        return f;
    }
    f.basePort = sim.basePort;
    f.simulatorCommand = simulator.commandLine();
    progress(u"%1 devices: simulator on ports %2-%3 (load %4)"_s.arg(devices)
                 .arg(sim.basePort)
                 .arg(sim.basePort + devices - 1)
                 .arg(f.loadBefore));

    RawLoopOptions raw;
    raw.basePort = sim.basePort;
    raw.devices = devices;
    raw.intervalMs = s.pollMs;
    raw.seconds = s.seconds;
    raw.simulatorPid = simulator.pid();
    progress(
        u"%1 devices: raw loop every %2 ms for %3 s"_s.arg(devices).arg(s.pollMs).arg(s.seconds));
    RawLoopOptions probed = raw; // only the 10 Hz windows on the epoll dispatcher are probed
    probed.probeDevices = s.probes;
    f.raw10 = runRawModbusLoop(probed, &f.raw10Latency);
    progress(
        u"%1 devices: raw loop every %2 ms for %3 s on Qt's default event dispatcher"_s.arg(devices)
            .arg(s.pollMs)
            .arg(s.seconds));
    raw.qtDefaultDispatcher = true;
    f.raw10QtDispatcher = runRawModbusLoop(raw);
    raw.qtDefaultDispatcher = false;

    PipelineOptions pipe;
    pipe.dir = dir;
    pipe.libraryDir = s.libraryDir;
    pipe.basePort = sim.basePort;
    pipe.devices = devices;
    pipe.pollIntervalMs = s.pollMs;
    pipe.seconds = s.seconds;
    pipe.simulatorPid = simulator.pid();
    pipe.probeDevices = s.probes;
    progress(
        u"%1 devices: pipeline every %2 ms for %3 s"_s.arg(devices).arg(s.pollMs).arg(s.seconds));
    f.pipeline = runPipeline(pipe);
    if (!f.pipeline.error.isEmpty())
        progress(u"%1 devices: pipeline: %2"_s.arg(devices).arg(f.pipeline.error));
    for (int window = 2; window <= s.latencyWindows && f.pipeline.ran; ++window) {
        // Each pipeline window right after a raw one: a slow spell of the machine shows in both.
        progress(u"%1 devices: raw loop and pipeline, latency window %2 of %3"_s.arg(devices)
                     .arg(window)
                     .arg(s.latencyWindows));
        LatencyFigures rawLatency;
        runRawModbusLoop(probed, &rawLatency);
        f.rawLatencyRepeats.push_back(rawLatency);
        f.pipelineRepeats.push_back(runPipeline(pipe));
    }

    if (s.maxRate) {
        raw.intervalMs = 0;
        raw.seconds = s.maxSeconds;
        progress(u"%1 devices: raw loop unthrottled for %2 s"_s.arg(devices).arg(s.maxSeconds));
        f.rawMax = runRawModbusLoop(raw);
        pipe.pollIntervalMs = 0; // continuous scan
        pipe.seconds = s.maxSeconds;
        pipe.probeDevices = 0;
        progress(u"%1 devices: pipeline unthrottled for %2 s"_s.arg(devices).arg(s.maxSeconds));
        f.pipelineMax = runPipeline(pipe);
        if (!f.pipelineMax.error.isEmpty())
            progress(u"%1 devices: pipeline max-rate: %2"_s.arg(devices).arg(f.pipelineMax.error));
    }
    simulator.stop();

    const qint64 rows = std::max(s.insertMinRows, std::max<qint64>(f.pipeline.persisted, 0));
    progress(u"%1 devices: history insert comparison, %2 rows"_s.arg(devices).arg(rows));
    f.insert = runInsertComparison(dir, devices, rows, s.insertRepeat);
    f.loadAfter = loadAverage();
    return f;
}

int run(const RuntimeSettings &settings)
{
    QTemporaryDir temporary(QDir::tempPath() + u"/bench_runtime-XXXXXX"_s);
    QString dir = settings.dir;
    if (dir.isEmpty()) {
        if (!temporary.isValid()) {
            progress(u"no temporary directory"_s);
            return 2;
        }
        temporary.setAutoRemove(!settings.keep);
        dir = temporary.path();
    } else if (!QDir().mkpath(dir)) {
        progress(u"cannot create %1"_s.arg(dir));
        return 2;
    }
    if (!QFile::exists(settings.valvesim)) {
        progress(u"no dt-valvesim at %1 (build it, or pass --valvesim)"_s.arg(settings.valvesim));
        return 2;
    }
    int largest = 1;
    for (int n : settings.sizes)
        largest = std::max(largest, n);
    // A raw client, the pipeline's and the probes' per device, plus SQLite and slack.
    raiseFileLimit(largest * 3 + 256);

    std::vector<RuntimeSizeFigures> all;
    bool ok = true;
    for (int n : settings.sizes) {
        all.push_back(benchmarkSize(settings, dir, n));
        if (!all.back().error.isEmpty()) {
            progress(u"%1 devices: %2"_s.arg(n).arg(all.back().error));
            ok = false;
        }
    }
    if (settings.keep)
        progress(u"files kept in %1"_s.arg(dir));

    std::fputs(qPrintable(runtimeTextReport(settings, all)), stdout);
    if (settings.markdown) {
        const QString markdown = runtimeMarkdownReport(settings, all);
        if (settings.markdownPath.isEmpty()) {
            std::fputs("\n", stdout);
            std::fputs(qPrintable(markdown), stdout);
        } else if (!writeTextFile(settings.markdownPath, markdown)) {
            progress(u"cannot write %1"_s.arg(settings.markdownPath));
            ok = false;
        }
    }
    if (!settings.jsonPath.isEmpty()
        && !writeTextFile(settings.jsonPath, runtimeJsonReport(settings, all))) {
        progress(u"cannot write %1"_s.arg(settings.jsonPath));
        ok = false;
    }
    std::fflush(stdout);
    return ok ? 0 : 1;
}

} // namespace
} // namespace dt::bench

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The runtime logs every connect and deploy step at info level: keep the report readable.
    QLoggingCategory::setFilterRules(u"dt.*.info=false\ndt.*.debug=false"_s);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
        dt::bench::printUsage();
        return 0;
    }
    const std::optional<dt::bench::RuntimeSettings> settings = dt::bench::parseArguments(arguments);
    if (!settings) {
        dt::bench::printUsage();
        return 2;
    }
    return dt::bench::run(*settings);
}
