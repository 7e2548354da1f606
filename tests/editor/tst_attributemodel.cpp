// SPDX-License-Identifier: GPL-3.0-or-later
// AttributeModel: nested attributes, typed roles, edits through setData as commands, structure
// changes with undo/redo, owners that disappear, read-only and live values; with
// QAbstractItemModelTester attached.
#include "commands/addremoveattribute.h"
#include "commands/addremoveelement.h"
#include "commands/addremoveinterface.h"
#include "commands/changeattribute.h"
#include "document/amldocument.h"
#include "models/attributemodel.h"
#include "testsupport.h"

#include "model/resolver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;

namespace {

const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;

QModelIndex child(
    const QAbstractItemModel &model, const QString &name, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row)
        if (model.index(row, 0, parent).data().toString() == name)
            return model.index(row, 0, parent);
    return {};
}

} // namespace

class TestAttributeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsNestedAttributes();
    void typedRoles();
    void setDataPushesCommands();
    void structureEdits();
    void ownerRemoved();
    void interfaceOwner();
    void readOnlyAndLiveValues();
    void externalClassReadOnly();

private:
    std::unique_ptr<AmlDocument> m_document;
    std::unique_ptr<AttributeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAttributeModel::init()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY(opened);
    m_document = opened.takeValue();
    m_model = std::make_unique<AttributeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setOwner(m_document.get(), OwnerRef { valve1, {} });
}

void TestAttributeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_document.reset();
}

void TestAttributeModel::showsNestedAttributes()
{
    QCOMPARE(m_model->rowCount(), m_document->element(valve1)->attributes.size());
    const QModelIndex profile = child(*m_model, u"TorqueProfileOpen"_s);
    QVERIFY(profile.isValid());
    QCOMPARE(m_model->rowCount(profile), 21);
    const QModelIndex p5 = child(*m_model, u"P5"_s, profile);
    QVERIFY(p5.isValid());
    QCOMPARE(p5.parent(), profile);
    QCOMPARE(p5.data(AttributeModel::PathRole).toStringList(),
        (QStringList { u"TorqueProfileOpen"_s, u"P5"_s }));
    QCOMPARE(m_model->indexForPath({ u"TorqueProfileOpen"_s, u"P5"_s }), p5);
    QCOMPARE(p5.siblingAtColumn(AttributeModel::UnitColumn).data().toString(), u"%"_s);
    QCOMPARE(p5.siblingAtColumn(AttributeModel::TypeColumn).data().toString(), u"xs:double"_s);
    const AttributeRef ref = m_model->attributeRef(p5);
    QCOMPARE(ref.owner, (OwnerRef { valve1, {} }));
    QCOMPARE(ref.pathString(), u"TorqueProfileOpen/P5"_s);
}

void TestAttributeModel::typedRoles()
{
    const QModelIndex position = child(*m_model, u"Position"_s);
    QCOMPARE(position.data(AttributeModel::DataTypeRole).toString(), u"xs:double"_s);
    QCOMPARE(position.data(AttributeModel::UnitRole).toString(), u"%"_s);
    QCOMPARE(position.data(AttributeModel::MinRole).toDouble(), 0.0);
    QCOMPARE(position.data(AttributeModel::MaxRole).toDouble(), 100.0);
    QCOMPARE(position.data(AttributeModel::DefaultValueRole).toString(), u"0"_s);
    QVERIFY(position.data(AttributeModel::HasValueRole).toBool());
    QVERIFY(!position.data(AttributeModel::AllowedValuesRole).isValid());
    const QModelIndex state = child(*m_model, u"State"_s);
    QCOMPARE(state.data(AttributeModel::AllowedValuesRole).toStringList(),
        (QStringList { u"0"_s, u"1"_s, u"2"_s, u"3"_s }));
    QVERIFY(!state.data(AttributeModel::MinRole).isValid());
    QVERIFY(!state.data(AttributeModel::DescriptionRole).toString().isEmpty());
}

void TestAttributeModel::setDataPushesCommands()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex value
        = child(*m_model, u"Position"_s).siblingAtColumn(AttributeModel::ValueColumn);
    QVERIFY(m_model->setData(value, u"42.5"_s));
    QCOMPARE(value.data().toString(), u"42.5"_s);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(changed.count() >= 1);
    QVERIFY(m_model->setData(value, u"42.5"_s)); // unchanged: no command
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(value.data().toString(), u"0"_s);
    // Booleans from a checkbox are written the CAEX way.
    QVERIFY(m_model->setData(value, true));
    QCOMPARE(
        m_document->element(valve1)->attributes.first().value, std::optional<QString>(u"true"_s));
    m_document->undoStack()->undo();
    // Unit, type and name.
    const QModelIndex position = child(*m_model, u"Position"_s);
    QVERIFY(m_model->setData(position.siblingAtColumn(AttributeModel::UnitColumn), u"mm"_s));
    QCOMPARE(position.siblingAtColumn(AttributeModel::UnitColumn).data().toString(), u"mm"_s);
    QVERIFY(m_model->setData(position.siblingAtColumn(AttributeModel::TypeColumn), u"xs:float"_s));
    QVERIFY(m_model->setData(position, u"Opening"_s));
    QCOMPARE(position.data().toString(), u"Opening"_s);
    QVERIFY(!m_model->setData(position, u"Torque"_s)); // taken
    m_document->undoStack()->undo();
    QCOMPARE(position.data().toString(), u"Position"_s);
    QCOMPARE(m_document->undoStack()->index(), 2); // unit, type; the rename undone
}

void TestAttributeModel::structureEdits()
{
    QUndoStack *stack = m_document->undoStack();
    const OwnerRef owner { valve1, {} };
    const int rows = m_model->rowCount();
    dt::model::Attribute group;
    group.name = u"Group"_s;
    stack->push(new AddAttribute(m_document.get(), owner, {}, group, 1));
    QCOMPARE(m_model->rowCount(), rows + 1);
    QCOMPARE(m_model->index(1, 0).data().toString(), u"Group"_s);
    dt::model::Attribute inner;
    inner.name = u"Inner"_s;
    stack->push(new AddAttribute(m_document.get(), owner, { u"Group"_s }, inner));
    const QModelIndex groupIndex = m_model->index(1, 0);
    QCOMPARE(m_model->rowCount(groupIndex), 1);
    stack->push(new RemoveAttribute(
        m_document.get(), AttributeRef { owner, { u"TorqueProfileOpen"_s, u"P5"_s } }));
    QCOMPARE(m_model->rowCount(child(*m_model, u"TorqueProfileOpen"_s)), 20);
    stack->undo();
    QCOMPARE(m_model->rowCount(child(*m_model, u"TorqueProfileOpen"_s)), 21);
    stack->undo();
    stack->undo();
    QCOMPARE(m_model->rowCount(), rows);
    stack->redo();
    stack->redo();
    QCOMPARE(m_model->rowCount(m_model->index(1, 0)), 1);
    // Edits of another owner leave this model alone.
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    stack->push(new AddAttribute(
        m_document.get(), OwnerRef { u"e0010004-0000-4000-8000-000000000003"_s, {} }, {}, group));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestAttributeModel::ownerRemoved()
{
    const QString refinery = u"e0010004-0000-4000-8000-000000000001"_s;
    m_document->undoStack()->push(new RemoveElement(m_document.get(), refinery));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->owner().isValid());
    m_document->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), 0); // it does not come back by itself
    m_document.reset();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestAttributeModel::interfaceOwner()
{
    const OwnerRef interface {
        valve1, { u"Position"_s }
    };
    m_model->setOwner(m_document.get(), interface);
    QVERIFY(m_model->rowCount() > 0);
    QVERIFY(child(*m_model, u"Attribute"_s).isValid() || m_model->rowCount() > 0);
    const int rows = m_model->rowCount();
    dt::model::Attribute extra;
    extra.name = u"Extra"_s;
    m_document->undoStack()->push(new AddAttribute(m_document.get(), interface, {}, extra));
    QCOMPARE(m_model->rowCount(), rows + 1);
    m_document->undoStack()->push(new RemoveInterface(m_document.get(), interface));
    QCOMPARE(m_model->rowCount(), 0);
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
}

void TestAttributeModel::readOnlyAndLiveValues()
{
    const QModelIndex torque = child(*m_model, u"Torque"_s);
    const QModelIndex value = torque.siblingAtColumn(AttributeModel::ValueColumn);
    QVERIFY(m_model->flags(value) & Qt::ItemIsEditable);
    m_model->setReadOnly(true);
    QVERIFY(!(m_model->flags(value) & Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(value, u"5"_s));
    QCOMPARE(m_document->undoStack()->count(), 0);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setLiveValue(u"Torque"_s, 37.5, dt::runtime::Quality::Good);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(value.data().toDouble(), 37.5);
    QVERIFY(value.data(AttributeModel::IsLiveRole).toBool());
    QCOMPARE(value.data(AttributeModel::LiveQualityRole).toString(), u"good"_s);
    QCOMPARE(value.data(Qt::EditRole).toString(), u"0"_s); // the model value is untouched
    m_model->setLiveValue(u"TorqueProfileOpen/P5"_s, 12, dt::runtime::Quality::Stale);
    const QModelIndex p5
        = m_model->indexForPath({ u"TorqueProfileOpen"_s, u"P5"_s }, AttributeModel::ValueColumn);
    QCOMPARE(p5.data().toInt(), 12);
    QCOMPARE(p5.data(AttributeModel::LiveQualityRole).toString(), u"stale"_s);
    m_model->clearLiveValues();
    QVERIFY(!value.data(AttributeModel::IsLiveRole).toBool());
    QCOMPARE(value.data().toString(), u"0"_s);
    m_model->setReadOnly(false);
    QVERIFY(m_model->flags(value) & Qt::ItemIsEditable);
}

void TestAttributeModel::externalClassReadOnly()
{
    auto cls = m_document->resolver().systemUnitClass(u"DTValves@ValveLib/MotorOperatedValve"_s);
    QVERIFY(cls);
    m_model->setClass(m_document.get(), *cls);
    QVERIFY(m_model->rowCount() > 0);
    QVERIFY(m_model->isReadOnly());
    QVERIFY(!(m_model->flags(m_model->index(0, 1)) & Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(m_model->index(0, 1), u"1"_s));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestAttributeModel)
#include "tst_attributemodel.moc"
