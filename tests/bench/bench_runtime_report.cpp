// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_runtime_report.h"

#include "bench_runtime_model.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace dt::bench {

namespace {

QString cpuName()
{
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QString verdict(bool pass)
{
    return pass ? u"PASS"_s : u"MISS"_s;
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

// 2.5 -> "+2.5", -0.25 -> "-0.3"
QString signedNumber(double value)
{
    return (value >= 0 ? u"+"_s : QString()) + QString::number(value, 'f', 1);
}

// 1234567 -> "1,234,567"
QString grouped(double value)
{
    QString digits = QString::number(qint64(std::llround(value)));
    for (qsizetype at = digits.size() - 3; at > 0 && digits.at(at - 1).isDigit(); at -= 3)
        digits.insert(at, u',');
    return digits;
}

/// Device poll cycles per second (each cycle is BenchMap::ReadsPerCycle read requests).
double cycles(const PollFigures &f)
{
    return f.pollsPerSecond() / BenchMap::ReadsPerCycle;
}

double pipelineRatio(const RuntimeSizeFigures &f)
{
    return f.rawMax.ran && f.pipelineMax.haveDeviceStats && f.rawMax.pollsPerSecond() > 0
        ? f.pipelineMax.polls.pollsPerSecond() / f.rawMax.pollsPerSecond()
        : -1;
}

double tenHzRatio(const RuntimeSizeFigures &f)
{
    return f.raw10.ran && f.pipeline.haveDeviceStats && f.raw10.pollsPerSecond() > 0
        ? f.pipeline.polls.pollsPerSecond() / f.raw10.pollsPerSecond()
        : -1;
}

bool sustained(const RuntimeSizeFigures &f, int pollMs)
{
    return f.pipeline.haveDeviceStats
        && cycles(f.pipeline.polls) >= sustainedFraction * f.targetPolls(pollMs);
}

bool latencyWithin(const LatencyFigures &l, int pollMs)
{
    return l.measured() && l.p99() <= pollMs + latencySlackMs;
}

bool latencyOk(const PipelineFigures &p, int pollMs)
{
    return latencyWithin(p.latency, pollMs);
}

/// Every 10 Hz window's latency, the first one included, when --latency-windows asked for more
/// than one: "p99 101.2 / 104.0 ms (p50 ...; raw loop p99 100.1 / 103.9 ms): 2 of 2 within
/// 110 ms". Empty otherwise.
QString latencyWindowsText(const RuntimeSizeFigures &f, int pollMs)
{
    if (f.pipelineRepeats.empty())
        return {};
    std::vector<const PipelineFigures *> windows { &f.pipeline };
    for (const PipelineFigures &p : f.pipelineRepeats)
        windows.push_back(&p);
    std::vector<const LatencyFigures *> raws { &f.raw10Latency };
    for (const LatencyFigures &l : f.rawLatencyRepeats)
        raws.push_back(&l);
    const auto p99Text
        = [](const LatencyFigures &l) { return l.measured() ? number(l.p99(), 1) : u"n/a"_s; };
    QStringList p99s;
    QStringList p50s;
    QStringList rawP99s;
    int within = 0;
    int rawWithin = 0;
    for (const PipelineFigures *p : windows) {
        p99s.append(p->ran ? p99Text(p->latency) : u"n/a"_s);
        p50s.append(p->ran && p->latency.measured() ? number(p->latency.p50(), 1) : u"n/a"_s);
        within += latencyOk(*p, pollMs) ? 1 : 0;
    }
    for (const LatencyFigures *l : raws) {
        rawP99s.append(p99Text(*l));
        rawWithin += latencyWithin(*l, pollMs) ? 1 : 0;
    }
    return u"p99 %1 ms (p50 %2 ms): %3 of %4 windows within %5 ms; raw loop right before each: "
           u"p99 %6 ms, %7 of %8 within"_s.arg(p99s.join(u" / "_s), p50s.join(u" / "_s))
               .arg(within)
               .arg(windows.size())
               .arg(pollMs + latencySlackMs)
               .arg(rawP99s.join(u" / "_s))
               .arg(rawWithin)
               .arg(raws.size());
}

QString cpuText(const PollFigures &f)
{
    return u"%1 cores, %2 µs/read"_s.arg(number(f.cpu.cores(), 2), number(f.cpuUsPerPoll(), 0));
}

QString markdownRow(const QStringList &cells)
{
    return u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
}

QString methodText(const RuntimeSettings &s)
{
    return u"Method: one dt-valvesim process serves N valves on N loopback ports "
           u"(--cycle-s %1 --stroke-s %2, so positions and torques keep changing). A poll = one "
           u"device's values read once = %3 read requests (input 2-3, holding 5-6). "
           u"Pipeline = a generated AML model (N ModbusTCPClient components linked to N valves, "
           u"one SQLiteStorage) deployed with RuntimeHost: Modbus, access control, model update, "
           u"history, events, notification. Raw loop = one QModbusTcpClient per device reading "
           u"the same registers every %4 ms; 'max' variants read each block again as soon as its "
           u"reply arrives (pipeline: PollIntervalMs=0, a continuous scan). The raw "
           u"loop runs on a thread of its own with the engine thread's event dispatcher (epoll); "
           u"the 10 Hz window is repeated on Qt's default dispatcher for comparison. CPU = "
           u"this process's CPU time (all threads) over the window; the simulator runs in its "
           u"own process and is reported apart. Latency: %5 valves at a time get a marker "
           u"written to holding 6 (SetPoint) by a separate raw client after a random pause; the "
           u"time from sending that write to the RuntimeHost::attributesChanged notification "
           u"carrying the new SetPoint (received on the host's thread) is one sample (an upper "
           u"bound: the register changes between send and reply); a marker the simulator's own "
           u"open/close cycle overwrites before a poll sees it counts as lost, not as a sample. "
           u"The raw loop's 10 Hz window is probed the same way, up to the read reply carrying "
           u"the marker: the baseline of the latency, [in brackets] in the table; with "
           u"--latency-windows N, windows 2..N are each a raw loop window followed by a fresh "
           u"pipeline deploy. "
           u"'Every sample stored' = rows "
           u"in dt_samples after stop == AttributeUpdates notified from deploy to stop. History "
           u"insert = the same number of records (at least %6) appended to a fresh HistoryStore "
           u"(2 per append, as the engine does) until flush() returns, against "
           u"QSqlQuery::execBatch "
           u"into the same schema (WAL, synchronous=NORMAL, 32 MiB page cache, 10,000 rows per "
           u"transaction, path "
           u"ids resolved first); best of %7."_s.arg(number(s.cycleSeconds, 1))
               .arg(number(s.strokeSeconds, 1))
               .arg(BenchMap::ReadsPerCycle)
               .arg(s.pollMs)
               .arg(s.probes)
               .arg(s.insertMinRows)
               .arg(s.insertRepeat);
}

} // namespace

QString runtimeEnvironmentLine()
{
    return u"%1, %2 logical cores; Qt %3; build %4; %5"_s.arg(cpuName())
        .arg(QThread::idealThreadCount())
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(DT_BUILD_TYPE),
            QDateTime::currentDateTime().toString(Qt::ISODate));
}

QString runtimeTextReport(const RuntimeSettings &s, const std::vector<RuntimeSizeFigures> &all)
{
    QString out;
    out += u"\nbench_runtime: Modbus -> twin model -> history pipeline against raw baselines, "
           u"same run\n"_s;
    out += runtimeEnvironmentLine() + u'\n';
    out += u"command: %1\n"_s.arg(s.commandLine);
    out += u"windows: %1 s at %2 ms, %3 s unthrottled\n\n"_s.arg(number(s.seconds, 0))
               .arg(s.pollMs)
               .arg(s.maxRate ? number(s.maxSeconds, 0) : u"no"_s);
    for (const RuntimeSizeFigures &f : all) {
        out += u"== %1 device(s), ports %2-%3; load average before %4, after %5\n"_s.arg(f.devices)
                   .arg(f.basePort)
                   .arg(f.basePort + f.devices - 1)
                   .arg(f.loadBefore, f.loadAfter);
        if (!f.error.isEmpty())
            out += u"   ERROR: %1\n"_s.arg(f.error);
        const auto pollLine = [](const QString &label, const PollFigures &p, bool have) {
            if (!p.ran)
                return u"   %1: not run%2\n"_s.arg(
                    label, p.error.isEmpty() ? QString() : u" ("_s + p.error + u')');
            QString line = u"   %1: "_s.arg(label, -22);
            if (have) {
                line += u"%1 polls/s (%2 reads/s, %3 errors, %4 skipped, mean RTT %5 ms); "_s
                            .arg(number(cycles(p), 0), number(p.pollsPerSecond(), 0))
                            .arg(p.errors)
                            .arg(p.skipped)
                            .arg(number(p.meanRoundTripUs / 1000.0, 2));
            } else {
                line += u"polls/s n/a (engine exposes no device counters); "_s;
            }
            line += u"CPU %1; simulator %2 cores; %3/%4 connected%5\n"_s
                        .arg(cpuText(p), number(p.cpu.simulatorCores(), 2))
                        .arg(p.connected)
                        .arg(p.devices)
                        .arg(p.error.isEmpty() ? QString() : u" ["_s + p.error + u']');
            return line;
        };
        out += pollLine(u"raw loop %1 ms"_s.arg(s.pollMs), f.raw10, true);
        if (f.raw10Latency.measured()) {
            const LatencyFigures &l = f.raw10Latency;
            out += u"   raw loop latency register change -> read reply: p50 %1 ms, p99 %2 ms, "
                   u"max %3 ms; %4 probes seen, %5 lost (the baseline of the pipeline's)\n"_s
                       .arg(number(l.p50(), 1), number(l.p99(), 1), number(l.max(), 1))
                       .arg(l.seen)
                       .arg(l.lost);
        }
        out += pollLine(u"raw, Qt dispatcher"_s, f.raw10QtDispatcher, true);
        out += pollLine(u"raw loop max-rate"_s, f.rawMax, true);
        out += pollLine(
            u"pipeline %1 ms"_s.arg(s.pollMs), f.pipeline.polls, f.pipeline.haveDeviceStats);
        out += pollLine(u"pipeline max-rate"_s, f.pipelineMax.polls, f.pipelineMax.haveDeviceStats);
        const PipelineFigures &p = f.pipeline;
        if (p.ran) {
            out += u"   pipeline: deploy %1 s (model %2 MB), all connected after %3 s, stop %4 s; "
                   u"engine thread %5 cores, history writer %6, storage writes %7\n"_s.arg(
                       number(p.deploySeconds, 2), number(double(p.modelBytes) / 1e6, 1),
                       number(p.connectSeconds, 2), number(p.stopSeconds, 2),
                       number(p.engineThreadCpu / p.polls.cpu.wall, 2),
                       p.historyWriterCpu >= 0
                           ? number(p.historyWriterCpu / p.polls.cpu.wall, 2) + u" cores"_s
                           : u"n/a"_s,
                       p.storageWriteBytes >= 0
                           ? number(double(p.storageWriteBytes) / 1e6 / p.polls.cpu.wall, 1)
                               + u" MB/s"_s
                           : u"n/a"_s);
            out += u"   samples: %1/s notified in the window; %2 notified deploy..stop (%3 not "
                   u"good), %4 rows persisted -> every sample stored: %5"_s
                       .arg(number(p.samplesPerSecond(), 0))
                       .arg(p.notifiedTotal)
                       .arg(p.notifiedNotGood)
                       .arg(p.persisted)
                       .arg(verdict(p.everySampleStored()));
            if (p.haveHistoryStats)
                out += u" (store backlog at window end: %1)"_s.arg(p.historyBacklogAtWindowEnd);
            out += u'\n';
            const LatencyFigures &l = p.latency;
            out += u"   latency register change -> notification: p50 %1 ms, p99 %2 ms, max %3 ms "
                   u"(from write reply: p50 %4, p99 %5); %6 probes seen, %7 lost, %8 failed; "
                   u"write RTT %9 ms -> p99 <= %10 ms: %11\n"_s
                       .arg(number(l.p50(), 1), number(l.p99(), 1), number(l.max(), 1),
                           number(l.p50FromReply(), 1), number(l.p99FromReply(), 1))
                       .arg(l.seen)
                       .arg(l.lost)
                       .arg(l.failed)
                       .arg(number(l.writeRoundTripMedianMs, 2))
                       .arg(s.pollMs + latencySlackMs)
                       .arg(verdict(latencyOk(p, s.pollMs)));
            if (l.measured() && f.raw10Latency.measured())
                out += u"   latency pipeline - raw loop: p50 %1 ms, p99 %2 ms\n"_s.arg(
                    signedNumber(l.p50() - f.raw10Latency.p50()),
                    signedNumber(l.p99() - f.raw10Latency.p99()));
            const QString windows = latencyWindowsText(f, s.pollMs);
            if (!windows.isEmpty())
                out += u"   latency in every window: %1\n"_s.arg(windows);
            for (const QString &w : p.warnings)
                out += u"   deploy warning: %1\n"_s.arg(w);
        } else if (!p.error.isEmpty()) {
            out += u"   pipeline: %1\n"_s.arg(p.error);
        }
        if (f.pipelineMax.ran) {
            out += u"   pipeline max-rate: %1 samples/s, %2 not good, persisted %3 of %4 -> %5\n"_s
                       .arg(number(f.pipelineMax.samplesPerSecond(), 0))
                       .arg(f.pipelineMax.notifiedNotGood)
                       .arg(f.pipelineMax.persisted)
                       .arg(f.pipelineMax.notifiedTotal)
                       .arg(verdict(f.pipelineMax.everySampleStored()));
        } else if (!f.pipelineMax.error.isEmpty()) {
            out += u"   pipeline max-rate: %1\n"_s.arg(f.pipelineMax.error);
        }
        const double ratioMax = pipelineRatio(f);
        const double ratio10 = tenHzRatio(f);
        out += u"   ratios: pipeline/raw max-rate %1 (goal >= %2: %3); pipeline/raw at %4 ms %5; "
               u"10 Hz sustained (>= %6 % of %7 polls/s): %8\n"_s
                   .arg(ratioMax < 0 ? u"n/a"_s : number(ratioMax, 2))
                   .arg(pipelineRatioGoal)
                   .arg(ratioMax < 0 ? u"n/a"_s : verdict(ratioMax >= pipelineRatioGoal))
                   .arg(s.pollMs)
                   .arg(ratio10 < 0 ? u"n/a"_s : number(ratio10, 2))
                   .arg(sustainedFraction * 100)
                   .arg(grouped(f.targetPolls(s.pollMs)))
                   .arg(f.pipeline.haveDeviceStats ? verdict(sustained(f, s.pollMs)) : u"n/a"_s);
        const InsertFigures &i = f.insert;
        if (i.ran) {
            out += u"   history insert of %1 rows: HistoryStore %2 rows/s (%3 committed, %4 in "
                   u"file), raw execBatch %5 rows/s (%6 in file) -> ratio %7 (goal >= %8: %9)\n"_s
                       .arg(grouped(double(i.rows)), grouped(i.storeRowsPerSecond()))
                       .arg(i.storeCommitted)
                       .arg(i.storeRowsInFile)
                       .arg(grouped(i.rawRowsPerSecond()))
                       .arg(i.rawRowsInFile)
                       .arg(number(i.ratio(), 2))
                       .arg(insertRatioGoal)
                       .arg(verdict(i.ratio() >= insertRatioGoal));
        } else if (!i.error.isEmpty()) {
            out += u"   history insert: %1\n"_s.arg(i.error);
        }
        out += u'\n';
    }
    out += methodText(s) + u'\n';
    out += u"(informational: goals never change the exit code)\n"_s;
    return out;
}

QString runtimeMarkdownReport(const RuntimeSettings &s, const std::vector<RuntimeSizeFigures> &all)
{
    QString out = markdownRow({ u"Devices"_s, u"Pipeline polls/s at %1 ms (target)"_s.arg(s.pollMs),
        u"Raw loop polls/s (Qt's dispatcher)"_s, u"Runtime CPU"_s,
        u"Samples/s (persisted = notified)"_s,
        u"Latency p50 / p99 (goal ≤ %1 ms) [raw loop]"_s.arg(s.pollMs + latencySlackMs),
        u"Max-rate polls/s pipeline / raw (goal ≥ %1)"_s.arg(number(pipelineRatioGoal, 1)),
        u"History insert / raw execBatch (goal ≥ %1)"_s.arg(number(insertRatioGoal, 1)),
        u"Load avg"_s });
    out += u"|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"_s;
    for (const RuntimeSizeFigures &f : all) {
        if (!f.error.isEmpty() && !f.pipeline.ran) {
            out += markdownRow({ grouped(f.devices), u"failed: "_s + f.error, {}, {}, {}, {}, {},
                {}, f.loadBefore });
            continue;
        }
        const PipelineFigures &p = f.pipeline;
        const QString polls = p.haveDeviceStats ? u"%1 (%2) %3"_s.arg(grouped(cycles(p.polls)),
                                  grouped(f.targetPolls(s.pollMs)), verdict(sustained(f, s.pollMs)))
                                                : u"n/a"_s;
        QString raw = f.raw10.ran ? grouped(cycles(f.raw10)) : u"–"_s;
        if (f.raw10QtDispatcher.ran)
            raw += u" (%1)"_s.arg(grouped(cycles(f.raw10QtDispatcher)));
        const QString cpu = u"%1 cores (%2 µs/poll)"_s.arg(number(p.polls.cpu.cores(), 2),
            p.haveDeviceStats && p.polls.replies ? number(
                p.polls.cpu.cpu * 1e6 / (double(p.polls.replies) / BenchMap::ReadsPerCycle), 0)
                                                 : u"?"_s);
        const QString samples = u"%1 (%2 = %3) %4"_s.arg(grouped(p.samplesPerSecond()))
                                    .arg(p.persisted)
                                    .arg(p.notifiedTotal)
                                    .arg(verdict(p.everySampleStored()));
        QString latency = !p.latency.measured()
            ? u"n/a"_s
            : u"%1 / %2 ms %3"_s.arg(number(p.latency.p50(), 1), number(p.latency.p99(), 1),
                verdict(latencyOk(p, s.pollMs)));
        if (f.raw10Latency.measured())
            latency += u" [%1 / %2]"_s.arg(
                number(f.raw10Latency.p50(), 1), number(f.raw10Latency.p99(), 1));
        const double ratio = pipelineRatio(f);
        const QString maxRate = ratio < 0
            ? u"–"_s
            : u"%1 / %2 = %3 %4"_s.arg(grouped(cycles(f.pipelineMax.polls)),
                grouped(cycles(f.rawMax)), number(ratio, 2), verdict(ratio >= pipelineRatioGoal));
        const QString insert = f.insert.ran
            ? u"%1 / %2 rows/s = %3 %4"_s.arg(grouped(f.insert.storeRowsPerSecond()),
                grouped(f.insert.rawRowsPerSecond()), number(f.insert.ratio(), 2),
                verdict(f.insert.ratio() >= insertRatioGoal))
            : u"–"_s;
        out += markdownRow({ grouped(f.devices), polls, raw, cpu, samples, latency, maxRate, insert,
            f.loadBefore.section(u' ', 0, 0) });
    }
    for (const RuntimeSizeFigures &f : all) {
        const QString windows = latencyWindowsText(f, s.pollMs);
        if (!windows.isEmpty())
            out += u"\nLatency at %1 devices, one window after another: %2.\n"_s.arg(
                grouped(f.devices), windows);
    }
    out += u"\nMeasured by `bench_runtime` (%1 s per 10 Hz window, %2 s unthrottled) on %3. %4\n"_s
               .arg(number(s.seconds, 0), s.maxRate ? number(s.maxSeconds, 0) : u"no"_s,
                   runtimeEnvironmentLine(), methodText(s));
    return out;
}

namespace {

QJsonObject pollJson(const PollFigures &p, bool have)
{
    QJsonObject o { { u"ran"_s, p.ran }, { u"error"_s, p.error }, { u"devices"_s, p.devices },
        { u"connected"_s, p.connected }, { u"wall_s"_s, p.cpu.wall }, { u"cpu_s"_s, p.cpu.cpu },
        { u"cpu_cores"_s, p.cpu.cores() }, { u"simulator_cpu_s"_s, p.cpu.simulatorCpu },
        { u"counters_available"_s, have } };
    if (have) {
        o.insert(u"reads"_s, qint64(p.replies));
        o.insert(u"errors"_s, qint64(p.errors));
        o.insert(u"skipped"_s, qint64(p.skipped));
        o.insert(u"reads_per_s"_s, p.pollsPerSecond());
        o.insert(u"polls_per_s"_s, cycles(p));
        o.insert(u"cpu_us_per_read"_s, p.cpuUsPerPoll());
        o.insert(u"mean_rtt_us"_s, p.meanRoundTripUs);
    }
    return o;
}

QJsonObject latencyJson(const LatencyFigures &l)
{
    QJsonArray samples;
    for (double v : l.fromWriteMs)
        samples.append(v);
    return { { u"sent"_s, l.sent }, { u"seen"_s, l.seen }, { u"lost"_s, l.lost },
        { u"failed"_s, l.failed }, { u"p50_ms"_s, l.p50() }, { u"p99_ms"_s, l.p99() },
        { u"max_ms"_s, l.max() }, { u"p50_from_reply_ms"_s, l.p50FromReply() },
        { u"p99_from_reply_ms"_s, l.p99FromReply() },
        { u"write_rtt_median_ms"_s, l.writeRoundTripMedianMs }, { u"samples_ms"_s, samples } };
}

QJsonObject pipelineJson(const PipelineFigures &p)
{
    return { { u"ran"_s, p.ran }, { u"error"_s, p.error },
        { u"polls"_s, pollJson(p.polls, p.haveDeviceStats) },
        { u"engine_thread_cpu_s"_s, p.engineThreadCpu },
        { u"history_writer_cpu_s"_s, p.historyWriterCpu },
        { u"storage_write_bytes"_s, p.storageWriteBytes }, { u"deploy_s"_s, p.deploySeconds },
        { u"connect_s"_s, p.connectSeconds }, { u"stop_s"_s, p.stopSeconds },
        { u"model_bytes"_s, p.modelBytes }, { u"notified_window"_s, p.notifiedWindow },
        { u"notified_total"_s, p.notifiedTotal }, { u"notified_not_good"_s, p.notifiedNotGood },
        { u"persisted"_s, p.persisted }, { u"every_sample_stored"_s, p.everySampleStored() },
        { u"samples_per_s"_s, p.samplesPerSecond() },
        { u"history_stats_available"_s, p.haveHistoryStats },
        { u"history_backlog_at_window_end"_s, p.historyBacklogAtWindowEnd },
        { u"latency"_s, latencyJson(p.latency) } };
}

QJsonArray repeatsJson(const std::vector<PipelineFigures> &repeats)
{
    QJsonArray out;
    for (const PipelineFigures &p : repeats)
        out.append(pipelineJson(p));
    return out;
}

QJsonArray latencyRepeatsJson(const std::vector<LatencyFigures> &repeats)
{
    QJsonArray out;
    for (const LatencyFigures &l : repeats)
        out.append(latencyJson(l));
    return out;
}

} // namespace

QString runtimeJsonReport(const RuntimeSettings &s, const std::vector<RuntimeSizeFigures> &all)
{
    QJsonArray sizes;
    for (const RuntimeSizeFigures &f : all) {
        const InsertFigures &i = f.insert;
        sizes.append(QJsonObject { { u"devices"_s, f.devices }, { u"base_port"_s, f.basePort },
            { u"error"_s, f.error }, { u"load_before"_s, f.loadBefore },
            { u"load_after"_s, f.loadAfter }, { u"simulator"_s, f.simulatorCommand },
            { u"target_polls_per_s"_s, f.targetPolls(s.pollMs) },
            { u"raw_loop"_s, pollJson(f.raw10, true) },
            { u"raw_loop_latency"_s, latencyJson(f.raw10Latency) },
            { u"raw_loop_qt_dispatcher"_s, pollJson(f.raw10QtDispatcher, true) },
            { u"raw_loop_max"_s, pollJson(f.rawMax, true) },
            { u"pipeline"_s, pipelineJson(f.pipeline) },
            { u"pipeline_repeats"_s, repeatsJson(f.pipelineRepeats) },
            { u"raw_loop_latency_repeats"_s, latencyRepeatsJson(f.rawLatencyRepeats) },
            { u"pipeline_max"_s, pipelineJson(f.pipelineMax) },
            { u"pipeline_over_raw_max"_s, pipelineRatio(f) },
            { u"pipeline_over_raw_10hz"_s, tenHzRatio(f) },
            { u"history_insert"_s,
                QJsonObject { { u"ran"_s, i.ran }, { u"error"_s, i.error }, { u"rows"_s, i.rows },
                    { u"store_s"_s, i.storeSeconds }, { u"raw_s"_s, i.rawSeconds },
                    { u"store_rows_per_s"_s, i.storeRowsPerSecond() },
                    { u"raw_rows_per_s"_s, i.rawRowsPerSecond() }, { u"ratio"_s, i.ratio() },
                    { u"store_committed"_s, i.storeCommitted },
                    { u"store_rows_in_file"_s, i.storeRowsInFile },
                    { u"raw_rows_in_file"_s, i.rawRowsInFile } } } });
    }
    const QJsonObject root { { u"benchmark"_s, u"bench_runtime"_s },
        { u"environment"_s, runtimeEnvironmentLine() }, { u"command"_s, s.commandLine },
        { u"method"_s, methodText(s) },
        { u"settings"_s,
            QJsonObject { { u"seconds"_s, s.seconds },
                { u"max_seconds"_s, s.maxRate ? s.maxSeconds : 0.0 }, { u"poll_ms"_s, s.pollMs },
                { u"cycle_s"_s, s.cycleSeconds }, { u"stroke_s"_s, s.strokeSeconds },
                { u"probe_devices"_s, s.probes }, { u"latency_windows"_s, s.latencyWindows },
                { u"reads_per_poll"_s, BenchMap::ReadsPerCycle } } },
        { u"goals"_s,
            QJsonObject { { u"pipeline_over_raw_max_min"_s, pipelineRatioGoal },
                { u"insert_ratio_min"_s, insertRatioGoal },
                { u"p99_max_ms"_s, s.pollMs + latencySlackMs } } },
        { u"sizes"_s, sizes } };
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace dt::bench
