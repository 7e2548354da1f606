// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystore.h"

#include "historybuffer.h"
#include "historyreader.h"
#include "historywriter.h"
#include "storagelogging.h"

#include <QSqlDatabase>
#include <QThread>

using namespace Qt::StringLiterals;

namespace dt::runtime {

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(
    const StorageConfig &config, QObject *parent)
{
    using R = Result<std::unique_ptr<HistoryStore>>;
    const SqlBackend backend(config);
    if (config.backend == StorageConfig::Backend::SQLite && config.file.trimmed().isEmpty())
        return R::failure(u"SQLite history storage without a file name"_s);
    if (config.backend != StorageConfig::Backend::SQLite
        && (config.host.trimmed().isEmpty() || config.database.trimmed().isEmpty())) {
        return R::failure(u"%1 history storage needs a host and a database name"_s.arg(
            backendName(config.backend)));
    }
    if (config.backend != StorageConfig::Backend::SQLite
        && (config.port < 1 || config.port > 65535))
        return R::failure(u"history storage port %1 is out of range"_s.arg(config.port));
    if (!QSqlDatabase::isDriverAvailable(backend.driverName())) {
        return R::failure(u"the Qt SQL driver %1 for %2 is not installed"_s.arg(
            backend.driverName(), backendName(config.backend)));
    }
    return std::unique_ptr<HistoryStore>(new HistoryStore(config, parent));
}

HistoryStore::HistoryStore(const StorageConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_buffer(std::make_unique<HistoryBuffer>(config.maxBufferedRecords))
    , m_writerThread(std::make_unique<QThread>())
    , m_readerThread(std::make_unique<QThread>())
{
    const SqlBackend backend(config);
    m_writerThread->setObjectName(u"dt.history.writer"_s);
    m_readerThread->setObjectName(u"dt.history.reader"_s);

    m_writer = new HistoryWriter(backend, m_buffer.get());
    m_writer->moveToThread(m_writerThread.get());
    connect(m_writer, &HistoryWriter::availabilityChanged, this, &HistoryStore::availabilityChanged,
        Qt::DirectConnection);
    connect(m_writer, &HistoryWriter::retentionApplied, this, &HistoryStore::retentionApplied,
        Qt::DirectConnection);
    m_writerThread->start();
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::start, Qt::QueuedConnection);

    m_reader = new HistoryReader(backend);
    m_reader->moveToThread(m_readerThread.get());
    m_readerThread->start();
}

HistoryStore::~HistoryStore()
{
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::shutdown, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(m_reader, &HistoryReader::close, Qt::BlockingQueuedConnection);
    m_writerThread->quit();
    m_readerThread->quit();
    m_writerThread->wait();
    m_readerThread->wait();
    // Their threads have finished: deleting them here is safe.
    delete m_writer;
    delete m_reader;
}

const StorageConfig &HistoryStore::config() const
{
    return m_config;
}

void HistoryStore::appended(qint64 waiting)
{
    if (waiting >= m_config.batchSize)
        m_writer->wake();
}

void HistoryStore::append(const HistoryRecord &record)
{
    appended(m_buffer->append(record));
}

void HistoryStore::append(const QList<HistoryRecord> &records)
{
    if (!records.isEmpty())
        appended(m_buffer->append(records));
}

void HistoryStore::appendEvent(const EventRecord &event)
{
    appended(m_buffer->appendEvent(event));
}

Result<QList<HistoryRecord>> HistoryStore::lastRecords(
    const QString &path, const QString &attribute, int n) const
{
    Result<QList<HistoryRecord>> result = QList<HistoryRecord>();
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [&] { result = reader->lastRecords(path, attribute, n); },
        Qt::BlockingQueuedConnection);
    return result;
}

Result<QList<EventRecord>> HistoryStore::lastEvents(int n) const
{
    Result<QList<EventRecord>> result = QList<EventRecord>();
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [&] { result = reader->lastEvents(n); }, Qt::BlockingQueuedConnection);
    return result;
}

void HistoryStore::lastRecordsAsync(
    const QString &path, const QString &attribute, int n, RecordsCallback done) const
{
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, path, attribute, n, done] { done(reader->lastRecords(path, attribute, n)); },
        Qt::QueuedConnection);
}

void HistoryStore::lastEventsAsync(int n, EventsCallback done) const
{
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, n, done] { done(reader->lastEvents(n)); }, Qt::QueuedConnection);
}

bool HistoryStore::integrityCheck()
{
    bool ok = false;
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [&] { ok = reader->integrityCheck(); }, Qt::BlockingQueuedConnection);
    return ok;
}

void HistoryStore::applyRetention()
{
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::applyRetention, Qt::QueuedConnection);
}

bool HistoryStore::flush(int timeoutMs)
{
    const qint64 target = m_buffer->counters().appended;
    m_writer->requestFlush(target);
    return m_buffer->waitHandled(target, timeoutMs);
}

HistoryStore::Stats HistoryStore::stats() const
{
    const HistoryBuffer::Counters counters = m_buffer->counters();
    Stats stats;
    stats.appended = counters.appended;
    stats.committed = counters.committed;
    stats.rejected = counters.rejected;
    stats.dropped = counters.dropped;
    stats.failedCommits = counters.failedCommits;
    stats.buffered = counters.appended - counters.committed - counters.rejected - counters.dropped;
    stats.available = m_writer->isAvailable();
    return stats;
}

bool HistoryStore::isAvailable() const
{
    return m_writer->isAvailable();
}

} // namespace dt::runtime
