// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of the workbench window driven like a user: open the refinery example, select an
// element, edit an attribute through the delegate, undo/redo, save; Save As to another folder
// (off the GUI thread, cancellable); element actions; find; recovery of an autosaved session.
#include "mainwindow.h"

#include "testsupport.h"

#include "widgets/attributesdock.h"
#include "widgets/documentcontroller.h"
#include "widgets/documentio.h"
#include "widgets/finddock.h"
#include "widgets/hierarchydock.h"
#include "widgets/recoverymanager.h"
#include "widgets/workbenchsettings.h"

#include "commands/changeelement.h"
#include "document/amldocument.h"
#include "models/attributemodel.h"
#include "models/hierarchymodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dt::editor;
using dt::workbench::MainWindow;
using dt::workbench::WorkbenchOptions;

namespace {

const QString ValvePath = u"Plant/Refinery/Valve1"_s;

QModelIndex findRow(const QAbstractItemModel *model, const QString &name,
                    const QModelIndex &parent = QModelIndex())
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return QModelIndex();
}

QString attributeValue(const AmlDocument *document, const QString &elementPath,
                       const QString &attribute)
{
    const QString key = document->keyForIdOrPath(elementPath);
    const dt::model::InternalElement *element = document->element(key);
    if (!element)
        return u"<no element>"_s;
    const dt::model::Attribute *found = dt::model::findAttribute(element->attributes, attribute);
    if (!found)
        return u"<no attribute>"_s;
    return found->value.value_or(u"<absent>"_s);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> makeWindow()
    {
        WorkbenchOptions options;
        options.settingsFile = m_dir.filePath(u"settings.ini"_s);
        options.recoveryDir = m_dir.filePath(u"recovery"_s);
        options.noRestore = true;
        options.language = u"en"_s;
        auto window = std::make_unique<MainWindow>(options);
        // No modal boxes in a test: errors go to lastError(), the guard discards.
        window->documentController()->setShowErrors(false);
        window->documentController()->setGuardAnswer(DocumentController::GuardAnswer::Discard);
        window->show();
        return window;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo::exists(dt::test::exampleFile(u"refinery-centralized.aml"_s)));
    }

    void objectNames()
    {
        auto window = makeWindow();
        const QStringList actions{
            u"actionNew"_s, u"actionOpen"_s, u"actionSave"_s, u"actionSaveAs"_s,
            u"actionUndo"_s, u"actionRedo"_s, u"actionFind"_s, u"actionDelete"_s,
            u"actionDuplicate"_s, u"actionCopy"_s, u"actionCut"_s, u"actionPaste"_s,
            u"actionImportLibrary"_s, u"actionPreferences"_s, u"actionExportSnapshot"_s,
            u"actionNewChild"_s, u"actionRename"_s, u"actionSetRole"_s, u"actionAddInterface"_s};
        for (const QString &name : actions) {
            auto *action = window->findChild<QAction *>(name);
            QVERIFY2(action, qPrintable(name));
            QVERIFY2(!action->text().isEmpty(), qPrintable(name));
        }
        QVERIFY(!window->findChild<QAction *>(u"actionExportSnapshot"_s)->isEnabled());
        QVERIFY(!window->findChild<QAction *>(u"actionExportSnapshot"_s)->toolTip().isEmpty());
        const QStringList docks{u"librariesDock"_s, u"hierarchyDock"_s, u"attributesDock"_s,
                                u"interfacesDock"_s, u"problemsDock"_s, u"undoDock"_s,
                                u"findDock"_s};
        for (const QString &name : docks)
            QVERIFY2(window->findChild<QDockWidget *>(name), qPrintable(name));
        const QStringList views{u"libraryView"_s, u"hierarchyView"_s, u"attributeView"_s,
                                u"interfaceView"_s, u"linkView"_s, u"problemsView"_s};
        for (const QString &name : views)
            QVERIFY2(window->findChild<QAbstractItemView *>(name), qPrintable(name));
        // A new window starts with a new document from the template.
        QVERIFY(window->document());
        QVERIFY(!window->document()->isModified());
        QCOMPARE(window->findChild<QAction *>(u"actionSaveAs"_s)->shortcut(),
                 QKeySequence(u"Ctrl+Shift+S"_s));
        QCOMPARE(window->findChild<QAction *>(u"actionDuplicate"_s)->shortcut(),
                 QKeySequence(u"Ctrl+D"_s));
        QCOMPARE(window->findChild<QAction *>(u"actionRename"_s)->shortcut(),
                 QKeySequence(Qt::Key_F2));
    }

    void openEditUndoSave()
    {
        auto window = makeWindow();
        auto *libraryView = window->findChild<QTreeView *>(u"libraryView"_s);
        QVERIFY(libraryView);
        // The filter proxy in front of the library model is ours.
        QAbstractItemModelTester libraryTester(
            libraryView->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QString example = dt::test::exampleFile(u"refinery-centralized.aml"_s);
        QVERIFY2(window->openFile(example), qPrintable(window->documentController()->lastError()));
        AmlDocument *document = window->document();
        QVERIFY(document);
        QCOMPARE(QFileInfo(document->fileName()), QFileInfo(example));
        QVERIFY(!document->isModified());
        QVERIFY(window->windowTitle().contains(u"refinery-centralized.aml"_s));
        QVERIFY(libraryView->model()->rowCount() > 0);

        // Select Valve1 through the hierarchy view.
        auto *hierarchyView = window->findChild<QTreeView *>(u"hierarchyView"_s);
        QVERIFY(hierarchyView);
        QModelIndex plant = findRow(hierarchyView->model(), u"Plant"_s);
        QVERIFY(plant.isValid());
        QModelIndex refinery = findRow(hierarchyView->model(), u"Refinery"_s, plant);
        QVERIFY(refinery.isValid());
        QModelIndex valve = findRow(hierarchyView->model(), u"Valve1"_s, refinery);
        QVERIFY(valve.isValid());
        hierarchyView->setCurrentIndex(valve);
        QCOMPARE(window->hierarchyDock()->currentKey(), document->keyForIdOrPath(ValvePath));

        // Its attributes show, Position among them.
        auto *attributeView = window->findChild<QTreeView *>(u"attributeView"_s);
        QVERIFY(attributeView);
        QAbstractItemModel *attributes = attributeView->model();
        QTRY_VERIFY(attributes->rowCount() > 0);
        const QModelIndex position = findRow(attributes, u"Position"_s);
        QVERIFY(position.isValid());
        const QModelIndex value = position.siblingAtColumn(AttributeModel::ValueColumn);
        QCOMPARE(value.data(AttributeModel::DataTypeRole).toString(), u"xs:double"_s);
        QCOMPARE(attributeValue(document, ValvePath, u"Position"_s), u"0"_s);
        // For a look at the window: DT_SCREENSHOT=file.png saves what the user sees now.
        if (const QString shot = qEnvironmentVariable("DT_SCREENSHOT"); !shot.isEmpty())
            window->grab().save(shot);

        // Edit it through the delegate's spin box, committed with Return like a user does.
        attributeView->setFocus();
        attributeView->setCurrentIndex(value);
        attributeView->edit(value);
        QDoubleSpinBox *spin = nullptr;
        QTRY_VERIFY(
            (spin = attributeView->findChild<QDoubleSpinBox *>(u"attributeDoubleEditor"_s)));
        QCOMPARE(spin->suffix(), u" %"_s);
        spin->setValue(42.5);
        QTest::keyClick(spin, Qt::Key_Return);
        QTRY_COMPARE(attributeValue(document, ValvePath, u"Position"_s), u"42.5"_s);
        QVERIFY(document->isModified());
        QVERIFY(window->isWindowModified());
        QCOMPARE(document->undoStack()->count(), 1);

        // Undo and redo through the actions.
        QAction *undo = window->findChild<QAction *>(u"actionUndo"_s);
        QAction *redo = window->findChild<QAction *>(u"actionRedo"_s);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(attributeValue(document, ValvePath, u"Position"_s), u"0"_s);
        QVERIFY(!document->isModified());
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QCOMPARE(attributeValue(document, ValvePath, u"Position"_s), u"42.5"_s);

        // Save to a temporary file and read it back.
        const QString saved = m_dir.filePath(u"saved.aml"_s);
        QVERIFY2(window->saveFileAs(saved), qPrintable(window->documentController()->lastError()));
        QVERIFY(!document->isModified());
        QCOMPARE(QFileInfo(document->fileName()), QFileInfo(saved));
        auto reread = AmlDocument::open(saved);
        QVERIFY2(reread.ok(), qPrintable(reread.error()));
        QCOMPARE(attributeValue(reread->get(), ValvePath, u"Position"_s), u"42.5"_s);

        // Save again to the same file: the snapshot path, off the GUI thread.
        undo->trigger();
        QVERIFY(document->isModified());
        QVERIFY(window->findChild<QAction *>(u"actionSave"_s)->isEnabled());
        window->findChild<QAction *>(u"actionSave"_s)->trigger();
        QTRY_VERIFY(!document->isModified());
        auto again = AmlDocument::open(saved);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(attributeValue(again->get(), ValvePath, u"Position"_s), u"0"_s);
    }

    void saveAsToAnotherFolder_data()
    {
        QTest::addColumn<bool>("caex215");
        QTest::newRow("CAEX 3.0") << false;
        QTest::newRow("CAEX 2.15") << true;
    }

    // Save As to another folder runs on a worker like Save: cancellable (the target is not
    // written, the document keeps its name, base folder and references), and when it goes
    // through the document takes the new name and rebased references afterwards, and the file
    // reopens with its libraries resolved.
    void saveAsToAnotherFolder()
    {
        QFETCH(bool, caex215);
        const auto version =
            caex215 ? dt::model::SchemaVersion::V2_15 : dt::model::SchemaVersion::V3_0;
        const QString storageClass = u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s;
        auto window = makeWindow();
        const QString example = dt::test::exampleFile(u"refinery-centralized.aml"_s);
        QVERIFY2(window->openFile(example), qPrintable(window->documentController()->lastError()));
        AmlDocument *document = window->document();
        const QString exampleName = document->fileName();
        const QString exampleBase = document->baseDirectory();
        QStringList examplePaths;
        for (const auto &reference : document->file().externalReferences)
            examplePaths << reference.path;
        const QString plant = document->hierarchyNodes().front()->key;
        document->undoStack()->push(new RenameElement(document, plant, u"Renamed"_s));
        QVERIFY(document->isModified());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(u"elsewhere/deeper"_s)));
        const QString target = dir.filePath(u"elsewhere/deeper/copy.aml"_s);
        DocumentIO *io = window->documentController()->io();
        QAction *saveAs = window->findChild<QAction *>(u"actionSaveAs"_s);

        // Cancelled as soon as it starts: only an asynchronous save can still stop.
        QString nameWhenBusy;
        bool saveAsEnabledWhenBusy = true;
        auto cancelling = connect(io, &DocumentIO::busyChanged, this, [&](bool busy) {
            if (!busy)
                return;
            nameWhenBusy = document->fileName();
            saveAsEnabledWhenBusy = saveAs->isEnabled();
            io->cancel();
        });
        QVERIFY(!window->saveFileAs(target, version));
        disconnect(cancelling);
        QVERIFY(io->wasCancelled());
        QCOMPARE(nameWhenBusy, exampleName);
        QVERIFY(!saveAsEnabledWhenBusy);
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(QDir(dir.filePath(u"elsewhere/deeper"_s)).entryList(QDir::Files | QDir::Hidden),
                 QStringList());
        QCOMPARE(document->fileName(), exampleName);
        QCOMPARE(document->baseDirectory(), exampleBase);
        QVERIFY(document->isModified());
        QVERIFY(saveAs->isEnabled());
        QStringList paths;
        for (const auto &reference : document->file().externalReferences)
            paths << reference.path;
        QCOMPARE(paths, examplePaths);

        // Now through: the document changes only after the write.
        auto recording = connect(io, &DocumentIO::busyChanged, this, [&](bool busy) {
            if (busy)
                nameWhenBusy = document->fileName();
        });
        QVERIFY2(window->saveFileAs(target, version),
                 qPrintable(window->documentController()->lastError()));
        disconnect(recording);
        QVERIFY(!io->wasCancelled());
        QCOMPARE(nameWhenBusy, exampleName);
        QVERIFY(!document->isModified());
        QCOMPARE(QFileInfo(document->fileName()), QFileInfo(target));
        QCOMPARE(document->baseDirectory(), QFileInfo(target).absolutePath());
        QVERIFY(window->windowTitle().contains(u"copy.aml"_s));
        QVERIFY(document->resolver().systemUnitClass(storageClass));
        auto *libraryView = window->findChild<QTreeView *>(u"libraryView"_s);
        QVERIFY(libraryView && libraryView->model()->rowCount() > 0);

        const QByteArray written = [&] {
            QFile file(target);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QVERIFY(written.contains(caex215 ? "SchemaVersion=\"2.15\"" : "SchemaVersion=\"3.0\""));
        auto reopened = AmlDocument::open(target);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        AmlDocument *copy = reopened->get();
        for (const auto &reference : copy->file().externalReferences)
            QVERIFY2(QFileInfo::exists(
                         QDir(QFileInfo(target).absolutePath()).absoluteFilePath(reference.path)),
                     qPrintable(reference.path));
        QVERIFY(copy->resolver().systemUnitClass(storageClass));
        QCOMPARE(copy->file().instanceHierarchies.first().name, u"Renamed"_s);
        QVERIFY(!copy->keyForIdOrPath(u"Renamed/Refinery/Valve1"_s).isEmpty());
    }

    void elementActions()
    {
        auto window = makeWindow();
        QVERIFY(window->openFile(dt::test::exampleFile(u"refinery-centralized.aml"_s)));
        AmlDocument *document = window->document();
        const QString valveKey = document->keyForIdOrPath(ValvePath);
        QVERIFY(window->selectElement(valveKey));
        const int children = document->element(document->keyForIdOrPath(u"Plant/Refinery"_s))
                                 ->internalElements.size();

        window->findChild<QAction *>(u"actionDuplicate"_s)->trigger();
        const auto *refinery = document->element(document->keyForIdOrPath(u"Plant/Refinery"_s));
        QCOMPARE(refinery->internalElements.size(), children + 1);
        // The copy has fresh IDs and a unique name.
        const auto &copy = refinery->internalElements[refinery->internalElements.size() - 1];
        QVERIFY(copy.id != document->element(valveKey)->id);

        QVERIFY(window->selectElement(valveKey));
        window->findChild<QAction *>(u"actionDelete"_s)->trigger();
        QVERIFY(!document->element(valveKey));
        window->findChild<QAction *>(u"actionUndo"_s)->trigger();
        QVERIFY(document->element(valveKey));
        window->findChild<QAction *>(u"actionUndo"_s)->trigger();
        QCOMPARE(refinery->internalElements.size(), children);
        QVERIFY(!document->isModified());

        // Copy and paste into the refinery.
        QVERIFY(window->selectElement(valveKey));
        QVERIFY(window->findChild<QAction *>(u"actionCopy"_s)->isEnabled());
        window->findChild<QAction *>(u"actionCopy"_s)->trigger();
        QVERIFY(window->selectElement(document->keyForIdOrPath(u"Plant/Refinery"_s)));
        QTRY_VERIFY(window->findChild<QAction *>(u"actionPaste"_s)->isEnabled());
        window->findChild<QAction *>(u"actionPaste"_s)->trigger();
        QCOMPARE(refinery->internalElements.size(), children + 1);

        // New child element under the pasted one's parent.
        QVERIFY(window->selectElement(document->keyForIdOrPath(u"Plant/Refinery"_s)));
        QVERIFY(window->findChild<QAction *>(u"actionNewChild"_s)->isEnabled());
        window->findChild<QAction *>(u"actionNewChild"_s)->trigger();
        QCOMPARE(refinery->internalElements.size(), children + 2);
    }

    void find()
    {
        auto window = makeWindow();
        QVERIFY(window->openFile(dt::test::exampleFile(u"refinery-centralized.aml"_s)));
        FindDock *find = window->findDock();
        auto *results = find->findChild<QListWidget *>(u"findResults"_s);
        QVERIFY(results);

        find->setMode(FindDock::Mode::Name);
        const int byName = find->find(u"valve"_s);
        QVERIFY(byName >= 4);
        QCOMPARE(results->count(), byName);

        find->setMode(FindDock::Mode::XPath);
        QCOMPARE(find->find(u"//InternalElement[@Name='Valve3']"_s), 1);
        results->setCurrentRow(0);
        Q_EMIT results->itemActivated(results->item(0));
        QCOMPARE(window->hierarchyDock()->currentKey(),
                 window->document()->keyForIdOrPath(u"Plant/Refinery/Valve3"_s));
        QCOMPARE(find->find(u"//InternalElement[@Name="_s), -1); // invalid XPath

        find->setMode(FindDock::Mode::Path);
        QVERIFY(find->find(ValvePath) >= 1);
        QCOMPARE(results->item(0)->text(), ValvePath);
    }

    void languageSwitchesAtRuntime()
    {
        auto window = makeWindow();
        QAction *save = window->findChild<QAction *>(u"actionSave"_s);
        QCOMPARE(save->text(), u"&Save"_s);
        QVERIFY(window->setLanguage(u"de"_s));
        // Every widget retranslates on QEvent::LanguageChange, delivered through the queue.
        QTRY_COMPARE(save->text(), u"&Speichern"_s);
        QCOMPARE(window->hierarchyDock()->windowTitle(), u"Instanzhierarchie"_s);
        QCOMPARE(window->findChild<QAction *>(u"actionDuplicate"_s)->text(), u"D&uplizieren"_s);
        if (const QString shot = qEnvironmentVariable("DT_SCREENSHOT_DE"); !shot.isEmpty()) {
            QVERIFY(window->openFile(dt::test::exampleFile(u"refinery-centralized.aml"_s)));
            window->selectElement(window->document()->keyForIdOrPath(ValvePath));
            window->grab().save(shot);
        }
        QVERIFY(window->setLanguage(u"pt_BR"_s));
        QTRY_COMPARE(save->text(), u"&Salvar"_s);
        QCOMPARE(window->attributesDock()->windowTitle(), u"Atributos"_s);
        QVERIFY(!window->setLanguage(u"xx"_s));
        QVERIFY(window->setLanguage(u"en"_s));
        QTRY_COMPARE(save->text(), u"&Save"_s);
        QCOMPARE(window->workbenchSettings()->language(), u"en"_s);
    }

    void recoveryOfAutosavedSession()
    {
        const QString recoveryDir = m_dir.filePath(u"recovery-session"_s);
        const QString example = dt::test::exampleFile(u"refinery-centralized.aml"_s);
        {
            // A session that autosaved an edit and then died: its marker goes away without
            // finish(), as after a crash, and leaves the recovery file behind.
            RecoveryManager crashed(recoveryDir);
            QVERIFY(crashed.start());
            auto document = AmlDocument::open(example);
            QVERIFY(document.ok());
            crashed.save((*document)->file(), example);
            QTRY_VERIFY(QFileInfo::exists(crashed.recoveryFile()));
            QVERIFY(RecoveryManager(recoveryDir).crashedSessions().isEmpty()); // still alive
        }
        RecoveryManager next(recoveryDir);
        QVERIFY(next.start());
        const auto sessions = next.crashedSessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(QFileInfo(sessions.first().originalFile), QFileInfo(example));

        WorkbenchOptions options;
        options.settingsFile = m_dir.filePath(u"settings-recovery.ini"_s);
        options.recoveryDir = recoveryDir;
        options.noRestore = true;
        MainWindow window(options);
        window.documentController()->setShowErrors(false);
        // "Save" answers the offer with Recover.
        window.documentController()->setGuardAnswer(DocumentController::GuardAnswer::Save);
        QVERIFY(window.documentController()->offerRecovery());
        QVERIFY(window.document()->isModified());
        QCOMPARE(QFileInfo(window.document()->fileName()), QFileInfo(example));
        QVERIFY(window.document()->keyForIdOrPath(ValvePath).size() > 0);
        QVERIFY(RecoveryManager(recoveryDir).crashedSessions().isEmpty());
        window.documentController()->setGuardAnswer(DocumentController::GuardAnswer::Discard);
        QVERIFY(window.close());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
