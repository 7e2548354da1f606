// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlbackend.h"

#include "storagelogging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

// Writers wait this long for a SQLite lock before the batch counts as failed and is retried
// later; readers may wait a little longer since a caller is waiting for the answer anyway.
constexpr int WriterBusyTimeoutMs = 1000;
constexpr int ReaderBusyTimeoutMs = 2000;
constexpr int ConnectTimeoutS = 3;

Result<void> execAll(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return Result<void>::failure(sqlErrorText(query.lastError()));
    }
    return {};
}

} // namespace

QString sqlErrorText(const QSqlError &error)
{
    const QString database = error.databaseText().trimmed();
    const QString driver = error.driverText().trimmed();
    QString text = database.isEmpty() ? driver
        : driver.isEmpty()            ? database
                                      : driver + u": "_s + database;
    text.replace(u'\n', u' ');
    return text.isEmpty() ? u"unknown database error"_s : text;
}

SqlBackend::SqlBackend(StorageConfig config)
    : m_config(std::move(config))
{
}

QString SqlBackend::driverName() const
{
    switch (m_config.backend) {
    case StorageConfig::Backend::SQLite:
        return u"QSQLITE"_s;
    case StorageConfig::Backend::PostgreSQL:
        return u"QPSQL"_s;
    case StorageConfig::Backend::MySQL:
        break;
    }
    return u"QMYSQL"_s;
}

QString SqlBackend::describe() const
{
    if (m_config.backend == StorageConfig::Backend::SQLite)
        return u"SQLite %1"_s.arg(m_config.file);
    return u"%1 %2@%3:%4/%5"_s.arg(backendName(m_config.backend), m_config.user, m_config.host)
        .arg(m_config.port)
        .arg(m_config.database);
}

Result<void> SqlBackend::open(const QString &name, Role role) const
{
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), name);
        if (m_config.backend == StorageConfig::Backend::SQLite) {
            const QFileInfo file(m_config.file);
            if (role == Role::Reader && !file.exists()) {
                result = Result<void>::failure(u"%1 does not exist yet"_s.arg(m_config.file));
            } else if (role == Role::Writer && !QDir().mkpath(file.absolutePath())) {
                result = Result<void>::failure(
                    u"cannot create the folder %1"_s.arg(file.absolutePath()));
            } else {
                db.setDatabaseName(m_config.file);
                db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(
                    role == Role::Writer ? WriterBusyTimeoutMs : ReaderBusyTimeoutMs));
                if (!db.open())
                    result = Result<void>::failure(sqlErrorText(db.lastError()));
                else if (role == Role::Writer)
                    result = prepareSqlite(db);
            }
        } else {
            result = openServer(db, name, role);
        }
        if (result && role == Role::Writer)
            result = createSchema(db);
    }
    if (!result)
        close(name);
    return result;
}

void SqlBackend::close(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Result<void> SqlBackend::openServer(QSqlDatabase &db, const QString &name, Role role) const
{
    const bool postgres = m_config.backend == StorageConfig::Backend::PostgreSQL;
    db.setHostName(m_config.host);
    db.setPort(m_config.port);
    db.setDatabaseName(m_config.database);
    db.setUserName(m_config.user);
    db.setPassword(m_config.password);
    // Short connect timeouts: an unreachable server must not stall the writer for minutes;
    // MySQL's read/write timeouts also bound a statement on a server that stopped answering.
    db.setConnectOptions(postgres ? u"connect_timeout=%1"_s.arg(ConnectTimeoutS)
                                  : u"MYSQL_OPT_CONNECT_TIMEOUT=%1;MYSQL_OPT_READ_TIMEOUT=30;"
                                    u"MYSQL_OPT_WRITE_TIMEOUT=30"_s.arg(ConnectTimeoutS));
    if (db.open())
        return {};
    const QString firstError = sqlErrorText(db.lastError());
    if (role == Role::Reader)
        return Result<void>::failure(firstError);
    // The database may simply not exist yet: create it ("created on first use when the user
    // may") and try once more. If the server is down this fails too and the first error stands.
    if (!createServerDatabase(name) || !db.open())
        return Result<void>::failure(firstError);
    return {};
}

Result<void> SqlBackend::createServerDatabase(const QString &name) const
{
    const bool postgres = m_config.backend == StorageConfig::Backend::PostgreSQL;
    const QString adminName = name + u".admin"_s;
    Result<void> result;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(driverName(), adminName);
        admin.setHostName(m_config.host);
        admin.setPort(m_config.port);
        // PostgreSQL always connects to some database; MySQL can connect to none.
        admin.setDatabaseName(postgres ? u"postgres"_s : QString());
        admin.setUserName(m_config.user);
        admin.setPassword(m_config.password);
        admin.setConnectOptions(postgres ? u"connect_timeout=%1"_s.arg(ConnectTimeoutS)
                                         : u"MYSQL_OPT_CONNECT_TIMEOUT=%1"_s.arg(ConnectTimeoutS));
        if (!admin.open()) {
            result = Result<void>::failure(sqlErrorText(admin.lastError()));
        } else {
            const QString quoted
                = admin.driver()->escapeIdentifier(m_config.database, QSqlDriver::TableName);
            QSqlQuery query(admin);
            bool exists = false;
            if (postgres) {
                query.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_s);
                query.addBindValue(m_config.database);
                exists = query.exec() && query.next();
            }
            if (!exists) {
                const QString sql = postgres
                    ? u"CREATE DATABASE %1 ENCODING 'UTF8'"_s.arg(quoted)
                    : u"CREATE DATABASE IF NOT EXISTS %1 CHARACTER SET utf8mb4"_s.arg(quoted);
                if (query.exec(sql))
                    qCInfo(lcStorage)
                        << "created database" << m_config.database << "on" << m_config.host;
                else
                    result = Result<void>::failure(sqlErrorText(query.lastError()));
            }
        }
    }
    close(adminName);
    return result;
}

Result<void> SqlBackend::prepareSqlite(QSqlDatabase &db) const
{
    // WAL lets the reader connection read while the writer writes; synchronous=NORMAL keeps
    // every commit across a process crash (only a power cut may lose the last commits).
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA journal_mode=WAL"_s))
        return Result<void>::failure(sqlErrorText(query.lastError()));
    if (!query.next() || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qCWarning(lcStorage) << "could not switch" << m_config.file << "to WAL mode";
    query.finish();
    // A 32 MiB page cache: with the default 2 MiB a history of a few hundred thousand samples
    // no longer keeps its index pages in memory, and every insert reads pages back from the OS.
    // Checkpoints every 10,000 WAL pages (40 MiB at 4 KiB) instead of SQLite's 1,000: the
    // same hot index pages are committed again and again, and each checkpoint copies a page
    // once however often the WAL holds it (12 -> 7 MB/s written at 1,000 valves x 10 Hz).
    return execAll(db,
        { u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA cache_size=-32768"_s,
            u"PRAGMA wal_autocheckpoint=10000"_s });
}

Result<void> SqlBackend::createSchema(QSqlDatabase &db) const
{
    {
        // Reconnects find the schema in place: skip the DDL (PostgreSQL would print a notice
        // per CREATE ... IF NOT EXISTS, and the statements would need locks).
        QSqlQuery query(db);
        if (query.exec(u"SELECT value FROM dt_meta WHERE name = 'schema_version'"_s) && query.next()
            && query.value(0).toInt() >= SchemaVersion) {
            return {};
        }
    }
    QString collation;
    if (m_config.backend == StorageConfig::Backend::MySQL) {
        // Names must compare exactly as on SQLite and PostgreSQL: binary, and without MySQL's
        // trailing-space padding when the server offers a no-pad binary collation (MariaDB).
        QSqlQuery query(db);
        collation = u"utf8mb4_bin"_s;
        if (query.exec(u"SELECT COLLATION_NAME FROM information_schema.COLLATIONS "
                       u"WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')"_s)
            && query.next()) {
            collation = query.value(0).toString();
        }
    }
    const bool transactional = m_config.backend != StorageConfig::Backend::MySQL;
    if (transactional && !db.transaction())
        return Result<void>::failure(sqlErrorText(db.lastError()));
    Result<void> result = execAll(db, schemaStatements(collation));
    if (result) {
        QSqlQuery query(db);
        query.prepare(u"SELECT value FROM dt_meta WHERE name = 'schema_version'"_s);
        if (!query.exec()) {
            result = Result<void>::failure(sqlErrorText(query.lastError()));
        } else if (!query.next()) {
            query.finish();
            if (!query.exec(
                    u"INSERT INTO dt_meta (name, value) VALUES ('schema_version', '%1')"_s.arg(
                        SchemaVersion)))
                result = Result<void>::failure(sqlErrorText(query.lastError()));
        } else if (query.value(0).toInt() > SchemaVersion) {
            qCWarning(lcStorage) << describe() << "has a newer history schema"
                                 << query.value(0).toInt() << "than this build" << SchemaVersion;
        }
    }
    if (transactional) {
        if (result && !db.commit())
            result = Result<void>::failure(sqlErrorText(db.lastError()));
        if (!result)
            db.rollback();
    }
    return result;
}

QStringList SqlBackend::schemaStatements(const QString &mysqlCollation) const
{
    const bool mysql = m_config.backend == StorageConfig::Backend::MySQL;
    QString id;
    QString sampleId;
    switch (m_config.backend) {
    case StorageConfig::Backend::SQLite:
        // The rowid itself: free.
        id = sampleId = u"INTEGER PRIMARY KEY"_s;
        break;
    case StorageConfig::Backend::PostgreSQL:
        // Samples need an insertion order for ties in ts but no index on it: every index
        // costs insert speed.
        id = u"BIGSERIAL PRIMARY KEY"_s;
        sampleId = u"BIGSERIAL"_s;
        break;
    case StorageConfig::Backend::MySQL:
        // InnoDB clusters on the primary key: an increasing key makes inserts appends.
        id = sampleId = u"BIGINT AUTO_INCREMENT PRIMARY KEY"_s;
        break;
    }
    const QString tail = mysql
        ? u" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=%1"_s.arg(mysqlCollation)
        : QString();
    // MySQL has no CREATE INDEX IF NOT EXISTS: its indexes are declared with the table.
    const QString samplesIndex = mysql ? u", KEY dt_samples_path_ts (path_id, ts)"_s : QString();
    const QString eventsIndex = mysql ? u", KEY dt_events_ts (ts)"_s : QString();

    QStringList statements = {
        u"CREATE TABLE IF NOT EXISTS dt_meta (name VARCHAR(64) NOT NULL PRIMARY KEY, "
        u"value VARCHAR(255) NOT NULL)%1"_s.arg(tail),
        u"CREATE TABLE IF NOT EXISTS dt_paths (id %1, path VARCHAR(%2) NOT NULL, "
        u"attribute VARCHAR(%3) NOT NULL, UNIQUE (path, attribute))%4"_s.arg(id)
            .arg(PathLength)
            .arg(NameLength)
            .arg(tail),
        u"CREATE TABLE IF NOT EXISTS dt_sources (id %1, name VARCHAR(%2) NOT NULL, "
        u"UNIQUE (name))%3"_s.arg(id)
            .arg(NameLength)
            .arg(tail),
        u"CREATE TABLE IF NOT EXISTS dt_samples (id %1, path_id BIGINT NOT NULL, "
        u"ts BIGINT NOT NULL, value TEXT, quality SMALLINT NOT NULL, "
        u"source_id BIGINT NOT NULL%2)%3"_s.arg(sampleId, samplesIndex, tail),
        u"CREATE TABLE IF NOT EXISTS dt_events (id %1, ts BIGINT NOT NULL, "
        u"path VARCHAR(%2) NOT NULL, event VARCHAR(%3) NOT NULL, severity VARCHAR(%4) NOT NULL, "
        u"state VARCHAR(%5) NOT NULL, attribute VARCHAR(%3) NOT NULL, value TEXT, "
        u"message TEXT%6)%7"_s.arg(id)
            .arg(PathLength)
            .arg(NameLength)
            .arg(SeverityLength)
            .arg(StateLength)
            .arg(eventsIndex, tail),
    };
    if (!mysql) {
        statements << u"CREATE INDEX IF NOT EXISTS dt_samples_path_ts ON dt_samples (path_id, ts)"_s
                   << u"CREATE INDEX IF NOT EXISTS dt_events_ts ON dt_events (ts)"_s;
    }
    return statements;
}

QString SqlBackend::insertPathSql() const
{
    switch (m_config.backend) {
    case StorageConfig::Backend::SQLite:
        return u"INSERT OR IGNORE INTO dt_paths (path, attribute) VALUES (?, ?)"_s;
    case StorageConfig::Backend::PostgreSQL:
        return u"INSERT INTO dt_paths (path, attribute) VALUES (?, ?) ON CONFLICT DO NOTHING"_s;
    case StorageConfig::Backend::MySQL:
        break;
    }
    return u"INSERT IGNORE INTO dt_paths (path, attribute) VALUES (?, ?)"_s;
}

QString SqlBackend::insertSourceSql() const
{
    switch (m_config.backend) {
    case StorageConfig::Backend::SQLite:
        return u"INSERT OR IGNORE INTO dt_sources (name) VALUES (?)"_s;
    case StorageConfig::Backend::PostgreSQL:
        return u"INSERT INTO dt_sources (name) VALUES (?) ON CONFLICT DO NOTHING"_s;
    case StorageConfig::Backend::MySQL:
        break;
    }
    return u"INSERT IGNORE INTO dt_sources (name) VALUES (?)"_s;
}

QString SqlBackend::insertSamplesSql(int rows) const
{
    // SQLite: OR FAIL, not the default ABORT, so a multi-row statement needs no statement
    // journal (the undo copy of every page it touches, spilled to a temporary file past 64 KiB:
    // with one index page per path, most of the writer's disk writes). ABORT would undo just the
    // failed statement; this writer rolls back the whole transaction on any error anyway.
    QString sql
        = m_config.backend == StorageConfig::Backend::SQLite ? u"INSERT OR FAIL"_s : u"INSERT"_s;
    sql += u" INTO dt_samples (path_id, ts, value, quality, source_id) VALUES "_s;
    sql.reserve(sql.size() + rows * 18);
    for (int row = 0; row < rows; ++row)
        sql += row == 0 ? u"(?, ?, ?, ?, ?)"_s : u", (?, ?, ?, ?, ?)"_s;
    return sql;
}

QString SqlBackend::insertEventSql() const
{
    return u"INSERT INTO dt_events (ts, path, event, severity, state, attribute, value, message) "
           u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s;
}

QString SqlBackend::insertMetaSql() const
{
    switch (m_config.backend) {
    case StorageConfig::Backend::SQLite:
        return u"INSERT OR IGNORE INTO dt_meta (name, value) VALUES (?, '0')"_s;
    case StorageConfig::Backend::PostgreSQL:
        return u"INSERT INTO dt_meta (name, value) VALUES (?, '0') ON CONFLICT DO NOTHING"_s;
    case StorageConfig::Backend::MySQL:
        break;
    }
    return u"INSERT IGNORE INTO dt_meta (name, value) VALUES (?, '0')"_s;
}

int SqlBackend::rowsPerStatement() const
{
    // SQLite's per-statement cost is small but not nil; the servers pay a round trip per
    // statement. Measured in tst_historystore's throughput case.
    return m_config.backend == StorageConfig::Backend::SQLite ? 64 : 200;
}

bool SqlBackend::isDataError(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    switch (m_config.backend) {
    case StorageConfig::Backend::SQLite:
        // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_RANGE. BUSY, LOCKED, FULL,
        // IOERR, CANTOPEN, READONLY... are outages.
        return code == u"18" || code == u"19" || code == u"20" || code == u"25";
    case StorageConfig::Backend::PostgreSQL:
        // SQLSTATE classes 22 (data exception), 23 (integrity constraint), 54 (program limit).
        return code.startsWith(u"22") || code.startsWith(u"23") || code.startsWith(u"54");
    case StorageConfig::Backend::MySQL:
        break;
    }
    static const QStringList mysqlDataErrors
        = { u"1048"_s, u"1062"_s, u"1264"_s, u"1292"_s, u"1366"_s, u"1406"_s, u"1452"_s };
    return mysqlDataErrors.contains(code);
}

QString SqlBackend::clip(const QString &text, int length)
{
    QString result = text.contains(QChar(0)) ? QString(text).remove(QChar(0)) : text;
    if (result.size() > length) {
        result.truncate(length);
        if (result.back().isHighSurrogate())
            result.chop(1);
    }
    // Never bind a null string to a NOT NULL column.
    return result.isNull() ? QString(u""_s) : result;
}

} // namespace dt::runtime
