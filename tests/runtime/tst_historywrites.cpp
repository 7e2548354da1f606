// SPDX-License-Identifier: GPL-3.0-or-later
// What HistoryStore's writer costs the disk: bytes written per record on SQLite, and how records
// are grouped into transactions while they trickle in.
#include "storage/historystore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using dt::runtime::HistoryRecord;
using dt::runtime::HistoryStore;
using dt::runtime::Quality;
using dt::runtime::StorageConfig;

namespace {

/// Bytes this process has passed to write-type system calls so far (/proc/self/io "wchar"), or
/// -1 when the kernel does not keep that count.
qint64 bytesWritten()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

HistoryRecord record(int path, qint64 index)
{
    return HistoryRecord { u"Plant/Valve%1"_s.arg(path), u"Position"_s,
        QString::number(double(index % 1001) / 10.0), 1'700'000'000'000LL + index, Quality::Good,
        u"Valve%1Modbus"_s.arg(path) };
}

/// The number of transactions the store's writer committed, from its dt_meta row (each
/// transaction writes its commit number there).
qint64 transactions(const QString &file)
{
    const QString name = u"tst_historywrites.meta"_s;
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT value FROM dt_meta WHERE name LIKE 'writer:%'"_s)
                && query.next())
                count = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

class TestHistoryWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    // 40 paths, as 10 valves with 4 attributes: every multi-row INSERT touches one index page
    // per path. Were SQLite to keep a statement journal for those statements (its default for
    // a multi-row INSERT), it would copy each touched page to a temporary file: measured
    // about 3 KB per record (2.8–3.2 KB), where the WAL itself needs about 0.12 KB.
    void sqliteWritesLittleMoreThanItsWal()
    {
        if (bytesWritten() < 0)
            QSKIP("/proc/self/io is not available: the kernel keeps no I/O counts here");
        StorageConfig config;
        config.file = m_dir.filePath(u"bytes.sqlite"_s);
        auto opened = HistoryStore::open(config);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        std::unique_ptr<HistoryStore> store = opened.takeValue();
        QVERIFY(store->flush(30'000)); // the database exists before counting

        constexpr int Paths = 40;
        constexpr qint64 Records = 40'000;
        const qint64 before = bytesWritten();
        for (qint64 i = 0; i < Records; i += 2)
            store->append(QList<HistoryRecord> {
                record(int(i % Paths), i), record(int((i + 1) % Paths), i + 1) });
        QVERIFY(store->flush(60'000));
        const qint64 perRecord = (bytesWritten() - before) / Records;
        QCOMPARE(store->stats().committed, Records);
        qInfo("%lld bytes written per record", perRecord);
        QVERIFY2(perRecord < 1024, qPrintable(u"%1 bytes per record"_s.arg(perRecord)));
    }

    // While records trickle in, the writer commits only when a full batch waits (taking all
    // that wait then); a rest smaller than a batch waits for the flush interval (here: longer
    // than the test) or flush(). So every transaction holds at least a batch. Committing each
    // trickle as it comes would rewrite the same pages for a few records at a time.
    void trickleIsCommittedInFullBatches()
    {
        const StorageConfig config = batchedConfig(u"batches.sqlite"_s);
        std::unique_ptr<HistoryStore> store = openWithOneRecord(config);
        QVERIFY(store);
        const qint64 before = transactions(config.file);
        QCOMPARE(before, qint64(1));

        constexpr qint64 Records = 3'050;
        for (qint64 i = 0; i < Records; ++i) {
            store->append(record(int(i % 7), i));
            if (i % 50 == 0)
                QThread::usleep(200); // a trickle, not one burst
        }
        // Everything but a rest below one batch gets committed without a flush.
        QTRY_VERIFY_WITH_TIMEOUT(Records + 1 - store->stats().committed < config.batchSize, 30'000);
        QTest::qWait(200); // nothing more follows without a flush
        const qint64 committed = store->stats().committed - 1;
        const qint64 commits = transactions(config.file) - before;
        QVERIFY(commits > 0);
        QVERIFY2(commits * config.batchSize <= committed,
            qPrintable(u"%1 transactions for %2 records"_s.arg(commits).arg(committed)));

        QVERIFY(store->flush(30'000)); // the rest now
        QCOMPARE(store->stats().committed, Records + 1);
    }

    void aServedFlushForcesNothing()
    {
        const StorageConfig config = batchedConfig(u"served.sqlite"_s);
        std::unique_ptr<HistoryStore> store = openWithOneRecord(config);
        QVERIFY(store);
        // A drain of everything (the writer's first one, a flush's) takes what was appended
        // before it began; the trickle below, arriving while it may still run, and a second
        // flush() of what is already written must not get the trickle committed as a small
        // batch. Both happened: 51 records in the second transaction.
        QVERIFY(store->flush(0));
        for (qint64 i = 0; i < 50; ++i)
            store->append(record(int(i % 7), i));
        QTest::qWait(300);
        QCOMPARE(store->stats().committed, qint64(1));
        QCOMPARE(transactions(config.file), qint64(1));

        QVERIFY(store->flush(30'000)); // a flush of the trickle writes it
        QCOMPARE(store->stats().committed, qint64(51));
    }

private:
    /// Batches of 100, and a flush interval longer than any test.
    StorageConfig batchedConfig(const QString &name) const
    {
        StorageConfig config;
        config.file = m_dir.filePath(name);
        config.batchSize = 100;
        config.flushIntervalMs = 600'000;
        return config;
    }

    /// The store with one record committed (one transaction, so the writer's dt_meta row
    /// exists); null when it does not open or flush.
    static std::unique_ptr<HistoryStore> openWithOneRecord(const StorageConfig &config)
    {
        auto opened = HistoryStore::open(config);
        if (!opened) {
            qWarning("%s", qPrintable(opened.error()));
            return {};
        }
        std::unique_ptr<HistoryStore> store = opened.takeValue();
        store->append(record(0, -1));
        if (!store->flush(30'000))
            return {};
        return store;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHistoryWrites)
#include "tst_historywrites.moc"
