// SPDX-License-Identifier: GPL-3.0-or-later
// The figures bench_model collects per model size, and their text, markdown and JSON reports.
#pragma once

#include <QString>

#include <vector>

namespace dt::bench {

/// The durations of repeated runs of one measurement, in seconds.
class Timing
{
public:
    void add(double seconds) { m_seconds.push_back(seconds); }
    bool isEmpty() const { return m_seconds.empty(); }
    double best() const;
    double median() const;
    const std::vector<double> &runs() const { return m_seconds; }

private:
    std::vector<double> m_seconds;
};

/// Memory of one read in a child process, in kB as /proc/self/status gives them.
struct MemoryFigures
{
    bool ok = false;
    long long rssBeforeKb = -1; ///< before the read started
    long long peakKb = -1; ///< VmHWM after the read (the peak counter reset before it)
    long long rssAfterKb = -1; ///< after the read, the result still alive
    double seconds = 0;

    /// Peak increase over the state before the read, in bytes.
    double peakIncreaseBytes() const { return double(peakKb - rssBeforeKb) * 1024.0; }
    double retainedBytes() const { return double(rssAfterKb - rssBeforeKb) * 1024.0; }
};

/// Everything measured for one generated model.
struct SizeFigures
{
    int requested = 0; ///< InternalElements asked of the generator
    qint64 elements = 0; ///< InternalElements in the model read back
    qint64 fileBytes = 0; ///< size of the generated file
    int runs = 0;
    double generateSeconds = 0;

    Timing read; ///< CaexReader::readFile
    Timing scan; ///< raw QXmlStreamReader token scan
    quint64 scanChecksum = 0;

    Timing write; ///< CaexWriter::writeFile of the model read
    Timing rawWrite; ///< QXmlStreamWriter replaying the tokens of that output
    qint64 writeBytes = 0;
    qint64 rawWriteBytes = 0;
    bool rewriteIdentical = false; ///< read + write reproduced the generated file byte for byte
    bool rawSameBytes = false; ///< the baseline produced exactly the writer's bytes

    MemoryFigures readMemory;
    MemoryFigures scanMemory;

    QString error;

    bool complete() const { return error.isEmpty(); }
    double readMBps() const { return double(fileBytes) / 1e6 / read.best(); }
    double scanMBps() const { return double(fileBytes) / 1e6 / scan.best(); }
    double readRatio() const { return readMBps() / scanMBps(); }
    double writeMBps() const { return double(writeBytes) / 1e6 / write.best(); }
    double rawWriteMBps() const { return double(rawWriteBytes) / 1e6 / rawWrite.best(); }
    double writeRatio() const { return writeMBps() / rawWriteMBps(); }
    double peakRatio() const { return readMemory.peakIncreaseBytes() / double(fileBytes); }
};

/// The goals the figures are judged against (informational).
constexpr double readRatioGoal = 0.6;
constexpr double writeRatioGoal = 0.6;
constexpr double peakRatioGoal = 4.0;

QString textReport(const std::vector<SizeFigures> &all);
QString markdownReport(const std::vector<SizeFigures> &all);
QString jsonReport(const std::vector<SizeFigures> &all);
bool writeTextFile(const QString &path, const QString &text);

} // namespace dt::bench
