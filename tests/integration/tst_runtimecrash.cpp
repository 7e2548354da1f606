// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 of the dt-runtime binary during ingestion, ten times in a row on the same SQLite
// history: before each kill the test reads, through its own connection, which samples the
// history has committed; after the kill every one of them must still be there and SQLite's
// integrity check must pass. The next run appends to the same file.
#include "runtime/tst_enginesupport.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

constexpr quint16 PortsFirst = 26100; // this file's port range
constexpr quint16 PortsLast = 26999;
constexpr int Long = 20000;
constexpr int Kills = 10;

struct Committed
{
    qint64 rows = -1;
    qint64 maxId = -1;
};

// What the history file holds right now, read through a connection of our own (WAL: readers see
// the last committed transaction while the runtime keeps writing). maxId bounds the rows seen.
Committed readCommitted(const QString &file, qint64 upToId = -1)
{
    Committed result;
    const QString name = u"crash-check"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery query(db);
            const QString sql = upToId < 0
                ? u"SELECT count(*), coalesce(max(id), 0) FROM dt_samples"_s
                : u"SELECT count(*), coalesce(max(id), 0) FROM dt_samples WHERE id <= %1"_s.arg(
                    upToId);
            if (query.exec(sql) && query.next()) {
                result.rows = query.value(0).toLongLong();
                result.maxId = query.value(1).toLongLong();
            } else {
                qWarning() << "reading the history failed:" << query.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QString integrityCheck(const QString &file)
{
    QString verdict;
    const QString name = u"crash-integrity"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"PRAGMA integrity_check"_s) && query.next())
                verdict = query.value(0).toString();
            else
                verdict = query.lastError().text();
        } else {
            verdict = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return verdict;
}

} // namespace

class TestRuntimeCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    quint16 m_base = 0;
    dt::test::Simulator m_sims[4];

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(dt::test::dtValvesimBinary())
            || !QFileInfo::exists(dt::test::dtRuntimeBinary()))
            QSKIP("dt-valvesim or dt-runtime is not built");
        QVERIFY(m_dir.isValid());
        m_base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(m_base);
        // Short strokes and cycles: positions and torques change all the time.
        for (int i = 0; i < 4; ++i) {
            QVERIFY2(m_sims[i].start({ u"--valves"_s, u"1"_s, u"--port"_s,
                         QString::number(m_base + i), u"--stroke-s"_s, u"1"_s, u"--cycle-s"_s,
                         u"1"_s, u"--seed"_s, QString::number(i + 1) }),
                "dt-valvesim did not start");
        }
    }

    void killNineDuringIngestion()
    {
        const QString model = dt::test::refineryCopy(m_dir.path(), m_base, 50);
        const QString data = m_dir.path() + u"/data"_s;
        const QString history = data + u"/refinery-history.sqlite"_s;
        qint64 firstRows = -1;
        Committed last;
        for (int run = 1; run <= Kills; ++run) {
            QProcess runtime;
            runtime.setProcessChannelMode(QProcess::MergedChannels);
            runtime.start(dt::test::dtRuntimeBinary(), { model, u"--data"_s, data });
            QVERIFY(runtime.waitForStarted(Long));
            QByteArray log;
            QVERIFY2(QTest::qWaitFor(
                         [&]() {
                             log += runtime.readAll();
                             return log.contains("dt-runtime: running")
                                 || runtime.state() != QProcess::Running;
                         },
                         Long),
                log.constData());
            QVERIFY2(log.contains("dt-runtime: running"), log.constData());
            // Let it ingest for a while, at a different moment each run.
            QTest::qWait(300 + int(QRandomGenerator::global()->bounded(900)));
            const Committed before = readCommitted(history);
            QVERIFY2(before.rows >= 0, "the history cannot be read while the runtime runs");
            ::kill(pid_t(runtime.processId()), SIGKILL);
            QVERIFY(runtime.waitForFinished(Long));
            QCOMPARE(runtime.exitStatus(), QProcess::CrashExit);

            QCOMPARE(integrityCheck(history), u"ok"_s);
            // Every sample committed before the kill is still there.
            const Committed kept = readCommitted(history, before.maxId);
            QCOMPARE(kept.rows, before.rows);
            const Committed after = readCommitted(history);
            QVERIFY(after.rows >= before.rows);
            // The previous runs' samples survive this run too.
            QVERIFY(after.rows >= last.rows);
            if (firstRows < 0)
                firstRows = before.rows;
            last = after;
            qInfo("run %d: %lld rows committed before the kill, %lld after it", run,
                before.rows, after.rows);
        }
        // Ingestion really happened across the runs.
        QVERIFY2(last.rows > firstRows, "no samples were added after the first run");
    }

    void cleanupTestCase()
    {
        for (dt::test::Simulator &sim : m_sims)
            sim.kill();
    }
};

QTEST_GUILESS_MAIN(TestRuntimeCrash)
#include "tst_runtimecrash.moc"
