// SPDX-License-Identifier: GPL-3.0-or-later
// Opens every file of the shared AML corpus in the real workbench window, saves it (in its own
// CAEX version) to a temporary folder and reopens it: no error may be reported and no dialog
// may pop up (the error path stays the real one: a message box would be caught and closed by
// a watchdog, failing the test), the window shows what the reader reads, and the reopened
// document's canonical dump equals the one that was saved.
#include "testsupport.h"
#include "tst_workbenchsupport.h"

#include "mainwindow.h"

#include "document/amldocument.h"
#include "models/hierarchymodel.h"
#include "models/problemsmodel.h"
#include "widgets/documentcontroller.h"
#include "widgets/hierarchydock.h"
#include "widgets/problemsdock.h"

#include "model/caexreader.h"
#include "model/jsondump.h"

#include <QDir>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dt;
using namespace dt::editor;

class TestCorpusOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openSaveReopen_data();
    void openSaveReopen();
    void cleanupTestCase();

private:
    void waitForProblems();

    QTemporaryDir m_dir;
    std::unique_ptr<workbench::MainWindow> m_window;
    dt::test::ModelTesters m_testers;
    QStringList m_errors; ///< errorOccurred of the controller
    QStringList m_dialogs; ///< modal widgets that appeared (each closed at once)
    QTimer m_watchdog;
};

void TestCorpusOpen::initTestCase()
{
    if (!QFileInfo(dt::test::amlSamplesDir()).isDir())
        QSKIP("the shared AML corpus (../shared/reference/aml-samples) is not on this machine");
    QVERIFY(m_dir.isValid());
    workbench::WorkbenchOptions options;
    options.settingsFile = m_dir.filePath(u"settings.ini"_s);
    options.recoveryDir = m_dir.filePath(u"recovery"_s);
    options.noRestore = true;
    options.language = u"en"_s;
    m_window = std::make_unique<workbench::MainWindow>(options);
    connect(m_window->documentController(), &DocumentController::errorOccurred, this,
        [this](const QString &message) { m_errors << message; });
    // Any modal widget (an error box, the unsaved-changes guard) is a failure: note it and
    // close it so the test goes on instead of hanging.
    m_watchdog.setInterval(20);
    connect(&m_watchdog, &QTimer::timeout, this, [this]() {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        QString text = modal->windowTitle();
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            text += u": "_s + box->text();
        m_dialogs << u"%1 (%2)"_s.arg(text, modal->objectName());
        dt::test::closeDialog(modal);
    });
    m_watchdog.start();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->startUp();
    m_testers.attach(m_window.get());
}

void TestCorpusOpen::openSaveReopen_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir dir(dt::test::amlSamplesDir());
    const QStringList files = dir.entryList({ u"*.aml"_s }, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("the shared AML corpus holds no .aml file");
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestCorpusOpen::waitForProblems()
{
    ProblemsModel *problems = m_window->problemsDock()->problemsModel();
    QVERIFY(QTest::qWaitFor([problems]() { return !problems->isBusy(); }, 30000));
}

void TestCorpusOpen::openSaveReopen()
{
    QFETCH(QString, fileName);
    m_errors.clear();
    m_dialogs.clear();

    // What the reader makes of the file, independently of the window.
    auto direct = model::CaexReader().readFile(fileName);
    QVERIFY2(direct.ok(), qPrintable(direct.ok() ? QString() : direct.error()));

    QVERIFY2(m_window->openFile(fileName), qPrintable(m_errors.join(u'\n')));
    QVERIFY2(m_dialogs.isEmpty(), qPrintable(u"dialogs: "_s + m_dialogs.join(u"; "_s)));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    AmlDocument *doc = m_window->document();
    QVERIFY(doc);
    QCOMPARE(
        QFileInfo(doc->fileName()).canonicalFilePath(), QFileInfo(fileName).canonicalFilePath());
    QVERIFY(!doc->isModified());
    const QByteArray opened = model::dumpJson(doc->file());
    QVERIFY2(opened == model::dumpJson(*direct),
        qPrintable(u"the window's document differs from the file: "_s
            + dt::test::firstDifference(model::dumpJson(*direct), opened)));
    // The views show it (one root row per instance hierarchy).
    QCOMPARE(m_window->hierarchyDock()->hierarchyModel()->rowCount(),
        int(doc->file().instanceHierarchies.size()));
    m_testers.attach(m_window.get());
    waitForProblems();

    const QString copy = m_dir.filePath(QFileInfo(fileName).fileName());
    const model::SchemaVersion version = doc->file().schemaVersion;
    QVERIFY2(m_window->saveFileAs(copy), qPrintable(m_errors.join(u'\n')));
    QVERIFY2(m_dialogs.isEmpty(), qPrintable(u"dialogs: "_s + m_dialogs.join(u"; "_s)));
    QVERIFY(QFileInfo::exists(copy));
    QCOMPARE(m_window->document()->file().schemaVersion, version);
    const QByteArray saved = model::dumpJson(m_window->document()->file());

    QVERIFY2(m_window->openFile(copy), qPrintable(m_errors.join(u'\n')));
    QVERIFY2(m_dialogs.isEmpty(), qPrintable(u"dialogs: "_s + m_dialogs.join(u"; "_s)));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QCOMPARE(m_window->document()->file().schemaVersion, version);
    const QByteArray reopened = model::dumpJson(m_window->document()->file());
    QVERIFY2(reopened == saved,
        qPrintable(u"the reopened document differs from the saved one: "_s
            + dt::test::firstDifference(saved, reopened)));
    waitForProblems();
}

void TestCorpusOpen::cleanupTestCase()
{
    if (!m_window)
        return;
    m_watchdog.stop();
    m_window->documentController()->setGuardAnswer(DocumentController::GuardAnswer::Discard);
    m_window->close();
    m_testers.detach(m_window.get());
    m_window.reset();
}

QTEST_MAIN(TestCorpusOpen)
#include "tst_corpusopen.moc"
