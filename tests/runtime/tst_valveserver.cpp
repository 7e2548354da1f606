// SPDX-License-Identifier: GPL-3.0-or-later
// ValveModbusServer against a real QModbusTcpClient on loopback (OS-chosen ports): reads,
// commands by register and coil, the stroke's profile and counters, exceptions for bad
// requests, a busy port; plus the register map on its own.
#include <valvesim/simulatedvalve.h>
#include <valvesim/valvemodbusserver.h>
#include <valvesim/valveregistermap.h>

#include <QModbusReply>
#include <QModbusServer>
#include <QModbusTcpClient>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace dt::runtime;
namespace R = dt::runtime::ValveRegisters;

namespace {

constexpr int Samples = TorqueProfileGenerator::ProfileSamples;
constexpr int Timeout = 15000; // generous: the machine is shared and loaded

SimulatedValve::Config testConfig()
{
    SimulatedValve::Config config;
    config.parameters = ValveParameters::nominal();
    config.strokeSeconds = 1.0;
    config.seed = 11;
    config.initialOperationCount = 70000; // above 16 bits, so the word order shows
    return config;
}

/// The outcome of one request: values, or the Modbus error.
struct Reply
{
    QModbusDevice::Error error = QModbusDevice::UnknownError;
    QModbusPdu::ExceptionCode exception = QModbusPdu::ExtendedException;
    QList<quint16> values;
    bool ok() const { return error == QModbusDevice::NoError; }
};

} // namespace

class TestValveServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registerMapReadsTheValve();
    void registerMapRejectsBadWrites();
    void readsPositionAndTorque();
    void commandRegisterOpensTheValve();
    void coilsCommandAndReadBack();
    void badRequestsGetExceptions();
    void otherUnitIdIsIgnored();
    void busyPortIsAnError();
    void repliesLeaveWithoutNagle();

private:
    Reply await(QModbusReply *reply);
    Reply read(QModbusDataUnit::RegisterType table, int start, int count, int unit = 1);
    Reply write(QModbusDataUnit::RegisterType table, int start, const QList<quint16> &values);
    std::optional<quint16> readOne(QModbusDataUnit::RegisterType table, int address);

    std::unique_ptr<SimulatedValve> m_valve;
    std::unique_ptr<ValveModbusServer> m_server;
    std::unique_ptr<QModbusTcpClient> m_client;
    QTimer m_physics;
};

void TestValveServer::init()
{
    m_valve = std::make_unique<SimulatedValve>(testConfig());
    m_server = std::make_unique<ValveModbusServer>(m_valve.get());
    const dt::Result<void> listening = m_server->listenTcp(u"127.0.0.1"_s, 0, 1);
    QVERIFY2(listening.ok(), qPrintable(listening.error()));
    QVERIFY(m_server->isOpen());
    QVERIFY(m_server->port() != 0);

    // Simulated time advances 20 ms per tick whatever the load, so strokes are deterministic.
    m_physics.setInterval(20);
    QObject::disconnect(&m_physics, nullptr, nullptr, nullptr);
    connect(&m_physics, &QTimer::timeout, this, [this] { m_valve->tick(0.02); });
    m_physics.start();

    m_client = std::make_unique<QModbusTcpClient>();
    m_client->setConnectionParameter(QModbusDevice::NetworkAddressParameter, u"127.0.0.1"_s);
    m_client->setConnectionParameter(QModbusDevice::NetworkPortParameter, m_server->port());
    m_client->setTimeout(3000);
    m_client->setNumberOfRetries(1);
    QVERIFY(m_client->connectDevice());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), QModbusDevice::ConnectedState, Timeout);
}

void TestValveServer::cleanup()
{
    m_physics.stop();
    if (m_client)
        m_client->disconnectDevice();
    m_client.reset();
    m_server.reset();
    m_valve.reset();
}

Reply TestValveServer::await(QModbusReply *reply)
{
    Reply result;
    if (!reply)
        return result;
    QPointer<QModbusReply> guard(reply);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QModbusReply::finished);
        finished.wait(Timeout);
    }
    if (!guard || !guard->isFinished())
        return result;
    result.error = reply->error();
    if (reply->error() == QModbusDevice::ProtocolError)
        result.exception = reply->rawResult().exceptionCode();
    if (result.ok())
        result.values = reply->result().values();
    reply->deleteLater();
    return result;
}

Reply TestValveServer::read(QModbusDataUnit::RegisterType table, int start, int count, int unit)
{
    Reply reply
        = await(m_client->sendReadRequest(QModbusDataUnit(table, start, quint16(count)), unit));
    // Bit replies come padded to whole bytes.
    if (reply.values.size() > count)
        reply.values.resize(count);
    return reply;
}

Reply TestValveServer::write(
    QModbusDataUnit::RegisterType table, int start, const QList<quint16> &values)
{
    return await(m_client->sendWriteRequest(QModbusDataUnit(table, start, values), 1));
}

std::optional<quint16> TestValveServer::readOne(QModbusDataUnit::RegisterType table, int address)
{
    const Reply reply = read(table, address, 1);
    if (!reply.ok() || reply.values.size() != 1)
        return std::nullopt;
    return reply.values.constFirst();
}

void TestValveServer::registerMapReadsTheValve()
{
    SimulatedValve valve(testConfig());
    QCOMPARE(
        ValveRegisterMap::value(valve, QModbusDataUnit::DiscreteInputs, R::DiscreteClosedLimit),
        quint16(1));
    valve.command(SimulatedValve::Command::Open);
    valve.tick(0.5);
    QModbusDataUnit inputs(QModbusDataUnit::InputRegisters, 0, R::InputCount);
    QVERIFY(ValveRegisterMap::read(valve, &inputs));
    QCOMPARE(int(inputs.value(R::InputPosition)), valve.positionPermille());
    QCOMPARE(int(inputs.value(R::InputTorque)), valve.torquePercent());
    QCOMPARE(ValveRegisterMap::value(valve, QModbusDataUnit::DiscreteInputs, R::DiscreteMoving),
        quint16(1));
    QCOMPARE(ValveRegisterMap::value(valve, QModbusDataUnit::Coils, R::CoilOpen), quint16(1));
    QCOMPARE(ValveRegisterMap::value(valve, QModbusDataUnit::Coils, R::CoilClose), quint16(0));

    // A negative start asks for the whole table (QModbusServer convention).
    QModbusDataUnit all(QModbusDataUnit::HoldingRegisters, -1, 0);
    QVERIFY(ValveRegisterMap::read(valve, &all));
    QCOMPARE(int(all.valueCount()), int(R::HoldingCount));
    QCOMPARE(all.value(R::HoldingCommand), quint16(2));
    QCOMPARE(all.value(R::HoldingOperationCount), quint16(70000 & 0xffff));
    QCOMPARE(all.value(R::HoldingOperationCount + 1), quint16(70000 >> 16));

    QModbusDataUnit beyond(QModbusDataUnit::HoldingRegisters, 100, 3);
    QVERIFY(!ValveRegisterMap::read(valve, &beyond));
    QModbusDataUnit invalid;
    QVERIFY(!ValveRegisterMap::read(valve, &invalid));
}

void TestValveServer::registerMapRejectsBadWrites()
{
    SimulatedValve valve(testConfig());
    using U = QModbusDataUnit;
    QVERIFY(!ValveRegisterMap::write(valve, U(U::HoldingRegisters, R::HoldingOpenProfile, { 1 })));
    QVERIFY(!ValveRegisterMap::write(valve, U(U::HoldingRegisters, R::HoldingCommand, { 4 })));
    QVERIFY(!ValveRegisterMap::write(valve, U(U::HoldingRegisters, R::HoldingSetPoint, { 1001 })));
    // All or nothing: a valid command next to an invalid set point does not move the valve.
    QVERIFY(
        !ValveRegisterMap::write(valve, U(U::HoldingRegisters, R::HoldingCommand, { 2, 2000 })));
    QVERIFY(!ValveRegisterMap::write(valve, U(U::InputRegisters, R::InputPosition, { 5 })));
    QVERIFY(!ValveRegisterMap::write(valve, U(U::DiscreteInputs, 0, { 1 })));
    QVERIFY(!valve.isMoving());
    // Several coils at once: the safest wins.
    QVERIFY(ValveRegisterMap::write(valve, U(U::Coils, R::CoilClose, { 1, 1 })));
    QCOMPARE(valve.state(), SimulatedValve::Command::Close);
    QVERIFY(ValveRegisterMap::write(valve, U(U::HoldingRegisters, R::HoldingCommand, { 2, 300 })));
    QCOMPARE(valve.setPointPermille(), 300);
    QVERIFY(valve.isMoving());
}

void TestValveServer::readsPositionAndTorque()
{
    const Reply inputs = read(QModbusDataUnit::InputRegisters, R::InputTorque, 2);
    QVERIFY(inputs.ok());
    QCOMPARE(inputs.values, (QList<quint16> { 0, 0 }));
    const Reply bits = read(QModbusDataUnit::DiscreteInputs, 0, R::DiscreteCount);
    QVERIFY(bits.ok());
    QCOMPARE(bits.values.size(), int(R::DiscreteCount));
    QCOMPARE(bits.values[R::DiscreteMoving], quint16(0));
    QCOMPARE(bits.values[R::DiscreteClosedLimit], quint16(1));
    QCOMPARE(bits.values[R::DiscreteOpenLimit], quint16(0));
    QCOMPARE(bits.values[R::DiscreteJammed], quint16(0));
    const Reply state = read(QModbusDataUnit::HoldingRegisters, R::HoldingCommand, 2);
    QVERIFY(state.ok());
    QCOMPARE(state.values, (QList<quint16> { 0, 0 }));
}

void TestValveServer::commandRegisterOpensTheValve()
{
    QSignalSpy wrote(m_server.get(), &ValveModbusServer::clientWrote);
    QVERIFY(write(QModbusDataUnit::HoldingRegisters, R::HoldingCommand, { 2 }).ok());
    QCOMPARE(wrote.count(), 1);
    QCOMPARE(readOne(QModbusDataUnit::HoldingRegisters, R::HoldingCommand), quint16(2));

    // The position rises while it moves, and torque is reported during the stroke.
    bool sawMoving = false;
    bool wentBack = false;
    int lastPosition = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const Reply r = read(QModbusDataUnit::InputRegisters, R::InputTorque, 2);
            if (!r.ok())
                return false;
            const int position = r.values[1];
            if (position > 0 && position < 1000 && r.values[0] > 0)
                sawMoving = true;
            wentBack = wentBack || position < lastPosition;
            lastPosition = position;
            return position == 1000;
        }(),
        Timeout);
    QVERIFY(sawMoving);
    QVERIFY(!wentBack);
    QCOMPARE(readOne(QModbusDataUnit::DiscreteInputs, R::DiscreteOpenLimit), quint16(1));
    QCOMPARE(readOne(QModbusDataUnit::DiscreteInputs, R::DiscreteMoving), quint16(0));

    // The 21-point profile of that stroke, and the 11-point Rotork table that samples it.
    const Reply profile = read(QModbusDataUnit::HoldingRegisters, R::HoldingOpenProfile, Samples);
    QVERIFY(profile.ok());
    QCOMPARE(profile.values.size(), Samples);
    QVERIFY2(profile.values[0] >= 50, qPrintable(QString::number(profile.values[0])));
    for (quint16 v : profile.values)
        QVERIFY(v > 0 && v <= 120);
    const Reply table = read(QModbusDataUnit::HoldingRegisters, R::HoldingOpenTable, 11);
    QVERIFY(table.ok());
    for (int i = 0; i < 11; ++i)
        QCOMPARE(table.values[i], profile.values[2 * i]);
    const Reply closing = read(QModbusDataUnit::HoldingRegisters, R::HoldingCloseProfile, Samples);
    QVERIFY(closing.ok());
    QCOMPARE(closing.values, QList<quint16>(Samples, 0)); // no closing stroke yet

    // The operation counter, 32 bits, low word first (CDAB).
    const Reply counter = read(QModbusDataUnit::HoldingRegisters, R::HoldingOperationCount, 4);
    QVERIFY(counter.ok());
    const quint32 operations = quint32(counter.values[0]) | (quint32(counter.values[1]) << 16);
    QCOMPARE(operations, 70001u);
    QCOMPARE(operations, m_valve->operationCount());
    QCOMPARE(counter.values[2], quint16(0)); // no torque trips
    QCOMPARE(counter.values[3], quint16(0));
}

void TestValveServer::coilsCommandAndReadBack()
{
    m_physics.stop(); // inspect the commanded state before it moves
    QVERIFY(write(QModbusDataUnit::Coils, R::CoilOpen, { 1 }).ok());
    QVERIFY(m_valve->isMoving());
    const Reply coils = read(QModbusDataUnit::Coils, 0, R::CoilCount);
    QVERIFY(coils.ok());
    QCOMPARE(coils.values, (QList<quint16> { 0, 0, 1, 0 }));
    QVERIFY(write(QModbusDataUnit::Coils, R::CoilStop, { 1 }).ok());
    QVERIFY(!m_valve->isMoving());
    QCOMPARE(readOne(QModbusDataUnit::HoldingRegisters, R::HoldingCommand), quint16(0));

    m_valve->command(SimulatedValve::Command::Open);
    m_physics.start();
    QTRY_COMPARE_WITH_TIMEOUT(readOne(QModbusDataUnit::InputRegisters, R::InputPosition),
        std::optional<quint16>(1000), Timeout);
    QVERIFY(write(QModbusDataUnit::Coils, R::CoilEsd, { 1 }).ok());
    QCOMPARE(readOne(QModbusDataUnit::HoldingRegisters, R::HoldingCommand), quint16(3));
    QTRY_COMPARE_WITH_TIMEOUT(readOne(QModbusDataUnit::InputRegisters, R::InputPosition),
        std::optional<quint16>(0), Timeout);
    QCOMPARE(readOne(QModbusDataUnit::DiscreteInputs, R::DiscreteClosedLimit), quint16(1));
    // The closing stroke's profile ends on the torque switch.
    const Reply closing = read(QModbusDataUnit::HoldingRegisters, R::HoldingCloseProfile, Samples);
    QVERIFY(closing.ok());
    QVERIFY(closing.values.constLast() >= 80);
}

void TestValveServer::badRequestsGetExceptions()
{
    const Reply beyond = read(QModbusDataUnit::HoldingRegisters, 100, 5);
    QCOMPARE(beyond.error, QModbusDevice::ProtocolError);
    QCOMPARE(beyond.exception, QModbusPdu::IllegalDataAddress);
    const Reply readOnly = write(QModbusDataUnit::HoldingRegisters, R::HoldingOpenProfile, { 7 });
    QCOMPARE(readOnly.error, QModbusDevice::ProtocolError);
    const Reply badCommand = write(QModbusDataUnit::HoldingRegisters, R::HoldingCommand, { 9 });
    QCOMPARE(badCommand.error, QModbusDevice::ProtocolError);
    QVERIFY(!m_valve->isMoving());
    // The server keeps serving after errors.
    QVERIFY(read(QModbusDataUnit::InputRegisters, R::InputPosition, 1).ok());
}

void TestValveServer::otherUnitIdIsIgnored()
{
    // QModbusTcpServer drops requests for another unit id: the client times out.
    m_client->setTimeout(300);
    m_client->setNumberOfRetries(0);
    const Reply other = read(QModbusDataUnit::InputRegisters, R::InputPosition, 1, 2);
    QCOMPARE(other.error, QModbusDevice::TimeoutError);
}

void TestValveServer::busyPortIsAnError()
{
    SimulatedValve other(testConfig());
    ValveModbusServer second(&other);
    const dt::Result<void> result = second.listenTcp(u"127.0.0.1"_s, m_server->port());
    QVERIFY(!result.ok());
    QVERIFY2(
        result.error().contains(QString::number(m_server->port())), qPrintable(result.error()));
    QVERIFY(!second.isOpen());
    QVERIFY(!second.listenTcp(u"not-an-address"_s, 0).ok());
    QVERIFY(!second.listenTcp(u"127.0.0.1"_s, 0, 0).ok()); // unit id 0 is broadcast
    QVERIFY(second.listenTcp(u"localhost"_s, 0).ok());
}

// TCP_NODELAY on the accepted connection (the server's end of m_client's connection).
void TestValveServer::repliesLeaveWithoutNagle()
{
    QVERIFY(readOne(QModbusDataUnit::InputRegisters, 3).has_value()); // the connection is accepted
    const QList<QTcpSocket *> accepted = m_server->device()->findChildren<QTcpSocket *>();
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(accepted.first()->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestValveServer)
#include "tst_valveserver.moc"
