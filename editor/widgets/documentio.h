// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/caexfile.h"
#include "model/result.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace dt::editor {

class AmlDocument;

/// Opens and saves documents off the GUI thread. The GUI stays responsive (a modal
/// QProgressDialog shows progress; opening can be cancelled) while the calls below wait in a
/// local event loop, so callers read like synchronous code and tests need no polling.
class DocumentIO : public QObject
{
    Q_OBJECT
public:
    /// dialogParent: where the progress dialog appears (nullptr: none, e.g. headless tests).
    explicit DocumentIO(QWidget *dialogParent = nullptr, QObject *parent = nullptr);

    /// Reads a file into a new document (built on the worker, then handed to this thread).
    /// Fails with the reader's message, or with "cancelled" when the user cancelled.
    Result<std::unique_ptr<AmlDocument>> open(const QString &fileName);
    /// Reads 'fileName' but gives the document another name (and that name's folder as the base
    /// of relative references); an empty documentName makes an untitled document. For crash
    /// recovery, where the file read is the autosaved copy.
    Result<std::unique_ptr<AmlDocument>> openAs(const QString &fileName,
                                                const QString &documentName);
    /// Saves in the given version (the document becomes clean and takes the file name): a copy
    /// prepared here (AmlDocument::prepareSave, references rebased for a new folder) is written
    /// on a worker (cancellable; the target stays untouched until the new file is complete),
    /// then AmlDocument::finishSave() updates the document here, only when the write succeeded.
    Result<void> save(AmlDocument *document, const QString &fileName, model::SchemaVersion version);

    bool isBusy() const { return m_busy; }
    /// True when the last open or save ended because the user cancelled it.
    bool wasCancelled() const { return m_cancelled; }
    /// Cancels a running open or save.
    void cancel();

    /// The message of a cancelled open.
    static QString cancelledMessage();

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(int percent);

private:
    void setBusy(bool busy);
    Result<std::unique_ptr<AmlDocument>> read(const QString &fileName, bool keepName,
                                              const QString &documentName);

    QPointer<QWidget> m_dialogParent;
    bool m_busy = false;
    bool m_cancelled = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace dt::editor
