// SPDX-License-Identifier: GPL-3.0-or-later
// AttributeDelegate: the editor it creates for each attribute type, and what it writes back.
#include "widgets/attributedelegate.h"

#include "document/amldocument.h"
#include "models/attributemodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using dt::editor::AttributeDelegate;
using dt::editor::AttributeModel;

class TestAttributeDelegate : public QObject
{
    Q_OBJECT

private:
    /// One attribute row with the roles AttributeModel gives; returns the Value cell.
    QModelIndex addRow(const QString &type, const QString &value, const QString &unit = QString(),
                       const QStringList &allowed = QStringList(), const QVariant &min = {},
                       const QVariant &max = {})
    {
        QList<QStandardItem *> row;
        for (int c = 0; c < AttributeModel::ColumnCount; ++c)
            row.append(new QStandardItem);
        row[AttributeModel::NameColumn]->setText(u"Attr"_s);
        QStandardItem *cell = row[AttributeModel::ValueColumn];
        cell->setData(value, Qt::EditRole);
        cell->setData(type, AttributeModel::DataTypeRole);
        cell->setData(unit, AttributeModel::UnitRole);
        if (!allowed.isEmpty())
            cell->setData(allowed, AttributeModel::AllowedValuesRole);
        cell->setData(min, AttributeModel::MinRole);
        cell->setData(max, AttributeModel::MaxRole);
        row[AttributeModel::TypeColumn]->setText(type);
        m_model->appendRow(row);
        return m_model->indexFromItem(cell);
    }

    std::unique_ptr<QStandardItemModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QWidget> m_parent;
    AttributeDelegate m_delegate;

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<QStandardItemModel>(0, AttributeModel::ColumnCount);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_parent = std::make_unique<QWidget>();
    }

    void cleanup()
    {
        m_parent.reset();
        m_tester.reset();
        m_model.reset();
    }

    void editorKind_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QString>("editorName");

        QTest::newRow("boolean") << u"xs:boolean"_s << u"true"_s << QStringList()
                                 << u"attributeBooleanEditor"_s;
        QTest::newRow("boolean, other prefix") << u"xsd:boolean"_s << u"false"_s << QStringList()
                                               << u"attributeBooleanEditor"_s;
        QTest::newRow("double") << u"xs:double"_s << u"12.5"_s << QStringList()
                                << u"attributeDoubleEditor"_s;
        QTest::newRow("float, empty") << u"xs:float"_s << QString() << QStringList()
                                      << u"attributeDoubleEditor"_s;
        QTest::newRow("decimal") << u"xs:decimal"_s << u"3"_s << QStringList()
                                 << u"attributeDoubleEditor"_s;
        QTest::newRow("int") << u"xs:int"_s << u"502"_s << QStringList()
                             << u"attributeIntegerEditor"_s;
        QTest::newRow("unsignedShort") << u"xs:unsignedShort"_s << u"7"_s << QStringList()
                                       << u"attributeIntegerEditor"_s;
        QTest::newRow("long beyond int") << u"xs:long"_s << u"99999999999"_s << QStringList()
                                         << u"attributeTextEditor"_s;
        QTest::newRow("double that is not a number")
            << u"xs:double"_s << u"fast"_s << QStringList() << u"attributeTextEditor"_s;
        QTest::newRow("string") << u"xs:string"_s << u"hello"_s << QStringList()
                                << u"attributeTextEditor"_s;
        QTest::newRow("untyped") << QString() << u"1"_s << QStringList()
                                 << u"attributeTextEditor"_s;
        QTest::newRow("nominal") << u"xs:string"_s << u"holding"_s
                                 << QStringList{u"coil"_s, u"discrete"_s, u"input"_s,
                                                u"holding"_s}
                                 << u"attributeChoiceEditor"_s;
        QTest::newRow("nominal beats boolean")
            << u"xs:boolean"_s << u"true"_s << QStringList{u"true"_s} << u"attributeChoiceEditor"_s;
    }

    void editorKind()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QStringList, allowed);
        QFETCH(QString, editorName);
        const QModelIndex index = addRow(type, value, QString(), allowed);
        QWidget *editor = m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), index);
        QVERIFY(editor);
        QCOMPARE(editor->objectName(), editorName);
        m_delegate.setEditorData(editor, index);
        // Untouched editors never change the value (no "0" for an empty number, no rewording).
        m_delegate.setModelData(editor, m_model.get(), index);
        QCOMPARE(index.data(Qt::EditRole).toString(), value);
    }

    void spinBoxHasUnitAndRange()
    {
        const QModelIndex index = addRow(u"xs:double"_s, u"40"_s, u"%"_s, {}, 0.0, 100.0);
        QWidget *editor = m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), index);
        auto *spin = qobject_cast<QDoubleSpinBox *>(editor);
        QVERIFY(spin);
        QCOMPARE(spin->suffix(), u" %"_s);
        QCOMPARE(spin->minimum(), 0.0);
        QCOMPARE(spin->maximum(), 100.0);
        m_delegate.setEditorData(editor, index);
        QCOMPARE(spin->value(), 40.0);
    }

    void rangeWidensForOutOfRangeValue()
    {
        // A value outside its constraint is shown as it is, not clamped silently.
        const QModelIndex index = addRow(u"xs:int"_s, u"150"_s, u"%"_s, {}, 0, 120);
        auto *spin = qobject_cast<QSpinBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), index));
        QVERIFY(spin);
        QCOMPARE(spin->suffix(), u" %"_s);
        QCOMPARE(spin->minimum(), 0);
        QCOMPARE(spin->maximum(), 150);
        m_delegate.setEditorData(spin, index);
        QCOMPARE(spin->value(), 150);
    }

    void integerTypeLimits()
    {
        const QModelIndex index = addRow(u"xs:unsignedByte"_s, u"3"_s);
        auto *spin = qobject_cast<QSpinBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), index));
        QVERIFY(spin);
        QCOMPARE(spin->minimum(), 0);
        QCOMPARE(spin->maximum(), 255);
    }

    void writesLexicalValues()
    {
        // Whatever the UI locale shows, the model gets XML Schema lexical forms.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QModelIndex number = addRow(u"xs:double"_s, u"1"_s, u"Nm"_s);
        auto *spin = qobject_cast<QDoubleSpinBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), number));
        QVERIFY(spin);
        m_delegate.setEditorData(spin, number);
        spin->setValue(12.25);
        m_delegate.setModelData(spin, m_model.get(), number);
        QCOMPARE(number.data(Qt::EditRole).toString(), u"12.25"_s);
        QLocale::setDefault(QLocale::c());

        const QModelIndex flag = addRow(u"xs:boolean"_s, u"True"_s);
        auto *check = qobject_cast<QCheckBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), flag));
        QVERIFY(check);
        m_delegate.setEditorData(check, flag);
        QVERIFY(check->isChecked());
        check->setChecked(false);
        m_delegate.setModelData(check, m_model.get(), flag);
        QCOMPARE(flag.data(Qt::EditRole).toString(), u"false"_s);

        const QModelIndex count = addRow(u"xs:int"_s, u"4"_s);
        auto *intSpin = qobject_cast<QSpinBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), count));
        QVERIFY(intSpin);
        m_delegate.setEditorData(intSpin, count);
        intSpin->setValue(17);
        m_delegate.setModelData(intSpin, m_model.get(), count);
        QCOMPARE(count.data(Qt::EditRole).toString(), u"17"_s);

        const QModelIndex choice = addRow(u"xs:string"_s, u"ABCD"_s, QString(),
                                          {u"ABCD"_s, u"CDAB"_s, u"BADC"_s, u"DCBA"_s});
        auto *combo = qobject_cast<QComboBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), choice));
        QVERIFY(combo);
        m_delegate.setEditorData(combo, choice);
        QCOMPARE(combo->currentText(), u"ABCD"_s);
        QCOMPARE(combo->count(), 4);
        combo->setCurrentText(u"CDAB"_s);
        m_delegate.setModelData(combo, m_model.get(), choice);
        QCOMPARE(choice.data(Qt::EditRole).toString(), u"CDAB"_s);
    }

    void choiceKeepsValueOutsideList()
    {
        const QModelIndex index = addRow(u"xs:string"_s, u"other"_s, QString(),
                                         {u"read"_s, u"write"_s});
        auto *combo = qobject_cast<QComboBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), index));
        QVERIFY(combo);
        m_delegate.setEditorData(combo, index);
        QCOMPARE(combo->currentText(), u"other"_s);
        m_delegate.setModelData(combo, m_model.get(), index);
        QCOMPARE(index.data(Qt::EditRole).toString(), u"other"_s);
    }

    void typeColumnOffersSchemaTypes()
    {
        const QModelIndex value = addRow(u"xs:double"_s, u"1"_s);
        const QModelIndex type = value.siblingAtColumn(AttributeModel::TypeColumn);
        auto *combo = qobject_cast<QComboBox *>(
            m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(), type));
        QVERIFY(combo);
        QVERIFY(combo->isEditable());
        QVERIFY(combo->findText(u"xs:boolean"_s) >= 0);
        // Name and Unit keep the default line edit.
        QWidget *name = m_delegate.createEditor(m_parent.get(), QStyleOptionViewItem(),
                                                value.siblingAtColumn(AttributeModel::NameColumn));
        QVERIFY(qobject_cast<QLineEdit *>(name));
    }

    void classifiers()
    {
        QVERIFY(AttributeDelegate::isIntegerType(u"xs:int"_s));
        QVERIFY(AttributeDelegate::isIntegerType(u"xs:nonNegativeInteger"_s));
        QVERIFY(!AttributeDelegate::isIntegerType(u"xs:double"_s));
        QVERIFY(!AttributeDelegate::isIntegerType(QString()));
        QVERIFY(AttributeDelegate::isFloatType(u"xs:float"_s));
        QVERIFY(AttributeDelegate::isBooleanType(u"xs:boolean"_s));
        QVERIFY(AttributeDelegate::booleanValue(u"TRUE"_s));
        QVERIFY(AttributeDelegate::booleanValue(u"1"_s));
        QVERIFY(!AttributeDelegate::booleanValue(u"false"_s));
        QVERIFY(!AttributeDelegate::booleanValue(QString()));
    }
};

QTEST_MAIN(TestAttributeDelegate)
#include "tst_attributedelegate.moc"
