// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore against SQLite, PostgreSQL and MariaDB: the same cases on all three, the servers
// started by the test itself (dbserver.h); outages (server stopped, SQLite file locked) must
// lose nothing.
#include "dbserver.h"
#include "storage/historystore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using dt::runtime::EventRecord;
using dt::runtime::HistoryRecord;
using dt::runtime::HistoryStore;
using dt::runtime::Quality;
using dt::runtime::StorageConfig;
using dt::test::DbServer;

namespace {

constexpr qint64 Day = 24 * 3600 * 1000LL;

HistoryRecord record(const QString &path, const QString &attribute, const QString &value, qint64 ts,
    Quality quality = Quality::Good, const QString &source = u"sim"_s)
{
    return HistoryRecord { path, attribute, value, ts, quality, source };
}

QString describe(const HistoryRecord &r)
{
    return u"%1/%2=%3@%4(%5,%6)"_s.arg(r.path, r.attribute, r.value)
        .arg(r.timestampMs)
        .arg(dt::runtime::qualityName(r.quality), r.source);
}

QStringList describe(const QList<HistoryRecord> &records)
{
    QStringList lines;
    for (const HistoryRecord &r : records)
        lines << describe(r);
    return lines;
}

/// Every sequence number 0..count-1 of the values "prefix<n>" present exactly once.
QString checkSequence(const QList<HistoryRecord> &records, const QString &prefix, int count)
{
    QList<int> seen(count, 0);
    for (const HistoryRecord &r : records) {
        if (!r.value.startsWith(prefix))
            continue;
        bool ok = false;
        const int n = r.value.mid(prefix.size()).toInt(&ok);
        if (!ok || n < 0 || n >= count)
            return u"unexpected value %1"_s.arg(r.value);
        ++seen[n];
    }
    for (int n = 0; n < count; ++n) {
        if (seen[n] != 1)
            return u"%1%2 stored %3 times"_s.arg(prefix).arg(n).arg(seen[n]);
    }
    return QString();
}

/// A store's signals as seen in the test thread: they come from the writer thread, so the
/// connections are queued and the lists are only touched here.
class StoreSignals : public QObject
{
public:
    explicit StoreSignals(HistoryStore *store)
    {
        connect(store, &HistoryStore::availabilityChanged, this,
            [this](bool available, const QString &error) {
                availability.append({ available, error });
            });
        connect(
            store, &HistoryStore::retentionApplied, this, [this](qint64 samples, qint64 events) {
                retention.append({ samples, events });
            });
    }

    QList<QPair<bool, QString>> availability;
    QList<QPair<qint64, qint64>> retention;
};

} // namespace

class HistoryStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void appendAndQuery_data() { backends(); }
    void appendAndQuery();
    void events_data() { backends(); }
    void events();
    void retention_data() { backends(); }
    void retention();
    void everySampleAcrossBatches_data() { backends(); }
    void everySampleAcrossBatches();
    void reopenKeepsHistory_data() { backends(); }
    void reopenKeepsHistory();
    void serverOutage_data();
    void serverOutage();
    void lockedSqliteFile();
    void unreachableServer_data();
    void unreachableServer();
    void throughput_data() { backends(); }
    void throughput();

private:
    void backends();
    /// A config for the row's backend with a database (or file) of its own; empty `skip`
    /// when usable, else why not.
    StorageConfig configFor(const QString &backend, QString *skip, QString *failure);
    DbServer *server(const QString &backend);

    QTemporaryDir m_dir;
    int m_databaseCounter = 0;
    std::unique_ptr<DbServer> m_postgres;
    std::unique_ptr<DbServer> m_mariadb;
    QString m_postgresProblem;
    QString m_mariadbProblem;
    bool m_postgresMissing = false;
    bool m_mariadbMissing = false;
};

#define DT_CONFIG(config, backend)                                                                 \
    StorageConfig config;                                                                          \
    {                                                                                              \
        QString skip_, failure_;                                                                   \
        config = configFor(backend, &skip_, &failure_);                                            \
        if (!skip_.isEmpty())                                                                      \
            QSKIP(qPrintable(skip_));                                                              \
        if (!failure_.isEmpty())                                                                   \
            QFAIL(qPrintable(failure_));                                                           \
    }

#define DT_OPEN(store, config)                                                                     \
    auto store##Result = HistoryStore::open(config);                                               \
    QVERIFY2(store##Result.ok(), qPrintable(store##Result.error()));                               \
    std::unique_ptr<HistoryStore> store = store##Result.takeValue();

void HistoryStoreTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (DbServer::Kind kind : { DbServer::Kind::PostgreSQL, DbServer::Kind::MariaDB }) {
        const bool postgres = kind == DbServer::Kind::PostgreSQL;
        QString &problem = postgres ? m_postgresProblem : m_mariadbProblem;
        const QString missing = DbServer::missingPrograms(kind);
        const QString driver = postgres ? u"QPSQL"_s : u"QMYSQL"_s;
        if (!missing.isEmpty() || !QSqlDatabase::isDriverAvailable(driver)) {
            (postgres ? m_postgresMissing : m_mariadbMissing) = true;
            problem = missing.isEmpty() ? u"the Qt SQL driver %1 is not installed"_s.arg(driver)
                                        : u"not installed: %1"_s.arg(missing);
            qWarning().noquote() << DbServer::kindName(kind) << "cases skip:" << problem;
            continue;
        }
        auto server = std::make_unique<DbServer>(kind);
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!server->start(&error)) {
            problem = u"%1 did not start: %2"_s.arg(DbServer::kindName(kind), error);
            continue;
        }
        qInfo().noquote() << DbServer::kindName(kind) << "test server on port" << server->port()
                          << "ready after" << timer.elapsed() << "ms";
        (postgres ? m_postgres : m_mariadb) = std::move(server);
    }
}

void HistoryStoreTest::cleanupTestCase()
{
    m_postgres.reset();
    m_mariadb.reset();
}

void HistoryStoreTest::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
    QTest::newRow("mariadb") << u"mariadb"_s;
}

DbServer *HistoryStoreTest::server(const QString &backend)
{
    return backend == u"postgresql" ? m_postgres.get() : m_mariadb.get();
}

StorageConfig HistoryStoreTest::configFor(const QString &backend, QString *skip, QString *failure)
{
    StorageConfig config;
    const int n = ++m_databaseCounter;
    config.batchSize = 500;
    config.flushIntervalMs = 50;
    config.reconnectMaxMs = 500;
    if (backend == u"sqlite") {
        config.backend = StorageConfig::Backend::SQLite;
        config.file = m_dir.filePath(u"h%1/history.sqlite"_s.arg(n));
        return config;
    }
    const bool postgres = backend == u"postgresql";
    if (postgres ? m_postgresMissing : m_mariadbMissing) {
        *skip = postgres ? m_postgresProblem : m_mariadbProblem;
        return config;
    }
    DbServer *db = server(backend);
    if (!db) {
        *failure = postgres ? m_postgresProblem : m_mariadbProblem;
        return config;
    }
    if (!db->isRunning()) {
        *failure = u"the test server is not running (an earlier case failed to restart it)"_s;
        return config;
    }
    config.backend = postgres ? StorageConfig::Backend::PostgreSQL : StorageConfig::Backend::MySQL;
    config.host = db->host();
    config.port = db->port();
    config.user = db->user();
    config.password = db->password();
    // A database per case, created by the store itself on first use.
    config.database = u"dt_case%1"_s.arg(n);
    return config;
}

// ---------------------------------------------------------------------------------------------

void HistoryStoreTest::appendAndQuery()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    DT_OPEN(store, config);

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60'000;
    const QString odd = u"O'Brien \"quoted\" ; DROP TABLE dt_samples; -- Ä β 漢 😀"_s;
    // Appended in this order; equal timestamps keep append order (later = newer).
    const QList<HistoryRecord> input = {
        record(u"Valve1"_s, u"Position"_s, u"0"_s, t0),
        record(u"Valve1"_s, u"Torque"_s, u"12.5"_s, t0 + 10, Quality::Stale, u"Valve1Modbus"_s),
        record(u"Valve1"_s, u"Position"_s, u"10.5"_s, t0 + 20),
        record(u"Valve2"_s, u"Position"_s, u"99"_s, t0 + 20, Quality::Bad, u"Valve2Modbus"_s),
        record(u"Valve1"_s, u"TorqueProfileOpen/P5"_s, odd, t0 + 30, Quality::Good, u"api"_s),
        record(u"Valve1"_s, u"Position"_s, u"20"_s, t0 + 40),
        record(u"Valve1"_s, u"Position"_s, u"21"_s, t0 + 40), // same ts: newer by append order
        record(u"Valve1"_s, u"Position"_s, QString(), t0 + 50, Quality::Bad),
        record(u"valve1"_s, u"Position"_s, u"lower case path"_s, t0 + 60),
        record(u"Valve1 "_s, u"Position"_s, u"trailing space"_s, t0 + 60),
        record(
            u"Area/[Valve/3]"_s, u"Position"_s, u"bracketed"_s, t0 + 70, Quality::Good, QString()),
    };
    store->append(input.first());
    store->append(input.mid(1));
    QVERIFY2(store->flush(60'000), "flush timed out");
    const HistoryStore::Stats stats = store->stats();
    QCOMPARE(stats.appended, qint64(input.size()));
    QCOMPARE(stats.committed, qint64(input.size()));
    QCOMPARE(stats.buffered, 0);
    QVERIFY(store->isAvailable());

    // Expected answers computed from the input: newest first, ties by append order reversed.
    auto expect = [&](const QString &path, const QString &attribute, int n) {
        QList<HistoryRecord> matching;
        for (const HistoryRecord &r : input) {
            if (r.path == path && (attribute.isEmpty() || r.attribute == attribute))
                matching.prepend(r);
        }
        std::stable_sort(
            matching.begin(), matching.end(), [](const HistoryRecord &a, const HistoryRecord &b) {
                return a.timestampMs > b.timestampMs;
            });
        return matching.mid(0, n);
    };
    const struct
    {
        QString path;
        QString attribute;
        int n;
    } queries[] = {
        { u"Valve1"_s, u"Position"_s, 3 },
        { u"Valve1"_s, u"Position"_s, 100 },
        { u"Valve1"_s, QString(), 4 },
        { u"Valve1"_s, QString(), 100 },
        { u"Valve2"_s, QString(), 5 },
        { u"Valve1"_s, u"TorqueProfileOpen/P5"_s, 1 },
        { u"valve1"_s, QString(), 10 },
        { u"Valve1 "_s, u"Position"_s, 10 },
        { u"Area/[Valve/3]"_s, QString(), 2 },
        { u"Nope"_s, QString(), 5 },
        { u"Valve1"_s, u"Position"_s, 0 },
    };
    for (const auto &q : queries) {
        const auto result = store->lastRecords(q.path, q.attribute, q.n);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        const QStringList actual = describe(*result);
        const QStringList expected = describe(expect(q.path, q.attribute, q.n));
        if (actual != expected) {
            qWarning().noquote() << "query" << q.path << q.attribute << q.n
                                 << "\n actual:  " << actual.join(u" | "_s)
                                 << "\n expected:" << expected.join(u" | "_s);
        }
        QCOMPARE(actual, expected);
    }
    // Values come back byte for byte, including quotes and non-BMP characters.
    const auto odds = store->lastRecords(u"Valve1"_s, u"TorqueProfileOpen/P5"_s, 1);
    QVERIFY(odds.ok());
    QCOMPARE(odds->size(), 1);
    QCOMPARE(odds->first().value, odd);
    QVERIFY(store->integrityCheck());
}

void HistoryStoreTest::events()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    DT_OPEN(store, config);

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 10'000;
    QList<EventRecord> input;
    for (int i = 0; i < 6; ++i) {
        EventRecord e;
        e.timestampMs = t0 + (i / 2) * 100; // pairs share a timestamp
        e.path = u"Valve%1"_s.arg(i % 3 + 1);
        e.event = i % 2 ? u"TorqueHigh"_s : u"PositionChanged"_s;
        e.severity = i % 2 ? u"warning"_s : u"info"_s;
        e.state = i % 2 ? (i == 5 ? u"cleared"_s : u"raised"_s) : u"changed"_s;
        e.attribute = i % 2 ? u"Torque"_s : u"Position"_s;
        e.value = QString::number(i * 10);
        e.message = u"event %1 – ümlaut"_s.arg(i);
        input.append(e);
        store->appendEvent(e);
        // Events and records share the writer's transactions.
        store->append(record(e.path, e.attribute, e.value, e.timestampMs));
    }
    QVERIFY(store->flush(60'000));
    QCOMPARE(store->stats().committed, qint64(2 * input.size()));

    QList<EventRecord> newestFirst = input;
    std::reverse(newestFirst.begin(), newestFirst.end());
    const auto three = store->lastEvents(3);
    QVERIFY2(three.ok(), qPrintable(three.error()));
    QCOMPARE(three->size(), 3);
    QCOMPARE(*three, newestFirst.mid(0, 3));
    const auto all = store->lastEvents(100);
    QVERIFY(all.ok());
    QCOMPARE(*all, newestFirst);
    const auto none = store->lastEvents(0);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void HistoryStoreTest::retention()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    config.retentionDays = 5;
    DT_OPEN(store, config);
    StoreSignals signals_(store.get());
    auto &retained = signals_.retention;

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int oldSamples = 0;
    for (int i = 0; i < 40; ++i) {
        const bool old = i % 4 != 0;
        oldSamples += old ? 1 : 0;
        const qint64 ts = old ? now - 10 * Day - i * 1000 : now - 1 * Day + i;
        store->append(record(u"Valve%1"_s.arg(i % 3), u"Position"_s, QString::number(i), ts));
    }
    EventRecord oldEvent { now - 9 * Day, u"Valve1"_s, u"E"_s, u"info"_s, u"raised"_s, u"A"_s,
        u"1"_s, u"old"_s };
    EventRecord newEvent = oldEvent;
    newEvent.timestampMs = now - 4 * Day;
    newEvent.message = u"new"_s;
    store->appendEvent(oldEvent);
    store->appendEvent(newEvent);
    QVERIFY(store->flush(60'000));

    // Retention also ran once on connecting, before these records existed.
    QTRY_VERIFY_WITH_TIMEOUT(retained.count() >= 1, 30'000);
    retained.clear();
    store->applyRetention();
    QTRY_COMPARE_WITH_TIMEOUT(retained.count(), 1, 30'000);
    QCOMPARE(retained.first().first, qint64(oldSamples));
    QCOMPARE(retained.first().second, 1);

    int remaining = 0;
    for (int v = 0; v < 3; ++v) {
        const auto kept = store->lastRecords(u"Valve%1"_s.arg(v), QString(), 100);
        QVERIFY2(kept.ok(), qPrintable(kept.error()));
        for (const HistoryRecord &r : *kept)
            QVERIFY2(r.timestampMs > now - 5 * Day, qPrintable(describe(r)));
        remaining += int(kept->size());
    }
    QCOMPARE(remaining, 40 - oldSamples);
    const auto events = store->lastEvents(10);
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->first().message, u"new"_s);
}

void HistoryStoreTest::everySampleAcrossBatches()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    config.batchSize = 300; // many transactions, and a partial last one
    DT_OPEN(store, config);

    constexpr int Paths = 40;
    constexpr int PerPath = 250;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
    int seq = 0;
    for (int round = 0; round < PerPath; ++round) {
        QList<HistoryRecord> chunk;
        for (int p = 0; p < Paths; ++p, ++seq) {
            HistoryRecord r = record(u"Area/Valve%1"_s.arg(p), p % 2 ? u"Torque"_s : u"Position"_s,
                u"s%1"_s.arg(seq), t0 + round * 10 + p % 7, Quality(seq % 3),
                u"src%1"_s.arg(p % 4));
            if (round % 2)
                store->append(r); // one by one ...
            else
                chunk.append(r); // ... and as lists
        }
        store->append(chunk);
    }
    QVERIFY(store->flush(120'000));
    const HistoryStore::Stats stats = store->stats();
    QCOMPARE(stats.committed, qint64(Paths * PerPath));
    QCOMPARE(stats.rejected + stats.dropped, 0);

    QList<HistoryRecord> all;
    for (int p = 0; p < Paths; ++p) {
        const auto records = store->lastRecords(u"Area/Valve%1"_s.arg(p), QString(), 10'000);
        QVERIFY2(records.ok(), qPrintable(records.error()));
        QCOMPARE(records->size(), PerPath);
        for (qsizetype i = 1; i < records->size(); ++i)
            QVERIFY(records->at(i - 1).timestampMs >= records->at(i).timestampMs);
        for (const HistoryRecord &r : *records) {
            const int n = r.value.mid(1).toInt();
            QCOMPARE(r.quality, Quality(n % 3));
            QCOMPARE(r.source, u"src%1"_s.arg(p % 4));
        }
        all += *records;
    }
    const QString sequenceProblem = checkSequence(all, u"s"_s, Paths * PerPath);
    QVERIFY2(sequenceProblem.isEmpty(), qPrintable(sequenceProblem));
}

void HistoryStoreTest::reopenKeepsHistory()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 1000;
    {
        DT_OPEN(store, config);
        for (int i = 0; i < 10; ++i)
            store->append(record(u"P"_s, u"A"_s, QString::number(i), t0 + i));
        // No flush: closing the store commits what is waiting.
    }
    DT_OPEN(store, config);
    store->append(record(u"P"_s, u"A"_s, u"10"_s, t0 + 10));
    QVERIFY(store->flush(60'000));
    const auto records = store->lastRecords(u"P"_s, u"A"_s, 100);
    QVERIFY2(records.ok(), qPrintable(records.error()));
    QCOMPARE(records->size(), 11);
    QCOMPARE(records->first().value, u"10"_s);
    QCOMPARE(records->last().value, u"0"_s);
    QVERIFY(store->integrityCheck());
}

void HistoryStoreTest::serverOutage_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("postgresql") << u"postgresql"_s;
    QTest::newRow("mariadb") << u"mariadb"_s;
}

void HistoryStoreTest::serverOutage()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    config.batchSize = 200;
    DbServer *db = server(backend);
    // The requirement: the database stopped for 30 s, nothing lost. DT_HISTORY_OUTAGE_S
    // shortens it for quick local runs.
    const int outageMs = qEnvironmentVariableIntValue("DT_HISTORY_OUTAGE_S") > 0
        ? qEnvironmentVariableIntValue("DT_HISTORY_OUTAGE_S") * 1000
        : 30'000;

    DT_OPEN(store, config);
    StoreSignals signals_(store.get());
    auto &availability = signals_.availability;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 600'000;
    int seq = 0;
    auto appendSome = [&](int count) {
        QList<HistoryRecord> chunk;
        for (int i = 0; i < count; ++i, ++seq)
            chunk.append(
                record(u"Valve%1"_s.arg(seq % 5), u"Position"_s, u"v%1"_s.arg(seq), t0 + seq));
        store->append(chunk);
    };
    appendSome(1000);
    QVERIFY(store->flush(60'000));
    QCOMPARE(store->stats().committed, 1000);

    // Keep ingesting while the server is down, as a running twin would.
    QTimer ingest;
    ingest.setInterval(100);
    connect(&ingest, &QTimer::timeout, this, [&] { appendSome(50); });
    ingest.start();

    QString error;
    QVERIFY2(db->stop(&error), qPrintable(error));
    QElapsedTimer down;
    down.start();
    QTRY_VERIFY_WITH_TIMEOUT(!availability.isEmpty(), 30'000);
    QCOMPARE(availability.first().first, false);
    QVERIFY(!availability.first().second.isEmpty());
    QVERIFY(!store->isAvailable());
    // Reads fail cleanly while the server is down.
    QVERIFY(!store->lastRecords(u"Valve1"_s, QString(), 5).ok());
    QTest::qWait(int(std::max<qint64>(0, outageMs - down.elapsed())));
    const HistoryStore::Stats during = store->stats();
    QCOMPARE(during.committed, 1000);
    QVERIFY(during.buffered > 0);
    QVERIFY(during.failedCommits > 0);
    qInfo() << backend << "outage of" << down.elapsed() << "ms:" << during.buffered
            << "records buffered," << during.failedCommits << "failed commits";

    QVERIFY2(db->start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(store->isAvailable(), 60'000);
    QTest::qWait(300); // a few more appends after the restart
    ingest.stop();
    QVERIFY(store->flush(60'000));
    QTRY_VERIFY_WITH_TIMEOUT(availability.last().first, 10'000);

    const HistoryStore::Stats after = store->stats();
    QCOMPARE(after.committed, qint64(seq));
    QCOMPARE(after.buffered, 0);
    QCOMPARE(after.dropped + after.rejected, 0);
    QList<HistoryRecord> all;
    for (int v = 0; v < 5; ++v) {
        const auto records = store->lastRecords(u"Valve%1"_s.arg(v), u"Position"_s, 1'000'000);
        QVERIFY2(records.ok(), qPrintable(records.error()));
        all += *records;
        // Order kept: newest first means strictly decreasing sequence numbers.
        for (qsizetype i = 1; i < records->size(); ++i)
            QVERIFY(records->at(i - 1).value.mid(1).toInt() > records->at(i).value.mid(1).toInt());
    }
    const QString sequenceProblem = checkSequence(all, u"v"_s, seq);
    QVERIFY2(sequenceProblem.isEmpty(), qPrintable(sequenceProblem));
    QVERIFY(store->integrityCheck());
}

void HistoryStoreTest::lockedSqliteFile()
{
    DT_CONFIG(config, u"sqlite"_s);
    DT_OPEN(store, config);
    StoreSignals signals_(store.get());
    auto &availability = signals_.availability;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 1000;
    for (int i = 0; i < 100; ++i)
        store->append(record(u"P"_s, u"A"_s, u"v%1"_s.arg(i), t0 + i));
    QVERIFY(store->flush(30'000));

    // Another connection takes the write lock and keeps it.
    const QString lockName = u"locker"_s;
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(u"QSQLITE"_s, lockName);
        locker.setDatabaseName(config.file);
        QVERIFY(locker.open());
        QSqlQuery query(locker);
        QVERIFY2(query.exec(u"BEGIN EXCLUSIVE"_s), qPrintable(query.lastError().text()));
        QVERIFY2(query.exec(u"INSERT INTO dt_meta (name, value) VALUES ('lock', 'held')"_s),
            qPrintable(query.lastError().text()));
    }
    for (int i = 100; i < 600; ++i)
        store->append(record(u"P"_s, u"A"_s, u"v%1"_s.arg(i), t0 + i));
    QTRY_VERIFY_WITH_TIMEOUT(!availability.isEmpty(), 30'000);
    QCOMPARE(availability.first().first, false);
    QVERIFY(!store->flush(2000));
    QCOMPARE(store->stats().committed, 100);
    QCOMPARE(store->stats().buffered, 500);

    {
        QSqlDatabase locker = QSqlDatabase::database(lockName);
        QSqlQuery query(locker);
        QVERIFY(query.exec(u"ROLLBACK"_s));
        locker.close();
    }
    QSqlDatabase::removeDatabase(lockName);
    QVERIFY(store->flush(30'000));
    QTRY_VERIFY_WITH_TIMEOUT(availability.last().first, 10'000);
    QVERIFY(store->isAvailable());
    const auto records = store->lastRecords(u"P"_s, u"A"_s, 1000);
    QVERIFY2(records.ok(), qPrintable(records.error()));
    const QString sequenceProblem = checkSequence(*records, u"v"_s, 600);
    QVERIFY2(sequenceProblem.isEmpty(), qPrintable(sequenceProblem));
    QCOMPARE(records->first().value, u"v599"_s);
    QVERIFY(store->integrityCheck());
}

void HistoryStoreTest::unreachableServer_data()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("postgresql") << int(StorageConfig::Backend::PostgreSQL);
    QTest::newRow("mysql") << int(StorageConfig::Backend::MySQL);
}

void HistoryStoreTest::unreachableServer()
{
    QFETCH(int, backend);
    StorageConfig config;
    config.backend = StorageConfig::Backend(backend);
    config.host = u"127.0.0.1"_s;
    // A port nobody listens on: our own stopped-server port is not known here, so use 1 (tcpmux,
    // never served on these machines); connecting fails at once with "connection refused".
    config.port = 1;
    config.database = u"dt"_s;
    config.user = u"dt"_s;
    auto opened = HistoryStore::open(config);
    if (!opened.ok() && opened.error().contains(u"driver"))
        QSKIP(qPrintable(opened.error()));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    std::unique_ptr<HistoryStore> store = opened.takeValue();
    StoreSignals signals_(store.get());
    auto &availability = signals_.availability;
    for (int i = 0; i < 10; ++i)
        store->append(record(u"P"_s, u"A"_s, QString::number(i), i));
    QTRY_VERIFY_WITH_TIMEOUT(!availability.isEmpty(), 30'000);
    QCOMPARE(availability.first().first, false);
    QCOMPARE(store->stats().buffered, 10);
    QVERIFY(!store->flush(200));
    const auto records = store->lastRecords(u"P"_s, u"A"_s, 5);
    QVERIFY(!records.ok());
    QVERIFY(!records.error().isEmpty());
    QVERIFY(!store->integrityCheck());
    QElapsedTimer closing;
    closing.start();
    store.reset(); // must not hang on the unreachable server
    qInfo() << "closed an unreachable store in" << closing.elapsed() << "ms";
}

void HistoryStoreTest::throughput()
{
    QFETCH(QString, backend);
    DT_CONFIG(config, backend);
    config.batchSize = StorageConfig().batchSize; // the default
    // Small by default (a unit test, on a shared machine); DT_HISTORY_BENCH_ROWS for real figures.
    const int benchRows = qEnvironmentVariableIntValue("DT_HISTORY_BENCH_ROWS");
    const int rows = benchRows > 0 ? benchRows : backend == u"sqlite" ? 50'000 : 10'000;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
    QList<HistoryRecord> input;
    input.reserve(rows);
    for (int i = 0; i < rows; ++i)
        input.append(record(u"Valve%1"_s.arg(i % 1000), u"Position"_s, QString::number(i * 0.1),
            t0 + i / 10, Quality::Good, u"Valve%1Modbus"_s.arg(i % 1000)));
    double storeRate = 0;
    {
        DT_OPEN(store, config);
        // Steady state, as in a running twin: connected, schema and the 1000 path ids in
        // place before timing.
        for (int i = 0; i < 1000; ++i)
            store->append(input[i]);
        QVERIFY(store->flush(60'000));
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = 0; i < input.size(); i += 100)
            store->append(input.mid(i, 100));
        QVERIFY(store->flush(300'000));
        storeRate = rows * 1000.0 / std::max<qint64>(1, timer.elapsed());
        QCOMPARE(store->stats().committed, qint64(rows + 1000));
        const auto last = store->lastRecords(u"Valve999"_s, u"Position"_s, 1);
        QVERIFY(last.ok());
        QCOMPARE(last->size(), 1);
    }

    // The baseline: a raw prepared single-row INSERT with execBatch, 10k rows per transaction,
    // into the same table layout, on a fresh connection.
    double rawRate = 0;
    {
        const QString name = u"raw"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(backend == u"sqlite" ? u"QSQLITE"_s
                    : backend == u"postgresql"                               ? u"QPSQL"_s
                                                                             : u"QMYSQL"_s,
                name);
            if (backend == u"sqlite") {
                db.setDatabaseName(config.file);
            } else {
                db.setHostName(config.host);
                db.setPort(config.port);
                db.setDatabaseName(config.database);
                db.setUserName(config.user);
                db.setPassword(config.password);
            }
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            if (backend == u"sqlite")
                QVERIFY(query.exec(u"PRAGMA synchronous=NORMAL"_s));
            QVERIFY(query.exec(u"CREATE TABLE raw_samples (path_id BIGINT NOT NULL, ts BIGINT "
                               u"NOT NULL, value TEXT, quality SMALLINT NOT NULL, source_id "
                               u"BIGINT NOT NULL)"_s));
            QVERIFY(query.exec(u"CREATE INDEX raw_samples_path_ts ON raw_samples (path_id, ts)"_s));
            QVERIFY(query.prepare(u"INSERT INTO raw_samples VALUES (?, ?, ?, ?, ?)"_s));
            QElapsedTimer timer;
            timer.start();
            for (int first = 0; first < rows; first += 10'000) {
                QVariantList path, ts, value, quality, source;
                for (int i = first; i < std::min(rows, first + 10'000); ++i) {
                    path << qint64(i % 1000);
                    ts << input[i].timestampMs;
                    value << input[i].value;
                    quality << 0;
                    source << qint64(i % 1000);
                }
                QVERIFY(db.transaction());
                int column = 0;
                for (const QVariantList *list : { &path, &ts, &value, &quality, &source })
                    query.bindValue(column++, *list);
                QVERIFY2(query.execBatch(), qPrintable(query.lastError().text()));
                QVERIFY(db.commit());
            }
            rawRate = rows * 1000.0 / std::max<qint64>(1, timer.elapsed());
        }
        QSqlDatabase::removeDatabase(name);
    }
    qInfo().noquote() << u"%1: HistoryStore %2 rows/s, raw execBatch %3 rows/s, ratio %4"_s
                             .arg(backend)
                             .arg(qRound64(storeRate))
                             .arg(qRound64(rawRate))
                             .arg(storeRate / rawRate, 0, 'f', 2);
}

QTEST_GUILESS_MAIN(HistoryStoreTest)
#include "tst_historystore.moc"
