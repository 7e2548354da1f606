// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore's threads: the writer runs at a lower priority than its owner; asynchronous
// queries run on the reader thread and the caller never waits.
#include "storage/historystore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using dt::runtime::EventRecord;
using dt::runtime::HistoryRecord;
using dt::runtime::HistoryStore;
using dt::runtime::Quality;
using dt::runtime::StorageConfig;

namespace {

using Records = dt::Result<QList<HistoryRecord>>;
using Events = dt::Result<QList<EventRecord>>;

/// What one asynchronous answer delivered, and on which thread.
template<typename T> struct Answer
{
    QMutex mutex;
    bool done = false;
    T result = T::failure(u"no answer"_s);
    QThread *thread = nullptr;

    void set(const T &value)
    {
        QMutexLocker lock(&mutex);
        result = value;
        thread = QThread::currentThread();
        done = true;
    }
    bool isDone()
    {
        QMutexLocker lock(&mutex);
        return done;
    }
};

QStringList values(const QList<HistoryRecord> &records)
{
    QStringList out;
    for (const HistoryRecord &r : records)
        out << r.path + u'/' + r.attribute + u'=' + r.value;
    return out;
}

// Thread ids of this process's threads named `name`, from /proc.
QList<int> threadIds(const QByteArray &name)
{
    QList<int> ids;
    const QStringList tasks
        = QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(u"/proc/self/task/%1/comm"_s.arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
            ids.append(task.toInt());
    }
    return ids;
}

// Nice values of the threads named `name` (Linux keeps one per thread).
QList<int> threadNiceValues(const QByteArray &name)
{
    QList<int> values;
    for (const int id : threadIds(name)) {
        errno = 0;
        const int nice = getpriority(PRIO_PROCESS, id_t(id));
        if (nice != -1 || errno == 0)
            values.append(nice);
    }
    return values;
}

/// The scheduling policy (SCHED_OTHER, SCHED_IDLE, ...) of each thread named `name`.
QList<int> threadPolicies(const QByteArray &name)
{
    QList<int> policies;
    for (const int id : threadIds(name))
        policies.append(sched_getscheduler(pid_t(id)));
    return policies;
}

/// A store whose writer thread has started and committed one record, or null with *error.
std::unique_ptr<HistoryStore> openAndCommitOne(const StorageConfig &config, QString *error)
{
    auto opened = HistoryStore::open(config);
    if (!opened) {
        *error = opened.error();
        return nullptr;
    }
    std::unique_ptr<HistoryStore> store = opened.takeValue();
    store->append(
        HistoryRecord { u"P"_s, u"A"_s, u"1"_s, 1'700'000'000'000LL, Quality::Good, u"sim"_s });
    if (!store->flush(30'000)) {
        *error = u"flush() timed out"_s;
        return nullptr;
    }
    return store;
}

int ownNiceValue()
{
    errno = 0;
    return getpriority(PRIO_PROCESS, id_t(gettid()));
}

} // namespace

class HistoryThreadsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        StorageConfig config;
        config.file = m_dir.filePath(u"async-%1.sqlite"_s.arg(++m_serial));
        auto store = HistoryStore::open(config);
        QVERIFY2(store, qPrintable(store ? QString() : store.error()));
        m_store = store.takeValue();
        const qint64 t0 = 1'700'000'000'000LL;
        for (int i = 0; i < 30; ++i) {
            m_store->append(HistoryRecord { u"Valve%1"_s.arg(i % 3), u"Position"_s,
                QString::number(i), t0 + i, Quality::Good, u"sim"_s });
        }
        for (int i = 0; i < 4; ++i) {
            EventRecord event;
            event.timestampMs = t0 + 100 + i;
            event.path = u"Valve1"_s;
            event.event = u"TorqueHigh"_s;
            event.severity = u"warning"_s;
            event.state = i % 2 ? u"cleared"_s : u"raised"_s;
            event.attribute = u"Torque"_s;
            event.value = QString::number(90 + i);
            m_store->appendEvent(event);
        }
        QVERIFY(m_store->flush(30'000));
    }

    void cleanup() { m_store.reset(); }

    // The answers equal the blocking queries' and come from another thread.
    void sameAnswersFromTheReaderThread()
    {
        Answer<Records> records;
        Answer<Events> events;
        m_store->lastRecordsAsync(
            u"Valve1"_s, u"Position"_s, 4, [&records](const Records &r) { records.set(r); });
        m_store->lastEventsAsync(3, [&events](const Events &e) { events.set(e); });
        QTRY_VERIFY(records.isDone());
        QTRY_VERIFY(events.isDone());

        const Records blocking = m_store->lastRecords(u"Valve1"_s, u"Position"_s, 4);
        QVERIFY(blocking);
        QVERIFY2(records.result, qPrintable(records.result ? QString() : records.result.error()));
        QCOMPARE(values(*records.result), values(*blocking));
        QCOMPARE(values(*records.result),
            QStringList({ u"Valve1/Position=28"_s, u"Valve1/Position=25"_s, u"Valve1/Position=22"_s,
                u"Valve1/Position=19"_s }));
        QVERIFY(records.thread != QThread::currentThread());

        QVERIFY(events.result);
        QCOMPARE(events.result->size(), 3);
        QCOMPARE(events.result->first().value, u"93"_s); // newest first
        QVERIFY(events.thread != QThread::currentThread());
    }

    // While the reader thread is busy (held in a first answer), asking again returns at once:
    // a blocking call would wait for the reader and see the first answer finished.
    void callerNeverWaits()
    {
        QSemaphore gate;
        std::atomic<bool> firstFinished { false };
        std::atomic<bool> firstStarted { false };
        m_store->lastRecordsAsync(u"Valve0"_s, QString(), 1, [&](const Records &) {
            firstStarted = true;
            gate.tryAcquire(1, 20'000);
            firstFinished = true;
        });
        QTRY_VERIFY(firstStarted.load());

        Answer<Records> second;
        m_store->lastRecordsAsync(
            u"Valve2"_s, u"Position"_s, 2, [&second](const Records &r) { second.set(r); });
        QVERIFY(!firstFinished.load());
        QVERIFY(!second.isDone());

        gate.release();
        QTRY_VERIFY(second.isDone());
        QVERIFY(firstFinished.load());
        QVERIFY(second.result);
        QCOMPARE(values(*second.result),
            QStringList({ u"Valve2/Position=29"_s, u"Valve2/Position=26"_s }));
    }

    // A query asked for just before the store goes away is still answered.
    void answeredBeforeClosing()
    {
        Answer<Records> records;
        m_store->lastRecordsAsync(
            u"Valve0"_s, u"Position"_s, 1, [&records](const Records &r) { records.set(r); });
        m_store.reset();
        QVERIFY(records.isDone());
        QVERIFY(records.result);
        QCOMPARE(values(*records.result), QStringList({ u"Valve0/Position=27"_s }));
    }

    // The writer thread yields to the engine thread on a busy machine: it runs writerNiceness
    // nicer than the thread that opened the store, and at the same priority when that is 0.
    void writerRunsNicer()
    {
        m_store.reset(); // only the store under test has a writer thread
        const int own = ownNiceValue();
        for (const int niceness : { 10, 0 }) {
            StorageConfig config;
            config.file = m_dir.filePath(u"nice-%1.sqlite"_s.arg(niceness));
            config.writerNiceness = niceness;
            QString error;
            const std::unique_ptr<HistoryStore> store = openAndCommitOne(config, &error);
            QVERIFY2(store, qPrintable(error));
            const QList<int> writers = threadNiceValues("dt.history.writ");
            QCOMPARE(writers.size(), 1);
            QCOMPARE(writers.first(), std::min(19, own + niceness));
        }
    }

    // While it keeps up, the writer runs under SCHED_IDLE (where the process may switch it
    // back); with the option off, under ordinary scheduling.
    void writerIdlesWhileKeepingUp()
    {
        m_store.reset(); // only the store under test has a writer thread
        for (const bool idle : { true, false }) {
            StorageConfig config;
            config.file = m_dir.filePath(u"idle-%1.sqlite"_s.arg(idle));
            config.writerIdleWhileKeepingUp = idle;
            QString error; // its flush ran under ordinary scheduling: a caller waited
            const std::unique_ptr<HistoryStore> store = openAndCommitOne(config, &error);
            QVERIFY2(store, qPrintable(error));
            const int expected = idle ? SCHED_IDLE : SCHED_OTHER;
            QTRY_VERIFY_WITH_TIMEOUT(
                threadPolicies("dt.history.writ") == QList<int> { expected } || geteuid() != 0,
                5000);
            const QList<int> policies = threadPolicies("dt.history.writ");
            QCOMPARE(policies.size(), 1);
            if (idle && policies.first() != SCHED_IDLE && geteuid() != 0)
                QSKIP("not privileged and RLIMIT_NICE too low to leave SCHED_IDLE again: the "
                      "writer keeps ordinary scheduling here");
            QCOMPARE(policies.first(), expected);
        }
    }

    // With a backlog of more than CatchUpBatches batches the writer returns to ordinary
    // scheduling until it has caught up, so a busy machine cannot starve it.
    void writerCatchesUpUnderOrdinaryScheduling()
    {
        m_store.reset();
        StorageConfig config;
        config.file = m_dir.filePath(u"catch-up.sqlite"_s);
        config.batchSize = 10; // transactions of up to 80 records
        config.flushIntervalMs = 600'000;
        QString error;
        const std::unique_ptr<HistoryStore> store = openAndCommitOne(config, &error);
        QVERIFY2(store, qPrintable(error));
        // Back under SCHED_IDLE once the flush is done, where the process may switch back.
        QTRY_VERIFY_WITH_TIMEOUT(
            threadPolicies("dt.history.writ") == QList<int> { SCHED_IDLE } || geteuid() != 0, 5000);
        if (threadPolicies("dt.history.writ") != QList<int> { SCHED_IDLE })
            QSKIP("the writer does not use SCHED_IDLE here (see writerIdlesWhileKeepingUp)");

        QList<HistoryRecord> backlog;
        for (int i = 1; i <= 20'000; ++i) {
            backlog.append(HistoryRecord { u"P%1"_s.arg(i % 50), u"A"_s, QString::number(i),
                1'700'000'000'000LL + i, Quality::Good, u"sim"_s });
        }
        store->append(backlog);
        bool sawOrdinary = false;
        QElapsedTimer waited;
        waited.start();
        while (store->stats().committed < 20'001 && waited.elapsed() < 60'000) {
            sawOrdinary = sawOrdinary || threadPolicies("dt.history.writ").contains(SCHED_OTHER);
            QThread::usleep(200);
        }
        QCOMPARE(store->stats().committed, qint64(20'001));
        QVERIFY(sawOrdinary);
        QTRY_COMPARE(threadPolicies("dt.history.writ"), QList<int> { SCHED_IDLE });
    }

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    std::unique_ptr<HistoryStore> m_store;
};

QTEST_GUILESS_MAIN(HistoryThreadsTest)
#include "tst_historythreads.moc"
