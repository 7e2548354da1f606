// SPDX-License-Identifier: GPL-3.0-or-later
// AmlDocument: the new-document template, reading (progress, cancel, errors), atomic saving with
// rebased library references (also split into prepare / write / finish, as the workbench saves
// off the GUI thread: failures and cancels leave the document and the target alone), the
// modified state and the key index.
#include "commands/addremoveelement.h"
#include "commands/changeelement.h"
#include "document/amldocument.h"
#include "testsupport.h"

#include "model/caexwriter.h"
#include "model/jsondump.h"
#include "model/resolver.h"

#include <QFile>
#include <QFileDevice>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;
using dt::Result;

namespace {

QString libraryDir()
{
    return dt::test::sourceDir() + u"/resources/libraries"_s;
}

QByteArray fileContent(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList referencePaths(const dt::model::CaexFile &file)
{
    QStringList paths;
    for (const auto &reference : file.externalReferences)
        paths << reference.path;
    return paths;
}

const QString StorageClass = u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s;

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newDocumentImportsLibraries();
    void defaultLibraryDirFindsResources();
    void openExample();
    void readFileReportsProgress();
    void readFileCancelled();
    void readFileErrors_data();
    void readFileErrors();
    void saveIsAtomicAndRebasesReferences();
    void saveAs215();
    void saveInStepsChangesDocumentOnlyWhenWritten();
    void saveInStepsEditDuringWriteStaysModified();
    void saveWriteFailureLeavesDocument_data();
    void saveWriteFailureLeavesDocument();
    void saveCancelledLeavesTargetUntouched_data();
    void saveCancelledLeavesTargetUntouched();
    void modifiedFollowsUndoStack();
    void sessionKeysForMissingAndDuplicateIds();
    void keyForIdOrPath();
    void ownerRefRoundTrip();
};

void TestDocument::newDocumentImportsLibraries()
{
    auto document = AmlDocument::createNew(libraryDir());
    QVERIFY(document);
    QVERIFY(!document->isModified());
    QVERIFY(document->fileName().isEmpty());
    QCOMPARE(document->file().instanceHierarchies.size(), 1);
    QCOMPARE(document->hierarchyNodes().size(), size_t(1));
    QStringList aliases;
    for (const auto &reference : document->file().externalReferences)
        aliases << reference.alias;
    for (const QString &alias : { u"AMLBaseRCL"_s, u"AMLBaseICL"_s, u"AMLBaseATL"_s, u"DTRoles"_s,
             u"DTInterfaces"_s, u"DTComponents"_s, u"DTValves"_s })
        QVERIFY2(aliases.contains(alias), qPrintable(alias));
    // The classes of the examples resolve through the references.
    auto &resolver = document->resolver();
    QVERIFY(resolver.systemUnitClass(u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s));
    QVERIFY(resolver.systemUnitClass(u"DTValves@ValveLib/MotorOperatedValve"_s));
    QVERIFY(resolver.roleClass(u"DTRoles@DigitalTwinRoleClassLib/Storage"_s));
    QVERIFY(resolver.interfaceClass(u"DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable"_s));
    QVERIFY2(
        resolver.externalErrors().isEmpty(), qPrintable(resolver.externalErrors().join(u'\n')));
}

void TestDocument::defaultLibraryDirFindsResources()
{
    const QString dir = AmlDocument::defaultLibraryDir();
    QVERIFY(!dir.isEmpty());
    QVERIFY(QFile::exists(dir + u"/ValveLib.aml"_s));
}

void TestDocument::openExample()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY2(opened, qPrintable(opened.error()));
    AmlDocument &document = **opened;
    QVERIFY(!document.isModified());
    QCOMPARE(document.hierarchyNodes().size(), size_t(1));
    // Elements with IDs are keyed by them.
    const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;
    QVERIFY(document.element(valve1));
    QCOMPARE(document.element(valve1)->name, u"Valve1"_s);
    QCOMPARE(document.path(valve1), u"Plant/Refinery/Valve1"_s);
    QCOMPARE(document.parentKey(valve1), u"e0010004-0000-4000-8000-000000000001"_s);
    // The index mirrors the model: rows and parents agree everywhere.
    int count = 0;
    std::function<void(const DocumentNode *)> check = [&](const DocumentNode *node) {
        ++count;
        const auto &list = node->isHierarchy() ? node->hierarchy()->internalElements
                                               : node->element()->internalElements;
        QCOMPARE(int(node->children.size()), list.size());
        for (size_t i = 0; i < node->children.size(); ++i) {
            QCOMPARE(node->children[i]->row, int(i));
            QCOMPARE(node->children[i]->parent, node);
            QCOMPARE(node->children[i]->object,
                static_cast<const dt::model::CaexObject *>(&list[int(i)]));
        }
        for (const DocumentNode *child : node->children)
            check(child);
    };
    for (const DocumentNode *root : document.hierarchyNodes())
        check(root);
    QCOMPARE(document.instanceNodeCount(), count);
    QVERIFY(document.resolver().externalErrors().isEmpty());
}

void TestDocument::readFileReportsProgress()
{
    QList<int> percents;
    auto read = AmlDocument::readFile(dt::test::exampleFile(u"refinery-centralized.aml"_s), nullptr,
        [&](int percent) { percents << percent; });
    QVERIFY2(read, qPrintable(read.error()));
    QVERIFY(!percents.isEmpty());
    QCOMPARE(percents.last(), 100);
    for (int i = 1; i < percents.size(); ++i)
        QVERIFY(percents[i] > percents[i - 1]);
}

void TestDocument::readFileCancelled()
{
    std::atomic_bool cancel { false };
    int calls = 0;
    auto read = AmlDocument::readFile(
        dt::test::exampleFile(u"refinery-centralized.aml"_s), &cancel, [&](int) {
            ++calls;
            cancel = true;
        });
    QVERIFY(!read);
    QCOMPARE(read.error(), u"cancelled"_s);
    QCOMPARE(calls, 1);
}

void TestDocument::readFileErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("malformed") << QByteArray("<CAEXFile SchemaVersion=\"3.0\"><Instance")
                               << u":1:"_s;
    QTest::newRow("missing") << QByteArray() << u"cannot open"_s;
}

void TestDocument::readFileErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString path = dir.filePath(u"bad.aml"_s);
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    } else {
        path = dir.filePath(u"missing.aml"_s);
    }
    auto read = AmlDocument::readFile(path);
    QVERIFY(!read);
    QVERIFY2(read.error().contains(expected), qPrintable(read.error()));
    QVERIFY(!AmlDocument::open(path));
}

void TestDocument::saveIsAtomicAndRebasesReferences()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = document->hierarchyNodes().front()->key;
    document->undoStack()->push(
        AddElement::newChild(document.get(), plant, -1, u"Tank"_s).release());
    QVERIFY(document->isModified());

    QSignalSpy nameSpy(document.get(), &AmlDocument::fileNameChanged);
    QSignalSpy modifiedSpy(document.get(), &AmlDocument::modifiedChanged);
    const QString path = dir.filePath(u"sub/plant.aml"_s);
    QVERIFY(QDir().mkpath(dir.filePath(u"sub"_s)));
    const Result<void> saved = document->save(path, dt::model::SchemaVersion::V3_0);
    QVERIFY2(saved, qPrintable(saved.error()));
    QVERIFY(!document->isModified());
    QCOMPARE(nameSpy.count(), 1);
    QCOMPARE(modifiedSpy.count(), 1);
    QCOMPARE(modifiedSpy.first().first().toBool(), false);
    QCOMPARE(document->fileName(), QFileInfo(path).absoluteFilePath());
    // No temporary file is left beside it (QSaveFile).
    QCOMPARE(QDir(dir.filePath(u"sub"_s)).entryList(QDir::Files), QStringList { u"plant.aml"_s });

    // References now lead from the new folder to the same library files.
    auto reopened = AmlDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    for (const auto &reference : (*reopened)->file().externalReferences)
        QVERIFY2(QFileInfo::exists(QDir(dir.filePath(u"sub"_s)).absoluteFilePath(reference.path)),
            qPrintable(reference.path));
    QVERIFY((*reopened)->resolver().systemUnitClass(
        u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s));
    QCOMPARE(dt::model::dumpJson((*reopened)->file()), dt::model::dumpJson(document->file()));

    // A save that cannot be written fails and leaves the old file and state alone.
    const QByteArray before = [&] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    document->undoStack()->push(
        AddElement::newChild(document.get(), plant, -1, u"Pump"_s).release());
    QVERIFY(
        !document->save(dir.filePath(u"no/such/dir/plant.aml"_s), dt::model::SchemaVersion::V3_0));
    QVERIFY(document->isModified());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestDocument::saveAs215()
{
    QTemporaryDir dir;
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    const QString path = dir.filePath(u"old.aml"_s);
    QVERIFY((*opened)->save(path, dt::model::SchemaVersion::V2_15));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("SchemaVersion=\"2.15\""));
    auto reopened = AmlDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QVERIFY((*reopened)->element(u"e0010004-0000-4000-8000-000000000002"_s));
}

void TestDocument::saveInStepsChangesDocumentOnlyWhenWritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = document->hierarchyNodes().front()->key;
    document->undoStack()->push(
        AddElement::newChild(document.get(), plant, -1, u"Tank"_s).release());
    const QString oldBase = document->baseDirectory();
    const QStringList oldPaths = referencePaths(document->file());
    QVERIFY(document->file().sourceDocumentInformation.isEmpty());
    QVERIFY(QDir().mkpath(dir.filePath(u"sub"_s)));
    const QString path = dir.filePath(u"sub/plant.aml"_s);

    QSignalSpy nameSpy(document.get(), &AmlDocument::fileNameChanged);
    QSignalSpy librariesSpy(document.get(), &AmlDocument::librariesChanged);
    const AmlDocument::SavePlan plan = document->prepareSave(path, dt::model::SchemaVersion::V3_0);
    QVERIFY(plan.snapshot);
    QCOMPARE(plan.fileName, QFileInfo(path).absoluteFilePath());
    // The copy carries what the save changes; the document itself is untouched until finish.
    QCOMPARE(plan.snapshot->fileName, u"plant.aml"_s);
    QCOMPARE(plan.snapshot->sourceDocumentInformation.size(), 1);
    QCOMPARE(plan.snapshot->externalReferences.size(), oldPaths.size());
    for (const auto &reference : plan.snapshot->externalReferences) {
        QVERIFY2(reference.path.startsWith(u"../"_s), qPrintable(reference.path));
        QVERIFY2(QFileInfo::exists(QDir(dir.filePath(u"sub"_s)).absoluteFilePath(reference.path)),
            qPrintable(reference.path));
    }
    QVERIFY(referencePaths(*plan.snapshot) != oldPaths);
    QCOMPARE(referencePaths(document->file()), oldPaths);
    QVERIFY(document->file().sourceDocumentInformation.isEmpty());
    QCOMPARE(document->baseDirectory(), oldBase);

    const Result<void> written = AmlDocument::writeSave(plan);
    QVERIFY2(written, qPrintable(written.error()));
    QVERIFY(document->isModified());
    QVERIFY(document->fileName().isEmpty());
    QCOMPARE(nameSpy.count(), 0);
    QCOMPARE(librariesSpy.count(), 0);

    document->finishSave(plan);
    QVERIFY(!document->isModified());
    QCOMPARE(document->fileName(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(nameSpy.count(), 1);
    QCOMPARE(librariesSpy.count(), 1);
    QCOMPARE(document->baseDirectory(), QFileInfo(path).absolutePath());
    QCOMPARE(referencePaths(document->file()), referencePaths(*plan.snapshot));
    QCOMPARE(document->file().fileName, u"plant.aml"_s);
    QCOMPARE(document->file().sourceDocumentInformation.size(), 1);
    // The new resolver finds the libraries from the new folder.
    QVERIFY(document->resolver().systemUnitClass(StorageClass));

    // The file holds exactly the document as it now is, and resolves its libraries too.
    auto reopened = AmlDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QCOMPARE(dt::model::dumpJson((*reopened)->file()), dt::model::dumpJson(document->file()));
    QVERIFY((*reopened)->resolver().systemUnitClass(StorageClass));
}

void TestDocument::saveInStepsEditDuringWriteStaysModified()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = document->hierarchyNodes().front()->key;
    const QString path = dir.filePath(u"plant.aml"_s);
    const AmlDocument::SavePlan plan = document->prepareSave(path, dt::model::SchemaVersion::V3_0);
    // An edit that slips in while the worker writes is not in the file: it must stay unsaved.
    document->undoStack()->push(new RenameElement(document.get(), plant, u"Refinery"_s));
    QVERIFY(AmlDocument::writeSave(plan));
    document->finishSave(plan);
    QCOMPARE(document->fileName(), QFileInfo(path).absoluteFilePath());
    QVERIFY(document->isModified());
    QVERIFY(!fileContent(path).contains("Refinery"));
}

void TestDocument::saveWriteFailureLeavesDocument_data()
{
    QTest::addColumn<bool>("readOnlyDirectory");
    QTest::newRow("parent is a file") << false;
    QTest::newRow("read-only directory") << true;
}

void TestDocument::saveWriteFailureLeavesDocument()
{
    QFETCH(bool, readOnlyDirectory);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = document->hierarchyNodes().front()->key;
    QVERIFY(QDir().mkpath(dir.filePath(u"a"_s)));
    const QString first = QFileInfo(dir.filePath(u"a/plant.aml"_s)).absoluteFilePath();
    QVERIFY(document->save(first, dt::model::SchemaVersion::V3_0));
    document->undoStack()->push(new RenameElement(document.get(), plant, u"Refinery"_s));
    QVERIFY(document->isModified());
    const QStringList paths = referencePaths(document->file());

    QString target;
    const QString blocked = dir.filePath(u"locked"_s);
    // The temporary directory must be removable again whatever happens below.
    const auto unlock = qScopeGuard([&] {
        QFile::setPermissions(
            blocked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    if (readOnlyDirectory) {
        QVERIFY(QDir().mkpath(blocked));
        QVERIFY(QFile::setPermissions(blocked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QFile probe(blocked + u"/probe"_s);
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QSKIP("The read-only directory is writable here (running as root?)");
        }
        target = blocked + u"/plant.aml"_s;
    } else {
        QFile file(dir.filePath(u"file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        target = dir.filePath(u"file/plant.aml"_s);
    }

    QSignalSpy nameSpy(document.get(), &AmlDocument::fileNameChanged);
    QSignalSpy librariesSpy(document.get(), &AmlDocument::librariesChanged);
    const AmlDocument::SavePlan plan
        = document->prepareSave(target, dt::model::SchemaVersion::V3_0);
    const Result<void> written = AmlDocument::writeSave(plan);
    QVERIFY(!written);
    // A clear error: what could not be written, and why.
    QVERIFY2(written.error().contains(u"cannot write"_s), qPrintable(written.error()));
    QVERIFY2(written.error().contains(QFileInfo(target).absoluteFilePath()),
        qPrintable(written.error()));
    QVERIFY(!QFileInfo::exists(target));
    // No finish after a failed write; the document is as before: modified, old name and base.
    QVERIFY(document->isModified());
    QCOMPARE(document->fileName(), first);
    QCOMPARE(document->baseDirectory(), QFileInfo(first).absolutePath());
    QCOMPARE(referencePaths(document->file()), paths);
    QCOMPARE(nameSpy.count(), 0);
    QCOMPARE(librariesSpy.count(), 0);
    QVERIFY(document->resolver().systemUnitClass(StorageClass));

    // save() is built on the same steps and fails the same way.
    const Result<void> saved = document->save(target, dt::model::SchemaVersion::V3_0);
    QVERIFY(!saved);
    QCOMPARE(saved.error(), written.error());
    QCOMPARE(document->fileName(), first);
    QCOMPARE(referencePaths(document->file()), paths);
    QVERIFY(document->isModified());
}

void TestDocument::saveCancelledLeavesTargetUntouched_data()
{
    QTest::addColumn<bool>("targetExists");
    QTest::newRow("existing file") << true;
    QTest::newRow("new file") << false;
}

void TestDocument::saveCancelledLeavesTargetUntouched()
{
    QFETCH(bool, targetExists);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(u"plant.aml"_s);
    const QByteArray old = "old content, not CAEX";
    if (targetExists) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(old);
    }
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = document->hierarchyNodes().front()->key;
    document->undoStack()->push(new RenameElement(document.get(), plant, u"Refinery"_s));

    const AmlDocument::SavePlan plan
        = document->prepareSave(target, dt::model::SchemaVersion::V3_0);
    std::atomic_bool cancel { true };
    const Result<void> written = AmlDocument::writeSave(plan, &cancel);
    QVERIFY(!written);
    QCOMPARE(written.error(), AmlDocument::tr("Saving was cancelled."));
    QCOMPARE(QFileInfo::exists(target), targetExists);
    if (targetExists)
        QCOMPARE(fileContent(target), old);
    // Nothing is left behind (QSaveFile's temporary file is gone).
    const QStringList expected = targetExists ? QStringList { u"plant.aml"_s } : QStringList();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), expected);
    QVERIFY(document->isModified());
    QVERIFY(document->fileName().isEmpty());

    // Not cancelled, the same plan writes.
    cancel = false;
    QVERIFY(AmlDocument::writeSave(plan, &cancel));
    QVERIFY(fileContent(target).contains("Refinery"));
}

void TestDocument::modifiedFollowsUndoStack()
{
    auto document = AmlDocument::createNew(libraryDir());
    QSignalSpy spy(document.get(), &AmlDocument::modifiedChanged);
    const QString plant = document->hierarchyNodes().front()->key;
    document->undoStack()->push(new RenameElement(document.get(), plant, u"Refinery"_s));
    QVERIFY(document->isModified());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().first().toBool(), true);
    document->undoStack()->undo();
    QVERIFY(!document->isModified());
    QCOMPARE(spy.last().first().toBool(), false);
    document->undoStack()->redo();
    QVERIFY(document->isModified());
    QCOMPARE(document->file().instanceHierarchies.first().name, u"Refinery"_s);
}

void TestDocument::sessionKeysForMissingAndDuplicateIds()
{
    auto file = std::make_unique<dt::model::CaexFile>();
    auto &hierarchy = file->instanceHierarchies.append();
    hierarchy.name = u"H"_s;
    auto &a = hierarchy.internalElements.append();
    a.name = u"A"_s;
    a.id = u"same"_s;
    auto &b = hierarchy.internalElements.append();
    b.name = u"B"_s;
    b.id = u"same"_s;
    auto &c = hierarchy.internalElements.append();
    c.name = u"C"_s;
    AmlDocument document(std::move(file));
    const auto &roots = document.hierarchyNodes();
    QCOMPARE(roots.size(), size_t(1));
    const auto &children = roots.front()->children;
    QCOMPARE(children.size(), size_t(3));
    QCOMPARE(children[0]->key, u"same"_s);
    QVERIFY(children[1]->key != u"same"_s);
    QVERIFY(!children[2]->key.isEmpty());
    QVERIFY(children[1]->key != children[2]->key);
    QVERIFY(children[0]->key != roots.front()->key);

    // Keys survive remove + undo, even without an ID.
    const QString keyC = children[2]->key;
    document.undoStack()->push(new RemoveElement(&document, keyC));
    QVERIFY(!document.node(keyC));
    document.undoStack()->undo();
    QVERIFY(document.node(keyC));
    QCOMPARE(document.node(keyC)->name(), u"C"_s);
    // Nothing of a session key reaches the file.
    QVERIFY(!dt::model::CaexWriter().toByteArray(document.file()).contains(keyC.toUtf8()));
}

void TestDocument::keyForIdOrPath()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    AmlDocument &document = **opened;
    const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;
    QCOMPARE(document.keyForIdOrPath(valve1), valve1);
    QCOMPARE(document.keyForIdOrPath(u"Plant/Refinery/Valve1"_s), valve1);
    // An interface ID leads to the element that holds it.
    const auto &interface = document.element(valve1)->interfaces.first();
    QVERIFY(!interface.id.isEmpty());
    QCOMPARE(document.keyForIdOrPath(interface.id), valve1);
    QVERIFY(document.keyForIdOrPath(u"No/Such"_s).isEmpty());
}

void TestDocument::ownerRefRoundTrip()
{
    const OwnerRef element { u"key-1"_s, {} };
    QCOMPARE(OwnerRef::fromString(element.toString()), element);
    const OwnerRef nested { u"key-1"_s, { u"a/b"_s, u"c"_s } };
    QCOMPARE(OwnerRef::fromString(nested.toString()), nested);
    QCOMPARE(nested.child(u"d"_s).interfacePath.size(), 3);
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
