// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 a process writing history into SQLite, ten times at random moments: every sample it
// reported committed must be in the file, and the file must pass PRAGMA integrity_check.
#include "storage/historystore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class HistoryCrashTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringIngestion();
};

namespace {

/// The highest "committed N" among the complete lines of `output`, or -1.
qint64 highestCommitted(const QByteArray &output)
{
    qint64 highest = -1;
    const QList<QByteArray> lines = output.split('\n');
    // The last element is an unterminated line (or empty): it may have been cut by the kill.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].startsWith("committed "))
            highest = std::max(highest, lines[i].mid(10).toLongLong());
    }
    return highest;
}

} // namespace

void HistoryCrashTest::killDuringIngestion()
{
    const QString child = QStringLiteral(DT_HISTORY_CHILD);
    QVERIFY2(QFile::exists(child), qPrintable(child));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"crash.sqlite"_s);
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo() << "random seed" << seed;
    QRandomGenerator random(seed);

    constexpr int Runs = 10;
    constexpr qint64 RunStride = 100'000'000;
    QList<qint64> committedPerRun;
    for (int run = 0; run < Runs; ++run) {
        const qint64 first = run * RunStride;
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(child, { file, QString::number(first), u"Run%1"_s.arg(run) });
        QVERIFY2(process.waitForStarted(30'000), qPrintable(process.errorString()));
        QByteArray output;
        // Odd runs die at any moment (even before the first commit, maybe while the schema is
        // created); even runs die in the middle of steady ingestion.
        if (run % 2 == 0) {
            QTRY_VERIFY_WITH_TIMEOUT(
                (output += process.readAllStandardOutput()).contains("committed"), 30'000);
        }
        const int delayMs = int(random.bounded(run % 2 ? 400 : 1500));
        QTest::qWait(delayMs);
        QCOMPARE(process.state(), QProcess::Running);
        process.kill(); // SIGKILL
        QVERIFY(process.waitForFinished(30'000));
        output += process.readAllStandardOutput();
        const qint64 highest = highestCommitted(output);
        committedPerRun.append(highest < 0 ? 0 : highest - first + 1);
        qInfo() << "run" << run << "killed after" << delayMs
                << "ms; reported committed:" << committedPerRun.last() << "samples";
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(!errors.contains("usage"), errors.constData());

        // The file as another program would see it right after the crash.
        const QString name = u"check%1"_s.arg(run);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(file);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY2(query.exec(u"PRAGMA integrity_check"_s), qPrintable(query.lastError().text()));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), u"ok"_s);
            if (committedPerRun.last() > 0) {
                // Every reported number present, exactly once.
                QVERIFY(query.prepare(u"SELECT COUNT(*), COUNT(DISTINCT s.ts), MIN(s.ts), "
                                      u"MAX(s.ts) FROM dt_samples s "
                                      u"JOIN dt_paths p ON p.id = s.path_id "
                                      u"WHERE p.path LIKE ? AND s.ts BETWEEN ? AND ?"_s));
                query.addBindValue(u"Run%1/%"_s.arg(run));
                query.addBindValue(first);
                query.addBindValue(highest);
                QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
                QCOMPARE(query.value(0).toLongLong(), committedPerRun.last());
                QCOMPARE(query.value(1).toLongLong(), committedPerRun.last());
                QCOMPARE(query.value(2).toLongLong(), first);
                QCOMPARE(query.value(3).toLongLong(), highest);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    qint64 total = 0;
    for (qint64 n : std::as_const(committedPerRun))
        total += n;
    QVERIFY2(total > 0, "no run reported a commit: the test proved nothing");

    // The store itself opens the crashed file, checks it and keeps writing.
    dt::runtime::StorageConfig config;
    config.backend = dt::runtime::StorageConfig::Backend::SQLite;
    config.file = file;
    auto store = dt::runtime::HistoryStore::open(config);
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QVERIFY((*store)->integrityCheck());
    (*store)->append(dt::runtime::HistoryRecord {
        u"After"_s, u"Seq"_s, u"1"_s, 1, dt::runtime::Quality::Good, u"test"_s });
    QVERIFY((*store)->flush(30'000));
    const auto last = (*store)->lastRecords(u"After"_s, u"Seq"_s, 1);
    QVERIFY2(last.ok(), qPrintable(last.error()));
    QCOMPARE(last->size(), 1);
}

QTEST_GUILESS_MAIN(HistoryCrashTest)
#include "tst_historycrash.moc"
