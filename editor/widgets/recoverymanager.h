// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QLockFile;

namespace dt::model {
struct CaexFile;
}

namespace dt::editor {

/// Crash recovery. Each running workbench holds a session marker (a QLockFile) in the recovery
/// directory and, while its document has unsaved changes, writes it every few minutes to the
/// session's recovery file. A clean exit removes both. At the next start, a recovery file
/// whose marker is no longer held by a live process belongs to a session that crashed: the
/// window offers to recover it.
///
/// Directory: the constructor's argument, else the environment variable DT_RECOVERY_DIR, else
/// QStandardPaths::AppDataLocation + "/recovery".
class RecoveryManager : public QObject
{
    Q_OBJECT
public:
    /// What a crashed session left behind.
    struct Session
    {
        QString id;            ///< the marker's base name
        QString recoveryFile;  ///< the autosaved document
        QString originalFile;  ///< the file the session was editing; empty for a new document
        QDateTime savedAt;
    };

    explicit RecoveryManager(const QString &directory = QString(), QObject *parent = nullptr);
    ~RecoveryManager() override;

    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    /// Takes this session's marker; false (with the reason in errorString()) when the directory
    /// is not writable: the workbench then runs without recovery.
    bool start();
    bool isActive() const { return m_lock != nullptr; }
    QString errorString() const { return m_error; }

    /// Sessions of processes that ended without cleaning up and left a recovery file.
    QList<Session> crashedSessions() const;
    /// Removes what a crashed session left (after it was recovered or declined).
    void discard(const Session &session);

    /// The autosave period; 0 stops autosaving. The environment variable DT_AUTOSAVE_MS, when
    /// set, replaces any interval (tests use it to autosave within a second).
    void setIntervalMinutes(int minutes);
    int intervalMs() const;

    /// Writes the document to this session's recovery file now (a copy is written off the GUI
    /// thread). 'originalFile' is remembered for the offer.
    void save(const model::CaexFile &file, const QString &originalFile);
    /// Removes this session's recovery file (the document was saved or closed).
    void clear();
    /// Removes this session's marker and recovery file (clean exit).
    void finish();

    QString recoveryFile() const;

Q_SIGNALS:
    /// The timer fired: the owner calls save() if the document has unsaved changes.
    void autosaveRequested();
    /// A recovery file was written (or failed to be).
    void saved(bool ok, const QString &message);

private:
    QString sessionPath(const QString &id, const QString &suffix) const;
    void removeStaleMarkers() const;

    QString m_directory;
    QString m_sessionId;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    QFuture<Result<void>> m_write;
};

} // namespace dt::editor
