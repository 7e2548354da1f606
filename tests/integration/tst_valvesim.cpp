// SPDX-License-Identifier: GPL-3.0-or-later
// The dt-valvesim binary against third-party peers: mbpoll over Modbus TCP and, through a socat
// pty pair, Modbus RTU; the listening line, clean stops, option and busy-port errors, the
// automatic cycle and an obstruction fault. Ports are asked from the OS per test.
#include "testports.h"
#include "testsupport.h"

#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>
#include <vector>

#include <sys/types.h>

using dt::test::freePort;
using dt::test::freePortRange;
using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeout = 20000;
constexpr int MoveTimeout = 20000;


struct ToolRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(2000);
        run.err = u"timed out"_s;
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

/// mbpoll prints one "[address]: <tab>value" line per value.
QMap<int, int> mbpollValues(const QString &output)
{
    static const QRegularExpression line(
        u"^\\[(\\d+)\\]:\\s+(-?\\d+)\\s*$"_s, QRegularExpression::MultilineOption);
    QMap<int, int> values;
    auto it = line.globalMatch(output);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        values.insert(m.captured(1).toInt(), m.captured(2).toInt());
    }
    return values;
}

QStringList tcpTarget(quint16 port)
{
    return { u"-m"_s, u"tcp"_s, u"-a"_s, u"1"_s, u"-0"_s, u"-p"_s, QString::number(port) };
}

/// Reads \a count values of mbpoll table \a type (1 discrete, 3 input, 4 holding) once.
std::optional<QMap<int, int>> mbpollRead(
    const QStringList &target, const QString &endpoint, int type, int start, int count)
{
    const ToolRun run = runTool(u"mbpoll"_s,
        target
            + QStringList { u"-t"_s, QString::number(type), u"-r"_s, QString::number(start),
                u"-c"_s, QString::number(count), u"-1"_s, endpoint });
    const QMap<int, int> values = mbpollValues(run.out);
    if (run.exitCode != 0 || values.size() != count)
        return std::nullopt;
    return values;
}

std::optional<int> mbpollReadOne(
    const QStringList &target, const QString &endpoint, int type, int address)
{
    const auto values = mbpollRead(target, endpoint, type, address, 1);
    if (!values)
        return std::nullopt;
    return values->value(address);
}

bool mbpollWriteHolding(const QStringList &target, const QString &endpoint, int address, int value)
{
    const ToolRun run = runTool(u"mbpoll"_s,
        target
            + QStringList { u"-t"_s, u"4"_s, u"-r"_s, QString::number(address), endpoint,
                QString::number(value) });
    return run.exitCode == 0 && run.out.contains(u"Written 1 reference"_s);
}

} // namespace

class TestValvesim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void mbpollReadsAndCommandsOverTcp();
    void stopsCleanlyOnSignals_data();
    void stopsCleanlyOnSignals();
    void badOptionsAndBusyPort();
    void cycleMovesByItself();
    void obstructionSetsTheBit();
    void mbpollOverRtu();

private:
    /// Starts dt-valvesim and waits for its listening line; nullptr (and a failure) otherwise.
    QProcess *startSimulator(const QStringList &arguments, QString *listeningLine = nullptr);

    std::vector<std::unique_ptr<QProcess>> m_processes;
    bool m_haveMbpoll = false;
};

void TestValvesim::initTestCase()
{
    QVERIFY2(QFileInfo::exists(dt::test::dtValvesimBinary()),
        qPrintable(dt::test::dtValvesimBinary() + u" is not built"_s));
    m_haveMbpoll = !QStandardPaths::findExecutable(u"mbpoll"_s).isEmpty();
}

void TestValvesim::cleanup()
{
    for (auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(5000)) {
                process->kill();
                process->waitForFinished(2000);
            }
        }
    }
    m_processes.clear();
}

QProcess *TestValvesim::startSimulator(const QStringList &arguments, QString *listeningLine)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(dt::test::dtValvesimBinary());
    process->setArguments(arguments);
    process->start();
    if (!process->waitForStarted(StartTimeout)) {
        qWarning("dt-valvesim did not start");
        return nullptr;
    }
    QString line;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < StartTimeout) {
        if (process->canReadLine()) {
            line = QString::fromLocal8Bit(process->readLine()).trimmed();
            break;
        }
        if (process->state() == QProcess::NotRunning)
            break;
        process->waitForReadyRead(200);
    }
    if (!line.startsWith(u"listening "_s)) {
        qWarning("dt-valvesim did not listen: %s / %s", qPrintable(line),
            process->readAllStandardError().constData());
        return nullptr;
    }
    if (listeningLine)
        *listeningLine = line;
    m_processes.push_back(std::move(process));
    return m_processes.back().get();
}

void TestValvesim::mbpollReadsAndCommandsOverTcp()
{
    if (!m_haveMbpoll)
        QSKIP("mbpoll is not installed (Debian package mbpoll)");
    const quint16 base = freePortRange(2);
    QVERIFY(base != 0);
    QString line;
    QVERIFY(startSimulator({ u"--valves"_s, u"2"_s, u"--port"_s, QString::number(base),
                               u"--stroke-s"_s, u"1"_s, u"--seed"_s, u"3"_s },
        &line));
    QCOMPARE(line, u"listening 127.0.0.1 %1-%2"_s.arg(base).arg(base + 1));

    // Valve 2: torque (input 2) and position (input 3) of a closed valve at rest.
    const QStringList valve2 = tcpTarget(quint16(base + 1));
    const auto inputs = mbpollRead(valve2, u"127.0.0.1"_s, 3, 2, 2);
    QVERIFY(inputs);
    QCOMPARE(inputs->value(2), 0);
    QCOMPARE(inputs->value(3), 0);
    QCOMPARE(mbpollReadOne(valve2, u"127.0.0.1"_s, 1, 1), std::optional<int>(1)); // closed limit

    // Command 2 (open) through the holding register; the position rises to 1000.
    QVERIFY(mbpollWriteHolding(valve2, u"127.0.0.1"_s, 5, 2));
    QTRY_COMPARE_WITH_TIMEOUT(
        mbpollReadOne(valve2, u"127.0.0.1"_s, 3, 3), std::optional<int>(1000), MoveTimeout);
    QCOMPARE(mbpollReadOne(valve2, u"127.0.0.1"_s, 4, 5), std::optional<int>(2));
    const auto counter = mbpollRead(valve2, u"127.0.0.1"_s, 4, 56, 2);
    QVERIFY(counter);
    QCOMPARE(counter->value(56), 1); // low word first
    QCOMPARE(counter->value(57), 0);
    const auto profile = mbpollRead(valve2, u"127.0.0.1"_s, 4, 60, 21);
    QVERIFY(profile);
    QVERIFY(profile->value(60) >= 50); // breakaway
    QVERIFY(profile->value(70) > 0 && profile->value(70) < 50);

    // Valve 1 was left alone.
    QCOMPARE(mbpollReadOne(tcpTarget(base), u"127.0.0.1"_s, 3, 3), std::optional<int>(0));
}

void TestValvesim::stopsCleanlyOnSignals_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestValvesim::stopsCleanlyOnSignals()
{
    QFETCH(int, signal);
    const quint16 base = freePortRange(3);
    QVERIFY(base != 0);
    QProcess *process = startSimulator(
        { u"--valves"_s, u"3"_s, u"--port"_s, QString::number(base), u"--cycle-s"_s, u"1"_s });
    QVERIFY(process);
    ::kill(pid_t(process->processId()), signal);
    QVERIFY(process->waitForFinished(10000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    // The ports are free again.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, base));
}

void TestValvesim::badOptionsAndBusyPort()
{
    const ToolRun bad = runTool(dt::test::dtValvesimBinary(), { u"--valves"_s, u"zero"_s });
    QVERIFY(bad.exitCode != 0 && bad.exitCode != -1);
    QVERIFY2(bad.err.contains(u"--valves"_s), qPrintable(bad.err));
    QVERIFY(bad.out.isEmpty());

    const ToolRun fault = runTool(dt::test::dtValvesimBinary(), { u"--fault"_s, u"1:rust:1"_s });
    QVERIFY(fault.exitCode > 0);
    QVERIFY2(fault.err.contains(u"rust"_s), qPrintable(fault.err));

    const ToolRun help = runTool(dt::test::dtValvesimBinary(), { u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"--cycle-s"_s));

    const quint16 base = freePortRange(2);
    QVERIFY(base != 0);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(base + 1)));
    const ToolRun busy = runTool(dt::test::dtValvesimBinary(),
        { u"--valves"_s, u"2"_s, u"--port"_s, QString::number(base) });
    QVERIFY(busy.exitCode > 0);
    QVERIFY2(busy.err.contains(QString::number(base + 1)), qPrintable(busy.err));
    QVERIFY(!busy.out.contains(u"listening"_s));
}

void TestValvesim::cycleMovesByItself()
{
    if (!m_haveMbpoll)
        QSKIP("mbpoll is not installed (Debian package mbpoll)");
    const quint16 base = freePortRange(2);
    QVERIFY(base != 0);
    QVERIFY(startSimulator({ u"--valves"_s, u"2"_s, u"--port"_s, QString::number(base),
        u"--stroke-s"_s, u"0.5"_s, u"--cycle-s"_s, u"1"_s }));
    // Without any command, both valves (the second half a cycle later) reach the open end and
    // come back.
    for (int valve = 0; valve < 2; ++valve) {
        const QStringList target = tcpTarget(quint16(base + valve));
        QTRY_COMPARE_WITH_TIMEOUT(
            mbpollReadOne(target, u"127.0.0.1"_s, 3, 3), std::optional<int>(1000), MoveTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            mbpollReadOne(target, u"127.0.0.1"_s, 3, 3), std::optional<int>(0), MoveTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            mbpollRead(target, u"127.0.0.1"_s, 4, 56, 2).value_or(QMap<int, int>()).value(56) >= 2,
            MoveTimeout);
    }
}

void TestValvesim::obstructionSetsTheBit()
{
    if (!m_haveMbpoll)
        QSKIP("mbpoll is not installed (Debian package mbpoll)");
    const quint16 base = freePortRange(1);
    QVERIFY(base != 0);
    QVERIFY(startSimulator({ u"--port"_s, QString::number(base), u"--stroke-s"_s, u"1"_s,
        u"--fault"_s, u"1:obstruction:1:0.5"_s }));
    const QStringList target = tcpTarget(base);
    QVERIFY(mbpollWriteHolding(target, u"127.0.0.1"_s, 5, 2));
    QTRY_COMPARE_WITH_TIMEOUT(
        mbpollReadOne(target, u"127.0.0.1"_s, 1, 10), std::optional<int>(1), MoveTimeout);
    const auto state = mbpollRead(target, u"127.0.0.1"_s, 1, 0, 12);
    QVERIFY(state);
    QCOMPARE(state->value(0), 0); // not moving
    QCOMPARE(state->value(1), 0); // not closed
    QCOMPARE(state->value(2), 0); // not open
    QCOMPARE(state->value(11), 0); // it moved before it stopped: obstructed, not jammed
    const std::optional<int> position = mbpollReadOne(target, u"127.0.0.1"_s, 3, 3);
    QVERIFY(position);
    QVERIFY2(*position > 300 && *position <= 500, qPrintable(QString::number(*position)));
    QCOMPARE(mbpollReadOne(target, u"127.0.0.1"_s, 4, 58), std::optional<int>(1)); // trips
}

void TestValvesim::mbpollOverRtu()
{
    if (!m_haveMbpoll)
        QSKIP("mbpoll is not installed (Debian package mbpoll)");
    const QString socat = QStandardPaths::findExecutable(u"socat"_s);
    if (socat.isEmpty())
        QSKIP("socat is not installed (Debian package socat): no virtual serial pair");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString device = dir.filePath(u"ttyV0"_s);
    const QString peer = dir.filePath(u"ttyV1"_s);

    auto pair = std::make_unique<QProcess>();
    pair->setStandardErrorFile(QProcess::nullDevice()); // -d -d chatter
    pair->start(socat,
        { u"-d"_s, u"-d"_s, u"pty,raw,echo=0,link=%1"_s.arg(device),
            u"pty,raw,echo=0,link=%1"_s.arg(peer) });
    QVERIFY(pair->waitForStarted(StartTimeout));
    m_processes.push_back(std::move(pair));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(device) && QFileInfo::exists(peer), StartTimeout);

    QString line;
    QVERIFY(startSimulator({ u"--rtu"_s, device, u"--baud"_s, u"19200"_s, u"--parity"_s, u"N"_s,
                               u"--stroke-s"_s, u"1"_s },
        &line));
    QCOMPARE(line, u"listening %1 1-1"_s.arg(device));

    const QStringList target
        = { u"-m"_s, u"rtu"_s, u"-b"_s, u"19200"_s, u"-P"_s, u"none"_s, u"-a"_s, u"1"_s, u"-0"_s };
    // The first exchange on a fresh pty can be lost to line set-up: allow retries.
    QTRY_COMPARE_WITH_TIMEOUT(
        mbpollReadOne(target, peer, 3, 3), std::optional<int>(0), MoveTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(mbpollWriteHolding(target, peer, 5, 2), MoveTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(
        mbpollReadOne(target, peer, 3, 3), std::optional<int>(1000), MoveTimeout);
    const auto profile = mbpollRead(target, peer, 4, 60, 21);
    QVERIFY(profile);
    QVERIFY(profile->value(60) >= 50);
}

QTEST_GUILESS_MAIN(TestValvesim)
#include "tst_valvesim.moc"
