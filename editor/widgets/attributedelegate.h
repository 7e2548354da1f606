// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace dt::editor {

/// Edits attribute values by their type, reading the roles of AttributeModel: a combo box of
/// the allowed values when a NominalScaledType constraint lists them, a check box for
/// xs:boolean (also painted as one, toggled by a click), a spin box with the unit as suffix
/// for integer types, a double spin box for xs:double/float/decimal, a line edit otherwise.
/// The Type column gets an editable combo of the common XML Schema types. Values are written
/// back in XML Schema lexical form ("true", "12.5"), whatever the UI locale.
class AttributeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// Which editor a value gets; public so tests and callers can ask without creating one.
    enum class EditorKind { Text, Boolean, Integer, Double, Choice };

    explicit AttributeDelegate(QObject *parent = nullptr);

    static EditorKind editorKindFor(const QModelIndex &index);
    /// True for the XML Schema integer types (xs:int, xs:unsignedShort, ...).
    static bool isIntegerType(const QString &dataType);
    static bool isFloatType(const QString &dataType);
    static bool isBooleanType(const QString &dataType);
    /// "true"/"1" (any case) → true.
    static bool booleanValue(const QString &text);
    /// The common XML Schema types offered in the Type column.
    static QStringList commonDataTypes();

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
};

} // namespace dt::editor
