// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include "stopwatch.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::bench {

double Timing::best() const
{
    return m_seconds.empty() ? 0.0 : *std::min_element(m_seconds.begin(), m_seconds.end());
}

double Timing::median() const
{
    if (m_seconds.empty())
        return 0.0;
    std::vector<double> sorted = m_seconds;
    std::sort(sorted.begin(), sorted.end());
    const size_t middle = sorted.size() / 2;
    return sorted.size() % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

namespace {

QString cpuName()
{
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                const qsizetype colon = line.indexOf(':');
                return QString::fromUtf8(line.mid(colon + 1).trimmed());
            }
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QString clockName()
{
    return Stopwatch::clock() == Stopwatch::Clock::Cpu ? u"process CPU time"_s
                                                       : u"wall-clock time"_s;
}

QString environmentLine()
{
    return u"%1, %2 logical cores; Qt %3; build %4; %5; %6"_s.arg(cpuName())
        .arg(QThread::idealThreadCount())
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(DT_BUILD_TYPE), clockName(),
            QDateTime::currentDateTime().toString(Qt::ISODate));
}

QString verdict(bool pass)
{
    return pass ? u"PASS"_s : u"MISS"_s;
}

QString megabytes(double bytes)
{
    return QString::number(bytes / 1e6, 'f', 1);
}

// 1234567 -> "1,234,567"
QString grouped(qint64 number)
{
    QString digits = QString::number(number);
    for (qsizetype at = digits.size() - 3; at > 0 && digits.at(at - 1).isDigit(); at -= 3)
        digits.insert(at, u',');
    return digits;
}

// One markdown table row from its cells.
QString markdownRow(const QStringList &cells)
{
    return u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

QString textReport(const std::vector<SizeFigures> &all)
{
    QString out;
    out += u"\nbench_model: CAEX reader and writer against raw Qt XML baselines, "
           u"same run, same files\n"_s;
    out += environmentLine() + u'\n';
    out += u"MB = 10^6 bytes; times (%1) are the best of 'runs' runs; files in the page cache\n"_s
               .arg(clockName());

    out += u"\nREAD    CaexReader::readFile vs. raw QXmlStreamReader token scan "
           u"(goal: ratio >= %1)\n"_s.arg(readRatioGoal, 0, 'f', 2);
    out += QString::asprintf("%10s %9s %4s | %8s %8s %11s | %8s %8s | %6s %s\n", "elements",
        "file MB", "runs", "read s", "MB/s", "elements/s", "scan s", "MB/s", "ratio", "goal");
    for (const SizeFigures &f : all) {
        if (f.read.isEmpty() || f.scan.isEmpty()) {
            out += u"%1 elements: %2\n"_s.arg(f.requested, 10).arg(f.error);
            continue;
        }
        out += QString::asprintf("%10lld %9.1f %4d | %8.3f %8.1f %11.0f | %8.3f %8.1f | %6.2f %s\n",
            static_cast<long long>(f.elements), double(f.fileBytes) / 1e6, f.runs, f.read.best(),
            f.readMBps(), double(f.elements) / f.read.best(), f.scan.best(), f.scanMBps(),
            f.readRatio(), qPrintable(verdict(f.readRatio() >= readRatioGoal)));
    }

    out += u"\nWRITE   CaexWriter::writeFile vs. raw QXmlStreamWriter replay of the same tokens "
           u"(goal: ratio >= %1)\n"_s.arg(writeRatioGoal, 0, 'f', 2);
    out += QString::asprintf("%10s %9s %4s | %8s %8s %11s | %8s %8s | %6s %-4s | %s\n", "elements",
        "out MB", "runs", "write s", "MB/s", "elements/s", "raw s", "MB/s", "ratio", "goal",
        "checks");
    for (const SizeFigures &f : all) {
        if (f.write.isEmpty() || f.rawWrite.isEmpty()) {
            out += u"%1 elements: %2\n"_s.arg(f.requested, 10).arg(f.error);
            continue;
        }
        const QString checks
            = u"raw bytes %1, re-read+write %2"_s.arg(f.rawSameBytes ? u"identical"_s : u"DIFFER"_s,
                f.rewriteIdentical ? u"identical"_s : u"differs from generated"_s);
        out += QString::asprintf(
            "%10lld %9.1f %4d | %8.3f %8.1f %11.0f | %8.3f %8.1f | %6.2f %-4s | %s\n",
            static_cast<long long>(f.elements), double(f.writeBytes) / 1e6, f.runs, f.write.best(),
            f.writeMBps(), double(f.elements) / f.write.best(), f.rawWrite.best(), f.rawWriteMBps(),
            f.writeRatio(), qPrintable(verdict(f.writeRatio() >= writeRatioGoal)),
            qPrintable(checks));
    }

    out += u"\nMEMORY  peak RSS increase while reading, one fresh child process per read "
           u"(goal: peak/file <= %1)\n"_s.arg(peakRatioGoal, 0, 'f', 1);
    out += QString::asprintf("%10s %9s | %12s %10s %-4s | %12s | %14s\n", "elements", "file MB",
        "read peak MB", "peak/file", "goal", "model RSS MB", "scan peak MB");
    for (const SizeFigures &f : all) {
        if (!f.readMemory.ok) {
            out += u"%1 elements: %2\n"_s.arg(f.requested, 10).arg(f.error);
            continue;
        }
        const QString scanPeak = f.scanMemory.ok
            ? QString::number(f.scanMemory.peakIncreaseBytes() / 1e6, 'f', 1)
            : u"not run"_s;
        out += QString::asprintf("%10lld %9.1f | %12.1f %10.2f %-4s | %12.1f | %14s\n",
            static_cast<long long>(f.elements), double(f.fileBytes) / 1e6,
            f.readMemory.peakIncreaseBytes() / 1e6, f.peakRatio(),
            qPrintable(verdict(f.peakRatio() <= peakRatioGoal)), f.readMemory.retainedBytes() / 1e6,
            qPrintable(scanPeak));
    }
    out += u"\n(informational: goals never change the exit code)\n"_s;
    return out;
}

QString markdownReport(const std::vector<SizeFigures> &all)
{
    QString out = markdownRow({ u"InternalElements"_s, u"File"_s, u"Read"_s, u"Raw scan"_s,
        u"Read/raw (goal ≥ %1)"_s.arg(number(readRatioGoal, 1)), u"Write"_s, u"Raw write"_s,
        u"Write/raw (goal ≥ %1)"_s.arg(number(writeRatioGoal, 1)), u"Peak RSS reading"_s,
        u"Peak/file (goal ≤ %1)"_s.arg(number(peakRatioGoal, 0)) });
    out += u"|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"_s;
    for (const SizeFigures &f : all) {
        if (!f.complete()) {
            out += markdownRow(
                { grouped(f.requested), u"failed: "_s + f.error, {}, {}, {}, {}, {}, {}, {}, {} });
            continue;
        }
        out += markdownRow({ grouped(f.elements), megabytes(double(f.fileBytes)) + u" MB"_s,
            number(f.readMBps(), 1) + u" MB/s"_s, number(f.scanMBps(), 1) + u" MB/s"_s,
            number(f.readRatio(), 2) + u' ' + verdict(f.readRatio() >= readRatioGoal),
            number(f.writeMBps(), 1) + u" MB/s"_s, number(f.rawWriteMBps(), 1) + u" MB/s"_s,
            number(f.writeRatio(), 2) + u' ' + verdict(f.writeRatio() >= writeRatioGoal),
            megabytes(f.readMemory.peakIncreaseBytes()) + u" MB"_s,
            number(f.peakRatio(), 2) + u' ' + verdict(f.peakRatio() <= peakRatioGoal) });
    }
    QStringList runs;
    for (const SizeFigures &f : all)
        runs.append(QString::number(f.runs));
    out += u"\nMeasured by `bench_model` (best of %1 runs per row) on %2.\n"_s.arg(
        runs.join(u'/'), environmentLine());
    return out;
}

namespace {

QJsonObject timingJson(const Timing &timing)
{
    QJsonArray runs;
    for (const double seconds : timing.runs())
        runs.append(seconds);
    return { { u"best_s"_s, timing.best() }, { u"median_s"_s, timing.median() },
        { u"runs_s"_s, runs } };
}

QJsonObject memoryJson(const MemoryFigures &memory)
{
    return { { u"ok"_s, memory.ok }, { u"rss_before_kb"_s, memory.rssBeforeKb },
        { u"peak_kb"_s, memory.peakKb }, { u"rss_after_kb"_s, memory.rssAfterKb },
        { u"peak_increase_bytes"_s, memory.peakIncreaseBytes() },
        { u"seconds"_s, memory.seconds } };
}

} // namespace

QString jsonReport(const std::vector<SizeFigures> &all)
{
    QJsonArray sizes;
    for (const SizeFigures &f : all) {
        QJsonObject size { { u"requested_elements"_s, f.requested }, { u"elements"_s, f.elements },
            { u"file_bytes"_s, f.fileBytes }, { u"runs"_s, f.runs },
            { u"generate_s"_s, f.generateSeconds }, { u"read"_s, timingJson(f.read) },
            { u"raw_scan"_s, timingJson(f.scan) }, { u"write"_s, timingJson(f.write) },
            { u"raw_write"_s, timingJson(f.rawWrite) }, { u"write_bytes"_s, f.writeBytes },
            { u"raw_write_bytes"_s, f.rawWriteBytes },
            { u"raw_write_same_bytes"_s, f.rawSameBytes },
            { u"rewrite_identical"_s, f.rewriteIdentical },
            { u"read_memory"_s, memoryJson(f.readMemory) },
            { u"scan_memory"_s, memoryJson(f.scanMemory) }, { u"error"_s, f.error } };
        if (f.complete()) {
            size.insert(u"read_mb_s"_s, f.readMBps());
            size.insert(u"raw_scan_mb_s"_s, f.scanMBps());
            size.insert(u"read_ratio"_s, f.readRatio());
            size.insert(u"write_mb_s"_s, f.writeMBps());
            size.insert(u"raw_write_mb_s"_s, f.rawWriteMBps());
            size.insert(u"write_ratio"_s, f.writeRatio());
            size.insert(u"peak_rss_ratio"_s, f.peakRatio());
        }
        sizes.append(size);
    }
    const QJsonObject root { { u"benchmark"_s, u"bench_model"_s },
        { u"environment"_s, environmentLine() },
        { u"goals"_s,
            QJsonObject { { u"read_ratio_min"_s, readRatioGoal },
                { u"write_ratio_min"_s, writeRatioGoal },
                { u"peak_rss_ratio_max"_s, peakRatioGoal } } },
        { u"sizes"_s, sizes } };
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

bool writeTextFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text.toUtf8());
    return file.commit();
}

} // namespace dt::bench
