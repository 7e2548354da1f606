// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storageconfig.h"

#include <QSqlError>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace dt::runtime {

/// Everything that differs between SQLite, PostgreSQL and MySQL/MariaDB, in one place: opening a
/// connection (and creating the database on first use), the schema's DDL and the few statements
/// whose syntax differs. The schema is the same on all three:
///   dt_meta    (name, value)                          schema version
///   dt_paths   (id, path, attribute)  unique          one integer id per path/attribute pair
///   dt_sources (id, name)             unique          one integer id per source
///   dt_samples (id, path_id, ts, value, quality, source_id)   append-only, index (path_id, ts)
///   dt_events  (id, ts, path, event, severity, state, attribute, value, message), index (ts)
class SqlBackend
{
public:
    enum class Role { Writer, Reader };

    /// Column limits (characters); longer texts are cut so that a long name never turns into a
    /// failed batch on the servers, which enforce them.
    static constexpr int PathLength = 512;
    static constexpr int NameLength = 255;
    static constexpr int SeverityLength = 64;
    static constexpr int StateLength = 16;
    static constexpr int SchemaVersion = 1;

    explicit SqlBackend(StorageConfig config);

    const StorageConfig &config() const { return m_config; }
    StorageConfig::Backend kind() const { return m_config.backend; }
    QString driverName() const;
    /// "SQLite /data/history.sqlite", "PostgreSQL dt@localhost:5432/dt", ...
    QString describe() const;

    /// Adds and opens connection `name` in the calling thread. A Writer creates the database
    /// (SQLite file, server database) when missing, switches SQLite to WAL and creates the
    /// schema; a Reader never creates anything. On failure the connection is removed again.
    Result<void> open(const QString &name, Role role) const;
    /// Closes and removes connection `name` (no QSqlQuery on it may still exist).
    static void close(const QString &name);

    /// "INSERT ... dt_paths (path, attribute)" that does nothing when the pair exists.
    QString insertPathSql() const;
    QString insertSourceSql() const;
    /// One INSERT of `rows` samples (path_id, ts, value, quality, source_id) with placeholders.
    QString insertSamplesSql(int rows) const;
    QString insertEventSql() const;
    /// Adds a dt_meta row (name, '0') unless it exists.
    QString insertMetaSql() const;
    /// Samples per multi-row INSERT: fewer statements per batch is what makes servers fast.
    int rowsPerStatement() const;

    /// True when the statement failed because of the data (a constraint, a value out of range),
    /// so retrying the same rows can never succeed; everything else (connection lost, locked,
    /// disk full, server shutting down) is taken as an outage to ride out.
    bool isDataError(const QSqlError &error) const;

    /// Text cut to `length` characters without splitting a surrogate pair, NULs removed
    /// (PostgreSQL rejects them in text).
    static QString clip(const QString &text, int length);

private:
    Result<void> openServer(QSqlDatabase &db, const QString &name, Role role) const;
    Result<void> createServerDatabase(const QString &name) const;
    Result<void> prepareSqlite(QSqlDatabase &db) const;
    Result<void> createSchema(QSqlDatabase &db) const;
    QStringList schemaStatements(const QString &mysqlCollation) const;

    StorageConfig m_config;
};

/// The driver's text and the database's text of an error, on one line.
QString sqlErrorText(const QSqlError &error);

} // namespace dt::runtime
