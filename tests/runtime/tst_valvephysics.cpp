// SPDX-License-Identifier: GPL-3.0-or-later
// The valve physics: the torque generator's healthy ranges (valves.md), the direction of every
// fault signature, determinism by seed; the simulated valve's strokes, counters, trips, wear.
#include <valvesim/simulatedvalve.h>
#include <valvesim/torqueprofilegenerator.h>

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

Q_DECLARE_METATYPE(dt::runtime::FaultKind)
Q_DECLARE_METATYPE(dt::runtime::ValveType)

namespace {

constexpr int Samples = TorqueProfileGenerator::ProfileSamples;
constexpr StrokeDirection Opening = StrokeDirection::Opening;
constexpr StrokeDirection Closing = StrokeDirection::Closing;

FaultList single(FaultKind kind, double severity, double position = 0.5)
{
    return { Fault { kind, severity, position } };
}

double meanNoiseFree(const TorqueProfileGenerator &g, StrokeDirection d, const FaultList &f)
{
    double sum = 0;
    for (int i = 0; i < Samples; ++i)
        sum += g.torqueAt(TorqueProfileGenerator::sampleFraction(i), d, f);
    return sum / Samples;
}

/// Runs the valve for \a seconds of simulated time in 20 ms ticks, or until it stops.
int runUntilStopped(SimulatedValve &valve, double seconds)
{
    int ticks = 0;
    for (double t = 0; t < seconds && valve.isMoving(); t += 0.02, ++ticks)
        valve.tick(0.02);
    return ticks;
}

SimulatedValve::Config configWith(const FaultList &faults, double strokeSeconds = 1.0)
{
    SimulatedValve::Config config;
    config.parameters = ValveParameters::nominal();
    config.faults = faults;
    config.strokeSeconds = strokeSeconds;
    config.seed = 7;
    return config;
}

} // namespace

class TestValvePhysics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyRanges_data();
    void healthyRanges();
    void butterflyBump();
    void faultSignature_data();
    void faultSignature();
    void gearboxRaisesNoise();
    void faultsThatStopTheStroke();
    void sameSeedSameProfile();
    void gaussianIsStandardNormal();
    void faultNames();

    void strokeReachesEndWithinStrokeTime();
    void stopMidStroke();
    void obstructionStopsAndSetsBit();
    void seatDepositJamsAtTheSeat();
    void positionSetPoint();
    void shearedStemStrokesFaster();
    void wearRaisesFrictionPerOperation();
};

void TestValvePhysics::healthyRanges_data()
{
    QTest::addColumn<ValveType>("type");
    QTest::newRow("ball") << ValveType::Ball;
    QTest::newRow("butterfly") << ValveType::Butterfly;
}

void TestValvePhysics::healthyRanges()
{
    QFETCH(ValveType, type);
    for (quint32 seed = 1; seed <= 60; ++seed) {
        QRandomGenerator rng(seed);
        const ValveParameters p = ValveParameters::randomHealthy(rng, type);
        const TorqueProfileGenerator g(p);
        // valves.md: packing 8-15, running 20-35, breakaway 55-75, set point 80-100, noise 1-2.
        QVERIFY2(p.packing >= 8 && p.packing <= 15, qPrintable(QString::number(p.packing)));
        QVERIFY(p.setPoint >= 80 && p.setPoint <= 100);
        QVERIFY(p.noisePercent >= 1 && p.noisePercent <= 2);
        const double breakaway = g.torqueAt(0, Opening);
        QVERIFY2(breakaway >= 55 && breakaway <= 75, qPrintable(QString::number(breakaway)));
        const double running = g.torqueAt(0.4, Opening);
        QVERIFY2(running >= 20 && running <= 35, qPrintable(QString::number(running)));
        QVERIFY(g.torqueAt(0.6, Closing) >= 20 && g.torqueAt(0.6, Closing) <= 35);
        // Closing seats on the torque switch; opening ends below it.
        QCOMPARE(g.torqueAt(1.0, Closing), p.setPoint);
        QVERIFY(g.torqueAt(1.0, Opening) < p.setPoint);
        QVERIFY(!g.tripPosition(Opening));
        QVERIFY(!g.tripPosition(Closing));

        const QVector<double> open = g.profile(Opening, {}, rng);
        const QVector<double> close = g.profile(Closing, {}, rng);
        QCOMPARE(open.size(), Samples);
        QCOMPARE(close.size(), Samples);
        for (int i = 0; i < Samples; ++i) {
            QVERIFY(open[i] > 0 && open[i] <= p.setPoint);
            QVERIFY(close[i] > 0 && close[i] <= p.setPoint);
        }
        // The breakaway peak decays within the first few % of travel.
        QVERIFY(open[0] > open[2] + 10);
        QVERIFY(close[Samples - 1] >= p.setPoint - 5 * p.noisePercent);
    }
}

void TestValvePhysics::butterflyBump()
{
    const TorqueProfileGenerator ball(ValveParameters::nominal(ValveType::Ball));
    const TorqueProfileGenerator butterfly(ValveParameters::nominal(ValveType::Butterfly));
    // A hydrodynamic bump around 75 % open, in both directions; none on a ball valve.
    QVERIFY(butterfly.torqueAt(0.75, Opening) > butterfly.torqueAt(0.5, Opening) + 8);
    QVERIFY(butterfly.torqueAt(0.25, Closing) > butterfly.torqueAt(0.5, Closing) + 8);
    QVERIFY(std::abs(ball.torqueAt(0.75, Opening) - ball.torqueAt(0.5, Opening)) < 1);
    // Open-end torque relative to breakaway: ~70 % of A_brk for ball, ~30 % for butterfly.
    const double ballEnd = ball.torqueAt(1.0, Opening) - ball.torqueAt(0.5, Opening);
    const double butterflyEnd = butterfly.torqueAt(1.0, Opening) - butterfly.torqueAt(0.6, Opening);
    QVERIFY(ballEnd > 2 * butterflyEnd);
}

void TestValvePhysics::faultSignature_data()
{
    QTest::addColumn<FaultKind>("kind");
    QTest::addColumn<StrokeDirection>("direction");
    QTest::addColumn<double>("where"); // stroke fraction where the signature shows
    QTest::addColumn<int>("sign"); // +1 torque rises with severity, -1 falls
    QTest::addColumn<double>("control"); // a stroke fraction the fault leaves alone (-1: none)

    QTest::newRow("packing") << FaultKind::Packing << Closing << 0.5 << +1 << -1.0;
    QTest::newRow("seat-deposit") << FaultKind::SeatDeposit << Opening << 0.0 << +1 << 0.5;
    QTest::newRow("worn-seat") << FaultKind::WornSeat << Closing << 0.95 << -1 << 0.5;
    QTest::newRow("stem-thread") << FaultKind::StemThread << Opening << -1.0 << +1 << -1.0;
    QTest::newRow("galling") << FaultKind::Galling << Opening << 0.9 << +1 << 0.0;
    QTest::newRow("obstruction") << FaultKind::Obstruction << Opening << 0.48 << +1 << 0.1;
    QTest::newRow("sheared-stem") << FaultKind::ShearedStem << Opening << -1.0 << -1 << -1.0;
}

void TestValvePhysics::faultSignature()
{
    QFETCH(FaultKind, kind);
    QFETCH(StrokeDirection, direction);
    QFETCH(double, where);
    QFETCH(int, sign);
    QFETCH(double, control);
    const TorqueProfileGenerator g(ValveParameters::nominal());
    // where < 0: the signature is the whole profile's mean.
    auto metric = [&](double severity) {
        const FaultList faults = single(kind, severity);
        return where < 0 ? meanNoiseFree(g, direction, faults)
                         : g.torqueAt(where, direction, faults);
    };
    // Continuous: every step of severity moves the signature further the documented way.
    double previous = metric(0);
    for (double s : { 0.15, 0.3, 0.45 }) {
        const double now = metric(s);
        QVERIFY2(sign * (now - previous) > 0.5,
            qPrintable(u"severity %1: %2 -> %3"_s.arg(s).arg(previous).arg(now)));
        previous = now;
    }
    if (control >= 0) {
        const double healthy = g.torqueAt(control, direction);
        const double faulty = g.torqueAt(control, direction, single(kind, 0.45));
        QVERIFY2(std::abs(faulty - healthy) < 0.5,
            qPrintable(u"control point moved: %1 -> %2"_s.arg(healthy).arg(faulty)));
    }
}

void TestValvePhysics::gearboxRaisesNoise()
{
    const TorqueProfileGenerator g(ValveParameters::nominal());
    QCOMPARE(g.noiseSigma(single(FaultKind::Gearbox, 1.0)), 3 * g.noiseSigma());
    // Residual spread around the noise-free healthy curve, measured on many profiles.
    auto spread = [&](const FaultList &faults) {
        QRandomGenerator rng(99);
        double sum = 0, sumSq = 0;
        int n = 0;
        for (int k = 0; k < 200; ++k) {
            const QVector<double> profile = g.profile(Closing, faults, rng);
            for (int i = 1; i < Samples - 2; ++i) {
                const double r
                    = profile[i] - g.torqueAt(TorqueProfileGenerator::sampleFraction(i), Closing);
                sum += r;
                sumSq += r * r;
                ++n;
            }
        }
        return std::sqrt(sumSq / n - (sum / n) * (sum / n));
    };
    const double healthy = spread({});
    const double worn = spread(single(FaultKind::Gearbox, 0.6));
    QVERIFY2(worn > 1.8 * healthy, qPrintable(u"%1 vs %2"_s.arg(worn).arg(healthy)));
}

void TestValvePhysics::faultsThatStopTheStroke()
{
    const TorqueProfileGenerator g(ValveParameters::nominal());
    // An obstruction above the set point stops the opening stroke shortly before it.
    const FaultList obstruction = single(FaultKind::Obstruction, 1.0, 0.5);
    const std::optional<double> trip = g.tripPosition(Opening, obstruction);
    QVERIFY(trip);
    QVERIFY2(*trip > 0.35 && *trip <= 0.5, qPrintable(QString::number(*trip)));
    QRandomGenerator rng(3);
    const QVector<double> profile = g.profile(Opening, obstruction, rng);
    for (int i = 0; i < Samples; ++i) {
        if (TorqueProfileGenerator::sampleFraction(i) > *trip)
            QCOMPARE(profile[i], 0.0);
        else
            QVERIFY(profile[i] > 0);
    }
    // A mild obstruction shows as a bump but lets the valve through.
    QVERIFY(!g.tripPosition(Opening, single(FaultKind::Obstruction, 0.3, 0.5)));
    // Heavy seat deposits: the valve cannot unseat.
    const std::optional<double> stuck = g.tripPosition(Opening, single(FaultKind::SeatDeposit, 1));
    QVERIFY(stuck);
    QVERIFY(*stuck < 0.02);
    // A sheared stem never trips, and strokes too fast.
    QVERIFY(!g.tripPosition(Opening, single(FaultKind::ShearedStem, 1)));
    QVERIFY(g.strokeTimeFactor(single(FaultKind::ShearedStem, 1)) < 0.75);
    QVERIFY(g.torqueAt(0, Opening, single(FaultKind::ShearedStem, 1)) <= 5);
}

void TestValvePhysics::sameSeedSameProfile()
{
    QRandomGenerator a(1234), b(1234), c(4321);
    const ValveParameters pa = ValveParameters::randomHealthy(a);
    const ValveParameters pb = ValveParameters::randomHealthy(b);
    const ValveParameters pc = ValveParameters::randomHealthy(c);
    QCOMPARE(pa.breakawayPeak, pb.breakawayPeak);
    QVERIFY(pa.breakawayPeak != pc.breakawayPeak);
    const FaultList faults
        = { Fault { FaultKind::Packing, 0.4, 0.5 }, Fault { FaultKind::Gearbox, 0.2, 0.5 } };
    const QVector<double> first = TorqueProfileGenerator(pa).profile(Opening, faults, a);
    const QVector<double> second = TorqueProfileGenerator(pb).profile(Opening, faults, b);
    const QVector<double> third = TorqueProfileGenerator(pc).profile(Opening, faults, c);
    QCOMPARE(first, second);
    QVERIFY(first != third);

    // Two valves with the same seed and commands record the same strokes.
    SimulatedValve::Config config = configWith({});
    SimulatedValve v1(config), v2(config);
    for (SimulatedValve *v : { &v1, &v2 }) {
        v->command(SimulatedValve::Command::Open);
        runUntilStopped(*v, 5);
    }
    QCOMPARE(v1.lastProfile(Opening), v2.lastProfile(Opening));
}

void TestValvePhysics::gaussianIsStandardNormal()
{
    QRandomGenerator rng(5);
    double sum = 0, sumSq = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const double x = TorqueProfileGenerator::gaussian(rng);
        QVERIFY(std::isfinite(x));
        sum += x;
        sumSq += x * x;
    }
    QVERIFY(std::abs(sum / n) < 0.05);
    QVERIFY(std::abs(sumSq / n - 1.0) < 0.05);
}

void TestValvePhysics::faultNames()
{
    for (FaultKind kind : allFaultKinds())
        QCOMPARE(faultKindFromName(faultKindName(kind)), kind);
    QCOMPARE(faultKindFromName(u"Seat_Deposit"), FaultKind::SeatDeposit);
    QCOMPARE(faultKindFromName(u"sticking"), FaultKind::SeatDeposit);
    QVERIFY(!faultKindFromName(u"rust"));
    QCOMPARE(faultSeverity(
                 { Fault { FaultKind::Packing, 0.7, 0 }, Fault { FaultKind::Packing, 0.6, 0 } },
                 FaultKind::Packing),
        1.0);
}

void TestValvePhysics::strokeReachesEndWithinStrokeTime()
{
    SimulatedValve valve(configWith({}, 1.0));
    QVERIFY(valve.atClosedLimit());
    QVERIFY(!valve.isMoving());
    valve.command(SimulatedValve::Command::Open);
    QVERIFY(valve.isMoving());
    QCOMPARE(valve.state(), SimulatedValve::Command::Open);
    valve.tick(0.5);
    QVERIFY(valve.isMoving());
    QVERIFY(valve.positionPermille() > 400 && valve.positionPermille() < 600);
    QVERIFY(valve.torquePercent() >= 15 && valve.torquePercent() <= 40);
    QVERIFY(!valve.atClosedLimit() && !valve.atOpenLimit());
    // The remaining half stroke plus one tick's rounding.
    const int ticks = runUntilStopped(valve, 1.0);
    QVERIFY2(ticks <= 26, qPrintable(QString::number(ticks)));
    QVERIFY(!valve.isMoving());
    QCOMPARE(valve.positionPermille(), 1000);
    QVERIFY(valve.atOpenLimit());
    QCOMPARE(valve.operationCount(), 1u);
    QCOMPARE(valve.state(), SimulatedValve::Command::Open);
    QCOMPARE(valve.torque(), 0.0);
    const QVector<double> opening = valve.lastProfile(Opening);
    QCOMPARE(opening.size(), Samples);
    QVERIFY(opening[0] > 50); // breakaway
    for (double v : opening)
        QVERIFY(v > 0);
    QCOMPARE(valve.lastTable(Opening).size(), 11);
    QCOMPARE(valve.lastTable(Opening)[5], opening[10]);
    for (double v : valve.lastProfile(Closing))
        QCOMPARE(v, 0.0); // never closed yet

    // Opening an open valve is no operation.
    valve.command(SimulatedValve::Command::Open);
    QVERIFY(!valve.isMoving());
    QCOMPARE(valve.operationCount(), 1u);

    valve.command(SimulatedValve::Command::Close);
    QVERIFY(runUntilStopped(valve, 1.2) <= 51);
    QCOMPARE(valve.positionPermille(), 0);
    QVERIFY(valve.atClosedLimit());
    QCOMPARE(valve.operationCount(), 2u);
    const QVector<double> closing = valve.lastProfile(Closing);
    const double setPoint = valve.generator().parameters().setPoint;
    QVERIFY(closing[Samples - 1] > setPoint - 8); // seated on the torque switch
    QVERIFY(closing[Samples - 1] <= setPoint);
    QCOMPARE(valve.tripCount(), 0u);

    // ESD closes too and reads back as 3.
    valve.command(SimulatedValve::Command::Open);
    runUntilStopped(valve, 2);
    valve.command(SimulatedValve::Command::EmergencyShutDown);
    QCOMPARE(valve.state(), SimulatedValve::Command::EmergencyShutDown);
    runUntilStopped(valve, 2);
    QCOMPARE(valve.positionPermille(), 0);
    QCOMPARE(valve.operationCount(), 4u);
}

void TestValvePhysics::stopMidStroke()
{
    SimulatedValve valve(configWith({}, 2.0));
    valve.command(SimulatedValve::Command::Open);
    valve.tick(0.6);
    valve.command(SimulatedValve::Command::Stop);
    QVERIFY(!valve.isMoving());
    QCOMPARE(valve.state(), SimulatedValve::Command::Stop);
    const int stoppedAt = valve.positionPermille();
    QVERIFY(stoppedAt > 200 && stoppedAt < 400);
    valve.tick(1.0);
    QCOMPARE(valve.positionPermille(), stoppedAt);
    QCOMPARE(valve.operationCount(), 0u);
    QCOMPARE(valve.torque(), 0.0);
    // A partial stroke leaves the last complete profile alone (none yet).
    for (double v : valve.lastProfile(Opening))
        QCOMPARE(v, 0.0);
    // Reversing from mid-travel works and counts when it reaches the end.
    valve.command(SimulatedValve::Command::Close);
    runUntilStopped(valve, 3);
    QCOMPARE(valve.positionPermille(), 0);
    QCOMPARE(valve.operationCount(), 1u);
}

void TestValvePhysics::obstructionStopsAndSetsBit()
{
    SimulatedValve valve(configWith(single(FaultKind::Obstruction, 1.0, 0.6)));
    valve.command(SimulatedValve::Command::Open);
    runUntilStopped(valve, 3);
    QVERIFY(!valve.isMoving());
    QVERIFY(valve.isObstructed());
    QVERIFY(!valve.isJammed());
    QVERIFY2(valve.positionPermille() > 450 && valve.positionPermille() <= 600,
        qPrintable(QString::number(valve.positionPermille())));
    QCOMPARE(valve.state(), SimulatedValve::Command::Stop);
    QCOMPARE(valve.tripCount(), 1u);
    QCOMPARE(valve.operationCount(), 0u);
    const QVector<double> profile = valve.lastProfile(Opening);
    QVERIFY(profile[0] > 0);
    QCOMPARE(profile[Samples - 1], 0.0); // never got there
    // Commanding the same way again: it cannot move, so now it is jammed.
    valve.command(SimulatedValve::Command::Open);
    QVERIFY(!valve.isObstructed());
    runUntilStopped(valve, 1);
    QVERIFY(valve.isJammed());
    QCOMPARE(valve.tripCount(), 2u);
    // Backing off is free: the obstacle only resists motion towards it.
    valve.command(SimulatedValve::Command::Close);
    QVERIFY(!valve.isJammed());
    runUntilStopped(valve, 3);
    QCOMPARE(valve.positionPermille(), 0);
    QCOMPARE(valve.operationCount(), 1u);
}

void TestValvePhysics::seatDepositJamsAtTheSeat()
{
    SimulatedValve valve(configWith(single(FaultKind::SeatDeposit, 1.0)));
    valve.command(SimulatedValve::Command::Open);
    runUntilStopped(valve, 2);
    QVERIFY(valve.isJammed());
    QVERIFY(!valve.isObstructed());
    QVERIFY(valve.positionPermille() <= 20);
    QCOMPARE(valve.tripCount(), 1u);
}

void TestValvePhysics::positionSetPoint()
{
    SimulatedValve valve(configWith({}, 1.0));
    QVERIFY(!valve.setPositionSetPoint(1001));
    QVERIFY(!valve.isMoving());
    QVERIFY(valve.setPositionSetPoint(500));
    QCOMPARE(valve.state(), SimulatedValve::Command::Open);
    QCOMPARE(valve.setPointPermille(), 500);
    runUntilStopped(valve, 2);
    QCOMPARE(valve.positionPermille(), 500);
    QCOMPARE(valve.operationCount(), 0u); // not an end-to-end operation
    QVERIFY(valve.setPositionSetPoint(250));
    QCOMPARE(valve.state(), SimulatedValve::Command::Close);
    runUntilStopped(valve, 2);
    QCOMPARE(valve.positionPermille(), 250);
}

void TestValvePhysics::shearedStemStrokesFaster()
{
    SimulatedValve healthy(configWith({}, 2.0));
    SimulatedValve sheared(configWith(single(FaultKind::ShearedStem, 1.0), 2.0));
    healthy.command(SimulatedValve::Command::Open);
    sheared.command(SimulatedValve::Command::Open);
    const int healthyTicks = runUntilStopped(healthy, 5);
    const int shearedTicks = runUntilStopped(sheared, 5);
    QVERIFY2(shearedTicks < healthyTicks * 3 / 4,
        qPrintable(u"%1 vs %2"_s.arg(shearedTicks).arg(healthyTicks)));
    QCOMPARE(sheared.positionPermille(), 1000);
    for (double v : sheared.lastProfile(Opening))
        QVERIFY(v < 12);
}

void TestValvePhysics::wearRaisesFrictionPerOperation()
{
    SimulatedValve::Config config = configWith({}, 0.5);
    config.wearPerOperation = 0.1;
    SimulatedValve valve(config);
    const double before = valve.generator().torqueAt(0.5, Opening, valve.effectiveFaults());
    for (int i = 0; i < 4; ++i) {
        valve.command(i % 2 == 0 ? SimulatedValve::Command::Open : SimulatedValve::Command::Close);
        runUntilStopped(valve, 2);
    }
    QCOMPARE(valve.operationCount(), 4u);
    QVERIFY(std::abs(valve.wear() - 0.4) < 1e-9);
    const double after = valve.generator().torqueAt(0.5, Opening, valve.effectiveFaults());
    QVERIFY2(after > before + 3, qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
}

QTEST_GUILESS_MAIN(TestValvePhysics)
#include "tst_valvephysics.moc"
