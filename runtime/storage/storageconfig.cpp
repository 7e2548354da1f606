// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageconfig.h"

#include "model/caexpath.h"
#include "model/systemunit.h"

#include <QDir>

#include <optional>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

/// The attribute's Value, else its DefaultValue; blank counts as absent.
std::optional<QString> attributeText(const model::InternalElement &element, QStringView name)
{
    const model::Attribute *attribute = model::findAttribute(element.attributes, name);
    if (!attribute)
        return std::nullopt;
    for (const std::optional<QString> *text : { &attribute->value, &attribute->defaultValue }) {
        if (*text && !(*text)->trimmed().isEmpty())
            return (*text)->trimmed();
    }
    return std::nullopt;
}

class ElementReader
{
public:
    explicit ElementReader(const model::InternalElement &element)
        : m_element(element)
    {
    }

    // Absent attributes fall back to the library's defaults, so a hand-written element with
    // only the attributes that differ still works.
    QString text(QStringView name, const QString &fallback) const
    {
        return attributeText(m_element, name).value_or(fallback);
    }

    bool integer(QStringView name, qint64 fallback, qint64 min, qint64 max, int *out)
    {
        const std::optional<QString> text = attributeText(m_element, name);
        if (!text) {
            *out = int(fallback);
            return true;
        }
        bool ok = false;
        const qint64 number = text->toLongLong(&ok);
        if (!ok || number < min || number > max) {
            m_error = u"storage '%1': attribute '%2' must be a whole number from %3 to %4, "
                      "not '%5'"_s.arg(m_element.name, name)
                          .arg(min)
                          .arg(max)
                          .arg(*text);
            return false;
        }
        *out = int(number);
        return true;
    }

    const QString &error() const { return m_error; }

private:
    const model::InternalElement &m_element;
    QString m_error;
};

std::optional<StorageConfig::Backend> backendFromClassName(const QString &className)
{
    if (className == u"SQLiteStorage")
        return StorageConfig::Backend::SQLite;
    if (className == u"PostgreSQLStorage")
        return StorageConfig::Backend::PostgreSQL;
    if (className == u"MySQLStorage")
        return StorageConfig::Backend::MySQL;
    return std::nullopt;
}

} // namespace

QString backendName(StorageConfig::Backend backend)
{
    switch (backend) {
    case StorageConfig::Backend::SQLite:
        return u"SQLite"_s;
    case StorageConfig::Backend::PostgreSQL:
        return u"PostgreSQL"_s;
    case StorageConfig::Backend::MySQL:
        break;
    }
    return u"MySQL"_s;
}

Result<StorageConfig> storageConfigFromElement(
    const model::InternalElement &element, const QString &dataDir)
{
    const model::CaexPath classPath = model::CaexPath::parse(element.refBaseSystemUnitPath);
    const QString className = classPath.segments.isEmpty() ? QString() : classPath.segments.last();
    const std::optional<StorageConfig::Backend> backend = backendFromClassName(className);
    if (!backend) {
        return Result<StorageConfig>::failure(
            u"storage '%1': class '%2' is not SQLiteStorage, PostgreSQLStorage or MySQLStorage"_s
                .arg(element.name, element.refBaseSystemUnitPath));
    }

    StorageConfig config;
    config.backend = *backend;
    ElementReader reader(element);
    if (!reader.integer(u"RetentionDays", 365, 0, 1'000'000, &config.retentionDays)
        || !reader.integer(u"BatchSize", config.batchSize, 1, 1'000'000, &config.batchSize)
        || !reader.integer(
            u"FlushIntervalMs", config.flushIntervalMs, 1, 3'600'000, &config.flushIntervalMs)) {
        return Result<StorageConfig>::failure(reader.error());
    }

    if (config.backend == StorageConfig::Backend::SQLite) {
        const QString file = reader.text(u"File", u"history.sqlite"_s);
        const QDir base(dataDir.isEmpty() ? QDir::currentPath() : dataDir);
        config.file = QDir::cleanPath(base.absoluteFilePath(file));
        return config;
    }

    const bool postgres = config.backend == StorageConfig::Backend::PostgreSQL;
    config.host = reader.text(u"Host", u"localhost"_s);
    if (!reader.integer(u"Port", postgres ? 5432 : 3306, 1, 65535, &config.port))
        return Result<StorageConfig>::failure(reader.error());
    config.database = reader.text(u"Database", u"dt"_s);
    config.user = reader.text(u"User", u"dt"_s);
    const QString passwordEnv = reader.text(u"PasswordEnv", u"DT_DB_PASSWORD"_s);
    // An unset variable means no password (trust or peer authentication), not an error.
    config.password = qEnvironmentVariable(passwordEnv.toLocal8Bit().constData());
    return config;
}

} // namespace dt::runtime
