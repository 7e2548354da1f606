// SPDX-License-Identifier: GPL-3.0-or-later
// ModbusDevice against other peers, with the register map of refinery-centralized.aml: a
// pymodbus 3.0 TCP server (Debian's python3-pymodbus under /usr/bin/python3), Modbus RTU over a
// socat pty pair to a QModbusRtuSerialServer, and dt-valvesim over TCP (four valves, four devices
// on one thread) and RTU. Skips when a peer is not installed or not built.
#include "testports.h"
#include "modbus/modbusdevice.h"

#include "model/caexreader.h"
#include "model/resolver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QModbusRtuSerialServer>
#include <QProcess>
#include <QSerialPort>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using dt::test::freePort;
using dt::test::freePortRange;
using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {

const QString Python = u"/usr/bin/python3"_s;


const dt::model::InternalElement *findElement(
    const dt::model::NodeList<dt::model::InternalElement> &list, QStringView name)
{
    for (const dt::model::InternalElement &element : list) {
        if (element.name == name)
            return &element;
        if (const dt::model::InternalElement *found = findElement(element.internalElements, name))
            return found;
    }
    return nullptr;
}

// A Modbus client element of the refinery example, as the runtime would configure it.
dt::Result<ModbusDeviceConfig> refineryValveConfig(
    const QString &name = QStringLiteral("Valve1Modbus"))
{
    const QString path = dt::test::exampleFile(u"refinery-centralized.aml"_s);
    dt::model::CaexReader reader;
    dt::Result<dt::model::CaexFile> file = reader.readFile(path);
    if (!file)
        return dt::Result<ModbusDeviceConfig>::failure(file.error());
    const dt::model::InternalElement *element = nullptr;
    for (const auto &hierarchy : file->instanceHierarchies) {
        if (!element)
            element = findElement(hierarchy.internalElements, name);
    }
    if (!element)
        return dt::Result<ModbusDeviceConfig>::failure(u"no %1 in the example"_s.arg(name));
    dt::model::Resolver resolver(*file, QFileInfo(path).absolutePath());
    return modbusDeviceFromElement(*element, resolver);
}

bool allGood(const ModbusDevice &device)
{
    for (int i = 0; i < device.config().variables.size(); ++i) {
        if (device.quality(i) != Quality::Good)
            return false;
    }
    return true;
}

QVariantList range(double first, double step, int n)
{
    QVariantList values;
    for (int i = 0; i < n; ++i)
        values << first + step * i;
    return values;
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

// The values served by tests/runtime/data/pymodbus_valve_server.py and by the RTU server below.
void checkValveValues(const ModbusDevice &device)
{
    const ModbusDeviceConfig &config = device.config();
    QCOMPARE(device.value(config.indexOf(u"Position")).toDouble(), 52.3);
    QCOMPARE(device.value(config.indexOf(u"Torque")).toDouble(), 37.0);
    QCOMPARE(device.value(config.indexOf(u"State")).toDouble(), 2.0);
    QCOMPARE(device.value(config.indexOf(u"OperationCount")).toDouble(), 123456.0);
    QCOMPARE(device.value(config.indexOf(u"TorqueProfileOpen")).toList(), range(40, 1, 21));
    QCOMPARE(device.value(config.indexOf(u"TorqueProfileClose")).toList(), range(80, -1, 21));
}

void checkWrite(ModbusDevice &device)
{
    QSignalSpy finished(&device, &ModbusDevice::writeFinished);
    const int state = device.config().indexOf(u"State");
    const int id = device.write(state, 1);
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toInt(), id);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(device.value(state).toDouble(), 1.0, 10000);
}

// A socat pty pair in dir: ttyV0 for the client, ttyV1 for the server. False when socat fails.
bool startPtyPair(QProcess &pair, const QString &socat, const QTemporaryDir &dir)
{
    pair.setProcessChannelMode(QProcess::ForwardedChannels);
    pair.start(socat,
        { u"-d"_s, u"-d"_s, u"pty,raw,echo=0,link="_s + dir.filePath(u"ttyV0"_s),
            u"pty,raw,echo=0,link="_s + dir.filePath(u"ttyV1"_s) });
    if (!pair.waitForStarted(10000))
        return false;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (QFileInfo::exists(dir.filePath(u"ttyV0"_s))
            && QFileInfo::exists(dir.filePath(u"ttyV1"_s)))
            return true;
        QTest::qWait(20);
    }
    return false;
}

// Starts dt-valvesim and waits for its "listening" line.
bool startValvesim(QProcess &process, const QStringList &arguments)
{
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(dt::test::dtValvesimBinary(), arguments);
    if (!process.waitForStarted(10000))
        return false;
    QByteArray output;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000 && process.state() == QProcess::Running) {
        output += process.readAllStandardOutput();
        if (output.contains("listening"))
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace

class TestModbusPeers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pymodbusServer();
    void pymodbusStrictServer();
    void rtuOverSocat();
    void valvesimTcp();
    void valvesimRtu();
};

namespace {

// Starts tests/runtime/data/pymodbus_valve_server.py; an empty string, or why it cannot run.
QString startPymodbus(QProcess &server, quint16 port, const QStringList &options = {})
{
    if (!QFileInfo::exists(Python))
        return u"/usr/bin/python3 is missing"_s;
    QProcess probe;
    probe.start(Python, { u"-c"_s, u"import pymodbus.server"_s });
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0) {
        return u"pymodbus 3 server does not import under /usr/bin/python3: install "
               "python3-pymodbus, python3-serial and python3-serial-asyncio"_s;
    }
    const QString script
        = dt::test::sourceDir() + u"/tests/runtime/data/pymodbus_valve_server.py"_s;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(Python, QStringList { script, QString::number(port) } + options);
    if (!server.waitForStarted(10000))
        return server.errorString();
    return QString();
}

bool waitForReady(QProcess &server)
{
    QByteArray output;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000 && server.state() == QProcess::Running) {
        output += server.readAllStandardOutput();
        if (output.contains("ready"))
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace

void TestModbusPeers::pymodbusServer()
{
    const quint16 port = freePort();
    QProcess server;
    if (const QString why = startPymodbus(server, port); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY2(waitForReady(server), "the pymodbus server did not start");

    dt::Result<ModbusDeviceConfig> config = refineryValveConfig();
    QVERIFY2(config.ok(), qPrintable(config.error()));
    config->port = port;
    ModbusDevice device(*config);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allGood(device), 15000);
    checkValveValues(device);
    checkWrite(device);
    QCOMPARE(device.stats().protocolErrors, quint64(0));
    QCOMPARE(device.blocks().size(), 3); // input 2-3, holding 5, holding 56-101

    // The peer dies: Bad at once (connection closed), no crash, reconnect attempts.
    stopProcess(server);
    QTRY_VERIFY_WITH_TIMEOUT(device.quality(0) == Quality::Bad, 10000);
    QVERIFY(device.state() != ConnectionState::Connected);
    device.stop();
}

void TestModbusPeers::pymodbusStrictServer()
{
    // A device that refuses reads of unmapped registers: the merged read of 56-101 (with the
    // unused 58-59) is refused once, then the device reads those variables one by one.
    const quint16 port = freePort();
    QProcess server;
    if (const QString why = startPymodbus(server, port, { u"--sparse"_s }); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY2(waitForReady(server), "the pymodbus server did not start");

    dt::Result<ModbusDeviceConfig> config = refineryValveConfig();
    QVERIFY2(config.ok(), qPrintable(config.error()));
    config->port = port;
    ModbusDevice device(*config);
    QCOMPARE(device.blocks().size(), 3);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allGood(device), 15000);
    checkValveValues(device);
    QCOMPARE(device.stats().protocolErrors, quint64(1));
    QCOMPARE(device.blocks().size(), 5);
    stopProcess(server);
}

void TestModbusPeers::rtuOverSocat()
{
    const QString socat = QStandardPaths::findExecutable(u"socat"_s);
    if (socat.isEmpty())
        QSKIP("socat is not installed (apt-get install socat)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clientTty = dir.filePath(u"ttyV0"_s);
    const QString serverTty = dir.filePath(u"ttyV1"_s);
    QProcess pair;
    QVERIFY2(startPtyPair(pair, socat, dir), "socat did not create the pty pair");

    QModbusRtuSerialServer server;
    QModbusDataUnitMap map;
    map.insert(QModbusDataUnit::InputRegisters, { QModbusDataUnit::InputRegisters, 0, 10 });
    map.insert(QModbusDataUnit::HoldingRegisters, { QModbusDataUnit::HoldingRegisters, 0, 110 });
    server.setMap(map);
    server.setServerAddress(1);
    server.setConnectionParameter(QModbusDevice::SerialPortNameParameter, serverTty);
    server.setConnectionParameter(QModbusDevice::SerialBaudRateParameter, 19200);
    server.setConnectionParameter(QModbusDevice::SerialParityParameter, QSerialPort::NoParity);
    server.setConnectionParameter(QModbusDevice::SerialDataBitsParameter, QSerialPort::Data8);
    server.setConnectionParameter(QModbusDevice::SerialStopBitsParameter, QSerialPort::OneStop);
    server.setData(QModbusDataUnit::InputRegisters, 2, 37);
    server.setData(QModbusDataUnit::InputRegisters, 3, 523);
    server.setData(QModbusDataUnit::HoldingRegisters, 5, 2);
    server.setData(QModbusDataUnit::HoldingRegisters, 56, 57920); // 123456, low word first
    server.setData(QModbusDataUnit::HoldingRegisters, 57, 1);
    for (int i = 0; i < 21; ++i) {
        server.setData(QModbusDataUnit::HoldingRegisters, quint16(60 + i), quint16(40 + i));
        server.setData(QModbusDataUnit::HoldingRegisters, quint16(81 + i), quint16(80 - i));
    }
    QVERIFY2(server.connectDevice(), qPrintable(server.errorString()));

    // The refinery's valve map over a serial line, 19200 8N1.
    dt::Result<ModbusDeviceConfig> config = refineryValveConfig();
    QVERIFY2(config.ok(), qPrintable(config.error()));
    config->transport = ModbusDeviceConfig::Transport::Rtu;
    config->serialPort = clientTty;
    config->baudRate = 19200;
    config->parity = u'N';
    config->dataBits = 8;
    config->stopBits = 1;
    config->maxInFlight = 1;
    ModbusDevice device(*config);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allGood(device), 15000);
    checkValveValues(device);
    checkWrite(device);
    quint16 raw = 0;
    QVERIFY(server.data(QModbusDataUnit::HoldingRegisters, 5, &raw));
    QCOMPARE(raw, quint16(1));
    const ModbusDevice::Stats stats = device.stats();
    qInfo("RTU: %llu polls, %llu ok, %llu errors, mean round trip %lld us", stats.pollsSent,
        stats.repliesOk, stats.errors,
        stats.repliesOk ? stats.totalRoundTripUs / qint64(stats.repliesOk) : 0);

    // The server stops answering (the line stays open): Bad by the watchdog.
    server.disconnectDevice();
    QTRY_VERIFY_WITH_TIMEOUT(device.quality(0) == Quality::Bad, 10000);
    device.stop();
    stopProcess(pair);
}

void TestModbusPeers::valvesimTcp()
{
    // The refinery's four Modbus devices against dt-valvesim's four valves, on this one thread.
    if (!QFileInfo::exists(dt::test::dtValvesimBinary()))
        QSKIP("dt-valvesim is not built");
    const quint16 base = freePort();
    QProcess plant;
    QVERIFY2(startValvesim(plant,
                 { u"--valves"_s, u"4"_s, u"--port"_s, QString::number(base), u"--stroke-s"_s,
                     u"1"_s, u"--seed"_s, u"7"_s }),
        "dt-valvesim did not start (port range taken?)");
    std::vector<std::unique_ptr<ModbusDevice>> devices;
    for (int valve = 1; valve <= 4; ++valve) {
        dt::Result<ModbusDeviceConfig> config = refineryValveConfig(u"Valve%1Modbus"_s.arg(valve));
        QVERIFY2(config.ok(), qPrintable(config.error()));
        config->port = quint16(base + valve - 1);
        devices.push_back(std::make_unique<ModbusDevice>(*config));
        devices.back()->start();
    }
    for (const auto &device : devices)
        QTRY_VERIFY_WITH_TIMEOUT(allGood(*device), 15000);
    for (const auto &device : devices) {
        const double position = device->value(device->config().indexOf(u"Position")).toDouble();
        QVERIFY2(position >= 0 && position <= 100, qPrintable(QString::number(position)));
        QCOMPARE(device->value(device->config().indexOf(u"TorqueProfileOpen")).toList().size(), 21);
    }

    // Command a full stroke of valve 3 (open when mostly closed, else close) through State.
    ModbusDevice &valve3 = *devices.at(2);
    const int positionIndex = valve3.config().indexOf(u"Position");
    const int counterIndex = valve3.config().indexOf(u"OperationCount");
    const bool open = valve3.value(positionIndex).toDouble() < 50;
    const double counter = valve3.value(counterIndex).toDouble();
    QSignalSpy finished(&valve3, &ModbusDevice::writeFinished);
    QVERIFY(valve3.write(valve3.config().indexOf(u"State"), open ? 2 : 1) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(valve3.value(positionIndex).toDouble(), open ? 100.0 : 0.0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(valve3.value(counterIndex).toDouble() > counter, 10000);
    for (const auto &device : devices)
        QVERIFY(allGood(*device));
    stopProcess(plant);
}

void TestModbusPeers::valvesimRtu()
{
    if (!QFileInfo::exists(dt::test::dtValvesimBinary()))
        QSKIP("dt-valvesim is not built");
    const QString socat = QStandardPaths::findExecutable(u"socat"_s);
    if (socat.isEmpty())
        QSKIP("socat is not installed (apt-get install socat)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess pair;
    QVERIFY2(startPtyPair(pair, socat, dir), "socat did not create the pty pair");
    QProcess plant;
    QVERIFY2(startValvesim(plant,
                 { u"--rtu"_s, dir.filePath(u"ttyV1"_s), u"--parity"_s, u"N"_s, u"--baud"_s,
                     u"19200"_s }),
        "dt-valvesim --rtu did not start");

    dt::Result<ModbusDeviceConfig> config = refineryValveConfig();
    QVERIFY2(config.ok(), qPrintable(config.error()));
    config->transport = ModbusDeviceConfig::Transport::Rtu;
    config->serialPort = dir.filePath(u"ttyV0"_s);
    config->baudRate = 19200;
    config->parity = u'N';
    config->maxInFlight = 1;
    ModbusDevice device(*config);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allGood(device), 15000);
    const double position = device.value(config->indexOf(u"Position")).toDouble();
    QVERIFY2(position >= 0 && position <= 100, qPrintable(QString::number(position)));
    QCOMPARE(device.value(config->indexOf(u"TorqueProfileClose")).toList().size(), 21);
    device.stop();
    stopProcess(plant);
    stopProcess(pair);
}

QTEST_GUILESS_MAIN(TestModbusPeers)
#include "tst_modbuspeers.moc"
