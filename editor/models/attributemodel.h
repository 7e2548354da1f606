// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/ownerref.h"

#include "common/quality.h"
#include "model/elementref.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

namespace dt::model {
struct Attribute;
template<typename T> class NodeList;
} // namespace dt::model

namespace dt::editor {

class AmlDocument;

/// The attributes of one owner (element, document class or interface) as a tree (nested
/// attributes as children). Columns Name, Value, Unit, Type. Name, Value and Unit are editable
/// and push commands (RenameAttribute, SetAttributeValue, SetAttributeUnit); Type edits push
/// SetAttributeDataType. A class of an external library can be shown read-only (setClass).
/// For the runtime: setReadOnly() and a live-value overlay (setLiveValue) that the Value column
/// shows instead of the model's value, with its quality.
class AttributeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, UnitColumn, TypeColumn, ColumnCount };
    enum Role {
        DataTypeRole = Qt::UserRole + 1, ///< "xs:double", ... (empty when untyped)
        UnitRole, ///< the unit text
        AllowedValuesRole, ///< QStringList from NominalScaledType constraints
        MinRole, ///< RequiredMinValue as QVariant(double), or invalid
        MaxRole, ///< RequiredMaxValue as QVariant(double), or invalid
        PathRole, ///< QStringList: attribute names from the owner down
        DescriptionRole, ///< the Description text
        DefaultValueRole, ///< the DefaultValue text (invalid when absent)
        HasValueRole, ///< bool: Value present
        LiveQualityRole, ///< QString quality name of the live value, or invalid
        IsLiveRole, ///< bool: the Value column shows a live value
    };

    explicit AttributeModel(QObject *parent = nullptr);
    ~AttributeModel() override;

    /// Shows the attributes of an owner in a document (an invalid owner shows nothing).
    void setOwner(AmlDocument *document, const OwnerRef &owner);
    /// Shows a class outside the document (an external library) read-only; the reference must
    /// stay valid while shown (the document's resolver keeps loaded files).
    void setClass(AmlDocument *document, const model::ElementRef &cls);
    void clear();
    AmlDocument *document() const { return m_document; }
    OwnerRef owner() const { return m_owner; }

    /// No edits through setData (monitoring).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly || m_external.isValid(); }
    /// Overlays a live value on an attribute path ("Torque", "TorqueProfileOpen/P5").
    void setLiveValue(const QString &attributePath, const QVariant &value,
        runtime::Quality quality = runtime::Quality::Good);
    void clearLiveValues();

    /// Reference to the attribute at an index (for remove / add nested).
    AttributeRef attributeRef(const QModelIndex &index) const;
    QModelIndex indexForPath(const QStringList &path, int column = 0) const;

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Live
    {
        QVariant value;
        runtime::Quality quality;
    };
    const model::NodeList<model::Attribute> *list(const model::Attribute *parent) const;
    const model::Attribute *attributeFor(const QModelIndex &index) const;
    const model::Attribute *parentOf(const model::Attribute *attribute) const;
    QStringList pathOf(const model::Attribute *attribute) const;
    const model::Attribute *findPath(const QStringList &path) const;
    void rebuildParents();
    void indexParents(
        const model::NodeList<model::Attribute> &list, const model::Attribute *parent);
    void connectDocument();
    void disconnectDocument();
    bool concerns(const QString &ownerKey) const;
    void ownerMaybeGone();

    QPointer<AmlDocument> m_document;
    OwnerRef m_owner;
    QString m_ownerKey;
    model::ElementRef m_external;
    const model::NodeList<model::Attribute> *m_externalList = nullptr;
    bool m_readOnly = false;
    QHash<const model::Attribute *, const model::Attribute *> m_parents;
    QHash<QString, Live> m_live;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace dt::editor
