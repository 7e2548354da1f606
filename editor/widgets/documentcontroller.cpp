// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/documentcontroller.h"

#include "widgets/documentio.h"
#include "widgets/workbenchsettings.h"

#include "commands/importlibrary.h"
#include "document/amldocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

constexpr int StatusTimeoutMs = 5000;

QString displayName(const AmlDocument *document)
{
    if (!document || document->fileName().isEmpty())
        return DocumentController::tr("Untitled");
    return QFileInfo(document->fileName()).fileName();
}

} // namespace

DocumentController::DocumentController(QWidget *window, WorkbenchSettings *settings,
                                       RecoveryManager *recovery, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_recovery(recovery)
    , m_io(new DocumentIO(window, this))
{
    if (m_recovery)
        connect(m_recovery, &RecoveryManager::autosaveRequested, this,
                &DocumentController::autosave);
}

DocumentController::~DocumentController() = default;

QString DocumentController::libraryDirectory() const
{
    const QStringList folders = m_settings ? m_settings->libraryFolders() : QStringList();
    for (const QString &folder : folders) {
        if (QFileInfo(folder).isDir())
            return folder;
    }
    return AmlDocument::defaultLibraryDir();
}

QString DocumentController::startDirectory() const
{
    if (m_document && !m_document->fileName().isEmpty())
        return QFileInfo(m_document->fileName()).absolutePath();
    const QString last = m_settings ? m_settings->lastDirectory() : QString();
    return last.isEmpty() ? QDir::homePath() : last;
}

void DocumentController::fail(const QString &title, const QString &message)
{
    m_lastError = message;
    Q_EMIT errorOccurred(message);
    Q_EMIT statusMessage(message, StatusTimeoutMs);
    if (!m_showErrors)
        return;
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::NoButton, m_window);
    box.setObjectName(u"errorDialog"_s);
    box.addButton(tr("OK"), QMessageBox::AcceptRole);
    box.exec();
}

void DocumentController::setDocument(std::unique_ptr<AmlDocument> document)
{
    // The views switch to the new document before the old one goes away.
    std::unique_ptr<AmlDocument> old = std::move(m_document);
    m_document = std::move(document);
    if (m_document && m_recovery) {
        connect(m_document.get(), &AmlDocument::modifiedChanged, this, [this](bool modified) {
            if (!modified && m_recovery)
                m_recovery->clear();
        });
    }
    if (m_recovery)
        m_recovery->clear();
    Q_EMIT documentChanged(m_document.get());
    old.reset();
}

bool DocumentController::newDocument()
{
    if (m_io->isBusy() || !maybeSave())
        return false;
    std::unique_ptr<AmlDocument> document = AmlDocument::createNew(libraryDirectory());
    if (!document) {
        fail(tr("New document"), tr("The document template could not be created."));
        return false;
    }
    setDocument(std::move(document));
    Q_EMIT statusMessage(tr("New document"), StatusTimeoutMs);
    return true;
}

bool DocumentController::open(const QString &requested)
{
    if (m_io->isBusy())
        return false;
    QString fileName = requested;
    if (fileName.isEmpty()) {
        fileName = QFileDialog::getOpenFileName(m_window, tr("Open AutomationML file"),
                                                startDirectory(),
                                                tr("AutomationML files (*.aml);;All files (*)"));
        if (fileName.isEmpty())
            return false;
    }
    if (!maybeSave())
        return false;
    Q_EMIT statusMessage(tr("Opening %1…").arg(QFileInfo(fileName).fileName()), 0);
    auto result = m_io->open(fileName);
    if (!result.ok()) {
        if (m_io->wasCancelled()) {
            Q_EMIT statusMessage(result.error(), StatusTimeoutMs);
            return false;
        }
        fail(tr("Open failed"), tr("%1 could not be opened:\n%2")
                                    .arg(QDir::toNativeSeparators(fileName), result.error()));
        if (m_settings && !QFileInfo::exists(fileName)) {
            m_settings->removeRecentFile(fileName);
            Q_EMIT recentFilesChanged();
        }
        return false;
    }
    setDocument(result.takeValue());
    if (m_settings) {
        m_settings->addRecentFile(fileName);
        m_settings->setLastDirectory(QFileInfo(fileName).absolutePath());
        Q_EMIT recentFilesChanged();
    }
    Q_EMIT statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)),
                         StatusTimeoutMs);
    return true;
}

bool DocumentController::save()
{
    if (!m_document)
        return false;
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveTo(m_document->fileName(), m_document->file().schemaVersion);
}

bool DocumentController::saveAs(const QString &requested,
                                std::optional<model::SchemaVersion> version)
{
    if (!m_document)
        return false;
    QString fileName = requested;
    model::SchemaVersion target = version.value_or(m_document->file().schemaVersion);
    if (fileName.isEmpty()) {
        const QString filter30 = tr("AutomationML, CAEX 3.0 (*.aml)");
        const QString filter215 = tr("AutomationML, CAEX 2.15 (*.aml)");
        QString selected = target == model::SchemaVersion::V2_15 ? filter215 : filter30;
        QString start = m_document->fileName();
        if (start.isEmpty())
            start = startDirectory() + u"/untitled.aml"_s;
        fileName = QFileDialog::getSaveFileName(m_window, tr("Save AutomationML file"), start,
                                                filter30 + u";;"_s + filter215, &selected);
        if (fileName.isEmpty())
            return false;
        if (QFileInfo(fileName).suffix().isEmpty())
            fileName += u".aml"_s;
        target = selected == filter215 ? model::SchemaVersion::V2_15 : model::SchemaVersion::V3_0;
    }
    return saveTo(fileName, target);
}

bool DocumentController::saveTo(const QString &fileName, model::SchemaVersion version)
{
    if (m_io->isBusy())
        return false;
    const Result<void> result = m_io->save(m_document.get(), fileName, version);
    if (!result.ok() && m_io->wasCancelled()) {
        Q_EMIT statusMessage(result.error(), StatusTimeoutMs);
        return false;
    }
    if (!result.ok()) {
        fail(tr("Save failed"), tr("%1 could not be saved:\n%2")
                                    .arg(QDir::toNativeSeparators(fileName), result.error()));
        return false;
    }
    if (m_recovery)
        m_recovery->clear();
    if (m_settings) {
        m_settings->addRecentFile(fileName);
        m_settings->setLastDirectory(QFileInfo(fileName).absolutePath());
        Q_EMIT recentFilesChanged();
    }
    Q_EMIT statusMessage(tr("Saved %1 (CAEX %2)")
                             .arg(QDir::toNativeSeparators(fileName),
                                  model::schemaVersionName(version)),
                         StatusTimeoutMs);
    return true;
}

bool DocumentController::importLibrary(const QString &requested)
{
    if (!m_document)
        return false;
    QString fileName = requested;
    if (fileName.isEmpty()) {
        fileName = QFileDialog::getOpenFileName(m_window, tr("Import library"),
                                                libraryDirectory(),
                                                tr("AutomationML files (*.aml);;All files (*)"));
        if (fileName.isEmpty())
            return false;
    }
    if (!QFileInfo(fileName).isFile()) {
        fail(tr("Import library"), tr("%1 is not a file.").arg(QDir::toNativeSeparators(fileName)));
        return false;
    }
    auto *command = new ImportLibrary(m_document.get(), fileName);
    m_document->undoStack()->push(command);
    Q_EMIT statusMessage(tr("Imported %1 as %2")
                             .arg(QFileInfo(fileName).fileName(), command->alias()),
                         StatusTimeoutMs);
    return true;
}

bool DocumentController::maybeSave()
{
    if (!m_document || !m_document->isModified())
        return true;
    GuardAnswer answer = m_guardAnswer;
    if (answer == GuardAnswer::Ask) {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                        tr("%1 has unsaved changes.").arg(displayName(m_document.get())),
                        QMessageBox::NoButton, m_window);
        box.setObjectName(u"unsavedChangesDialog"_s);
        box.setInformativeText(tr("Do you want to save them?"));
        QPushButton *saveButton = box.addButton(tr("Save"), QMessageBox::AcceptRole);
        saveButton->setObjectName(u"saveButton"_s);
        QPushButton *discardButton = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        discardButton->setObjectName(u"discardButton"_s);
        QPushButton *cancelButton = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
        cancelButton->setObjectName(u"cancelButton"_s);
        box.setDefaultButton(saveButton);
        box.setEscapeButton(cancelButton);
        box.exec();
        if (box.clickedButton() == saveButton)
            answer = GuardAnswer::Save;
        else if (box.clickedButton() == discardButton)
            answer = GuardAnswer::Discard;
        else
            answer = GuardAnswer::Cancel;
    }
    switch (answer) {
    case GuardAnswer::Save:
        return save();
    case GuardAnswer::Discard:
        return true;
    case GuardAnswer::Ask:
    case GuardAnswer::Cancel:
        break;
    }
    return false;
}

void DocumentController::autosave()
{
    if (m_recovery && m_document && m_document->isModified() && !m_io->isBusy())
        m_recovery->save(m_document->file(), m_document->fileName());
}

bool DocumentController::offerRecovery()
{
    if (!m_recovery)
        return false;
    const QList<RecoveryManager::Session> sessions = m_recovery->crashedSessions();
    if (sessions.isEmpty())
        return false;
    const RecoveryManager::Session &session = sessions.first(); // the newest
    const QString what = session.originalFile.isEmpty()
        ? tr("an untitled document")
        : QDir::toNativeSeparators(session.originalFile);
    bool recoverIt = m_guardAnswer == GuardAnswer::Save;
    bool discardIt = m_guardAnswer == GuardAnswer::Discard;
    if (m_guardAnswer == GuardAnswer::Ask) {
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved changes"),
                        tr("DT Workbench did not close properly. Unsaved changes to %1 were "
                           "saved automatically at %2.")
                            .arg(what, QLocale().toString(session.savedAt, QLocale::ShortFormat)),
                        QMessageBox::NoButton, m_window);
        box.setObjectName(u"recoveryDialog"_s);
        box.setInformativeText(tr("Do you want to recover them?"));
        QPushButton *recoverButton = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        recoverButton->setObjectName(u"recoverButton"_s);
        QPushButton *discardButton = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        discardButton->setObjectName(u"discardButton"_s);
        QPushButton *laterButton = box.addButton(tr("Later"), QMessageBox::RejectRole);
        laterButton->setObjectName(u"laterButton"_s);
        box.setDefaultButton(recoverButton);
        box.setEscapeButton(laterButton);
        box.exec();
        recoverIt = box.clickedButton() == recoverButton;
        discardIt = box.clickedButton() == discardButton;
    }
    if (discardIt) {
        m_recovery->discard(session);
        Q_EMIT statusMessage(tr("Recovery data discarded"), StatusTimeoutMs);
        return false;
    }
    if (!recoverIt)
        return false;
    if (!recover(session))
        return false;
    m_recovery->discard(session);
    return true;
}

bool DocumentController::recover(const RecoveryManager::Session &session)
{
    if (m_io->isBusy() || !maybeSave())
        return false;
    auto result = m_io->openAs(session.recoveryFile, session.originalFile);
    if (!result.ok()) {
        fail(tr("Recovery failed"), tr("The recovery file could not be read:\n%1")
                                        .arg(result.error()));
        return false;
    }
    std::unique_ptr<AmlDocument> document = result.takeValue();
    // The content differs from the file on disk: it must count as unsaved.
    document->undoStack()->resetClean();
    setDocument(std::move(document));
    Q_EMIT statusMessage(tr("Recovered the unsaved changes of %1")
                             .arg(displayName(m_document.get())),
                         StatusTimeoutMs);
    // Written at once, so a second crash does not lose what was just recovered.
    autosave();
    return true;
}

} // namespace dt::editor
