// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
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

QString environmentLine()
{
    return u"%1, %2 logical cores; Qt %3; build %4; %5"_s.arg(cpuName())
        .arg(QThread::idealThreadCount())
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(DT_BUILD_TYPE),
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

QString grouped(qint64 number)
{
    return QLocale::c().toString(number).replace(u',', u' ');
}

} // namespace

QString textReport(const std::vector<SizeFigures> &all)
{
    QString out;
    out += u"\nbench_model: CAEX reader and writer against raw Qt XML baselines, same run, same files\n"_s;
    out += environmentLine() + u'\n';
    out += u"MB = 10^6 bytes; times are the best of 'runs' runs; files in the page cache\n"_s;

    out += u"\nREAD    CaexReader::readFile vs. raw QXmlStreamReader token scan (goal: ratio >= %1)\n"_s
               .arg(readRatioGoal, 0, 'f', 2);
    out += QString::asprintf("%10s %9s %4s | %8s %8s %11s | %8s %8s | %6s %s\n", "elements",
                             "file MB", "runs", "read s", "MB/s", "elements/s", "scan s", "MB/s",
                             "ratio", "goal");
    for (const SizeFigures &f : all) {
        if (f.read.isEmpty() || f.scan.isEmpty()) {
            out += u"%1 elements: %2\n"_s.arg(f.requested, 10).arg(f.error);
            continue;
        }
        out += QString::asprintf("%10lld %9.1f %4d | %8.3f %8.1f %11.0f | %8.3f %8.1f | %6.2f %s\n",
                                 static_cast<long long>(f.elements), double(f.fileBytes) / 1e6,
                                 f.runs, f.read.best(), f.readMBps(),
                                 double(f.elements) / f.read.best(), f.scan.best(), f.scanMBps(),
                                 f.readRatio(),
                                 qPrintable(verdict(f.readRatio() >= readRatioGoal)));
    }

    out += u"\nWRITE   CaexWriter::writeFile vs. raw QXmlStreamWriter replay of the same tokens (goal: ratio >= %1)\n"_s
               .arg(writeRatioGoal, 0, 'f', 2);
    out += QString::asprintf("%10s %9s %4s | %8s %8s %11s | %8s %8s | %6s %-4s | %s\n",
                             "elements", "out MB", "runs", "write s", "MB/s", "elements/s",
                             "raw s", "MB/s", "ratio", "goal", "checks");
    for (const SizeFigures &f : all) {
        if (f.write.isEmpty() || f.rawWrite.isEmpty()) {
            out += u"%1 elements: %2\n"_s.arg(f.requested, 10).arg(f.error);
            continue;
        }
        const QString checks = u"raw bytes %1, re-read+write %2"_s
                                   .arg(f.rawSameBytes ? u"identical"_s : u"DIFFER"_s,
                                        f.rewriteIdentical ? u"identical"_s
                                                           : u"differs from generated"_s);
        out += QString::asprintf("%10lld %9.1f %4d | %8.3f %8.1f %11.0f | %8.3f %8.1f | %6.2f %-4s | %s\n",
                                 static_cast<long long>(f.elements), double(f.writeBytes) / 1e6,
                                 f.runs, f.write.best(), f.writeMBps(),
                                 double(f.elements) / f.write.best(), f.rawWrite.best(),
                                 f.rawWriteMBps(), f.writeRatio(),
                                 qPrintable(verdict(f.writeRatio() >= writeRatioGoal)),
                                 qPrintable(checks));
    }

    out += u"\nMEMORY  peak RSS increase while reading, one fresh child process per read (goal: peak/file <= %1)\n"_s
               .arg(peakRatioGoal, 0, 'f', 1);
    out += QString::asprintf("%10s %9s | %12s %10s %-4s | %12s | %14s\n", "elements", "file MB",
                             "read peak MB", "peak/file", "goal", "model RSS MB",
                             "scan peak MB");
    for (const SizeFigures &f : all) {
        if (!f.readMemory.ok) {
            out += u"%1 elements: %2\n"_s.arg(f.requested, 10).arg(f.error);
            continue;
        }
        out += QString::asprintf("%10lld %9.1f | %12.1f %10.2f %-4s | %12.1f | %14.1f\n",
                                 static_cast<long long>(f.elements), double(f.fileBytes) / 1e6,
                                 f.readMemory.peakIncreaseBytes() / 1e6, f.peakRatio(),
                                 qPrintable(verdict(f.peakRatio() <= peakRatioGoal)),
                                 f.readMemory.retainedBytes() / 1e6,
                                 f.scanMemory.ok ? f.scanMemory.peakIncreaseBytes() / 1e6 : -1.0);
    }
    out += u"\n(informational: goals never change the exit code)\n"_s;
    return out;
}

QString markdownReport(const std::vector<SizeFigures> &all)
{
    QString out;
    out += u"| InternalElements | File | Read | Raw scan | Read/raw (goal ≥ %1) | Write | Raw write | Write/raw (goal ≥ %2) | Peak RSS reading | Peak/file (goal ≤ %3) |\n"_s
               .arg(readRatioGoal, 0, 'f', 1).arg(writeRatioGoal, 0, 'f', 1)
               .arg(peakRatioGoal, 0, 'f', 0);
    out += u"|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"_s;
    for (const SizeFigures &f : all) {
        if (!f.complete()) {
            out += u"| %1 | failed: %2 | | | | | | | | |\n"_s.arg(grouped(f.requested), f.error);
            continue;
        }
        out += u"| %1 | %2 MB | %3 MB/s | %4 MB/s | %5 %6 | %7 MB/s | %8 MB/s | %9 %10 | %11 MB | %12 %13 |\n"_s
                   .arg(grouped(f.elements), megabytes(double(f.fileBytes)),
                        QString::number(f.readMBps(), 'f', 1),
                        QString::number(f.scanMBps(), 'f', 1),
                        QString::number(f.readRatio(), 'f', 2),
                        verdict(f.readRatio() >= readRatioGoal),
                        QString::number(f.writeMBps(), 'f', 1),
                        QString::number(f.rawWriteMBps(), 'f', 1),
                        QString::number(f.writeRatio(), 'f', 2))
                   .arg(verdict(f.writeRatio() >= writeRatioGoal),
                        megabytes(f.readMemory.peakIncreaseBytes()),
                        QString::number(f.peakRatio(), 'f', 2),
                        verdict(f.peakRatio() <= peakRatioGoal));
    }
    QStringList runs;
    for (const SizeFigures &f : all)
        runs.append(QString::number(f.runs));
    out += u"\nMeasured by `bench_model` (best of %1 runs per row) on %2.\n"_s
               .arg(runs.join(u'/'), environmentLine());
    return out;
}

namespace {

QJsonObject timingJson(const Timing &timing)
{
    QJsonArray runs;
    for (const double seconds : timing.runs())
        runs.append(seconds);
    return {{u"best_s"_s, timing.best()}, {u"median_s"_s, timing.median()}, {u"runs_s"_s, runs}};
}

QJsonObject memoryJson(const MemoryFigures &memory)
{
    return {{u"ok"_s, memory.ok},
            {u"rss_before_kb"_s, memory.rssBeforeKb},
            {u"peak_kb"_s, memory.peakKb},
            {u"rss_after_kb"_s, memory.rssAfterKb},
            {u"peak_increase_bytes"_s, memory.peakIncreaseBytes()},
            {u"seconds"_s, memory.seconds}};
}

} // namespace

QString jsonReport(const std::vector<SizeFigures> &all)
{
    QJsonArray sizes;
    for (const SizeFigures &f : all) {
        QJsonObject size{{u"requested_elements"_s, f.requested},
                         {u"elements"_s, f.elements},
                         {u"file_bytes"_s, f.fileBytes},
                         {u"runs"_s, f.runs},
                         {u"generate_s"_s, f.generateSeconds},
                         {u"read"_s, timingJson(f.read)},
                         {u"raw_scan"_s, timingJson(f.scan)},
                         {u"write"_s, timingJson(f.write)},
                         {u"raw_write"_s, timingJson(f.rawWrite)},
                         {u"write_bytes"_s, f.writeBytes},
                         {u"raw_write_bytes"_s, f.rawWriteBytes},
                         {u"raw_write_same_bytes"_s, f.rawSameBytes},
                         {u"rewrite_identical"_s, f.rewriteIdentical},
                         {u"read_memory"_s, memoryJson(f.readMemory)},
                         {u"scan_memory"_s, memoryJson(f.scanMemory)},
                         {u"error"_s, f.error}};
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
    const QJsonObject root{{u"benchmark"_s, u"bench_model"_s},
                           {u"environment"_s, environmentLine()},
                           {u"goals"_s, QJsonObject{{u"read_ratio_min"_s, readRatioGoal},
                                                    {u"write_ratio_min"_s, writeRatioGoal},
                                                    {u"peak_rss_ratio_max"_s, peakRatioGoal}}},
                           {u"sizes"_s, sizes}};
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
