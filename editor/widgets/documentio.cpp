// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/documentio.h"

#include "document/amldocument.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

/// What the worker hands back: the document (already moved to the GUI thread) or the error.
struct OpenOutcome
{
    std::unique_ptr<AmlDocument> document;
    QString error;
};

/// Progress shown only for operations that last: small files open without a flash.
constexpr int ProgressDelayMs = 400;
constexpr int ProgressPollMs = 50;

} // namespace

DocumentIO::DocumentIO(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
}

QString DocumentIO::cancelledMessage()
{
    return tr("Opening was cancelled.");
}

void DocumentIO::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void DocumentIO::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

Result<std::unique_ptr<AmlDocument>> DocumentIO::open(const QString &fileName)
{
    return read(fileName, true, QString());
}

Result<std::unique_ptr<AmlDocument>> DocumentIO::openAs(const QString &fileName,
                                                        const QString &documentName)
{
    return read(fileName, false, documentName);
}

Result<std::unique_ptr<AmlDocument>> DocumentIO::read(const QString &fileName, bool keepName,
                                                      const QString &documentName)
{
    using OpenResult = Result<std::unique_ptr<AmlDocument>>;
    if (m_busy)
        return OpenResult::failure(tr("Another file operation is still running."));
    setBusy(true);
    m_cancelled = false;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    // The worker only writes this number; the GUI polls it. No cross-thread calls into widgets.
    auto percent = std::make_shared<std::atomic_int>(0);
    QThread *guiThread = thread();

    const QString name = keepName ? QFileInfo(fileName).absoluteFilePath()
        : documentName.isEmpty()  ? QString()
                                  : QFileInfo(documentName).absoluteFilePath();
    // References are relative to where the document lives, not to where it was read from.
    const QString baseDirectory = keepName || documentName.isEmpty()
        ? QFileInfo(fileName).absolutePath()
        : QFileInfo(documentName).absolutePath();
    auto future = QtConcurrent::run([fileName, name, baseDirectory, cancelFlag, percent,
                                     guiThread]() {
        auto outcome = std::make_shared<OpenOutcome>();
        auto read = AmlDocument::readFile(fileName, cancelFlag.get(),
                                          [percent](int p) { percent->store(p); });
        if (!read.ok()) {
            outcome->error = read.error();
            return outcome;
        }
        if (cancelFlag->load()) {
            outcome->error = cancelledMessage();
            return outcome;
        }
        // Indexing a large model costs too: build the document here, then hand it over.
        outcome->document = std::make_unique<AmlDocument>(read.takeValue(), name, baseDirectory);
        outcome->document->moveToThread(guiThread);
        return outcome;
    });

    QEventLoop loop;
    QFutureWatcher<std::shared_ptr<OpenOutcome>> watcher;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);

    std::unique_ptr<QProgressDialog> dialog;
    if (m_dialogParent) {
        dialog = std::make_unique<QProgressDialog>(
            tr("Opening %1…").arg(QFileInfo(fileName).fileName()), tr("Cancel"), 0, 100,
            m_dialogParent);
        dialog->setObjectName(u"openProgressDialog"_s);
        dialog->setWindowTitle(tr("Opening"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(ProgressDelayMs);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        dialog->setValue(0);
        connect(dialog.get(), &QProgressDialog::canceled, this, &DocumentIO::cancel);
    }
    QTimer poll;
    poll.setInterval(ProgressPollMs);
    connect(&poll, &QTimer::timeout, this, [&]() {
        const int p = percent->load();
        if (dialog && !dialog->wasCanceled())
            dialog->setValue(qBound(0, p, 99));
        Q_EMIT progress(p);
    });
    poll.start();
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    poll.stop();
    dialog.reset();
    m_cancel.reset();
    setBusy(false);

    std::shared_ptr<OpenOutcome> outcome = future.result();
    m_cancelled = cancelFlag->load();
    if (m_cancelled)
        return OpenResult::failure(cancelledMessage());
    if (!outcome->document)
        return OpenResult::failure(outcome->error);
    return OpenResult(std::move(outcome->document));
}

Result<void> DocumentIO::save(AmlDocument *document, const QString &fileName,
                              model::SchemaVersion version)
{
    if (m_busy)
        return Result<void>::failure(tr("Another file operation is still running."));
    if (!document)
        return Result<void>::failure(tr("There is no document to save."));
    // The worker writes a copy; what a save changes in the document itself (its name, the
    // references rebased against a new folder, which replaces the resolver the views read)
    // happens in finishSave() on this thread, and only when the write succeeded.
    const AmlDocument::SavePlan plan = document->prepareSave(fileName, version);
    const QPointer<AmlDocument> guard(document);
    const QString target = plan.fileName;
    m_cancelled = false;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    setBusy(true);
    auto future = QtConcurrent::run(
        [plan, cancelFlag]() { return AmlDocument::writeSave(plan, cancelFlag.get()); });

    QEventLoop loop;
    QFutureWatcher<Result<void>> watcher;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    std::unique_ptr<QProgressDialog> dialog;
    if (m_dialogParent) {
        dialog = std::make_unique<QProgressDialog>(
            tr("Saving %1…").arg(QFileInfo(target).fileName()), tr("Cancel"), 0, 0,
            m_dialogParent);
        dialog->setObjectName(u"saveProgressDialog"_s);
        dialog->setWindowTitle(tr("Saving"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(ProgressDelayMs);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        dialog->setValue(0);
        connect(dialog.get(), &QProgressDialog::canceled, this, &DocumentIO::cancel);
    }
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    dialog.reset();
    m_cancel.reset();
    const Result<void> result = future.result();
    m_cancelled = !result.ok() && cancelFlag->load();
    if (result.ok() && guard)
        guard->finishSave(plan);
    setBusy(false);
    return result;
}

} // namespace dt::editor
