// SPDX-License-Identifier: GPL-3.0-or-later
// LibraryModel: the document's own libraries and those of its external references, the drag
// mime data, kind filters and imports, with QAbstractItemModelTester attached.
#include "commands/changeelement.h"
#include "commands/importlibrary.h"
#include "document/amldocument.h"
#include "models/librarymodel.h"
#include "models/mimetypes.h"
#include "testsupport.h"

#include "model/generator.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {

QString libraryDir()
{
    return dt::test::sourceDir() + u"/resources/libraries"_s;
}

QStringList libraryNames(const LibraryModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data().toString() + u" ("_s
                + model.index(row, 1).data().toString() + u')';
    return names;
}

} // namespace

class TestLibraryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templateLibraries();
    void dragMimeData();
    void kindFilter();
    void ownLibrariesHaveKeys();
    void importAndUndo();
    void missingReference();
};

void TestLibraryModel::templateLibraries()
{
    auto document = AmlDocument::createNew(libraryDir());
    LibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    const QStringList names = libraryNames(model);
    QVERIFY2(names.contains(u"DigitalTwinComponentLib (DTComponents)"_s),
        qPrintable(names.join(u", "_s)));
    QVERIFY(names.contains(u"ValveLib (DTValves)"_s));
    QVERIFY(names.contains(u"DigitalTwinRoleClassLib (DTRoles)"_s));
    QVERIFY(names.contains(u"DigitalTwinInterfaceClassLib (DTInterfaces)"_s));
    QVERIFY(names.contains(u"AutomationMLBaseAttributeTypeLib (AMLBaseATL)"_s));
    QVERIFY(names.contains(u"AutomationMLBaseRoleClassLib (AMLBaseRCL)"_s));
    QVERIFY(model.loadErrors().isEmpty());
    const QModelIndex valve = model.indexForClassPath(u"DTValves@ValveLib/MotorOperatedValve"_s);
    QVERIFY(valve.isValid());
    QCOMPARE(valve.data().toString(), u"MotorOperatedValve"_s);
    QCOMPARE(
        valve.data(LibraryModel::KindRole).toInt(), int(dt::model::ElementKind::SystemUnitClass));
    QCOMPARE(valve.data(LibraryModel::AliasRole).toString(), u"DTValves"_s);
    QVERIFY(!valve.data(LibraryModel::IsLibraryRole).toBool());
    QVERIFY(valve.parent().data(LibraryModel::IsLibraryRole).toBool());
    const dt::model::ElementRef ref = model.classRef(valve);
    QVERIFY(ref.isValid());
    QCOMPARE(ref.object()->name, u"MotorOperatedValve"_s);
    QVERIFY(ref.file != &document->file());
    // Derived classes nest under their parents (AutomationMLBaseRoleClassLib).
    const QModelIndex base = model.indexForClassPath(
        u"AMLBaseRCL@AutomationMLBaseRoleClassLib/AutomationMLBaseRole"_s);
    QVERIFY(base.isValid());
    QVERIFY(model.rowCount(base) > 0);
}

void TestLibraryModel::dragMimeData()
{
    auto document = AmlDocument::createNew(libraryDir());
    LibraryModel model;
    model.setDocument(document.get());
    const QModelIndex storage
        = model.indexForClassPath(u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s);
    QVERIFY(storage.isValid());
    QVERIFY(model.flags(storage) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model.flags(storage.parent()) & Qt::ItemIsDragEnabled));
    std::unique_ptr<QMimeData> mime(model.mimeData({ storage }));
    QVERIFY(mime);
    QCOMPARE(QString::fromUtf8(mime->data(MimeTypes::classPath())),
        u"SystemUnitClass\nDTComponents@DigitalTwinComponentLib/SQLiteStorage"_s);
    QVERIFY(!model.mimeData({ storage.parent() }));
    // The path resolves in the document.
    QVERIFY(
        document->resolver().systemUnitClass(storage.data(LibraryModel::ClassPathRole).toString()));
}

void TestLibraryModel::kindFilter()
{
    auto document = AmlDocument::createNew(libraryDir());
    LibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    model.setKindFilter(LibraryModel::RoleClasses);
    QVERIFY(model.rowCount() >= 2);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(LibraryModel::KindRole).toInt(),
            int(dt::model::ElementKind::RoleClassLib));
    model.setKindFilter(LibraryModel::InterfaceClasses);
    QVERIFY(model.indexForClassPath(u"DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable"_s)
                .isValid());
    QVERIFY(!model.indexForClassPath(u"DTValves@ValveLib/MotorOperatedValve"_s).isValid());
}

void TestLibraryModel::ownLibrariesHaveKeys()
{
    dt::model::GeneratorOptions options;
    options.elements = 50;
    AmlDocument document(std::make_unique<dt::model::CaexFile>(dt::model::generatePlant(options)));
    LibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(&document);
    QVERIFY(model.rowCount() >= 4);
    const QModelIndex lib = model.index(0, 0);
    QCOMPARE(lib.data(LibraryModel::AliasRole).toString(), QString());
    QVERIFY(model.rowCount(lib) > 0);
    const QModelIndex cls = model.index(0, 0, lib);
    const QString key = cls.data(LibraryModel::KeyRole).toString();
    QVERIFY(!key.isEmpty());
    QVERIFY(document.node(key));
    // Renaming a class of the document shows in the model.
    document.undoStack()->push(new RenameElement(&document, key, u"Renamed"_s));
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), u"Renamed"_s);
    document.undoStack()->undo();
    QVERIFY(model.index(0, 0, model.index(0, 0)).data().toString() != u"Renamed"_s);
}

void TestLibraryModel::importAndUndo()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    AmlDocument &document = **opened;
    LibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(&document);
    QVERIFY(!libraryNames(model).contains(u"AutomationMLBaseRoleClassLib (Base)"_s));
    document.undoStack()->push(new ImportLibrary(
        &document, libraryDir() + u"/AutomationMLBaseRoleClassLib.aml"_s, u"Base"_s));
    QVERIFY(libraryNames(model).contains(u"AutomationMLBaseRoleClassLib (Base)"_s));
    document.undoStack()->undo();
    QVERIFY(!libraryNames(model).contains(u"AutomationMLBaseRoleClassLib (Base)"_s));
}

void TestLibraryModel::missingReference()
{
    auto document = AmlDocument::createNew(libraryDir());
    document->undoStack()->push(new ImportLibrary(document.get(), u"/no/such/lib.aml"_s));
    LibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    QCOMPARE(model.loadErrors().size(), 1);
    QVERIFY(model.loadErrors().first().contains(u"lib.aml"_s));
    document.reset();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestLibraryModel)
#include "tst_librarymodel.moc"
