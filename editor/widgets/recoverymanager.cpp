// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/recoverymanager.h"

#include "model/caexfile.h"
#include "model/caexwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QPointer>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {
const QString LockSuffix = u".lock"_s;
const QString RecoverySuffix = u".aml"_s;
const QString InfoSuffix = u".json"_s;
} // namespace

RecoveryManager::RecoveryManager(const QString &directory, QObject *parent)
    : QObject(parent)
{
    m_directory = directory;
    if (m_directory.isEmpty())
        m_directory = qEnvironmentVariable("DT_RECOVERY_DIR");
    if (m_directory.isEmpty())
        m_directory = defaultDirectory();
    m_directory = QDir::cleanPath(QDir(m_directory).absolutePath());
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::autosaveRequested);
}

RecoveryManager::~RecoveryManager() = default;

QString RecoveryManager::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery"_s;
}

QString RecoveryManager::sessionPath(const QString &id, const QString &suffix) const
{
    return m_directory + u'/' + id + suffix;
}

QString RecoveryManager::recoveryFile() const
{
    return m_sessionId.isEmpty() ? QString() : sessionPath(m_sessionId, RecoverySuffix);
}

bool RecoveryManager::start()
{
    if (m_lock)
        return true;
    if (!QDir().mkpath(m_directory)) {
        m_error = tr("Cannot create the recovery folder %1.").arg(m_directory);
        return false;
    }
    // The process id keeps names readable; the random part keeps them unique across reboots.
    const QString id = u"session-%1-%2"_s.arg(QCoreApplication::applicationPid())
                           .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    auto lock = std::make_unique<QLockFile>(sessionPath(id, LockSuffix));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        m_error = tr("Cannot create the session marker in %1.").arg(m_directory);
        return false;
    }
    m_sessionId = id;
    m_lock = std::move(lock);
    removeStaleMarkers();
    return true;
}

void RecoveryManager::removeStaleMarkers() const
{
    // Markers of sessions that died before their first autosave have nothing to offer.
    const QFileInfoList markers =
        QDir(m_directory).entryInfoList({u"session-*"_s + LockSuffix}, QDir::Files);
    for (const QFileInfo &marker : markers) {
        const QString id = marker.completeBaseName();
        if (id == m_sessionId || QFileInfo::exists(sessionPath(id, RecoverySuffix)))
            continue;
        QLockFile probe(marker.absoluteFilePath());
        probe.setStaleLockTime(0);
        if (probe.tryLock(0)) {
            probe.unlock();
            QFile::remove(sessionPath(id, InfoSuffix));
        }
    }
}

QList<RecoveryManager::Session> RecoveryManager::crashedSessions() const
{
    QList<Session> sessions;
    const QDir dir(m_directory);
    const QFileInfoList files =
        dir.entryInfoList({u"session-*"_s + RecoverySuffix}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : files) {
        const QString id = info.completeBaseName();
        if (id == m_sessionId)
            continue;
        // A marker still held by a running workbench means that session is alive: not ours.
        // A stale one (its process is gone) is taken and dropped by tryLock.
        if (QFileInfo::exists(sessionPath(id, LockSuffix))) {
            QLockFile probe(sessionPath(id, LockSuffix));
            probe.setStaleLockTime(0);
            if (!probe.tryLock(0))
                continue;
            probe.unlock();
        }
        Session session;
        session.id = id;
        session.recoveryFile = info.absoluteFilePath();
        session.savedAt = info.lastModified();
        QFile infoFile(sessionPath(id, InfoSuffix));
        if (infoFile.open(QIODevice::ReadOnly)) {
            const QJsonObject object = QJsonDocument::fromJson(infoFile.readAll()).object();
            session.originalFile = object.value(u"originalFile"_s).toString();
        }
        sessions.append(session);
    }
    return sessions;
}

void RecoveryManager::discard(const Session &session)
{
    if (session.id.isEmpty() || session.id == m_sessionId)
        return;
    QFile::remove(sessionPath(session.id, RecoverySuffix));
    QFile::remove(sessionPath(session.id, InfoSuffix));
}

void RecoveryManager::setIntervalMinutes(int minutes)
{
    int ms = qMax(0, minutes) * 60 * 1000;
    bool ok = false;
    const int overrideMs = qEnvironmentVariableIntValue("DT_AUTOSAVE_MS", &ok);
    if (ok && overrideMs > 0)
        ms = overrideMs;
    if (ms <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(ms);
}

int RecoveryManager::intervalMs() const
{
    return m_timer.isActive() ? m_timer.interval() : 0;
}

void RecoveryManager::save(const model::CaexFile &file, const QString &originalFile)
{
    if (!m_lock)
        return;
    if (m_write.isRunning())
        return; // the previous autosave is still being written; the next tick catches up
    QFile info(sessionPath(m_sessionId, InfoSuffix));
    if (info.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QJsonObject object;
        object.insert(u"originalFile"_s, originalFile);
        info.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    // The copy is cheap next to serialising; the writer then works on its own snapshot.
    auto snapshot = std::make_shared<model::CaexFile>(file);
    const QString target = recoveryFile();
    QPointer<RecoveryManager> self(this);
    m_write = QtConcurrent::run([snapshot, target]() {
        return model::CaexWriter().writeFile(*snapshot, target);
    });
    // Waiting on m_write (clear()) is safe; waiting on this continuation would not be, since it
    // runs on our thread.
    m_write.then(this, [self](const Result<void> &result) {
        if (self)
            Q_EMIT self->saved(result.ok(), result.ok() ? QString() : result.error());
    });
}

void RecoveryManager::clear()
{
    if (m_sessionId.isEmpty())
        return;
    // A write still running would recreate the file after we removed it.
    m_write.waitForFinished();
    QFile::remove(sessionPath(m_sessionId, RecoverySuffix));
    QFile::remove(sessionPath(m_sessionId, InfoSuffix));
}

void RecoveryManager::finish()
{
    m_timer.stop();
    clear();
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

} // namespace dt::editor
