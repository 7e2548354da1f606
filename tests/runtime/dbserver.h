// SPDX-License-Identifier: GPL-3.0-or-later
// A throw-away PostgreSQL or MariaDB server for tests: initialised in a temporary directory,
// listening on a free loopback port, stopped (and deleted) by the destructor. Works as root
// (CI): PostgreSQL then runs as the `postgres` system user, MariaDB with --user=root.
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace dt::test {

class DbServer
{
public:
    enum class Kind { PostgreSQL, MariaDB };

    explicit DbServer(Kind kind);
    ~DbServer();
    DbServer(const DbServer &) = delete;
    DbServer &operator=(const DbServer &) = delete;

    /// Empty when the server programs are installed, else what is missing (for QSKIP).
    static QString missingPrograms(Kind kind);
    /// "PostgreSQL" / "MariaDB".
    static QString kindName(Kind kind);

    /// Initialises the data directory on first use, starts the server and waits until it
    /// accepts connections. The port stays the same across stop()/start().
    bool start(QString *error);
    /// Shuts the server down and waits for it (a fast shutdown: sessions are cut).
    bool stop(QString *error = nullptr);
    bool isRunning() const { return m_running; }

    Kind kind() const { return m_kind; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    /// A user allowed to create databases.
    QString user() const { return QStringLiteral("dt"); }
    QString password() const { return QStringLiteral("dt-test-password"); }
    /// The last lines of the server's log, for failure messages.
    QString logTail(int lines = 15) const;

private:
    bool initialise(QString *error);
    bool startPostgres(QString *error);
    bool startMariaDb(QString *error);
    bool waitForMariaDb(QString *error);
    bool createMariaDbUser(QString *error);
    /// Runs a program to completion (as `postgres` when root and runAsPostgres).
    bool run(const QString &program, const QStringList &arguments, bool runAsPostgres,
        int timeoutMs, QString *error);
    QString logFile() const;

    Kind m_kind;
    QTemporaryDir m_dir;
    int m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    std::unique_ptr<QProcess> m_mariadbd;
};

} // namespace dt::test
