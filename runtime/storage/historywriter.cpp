// SPDX-License-Identifier: GPL-3.0-or-later
#include "historywriter.h"

#include "storagelogging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <limits>

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

// A writer that never returns to its event loop could not see a shutdown request or run
// retention; after this long it yields and re-queues itself.
constexpr qint64 TimeSliceMs = 250;
constexpr int RetentionPathsPerTransaction = 200;
// Behind schedule (a burst, or the backlog after an outage) the writer commits up to this many
// batches per transaction: every commit rewrites the touched index pages, so fewer, larger
// transactions catch up faster. Far behind (this many batches waiting) it also leaves
// SCHED_IDLE until it has caught up (see StorageConfig::writerIdleWhileKeepingUp).
constexpr int CatchUpBatches = 8;
constexpr qint64 MsPerDay = 24 * 3600 * 1000LL;

QVariant valueVariant(const QString &value)
{
    // NULL stays NULL (absent value); NULs inside text are not accepted by PostgreSQL.
    if (value.isNull() || !value.contains(QChar(0)))
        return value;
    return QString(value).remove(QChar(0));
}

// Linux keeps a nice value per thread: raise this thread's by `increment` (up to 19).
void lowerCurrentThreadPriority(int increment)
{
    const id_t thread = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0)
        return;
    if (setpriority(PRIO_PROCESS, thread, std::min(19, current + increment)) != 0)
        qCWarning(lcStorage) << "cannot lower the history writer's priority:"
                             << qt_error_string(errno);
}

// Whether this thread could leave SCHED_IDLE for SCHED_OTHER at its nice value: Linux allows
// that when it would allow lowering the nice value to it (RLIMIT_NICE or CAP_SYS_NICE). Probed
// by stepping one up (always allowed) and back.
bool mayLeaveIdleScheduling()
{
    const id_t thread = id_t(gettid());
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, thread);
    if ((nice == -1 && errno != 0) || nice >= 19)
        return false;
    if (setpriority(PRIO_PROCESS, thread, nice + 1) != 0)
        return false;
    return setpriority(PRIO_PROCESS, thread, nice) == 0;
}

bool setIdleScheduling(bool idle)
{
    sched_param param {};
    if (sched_setscheduler(0, idle ? SCHED_IDLE : SCHED_OTHER, &param) == 0)
        return true;
    qCWarning(lcStorage) << "cannot switch the history writer to"
                         << (idle ? "SCHED_IDLE" : "SCHED_OTHER") << qt_error_string(errno);
    return false;
}

} // namespace

struct HistoryWriter::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : insertPath(db)
        , selectPath(db)
        , insertSource(db)
        , selectSource(db)
        , insertMany(db)
        , insertOne(db)
        , insertEvent(db)
        , updateCommitNumber(db)
    {
    }

    QSqlQuery insertPath;
    QSqlQuery selectPath;
    QSqlQuery insertSource;
    QSqlQuery selectSource;
    QSqlQuery insertMany;
    QSqlQuery insertOne;
    QSqlQuery insertEvent;
    QSqlQuery updateCommitNumber;
};

HistoryWriter::HistoryWriter(const SqlBackend &backend, HistoryBuffer *buffer, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_buffer(buffer)
    , m_connectionName(u"dt.history.writer.%1"_s.arg(quintptr(this), 0, 16))
    , m_backoffMs(std::max(1, backend.config().reconnectMinMs))
    , m_writerKey(u"writer:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

HistoryWriter::~HistoryWriter()
{
    // shutdown() normally closed it already, in the writer thread.
    if (m_connected)
        disconnectDatabase();
}

void HistoryWriter::wake()
{
    if (!m_wakeQueued.exchange(true)) {
        QMetaObject::invokeMethod(
            this, [this] { process(Drain::FullBatches); }, Qt::QueuedConnection);
    }
}

void HistoryWriter::requestFlush(qint64 appended)
{
    qint64 target = m_flushTarget.load();
    while (target < appended && !m_flushTarget.compare_exchange_weak(target, appended)) { }
    wake();
}

void HistoryWriter::start()
{
    const StorageConfig &config = m_backend.config();
    if (config.writerNiceness > 0)
        lowerCurrentThreadPriority(config.writerNiceness);
    m_idleScheduling = config.writerIdleWhileKeepingUp && mayLeaveIdleScheduling();
    setBehind(false);
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(std::max(1, config.flushIntervalMs));
    connect(m_flushTimer, &QTimer::timeout, this, [this] { process(Drain::All); });
    m_flushTimer->start();

    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] { process(Drain::All); });

    m_retentionTimer = new QTimer(this);
    m_retentionTimer->setInterval(std::max(1000, config.retentionIntervalMs));
    connect(m_retentionTimer, &QTimer::timeout, this, &HistoryWriter::applyRetention);
    m_retentionTimer->start();

    process(Drain::All);
}

void HistoryWriter::shutdown()
{
    m_stopping = true;
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_retentionTimer)
        m_retentionTimer->stop();
    if (m_retryTimer)
        m_retryTimer->stop();
    // One last attempt, without waiting for a retry delay: the caller is closing the store.
    if (m_connected || ensureConnected())
        drain(false, Drain::All, true);
    if (m_connected && !m_uncertainBatch) {
        QSqlQuery meta(QSqlDatabase::database(m_connectionName, false));
        meta.prepare(u"DELETE FROM dt_meta WHERE name = ?"_s);
        meta.addBindValue(m_writerKey);
        meta.exec(); // best effort: a leftover row is harmless
    }
    if (m_uncertainBatch) {
        m_buffer->giveBack(std::move(*m_uncertainBatch));
        m_uncertainBatch.reset();
    }
    const qint64 left = m_buffer->waiting();
    if (left > 0) {
        qCWarning(lcStorage) << "closing" << m_backend.describe() << "with" << left
                             << "history records not committed";
    }
    disconnectDatabase();
}

void HistoryWriter::process(Drain mode)
{
    m_wakeQueued = false;
    // Someone waits in flush() for records not handled yet: everything, and under ordinary
    // scheduling. (A flag would be stale when a drain served it first, and would commit the
    // next trickle as a small batch.)
    const bool awaited = m_buffer->counters().handled() < m_flushTarget.load();
    if (awaited)
        mode = Drain::All;
    if (m_stopping)
        return;
    if (!m_connected) {
        if (m_retryTimer && m_retryTimer->isActive())
            return;
        if (!ensureConnected())
            return;
    }
    if (m_retentionPending)
        applyRetention();
    drain(true, mode, awaited);
}

void HistoryWriter::setBehind(bool behind)
{
    if (!m_idleScheduling || m_idle == !behind)
        return;
    if (setIdleScheduling(!behind))
        m_idle = !behind;
    else
        m_idleScheduling = false; // one failure is enough: no more switching
}

void HistoryWriter::drain(bool timeSliced, Drain mode, bool awaited)
{
    const int batchSize = std::max(1, m_backend.config().batchSize);
    const int limit = batchSize > std::numeric_limits<int>::max() / CatchUpBatches
        ? batchSize
        : batchSize * CatchUpBatches;
    // Everything means what was appended before this drain began and what a flush() waits
    // for; records arriving meanwhile are a trickle again, committed in full batches.
    const qint64 allUpTo = m_buffer->counters().appended;
    QElapsedTimer slice;
    slice.start();
    while (m_connected) {
        if (mode == Drain::All
            && m_buffer->counters().handled() >= std::max(allUpTo, m_flushTarget.load()))
            mode = Drain::FullBatches;
        // In steady state the writer is woken when batchSize records wait, so transactions
        // hold about batchSize records; only a backlog makes them larger. A rest smaller than
        // a batch waits for the flush timer unless everything was asked for.
        const qint64 waiting = m_buffer->waiting();
        if (awaited || waiting >= limit)
            setBehind(true);
        if (mode == Drain::FullBatches && waiting < batchSize) {
            setBehind(false);
            setAvailable(true, QString());
            return;
        }
        HistoryBuffer::Batch batch = m_buffer->take(limit, limit);
        if (batch.empty()) {
            setBehind(false);
            setAvailable(true, QString());
            return;
        }
        QString error;
        bool ambiguous = false;
        switch (commit(batch, &error, &ambiguous)) {
        case Outcome::Committed:
            // Announce before counting, so that whoever sees flush() succeed has the signal.
            setAvailable(true, QString());
            m_buffer->markCommitted(batch.size());
            break;
        case Outcome::DataError:
            m_buffer->markFailedCommit();
            qCWarning(lcStorage) << "a history batch was refused:" << error
                                 << "- committing it row by row";
            isolate(std::move(batch));
            break;
        case Outcome::Outage:
            m_buffer->markFailedCommit();
            if (ambiguous)
                parkUncertain(std::move(batch));
            else
                m_buffer->giveBack(std::move(batch));
            outage(error);
            return;
        }
        if (timeSliced && slice.elapsed() > TimeSliceMs) {
            // Still draining everything after a whole slice: the rest is awaited too.
            if (mode == Drain::All)
                requestFlush(allUpTo);
            else
                wake();
            return;
        }
    }
}

bool HistoryWriter::ensureConnected()
{
    if (m_connected)
        return true;
    const Result<void> opened = m_backend.open(m_connectionName, SqlBackend::Role::Writer);
    if (!opened) {
        outage(opened.error());
        return false;
    }
    {
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        m_statements = std::make_unique<Statements>(db);
    }
    Statements &s = *m_statements;
    const int perStatement = m_backend.rowsPerStatement();
    const std::pair<QSqlQuery *, QString> statements[] = {
        { &s.insertPath, m_backend.insertPathSql() },
        { &s.selectPath, u"SELECT id FROM dt_paths WHERE path = ? AND attribute = ?"_s },
        { &s.insertSource, m_backend.insertSourceSql() },
        { &s.selectSource, u"SELECT id FROM dt_sources WHERE name = ?"_s },
        { &s.insertMany, m_backend.insertSamplesSql(perStatement) },
        { &s.insertOne, m_backend.insertSamplesSql(1) },
        { &s.insertEvent, m_backend.insertEventSql() },
        { &s.updateCommitNumber, u"UPDATE dt_meta SET value = ? WHERE name = ?"_s },
    };
    for (const auto &[query, sql] : statements) {
        if (!query->prepare(sql)) {
            const QString error = sqlErrorText(query->lastError());
            outage(error);
            return false;
        }
    }
    QString metaError;
    {
        QSqlQuery meta(QSqlDatabase::database(m_connectionName, false));
        meta.prepare(m_backend.insertMetaSql());
        meta.addBindValue(m_writerKey);
        if (!meta.exec())
            metaError = sqlErrorText(meta.lastError());
    }
    if (!metaError.isEmpty()) {
        outage(metaError);
        return false;
    }
    m_connected = true;
    m_pathIds.clear();
    m_sourceIds.clear();
    if (!resolveUncertainBatch())
        return false;
    m_backoffMs = std::max(1, m_backend.config().reconnectMinMs);
    qCDebug(lcStorage) << "connected to" << m_backend.describe();
    // Available is reported after the first successful commit, not here: a locked SQLite file
    // opens fine and still refuses writes.
    return true;
}

void HistoryWriter::disconnectDatabase()
{
    m_statements.reset();
    SqlBackend::close(m_connectionName);
    m_connected = false;
}

void HistoryWriter::outage(const QString &error)
{
    disconnectDatabase();
    setAvailable(false, error);
    if (m_stopping || !m_retryTimer)
        return;
    m_retryTimer->start(m_backoffMs);
    m_backoffMs
        = std::min(m_backoffMs * 2, std::max(m_backoffMs, m_backend.config().reconnectMaxMs));
}

void HistoryWriter::setAvailable(bool available, const QString &error)
{
    if (m_available.exchange(available) == available)
        return;
    if (available) {
        qCInfo(lcStorage) << m_backend.describe() << "is available again;" << m_buffer->waiting()
                          << "buffered records to flush";
    } else {
        qCWarning(lcStorage) << m_backend.describe() << "is unavailable:" << error
                             << "- buffering history in memory";
    }
    Q_EMIT availabilityChanged(available, error);
}

HistoryWriter::Outcome HistoryWriter::commit(
    const HistoryBuffer::Batch &batch, QString *error, bool *ambiguous)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    m_newPaths.clear();
    m_newSources.clear();
    QSqlError sqlError;
    bool ok = db.transaction();
    if (!ok)
        sqlError = db.lastError();
    ok = ok && insertEvents(batch.events, &sqlError) && insertSamples(batch.records, &sqlError);
    if (ok) {
        QSqlQuery &number = m_statements->updateCommitNumber;
        number.bindValue(0, QString::number(++m_commitNumber));
        number.bindValue(1, m_writerKey);
        ok = number.exec();
        if (!ok)
            sqlError = number.lastError();
    }
    if (ok && !db.commit()) {
        ok = false;
        sqlError = db.lastError();
        if (ambiguous)
            *ambiguous = true;
    }
    if (ok)
        return Outcome::Committed;
    if (db.isOpen())
        db.rollback();
    for (const PathKey &key : std::as_const(m_newPaths))
        m_pathIds.remove(key);
    for (const QString &name : std::as_const(m_newSources))
        m_sourceIds.remove(name);
    *error = sqlErrorText(sqlError);
    return m_backend.isDataError(sqlError) ? Outcome::DataError : Outcome::Outage;
}

void HistoryWriter::isolate(HistoryBuffer::Batch &&batch)
{
    // Events first, then records: the order take() and giveBack() use.
    const qint64 total = batch.size();
    for (qint64 index = 0; index < total; ++index) {
        const bool isEvent = index < qint64(batch.events.size());
        HistoryBuffer::Batch one;
        if (isEvent)
            one.events.push_back(batch.events[size_t(index)]);
        else
            one.records.push_back(batch.records[size_t(index - qint64(batch.events.size()))]);
        QString error;
        bool ambiguous = false;
        const Outcome outcome = m_connected ? commit(one, &error, &ambiguous) : Outcome::Outage;
        if (outcome == Outcome::Committed) {
            m_buffer->markCommitted(1);
        } else if (outcome == Outcome::DataError) {
            m_buffer->markRejected(1);
            if (isEvent) {
                qCWarning(lcStorage) << "event rejected by the database:" << one.events[0].path
                                     << one.events[0].event << error;
            } else {
                qCWarning(lcStorage)
                    << "history record rejected by the database:" << one.records[0].path
                    << one.records[0].attribute << error;
            }
        } else {
            HistoryBuffer::Batch rest;
            if (ambiguous)
                parkUncertain(std::move(one));
            for (qint64 later = ambiguous ? index + 1 : index; later < total; ++later) {
                if (later < qint64(batch.events.size()))
                    rest.events.push_back(std::move(batch.events[size_t(later)]));
                else
                    rest.records.push_back(
                        std::move(batch.records[size_t(later - qint64(batch.events.size()))]));
            }
            m_buffer->giveBack(std::move(rest));
            if (m_connected)
                outage(error);
            return;
        }
    }
}

void HistoryWriter::parkUncertain(HistoryBuffer::Batch &&batch)
{
    m_uncertainBatch = std::move(batch);
    m_uncertainNumber = m_commitNumber;
}

bool HistoryWriter::resolveUncertainBatch()
{
    if (!m_uncertainBatch)
        return true;
    QString value;
    QString error;
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(u"SELECT value FROM dt_meta WHERE name = ?"_s);
        query.addBindValue(m_writerKey);
        if (!query.exec())
            error = sqlErrorText(query.lastError());
        else if (query.next())
            value = query.value(0).toString();
    }
    if (!error.isEmpty()) {
        outage(error);
        return false;
    }
    if (value == QString::number(m_uncertainNumber)) {
        qCInfo(lcStorage) << "a batch whose COMMIT reported an error was committed after all";
        m_buffer->markCommitted(m_uncertainBatch->size());
    } else {
        m_buffer->giveBack(std::move(*m_uncertainBatch));
    }
    m_uncertainBatch.reset();
    return true;
}

bool HistoryWriter::insertEvents(const std::vector<EventRecord> &events, QSqlError *error)
{
    if (events.empty())
        return true;
    QVariantList ts, path, event, severity, state, attribute, value, message;
    for (const EventRecord &e : events) {
        ts << e.timestampMs;
        path << SqlBackend::clip(e.path, SqlBackend::PathLength);
        event << SqlBackend::clip(e.event, SqlBackend::NameLength);
        severity << SqlBackend::clip(e.severity, SqlBackend::SeverityLength);
        state << SqlBackend::clip(e.state, SqlBackend::StateLength);
        attribute << SqlBackend::clip(e.attribute, SqlBackend::NameLength);
        value << valueVariant(e.value);
        message << valueVariant(e.message);
    }
    QSqlQuery &query = m_statements->insertEvent;
    int column = 0;
    for (const QVariantList *list :
        { &ts, &path, &event, &severity, &state, &attribute, &value, &message }) {
        query.bindValue(column++, *list);
    }
    if (query.execBatch())
        return true;
    *error = query.lastError();
    return false;
}

bool HistoryWriter::insertSamples(const std::vector<HistoryRecord> &records, QSqlError *error)
{
    const size_t count = records.size();
    std::vector<qint64> pathIds(count);
    std::vector<qint64> sourceIds(count);
    for (size_t i = 0; i < count; ++i) {
        const std::optional<qint64> path = pathId(records[i].path, records[i].attribute, error);
        const std::optional<qint64> source = path ? sourceId(records[i].source, error) : path;
        if (!source)
            return false;
        pathIds[i] = *path;
        sourceIds[i] = *source;
    }

    const size_t perStatement = size_t(std::max(1, m_backend.rowsPerStatement()));
    size_t row = 0;
    QSqlQuery &many = m_statements->insertMany;
    for (; row + perStatement <= count; row += perStatement) {
        int position = 0;
        for (size_t i = row; i < row + perStatement; ++i) {
            many.bindValue(position++, pathIds[i]);
            many.bindValue(position++, records[i].timestampMs);
            many.bindValue(position++, valueVariant(records[i].value));
            many.bindValue(position++, int(records[i].quality));
            many.bindValue(position++, sourceIds[i]);
        }
        if (!many.exec()) {
            *error = many.lastError();
            return false;
        }
    }
    if (row == count)
        return true;
    QVariantList path, ts, value, quality, source;
    for (size_t i = row; i < count; ++i) {
        path << pathIds[i];
        ts << records[i].timestampMs;
        value << valueVariant(records[i].value);
        quality << int(records[i].quality);
        source << sourceIds[i];
    }
    QSqlQuery &one = m_statements->insertOne;
    int column = 0;
    for (const QVariantList *list : { &path, &ts, &value, &quality, &source })
        one.bindValue(column++, *list);
    if (one.execBatch())
        return true;
    *error = one.lastError();
    return false;
}

std::optional<qint64> HistoryWriter::pathId(
    const QString &path, const QString &attribute, QSqlError *error)
{
    const PathKey key(path, attribute);
    const auto known = m_pathIds.constFind(key);
    if (known != m_pathIds.cend())
        return *known;
    const QString storedPath = SqlBackend::clip(path, SqlBackend::PathLength);
    const QString storedAttribute = SqlBackend::clip(attribute, SqlBackend::NameLength);
    QSqlQuery &insert = m_statements->insertPath;
    insert.bindValue(0, storedPath);
    insert.bindValue(1, storedAttribute);
    QSqlQuery &select = m_statements->selectPath;
    select.bindValue(0, storedPath);
    select.bindValue(1, storedAttribute);
    if (!insert.exec()) {
        *error = insert.lastError();
        return std::nullopt;
    }
    if (!select.exec() || !select.next()) {
        *error = select.lastError();
        return std::nullopt;
    }
    const qint64 id = select.value(0).toLongLong();
    select.finish();
    m_pathIds.insert(key, id);
    m_newPaths.append(key);
    return id;
}

std::optional<qint64> HistoryWriter::sourceId(const QString &name, QSqlError *error)
{
    const auto known = m_sourceIds.constFind(name);
    if (known != m_sourceIds.cend())
        return *known;
    const QString stored = SqlBackend::clip(name, SqlBackend::NameLength);
    QSqlQuery &insert = m_statements->insertSource;
    insert.bindValue(0, stored);
    QSqlQuery &select = m_statements->selectSource;
    select.bindValue(0, stored);
    if (!insert.exec()) {
        *error = insert.lastError();
        return std::nullopt;
    }
    if (!select.exec() || !select.next()) {
        *error = select.lastError();
        return std::nullopt;
    }
    const qint64 id = select.value(0).toLongLong();
    select.finish();
    m_sourceIds.insert(name, id);
    m_newSources.append(name);
    return id;
}

void HistoryWriter::applyRetention()
{
    const int days = m_backend.config().retentionDays;
    if (days <= 0) {
        m_retentionPending = false;
        Q_EMIT retentionApplied(0, 0);
        return;
    }
    if (m_stopping || (!m_connected && !ensureConnected())) {
        m_retentionPending = true; // runs after the next successful connection
        return;
    }
    m_retentionPending = false;
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - days * MsPerDay;
    QString error;
    qint64 samples = 0;
    qint64 events = 0;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // Per path id, so that each DELETE walks the (path_id, ts) index instead of the table.
        QList<qint64> ids;
        QSqlQuery query(db);
        if (!query.exec(u"SELECT id FROM dt_paths"_s))
            error = sqlErrorText(query.lastError());
        while (error.isEmpty() && query.next())
            ids.append(query.value(0).toLongLong());
        query.finish();
        QSqlQuery remove(db);
        if (error.isEmpty()
            && !remove.prepare(u"DELETE FROM dt_samples WHERE path_id = ? AND ts < ?"_s)) {
            error = sqlErrorText(remove.lastError());
        }
        for (qsizetype first = 0; error.isEmpty() && first < ids.size();
             first += RetentionPathsPerTransaction) {
            bool ok = db.transaction();
            const qsizetype last = std::min(ids.size(), first + RetentionPathsPerTransaction);
            for (qsizetype i = first; ok && i < last; ++i) {
                remove.bindValue(0, ids[i]);
                remove.bindValue(1, cutoff);
                ok = remove.exec();
                if (ok)
                    samples += std::max(0, remove.numRowsAffected());
            }
            if (ok && !db.commit())
                ok = false;
            if (!ok) {
                error = sqlErrorText(
                    remove.lastError().isValid() ? remove.lastError() : db.lastError());
                if (db.isOpen())
                    db.rollback();
            }
        }
        if (error.isEmpty()) {
            QSqlQuery removeEvents(db);
            removeEvents.prepare(u"DELETE FROM dt_events WHERE ts < ?"_s);
            removeEvents.addBindValue(cutoff);
            if (removeEvents.exec())
                events = std::max(0, removeEvents.numRowsAffected());
            else
                error = sqlErrorText(removeEvents.lastError());
        }
    }
    if (!error.isEmpty()) {
        qCWarning(lcStorage) << "retention on" << m_backend.describe() << "failed:" << error;
        m_retentionPending = true;
        outage(error);
        return;
    }
    if (samples > 0 || events > 0) {
        qCInfo(lcStorage) << "retention deleted" << samples << "samples and" << events
                          << "events older than" << days << "days";
    }
    Q_EMIT retentionApplied(samples, events);
}

} // namespace dt::runtime
