// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/recoverymanager.h"

#include "model/caexfile.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QWidget;

namespace dt::editor {

class AmlDocument;
class DocumentIO;
class WorkbenchSettings;

/// The document's life cycle in the workbench: New (from the template), Open (off the GUI
/// thread), Save / Save As (3.0 or 2.15), Import library, the unsaved-changes guard, recent
/// files, autosave to the recovery file and recovery after a crash. Owns the current document.
class DocumentController : public QObject
{
    Q_OBJECT
public:
    /// How the unsaved-changes guard answers: Ask shows the dialog; the others answer at once
    /// (tests and scripted runs).
    enum class GuardAnswer { Ask, Save, Discard, Cancel };

    DocumentController(QWidget *window, WorkbenchSettings *settings,
                       RecoveryManager *recovery = nullptr, QObject *parent = nullptr);
    ~DocumentController() override;

    AmlDocument *document() const { return m_document.get(); }
    DocumentIO *io() const { return m_io; }
    RecoveryManager *recovery() const { return m_recovery; }

    /// Where New finds the libraries: the first library folder of the preferences that exists,
    /// else the built-in resources/libraries.
    QString libraryDirectory() const;

    /// A new document from the template (after the guard). False when cancelled or failed.
    bool newDocument();
    /// Opens a file (after the guard); empty fileName asks with a file dialog.
    bool open(const QString &fileName = QString());
    /// Saves to the document's file in its schema version; asks for a name when it has none.
    bool save();
    /// Saves under a new name; empty fileName asks (the dialog's filter chooses 3.0 or 2.15),
    /// a missing version keeps the document's.
    bool saveAs(const QString &fileName = QString(),
                std::optional<model::SchemaVersion> version = std::nullopt);
    /// Adds an ExternalReference to a library file (empty: ask, starting in a library folder).
    bool importLibrary(const QString &fileName = QString());
    /// The guard: true when the caller may drop the document (saved, discarded, or clean).
    bool maybeSave();

    /// Replaces the document (no guard); nullptr leaves none.
    void setDocument(std::unique_ptr<AmlDocument> document);

    /// Offers the newest crashed session for recovery (asks unless the guard answer is set:
    /// Save/Discard then mean recover/discard). Returns true when a session was recovered.
    bool offerRecovery();
    /// Recovers a session: its autosaved content becomes the document, named like the file it
    /// was editing, with unsaved changes.
    bool recover(const RecoveryManager::Session &session);
    /// Writes the recovery file now when there are unsaved changes.
    void autosave();

    void setGuardAnswer(GuardAnswer answer) { m_guardAnswer = answer; }
    /// Errors go to a message box when true (default), else only to errorOccurred/statusMessage.
    void setShowErrors(bool show) { m_showErrors = show; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    /// The document was replaced (nullptr: none).
    void documentChanged(dt::editor::AmlDocument *document);
    void statusMessage(const QString &text, int timeoutMs);
    void errorOccurred(const QString &message);
    void recentFilesChanged();

private:
    void fail(const QString &title, const QString &message);
    bool saveTo(const QString &fileName, model::SchemaVersion version);
    QString startDirectory() const;

    QPointer<QWidget> m_window;
    WorkbenchSettings *m_settings;
    QPointer<RecoveryManager> m_recovery;
    DocumentIO *m_io;
    std::unique_ptr<AmlDocument> m_document;
    GuardAnswer m_guardAnswer = GuardAnswer::Ask;
    bool m_showErrors = true;
    QString m_lastError;
};

} // namespace dt::editor
