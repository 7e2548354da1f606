// SPDX-License-Identifier: GPL-3.0-or-later
// PollScheduler: order of firing, periodic deadlines that keep their phase and drop missed polls
// instead of bursting, phases spread over the period, cancellation (also from callbacks, also of
// an entry due in the same pass), owners and the scheduler itself going away inside a callback,
// 10,000 entries each firing once. Asserts on order and counts; times only as "not before".
#include "modbus/pollscheduler.h"

#include <QEventLoop>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace dt::runtime;

namespace {

constexpr int Wait = 20000; // generous: a loaded 2-core machine

// Something that owns scheduled entries, as a device does: it cancels them when it goes.
struct Owner
{
    std::shared_ptr<PollScheduler> scheduler;
    std::vector<PollScheduler::Handle> handles;
    int *destroyed = nullptr;

    ~Owner()
    {
        for (PollScheduler::Handle handle : handles)
            scheduler->cancel(handle);
        if (destroyed)
            ++*destroyed;
    }
};

} // namespace

class TestPollScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesInDeadlineOrder();
    void neverEarly();
    void nextPeriodicDeadline_data();
    void nextPeriodicDeadline();
    void firstPeriodicDeadline();
    void phasesSpreadOverPeriod();
    void periodicKeepsPhase();
    void cancel();
    void cancelFromCallback();
    void deleteOwnerInsideCallback();
    void lastUserGoesInsideCallback();
    void rescheduleAtNowDoesNotSpin();
    void manyEntriesFireOnce();
    void blockedLoopNoBurst();
    void perThread();
};

void TestPollScheduler::firesInDeadlineOrder()
{
    auto scheduler = std::make_shared<PollScheduler>();
    QList<int> fired;
    const qint64 now = PollScheduler::nowMs();
    scheduler->schedule(now + 60, [&fired] { fired.append(1); });
    scheduler->schedule(now + 20, [&fired] { fired.append(2); });
    scheduler->schedule(now + 40, [&fired] { fired.append(3); });
    scheduler->schedule(now + 20, [&fired] { fired.append(4); }); // tie: after 2
    scheduler->schedule(now - 5, [&fired] { fired.append(5); }); // already due
    QCOMPARE(scheduler->pendingCount(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), 5, Wait);
    QCOMPARE(fired, QList<int>({ 5, 2, 4, 3, 1 }));
    QCOMPARE(scheduler->pendingCount(), 0);
}

void TestPollScheduler::neverEarly()
{
    auto scheduler = std::make_shared<PollScheduler>();
    std::vector<std::pair<qint64, qint64>> fired; // deadline, time fired
    const qint64 now = PollScheduler::nowMs();
    for (int i = 0; i < 50; ++i) {
        const qint64 deadline = now + (i * 7) % 61;
        scheduler->schedule(deadline,
            [&fired, deadline] { fired.emplace_back(deadline, PollScheduler::nowMs()); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(int(fired.size()), 50, Wait);
    for (const auto &[deadline, at] : fired)
        QVERIFY2(at >= deadline, qPrintable(QStringLiteral("%1 < %2").arg(at).arg(deadline)));
    QVERIFY(std::is_sorted(fired.begin(), fired.end()));
}

void TestPollScheduler::nextPeriodicDeadline_data()
{
    QTest::addColumn<qint64>("previous");
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("on time") << qint64(1000) << qint64(100) << qint64(1000) << qint64(1100);
    QTest::newRow("a little late") << qint64(1000) << qint64(100) << qint64(1040) << qint64(1100);
    QTest::newRow("almost a period late")
        << qint64(1000) << qint64(100) << qint64(1099) << qint64(1100);
    QTest::newRow("exactly a period late")
        << qint64(1000) << qint64(100) << qint64(1100) << qint64(1200);
    QTest::newRow("blocked 3.5 periods")
        << qint64(1000) << qint64(100) << qint64(1350) << qint64(1400);
    QTest::newRow("blocked 10 periods")
        << qint64(1000) << qint64(100) << qint64(2000) << qint64(2100);
    QTest::newRow("zero interval") << qint64(1000) << qint64(0) << qint64(1000) << qint64(1001);
}

void TestPollScheduler::nextPeriodicDeadline()
{
    QFETCH(qint64, previous);
    QFETCH(qint64, interval);
    QFETCH(qint64, now);
    QFETCH(qint64, expected);
    QCOMPARE(PollScheduler::nextPeriodicDeadline(previous, interval, now), expected);
}

void TestPollScheduler::firstPeriodicDeadline()
{
    // The first slot of the phase at least half a period away.
    QCOMPARE(PollScheduler::firstPeriodicDeadline(0.0, 100, 1000), 1100);
    QCOMPARE(PollScheduler::firstPeriodicDeadline(0.25, 100, 1000), 1125);
    QCOMPARE(PollScheduler::firstPeriodicDeadline(0.75, 100, 1000), 1075);
    QCOMPARE(PollScheduler::firstPeriodicDeadline(0.5, 100, 1000), 1050);
    QCOMPARE(PollScheduler::firstPeriodicDeadline(0.3, 100, 1049), 1130);
    QCOMPARE(PollScheduler::firstPeriodicDeadline(0.0, 100, -1234), -1100); // negative clocks too
    for (qint64 now = 5000; now < 5300; now += 7) {
        const qint64 first = PollScheduler::firstPeriodicDeadline(0.42, 100, now);
        QVERIFY(first >= now + 50 && first < now + 150);
        QCOMPARE(first % 100, 42);
    }
}

void TestPollScheduler::phasesSpreadOverPeriod()
{
    // 1,000 devices at 100 ms starting in the same millisecond: first polls spread evenly.
    PollScheduler scheduler;
    std::vector<int> perBucket(10, 0); // 10 ms buckets
    std::vector<int> perMs(100, 0);
    const qint64 now = 777;
    for (int i = 0; i < 1000; ++i) {
        const double phase = scheduler.nextPhase();
        QVERIFY(phase >= 0 && phase < 1);
        const qint64 first = PollScheduler::firstPeriodicDeadline(phase, 100, now);
        ++perBucket[size_t((first % 100) / 10)];
        ++perMs[size_t(first % 100)];
    }
    for (int n : perBucket)
        QVERIFY2(n >= 90 && n <= 110, qPrintable(QString::number(n)));
    QCOMPARE(*std::max_element(perMs.begin(), perMs.end()) <= 12, true);
}

void TestPollScheduler::periodicKeepsPhase()
{
    auto scheduler = std::make_shared<PollScheduler>();
    constexpr qint64 interval = 30;
    std::vector<qint64> deadlines;
    qint64 deadline = PollScheduler::firstPeriodicDeadline(0.5, interval, PollScheduler::nowMs());
    std::function<void()> tick = [&] {
        deadlines.push_back(deadline);
        deadline = PollScheduler::nextPeriodicDeadline(deadline, interval, PollScheduler::nowMs());
        if (deadlines.size() < 10)
            scheduler->schedule(deadline, tick);
    };
    scheduler->schedule(deadline, tick);
    QTRY_COMPARE_WITH_TIMEOUT(int(deadlines.size()), 10, Wait);
    for (size_t i = 0; i < deadlines.size(); ++i) {
        QCOMPARE(((deadlines[i] % interval) + interval) % interval, interval / 2);
        if (i > 0)
            QVERIFY(deadlines[i] > deadlines[i - 1]);
    }
}

void TestPollScheduler::cancel()
{
    auto scheduler = std::make_shared<PollScheduler>();
    int a = 0;
    int b = 0;
    const qint64 now = PollScheduler::nowMs();
    const PollScheduler::Handle ha = scheduler->schedule(now + 10, [&a] { ++a; });
    const PollScheduler::Handle hb = scheduler->schedule(now + 20, [&b] { ++b; });
    QVERIFY(ha != 0 && hb != 0 && ha != hb);
    QVERIFY(scheduler->isPending(ha));
    QVERIFY(scheduler->cancel(ha));
    QVERIFY(!scheduler->isPending(ha));
    QVERIFY(!scheduler->cancel(ha)); // twice: no effect
    QVERIFY(!scheduler->cancel(0));
    QCOMPARE(scheduler->pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(b, 1, Wait);
    QVERIFY(!scheduler->isPending(hb)); // fired: stale
    QVERIFY(!scheduler->cancel(hb));
    // A stale handle never cancels the entry that reuses its slot.
    int c = 0;
    const PollScheduler::Handle hc = scheduler->schedule(now, [&c] { ++c; });
    QVERIFY(!scheduler->cancel(ha));
    QVERIFY(!scheduler->cancel(hb));
    QVERIFY(scheduler->isPending(hc));
    QTRY_COMPARE_WITH_TIMEOUT(c, 1, Wait);
    QTest::qWait(50);
    QCOMPARE(a, 0);
    QCOMPARE(b, 1);
    QCOMPARE(c, 1);
}

void TestPollScheduler::cancelFromCallback()
{
    // All due in the same pass: the first cancels the third and itself (stale by then); the
    // second schedules a new entry; the third never runs.
    auto scheduler = std::make_shared<PollScheduler>();
    QList<int> fired;
    const qint64 now = PollScheduler::nowMs();
    PollScheduler::Handle first = 0;
    PollScheduler::Handle third = 0;
    bool cancelledOwn = true;
    bool cancelledThird = false;
    first = scheduler->schedule(now + 10, [&] {
        fired.append(1);
        cancelledOwn = scheduler->cancel(first);
        cancelledThird = scheduler->cancel(third);
    });
    scheduler->schedule(now + 10, [&] {
        fired.append(2);
        scheduler->schedule(PollScheduler::nowMs() + 5, [&fired] { fired.append(4); });
    });
    third = scheduler->schedule(now + 10, [&fired] { fired.append(3); });
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), 3, Wait);
    QTest::qWait(50);
    QCOMPARE(fired, QList<int>({ 1, 2, 4 }));
    QVERIFY(!cancelledOwn);
    QVERIFY(cancelledThird);
    QCOMPARE(scheduler->pendingCount(), 0);
}

void TestPollScheduler::deleteOwnerInsideCallback()
{
    // Two owners with entries due in the same pass; the first entry deletes the second owner,
    // whose destructor cancels its entries: they never run (they would use a deleted object).
    auto scheduler = std::make_shared<PollScheduler>();
    int destroyed = 0;
    int ran = 0;
    auto owner = std::make_unique<Owner>();
    owner->scheduler = scheduler;
    owner->destroyed = &destroyed;
    Owner *victim = owner.get();
    const qint64 now = PollScheduler::nowMs();
    scheduler->schedule(now + 5, [&owner, &ran] {
        ++ran;
        owner.reset();
    });
    for (int i = 0; i < 5; ++i) {
        victim->handles.push_back(scheduler->schedule(now + 5 + (i % 2), [victim, &ran] {
            ++ran;
            victim->handles.clear(); // would crash under ASan / corrupt if it ran
        }));
    }
    // Another owner in the same pass that deletes itself from its own callback.
    auto *self = new Owner;
    self->scheduler = scheduler;
    self->destroyed = &destroyed;
    self->handles.push_back(scheduler->schedule(now + 5, [self, &ran] {
        ++ran;
        delete self;
    }));
    self->handles.push_back(scheduler->schedule(now + 6, [&ran] { ran += 100; }));
    QTRY_COMPARE_WITH_TIMEOUT(destroyed, 2, Wait);
    QTest::qWait(50);
    QCOMPARE(ran, 2);
    QCOMPARE(scheduler->pendingCount(), 0);
}

void TestPollScheduler::lastUserGoesInsideCallback()
{
    // The thread's scheduler, held only by owners; the last owner goes inside a callback in the
    // middle of a pass. The scheduler must finish the pass safely and go away afterwards.
    std::weak_ptr<PollScheduler> weak;
    int destroyed = 0;
    int ran = 0;
    {
        auto owner = std::make_unique<Owner>();
        owner->scheduler = PollScheduler::forCurrentThread();
        owner->destroyed = &destroyed;
        weak = owner->scheduler;
        const qint64 now = PollScheduler::nowMs();
        Owner *raw = owner.release();
        raw->handles.push_back(raw->scheduler->schedule(now + 5, [raw, &ran] {
            ++ran;
            delete raw;
        }));
        raw->handles.push_back(raw->scheduler->schedule(now + 5, [&ran] { ran += 100; }));
    }
    QVERIFY(!weak.expired());
    QTRY_COMPARE_WITH_TIMEOUT(destroyed, 1, Wait);
    QVERIFY(weak.expired());
    QTest::qWait(20); // the timer's deferred deletion runs
    QCOMPARE(ran, 1);
    // A new user gets a new, working scheduler.
    auto again = PollScheduler::forCurrentThread();
    int fired = 0;
    again->schedule(PollScheduler::nowMs(), [&fired] { ++fired; });
    QTRY_COMPARE_WITH_TIMEOUT(fired, 1, Wait);
}

void TestPollScheduler::rescheduleAtNowDoesNotSpin()
{
    // A callback that keeps re-scheduling itself as already due must not starve the loop: the
    // new entry waits for the next pass, so other entries and events get their turn.
    auto scheduler = std::make_shared<PollScheduler>();
    int spins = 0;
    bool other = false;
    bool timerRan = false;
    std::function<void()> spin = [&] {
        ++spins;
        if (!other || !timerRan)
            scheduler->schedule(PollScheduler::nowMs() - 1, spin);
    };
    scheduler->schedule(PollScheduler::nowMs(), spin);
    scheduler->schedule(PollScheduler::nowMs() + 20, [&other] { other = true; });
    QTimer::singleShot(20, [&timerRan] { timerRan = true; });
    QTRY_VERIFY_WITH_TIMEOUT(other && timerRan, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler->pendingCount(), 0, Wait);
    QVERIFY(spins >= 2);
}

void TestPollScheduler::manyEntriesFireOnce()
{
    constexpr int N = 10000;
    auto scheduler = std::make_shared<PollScheduler>();
    std::vector<int> count(N, 0);
    std::vector<qint64> order;
    order.reserve(N);
    const qint64 now = PollScheduler::nowMs();
    std::vector<PollScheduler::Handle> handles;
    for (int i = 0; i < N; ++i) {
        const qint64 deadline = now + 10 + (i * 37) % 200;
        handles.push_back(scheduler->schedule(deadline, [&count, &order, i, deadline] {
            ++count[size_t(i)];
            order.push_back(deadline);
        }));
    }
    // A tenth cancelled, in a burst (exercises the compaction of cancelled entries).
    for (int i = 0; i < N; i += 10)
        QVERIFY(scheduler->cancel(handles[size_t(i)]));
    QCOMPARE(scheduler->pendingCount(), N - N / 10);
    QTRY_COMPARE_WITH_TIMEOUT(int(order.size()), N - N / 10, Wait);
    QTest::qWait(50);
    for (int i = 0; i < N; ++i)
        QCOMPARE(count[size_t(i)], i % 10 == 0 ? 0 : 1);
    QVERIFY(std::is_sorted(order.begin(), order.end()));
    QCOMPARE(scheduler->pendingCount(), 0);
}

void TestPollScheduler::blockedLoopNoBurst()
{
    // 20 periodic tasks at 20 ms; the thread blocks for 10 periods. Afterwards each task runs
    // once for the missed periods and then on its phase again: no catch-up burst.
    auto scheduler = std::make_shared<PollScheduler>();
    constexpr qint64 interval = 20;
    constexpr int Tasks = 20;
    struct Task
    {
        qint64 deadline = 0;
        qint64 phase = 0;
        std::vector<std::pair<qint64, qint64>> fired; // deadline, time
        std::function<void()> tick;
    };
    std::vector<Task> tasks(Tasks);
    bool running = true;
    for (int t = 0; t < Tasks; ++t) {
        Task &task = tasks[size_t(t)];
        const double phase = scheduler->nextPhase();
        task.deadline
            = PollScheduler::firstPeriodicDeadline(phase, interval, PollScheduler::nowMs());
        task.phase = ((task.deadline % interval) + interval) % interval;
        task.tick = [&task, &scheduler, &running] {
            const qint64 now = PollScheduler::nowMs();
            task.fired.emplace_back(task.deadline, now);
            task.deadline = PollScheduler::nextPeriodicDeadline(task.deadline, interval, now);
            if (running)
                scheduler->schedule(task.deadline, task.tick);
        };
        scheduler->schedule(task.deadline, task.tick);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(tasks.begin(), tasks.end(),
                                 [](const Task &task) { return task.fired.size() >= 3; }),
        Wait);
    const qint64 blockedAt = PollScheduler::nowMs();
    QThread::msleep(10 * interval);
    const qint64 resumedAt = PollScheduler::nowMs();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(tasks.begin(), tasks.end(),
                                 [resumedAt](const Task &task) {
                                     return task.fired.back().second >= resumedAt + 3 * interval;
                                 }),
        Wait);
    running = false;
    const qint64 endAt = PollScheduler::nowMs();
    for (const Task &task : tasks) {
        int duringBlock = 0; // deadlines that fell into the blocked time
        for (size_t i = 0; i < task.fired.size(); ++i) {
            const auto &[deadline, at] = task.fired[i];
            QVERIFY(at >= deadline);
            QCOMPARE(((deadline % interval) + interval) % interval, task.phase); // phase kept
            if (deadline > blockedAt && deadline < resumedAt)
                ++duringBlock;
            // Each deadline lies after the previous run: missed polls are not made up.
            if (i > 0)
                QVERIFY(deadline > task.fired[i - 1].second);
        }
        QVERIFY2(duringBlock <= 1, qPrintable(QString::number(duringBlock)));
        // Never more runs than periods elapsed (+ the first, + rounding).
        const qint64 span = endAt - task.fired.front().first;
        QVERIFY(qint64(task.fired.size()) <= span / interval + 2);
    }
    QTRY_COMPARE_WITH_TIMEOUT(scheduler->pendingCount(), 0, Wait);
}

void TestPollScheduler::perThread()
{
    // One scheduler per thread, shared by its users; another thread gets its own, which works
    // there and goes away with its last user (before the thread ends).
    auto mine = PollScheduler::forCurrentThread();
    QCOMPARE(PollScheduler::forCurrentThread(), mine);
    QCOMPARE(mine->thread(), QThread::currentThread());
    PollScheduler *theirs = nullptr;
    std::weak_ptr<PollScheduler> theirsWeak;
    int fired = 0;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        auto scheduler = PollScheduler::forCurrentThread();
        theirs = scheduler.get();
        theirsWeak = scheduler;
        QEventLoop loop;
        scheduler->schedule(PollScheduler::nowMs() + 5, [&] { ++fired; });
        scheduler->schedule(PollScheduler::nowMs() + 10, [&loop] { loop.quit(); });
        loop.exec();
    }));
    thread->start();
    QVERIFY(thread->wait(Wait));
    QVERIFY(theirs != nullptr && theirs != mine.get());
    QVERIFY(theirsWeak.expired());
    QCOMPARE(fired, 1);
}

QTEST_GUILESS_MAIN(TestPollScheduler)
#include "tst_pollscheduler.moc"
