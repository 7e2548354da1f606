// SPDX-License-Identifier: GPL-3.0-or-later
// HierarchyModel with QAbstractItemModelTester attached while edits, undo, redo and drops happen.
#include "commands/addremoveelement.h"
#include "commands/changeelement.h"
#include "commands/instantiateclass.h"
#include "commands/moveelement.h"
#include "document/amldocument.h"
#include "models/hierarchymodel.h"
#include "models/mimetypes.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {

const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;
const QString refinery = u"e0010004-0000-4000-8000-000000000001"_s;

QString libraryDir()
{
    return dt::test::sourceDir() + u"/resources/libraries"_s;
}

std::unique_ptr<QMimeData> classDrag(const QString &kind, const QString &path)
{
    auto mime = std::make_unique<QMimeData>();
    mime->setData(MimeTypes::classPath(), (kind + u'\n' + path).toUtf8());
    return mime;
}

} // namespace

class TestHierarchyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void structure();
    void editsUndoRedo();
    void renameThroughSetData();
    void dropClassInstantiates();
    void dropRoleAndInterface();
    void dropKeysMoves();
    void dropCopyPastes();
    void refusedDrops();
    void documentSwitch();

private:
    std::unique_ptr<AmlDocument> m_document;
    std::unique_ptr<HierarchyModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestHierarchyModel::init()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    m_document = opened.takeValue();
    m_model = std::make_unique<HierarchyModel>();
    m_model->setDocument(m_document.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestHierarchyModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_document.reset();
}

void TestHierarchyModel::structure()
{
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex plant = m_model->index(0, 0);
    QCOMPARE(plant.data().toString(), u"Plant"_s);
    const QModelIndex site = m_model->index(0, 0, plant);
    QCOMPARE(site.data(HierarchyModel::KeyRole).toString(), refinery);
    const QModelIndex valve = m_model->indexForKey(valve1);
    QVERIFY(valve.isValid());
    QCOMPARE(valve.parent(), site);
    QCOMPARE(valve.data().toString(), u"Valve1"_s);
    QCOMPARE(valve.siblingAtColumn(HierarchyModel::ClassColumn).data().toString(),
        u"DTValves@ValveLib/MotorOperatedValve"_s);
    QCOMPARE(valve.siblingAtColumn(HierarchyModel::RoleColumn).data().toString(),
        u"PhysicalDeviceModel"_s);
    QCOMPARE(valve.data(HierarchyModel::PathRole).toString(), u"Plant/Refinery/Valve1"_s);
    QCOMPARE(m_model->keyForIndex(valve), valve1);
    QVERIFY(m_model->flags(valve) & Qt::ItemIsDragEnabled);
    QVERIFY(m_model->flags(valve) & Qt::ItemIsEditable);
    QVERIFY(!(m_model->flags(valve.siblingAtColumn(1)) & Qt::ItemIsEditable));
    QVERIFY(!(m_model->flags(plant) & Qt::ItemIsDragEnabled));
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), u"Name"_s);
}

void TestHierarchyModel::editsUndoRedo()
{
    QUndoStack *stack = m_document->undoStack();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    const QPersistentModelIndex valve = m_model->indexForKey(valve1);
    const int siteRows = m_model->rowCount(valve.parent());

    stack->push(AddElement::newChild(m_document.get(), refinery, 0, u"New"_s).release());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(valve.parent()), siteRows + 1);
    QCOMPARE(m_model->index(0, 0, valve.parent()).data().toString(), u"New"_s);
    QCOMPARE(valve.data().toString(), u"Valve1"_s); // persistent index followed the shift
    stack->push(new RemoveElement(m_document.get(), valve1));
    QCOMPARE(removed.count(), 1);
    QVERIFY(!valve.isValid());
    stack->undo();
    QCOMPARE(m_model->indexForKey(valve1).data().toString(), u"Valve1"_s);
    stack->undo();
    QCOMPARE(m_model->rowCount(m_model->indexForKey(refinery)), siteRows);
    stack->redo();
    stack->redo();
    QVERIFY(!m_model->indexForKey(valve1).isValid());
    stack->undo();

    // Moves, both ways within a parent and across parents.
    const QPersistentModelIndex moving = m_model->indexForKey(valve1);
    const int row = moving.row();
    stack->push(new MoveElement(m_document.get(), valve1, refinery, row + 3));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moving.row(), row + 2);
    QCOMPARE(m_model->indexForKey(valve1), QModelIndex(moving));
    stack->push(new MoveElement(m_document.get(), valve1,
        m_model->index(0, 0).data(HierarchyModel::KeyRole).toString(), 0));
    QCOMPARE(moving.parent(), m_model->index(0, 0));
    QCOMPARE(moving.row(), 0);
    stack->undo();
    stack->undo();
    QCOMPARE(moving.row(), row);
    QCOMPARE(moving.parent(), m_model->indexForKey(refinery));

    // Instantiation of a big class and its undo.
    auto command
        = instantiateClass(m_document.get(), u"DTValves@ValveLib/MotorOperatedValve"_s, valve1);
    QVERIFY(command);
    stack->push(command.takeValue().release());
    QCOMPARE(m_model->rowCount(m_model->indexForKey(valve1)), 1);
    stack->undo();
    QCOMPARE(m_model->rowCount(m_model->indexForKey(valve1)), 0);
}

void TestHierarchyModel::renameThroughSetData()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex valve = m_model->indexForKey(valve1);
    QVERIFY(m_model->setData(valve, u"Inlet"_s));
    QCOMPARE(valve.data().toString(), u"Inlet"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(valve.data().toString(), u"Valve1"_s);
    QCOMPARE(changed.count(), 2);
    QVERIFY(!m_model->setData(valve, u"  "_s)); // empty names are refused
    QVERIFY(!m_model->lastError().isEmpty());
    QVERIFY(!m_model->setData(valve.siblingAtColumn(1), u"X"_s));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestHierarchyModel::dropClassInstantiates()
{
    const QModelIndex site = m_model->indexForKey(refinery);
    const int rows = m_model->rowCount(site);
    auto mime = classDrag(u"SystemUnitClass"_s, u"DTValves@ValveLib/MotorOperatedValve"_s);
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, site));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::CopyAction, 1, 0, site));
    QCOMPARE(m_model->rowCount(site), rows + 1);
    const QModelIndex added = m_model->index(1, 0, site);
    QCOMPARE(added.data().toString(), u"MotorOperatedValve"_s);
    QCOMPARE(added.siblingAtColumn(HierarchyModel::ClassColumn).data().toString(),
        u"DTValves@ValveLib/MotorOperatedValve"_s);
    m_document->undoStack()->undo();
    QCOMPARE(m_model->rowCount(site), rows);
    m_document->undoStack()->redo();
    QCOMPARE(m_model->rowCount(site), rows + 1);
    // Unknown classes are reported, not added.
    QSignalSpy failed(m_model.get(), &HierarchyModel::editFailed);
    auto bad = classDrag(u"SystemUnitClass"_s, u"DTValves@ValveLib/Nothing"_s);
    QVERIFY(!m_model->dropMimeData(bad.get(), Qt::CopyAction, -1, -1, site));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_model->rowCount(site), rows + 1);
}

void TestHierarchyModel::dropRoleAndInterface()
{
    const QModelIndex valve = m_model->indexForKey(valve1);
    auto role = classDrag(u"RoleClass"_s, u"DTRoles@DigitalTwinRoleClassLib/Storage"_s);
    QVERIFY(m_model->dropMimeData(role.get(), Qt::CopyAction, -1, -1, valve));
    QCOMPARE(valve.siblingAtColumn(HierarchyModel::RoleColumn).data().toString(), u"Storage"_s);
    const int interfaces = m_document->element(valve1)->interfaces.size();
    auto interface = classDrag(
        u"InterfaceClass"_s, u"DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable"_s);
    QVERIFY(m_model->dropMimeData(interface.get(), Qt::CopyAction, -1, -1, valve));
    QCOMPARE(m_document->element(valve1)->interfaces.size(), interfaces + 1);
    // Roles and interfaces need an element, not a hierarchy.
    QVERIFY(!m_model->canDropMimeData(role.get(), Qt::CopyAction, -1, -1, m_model->index(0, 0)));
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(valve.siblingAtColumn(HierarchyModel::RoleColumn).data().toString(),
        u"PhysicalDeviceModel"_s);
}

void TestHierarchyModel::dropKeysMoves()
{
    const QModelIndex valve = m_model->indexForKey(valve1);
    const QModelIndex valve2 = m_model->indexForKey(u"e0010004-0000-4000-8000-000000000003"_s);
    std::unique_ptr<QMimeData> mime(m_model->mimeData({ valve, valve.siblingAtColumn(1), valve2 }));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(MimeTypes::elementKeys()));
    QVERIFY(mime->hasFormat(MimeTypes::amlElements()));
    const QModelIndex plant = m_model->index(0, 0);
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, plant));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, plant));
    QCOMPARE(m_model->index(0, 0, plant).data().toString(), u"Valve1"_s);
    QCOMPARE(m_model->index(1, 0, plant).data().toString(), u"Valve2"_s);
    QCOMPARE(m_document->undoStack()->count(), 1); // one macro
    m_document->undoStack()->undo();
    QCOMPARE(m_model->indexForKey(valve1).parent(), m_model->indexForKey(refinery));
    // Not into itself.
    std::unique_ptr<QMimeData> site(m_model->mimeData({ m_model->indexForKey(refinery) }));
    QVERIFY(!m_model->canDropMimeData(
        site.get(), Qt::MoveAction, -1, -1, m_model->indexForKey(valve1)));
    QVERIFY(
        !m_model->dropMimeData(site.get(), Qt::MoveAction, -1, -1, m_model->indexForKey(valve1)));
}

void TestHierarchyModel::dropCopyPastes()
{
    const QModelIndex valve = m_model->indexForKey(valve1);
    std::unique_ptr<QMimeData> mime(m_model->mimeData({ valve }));
    const QModelIndex site = m_model->indexForKey(refinery);
    const int rows = m_model->rowCount(site);
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::CopyAction, -1, 0, site));
    QCOMPARE(m_model->rowCount(site), rows + 1);
    const QModelIndex copy = m_model->index(rows, 0, site);
    QCOMPARE(copy.data().toString(), u"Valve12"_s);
    QVERIFY(copy.data(HierarchyModel::KeyRole).toString() != valve1);

    // A drag from another document carries the elements: they are pasted.
    auto other = AmlDocument::createNew(libraryDir());
    HierarchyModel otherModel;
    otherModel.setDocument(other.get());
    QAbstractItemModelTester tester(
        &otherModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(otherModel.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, otherModel.index(0, 0)));
    QCOMPARE(otherModel.rowCount(otherModel.index(0, 0)), 1);
    QCOMPARE(otherModel.index(0, 0, otherModel.index(0, 0)).data().toString(), u"Valve1"_s);
    QVERIFY(m_model->indexForKey(valve1).isValid()); // the source is untouched
}

void TestHierarchyModel::refusedDrops()
{
    QMimeData nothing;
    nothing.setText(u"hello"_s);
    QVERIFY(!m_model->canDropMimeData(&nothing, Qt::CopyAction, -1, -1, m_model->index(0, 0)));
    QVERIFY(!m_model->dropMimeData(&nothing, Qt::CopyAction, -1, -1, m_model->index(0, 0)));
    auto mime = classDrag(u"SystemUnitClass"_s, u"DTValves@ValveLib/MotorOperatedValve"_s);
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, QModelIndex()));
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestHierarchyModel::documentSwitch()
{
    auto other = AmlDocument::createNew(libraryDir());
    m_model->setDocument(other.get());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
    other.reset(); // destroyed under the model
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setDocument(m_document.get());
    QCOMPARE(m_model->rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestHierarchyModel)
#include "tst_hierarchymodel.moc"
