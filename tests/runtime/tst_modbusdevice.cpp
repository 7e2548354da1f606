// SPDX-License-Identifier: GPL-3.0-or-later
// ModbusDevice against real Modbus TCP servers on loopback (QModbusTcpServer in this process):
// values and quality, change-only updates, writes, a killed server going Bad within two poll
// periods while another device keeps updating, recovery after a restart, a server that stops
// answering (the watchdog, not the request timeout), bounded in-flight requests.
#include "modbus/modbusdevice.h"
#include "modbustestserver.h"
#include "testports.h"

#include <QDateTime>
#include <QModbusTcpServer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using dt::test::freePort;
using dt::test::freePortRange;
using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {

// A valve-like Modbus server with known values.
std::unique_ptr<QModbusTcpServer> startServer(quint16 port)
{
    auto server = dt::test::startModbusServer(port);
    if (!server)
        return nullptr;
    server->setData(QModbusDataUnit::InputRegisters, 2, 37); // torque %
    server->setData(QModbusDataUnit::InputRegisters, 3, 523); // position 52.3 %
    server->setData(QModbusDataUnit::HoldingRegisters, 5, 2); // state: open
    server->setData(QModbusDataUnit::HoldingRegisters, 56, 57920); // 123456, low word first
    server->setData(QModbusDataUnit::HoldingRegisters, 57, 1);
    for (int i = 0; i < 21; ++i)
        server->setData(QModbusDataUnit::HoldingRegisters, quint16(60 + i), quint16(40 + i));
    server->setData(QModbusDataUnit::DiscreteInputs, 2, 1); // open limit
    return server;
}

ModbusVariable var(const QString &name, RegisterType table, int address, int count = 1,
    ModbusDataType type = ModbusDataType::UInt16, Access access = Access::Read)
{
    ModbusVariable v;
    v.name = name;
    v.registerType = table;
    v.address = quint16(address);
    v.count = quint16(count);
    v.dataType = type;
    v.access = access;
    return v;
}

enum Var { Position, Torque, State, Counter, Profile, Open, OpenLimit, Setpoint };

ModbusDeviceConfig valveConfig(const QString &name, quint16 port, int pollMs)
{
    using R = RegisterType;
    ModbusDeviceConfig config;
    config.name = name;
    config.host = u"127.0.0.1"_s;
    config.port = port;
    config.pollIntervalMs = pollMs;
    config.timeoutMs = 1000;
    config.retries = 1;
    config.maxInFlight = 4;
    config.variables = {
        var(u"Position"_s, R::InputRegister, 3),
        var(u"Torque"_s, R::InputRegister, 2),
        var(u"State"_s, R::HoldingRegister, 5, 1, ModbusDataType::UInt16, Access::ReadWrite),
        var(u"OperationCount"_s, R::HoldingRegister, 56, 1, ModbusDataType::UInt32),
        var(u"TorqueProfileOpen"_s, R::HoldingRegister, 60, 21),
        var(u"Open"_s, R::Coil, 2, 1, ModbusDataType::Bool, Access::ReadWrite),
        var(u"OpenLimit"_s, R::DiscreteInput, 2, 1, ModbusDataType::Bool),
        var(u"Setpoint"_s, R::HoldingRegister, 6, 1, ModbusDataType::UInt16, Access::Write),
    };
    config.variables[Position].scale = 0.1;
    config.variables[Counter].wordOrder = WordOrder::CDAB;
    config.variables[Setpoint].scale = 0.1;
    return config;
}

// The latest timestamp at which a variable turned to quality (from qualityChanged), or -1.
qint64 lastChange(const QSignalSpy &spy, Quality quality)
{
    qint64 last = -1;
    for (const QList<QVariant> &args : spy) {
        if (args.at(1).value<Quality>() == quality)
            last = std::max(last, args.at(2).toLongLong());
    }
    return last;
}

bool allQuality(const ModbusDevice &device, Quality quality)
{
    for (int i = 0; i < device.config().variables.size(); ++i) {
        if (device.config().variables.at(i).isReadable() && device.quality(i) != quality)
            return false;
    }
    return true;
}

// Accepts connections and never answers: a device that hangs without closing the connection.
class SilentServer : public QTcpServer
{
public:
    QList<QTcpSocket *> clients;
    qint64 bytesReceived = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, this,
            [this, socket] { bytesReceived += socket->readAll().size(); });
        clients.append(socket);
    }
};

// Forwards one client to a real server until frozen; then swallows everything (a device that
// stops answering while its TCP connection stays up).
class FreezableProxy : public QTcpServer
{
public:
    quint16 target = 0;
    bool frozen = false;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(descriptor);
        auto *upstream = new QTcpSocket(this);
        upstream->connectToHost(QHostAddress::LocalHost, target);
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream] {
            const QByteArray data = client->readAll();
            if (!frozen)
                upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, client, upstream] {
            const QByteArray data = upstream->readAll();
            if (!frozen)
                client->write(data);
        });
    }
};

} // namespace

class TestModbusDevice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsValues();
    void updatesOnlyOnChange();
    void writes();
    void elementWrites();
    void refusedRead();
    void killAndRestart();
    void silentDeviceGoesBad();
    void boundedInFlight();
    void stop();
    void neverConnects();
    void manyDevicesKeepPolling();
    void continuousScan();
    void stopAndDeleteFromReceiver();
};

void TestModbusDevice::readsValues()
{
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDevice device(valveConfig(u"V1"_s, port, 100));
    QCOMPARE(device.blocks().size(), 5); // coil, discrete, input 2-3, holding 5, holding 56-80
    QSignalSpy states(&device, &ModbusDevice::connectionStateChanged);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);
    QCOMPARE(device.state(), ConnectionState::Connected);
    QCOMPARE(states.first().at(0).value<ConnectionState>(), ConnectionState::Connecting);
    QCOMPARE(device.value(Position).toDouble(), 52.3);
    QCOMPARE(device.value(Torque).toDouble(), 37.0);
    QCOMPARE(device.value(State).toDouble(), 2.0);
    QCOMPARE(device.value(Counter).toDouble(), 123456.0);
    const QVariantList profile = device.value(Profile).toList();
    QCOMPARE(profile.size(), 21);
    QCOMPARE(profile.first().toDouble(), 40.0);
    QCOMPARE(profile.last().toDouble(), 60.0);
    QCOMPARE(device.value(Open).toDouble(), 0.0);
    QCOMPARE(device.value(OpenLimit).toDouble(), 1.0);
    QVERIFY(!device.value(Setpoint).isValid()); // write-only: never polled
    const ModbusDevice::Stats stats = device.stats();
    QVERIFY(stats.pollsSent >= 5);
    QVERIFY(stats.repliesOk >= 5);
    QCOMPARE(stats.errors, quint64(0));
    QVERIFY(stats.lastRoundTripUs >= 0);
    qInfo("round trip: last %lld us, max %lld us, mean %lld us", stats.lastRoundTripUs,
        stats.maxRoundTripUs, stats.totalRoundTripUs / qint64(stats.repliesOk));
    // Requests leave without Nagle's delay: TCP_NODELAY as the kernel reports it.
    const QList<QTcpSocket *> sockets = device.findChildren<QTcpSocket *>();
    QCOMPARE(sockets.size(), 1);
    QCOMPARE(sockets.first()->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
}

void TestModbusDevice::updatesOnlyOnChange()
{
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDevice device(valveConfig(u"V1"_s, port, 50));
    QSignalSpy values(&device, &ModbusDevice::valueUpdated);
    QSignalSpy qualities(&device, &ModbusDevice::qualityChanged);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);
    // Several more polls with nothing changed.
    const quint64 sent = device.stats().repliesOk;
    QTRY_VERIFY_WITH_TIMEOUT(device.stats().repliesOk >= sent + 20, 10000);
    auto count = [&values](int variable) {
        int n = 0;
        for (const QList<QVariant> &args : std::as_const(values))
            n += args.at(0).toInt() == variable ? 1 : 0;
        return n;
    };
    for (int v : { Position, Torque, State, Counter, Profile, Open, OpenLimit })
        QCOMPARE(count(v), 1);
    QCOMPARE(qualities.size(), 7); // each readable variable once: Good

    server->setData(QModbusDataUnit::InputRegisters, 2, 55);
    QTRY_COMPARE_WITH_TIMEOUT(count(Torque), 2, 10000);
    QCOMPARE(device.value(Torque).toDouble(), 55.0);
    const QList<QVariant> last = values.last();
    QCOMPARE(last.at(0).toInt(), int(Torque));
    QCOMPARE(last.at(1).toDouble(), 55.0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(last.at(2).toLongLong() <= now && last.at(2).toLongLong() > now - 60000);
    QCOMPARE(count(Position), 1);
}

void TestModbusDevice::writes()
{
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDevice device(valveConfig(u"V1"_s, port, 100));
    QSignalSpy finished(&device, &ModbusDevice::writeFinished);

    // Not connected yet: refused, reported from the event loop.
    QCOMPARE(device.write(State, 1), -1);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.takeFirst().at(1).toBool(), false);

    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);

    const int closeId = device.write(State, 1);
    QVERIFY(closeId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toInt(), closeId);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    quint16 raw = 0;
    QVERIFY(server->data(QModbusDataUnit::HoldingRegisters, 5, &raw));
    QCOMPARE(raw, quint16(1));
    // The written value is read back (without waiting for a poll period).
    QTRY_COMPARE_WITH_TIMEOUT(device.value(State).toDouble(), 1.0, 10000);

    // A coil, and a scaled write-only register (42.7 % → raw 427).
    finished.clear();
    const int coilId = device.write(Open, true);
    const int setpointId = device.write(Setpoint, 42.7);
    QVERIFY(coilId > 0 && setpointId > coilId);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QVERIFY(finished.at(0).at(1).toBool() && finished.at(1).at(1).toBool());
    QVERIFY(server->data(QModbusDataUnit::Coils, 2, &raw));
    QVERIFY(raw != 0); // QModbusServer keeps a single-coil write as 0xFF00
    QVERIFY(server->data(QModbusDataUnit::HoldingRegisters, 6, &raw));
    QCOMPARE(raw, quint16(427));
    QTRY_COMPARE_WITH_TIMEOUT(device.value(Open).toDouble(), 1.0, 10000);

    // Refused before anything is sent: out of range, read-only, unknown.
    finished.clear();
    QCOMPARE(device.write(State, 70000), -1);
    QCOMPARE(device.write(Torque, 5), -1);
    QCOMPARE(device.write(99, 5), -1);
    QTRY_COMPARE(finished.size(), 3);
    QVERIFY(finished.at(0).at(2).toString().contains(u"out of range"_s));
    QVERIFY(finished.at(1).at(2).toString().contains(u"not writable"_s));
    QVERIFY(finished.at(2).at(2).toString().contains(u"no variable"_s));
    const quint64 writesSent = device.stats().writesSent;
    QCOMPARE(writesSent, quint64(3));
    QCOMPARE(device.stats().writesOk, quint64(3));
}

void TestModbusDevice::elementWrites()
{
    // One value of an array variable is written on its own; its neighbours stay as they were.
    // Polls a minute apart: what the device shows after a write comes from its read-back.
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDeviceConfig config = valveConfig(u"V1"_s, port, 60000);
    config.variables.append(var(u"Limits"_s, RegisterType::HoldingRegister, 100, 3,
        ModbusDataType::Int32, Access::ReadWrite));
    config.variables.last().wordOrder = WordOrder::CDAB;
    config.variables.append(
        var(u"Lamps"_s, RegisterType::Coil, 8, 4, ModbusDataType::Bool, Access::ReadWrite));
    const int limits = int(config.variables.size() - 2);
    const int lamps = int(config.variables.size() - 1);
    for (quint16 address = 100; address < 106; ++address)
        server->setData(QModbusDataUnit::HoldingRegisters, address, 7);
    server->setData(QModbusDataUnit::Coils, 8, 1);
    server->setData(QModbusDataUnit::Coils, 11, 1);
    ModbusDevice device(config);
    QSignalSpy finished(&device, &ModbusDevice::writeFinished);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);
    const quint64 pollsBefore = device.stats().pollsSent;

    const int limitId = device.write(limits, -70000, 1); // 0xFFFEEE90, low word first
    const int lampId = device.write(lamps, true, 2);
    QVERIFY(limitId > 0 && lampId > limitId);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    for (const QList<QVariant> &args : std::as_const(finished))
        QVERIFY2(args.at(1).toBool(), qPrintable(args.at(2).toString()));
    QList<quint16> words;
    for (quint16 address = 100; address < 106; ++address) {
        quint16 raw = 0;
        QVERIFY(server->data(QModbusDataUnit::HoldingRegisters, address, &raw));
        words.append(raw);
    }
    QCOMPARE(words, (QList<quint16> { 7, 7, 0xee90, 0xfffe, 7, 7 }));
    QList<bool> bits;
    for (quint16 coil = 8; coil < 12; ++coil) {
        quint16 raw = 0;
        QVERIFY(server->data(QModbusDataUnit::Coils, coil, &raw));
        bits.append(raw != 0);
    }
    QCOMPARE(bits, (QList<bool> { true, false, true, true }));
    // Read back at once (the next poll is half a minute away), as for whole writes.
    QTRY_COMPARE_WITH_TIMEOUT(device.value(limits).toList().value(1).toDouble(), -70000.0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(device.value(lamps).toList().value(2).toDouble(), 1.0, 10000);
    QCOMPARE(device.value(lamps).toList().value(1).toDouble(), 0.0);
    QVERIFY(device.stats().pollsSent >= pollsBefore + 2);

    // An element the array does not have is refused before anything is sent, with the reason.
    finished.clear();
    QString refusal;
    QCOMPARE(device.write(limits, 1, 3, &refusal), -1);
    QVERIFY2(refusal.contains(u"device 'V1'"_s) && refusal.contains(u"no element 3"_s),
        qPrintable(refusal));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(2).toString(), refusal);
    QCOMPARE(device.stats().writesSent, quint64(2));
}

void TestModbusDevice::refusedRead()
{
    // A variable beyond the server's map: the server answers "illegal data address". That
    // variable turns Bad (a protocol error, not a transport one); the others stay Good.
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDeviceConfig config = valveConfig(u"V1"_s, port, 100);
    config.variables.append(var(u"Missing"_s, RegisterType::HoldingRegister, 500));
    const int missing = int(config.variables.size() - 1);
    ModbusDevice device(config);
    QSignalSpy qualities(&device, &ModbusDevice::qualityChanged);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(device.stats().protocolErrors >= 2, 10000);
    QCOMPARE(device.quality(missing), Quality::Bad);
    QCOMPARE(device.quality(Torque), Quality::Good);
    QCOMPARE(device.stats().transportErrors, quint64(0));
    QCOMPARE(device.state(), ConnectionState::Connected);
    int missingChanges = 0;
    for (const QList<QVariant> &args : std::as_const(qualities))
        missingChanges += args.at(0).toInt() == missing ? 1 : 0;
    QCOMPARE(missingChanges, 1); // Bad once, not once per poll
}

void TestModbusDevice::killAndRestart()
{
    // Two devices on two servers, one thread. Killing server A turns A's values Bad within two
    // poll periods while B keeps updating; restarting A brings it back within about a second.
    constexpr int pollMs = 250;
    const quint16 portA = freePort();
    const quint16 portB = freePort();
    auto serverA = startServer(portA);
    auto serverB = startServer(portB);
    QVERIFY(serverA && serverB);
    ModbusDevice a(valveConfig(u"A"_s, portA, pollMs));
    ModbusDevice b(valveConfig(u"B"_s, portB, pollMs));
    QSignalSpy bValues(&b, &ModbusDevice::valueUpdated);
    a.start();
    b.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(a, Quality::Good) && allQuality(b, Quality::Good), 10000);

    QSignalSpy aQualities(&a, &ModbusDevice::qualityChanged);
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    serverA.reset(); // the server goes away, connections closed
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(a, Quality::Bad), 10000);
    const qint64 toBad = lastChange(aQualities, Quality::Bad) - killedAt;
    qInfo("killed server: Bad after %lld ms (poll period %d ms)", toBad, pollMs);
    QVERIFY2(toBad <= 2 * pollMs + 1000, qPrintable(QString::number(toBad)));

    // B is not held up: a change on its server arrives while A is down and reconnecting.
    bValues.clear();
    serverB->setData(QModbusDataUnit::InputRegisters, 2, 99);
    QTRY_VERIFY_WITH_TIMEOUT(!bValues.isEmpty(), 10000);
    QCOMPARE(b.value(Torque).toDouble(), 99.0);
    QVERIFY(allQuality(b, Quality::Good));
    QVERIFY(a.state() != ConnectionState::Connected);

    // Let A's backoff reach its cap, then restart its server on the same port.
    QTest::qWait(1500);
    QVERIFY(allQuality(a, Quality::Bad));
    aQualities.clear();
    const qint64 restartedAt = QDateTime::currentMSecsSinceEpoch();
    serverA = startServer(portA);
    QVERIFY(serverA);
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(a, Quality::Good), 10000);
    const qint64 toGood = lastChange(aQualities, Quality::Good) - restartedAt;
    qInfo("restarted server: Good again after %lld ms", toGood);
    QVERIFY2(toGood <= 1000 + 1500, qPrintable(QString::number(toGood)));
    QVERIFY(a.stats().connects >= 2);
}

void TestModbusDevice::silentDeviceGoesBad()
{
    // The connection stays up but the device stops answering: quality must go Bad two poll
    // periods after the last good read, long before the 3 s request timeout expires.
    constexpr int pollMs = 250;
    const quint16 serverPort = freePort();
    auto server = startServer(serverPort);
    QVERIFY(server);
    FreezableProxy proxy;
    proxy.target = serverPort;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
    ModbusDeviceConfig config = valveConfig(u"Hung"_s, proxy.serverPort(), pollMs);
    config.timeoutMs = 3000;
    config.retries = 0;
    ModbusDevice device(config);
    QSignalSpy qualities(&device, &ModbusDevice::qualityChanged);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);

    const qint64 frozenAt = QDateTime::currentMSecsSinceEpoch();
    proxy.frozen = true;
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Bad), 10000);
    const qint64 toBad = lastChange(qualities, Quality::Bad) - frozenAt;
    qInfo("silent device: Bad after %lld ms (poll period %d ms, request timeout %d ms)", toBad,
        pollMs, config.timeoutMs);
    // Two periods after the last good read, which came at most a period before the freeze;
    // generous slack for a loaded machine, but clearly below the request timeout.
    QVERIFY2(toBad <= 2 * pollMs + 1000, qPrintable(QString::number(toBad)));
    QVERIFY2(toBad < config.timeoutMs, qPrintable(QString::number(toBad)));
    QCOMPARE(device.state(), ConnectionState::Connected);
    QCOMPARE(device.stats().transportErrors, quint64(0)); // no reply has timed out yet
    // The timestamp of the Bad change is the moment it was decided.
    QCOMPARE(qualities.last().at(1).value<Quality>(), Quality::Bad);

    // Answering again: Good again. The stuck requests time out after a whole timeout without
    // any answer, so the device presumes the connection dead and reconnects.
    proxy.frozen = false;
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 15000);
    QVERIFY(device.stats().transportErrors > 0);
    QCOMPARE(device.stats().connects, quint64(2));
}

void TestModbusDevice::boundedInFlight()
{
    // Six separate blocks, at most two in flight, a device that never answers: exactly two
    // requests go out, and polls of blocks still outstanding are skipped, not queued again.
    SilentServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ModbusDeviceConfig config;
    config.name = u"Silent"_s;
    config.port = silent.serverPort();
    config.pollIntervalMs = 50;
    config.timeoutMs = 5000;
    config.retries = 0;
    config.maxInFlight = 2;
    for (int i = 0; i < 6; ++i)
        config.variables.append(var(u"R%1"_s.arg(i), RegisterType::HoldingRegister, i * 100));
    ModbusDevice device(config);
    QCOMPARE(device.blocks().size(), 6);
    device.start();
    QTRY_COMPARE_WITH_TIMEOUT(device.state(), ConnectionState::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(device.stats().pollsSkipped >= 30, 10000);
    QCOMPARE(device.stats().pollsSent, quint64(2));
    QTRY_COMPARE_WITH_TIMEOUT(silent.bytesReceived, qint64(2 * 12), 10000); // 2 read frames
    QVERIFY(allQuality(device, Quality::Bad));
}

void TestModbusDevice::stop()
{
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDevice device(valveConfig(u"V1"_s, port, 100));
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);
    QSignalSpy states(&device, &ModbusDevice::connectionStateChanged);
    device.stop();
    QCOMPARE(device.state(), ConnectionState::Disconnected);
    QVERIFY(allQuality(device, Quality::Bad));
    QCOMPARE(states.last().at(0).value<ConnectionState>(), ConnectionState::Disconnected);
    const quint64 sent = device.stats().pollsSent;
    QTest::qWait(300);
    QCOMPARE(device.stats().pollsSent, sent);
    QCOMPARE(device.state(), ConnectionState::Disconnected);
    // And it starts again.
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);
}

void TestModbusDevice::neverConnects()
{
    // Nobody listens: the device backs off (50 ms doubling to 500 ms) and reports Bad.
    ModbusDevice device(valveConfig(u"Nobody"_s, freePort(), 100));
    QSignalSpy states(&device, &ModbusDevice::connectionStateChanged);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Bad), 10000);
    QTest::qWait(1500);
    int backoffs = 0;
    for (const QList<QVariant> &args : std::as_const(states))
        backoffs += args.at(0).value<ConnectionState>() == ConnectionState::Backoff ? 1 : 0;
    // 50 + 100 + 200 + 400 + 500 ... ms: about 5 attempts in 1.5 s, never a busy loop.
    qInfo("connection attempts in 1.5 s: %d", backoffs);
    QVERIFY(backoffs >= 2 && backoffs <= 12);
    QVERIFY(device.state() == ConnectionState::Backoff
        || device.state() == ConnectionState::Connecting);
}

void TestModbusDevice::continuousScan()
{
    // PollIntervalMs 0: each block is read again as soon as its reply arrived, no scheduler.
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDevice device(valveConfig(u"Scan"_s, port, 0));
    QSignalSpy values(&device, &ModbusDevice::valueUpdated);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(allQuality(device, Quality::Good), 10000);
    const quint64 replies = device.stats().repliesOk;
    // Far more reads than any poll period would give in the time it takes (5 blocks per scan).
    QTRY_VERIFY_WITH_TIMEOUT(device.stats().repliesOk >= replies + 500, 20000);
    QCOMPARE(device.stats().pollsSkipped, quint64(0)); // never a block queued twice
    QCOMPARE(device.stats().errors, quint64(0));
    server->setData(QModbusDataUnit::InputRegisters, 2, 77);
    QTRY_COMPARE_WITH_TIMEOUT(device.value(Torque).toDouble(), 77.0, 10000);
    // Writes still go through, ahead of the endless reads.
    QSignalSpy written(&device, &ModbusDevice::writeFinished);
    const int id = device.write(State, 1.0);
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 10000);
    QVERIFY(written.first().at(1).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(device.value(State).toDouble(), 1.0, 10000);
    device.stop();
    const quint64 afterStop = device.stats().pollsSent;
    QTest::qWait(50);
    QCOMPARE(device.stats().pollsSent, afterStop);
}

void TestModbusDevice::manyDevicesKeepPolling()
{
    // 200 devices on one thread (one scheduler timer) against one server: every one of them keeps
    // polling, none is starved by the others.
    constexpr int Devices = 200;
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    std::vector<std::unique_ptr<ModbusDevice>> devices;
    for (int i = 0; i < Devices; ++i) {
        ModbusDeviceConfig config = valveConfig(u"D%1"_s.arg(i), port, 200);
        config.timeoutMs = 5000;
        config.variables = { config.variables.at(Torque), config.variables.at(State) };
        devices.push_back(std::make_unique<ModbusDevice>(config));
        devices.back()->start();
    }
    auto everyDevice = [&devices](auto predicate) {
        return std::all_of(devices.begin(), devices.end(),
            [&predicate](const std::unique_ptr<ModbusDevice> &d) { return predicate(*d); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        everyDevice([](const ModbusDevice &d) { return allQuality(d, Quality::Good); }), 30000);
    std::vector<quint64> before;
    for (const auto &device : devices)
        before.push_back(device->stats().repliesOk);
    int i = 0;
    QTRY_VERIFY_WITH_TIMEOUT(everyDevice([&before, &i](const ModbusDevice &d) {
        return d.stats().repliesOk >= before[size_t(i++ % Devices)] + 5;
    }),
        30000);
    for (const auto &device : devices) {
        QCOMPARE(device->stats().errors, quint64(0));
        QCOMPARE(device->state(), ConnectionState::Connected);
        QCOMPARE(device->value(0).toDouble(), 37.0);
    }
    devices.clear(); // each device cancels its scheduler entries as it goes
}

void TestModbusDevice::stopAndDeleteFromReceiver()
{
    // A receiver stops the device and schedules its deletion from a signal raised in a scheduler
    // pass (the watchdog turning the values of a silent device Bad), while another device of the
    // thread keeps polling. (Deleting it synchronously inside its own signal is not supported.)
    SilentServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const quint16 port = freePort();
    auto server = startServer(port);
    QVERIFY(server);
    ModbusDeviceConfig config = valveConfig(u"Silent"_s, silent.serverPort(), 50);
    config.timeoutMs = 5000;
    auto *doomed = new ModbusDevice(config);
    QPointer<ModbusDevice> guard(doomed);
    connect(
        doomed, &ModbusDevice::qualityChanged, doomed,
        [doomed](int, Quality quality) {
            if (quality == Quality::Bad) {
                doomed->stop();
                doomed->deleteLater();
            }
        },
        Qt::DirectConnection);
    ModbusDevice other(valveConfig(u"Other"_s, port, 50));
    doomed->start();
    other.start();
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 10000);
    const quint64 replies = other.stats().repliesOk;
    QTRY_VERIFY_WITH_TIMEOUT(other.stats().repliesOk >= replies + 5, 10000);
    QVERIFY(allQuality(other, Quality::Good));
}

QTEST_GUILESS_MAIN(TestModbusDevice)
#include "tst_modbusdevice.moc"
