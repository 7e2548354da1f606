// SPDX-License-Identifier: GPL-3.0-or-later
// StorageConfig from SQLiteStorage / PostgreSQLStorage / MySQLStorage elements, and the
// configuration errors HistoryStore::open reports.
#include "storage/historystore.h"
#include "storage/storageconfig.h"
#include "testsupport.h"

#include "model/caexfile.h"
#include "model/caexreader.h"
#include "model/systemunit.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using dt::runtime::HistoryStore;
using dt::runtime::StorageConfig;

class HistoryConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configFromElement_data();
    void configFromElement();
    void configFromExample();
    void openRejectsBadConfig();
};

void HistoryConfigTest::configFromElement_data()
{
    QTest::addColumn<QString>("className");
    QTest::addColumn<QStringList>("attributes"); // "Name=Value"
    QTest::addColumn<QString>("expected"); // summary, or "error:<substring>"

    const QString lib = u"DTComponents@DigitalTwinComponentLib/"_s;
    // Summaries end with the writer's batch size and flush interval.
    QTest::newRow("sqlite relative")
        << lib + u"SQLiteStorage"_s << QStringList { u"File=sub/h.sqlite"_s, u"RetentionDays=30"_s }
        << u"SQLite DATA/sub/h.sqlite 30 20000/1000"_s;
    QTest::newRow("sqlite absolute")
        << lib + u"SQLiteStorage"_s << QStringList { u"File=/var/x.sqlite"_s }
        << u"SQLite /var/x.sqlite 365 20000/1000"_s;
    QTest::newRow("sqlite defaults") << lib + u"SQLiteStorage"_s << QStringList {}
                                     << u"SQLite DATA/history.sqlite 365 20000/1000"_s;
    QTest::newRow("sqlite batching")
        << lib + u"SQLiteStorage"_s
        << QStringList { u"BatchSize=250"_s, u"FlushIntervalMs= 500 "_s }
        << u"SQLite DATA/history.sqlite 365 250/500"_s;
    QTest::newRow("postgres") << lib + u"PostgreSQLStorage"_s
                              << QStringList { u"Host=db.example"_s, u"Port=6543"_s,
                                     u"Database=plant"_s, u"User=u1"_s,
                                     u"PasswordEnv=DT_TEST_STORAGE_PW"_s, u"RetentionDays=0"_s,
                                     u"BatchSize=10000"_s, u"FlushIntervalMs=20"_s }
                              << u"PostgreSQL db.example 6543 plant u1 secret 0 10000/20"_s;
    QTest::newRow("mysql defaults")
        << lib + u"MySQLStorage"_s << QStringList { u"PasswordEnv=DT_TEST_STORAGE_UNSET"_s }
        << u"MySQL localhost 3306 dt dt  365 20000/1000"_s;
    QTest::newRow("bad retention")
        << lib + u"SQLiteStorage"_s << QStringList { u"RetentionDays=-3"_s }
        << u"error:RetentionDays"_s;
    QTest::newRow("batching limits")
        << lib + u"SQLiteStorage"_s
        << QStringList { u"BatchSize=1000000"_s, u"FlushIntervalMs=3600000"_s }
        << u"SQLite DATA/history.sqlite 365 1000000/3600000"_s;
    QTest::newRow("batching minimum") << lib + u"MySQLStorage"_s
                                      << QStringList { u"PasswordEnv=DT_TEST_STORAGE_UNSET"_s,
                                             u"BatchSize=1"_s, u"FlushIntervalMs=1"_s }
                                      << u"MySQL localhost 3306 dt dt  365 1/1"_s;
    QTest::newRow("zero batch") << lib + u"SQLiteStorage"_s << QStringList { u"BatchSize=0"_s }
                                << u"error:'BatchSize' must be a whole number from 1 to 1000000, "
                                   "not '0'"_s;
    QTest::newRow("batch too big")
        << lib + u"SQLiteStorage"_s << QStringList { u"BatchSize=1000001"_s }
        << u"error:BatchSize"_s;
    QTest::newRow("zero flush interval")
        << lib + u"PostgreSQLStorage"_s << QStringList { u"FlushIntervalMs=0"_s }
        << u"error:FlushIntervalMs"_s;
    QTest::newRow("flush interval too long")
        << lib + u"SQLiteStorage"_s << QStringList { u"FlushIntervalMs=3600001"_s }
        << u"error:FlushIntervalMs"_s;
    QTest::newRow("bad flush interval")
        << lib + u"MySQLStorage"_s << QStringList { u"FlushIntervalMs=soon"_s }
        << u"error:FlushIntervalMs"_s;
    QTest::newRow("bad port") << lib + u"MySQLStorage"_s << QStringList { u"Port=99999"_s }
                              << u"error:Port"_s;
    QTest::newRow("unknown class")
        << lib + u"ModbusTCPClient"_s << QStringList {} << u"error:ModbusTCPClient"_s;
}

void HistoryConfigTest::configFromElement()
{
    QFETCH(QString, className);
    QFETCH(QStringList, attributes);
    QFETCH(QString, expected);
    qputenv("DT_TEST_STORAGE_PW", "secret");
    qunsetenv("DT_TEST_STORAGE_UNSET");

    dt::model::InternalElement element;
    element.name = u"History"_s;
    element.refBaseSystemUnitPath = className;
    for (const QString &pair : std::as_const(attributes)) {
        auto attribute = std::make_unique<dt::model::Attribute>();
        attribute->name = pair.section(u'=', 0, 0);
        attribute->value = pair.section(u'=', 1);
        element.attributes.append(std::move(attribute));
    }
    const QString dataDir = u"/srv/dt-data"_s;
    const dt::Result<StorageConfig> config
        = dt::runtime::storageConfigFromElement(element, dataDir);
    if (expected.startsWith(u"error:")) {
        QVERIFY(!config.ok());
        QVERIFY2(config.error().contains(expected.mid(6)), qPrintable(config.error()));
        QVERIFY2(config.error().contains(u"History"_s), qPrintable(config.error()));
        return;
    }
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QString summary;
    if (config->backend == StorageConfig::Backend::SQLite) {
        summary = u"SQLite %1 %2"_s.arg(QString(config->file).replace(dataDir, u"DATA"_s))
                      .arg(config->retentionDays);
    } else {
        summary
            = u"%1 %2 %3 %4 %5 %6 %7"_s.arg(dt::runtime::backendName(config->backend), config->host)
                  .arg(config->port)
                  .arg(config->database, config->user, config->password)
                  .arg(config->retentionDays);
    }
    summary += u" %1/%2"_s.arg(config->batchSize).arg(config->flushIntervalMs);
    QCOMPARE(summary, expected);
}

void HistoryConfigTest::configFromExample()
{
    const QString file = dt::test::exampleFile(u"refinery-centralized.aml"_s);
    if (!QFile::exists(file))
        QSKIP("resources/examples/refinery-centralized.aml is absent");
    dt::model::CaexReader reader;
    const dt::Result<dt::model::CaexFile> caex = reader.readFile(file);
    QVERIFY2(caex.ok(), qPrintable(caex.error()));
    std::function<const dt::model::InternalElement *(
        const dt::model::NodeList<dt::model::InternalElement> &)>
        findStorage = [&](const dt::model::NodeList<dt::model::InternalElement> &list)
        -> const dt::model::InternalElement * {
        for (const auto &element : list) {
            if (element.refBaseSystemUnitPath.endsWith(u"Storage"))
                return &element;
            if (const dt::model::InternalElement *found = findStorage(element.internalElements))
                return found;
        }
        return nullptr;
    };
    const dt::model::InternalElement *storage = nullptr;
    for (const auto &hierarchy : caex->instanceHierarchies) {
        if (!storage)
            storage = findStorage(hierarchy.internalElements);
    }
    QVERIFY(storage);
    const auto config = dt::runtime::storageConfigFromElement(*storage, u"/data"_s);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->backend, StorageConfig::Backend::SQLite);
    QVERIFY2(config->file.startsWith(u"/data/"), qPrintable(config->file));
    QVERIFY(config->retentionDays > 0);
    // The example shows the writer's settings (at the library's defaults) for users to tune.
    QVERIFY(dt::model::findAttribute(storage->attributes, u"BatchSize"));
    QVERIFY(dt::model::findAttribute(storage->attributes, u"FlushIntervalMs"));
    QCOMPARE(config->batchSize, 20000);
    QCOMPARE(config->flushIntervalMs, 1000);
}

void HistoryConfigTest::openRejectsBadConfig()
{
    StorageConfig noFile;
    noFile.backend = StorageConfig::Backend::SQLite;
    QVERIFY(!HistoryStore::open(noFile).ok());
    StorageConfig noHost;
    noHost.backend = StorageConfig::Backend::PostgreSQL;
    noHost.port = 5432;
    noHost.database = u"dt"_s;
    QVERIFY(!HistoryStore::open(noHost).ok());
}

QTEST_GUILESS_MAIN(HistoryConfigTest)
#include "tst_historyconfig.moc"
