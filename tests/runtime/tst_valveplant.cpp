// SPDX-License-Identifier: GPL-3.0-or-later
// dt-valvesim's command line (PlantConfig) and the plant: valves get their own ports, their
// faults, seeds independent of the fleet size, and the automatic staggered cycle.
#include "testports.h"
#include <valvesim/plantconfig.h>
#include <valvesim/simulatedvalve.h>
#include <valvesim/valvemodbusserver.h>
#include <valvesim/valveplant.h>

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <vector>

using dt::test::freePort;
using dt::test::freePortRange;
using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {


QStringList args(const QString &line)
{
    return QStringList { u"dt-valvesim"_s } + line.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestValvePlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void fullCommandLine();
    void badCommandLines_data();
    void badCommandLines();
    void plantServesEveryValve();
    void busyPortFailsCleanly();
    void cycleIsStaggered();
    void cycleBacksOffAfterATrip();
    void valveSeedsIgnoreFleetSize();
};

void TestValvePlant::defaults()
{
    const dt::Result<PlantConfig> config = PlantConfig::fromArguments(args(QString()));
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->valves, 1);
    QCOMPARE(config->basePort, quint16(1502));
    QCOMPARE(config->unitId, 1);
    QCOMPARE(config->host, u"127.0.0.1"_s);
    QVERIFY(!config->serial);
    QCOMPARE(config->strokeSeconds, 5.0);
    QCOMPARE(config->cycleSeconds, 0.0);
    QVERIFY(!config->noisePercent);
    QVERIFY(!config->helpRequested);
    QVERIFY(PlantConfig::fromArguments(args(u"--help"_s))->helpRequested);
    QVERIFY(PlantConfig::usage().contains(u"--fault"_s));
}

void TestValvePlant::fullCommandLine()
{
    const dt::Result<PlantConfig> config = PlantConfig::fromArguments(
        args(u"--valves 4 --port 20000 --unit-id 3 --host 0.0.0.0 --stroke-s 2.5 --cycle-s 8 "
             "--fault 3:packing:0.6 --fault all:gearbox:0.1 --fault 2:obstruction:1:0.4 "
             "--wear-per-op 0.01 --noise 1.2 --seed 42 --valve-type butterfly"_s));
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->valves, 4);
    QCOMPARE(config->basePort, quint16(20000));
    QCOMPARE(config->unitId, 3);
    QCOMPARE(config->host, u"0.0.0.0"_s);
    QCOMPARE(config->strokeSeconds, 2.5);
    QCOMPARE(config->cycleSeconds, 8.0);
    QCOMPARE(config->wearPerOperation, 0.01);
    QCOMPARE(config->noisePercent, std::optional<double>(1.2));
    QCOMPARE(config->seed, 42u);
    QCOMPARE(config->valveType, ValveType::Butterfly);
    QCOMPARE(config->faults.size(), 3);
    QCOMPARE(config->faults[0].valve, 3);
    QCOMPARE(config->faults[0].fault.kind, FaultKind::Packing);
    QCOMPARE(config->faults[0].fault.severity, 0.6);
    QCOMPARE(config->faults[1].valve, 0);
    QCOMPARE(config->faults[1].fault.kind, FaultKind::Gearbox);
    QCOMPARE(config->faults[2].fault.position, 0.4);

    const dt::Result<PlantConfig> rtu
        = PlantConfig::fromArguments(args(u"--rtu /dev/ttyV0 --baud 9600 --parity E"_s));
    QVERIFY2(rtu.ok(), qPrintable(rtu.error()));
    QVERIFY(rtu->serial);
    QCOMPARE(rtu->serial->device, u"/dev/ttyV0"_s);
    QCOMPARE(rtu->serial->baudRate, 9600);
    QCOMPARE(rtu->serial->parity, QChar(u'E'));
    // "--option=value" works too.
    QCOMPARE(PlantConfig::fromArguments(args(u"--valves=7"_s))->valves, 7);
}

void TestValvePlant::badCommandLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("zero valves") << u"--valves 0"_s << u"--valves"_s;
    QTest::newRow("not a number") << u"--valves many"_s << u"many"_s;
    QTest::newRow("port range") << u"--valves 10 --port 65530"_s << u"65535"_s;
    QTest::newRow("port zero") << u"--port 0"_s << u"--port"_s;
    QTest::newRow("unit id") << u"--unit-id 300"_s << u"--unit-id"_s;
    QTest::newRow("stroke") << u"--stroke-s -1"_s << u"--stroke-s"_s;
    QTest::newRow("fault kind") << u"--fault 1:rust:0.5"_s << u"rust"_s;
    QTest::newRow("fault severity") << u"--fault 1:packing:1.5"_s << u"severity"_s;
    QTest::newRow("fault valve") << u"--valves 2 --fault 3:packing:0.5"_s << u"only 2"_s;
    QTest::newRow("fault shape") << u"--fault packing"_s << u"VALVE:KIND"_s;
    QTest::newRow("fault position") << u"--fault 1:obstruction:1:2"_s << u"position"_s;
    QTest::newRow("parity") << u"--rtu /dev/x --parity X"_s << u"--parity"_s;
    QTest::newRow("rtu valves") << u"--rtu /dev/x --valves 2"_s << u"one valve"_s;
    QTest::newRow("baud without rtu") << u"--baud 9600"_s << u"--rtu"_s;
    QTest::newRow("unknown option") << u"--frobnicate"_s << u"frobnicate"_s;
    QTest::newRow("positional") << u"extra"_s << u"extra"_s;
    QTest::newRow("valve type") << u"--valve-type gate"_s << u"gate"_s;
    QTest::newRow("missing value") << u"--port"_s << u"port"_s;
}

void TestValvePlant::badCommandLines()
{
    QFETCH(QString, line);
    QFETCH(QString, mentions);
    const dt::Result<PlantConfig> config = PlantConfig::fromArguments(args(line));
    QVERIFY(!config.ok());
    QVERIFY2(config.error().contains(mentions), qPrintable(config.error()));
}

void TestValvePlant::plantServesEveryValve()
{
    const quint16 base = freePortRange(3);
    QVERIFY(base != 0);
    PlantConfig config;
    config.valves = 3;
    config.basePort = base;
    config.faults = { PlantFault { 2, Fault { FaultKind::Packing, 0.5, 0.5 } } };
    ValvePlant plant(config);
    const dt::Result<void> started = plant.start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    QCOMPARE(plant.valveCount(), 3);
    QCOMPARE(plant.listeningLine(), u"listening 127.0.0.1 %1-%2"_s.arg(base).arg(base + 2));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(plant.server(i)->isOpen());
        QCOMPARE(plant.server(i)->port(), quint16(base + i));
        QCOMPARE(plant.server(i)->valve(), plant.valve(i));
    }
    QVERIFY(plant.valve(0)->faults().isEmpty());
    QCOMPARE(plant.valve(1)->faults().size(), 1); // valve 2 = index 1
    QVERIFY(plant.valve(2)->faults().isEmpty());
    QVERIFY(!plant.valve(3));
    // The plant's timer drives the physics.
    plant.valve(0)->command(SimulatedValve::Command::Open);
    QTRY_VERIFY_WITH_TIMEOUT(plant.valve(0)->positionPermille() > 0, 10000);
    plant.stop();
    QVERIFY(!plant.server(0));
}

void TestValvePlant::busyPortFailsCleanly()
{
    const quint16 base = freePortRange(3);
    QVERIFY(base != 0);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(base + 2)));
    PlantConfig config;
    config.valves = 3;
    config.basePort = base;
    ValvePlant plant(config);
    const dt::Result<void> started = plant.start();
    QVERIFY(!started.ok());
    QVERIFY2(started.error().contains(QString::number(base + 2)), qPrintable(started.error()));
    // Nothing stays open: the first two ports are free again.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, base));
}

void TestValvePlant::cycleIsStaggered()
{
    const quint16 base = freePortRange(4);
    QVERIFY(base != 0);
    PlantConfig config;
    config.valves = 4;
    config.basePort = base;
    config.strokeSeconds = 0.5;
    config.cycleSeconds = 2.0;
    config.tickMs = 1000; // the test drives time itself through advance()
    ValvePlant plant(config);
    QVERIFY(plant.start().ok());
    plant.advance(0.1); // t = 0.1: only valve 1 (reversal at t = 0) has started
    QVERIFY(plant.valve(0)->positionPermille() > 0);
    for (int i = 1; i < 4; ++i)
        QCOMPARE(plant.valve(i)->positionPermille(), 0);
    for (int step = 0; step < 10; ++step) // t = 1.1: valves 1-3 started at 0.5, 1.0
        plant.advance(0.1);
    QCOMPARE(plant.valve(0)->positionPermille(), 1000);
    QCOMPARE(plant.valve(1)->positionPermille(), 1000);
    QVERIFY(plant.valve(2)->positionPermille() > 0);
    QCOMPARE(plant.valve(3)->positionPermille(), 0);
    for (int step = 0; step < 20; ++step) // t = 3.1: valve 1 reversed at t = 2 and closed again
        plant.advance(0.1);
    QCOMPARE(plant.valve(0)->positionPermille(), 0);
    QCOMPARE(plant.valve(0)->operationCount(), 2u);
    QCOMPARE(plant.valve(3)->positionPermille(), 1000);
}

void TestValvePlant::cycleBacksOffAfterATrip()
{
    const quint16 base = freePortRange(1);
    QVERIFY(base != 0);
    PlantConfig config;
    config.basePort = base;
    config.strokeSeconds = 0.5;
    config.cycleSeconds = 1.0;
    config.tickMs = 1000;
    config.faults = { PlantFault { 1, Fault { FaultKind::Obstruction, 1.0, 0.5 } } };
    ValvePlant plant(config);
    QVERIFY(plant.start().ok());
    SimulatedValve *valve = plant.valve(0);
    for (int step = 0; step < 9; ++step) // t = 0.9: opened into the obstacle and stopped
        plant.advance(0.1);
    QVERIFY(valve->isObstructed());
    QVERIFY(valve->positionPermille() > 300 && valve->positionPermille() < 500);
    for (int step = 0; step < 10; ++step) // t = 1.9: the cycle closed it again
        plant.advance(0.1);
    QCOMPARE(valve->positionPermille(), 0);
    QVERIFY(!valve->isObstructed());
    for (int step = 0; step < 10; ++step) // t = 2.9: and tried again
        plant.advance(0.1);
    QCOMPARE(valve->tripCount(), 2u);
}

void TestValvePlant::valveSeedsIgnoreFleetSize()
{
    const quint16 base = freePortRange(3);
    QVERIFY(base != 0);
    PlantConfig one;
    one.basePort = base;
    one.seed = 5;
    PlantConfig three = one;
    three.valves = 3;
    double first = 0;
    {
        ValvePlant plant(one);
        QVERIFY(plant.start().ok());
        first = plant.valve(0)->generator().parameters().breakawayPeak;
    }
    {
        ValvePlant plant(three);
        QVERIFY(plant.start().ok());
        QCOMPARE(plant.valve(0)->generator().parameters().breakawayPeak, first);
        QVERIFY(plant.valve(1)->generator().parameters().breakawayPeak != first);
    }
    PlantConfig other = one;
    other.seed = 6;
    ValvePlant otherPlant(other);
    QVERIFY(otherPlant.start().ok());
    QVERIFY(otherPlant.valve(0)->generator().parameters().breakawayPeak != first);
}

QTEST_GUILESS_MAIN(TestValvePlant)
#include "tst_valveplant.moc"
