// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/attributemodel.h"

#include "commands/changeattribute.h"
#include "document/amldocument.h"

#include "model/caexpath.h"
#include "model/classes.h"

#include <QFont>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

QVariant number(const std::optional<QString> &text)
{
    if (!text)
        return {};
    bool ok = false;
    const double value = text->trimmed().toDouble(&ok);
    return ok ? QVariant(value) : QVariant();
}

} // namespace

AttributeModel::AttributeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

AttributeModel::~AttributeModel() = default;

void AttributeModel::disconnectDocument()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
}

void AttributeModel::clear()
{
    beginResetModel();
    disconnectDocument();
    m_document = nullptr;
    m_owner = OwnerRef();
    m_ownerKey.clear();
    m_external = model::ElementRef();
    m_externalList = nullptr;
    m_parents.clear();
    m_live.clear();
    endResetModel();
}

void AttributeModel::setOwner(AmlDocument *document, const OwnerRef &owner)
{
    beginResetModel();
    disconnectDocument();
    m_document = document;
    m_owner = owner;
    m_ownerKey = owner.toString();
    m_external = model::ElementRef();
    m_externalList = nullptr;
    m_live.clear();
    if (m_document)
        connectDocument();
    rebuildParents();
    endResetModel();
}

void AttributeModel::setClass(AmlDocument *document, const model::ElementRef &cls)
{
    beginResetModel();
    disconnectDocument();
    m_document = document;
    m_owner = OwnerRef();
    m_ownerKey.clear();
    m_external = cls;
    m_externalList = nullptr;
    m_live.clear();
    using model::ElementKind;
    switch (cls.kind) {
    case ElementKind::SystemUnitClass:
        m_externalList = &cls.as<model::SystemUnitClass>()->attributes;
        break;
    case ElementKind::RoleClass:
        m_externalList = &cls.as<model::RoleClass>()->attributes;
        break;
    case ElementKind::InterfaceClass:
        m_externalList = &cls.as<model::InterfaceClass>()->attributes;
        break;
    case ElementKind::AttributeType:
        m_externalList = &cls.as<model::AttributeType>()->attributes;
        break;
    default:
        break;
    }
    if (m_document) {
        // External files live in the document's resolver: when it is replaced, let go.
        m_connections << connect(
            m_document, &AmlDocument::librariesChanged, this, &AttributeModel::clear);
        m_connections << connect(
            m_document, &AmlDocument::aboutToBeDestroyed, this, &AttributeModel::clear);
    }
    rebuildParents();
    endResetModel();
}

void AttributeModel::connectDocument()
{
    AmlDocument *doc = m_document;
    m_connections << connect(doc, &AmlDocument::aboutToBeDestroyed, this, &AttributeModel::clear);
    m_connections << connect(doc, &AmlDocument::attributeAboutToBeAdded, this,
        [this](const QString &owner, const QStringList &parentPath, int row) {
            if (!concerns(owner))
                return;
            const QModelIndex parent = indexForPath(parentPath);
            if (parentPath.isEmpty() || parent.isValid())
                beginInsertRows(parent, row, row);
        });
    m_connections << connect(doc, &AmlDocument::attributeAdded, this,
        [this](const QString &owner, const QStringList &parentPath) {
            if (!concerns(owner))
                return;
            rebuildParents();
            if (parentPath.isEmpty() || findPath(parentPath))
                endInsertRows();
        });
    m_connections << connect(doc, &AmlDocument::attributeAboutToBeRemoved, this,
        [this](const QString &owner, const QStringList &parentPath, int row) {
            if (!concerns(owner))
                return;
            const QModelIndex parent = indexForPath(parentPath);
            if (parentPath.isEmpty() || parent.isValid())
                beginRemoveRows(parent, row, row);
        });
    m_connections << connect(doc, &AmlDocument::attributeRemoved, this,
        [this](const QString &owner, const QStringList &parentPath) {
            if (!concerns(owner))
                return;
            rebuildParents();
            if (parentPath.isEmpty() || findPath(parentPath))
                endRemoveRows();
        });
    m_connections << connect(doc, &AmlDocument::attributeChanged, this,
        [this](const QString &owner, const QStringList &path) {
            if (!concerns(owner))
                return;
            const QModelIndex first = indexForPath(path, NameColumn);
            if (first.isValid())
                Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
        });
    m_connections << connect(
        doc, &AmlDocument::attributesChanged, this, [this](const QString &owner) {
            if (!concerns(owner))
                return;
            beginResetModel();
            rebuildParents();
            endResetModel();
        });
    // The owner may disappear with an element, an interface or a whole subtree.
    m_connections << connect(doc, &AmlDocument::elementAboutToBeRemoved, this,
        [this](const QString &, int, const QString &key) {
            const DocumentNode *removed = m_document->node(key);
            const DocumentNode *owner = m_document->node(m_owner.key);
            if (removed && owner && owner->isSelfOrDescendantOf(removed))
                clear();
        });
    m_connections << connect(
        doc, &AmlDocument::interfacesChanged, this, [this](const QString &ownerKey) {
            if (OwnerRef::fromString(ownerKey).key == m_owner.key)
                ownerMaybeGone();
        });
}

void AttributeModel::ownerMaybeGone()
{
    if (!m_owner.isInterface() || !m_document)
        return;
    // An interface owner is found by name: if it moved or vanished, show it afresh or nothing.
    if (!m_document->interface(m_owner)) {
        clear();
        return;
    }
    beginResetModel();
    rebuildParents();
    endResetModel();
}

bool AttributeModel::concerns(const QString &ownerKey) const
{
    return !m_ownerKey.isEmpty() && ownerKey == m_ownerKey;
}

const model::NodeList<model::Attribute> *AttributeModel::list(const model::Attribute *parent) const
{
    if (parent)
        return &parent->attributes;
    if (m_externalList)
        return m_externalList;
    if (!m_document || !m_owner.isValid())
        return nullptr;
    return m_document->attributes(m_owner);
}

void AttributeModel::rebuildParents()
{
    m_parents.clear();
    if (const model::NodeList<model::Attribute> *top = list(nullptr))
        indexParents(*top, nullptr);
}

void AttributeModel::indexParents(
    const model::NodeList<model::Attribute> &attributes, const model::Attribute *parent)
{
    for (const model::Attribute &attribute : attributes) {
        m_parents.insert(&attribute, parent);
        indexParents(attribute.attributes, &attribute);
    }
}

const model::Attribute *AttributeModel::attributeFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<const model::Attribute *>(index.internalPointer());
}

const model::Attribute *AttributeModel::parentOf(const model::Attribute *attribute) const
{
    return m_parents.value(attribute);
}

QStringList AttributeModel::pathOf(const model::Attribute *attribute) const
{
    QStringList path;
    for (const model::Attribute *at = attribute; at; at = parentOf(at))
        path.prepend(at->name);
    return path;
}

const model::Attribute *AttributeModel::findPath(const QStringList &path) const
{
    const model::Attribute *found = nullptr;
    const model::NodeList<model::Attribute> *attributes = list(nullptr);
    for (const QString &name : path) {
        if (!attributes)
            return nullptr;
        found = model::findAttribute(*attributes, name);
        if (!found)
            return nullptr;
        attributes = &found->attributes;
    }
    return found;
}

AttributeRef AttributeModel::attributeRef(const QModelIndex &index) const
{
    const model::Attribute *attribute = attributeFor(index);
    if (!attribute || !m_owner.isValid())
        return {};
    return AttributeRef { m_owner, pathOf(attribute) };
}

QModelIndex AttributeModel::indexForPath(const QStringList &path, int column) const
{
    const model::Attribute *attribute = path.isEmpty() ? nullptr : findPath(path);
    if (!attribute)
        return {};
    const model::NodeList<model::Attribute> *siblings = list(parentOf(attribute));
    if (!siblings || !m_parents.contains(attribute))
        return {};
    return createIndex(
        siblings->indexOf(attribute), column, const_cast<model::Attribute *>(attribute));
}

void AttributeModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    // Flags changed for every row.
    std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
        for (int row = 0; row < rows; ++row)
            touch(index(row, 0, parent));
    };
    touch(QModelIndex());
}

void AttributeModel::setLiveValue(
    const QString &attributePath, const QVariant &value, runtime::Quality quality)
{
    m_live.insert(attributePath, Live { value, quality });
    const QModelIndex at
        = indexForPath(model::CaexPath::parse(attributePath).segments, ValueColumn);
    if (at.isValid())
        Q_EMIT dataChanged(at, at);
}

void AttributeModel::clearLiveValues()
{
    if (m_live.isEmpty())
        return;
    m_live.clear();
    const int rows = rowCount();
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    // Nested rows are refreshed by views on the next paint of the parent; tell them too.
    std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
        for (int row = 0; row < rowCount(parent); ++row) {
            const QModelIndex child = index(row, 0, parent);
            const int count = rowCount(child);
            if (count > 0) {
                Q_EMIT dataChanged(index(0, 0, child), index(count - 1, ColumnCount - 1, child));
                touch(child);
            }
        }
    };
    touch(QModelIndex());
}

QModelIndex AttributeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const model::NodeList<model::Attribute> *attributes = list(attributeFor(parent));
    if (!attributes || row >= attributes->size())
        return {};
    return createIndex(row, column, const_cast<model::Attribute *>(&(*attributes)[row]));
}

QModelIndex AttributeModel::parent(const QModelIndex &child) const
{
    const model::Attribute *attribute = attributeFor(child);
    const model::Attribute *parent = attribute ? parentOf(attribute) : nullptr;
    if (!parent)
        return {};
    const model::NodeList<model::Attribute> *siblings = list(parentOf(parent));
    return createIndex(
        siblings ? siblings->indexOf(parent) : 0, 0, const_cast<model::Attribute *>(parent));
}

int AttributeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const model::NodeList<model::Attribute> *attributes = list(attributeFor(parent));
    if (parent.isValid() && !attributeFor(parent))
        return 0;
    return attributes ? attributes->size() : 0;
}

int AttributeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : ColumnCount;
}

QVariant AttributeModel::data(const QModelIndex &index, int role) const
{
    const model::Attribute *attribute = attributeFor(index);
    if (!attribute)
        return {};
    const QString pathText = model::CaexPath::join(pathOf(attribute));
    const auto live = m_live.constFind(pathText);
    const bool isLive = live != m_live.constEnd();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return attribute->name;
        case ValueColumn:
            if (isLive && role == Qt::DisplayRole)
                return live->value;
            return attribute->value.value_or(QString());
        case UnitColumn:
            return attribute->unit;
        case TypeColumn:
            return attribute->dataType;
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QString tip = attribute->description();
        if (isLive && index.column() == ValueColumn)
            tip = tr("Live value (%1)").arg(runtime::qualityName(live->quality));
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::FontRole:
        if (index.column() == ValueColumn && !attribute->value && !isLive) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case DataTypeRole:
        return attribute->dataType;
    case UnitRole:
        return attribute->unit;
    case AllowedValuesRole: {
        QStringList values;
        for (const model::Constraint &constraint : attribute->constraints)
            if (constraint.kind == model::Constraint::Kind::Nominal)
                values << constraint.nominalValues;
        return values.isEmpty() ? QVariant() : QVariant(values);
    }
    case MinRole:
    case MaxRole:
        for (const model::Constraint &constraint : attribute->constraints)
            if (constraint.kind == model::Constraint::Kind::Ordinal) {
                const QVariant found = number(
                    role == MinRole ? constraint.requiredMinValue : constraint.requiredMaxValue);
                if (found.isValid())
                    return found;
            }
        return {};
    case PathRole:
        return pathOf(attribute);
    case DescriptionRole:
        return attribute->description();
    case DefaultValueRole:
        return attribute->defaultValue ? QVariant(*attribute->defaultValue) : QVariant();
    case HasValueRole:
        return attribute->value.has_value();
    case LiveQualityRole:
        return isLive ? QVariant(runtime::qualityName(live->quality)) : QVariant();
    case IsLiveRole:
        return isLive;
    default:
        return {};
    }
}

bool AttributeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const model::Attribute *attribute = attributeFor(index);
    if (!attribute || role != Qt::EditRole || isReadOnly() || !m_document)
        return false;
    const AttributeRef ref = attributeRef(index);
    QUndoStack *stack = m_document->undoStack();
    // Booleans arrive as bool from a checkbox; CAEX spells them in lower case.
    const QString text = value.typeId() == QMetaType::Bool
        ? (value.toBool() ? u"true"_s : u"false"_s)
        : value.toString();
    switch (index.column()) {
    case NameColumn: {
        const QString name = text.trimmed();
        if (name.isEmpty() || name == attribute->name)
            return !name.isEmpty();
        const model::NodeList<model::Attribute> *siblings = list(parentOf(attribute));
        if (siblings && model::findAttribute(*siblings, name))
            return false; // attributes are addressed by name
        stack->push(new RenameAttribute(m_document, ref, name));
        return true;
    }
    case ValueColumn:
        if (attribute->value && *attribute->value == text)
            return true;
        stack->push(new SetAttributeValue(m_document, ref, text));
        return true;
    case UnitColumn:
        if (attribute->unit == text)
            return true;
        stack->push(new SetAttributeUnit(m_document, ref, text));
        return true;
    case TypeColumn:
        if (attribute->dataType == text)
            return true;
        stack->push(new SetAttributeDataType(m_document, ref, text));
        return true;
    default:
        return false;
    }
}

QVariant AttributeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags AttributeModel::flags(const QModelIndex &index) const
{
    const model::Attribute *attribute = attributeFor(index);
    if (!attribute)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isReadOnly() && m_owner.isValid())
        flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace dt::editor
