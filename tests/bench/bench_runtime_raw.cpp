// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_runtime_raw.h"

#include "bench_runtime_model.h"

#include "eventloop/epolleventdispatcher.h"
#include "storage/historyrecord.h"
#include "storage/historystore.h"
#include "storage/storageconfig.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QModbusTcpClient>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace dt::bench {

namespace {

constexpr int ConnectTimeoutMs = 60000;

/// One device of the raw loop: a client, a poll timer, and "block still outstanding" flags.
struct RawDevice
{
    QModbusTcpClient *client = nullptr;
    QTimer *timer = nullptr;
    bool busy[2] = { false, false };
};

class RawLoop : public QObject
{
public:
    RawLoop(const RawLoopOptions &options, LatencyFigures *latency)
        : m_options(options)
    {
        m_devices.resize(size_t(options.devices));
        if (latency && options.probeDevices > 0 && options.intervalMs > 0) {
            m_prober = std::make_unique<LatencyProber>(
                ProbeOptions { options.host, options.basePort, options.devices, options.intervalMs,
                    options.probeDevices },
                latency);
        }
    }

    ~RawLoop() override
    {
        m_running = false;
        for (RawDevice &device : m_devices) {
            if (device.client) {
                device.client->disconnect(this);
                device.client->disconnectDevice();
            }
        }
    }

    PollFigures run()
    {
        PollFigures figures;
        figures.devices = m_options.devices;
        m_running = true;
        for (int i = 0; i < m_options.devices; ++i)
            connectDevice(i);

        // Every connection up (or the time limit), then one second to settle, then the window.
        QElapsedTimer wait;
        wait.start();
        while ((m_connected < m_options.devices || (m_prober && !m_prober->allConnected()))
            && wait.elapsed() < ConnectTimeoutMs)
            spinEventLoop(50);
        spinEventLoop(1000);

        figures.connected = m_connected;
        m_replies = m_errors = m_skipped = 0;
        m_roundTripUs = 0;
        const CpuMeter meter(m_options.simulatorPid);
        if (m_prober)
            m_prober->start();
        spinEventLoop(int(m_options.seconds * 1000));
        if (m_prober)
            m_prober->stop();
        figures.cpu = meter.finish();
        figures.replies = m_replies;
        figures.errors = m_errors;
        figures.skipped = m_skipped;
        figures.meanRoundTripUs = m_replies ? double(m_roundTripUs) / double(m_replies) : -1;
        figures.ran = true;
        if (figures.connected < m_options.devices)
            figures.error = u"only %1 of %2 devices connected"_s.arg(figures.connected)
                                .arg(m_options.devices);
        m_running = false;
        return figures;
    }

private:
    void connectDevice(int index)
    {
        RawDevice &device = m_devices[size_t(index)];
        device.client = new QModbusTcpClient(this);
        device.client->setConnectionParameter(
            QModbusDevice::NetworkAddressParameter, m_options.host);
        device.client->setConnectionParameter(
            QModbusDevice::NetworkPortParameter, m_options.basePort + index);
        device.client->setTimeout(1000);
        device.client->setNumberOfRetries(3);
        connect(device.client, &QModbusDevice::stateChanged, this,
            [this, index](QModbusDevice::State state) {
                if (state == QModbusDevice::ConnectedState)
                    onConnected(index);
            });
        device.client->connectDevice();
    }

    void onConnected(int index)
    {
        ++m_connected;
        if (m_options.intervalMs <= 0) {
            poll(index);
            return;
        }
        // Each device polls at its own phase of the period, as the runtime's PollScheduler
        // does: the fleet's requests are spread over the period instead of coming in bursts.
        const qint64 period = m_options.intervalMs;
        const qint64 phase = qint64(index) * period / m_options.devices;
        const qint64 delay = (phase - m_clock.elapsed() % period + period) % period;
        RawDevice &device = m_devices[size_t(index)];
        device.timer = new QTimer(this);
        device.timer->setTimerType(Qt::PreciseTimer);
        device.timer->setInterval(m_options.intervalMs);
        connect(device.timer, &QTimer::timeout, this, [this, index] { poll(index); });
        QTimer::singleShot(delay, Qt::PreciseTimer, device.timer, [this, index] {
            m_devices[size_t(index)].timer->start();
            poll(index);
        });
    }

    void poll(int index)
    {
        for (int block = 0; block < BenchMap::ReadsPerCycle; ++block) {
            if (m_devices[size_t(index)].busy[block])
                ++m_skipped;
            else
                send(index, block);
        }
    }

    void send(int index, int block)
    {
        if (!m_running)
            return;
        RawDevice &device = m_devices[size_t(index)];
        const QModbusDataUnit unit = block == 0 ? QModbusDataUnit(QModbusDataUnit::InputRegisters,
                                         BenchMap::InputStart, BenchMap::InputCount)
                                                : QModbusDataUnit(QModbusDataUnit::HoldingRegisters,
                                                    BenchMap::HoldingStart, BenchMap::HoldingCount);
        QModbusReply *reply = device.client->sendReadRequest(unit, 1);
        if (!reply) {
            ++m_errors;
            return;
        }
        device.busy[block] = true;
        const qint64 sent = m_clock.nsecsElapsed();
        connect(reply, &QModbusReply::finished, this, [this, reply, index, block, sent] {
            reply->deleteLater();
            m_devices[size_t(index)].busy[block] = false;
            if (reply->error() == QModbusDevice::NoError) {
                ++m_replies;
                m_roundTripUs += (m_clock.nsecsElapsed() - sent) / 1000;
                const QModbusDataUnit result = reply->result();
                quint32 sum = 0;
                for (qsizetype i = 0; i < result.valueCount(); ++i)
                    sum += result.value(i);
                m_checksum += sum;
                constexpr int SetPointIndex = BenchMap::SetPointRegister - BenchMap::HoldingStart;
                if (m_prober && block == 1 && result.valueCount() > SetPointIndex)
                    m_prober->observed(index + 1, result.value(SetPointIndex) * 0.1);
            } else {
                ++m_errors;
            }
            // Unthrottled: read this block again at once.
            if (m_options.intervalMs <= 0 && m_running)
                send(index, block);
        });
    }

    RawLoopOptions m_options;
    std::vector<RawDevice> m_devices;
    QElapsedTimer m_clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    std::unique_ptr<LatencyProber> m_prober;
    bool m_running = false;
    int m_connected = 0;
    quint64 m_replies = 0;
    quint64 m_errors = 0;
    quint64 m_skipped = 0;
    qint64 m_roundTripUs = 0;
    quint64 m_checksum = 0;
};

// ---- history insert comparison -----------------------------------------------------------

const char *const Attributes[] = { "Torque", "Position", "State", "SetPoint" };

QList<runtime::HistoryRecord> makeRecords(int devices, qint64 rows)
{
    QList<runtime::HistoryRecord> records;
    records.reserve(rows);
    const qint64 start = 1'700'000'000'000LL;
    for (qint64 r = 0; r < rows; ++r) {
        const int device = int(r / 4 % devices) + 1;
        runtime::HistoryRecord record;
        record.path = valveName(device);
        record.attribute = QString::fromLatin1(Attributes[r % 4]);
        record.value = QString::number(double(r % 1001) / 10.0);
        record.timestampMs = start + r / (4LL * devices) * 100;
        record.quality = runtime::Quality::Good;
        record.source = valveName(device) + u"Modbus"_s;
        records.append(record);
    }
    return records;
}

// The history schema as runtime/storage creates it on SQLite (same tables, columns, index).
const char *const SchemaSql[] = {
    "CREATE TABLE dt_meta (name VARCHAR(64) NOT NULL PRIMARY KEY, value VARCHAR(255) NOT NULL)",
    "CREATE TABLE dt_paths (id INTEGER PRIMARY KEY, path VARCHAR(512) NOT NULL, "
    "attribute VARCHAR(255) NOT NULL, UNIQUE (path, attribute))",
    "CREATE TABLE dt_sources (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL, UNIQUE (name))",
    "CREATE TABLE dt_samples (id INTEGER PRIMARY KEY, path_id BIGINT NOT NULL, ts BIGINT NOT NULL, "
    "value TEXT, quality SMALLINT NOT NULL, source_id BIGINT NOT NULL)",
    "CREATE TABLE dt_events (id INTEGER PRIMARY KEY, ts BIGINT NOT NULL, path VARCHAR(512) NOT "
    "NULL, "
    "event VARCHAR(255) NOT NULL, severity VARCHAR(64) NOT NULL, state VARCHAR(16) NOT NULL, "
    "attribute VARCHAR(255) NOT NULL, value TEXT, message TEXT)",
    "CREATE INDEX dt_samples_path_ts ON dt_samples (path_id, ts)",
    "CREATE INDEX dt_events_ts ON dt_events (ts)",
};

constexpr int RawRowsPerTransaction = 10000;

class Connection
{
public:
    explicit Connection(const QString &file)
        : m_name(u"bench.raw.%1"_s.arg(++s_serial))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(file);
        m_ok = db.open();
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    bool ok() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    static inline int s_serial = 0;
    QString m_name;
    bool m_ok = false;
};

// Returns seconds, or a negative value with *error set.
double rawInsert(const QString &file, const QList<runtime::HistoryRecord> &records, QString *error)
{
    QFile::remove(file);
    Connection connection(file);
    if (!connection.ok()) {
        *error = u"cannot open %1"_s.arg(file);
        return -1;
    }
    QSqlDatabase db = connection.db();
    {
        QSqlQuery query(db);
        bool ok = query.exec(u"PRAGMA journal_mode=WAL"_s);
        query.finish();
        ok = ok && query.exec(u"PRAGMA synchronous=NORMAL"_s);
        ok = ok && query.exec(u"PRAGMA cache_size=-32768"_s); // as HistoryStore
        for (const char *sql : SchemaSql)
            ok = ok && query.exec(QString::fromLatin1(sql));
        if (!ok) {
            *error = u"raw schema: "_s + query.lastError().text();
            return -1;
        }
    }
    const double start = monotonicSeconds();
    // Path and source ids first (what the store does the first time it sees a name).
    QHash<QString, qint64> pathIds;
    QHash<QString, qint64> sourceIds;
    {
        QVariantList paths;
        QVariantList attributes;
        QVariantList sources;
        for (const runtime::HistoryRecord &r : records) {
            const QString key = r.path + QChar(0x1f) + r.attribute;
            if (!pathIds.contains(key)) {
                pathIds.insert(key, pathIds.size() + 1);
                paths.append(r.path);
                attributes.append(r.attribute);
            }
            if (!sourceIds.contains(r.source)) {
                sourceIds.insert(r.source, sourceIds.size() + 1);
                sources.append(r.source);
            }
        }
        db.transaction();
        QSqlQuery query(db);
        query.prepare(u"INSERT INTO dt_paths (path, attribute) VALUES (?, ?)"_s);
        query.addBindValue(paths);
        query.addBindValue(attributes);
        bool ok = query.execBatch();
        query.prepare(u"INSERT INTO dt_sources (name) VALUES (?)"_s);
        query.addBindValue(sources);
        ok = ok && query.execBatch();
        if (!ok || !db.commit()) {
            *error = u"raw path insert: "_s + query.lastError().text();
            return -1;
        }
    }
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO dt_samples (path_id, ts, value, quality, source_id) "
                   u"VALUES (?, ?, ?, ?, ?)"_s);
    for (qsizetype from = 0; from < records.size(); from += RawRowsPerTransaction) {
        const qsizetype to = std::min<qsizetype>(records.size(), from + RawRowsPerTransaction);
        QVariantList pathColumn, tsColumn, valueColumn, qualityColumn, sourceColumn;
        pathColumn.reserve(to - from);
        tsColumn.reserve(to - from);
        valueColumn.reserve(to - from);
        qualityColumn.reserve(to - from);
        sourceColumn.reserve(to - from);
        for (qsizetype i = from; i < to; ++i) {
            const runtime::HistoryRecord &r = records.at(i);
            pathColumn.append(pathIds.value(r.path + QChar(0x1f) + r.attribute));
            tsColumn.append(r.timestampMs);
            valueColumn.append(r.value);
            qualityColumn.append(int(r.quality));
            sourceColumn.append(sourceIds.value(r.source));
        }
        db.transaction();
        insert.addBindValue(pathColumn);
        insert.addBindValue(tsColumn);
        insert.addBindValue(valueColumn);
        insert.addBindValue(qualityColumn);
        insert.addBindValue(sourceColumn);
        if (!insert.execBatch() || !db.commit()) {
            *error = u"raw execBatch: "_s + insert.lastError().text();
            return -1;
        }
    }
    insert.finish();
    return monotonicSeconds() - start;
}

// Returns seconds, or a negative value with *error set; *committed from the store's stats.
double storeInsert(const QString &file, const QList<runtime::HistoryRecord> &records,
    qint64 *committed, int *batchSize, QString *error)
{
    QFile::remove(file);
    runtime::StorageConfig config;
    config.backend = runtime::StorageConfig::Backend::SQLite;
    config.file = file;
    *batchSize = config.batchSize;
    Result<std::unique_ptr<runtime::HistoryStore>> opened = runtime::HistoryStore::open(config);
    if (!opened) {
        *error = u"HistoryStore::open: "_s + opened.error();
        return -1;
    }
    std::unique_ptr<runtime::HistoryStore> store = opened.takeValue();
    // The store opens its database on the writer thread: let that happen before timing.
    store->flush(10000);
    const double start = monotonicSeconds();
    // Appended as the engine does: one small list per device reply with changes.
    for (qsizetype i = 0; i < records.size(); i += 2)
        store->append(records.mid(i, 2));
    const bool flushed = store->flush(600000);
    const double seconds = monotonicSeconds() - start;
    *committed = store->stats().committed;
    store.reset();
    if (!flushed) {
        *error = u"HistoryStore::flush timed out"_s;
        return -1;
    }
    return seconds;
}

} // namespace

PollFigures runRawModbusLoop(const RawLoopOptions &options, LatencyFigures *latency)
{
    PollFigures figures;
    std::unique_ptr<QThread> thread(QThread::create([&options, &figures, latency] {
        RawLoop loop(options, latency);
        figures = loop.run();
    }));
    thread->setObjectName(u"raw-loop"_s);
    if (!options.qtDefaultDispatcher) {
        if (QAbstractEventDispatcher *dispatcher = runtime::createDeviceEventDispatcher())
            thread->setEventDispatcher(dispatcher);
    }
    thread->start();
    thread->wait();
    return figures;
}

qint64 countSamples(const QString &file)
{
    Connection connection(file);
    if (!connection.ok())
        return -1;
    QSqlQuery query(connection.db());
    if (!query.exec(u"SELECT COUNT(*) FROM dt_samples"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

InsertFigures runInsertComparison(const QString &dir, int devices, qint64 rows, int repeat)
{
    InsertFigures figures;
    figures.rows = rows;
    const QList<runtime::HistoryRecord> records = makeRecords(std::max(1, devices), rows);
    const QString rawFile = dir + u"/insert-raw.sqlite"_s;
    const QString storeFile = dir + u"/insert-store.sqlite"_s;
    for (int run = 0; run < std::max(1, repeat); ++run) {
        QString error;
        const double raw = rawInsert(rawFile, records, &error);
        if (raw < 0) {
            figures.error = error;
            return figures;
        }
        figures.rawSeconds = run == 0 ? raw : std::min(figures.rawSeconds, raw);
        const double store
            = storeInsert(storeFile, records, &figures.storeCommitted, &figures.batchSize, &error);
        if (store < 0) {
            figures.error = error;
            return figures;
        }
        figures.storeSeconds = run == 0 ? store : std::min(figures.storeSeconds, store);
    }
    figures.rawRowsInFile = countSamples(rawFile);
    figures.storeRowsInFile = countSamples(storeFile);
    for (const QString &file : { rawFile, storeFile }) {
        for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s })
            QFile::remove(file + suffix);
    }
    figures.ran = true;
    return figures;
}

} // namespace dt::bench
