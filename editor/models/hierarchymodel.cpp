// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/hierarchymodel.h"

#include "commands/addremoveattribute.h"
#include "commands/addremoveinterface.h"
#include "commands/changeelement.h"
#include "commands/instantiateclass.h"
#include "commands/moveelement.h"
#include "commands/pasteelements.h"
#include "commands/setrole.h"
#include "document/amldocument.h"
#include "models/mimetypes.h"

#include "model/caexpath.h"
#include "model/resolver.h"

#include <QFile>
#include <QHash>
#include <QIcon>
#include <QMimeData>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

struct ClassDrop
{
    model::ElementKind kind = model::ElementKind::None;
    QString path;
};

ClassDrop parseClassDrop(const QMimeData *data)
{
    ClassDrop drop;
    if (!data || !data->hasFormat(MimeTypes::classPath()))
        return drop;
    const QString text = QString::fromUtf8(data->data(MimeTypes::classPath()));
    const qsizetype newline = text.indexOf(u'\n');
    if (newline < 0)
        return drop;
    const QString kind = text.left(newline).trimmed();
    drop.path = text.mid(newline + 1).trimmed();
    using model::ElementKind;
    for (ElementKind candidate : { ElementKind::SystemUnitClass, ElementKind::RoleClass,
             ElementKind::InterfaceClass, ElementKind::AttributeType })
        if (model::elementKindName(candidate) == kind)
            drop.kind = candidate;
    return drop;
}

/// The keys of a drag from this document; empty when it comes from elsewhere.
QStringList draggedKeys(const AmlDocument &document, const QMimeData *data)
{
    if (!data || !data->hasFormat(MimeTypes::elementKeys()))
        return {};
    QStringList lines = QString::fromUtf8(data->data(MimeTypes::elementKeys())).split(u'\n');
    if (lines.isEmpty() || lines.takeFirst() != document.instanceId().toString())
        return {};
    lines.removeAll(QString());
    return lines;
}

QIcon iconFor(const QString &name)
{
    static QHash<QString, QIcon> cache;
    const auto found = cache.constFind(name);
    if (found != cache.constEnd())
        return found.value();
    const QString file = u":/icons/%1.svg"_s.arg(name);
    QIcon icon = QFile::exists(file) ? QIcon(file) : QIcon();
    cache.insert(name, icon);
    return icon;
}

} // namespace

HierarchyModel::HierarchyModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

HierarchyModel::~HierarchyModel() = default;

void HierarchyModel::setDocument(AmlDocument *document)
{
    if (document == m_document)
        return;
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connectDocument();
    endResetModel();
}

void HierarchyModel::connectDocument()
{
    AmlDocument *doc = m_document;
    connect(doc, &AmlDocument::aboutToBeDestroyed, this, [this] {
        beginResetModel();
        m_document = nullptr;
        endResetModel();
    });
    connect(
        doc, &AmlDocument::elementAboutToBeAdded, this, [this](const QString &parentKey, int row) {
            beginInsertRows(parentIndexForKey(parentKey), row, row);
        });
    connect(doc, &AmlDocument::elementAdded, this, [this] { endInsertRows(); });
    connect(doc, &AmlDocument::elementAboutToBeRemoved, this,
        [this](const QString &parentKey, int row) {
            beginRemoveRows(parentIndexForKey(parentKey), row, row);
        });
    connect(doc, &AmlDocument::elementRemoved, this, [this] { endRemoveRows(); });
    connect(doc, &AmlDocument::elementAboutToBeMoved, this,
        [this](const QString &, const QString &oldParent, int oldRow, const QString &newParent,
            int newRow) {
            // The document gives the final row; Qt wants it counted before the move.
            const int destination = oldParent == newParent && newRow > oldRow ? newRow + 1 : newRow;
            beginMoveRows(parentIndexForKey(oldParent), oldRow, oldRow,
                parentIndexForKey(newParent), destination);
        });
    connect(doc, &AmlDocument::elementMoved, this, [this] { endMoveRows(); });
    connect(doc, &AmlDocument::elementChanged, this, [this](const QString &key) {
        const QModelIndex first = indexForKey(key, NameColumn);
        if (first.isValid())
            Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    });
}

QModelIndex HierarchyModel::parentIndexForKey(const QString &parentKey) const
{
    return parentKey.isEmpty() ? QModelIndex() : indexForKey(parentKey);
}

QModelIndex HierarchyModel::indexForKey(const QString &key, int column) const
{
    if (!m_document)
        return {};
    const DocumentNode *node = m_document->node(key);
    if (!node || !(node->isElement() || node->isHierarchy()))
        return {};
    return indexForNode(node, column);
}

QModelIndex HierarchyModel::indexForNode(const DocumentNode *node, int column) const
{
    if (!node)
        return {};
    return createIndex(node->row, column, const_cast<DocumentNode *>(node));
}

QString HierarchyModel::keyForIndex(const QModelIndex &index) const
{
    const DocumentNode *node = nodeForIndex(index);
    return node ? node->key : QString();
}

DocumentNode *HierarchyModel::nodeForIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<DocumentNode *>(index.internalPointer());
}

QModelIndex HierarchyModel::index(int row, int column, const QModelIndex &parent) const
{
    const AmlDocument *document = m_document;
    if (!document || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const DocumentNode *parentNode = nodeForIndex(parent);
    if (parent.isValid() && !parentNode)
        return {};
    const std::vector<DocumentNode *> &children
        = parentNode ? parentNode->children : document->hierarchyNodes();
    if (size_t(row) >= children.size())
        return {};
    return createIndex(row, column, children[size_t(row)]);
}

QModelIndex HierarchyModel::parent(const QModelIndex &child) const
{
    const DocumentNode *node = nodeForIndex(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int HierarchyModel::rowCount(const QModelIndex &parent) const
{
    const AmlDocument *document = m_document;
    if (!document)
        return 0;
    if (!parent.isValid())
        return int(document->hierarchyNodes().size());
    const DocumentNode *node = nodeForIndex(parent);
    if (parent.column() != 0 || !node)
        return 0;
    return int(node->children.size());
}

int HierarchyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : ColumnCount;
}

bool HierarchyModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant HierarchyModel::data(const QModelIndex &index, int role) const
{
    const DocumentNode *node = nodeForIndex(index);
    if (!node)
        return {};
    const model::InternalElement *element = node->element();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return node->name();
        case ClassColumn:
            return element ? element->refBaseSystemUnitPath : QString();
        case RoleColumn: {
            if (!element)
                return QString();
            const QStringList segments = model::CaexPath::parse(roleOf(*element)).segments;
            return segments.isEmpty() ? QString() : segments.last();
        }
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QString tip = m_document->path(node->key);
        const QString description = node->object->description();
        if (!description.isEmpty())
            tip += u"\n"_s + description;
        if (element && index.column() == RoleColumn)
            return roleOf(*element);
        return tip;
    }
    case Qt::DecorationRole: {
        if (index.column() != NameColumn)
            return {};
        if (!element)
            return iconFor(u"hierarchy"_s);
        const QStringList segments = model::CaexPath::parse(roleOf(*element)).segments;
        if (!segments.isEmpty()) {
            const QIcon icon = iconFor(segments.last());
            if (!icon.isNull())
                return icon;
        }
        return iconFor(u"element"_s);
    }
    case KeyRole:
        return node->key;
    case KindRole:
        return int(node->kind);
    case PathRole:
        return m_document->path(node->key);
    case IdRole:
        return node->object->id;
    case RolePathRole:
        return element ? roleOf(*element) : QString();
    default:
        return {};
    }
}

bool HierarchyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const DocumentNode *node = nodeForIndex(index);
    if (!node || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty()) {
        fail(tr("A name cannot be empty."));
        return false;
    }
    if (name == node->name())
        return true;
    m_document->undoStack()->push(new RenameElement(m_document, node->key, name));
    return true;
}

QVariant HierarchyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ClassColumn:
        return tr("Class");
    case RoleColumn:
        return tr("Role");
    default:
        return {};
    }
}

Qt::ItemFlags HierarchyModel::flags(const QModelIndex &index) const
{
    const DocumentNode *node = nodeForIndex(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    if (node->isElement())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QHash<int, QByteArray> HierarchyModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(KindRole, "kind");
    names.insert(PathRole, "path");
    names.insert(IdRole, "id");
    names.insert(RolePathRole, "rolePath");
    return names;
}

QStringList HierarchyModel::mimeTypes() const
{
    return { MimeTypes::elementKeys(), MimeTypes::classPath(), MimeTypes::amlElements() };
}

QMimeData *HierarchyModel::mimeData(const QModelIndexList &indexes) const
{
    if (!m_document)
        return nullptr;
    QStringList keys;
    for (const QModelIndex &index : indexes) {
        const DocumentNode *node = nodeForIndex(index);
        if (node && node->isElement() && !keys.contains(node->key))
            keys << node->key;
    }
    if (keys.isEmpty())
        return nullptr;
    // The elements themselves too, so a drop into another window can paste copies.
    QMimeData *mime = mimeDataForElements(*m_document, keys);
    if (!mime)
        mime = new QMimeData;
    mime->setData(MimeTypes::elementKeys(),
        (QStringList { m_document->instanceId().toString() } + keys).join(u'\n').toUtf8());
    return mime;
}

Qt::DropActions HierarchyModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions HierarchyModel::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

bool HierarchyModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
    int column, const QModelIndex &parent) const
{
    Q_UNUSED(row);
    Q_UNUSED(column);
    const DocumentNode *target = nodeForIndex(parent);
    if (!m_document || !target || !data)
        return false;
    const ClassDrop drop = parseClassDrop(data);
    switch (drop.kind) {
    case model::ElementKind::SystemUnitClass:
        return true;
    case model::ElementKind::RoleClass:
    case model::ElementKind::InterfaceClass:
    case model::ElementKind::AttributeType:
        return target->isElement();
    default:
        break;
    }
    const QStringList keys = draggedKeys(*m_document, data);
    if (!keys.isEmpty()) {
        if (action == Qt::CopyAction)
            return true;
        for (const QString &key : keys) {
            const DocumentNode *moved = m_document->node(key);
            if (!moved || target->isSelfOrDescendantOf(moved))
                return false;
        }
        return true;
    }
    return data->hasFormat(MimeTypes::amlElements());
}

bool HierarchyModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent)) {
        fail(tr("This cannot be dropped here."));
        return false;
    }
    AmlDocument *doc = m_document;
    const DocumentNode *target = nodeForIndex(parent);
    if (!doc || !target)
        return false;
    QUndoStack *stack = doc->undoStack();
    const QString targetKey = target->key;

    const ClassDrop drop = parseClassDrop(data);
    switch (drop.kind) {
    case model::ElementKind::SystemUnitClass: {
        auto command = instantiateClass(doc, drop.path, targetKey, row);
        if (!command) {
            fail(command.error());
            return false;
        }
        stack->push(command.takeValue().release());
        return true;
    }
    case model::ElementKind::RoleClass:
        stack->push(new SetRole(doc, targetKey, drop.path));
        return true;
    case model::ElementKind::InterfaceClass: {
        auto interface = interfaceFromClass(doc, drop.path);
        if (!interface) {
            fail(interface.error());
            return false;
        }
        stack->push(new AddInterface(doc, OwnerRef { targetKey, {} }, interface.takeValue()));
        return true;
    }
    case model::ElementKind::AttributeType: {
        const Result<model::ElementRef> type = doc->resolver().attributeType(drop.path);
        if (!type) {
            fail(type.error());
            return false;
        }
        model::Attribute attribute = *type->as<model::AttributeType>();
        attribute.refAttributeType = doc->resolver().referencePath(*type);
        attribute.id.clear();
        stack->push(new AddAttribute(doc, OwnerRef { targetKey, {} }, {}, std::move(attribute)));
        return true;
    }
    default:
        break;
    }

    const QStringList keys = draggedKeys(*doc, data);
    if (!keys.isEmpty() && action == Qt::MoveAction) {
        // Pushed one by one: each move sees the rows the previous one left.
        stack->beginMacro(tr("Move %n element(s)", nullptr, int(keys.size())));
        int at = row;
        for (const QString &key : keys) {
            auto *move = new MoveElement(doc, key, targetKey, at);
            if (!move->isValid()) {
                delete move;
                continue;
            }
            stack->push(move);
            if (at >= 0)
                at = doc->node(key)->row + 1;
        }
        stack->endMacro();
        return true;
    }
    auto paste = pasteFromMimeData(doc, targetKey, row, data);
    if (!paste) {
        fail(paste.error());
        return false;
    }
    stack->push(paste.takeValue().release());
    return true;
}

void HierarchyModel::fail(const QString &message) const
{
    m_lastError = message;
    Q_EMIT const_cast<HierarchyModel *>(this)->editFailed(message);
}

} // namespace dt::editor
