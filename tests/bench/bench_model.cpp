// SPDX-License-Identifier: GPL-3.0-or-later
// bench_model: how fast the CAEX reader and writer are on generated plants, and how much memory
// reading takes, each figure beside a baseline measured in the same run on the same file
// (ARCHITECTURE.md §11). The goals are informational: the exit code only reports whether the
// benchmark could run, never whether a goal was met.
//
//   bench_model [--elements 10000,100000,1000000] [--repeat N] [--clock wall|cpu]
//               [--out-json FILE] [--markdown[=FILE]] [--dir DIR] [--keep]
#include "benchreport.h"
#include "procstatus.h"
#include "stopwatch.h"
#include "xmlbaseline.h"

#include "model/caexreader.h"
#include "model/caexwriter.h"
#include "model/generator.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using dt::model::CaexFile;
using dt::model::CaexReader;
using dt::model::CaexWriter;
using dt::model::InternalElement;
using dt::model::NodeList;

namespace dt::bench {
namespace {

// Hidden flags: the parent re-executes itself with these so that each measured read starts in a
// fresh process and its peak RSS owes nothing to earlier runs.
const QString childReadFlag = u"--child-read"_s;
const QString childScanFlag = u"--child-scan"_s;
const char childReplyTag[] = "DTBENCH-MEM";

struct Settings
{
    std::vector<int> sizes { 10000, 100000, 1000000 };
    int repeat = 0; // 0: 3 runs below 1M elements, 1 run from 1M on
    QString jsonPath;
    bool markdown = false;
    QString markdownPath;
    QString dir;
    bool keep = false;
};

void printUsage()
{
    std::fputs("usage: bench_model [--elements N[,N...]] [--repeat N] [--clock wall|cpu]\n"
               "                   [--out-json FILE] [--markdown[=FILE]] [--dir DIR] [--keep]\n"
               "  --elements  InternalElement counts to generate (default 10000,100000,1000000)\n"
               "  --repeat    runs per measurement, best taken (default 3, 1 from 1M elements)\n"
               "  --clock     wall: elapsed time (default); cpu: process CPU time, steadier\n"
               "              when other jobs load the machine\n"
               "  --out-json  also write every figure as JSON\n"
               "  --markdown  also print (or write to FILE) a markdown table for the README\n"
               "  --dir       where to put the generated files (default: a temporary directory)\n"
               "  --keep      keep the generated files\n",
        stdout);
}

std::optional<Settings> parseArguments(const QStringList &arguments)
{
    Settings settings;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (argument == u"--elements" && hasValue) {
            settings.sizes.clear();
            const QStringList parts = arguments.at(++i).split(u',', Qt::SkipEmptyParts);
            for (const QString &part : parts) {
                bool ok = false;
                const int size = part.trimmed().toInt(&ok);
                if (!ok || size < 1)
                    return std::nullopt;
                settings.sizes.push_back(size);
            }
            if (settings.sizes.empty())
                return std::nullopt;
        } else if (argument == u"--repeat" && hasValue) {
            bool ok = false;
            settings.repeat = arguments.at(++i).toInt(&ok);
            if (!ok || settings.repeat < 1)
                return std::nullopt;
        } else if (argument == u"--clock" && hasValue) {
            const QString clock = arguments.at(++i);
            if (clock == u"wall")
                Stopwatch::setClock(Stopwatch::Clock::Wall);
            else if (clock == u"cpu")
                Stopwatch::setClock(Stopwatch::Clock::Cpu);
            else
                return std::nullopt;
        } else if (argument == u"--out-json" && hasValue) {
            settings.jsonPath = arguments.at(++i);
        } else if (argument == u"--markdown") {
            settings.markdown = true;
        } else if (argument.startsWith(u"--markdown=")) {
            settings.markdown = true;
            settings.markdownPath = argument.mid(11);
        } else if (argument == u"--dir" && hasValue) {
            settings.dir = arguments.at(++i);
        } else if (argument == u"--keep") {
            settings.keep = true;
        } else {
            return std::nullopt;
        }
    }
    return settings;
}

void progress(const QString &message)
{
    std::fprintf(stderr, "bench_model: %s\n", qPrintable(message));
    std::fflush(stderr);
}

qint64 countElements(const NodeList<InternalElement> &elements)
{
    qint64 count = elements.size();
    for (const InternalElement &element : elements)
        count += countElements(element.internalElements);
    return count;
}

qint64 countElements(const CaexFile &file)
{
    qint64 count = 0;
    for (const auto &hierarchy : file.instanceHierarchies)
        count += countElements(hierarchy.internalElements);
    return count;
}

bool filesEqual(const QString &a, const QString &b)
{
    QFile left(a);
    QFile right(b);
    if (!left.open(QIODevice::ReadOnly) || !right.open(QIODevice::ReadOnly))
        return false;
    if (left.size() != right.size())
        return false;
    constexpr qint64 chunk = 1 << 20;
    while (!left.atEnd()) {
        if (left.read(chunk) != right.read(chunk))
            return false;
    }
    return true;
}

// The page of the peak-RSS counter is reset so the peak seen afterwards belongs to what follows
// (Linux >= 4.0); without it the child's start-up peak, a few MB, could mask a small read.
void resetPeakRss()
{
    if (std::FILE *refs = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", refs);
        std::fclose(refs);
    }
}

// Child side: one read (or raw scan) of path, figures on one stdout line.
int runChild(const QString &mode, const QString &path)
{
    resetPeakRss();
    const long long before = procStatusKb("VmRSS");
    Stopwatch timer;
    qint64 elements = 0;
    std::optional<CaexFile> model;
    if (mode == childReadFlag) {
        CaexReader reader;
        Result<CaexFile> result = reader.readFile(path);
        if (!result) {
            std::fprintf(stderr, "read failed: %s\n", qPrintable(result.error()));
            return 1;
        }
        model = result.takeValue();
        elements = countElements(*model);
    } else {
        const ScanResult scan = scanXml(path);
        if (!scan.ok) {
            std::fprintf(stderr, "scan failed: %s\n", qPrintable(scan.error));
            return 1;
        }
        elements = scan.elements;
    }
    const double seconds = timer.seconds();
    std::printf("%s %lld %lld %lld %.6f %lld\n", childReplyTag, before, procStatusKb("VmHWM"),
        procStatusKb("VmRSS"), seconds, static_cast<long long>(elements));
    return 0;
}

// Parent side: runs the child and parses its line.
MemoryFigures measureInChild(const QString &mode, const QString &path)
{
    MemoryFigures figures;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), { mode, path });
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit
        || child.exitCode() != 0)
        return figures;
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 6 || fields.at(0) != childReplyTag)
            continue;
        figures.rssBeforeKb = fields.at(1).toLongLong();
        figures.peakKb = fields.at(2).toLongLong();
        figures.rssAfterKb = fields.at(3).toLongLong();
        figures.seconds = fields.at(4).toDouble();
        figures.ok = figures.rssBeforeKb >= 0 && figures.peakKb >= 0;
    }
    return figures;
}

// Everything for one model size; returns false (with figures.error set) if something failed.
bool benchmarkSize(const Settings &settings, const QString &dir, SizeFigures &figures)
{
    const int n = figures.requested;
    const QString generatedPath = u"%1/plant-%2.aml"_s.arg(dir).arg(n);
    const QString writtenPath = u"%1/plant-%2.written.aml"_s.arg(dir).arg(n);
    const QString rawPath = u"%1/plant-%2.raw.aml"_s.arg(dir).arg(n);
    const int runs = settings.repeat > 0 ? settings.repeat : (n >= 1000000 ? 1 : 3);
    figures.runs = runs;

    {
        progress(u"%1 elements: generating"_s.arg(n));
        Stopwatch timer;
        const CaexFile generated = dt::model::generatePlant({ n, 1 });
        figures.generateSeconds = timer.seconds();
        progress(u"%1 elements: generated in %2 s, writing it"_s.arg(n).arg(
            figures.generateSeconds, 0, 'f', 1));
        const Result<void> written = CaexWriter().writeFile(generated, generatedPath);
        if (!written) {
            figures.error = u"writing the generated model failed: "_s + written.error();
            return false;
        }
    }
    figures.fileBytes = QFile(generatedPath).size();

    progress(u"%1 elements: reading (%2 MB, %3 runs)"_s.arg(n)
                 .arg(double(figures.fileBytes) / 1e6, 0, 'f', 1)
                 .arg(runs));
    std::optional<CaexFile> model;
    for (int run = 0; run < runs; ++run) {
        Stopwatch timer;
        const ScanResult scan = scanXml(generatedPath);
        figures.scan.add(timer.seconds());
        if (!scan.ok) {
            figures.error = u"raw scan failed: "_s + scan.error;
            return false;
        }
        figures.scanChecksum = scan.checksum;

        model.reset();
        CaexReader reader;
        timer.restart();
        Result<CaexFile> result = reader.readFile(generatedPath);
        figures.read.add(timer.seconds());
        if (!result) {
            figures.error = u"CaexReader failed: "_s + result.error();
            return false;
        }
        model = result.takeValue();
    }
    figures.elements = countElements(*model);

    progress(u"%1 elements: writing"_s.arg(n));
    for (int run = 0; run < runs; ++run) {
        Stopwatch timer;
        const Result<void> written = CaexWriter().writeFile(*model, writtenPath);
        figures.write.add(timer.seconds());
        if (!written) {
            figures.error = u"CaexWriter failed: "_s + written.error();
            return false;
        }
    }
    model.reset();
    figures.writeBytes = QFile(writtenPath).size();
    figures.rewriteIdentical = filesEqual(generatedPath, writtenPath);

    progress(u"%1 elements: raw write baseline"_s.arg(n));
    {
        TokenTape tape;
        QString error;
        if (!tape.record(writtenPath, &error)) {
            figures.error = u"recording the token tape failed: "_s + error;
            return false;
        }
        for (int run = 0; run < runs; ++run) {
            Stopwatch timer;
            figures.rawWriteBytes = tape.replay(rawPath, &error);
            figures.rawWrite.add(timer.seconds());
            if (figures.rawWriteBytes < 0) {
                figures.error = u"raw write failed: "_s + error;
                return false;
            }
        }
    }
    figures.rawSameBytes = filesEqual(writtenPath, rawPath);

    progress(u"%1 elements: peak memory (child processes)"_s.arg(n));
    figures.readMemory = measureInChild(childReadFlag, generatedPath);
    // The scan's peak is flat (about 1 MB whatever the size); past 1M elements it is not worth
    // another full pass over the file.
    if (n < 1000000)
        figures.scanMemory = measureInChild(childScanFlag, generatedPath);
    if (!figures.readMemory.ok)
        figures.error = u"the memory child failed"_s;

    if (!settings.keep) {
        QFile::remove(generatedPath);
        QFile::remove(writtenPath);
        QFile::remove(rawPath);
    }
    return figures.readMemory.ok;
}

int runBenchmarks(const Settings &settings)
{
    QTemporaryDir temporary;
    QString dir = settings.dir;
    if (dir.isEmpty()) {
        if (!temporary.isValid()) {
            std::fprintf(stderr, "bench_model: no temporary directory\n");
            return 2;
        }
        temporary.setAutoRemove(!settings.keep);
        dir = temporary.path();
    }
    std::vector<SizeFigures> all;
    bool ok = true;
    for (const int n : settings.sizes) {
        SizeFigures figures;
        figures.requested = n;
        if (!benchmarkSize(settings, dir, figures)) {
            progress(u"%1 elements: %2"_s.arg(n).arg(figures.error));
            ok = false;
        }
        all.push_back(figures);
    }
    if (settings.keep)
        progress(u"files kept in %1"_s.arg(dir));

    std::fputs(qPrintable(textReport(all)), stdout);
    if (settings.markdown) {
        const QString markdown = markdownReport(all);
        if (settings.markdownPath.isEmpty()) {
            std::fputs("\n", stdout);
            std::fputs(qPrintable(markdown), stdout);
        } else if (!writeTextFile(settings.markdownPath, markdown)) {
            progress(u"cannot write %1"_s.arg(settings.markdownPath));
            ok = false;
        }
    }
    if (!settings.jsonPath.isEmpty() && !writeTextFile(settings.jsonPath, jsonReport(all))) {
        progress(u"cannot write %1"_s.arg(settings.jsonPath));
        ok = false;
    }
    return ok ? 0 : 1;
}

} // namespace
} // namespace dt::bench

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3
        && (arguments.at(1) == dt::bench::childReadFlag
            || arguments.at(1) == dt::bench::childScanFlag))
        return dt::bench::runChild(arguments.at(1), arguments.at(2));
    if (arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
        dt::bench::printUsage();
        return 0;
    }
    const std::optional<dt::bench::Settings> settings = dt::bench::parseArguments(arguments);
    if (!settings) {
        dt::bench::printUsage();
        return 2;
    }
    return dt::bench::runBenchmarks(*settings);
}
