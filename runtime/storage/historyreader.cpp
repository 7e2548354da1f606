// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyreader.h"

#include "storagelogging.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

Quality qualityFromColumn(int value)
{
    switch (value) {
    case int(Quality::Good):
        return Quality::Good;
    case int(Quality::Stale):
        return Quality::Stale;
    default:
        return Quality::Bad;
    }
}

template<typename T> Result<T> queryFailure(const QString &what, const QSqlQuery &query)
{
    return Result<T>::failure(u"%1: %2"_s.arg(what, sqlErrorText(query.lastError())));
}

} // namespace

HistoryReader::HistoryReader(const SqlBackend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_connectionName(u"dt.history.reader.%1"_s.arg(quintptr(this), 0, 16))
{
}

HistoryReader::~HistoryReader()
{
    close();
}

void HistoryReader::close()
{
    if (!m_open)
        return;
    SqlBackend::close(m_connectionName);
    m_open = false;
    m_sourceNames.clear();
}

Result<void> HistoryReader::ensureOpen()
{
    if (m_open)
        return {};
    const Result<void> opened = m_backend.open(m_connectionName, SqlBackend::Role::Reader);
    if (!opened)
        return Result<void>::failure(
            u"history database %1 unavailable: %2"_s.arg(m_backend.describe(), opened.error()));
    m_open = true;
    return {};
}

template<typename Query> auto HistoryReader::withReconnect(Query query) -> decltype(query())
{
    const bool wasOpen = m_open;
    auto result = query();
    if (!result.ok() && wasOpen) {
        close();
        result = query();
    }
    return result;
}

Result<QList<HistoryRecord>> HistoryReader::lastRecords(
    const QString &path, const QString &attribute, int n)
{
    return withReconnect([&] { return queryRecords(path, attribute, n); });
}

Result<QList<EventRecord>> HistoryReader::lastEvents(int n)
{
    return withReconnect([&] { return queryEvents(n); });
}

Result<QList<HistoryRecord>> HistoryReader::queryRecords(
    const QString &path, const QString &attribute, int n)
{
    using R = Result<QList<HistoryRecord>>;
    if (n <= 0)
        return QList<HistoryRecord>();
    if (const Result<void> opened = ensureOpen(); !opened)
        return R::failure(opened.error());

    struct Row
    {
        qint64 ts;
        qint64 id;
        qint64 sourceId;
        HistoryRecord record;
    };
    std::vector<Row> rows;
    QString failure;
    {
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery paths(db);
        paths.prepare(attribute.isEmpty()
                ? u"SELECT id, attribute FROM dt_paths WHERE path = ?"_s
                : u"SELECT id, attribute FROM dt_paths WHERE path = ? AND attribute = ?"_s);
        paths.addBindValue(SqlBackend::clip(path, SqlBackend::PathLength));
        if (!attribute.isEmpty())
            paths.addBindValue(SqlBackend::clip(attribute, SqlBackend::NameLength));
        QList<QPair<qint64, QString>> series;
        if (!paths.exec()) {
            failure = sqlErrorText(paths.lastError());
        } else {
            while (paths.next())
                series.append({ paths.value(0).toLongLong(), paths.value(1).toString() });
        }
        // One index range per path id, newest first, merged here: a single query over all of a
        // path's attributes would sort every sample of the path.
        QSqlQuery samples(db);
        if (failure.isEmpty()
            && !samples.prepare(u"SELECT id, ts, value, quality, source_id FROM dt_samples "
                                u"WHERE path_id = ? ORDER BY ts DESC, id DESC LIMIT %1"_s.arg(n))) {
            failure = sqlErrorText(samples.lastError());
        }
        for (const auto &[id, attributeName] : std::as_const(series)) {
            if (!failure.isEmpty())
                break;
            samples.bindValue(0, id);
            if (!samples.exec()) {
                failure = sqlErrorText(samples.lastError());
                break;
            }
            while (samples.next()) {
                Row row;
                row.id = samples.value(0).toLongLong();
                row.ts = samples.value(1).toLongLong();
                row.sourceId = samples.value(4).toLongLong();
                row.record.path = path;
                row.record.attribute = attributeName;
                row.record.value = samples.value(2).toString();
                row.record.timestampMs = row.ts;
                row.record.quality = qualityFromColumn(samples.value(3).toInt());
                rows.push_back(std::move(row));
            }
        }
    }
    if (!failure.isEmpty()) {
        close(); // the next call reconnects
        return R::failure(u"history query failed: %1"_s.arg(failure));
    }
    std::sort(rows.begin(), rows.end(),
        [](const Row &a, const Row &b) { return a.ts != b.ts ? a.ts > b.ts : a.id > b.id; });
    if (rows.size() > size_t(n))
        rows.resize(size_t(n));
    QList<HistoryRecord> result;
    result.reserve(qsizetype(rows.size()));
    for (Row &row : rows) {
        row.record.source = sourceName(row.sourceId);
        result.append(std::move(row.record));
    }
    return result;
}

QString HistoryReader::sourceName(qint64 id)
{
    const auto known = m_sourceNames.constFind(id);
    if (known != m_sourceNames.cend())
        return *known;
    QString name;
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(u"SELECT name FROM dt_sources WHERE id = ?"_s);
        query.addBindValue(id);
        if (query.exec() && query.next())
            name = query.value(0).toString();
        else
            return QString(); // not cached: may be a transient failure
    }
    m_sourceNames.insert(id, name);
    return name;
}

Result<QList<EventRecord>> HistoryReader::queryEvents(int n)
{
    using R = Result<QList<EventRecord>>;
    if (n <= 0)
        return QList<EventRecord>();
    if (const Result<void> opened = ensureOpen(); !opened)
        return R::failure(opened.error());
    QList<EventRecord> events;
    QString failure;
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (!query.exec(u"SELECT ts, path, event, severity, state, attribute, value, message "
                        u"FROM dt_events ORDER BY ts DESC, id DESC LIMIT %1"_s.arg(n))) {
            failure = sqlErrorText(query.lastError());
        }
        while (failure.isEmpty() && query.next()) {
            EventRecord event;
            event.timestampMs = query.value(0).toLongLong();
            event.path = query.value(1).toString();
            event.event = query.value(2).toString();
            event.severity = query.value(3).toString();
            event.state = query.value(4).toString();
            event.attribute = query.value(5).toString();
            event.value = query.value(6).toString();
            event.message = query.value(7).toString();
            events.append(std::move(event));
        }
    }
    if (!failure.isEmpty()) {
        close();
        return R::failure(u"event query failed: %1"_s.arg(failure));
    }
    return events;
}

bool HistoryReader::integrityCheck()
{
    if (const Result<void> opened = ensureOpen(); !opened) {
        qCWarning(lcStorage) << "integrity check:" << opened.error();
        return false;
    }
    QStringList problems;
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (m_backend.kind() == StorageConfig::Backend::SQLite) {
            if (!query.exec(u"PRAGMA integrity_check"_s))
                problems << sqlErrorText(query.lastError());
            while (query.next()) {
                const QString line = query.value(0).toString();
                if (line != u"ok")
                    problems << line;
            }
        }
        // Servers check their own pages; what we can check is that the schema is complete
        // and every table answers.
        for (const QString &table :
            { u"dt_meta"_s, u"dt_paths"_s, u"dt_sources"_s, u"dt_samples"_s, u"dt_events"_s }) {
            if (!query.exec(u"SELECT COUNT(*) FROM %1"_s.arg(table)) || !query.next())
                problems << u"%1: %2"_s.arg(table, sqlErrorText(query.lastError()));
        }
        if (!query.exec(u"SELECT value FROM dt_meta WHERE name = 'schema_version'"_s)
            || !query.next()) {
            problems << u"no schema_version in dt_meta"_s;
        }
    }
    if (!problems.isEmpty()) {
        qCWarning(lcStorage) << "integrity check of" << m_backend.describe()
                             << "failed:" << problems.join(u"; "_s);
        close();
    }
    return problems.isEmpty();
}

} // namespace dt::runtime
