// SPDX-License-Identifier: GPL-3.0-or-later
// Crash recovery end to end: a real dt-workbench child process (offscreen, its own settings
// file and recovery folder, autosave every 200 ms through DT_AUTOSAVE_MS) makes an edit
// (DT_TEST_EDIT: a new child element, the "New Child Element" code path), autosaves it, and is
// killed with SIGKILL. A workbench window started afterwards in this process with the same
// recovery folder must offer the crashed session in its recovery dialog; answering "Recover"
// must bring back the edit as unsaved changes and remove the crashed session's files.
#include "testsupport.h"
#include "tst_workbenchsupport.h"

#include "mainwindow.h"

#include "document/amldocument.h"
#include "models/hierarchymodel.h"
#include "widgets/documentcontroller.h"
#include "widgets/hierarchydock.h"
#include "widgets/recoverymanager.h"

#include "model/caexreader.h"

#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dt;
using namespace dt::editor;

namespace {

const QString EditName = u"EditBeforeTheCrash"_s;

/// True when file is a readable CAEX document whose first instance hierarchy has a child
/// element named name.
bool holdsElement(const QString &file, const QString &name)
{
    auto read = model::CaexReader().readFile(file);
    if (!read.ok() || read->instanceHierarchies.size() == 0)
        return false;
    return model::findChild(read->instanceHierarchies[0].internalElements, name) != nullptr;
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recoverAfterKill();
};

void TestRecovery::recoverAfterKill()
{
    const QString binary = dt::test::dtWorkbenchBinary();
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary + u" is not built"_s));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString recoveryDir = dir.filePath(u"recovery"_s);

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"DT_RECOVERY_DIR"_s, recoveryDir);
    env.insert(u"DT_AUTOSAVE_MS"_s, u"200"_s);
    env.insert(u"DT_TEST_EDIT"_s, EditName);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(binary,
        { u"--settings"_s, dir.filePath(u"child.ini"_s), u"--no-restore"_s, u"--lang"_s, u"en"_s });
    QVERIFY2(child.waitForStarted(20000), qPrintable(child.errorString()));

    // The child autosaves its unsaved edit into its session's recovery file.
    const QString prefix = u"session-%1-"_s.arg(child.processId());
    QString recoveryFile;
    const bool autosaved = QTest::qWaitFor(
        [&]() {
            const QStringList files
                = QDir(recoveryDir).entryList({ prefix + u"*.aml"_s }, QDir::Files);
            if (files.isEmpty() || child.state() != QProcess::Running)
                return false;
            recoveryFile = QDir(recoveryDir).filePath(files.first());
            return holdsElement(recoveryFile, EditName);
        },
        45000);
    QVERIFY2(autosaved, "the child workbench wrote no recovery file holding its edit");
    QVERIFY2(child.state() == QProcess::Running, "the child workbench ended by itself");

    // While it runs, its session is alive: nobody may offer to recover it.
    {
        RecoveryManager probe(recoveryDir);
        QVERIFY(probe.crashedSessions().isEmpty());
    }

    child.kill(); // SIGKILL: no chance to clean up
    QVERIFY(child.waitForFinished(20000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(QFileInfo::exists(recoveryFile));

    // A new workbench with the same recovery folder offers the crashed session.
    workbench::WorkbenchOptions options;
    options.settingsFile = dir.filePath(u"parent.ini"_s);
    options.recoveryDir = recoveryDir;
    options.noRestore = true;
    options.language = u"en"_s;
    workbench::MainWindow window(options);
    window.documentController()->setShowErrors(false);
    dt::test::ModelTesters testers;
    testers.attach(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QString offerText;
    bool offered = false;
    dt::test::ModalAnswer answer([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        auto *recover = box ? box->findChild<QPushButton *>(u"recoverButton"_s) : nullptr;
        if (!box || box->objectName() != u"recoveryDialog" || !recover) {
            dt::test::closeDialog(modal);
            return;
        }
        offered = true;
        offerText = box->text();
        QTest::mouseClick(recover, Qt::LeftButton);
    });
    window.startUp();
    QVERIFY2(answer.ran(), "no dialog offered to recover the crashed session");
    QVERIFY2(offered, "the dialog shown is not the recovery offer");
    QVERIFY2(offerText.contains(u"untitled"_s, Qt::CaseInsensitive), qPrintable(offerText));

    // The edit is back, as unsaved changes of an untitled document.
    AmlDocument *doc = window.document();
    QVERIFY(doc);
    QVERIFY(doc->isModified());
    QVERIFY(doc->fileName().isEmpty());
    HierarchyModel *tree = window.hierarchyDock()->hierarchyModel();
    QCOMPARE(tree->rowCount(), 1);
    const QModelIndex root = tree->index(0, 0);
    bool found = false;
    for (int row = 0; row < tree->rowCount(root); ++row)
        found = found || tree->index(row, HierarchyModel::NameColumn, root).data() == EditName;
    QVERIFY2(found, "the recovered document lacks the element added before the crash");

    // The crashed session is gone: no second offer.
    QVERIFY(!QFileInfo::exists(recoveryFile));
    QVERIFY(window.recoveryManager()->crashedSessions().isEmpty());

    window.documentController()->setGuardAnswer(DocumentController::GuardAnswer::Discard);
    window.close();
    testers.detach(&window);
}

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
