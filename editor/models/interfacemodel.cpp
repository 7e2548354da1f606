// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/interfacemodel.h"

#include "commands/addremoveinterface.h"
#include "commands/addremovelink.h"
#include "document/amldocument.h"
#include "models/mimetypes.h"

#include "model/caexpath.h"

#include <QFile>
#include <QIcon>
#include <QMimeData>
#include <QSet>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dt::editor {

InterfaceModel::InterfaceModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

InterfaceModel::~InterfaceModel() = default;

void InterfaceModel::clear()
{
    setOwner(nullptr, OwnerRef());
}

void InterfaceModel::setOwner(AmlDocument *document, const OwnerRef &owner)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_document = document;
    m_owner = document ? owner : OwnerRef();
    if (m_document) {
        const auto reset = [this] {
            beginResetModel();
            rebuild();
            endResetModel();
        };
        m_connections << connect(
            m_document, &AmlDocument::aboutToBeDestroyed, this, &InterfaceModel::clear);
        m_connections << connect(m_document, &AmlDocument::interfacesChanged, this,
            [this, reset](const QString &ownerKey) {
                if (OwnerRef::fromString(ownerKey).key == m_owner.key)
                    reset();
            });
        m_connections << connect(m_document, &AmlDocument::linksChanged, this, [this] {
            countLinks();
            // Nested interfaces have counts too: refresh the column at every level.
            std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
                const int rows = rowCount(parent);
                if (rows == 0)
                    return;
                Q_EMIT dataChanged(
                    index(0, LinksColumn, parent), index(rows - 1, LinksColumn, parent));
                for (int row = 0; row < rows; ++row)
                    touch(index(row, 0, parent));
            };
            touch(QModelIndex());
        });
        m_connections << connect(m_document, &AmlDocument::elementAboutToBeRemoved, this,
            [this](const QString &, int, const QString &key) {
                const DocumentNode *removed = m_document->node(key);
                const DocumentNode *owner = m_document->node(m_owner.key);
                if (removed && owner && owner->isSelfOrDescendantOf(removed))
                    clear();
            });
    }
    rebuild();
    endResetModel();
}

void InterfaceModel::rebuild()
{
    m_parents.clear();
    if (const model::NodeList<Interface> *top = list(nullptr))
        indexParents(*top, nullptr);
    countLinks();
}

void InterfaceModel::indexParents(
    const model::NodeList<Interface> &interfaces, const Interface *parent)
{
    for (const Interface &interface : interfaces) {
        m_parents.insert(&interface, parent);
        indexParents(interface.interfaces, &interface);
    }
}

void InterfaceModel::countLinks()
{
    m_linkCounts.clear();
    if (!m_document || m_parents.isEmpty())
        return;
    // Only the sides that name one of our interfaces are counted.
    QSet<QString> ours;
    for (auto it = m_parents.cbegin(); it != m_parents.cend(); ++it) {
        const QString reference = linkPartnerReference(*m_document, refOf(it.key()));
        if (!reference.isEmpty())
            ours.insert(reference);
    }
    findLinks(*m_document, [&](const QString &side) {
        if (ours.contains(side))
            m_linkCounts[side] += 1;
        return false;
    });
}

const model::NodeList<InterfaceModel::Interface> *InterfaceModel::list(
    const Interface *parent) const
{
    if (parent)
        return &parent->interfaces;
    if (!m_document || !m_owner.isValid())
        return nullptr;
    return m_document->interfaces(m_owner);
}

const InterfaceModel::Interface *InterfaceModel::interfaceFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<const Interface *>(index.internalPointer());
}

QStringList InterfaceModel::pathOf(const Interface *interface) const
{
    QStringList path;
    for (const Interface *at = interface; at; at = m_parents.value(at))
        path.prepend(at->name);
    return path;
}

OwnerRef InterfaceModel::refOf(const Interface *interface) const
{
    if (!interface)
        return {};
    OwnerRef ref = m_owner;
    ref.interfacePath << pathOf(interface);
    return ref;
}

OwnerRef InterfaceModel::interfaceRef(const QModelIndex &index) const
{
    return refOf(interfaceFor(index));
}

QModelIndex InterfaceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const model::NodeList<Interface> *interfaces = list(interfaceFor(parent));
    if (!interfaces || row >= interfaces->size())
        return {};
    return createIndex(row, column, const_cast<Interface *>(&(*interfaces)[row]));
}

QModelIndex InterfaceModel::parent(const QModelIndex &child) const
{
    const Interface *interface = interfaceFor(child);
    const Interface *parent = interface ? m_parents.value(interface) : nullptr;
    if (!parent)
        return {};
    const model::NodeList<Interface> *siblings = list(m_parents.value(parent));
    return createIndex(
        siblings ? siblings->indexOf(parent) : 0, 0, const_cast<Interface *>(parent));
}

int InterfaceModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && (parent.column() != 0 || !interfaceFor(parent)))
        return 0;
    const model::NodeList<Interface> *interfaces = list(interfaceFor(parent));
    return interfaces ? interfaces->size() : 0;
}

int InterfaceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : ColumnCount;
}

QVariant InterfaceModel::data(const QModelIndex &index, int role) const
{
    const Interface *interface = interfaceFor(index);
    if (!interface)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return interface->name;
        case ClassColumn:
            return interface->refBaseClassPath;
        case LinksColumn: {
            const int count
                = m_linkCounts.value(linkPartnerReference(*m_document, interfaceRef(index)));
            return count;
        }
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == NameColumn && QFile::exists(u":/icons/interface.svg"_s))
            return QIcon(u":/icons/interface.svg"_s);
        return {};
    case Qt::ToolTipRole:
        return interface->description().isEmpty() ? QVariant(interface->refBaseClassPath)
                                                  : QVariant(interface->description());
    case OwnerRefRole:
        return interfaceRef(index).toString();
    case PartnerReferenceRole:
        return linkPartnerReference(*m_document, interfaceRef(index));
    case IdRole:
        return interface->id;
    case ClassPathRole:
        return interface->refBaseClassPath;
    default:
        return {};
    }
}

bool InterfaceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Interface *interface = interfaceFor(index);
    if (!interface || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return false;
    if (name == interface->name)
        return true;
    const model::NodeList<Interface> *siblings = list(m_parents.value(interface));
    if (siblings && model::findInterface(*siblings, name))
        return false; // interfaces are addressed by name
    m_document->undoStack()->push(new RenameInterface(m_document, interfaceRef(index), name));
    return true;
}

QVariant InterfaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ClassColumn:
        return tr("Class");
    case LinksColumn:
        return tr("Links");
    default:
        return {};
    }
}

Qt::ItemFlags InterfaceModel::flags(const QModelIndex &index) const
{
    if (!interfaceFor(index))
        return m_owner.isValid() ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    Qt::ItemFlags flags
        = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QStringList InterfaceModel::mimeTypes() const
{
    return { MimeTypes::interfaceRef(), MimeTypes::classPath() };
}

QMimeData *InterfaceModel::mimeDataForInterface(const AmlDocument &document, const OwnerRef &ref)
{
    auto *mime = new QMimeData;
    mime->setData(MimeTypes::interfaceRef(),
        (document.instanceId().toString() + u'\n' + ref.toString()).toUtf8());
    mime->setText(ref.interfacePath.join(u'/'));
    return mime;
}

OwnerRef InterfaceModel::interfaceFromMimeData(const AmlDocument &document, const QMimeData *data)
{
    if (!data || !data->hasFormat(MimeTypes::interfaceRef()))
        return {};
    const QString text = QString::fromUtf8(data->data(MimeTypes::interfaceRef()));
    const qsizetype newline = text.indexOf(u'\n');
    if (newline < 0 || text.left(newline) != document.instanceId().toString())
        return {};
    const OwnerRef ref = OwnerRef::fromString(text.mid(newline + 1));
    return document.interface(ref) ? ref : OwnerRef();
}

QMimeData *InterfaceModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes)
        if (interfaceFor(index))
            return mimeDataForInterface(*m_document, interfaceRef(index));
    return nullptr;
}

Qt::DropActions InterfaceModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::LinkAction;
}

Qt::DropActions InterfaceModel::supportedDragActions() const
{
    return Qt::CopyAction | Qt::LinkAction;
}

namespace {

QString droppedInterfaceClass(const QMimeData *data)
{
    if (!data || !data->hasFormat(MimeTypes::classPath()))
        return {};
    const QString text = QString::fromUtf8(data->data(MimeTypes::classPath()));
    const qsizetype newline = text.indexOf(u'\n');
    if (newline < 0
        || text.left(newline) != model::elementKindName(model::ElementKind::InterfaceClass))
        return {};
    return text.mid(newline + 1).trimmed();
}

} // namespace

bool InterfaceModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!m_document || !m_owner.isValid() || !data)
        return false;
    if (!droppedInterfaceClass(data).isEmpty())
        return true;
    const OwnerRef source = interfaceFromMimeData(*m_document, data);
    if (!source.isValid() || !interfaceFor(parent))
        return false;
    const OwnerRef target = interfaceRef(parent);
    return source != target && !linkContainerFor(*m_document, source.key, target.key).isEmpty();
}

bool InterfaceModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString classPath = droppedInterfaceClass(data);
    if (!classPath.isEmpty()) {
        auto interface = interfaceFromClass(m_document, classPath);
        if (!interface)
            return false;
        // Onto an interface: nested in it (CAEX 3.0); elsewhere: on the owner.
        const OwnerRef owner = interfaceFor(parent) ? interfaceRef(parent) : m_owner;
        m_document->undoStack()->push(
            new AddInterface(m_document, owner, interface.takeValue(), row));
        return true;
    }
    auto link = AddLink::connect(
        m_document, interfaceFromMimeData(*m_document, data), interfaceRef(parent));
    if (!link)
        return false;
    m_document->undoStack()->push(link.release());
    return true;
}

} // namespace dt::editor
