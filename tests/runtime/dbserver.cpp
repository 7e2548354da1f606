// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbserver.h"

#include <QCollator>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace dt::test {

namespace {

constexpr int StartTimeoutMs = 90'000;

bool isRoot()
{
    return ::geteuid() == 0;
}

QString findProgram(const QString &name)
{
    const QString inPath = QStandardPaths::findExecutable(name);
    if (!inPath.isEmpty())
        return inPath;
    return QStandardPaths::findExecutable(name, { u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s });
}

/// The bin folder of the newest PostgreSQL under /usr/lib/postgresql (Debian's layout).
QString postgresBinDir()
{
    QStringList versions
        = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(versions.begin(), versions.end(),
        [&](const QString &a, const QString &b) { return collator.compare(a, b) > 0; });
    for (const QString &version : std::as_const(versions)) {
        const QString bin = u"/usr/lib/postgresql/%1/bin"_s.arg(version);
        if (QFile::exists(bin + u"/initdb"_s) && QFile::exists(bin + u"/pg_ctl"_s))
            return bin;
    }
    return QString();
}

QString mariaDbInstaller()
{
    const QString installer = findProgram(u"mariadb-install-db"_s);
    return installer.isEmpty() ? findProgram(u"mysql_install_db"_s) : installer;
}

QString mariaDbServer()
{
    const QString server = findProgram(u"mariadbd"_s);
    return server.isEmpty() ? findProgram(u"mysqld"_s) : server;
}

/// A loopback port nobody listens on right now (the OS picks it).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

} // namespace

DbServer::DbServer(Kind kind)
    : m_kind(kind)
    , m_dir(QDir::tempPath() + u"/dtdb-XXXXXX"_s)
    , m_port(freePort())
{
}

DbServer::~DbServer()
{
    if (m_running)
        stop();
}

QString DbServer::kindName(Kind kind)
{
    return kind == Kind::PostgreSQL ? u"PostgreSQL"_s : u"MariaDB"_s;
}

QString DbServer::missingPrograms(Kind kind)
{
    if (kind == Kind::PostgreSQL) {
        if (postgresBinDir().isEmpty())
            return u"PostgreSQL server programs (initdb, pg_ctl under /usr/lib/postgresql/*/bin)"_s;
        if (isRoot() && (findProgram(u"runuser"_s).isEmpty() || !::getpwnam("postgres")))
            return u"runuser and a 'postgres' user (needed to run PostgreSQL as root)"_s;
        return QString();
    }
    if (mariaDbInstaller().isEmpty() || mariaDbServer().isEmpty())
        return u"MariaDB server programs (mariadb-install-db, mariadbd)"_s;
    return QString();
}

QString DbServer::logFile() const
{
    return m_dir.filePath(m_kind == Kind::PostgreSQL ? u"postgres.log"_s : u"mariadb.log"_s);
}

QString DbServer::logTail(int lines) const
{
    QFile file(logFile());
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
}

bool DbServer::run(const QString &program, const QStringList &arguments, bool runAsPostgres,
    int timeoutMs, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (runAsPostgres && isRoot())
        process.start(findProgram(u"runuser"_s),
            QStringList { u"-u"_s, u"postgres"_s, u"--"_s, program } + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForStarted(30'000) || !process.waitForFinished(timeoutMs)) {
        *error = u"%1 did not run: %2"_s.arg(program, process.errorString());
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = u"%1 failed (exit %2): %3"_s.arg(program)
                     .arg(process.exitCode())
                     .arg(QString::fromLocal8Bit(process.readAll()).trimmed().right(2000));
        return false;
    }
    return true;
}

bool DbServer::initialise(QString *error)
{
    if (m_initialised)
        return true;
    if (!m_dir.isValid()) {
        *error = u"no temporary directory: %1"_s.arg(m_dir.errorString());
        return false;
    }
    if (m_port == 0) {
        *error = u"no free loopback port"_s;
        return false;
    }
    const QString data = m_dir.filePath(u"data"_s);
    if (m_kind == Kind::PostgreSQL) {
        // initdb and postgres refuse to run as root: hand the folder to the postgres user.
        if (isRoot()) {
            const passwd *postgres = ::getpwnam("postgres");
            if (!postgres
                || ::chown(QFile::encodeName(m_dir.path()).constData(), postgres->pw_uid,
                       postgres->pw_gid)
                    != 0) {
                *error = u"cannot hand %1 to the postgres user"_s.arg(m_dir.path());
                return false;
            }
        }
        // Trust authentication on loopback: any password works for user dt (a superuser).
        if (!run(postgresBinDir() + u"/initdb"_s,
                { u"-D"_s, data, u"-U"_s, user(), u"--auth=trust"_s, u"-E"_s, u"UTF8"_s,
                    u"--no-locale"_s, u"--no-sync"_s },
                true, StartTimeoutMs, error)) {
            return false;
        }
    } else {
        QStringList arguments = { u"--no-defaults"_s, u"--datadir=%1"_s.arg(data),
            u"--auth-root-authentication-method=normal"_s, u"--skip-test-db"_s };
        if (isRoot())
            arguments << u"--user=root"_s;
        if (!run(mariaDbInstaller(), arguments, false, StartTimeoutMs, error))
            return false;
    }
    m_initialised = true;
    return true;
}

bool DbServer::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (m_running)
        return true;
    if (!initialise(error))
        return false;
    if (m_kind == Kind::PostgreSQL ? startPostgres(error) : startMariaDb(error)) {
        m_running = true;
        return true;
    }
    *error += u"\n--- server log ---\n"_s + logTail();
    return false;
}

bool DbServer::startPostgres(QString *error)
{
    // fsync off: this is a throw-away server; a clean shutdown still writes everything.
    const QString options = u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                            u"-c full_page_writes=off"_s.arg(m_port)
                                .arg(m_dir.path());
    return run(postgresBinDir() + u"/pg_ctl"_s,
        { u"-D"_s, m_dir.filePath(u"data"_s), u"-l"_s, logFile(), u"-o"_s, options, u"-w"_s,
            u"-t"_s, u"90"_s, u"start"_s },
        true, StartTimeoutMs + 10'000, error);
}

bool DbServer::startMariaDb(QString *error)
{
    QStringList arguments = {
        u"--no-defaults"_s,
        u"--datadir=%1"_s.arg(m_dir.filePath(u"data"_s)),
        u"--socket=%1"_s.arg(m_dir.filePath(u"mysql.sock"_s)),
        u"--port=%1"_s.arg(m_port),
        u"--bind-address=127.0.0.1"_s,
        u"--pid-file=%1"_s.arg(m_dir.filePath(u"mariadb.pid"_s)),
        u"--log-error=%1"_s.arg(logFile()),
        u"--skip-log-bin"_s,
        u"--skip-name-resolve"_s,
        u"--innodb-flush-log-at-trx-commit=2"_s,
    };
    if (isRoot())
        arguments << u"--user=root"_s;
    m_mariadbd = std::make_unique<QProcess>();
    m_mariadbd->setWorkingDirectory(m_dir.path());
    m_mariadbd->setProcessChannelMode(QProcess::MergedChannels);
    m_mariadbd->setStandardOutputFile(m_dir.filePath(u"mariadbd.out"_s), QIODevice::Append);
    m_mariadbd->start(mariaDbServer(), arguments);
    if (!m_mariadbd->waitForStarted(30'000)) {
        *error = u"mariadbd did not start: %1"_s.arg(m_mariadbd->errorString());
        return false;
    }
    if (!waitForMariaDb(error)) {
        m_mariadbd->kill();
        m_mariadbd->waitForFinished(10'000);
        return false;
    }
    return createMariaDbUser(error);
}

bool DbServer::waitForMariaDb(QString *error)
{
    const QString name = u"dbserver.wait.%1"_s.arg(quintptr(this), 0, 16);
    const QDeadlineTimer deadline(StartTimeoutMs);
    bool ready = false;
    QString lastError;
    while (!ready && !deadline.hasExpired()) {
        if (m_mariadbd->state() == QProcess::NotRunning) {
            *error = u"mariadbd exited with code %1"_s.arg(m_mariadbd->exitCode());
            return false;
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QMYSQL"_s, name);
            db.setUserName(u"root"_s);
            db.setConnectOptions(u"UNIX_SOCKET=%1"_s.arg(m_dir.filePath(u"mysql.sock"_s)));
            ready = db.open();
            lastError = db.lastError().text();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (!ready)
            QThread::msleep(100);
    }
    if (!ready)
        *error = u"MariaDB did not accept connections: %1"_s.arg(lastError);
    return ready;
}

bool DbServer::createMariaDbUser(QString *error)
{
    const QString name = u"dbserver.admin.%1"_s.arg(quintptr(this), 0, 16);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QMYSQL"_s, name);
        db.setUserName(u"root"_s);
        db.setConnectOptions(u"UNIX_SOCKET=%1"_s.arg(m_dir.filePath(u"mysql.sock"_s)));
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement :
            { u"CREATE USER IF NOT EXISTS 'dt'@'%' IDENTIFIED BY '%1'"_s.arg(password()),
                u"GRANT ALL PRIVILEGES ON *.* TO 'dt'@'%'"_s }) {
            if (ok && !query.exec(statement)) {
                *error = u"%1: %2"_s.arg(statement, query.lastError().text());
                ok = false;
            }
        }
        if (!db.isOpen())
            *error = db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool DbServer::stop(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!m_running)
        return true;
    bool ok = true;
    if (m_kind == Kind::PostgreSQL) {
        ok = run(postgresBinDir() + u"/pg_ctl"_s,
            { u"-D"_s, m_dir.filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"60"_s,
                u"stop"_s },
            true, 70'000, error);
        if (!ok) {
            QString second;
            run(postgresBinDir() + u"/pg_ctl"_s,
                { u"-D"_s, m_dir.filePath(u"data"_s), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s },
                true, 30'000, &second);
        }
    } else if (m_mariadbd) {
        m_mariadbd->terminate();
        if (!m_mariadbd->waitForFinished(60'000)) {
            *error = u"mariadbd did not stop within 60 s; killed"_s;
            m_mariadbd->kill();
            m_mariadbd->waitForFinished(10'000);
            ok = false;
        }
        m_mariadbd.reset();
    }
    m_running = false;
    return ok;
}

} // namespace dt::test
