// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/attributedelegate.h"

#include "document/amldocument.h"
#include "models/attributemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSpinBox>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

/// Shows values without the fixed trailing zeros of QDoubleSpinBox ("12.5 %", not "12.5000 %").
class CompactDoubleSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        const QString point = locale().decimalPoint();
        if (text.contains(point)) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        return text;
    }
};

// Wide enough for engineering values, narrow enough that the spin box keeps a sane width.
constexpr double DoubleLimit = 1e15;
constexpr int DoubleDecimals = 10;
const char InitialValueProperty[] = "dtInitialValue";

struct IntRange
{
    qint64 min;
    qint64 max;
};

IntRange integerRange(const QString &type)
{
    constexpr qint64 intMin = std::numeric_limits<int>::min();
    constexpr qint64 intMax = std::numeric_limits<int>::max();
    if (type == u"xs:byte")
        return {-128, 127};
    if (type == u"xs:unsignedByte")
        return {0, 255};
    if (type == u"xs:short")
        return {-32768, 32767};
    if (type == u"xs:unsignedShort")
        return {0, 65535};
    if (type == u"xs:positiveInteger")
        return {1, intMax};
    if (type == u"xs:negativeInteger")
        return {intMin, -1};
    if (type == u"xs:nonPositiveInteger")
        return {intMin, 0};
    if (type.startsWith(u"xs:unsigned") || type == u"xs:nonNegativeInteger")
        return {0, intMax};
    return {intMin, intMax};
}

std::optional<double> number(const QVariant &value)
{
    if (!value.isValid())
        return std::nullopt;
    bool ok = false;
    const double d = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

QString valueText(const QModelIndex &index)
{
    return index.data(Qt::EditRole).toString();
}

/// The data type without a namespace prefix other than "xs:" ("xsd:int" → "xs:int").
QString normalisedType(const QString &type)
{
    const QString trimmed = type.trimmed();
    const int colon = trimmed.indexOf(u':');
    if (colon < 0)
        return u"xs:"_s + trimmed;
    return u"xs:"_s + trimmed.mid(colon + 1);
}

bool isValueColumn(const QModelIndex &index)
{
    return index.isValid() && index.column() == AttributeModel::ValueColumn;
}

} // namespace

AttributeDelegate::AttributeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

bool AttributeDelegate::isIntegerType(const QString &dataType)
{
    if (dataType.trimmed().isEmpty())
        return false;
    const QString t = normalisedType(dataType);
    return t == u"xs:int" || t == u"xs:integer" || t == u"xs:long" || t == u"xs:short"
        || t == u"xs:byte" || t == u"xs:unsignedInt" || t == u"xs:unsignedLong"
        || t == u"xs:unsignedShort" || t == u"xs:unsignedByte" || t == u"xs:nonNegativeInteger"
        || t == u"xs:positiveInteger" || t == u"xs:negativeInteger"
        || t == u"xs:nonPositiveInteger";
}

bool AttributeDelegate::isFloatType(const QString &dataType)
{
    if (dataType.trimmed().isEmpty())
        return false;
    const QString t = normalisedType(dataType);
    return t == u"xs:double" || t == u"xs:float" || t == u"xs:decimal";
}

bool AttributeDelegate::isBooleanType(const QString &dataType)
{
    return !dataType.trimmed().isEmpty() && normalisedType(dataType) == u"xs:boolean";
}

bool AttributeDelegate::booleanValue(const QString &text)
{
    const QString t = text.trimmed();
    return t.compare(u"true"_s, Qt::CaseInsensitive) == 0 || t == u"1";
}

QStringList AttributeDelegate::commonDataTypes()
{
    return {u"xs:string"_s,  u"xs:boolean"_s,      u"xs:double"_s,      u"xs:float"_s,
            u"xs:decimal"_s, u"xs:int"_s,          u"xs:integer"_s,     u"xs:long"_s,
            u"xs:short"_s,   u"xs:unsignedInt"_s,  u"xs:unsignedShort"_s, u"xs:dateTime"_s,
            u"xs:date"_s,    u"xs:time"_s,         u"xs:duration"_s,    u"xs:anyURI"_s};
}

AttributeDelegate::EditorKind AttributeDelegate::editorKindFor(const QModelIndex &index)
{
    if (!isValueColumn(index))
        return EditorKind::Text;
    if (!index.data(AttributeModel::AllowedValuesRole).toStringList().isEmpty())
        return EditorKind::Choice;
    const QString type = index.data(AttributeModel::DataTypeRole).toString();
    const QString text = valueText(index).trimmed();
    if (isBooleanType(type))
        return EditorKind::Boolean;
    // A value that is not a number keeps a text editor, so the user can see and fix it.
    const bool numeric = text.isEmpty() || number(text).has_value();
    if (isIntegerType(type) && numeric) {
        const auto value = number(text);
        const IntRange range = integerRange(normalisedType(type));
        if (!value || (*value >= double(range.min) && *value <= double(range.max)))
            return EditorKind::Integer;
        return EditorKind::Text;
    }
    if (isFloatType(type) && numeric)
        return EditorKind::Double;
    return EditorKind::Text;
}

QWidget *AttributeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    if (index.column() == AttributeModel::TypeColumn) {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"attributeTypeEditor"_s);
        combo->setEditable(true);
        combo->addItems(commonDataTypes());
        return combo;
    }
    if (!isValueColumn(index))
        return QStyledItemDelegate::createEditor(parent, option, index);

    const QString unit = index.data(AttributeModel::UnitRole).toString();
    const QString suffix = unit.isEmpty() ? QString() : u" "_s + unit;
    const auto min = number(index.data(AttributeModel::MinRole));
    const auto max = number(index.data(AttributeModel::MaxRole));

    switch (editorKindFor(index)) {
    case EditorKind::Choice: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"attributeChoiceEditor"_s);
        combo->addItems(index.data(AttributeModel::AllowedValuesRole).toStringList());
        return combo;
    }
    case EditorKind::Boolean: {
        auto *check = new QCheckBox(parent);
        check->setObjectName(u"attributeBooleanEditor"_s);
        check->setAutoFillBackground(true);
        return check;
    }
    case EditorKind::Integer: {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(u"attributeIntegerEditor"_s);
        const IntRange range =
            integerRange(normalisedType(index.data(AttributeModel::DataTypeRole).toString()));
        qint64 low = range.min;
        qint64 high = range.max;
        if (min)
            low = qMax(low, qint64(std::ceil(*min)));
        if (max)
            high = qMin(high, qint64(std::floor(*max)));
        // Never clamp the current value silently: widen the range to include it.
        if (const auto current = number(valueText(index))) {
            low = qMin(low, qint64(*current));
            high = qMax(high, qint64(*current));
        }
        spin->setRange(int(qMax<qint64>(low, std::numeric_limits<int>::min())),
                       int(qMin<qint64>(high, std::numeric_limits<int>::max())));
        spin->setSuffix(suffix);
        spin->setAccelerated(true);
        return spin;
    }
    case EditorKind::Double: {
        auto *spin = new CompactDoubleSpinBox(parent);
        spin->setObjectName(u"attributeDoubleEditor"_s);
        spin->setDecimals(DoubleDecimals);
        double low = min.value_or(-DoubleLimit);
        double high = max.value_or(DoubleLimit);
        if (const auto current = number(valueText(index))) {
            low = qMin(low, *current);
            high = qMax(high, *current);
        }
        spin->setRange(low, high);
        spin->setSingleStep(min && max && (*max - *min) <= 10 ? 0.1 : 1.0);
        spin->setSuffix(suffix);
        spin->setAccelerated(true);
        return spin;
    }
    case EditorKind::Text:
        break;
    }
    auto *line = new QLineEdit(parent);
    line->setObjectName(u"attributeTextEditor"_s);
    line->setFrame(false);
    return line;
}

void AttributeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString text = valueText(index);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->isEditable()) {
            combo->setEditText(text);
            return;
        }
        // A value outside the allowed list stays visible (and is kept) rather than replaced.
        if (combo->findText(text) < 0)
            combo->addItem(text);
        combo->setCurrentIndex(combo->findText(text));
        return;
    }
    if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(booleanValue(text));
        check->setProperty(InitialValueProperty, check->isChecked());
        return;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(int(number(text).value_or(0)));
        spin->setProperty(InitialValueProperty, spin->value());
        return;
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->setValue(number(text).value_or(0));
        spin->setProperty(InitialValueProperty, spin->value());
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(text);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void AttributeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    const QString old = valueText(index);
    QString text;
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        text = combo->currentText();
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        // Untouched: keep the stored spelling ("True", "1") instead of normalising it.
        if (check->isChecked() == check->property(InitialValueProperty).toBool())
            return;
        text = check->isChecked() ? u"true"_s : u"false"_s;
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        if (spin->value() == spin->property(InitialValueProperty).toInt())
            return; // untouched: an empty value stays empty, "05" stays "05"
        text = QString::number(spin->value());
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->interpretText();
        if (spin->value() == spin->property(InitialValueProperty).toDouble())
            return;
        text = QString::number(spin->value(), 'g', 15);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        text = line->text();
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    if (text != old)
        model->setData(index, text, Qt::EditRole);
}

void AttributeDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    Q_UNUSED(index)
    editor->setGeometry(option.rect);
}

void AttributeDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (editorKindFor(index) != EditorKind::Boolean
        || index.data(AttributeModel::IsLiveRole).toBool())
        return;
    option->features |= QStyleOptionViewItem::HasCheckIndicator;
    option->checkState = booleanValue(valueText(index)) ? Qt::Checked : Qt::Unchecked;
}

bool AttributeDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // Booleans toggle in place, like a check box: a click on the indicator or the space key.
    if (editorKindFor(index) != EditorKind::Boolean || !(index.flags() & Qt::ItemIsEditable)
        || index.data(AttributeModel::IsLiveRole).toBool()) {
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }
    bool toggle = false;
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QRect check = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt,
                                                  widget);
        toggle = mouse->button() == Qt::LeftButton && check.contains(mouse->position().toPoint());
    } else if (event->type() == QEvent::MouseButtonDblClick) {
        return true; // a double click on a check box is two toggles, not an editor
    } else if (event->type() == QEvent::KeyPress) {
        toggle = static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space;
    }
    if (!toggle)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const bool checked = booleanValue(valueText(index));
    return model->setData(index, checked ? u"false"_s : u"true"_s, Qt::EditRole);
}

} // namespace dt::editor
