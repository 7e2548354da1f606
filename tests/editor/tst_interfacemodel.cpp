// SPDX-License-Identifier: GPL-3.0-or-later
// InterfaceModel: interfaces of an owner, nested ones, rename, link counts, and linking by drag
// and drop; with QAbstractItemModelTester attached.
#include "commands/addremoveelement.h"
#include "commands/addremoveinterface.h"
#include "document/amldocument.h"
#include "models/interfacemodel.h"
#include "models/mimetypes.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {

const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;
const QString valve2 = u"e0010004-0000-4000-8000-000000000003"_s;

QModelIndex named(
    const QAbstractItemModel &model, const QString &name, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row)
        if (model.index(row, 0, parent).data().toString() == name)
            return model.index(row, 0, parent);
    return {};
}

} // namespace

class TestInterfaceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsInterfaces();
    void renameAndUndo();
    void dropInterfaceClass();
    void dropInterfaceLinks();
    void ownerRemoved();

private:
    std::unique_ptr<AmlDocument> m_document;
    std::unique_ptr<InterfaceModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestInterfaceModel::init()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    m_document = opened.takeValue();
    m_model = std::make_unique<InterfaceModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setOwner(m_document.get(), OwnerRef { valve1, {} });
}

void TestInterfaceModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_document.reset();
}

void TestInterfaceModel::listsInterfaces()
{
    QCOMPARE(m_model->rowCount(), m_document->element(valve1)->interfaces.size());
    const QModelIndex position = named(*m_model, u"Position"_s);
    QVERIFY(position.isValid());
    QCOMPARE(position.siblingAtColumn(InterfaceModel::ClassColumn).data().toString(),
        u"DTInterfaces@DigitalTwinInterfaceClassLib/AttributeInterface"_s);
    // Valve1's Position is linked once (to its Modbus variable).
    QCOMPARE(position.siblingAtColumn(InterfaceModel::LinksColumn).data().toInt(), 1);
    QCOMPARE(
        named(*m_model, u"Geometry"_s).siblingAtColumn(InterfaceModel::LinksColumn).data().toInt(),
        0);
    QCOMPARE(m_model->interfaceRef(position), (OwnerRef { valve1, { u"Position"_s } }));
    QCOMPARE(OwnerRef::fromString(position.data(InterfaceModel::OwnerRefRole).toString()),
        (OwnerRef { valve1, { u"Position"_s } }));
    QCOMPARE(position.data(InterfaceModel::PartnerReferenceRole).toString(),
        position.data(InterfaceModel::IdRole).toString());
}

void TestInterfaceModel::renameAndUndo()
{
    const QModelIndex position = named(*m_model, u"Position"_s);
    QVERIFY(m_model->setData(position, u"Opening"_s));
    QVERIFY(named(*m_model, u"Opening"_s).isValid());
    QVERIFY(!m_model->setData(named(*m_model, u"Opening"_s), u"Torque"_s)); // taken
    m_document->undoStack()->undo();
    QVERIFY(named(*m_model, u"Position"_s).isValid());
}

void TestInterfaceModel::dropInterfaceClass()
{
    auto mime = std::make_unique<QMimeData>();
    mime->setData(MimeTypes::classPath(),
        "InterfaceClass\nDTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable");
    const int rows = m_model->rowCount();
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, QModelIndex()));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, QModelIndex()));
    QCOMPARE(m_model->rowCount(), rows + 1);
    const QModelIndex added = named(*m_model, u"ModbusVariable"_s);
    QVERIFY(added.isValid());
    // Onto an interface: nested.
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, added));
    QCOMPARE(m_model->rowCount(named(*m_model, u"ModbusVariable"_s)), 1);
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), rows);
}

void TestInterfaceModel::dropInterfaceLinks()
{
    // Drag Valve2's Health onto Valve1's Health: both under Refinery, so a link is possible.
    InterfaceModel other;
    QAbstractItemModelTester tester(&other, QAbstractItemModelTester::FailureReportingMode::QtTest);
    other.setOwner(m_document.get(), OwnerRef { valve2, {} });
    std::unique_ptr<QMimeData> mime(other.mimeData({ named(other, u"Health"_s) }));
    QVERIFY(mime);
    QCOMPARE(InterfaceModel::interfaceFromMimeData(*m_document, mime.get()),
        (OwnerRef { valve2, { u"Health"_s } }));
    const QModelIndex health = named(*m_model, u"Health"_s);
    const int before = health.siblingAtColumn(InterfaceModel::LinksColumn).data().toInt();
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::LinkAction, -1, -1, health));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::LinkAction, -1, -1, health));
    QCOMPARE(health.siblingAtColumn(InterfaceModel::LinksColumn).data().toInt(), before + 1);
    QCOMPARE(named(other, u"Health"_s).siblingAtColumn(InterfaceModel::LinksColumn).data().toInt(),
        before + 1);
    m_document->undoStack()->undo();
    QCOMPARE(health.siblingAtColumn(InterfaceModel::LinksColumn).data().toInt(), before);
    // Not onto itself, not without a target interface, not from another document.
    std::unique_ptr<QMimeData> self(m_model->mimeData({ health }));
    QVERIFY(!m_model->canDropMimeData(self.get(), Qt::LinkAction, -1, -1, health));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::LinkAction, -1, -1, QModelIndex()));
    auto fresh = AmlDocument::createNew(dt::test::sourceDir() + u"/resources/libraries"_s);
    QVERIFY(!InterfaceModel::interfaceFromMimeData(*fresh, mime.get()).isValid());
}

void TestInterfaceModel::ownerRemoved()
{
    m_document->undoStack()->push(new RemoveElement(m_document.get(), valve1));
    QCOMPARE(m_model->rowCount(), 0);
    m_document->undoStack()->undo();
    m_model->setOwner(m_document.get(), OwnerRef { valve1, {} });
    QVERIFY(m_model->rowCount() > 0);
    m_document.reset();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestInterfaceModel)
#include "tst_interfacemodel.moc"
