// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatorlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace dt::workbench {

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// Nobody listens on host:port when we can listen there ourselves (a listening socket makes
/// bind fail even with SO_REUSEADDR).
bool portIsFree(const QString &host, quint16 port)
{
    QTcpServer probe;
    const QHostAddress address = host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(host);
    return probe.listen(address, port);
}

} // namespace

SimulatorLauncher::SimulatorLauncher(QObject *parent)
    : QObject(parent)
    , m_program(findProgram())
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        fail(tr("dt-valvesim did not report listening within %1 s").arg(m_timeoutMs / 1000));
    });
}

SimulatorLauncher::~SimulatorLauncher()
{
    stop();
}

bool SimulatorLauncher::parseEndpoint(const QString &text, Endpoint *endpoint)
{
    static const QRegularExpression re(
        uR"(^tcp://(\[[^\]]+\]|[^\s:/]+):(\d{1,5})(?:\s+unit\s+(\d+))?)"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    bool ok = false;
    const uint port = m.captured(2).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return false;
    QString host = m.captured(1);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    endpoint->host = host;
    endpoint->port = quint16(port);
    endpoint->unitId = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    return true;
}

QList<SimulatorLauncher::Range> SimulatorLauncher::rangesToSimulate(
    const QList<Endpoint> &endpoints)
{
    QList<Endpoint> wanted;
    for (const Endpoint &e : endpoints) {
        if (!isLoopback(e.host) || !portIsFree(e.host, e.port))
            continue;
        const bool duplicate = std::any_of(wanted.cbegin(), wanted.cend(),
            [&](const Endpoint &w) { return w.host == e.host && w.port == e.port; });
        if (!duplicate)
            wanted.append(e);
    }
    std::sort(wanted.begin(), wanted.end(), [](const Endpoint &a, const Endpoint &b) {
        return a.host != b.host ? a.host < b.host : a.port < b.port;
    });
    QList<Range> ranges;
    for (const Endpoint &e : std::as_const(wanted)) {
        if (!ranges.isEmpty()) {
            Range &last = ranges.last();
            if (last.host == e.host && last.unitId == e.unitId
                && int(last.first) + last.count == int(e.port)) {
                ++last.count;
                continue;
            }
        }
        ranges.append(Range { e.host, e.port, 1, e.unitId });
    }
    return ranges;
}

QString SimulatorLauncher::findProgram()
{
    const QString fromEnv = qEnvironmentVariable("DT_VALVESIM");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QDir appDir(QCoreApplication::applicationDirPath());
    // The build tree has app/dt-workbench/ and app/dt-valvesim/ side by side; an installation
    // puts both binaries in one folder.
    for (const QString &candidate :
        { appDir.filePath(u"../dt-valvesim/dt-valvesim"_s), appDir.filePath(u"dt-valvesim"_s) }) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(u"dt-valvesim"_s);
}

QString SimulatorLauncher::rangeText(const Range &range)
{
    return range.count == 1
        ? u"%1:%2"_s.arg(range.host).arg(range.first)
        : u"%1:%2-%3"_s.arg(range.host).arg(range.first).arg(range.first + range.count - 1);
}

QStringList SimulatorLauncher::describe() const
{
    QStringList texts;
    for (const Child &child : m_children)
        texts.append(rangeText(child.range));
    return texts;
}

void SimulatorLauncher::start(const QList<Range> &ranges)
{
    stop();
    if (ranges.isEmpty()) {
        Q_EMIT started();
        return;
    }
    if (m_program.isEmpty() || !QFileInfo(m_program).isExecutable()) {
        Q_EMIT failed(tr("dt-valvesim was not found (looked next to this program and in PATH; "
                         "DT_VALVESIM names it explicitly)"));
        return;
    }
    m_starting = true;
    m_stopping = false;
    for (const Range &range : ranges) {
        auto *process = new QProcess(this);
        process->setProgram(m_program);
        QStringList arguments { u"--valves"_s, QString::number(range.count), u"--port"_s,
            QString::number(range.first), u"--host"_s,
            range.host == u"localhost"_s ? u"127.0.0.1"_s : range.host };
        if (range.unitId != 1)
            arguments << u"--unit-id"_s << QString::number(range.unitId);
        if (m_cycleSeconds > 0)
            arguments << u"--cycle-s"_s << QString::number(m_cycleSeconds);
        arguments << m_extraArguments;
        process->setArguments(arguments);
        process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
        // A workbench that is killed (no destructors) must not leave simulators behind.
        process->setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
        m_children.push_back(Child { process, range, {}, false });
        connect(process, &QProcess::readyReadStandardOutput, this, [this, process]() {
            for (Child &child : m_children) {
                if (child.process == process)
                    readOutput(child);
            }
        });
        connect(process, &QProcess::finished, this, [this, process]() { childFinished(process); });
        connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                childFinished(process);
        });
        process->start();
    }
    m_timeout.start(m_timeoutMs);
}

void SimulatorLauncher::readOutput(Child &child)
{
    child.output += child.process->readAllStandardOutput();
    if (child.listening || !child.output.contains("listening"))
        return;
    child.listening = true;
    const bool all = std::all_of(
        m_children.cbegin(), m_children.cend(), [](const Child &c) { return c.listening; });
    if (all && m_starting) {
        m_starting = false;
        m_timeout.stop();
        Q_EMIT started();
    }
}

void SimulatorLauncher::childFinished(QProcess *process)
{
    if (m_stopping)
        return;
    QString error = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
    if (error.isEmpty())
        error = process->error() == QProcess::FailedToStart
            ? process->errorString()
            : tr("exited with code %1").arg(process->exitCode());
    QString range;
    for (const Child &child : m_children) {
        if (child.process == process)
            range = rangeText(child.range);
    }
    const QString message = tr("dt-valvesim (%1): %2").arg(range, error);
    if (m_starting) {
        fail(message);
        return;
    }
    Q_EMIT crashed(message);
}

void SimulatorLauncher::fail(const QString &error)
{
    if (!m_starting)
        return;
    m_starting = false;
    stop();
    Q_EMIT failed(error);
}

void SimulatorLauncher::stop()
{
    m_timeout.stop();
    m_starting = false;
    m_stopping = true;
    // SIGTERM lets each simulator close its servers; kill only the ones that do not react.
    for (const Child &child : m_children) {
        if (child.process->state() != QProcess::NotRunning)
            child.process->terminate();
    }
    for (const Child &child : m_children) {
        QProcess *process = child.process;
        if (process->state() != QProcess::NotRunning && !process->waitForFinished(3000)) {
            process->kill();
            process->waitForFinished(2000);
        }
        process->disconnect(this);
        process->deleteLater();
    }
    m_children.clear();
    m_stopping = false;
}

bool SimulatorLauncher::isRunning() const
{
    return std::any_of(m_children.cbegin(), m_children.cend(),
        [](const Child &c) { return c.process->state() != QProcess::NotRunning; });
}

QList<qint64> SimulatorLauncher::processIds() const
{
    QList<qint64> ids;
    for (const Child &child : m_children) {
        if (child.process->state() != QProcess::NotRunning)
            ids.append(child.process->processId());
    }
    return ids;
}

} // namespace dt::workbench
