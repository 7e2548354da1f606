// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/librarymodel.h"

#include "document/amldocument.h"
#include "models/mimetypes.h"

#include "model/caexpath.h"
#include "model/resolver.h"

#include <QFile>
#include <QIcon>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace dt::editor {

struct LibraryModel::Item
{
    model::ElementKind kind = model::ElementKind::None;
    const model::CaexObject *object = nullptr;
    const model::CaexFile *file = nullptr;
    QString alias;
    QStringList segments; ///< library and class names inside its file
    QString key;
    Item *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Item>> children;

    bool isLibrary() const { return !parent; }
    QString classPath() const { return model::CaexPath::join(segments, alias); }
};

namespace {

QString iconName(model::ElementKind kind)
{
    using model::ElementKind;
    switch (kind) {
    case ElementKind::SystemUnitClass:
        return u"systemunitclass"_s;
    case ElementKind::RoleClass:
        return u"roleclass"_s;
    case ElementKind::InterfaceClass:
        return u"interfaceclass"_s;
    case ElementKind::AttributeType:
        return u"attributetype"_s;
    default:
        return u"library"_s;
    }
}

QIcon icon(model::ElementKind kind)
{
    const QString file = u":/icons/%1.svg"_s.arg(iconName(kind));
    return QFile::exists(file) ? QIcon(file) : QIcon();
}

void collectKeys(const std::vector<DocumentNode *> &nodes, QHash<const void *, QString> &keys)
{
    for (const DocumentNode *node : nodes) {
        keys.insert(node->object, node->key);
        collectKeys(node->children, keys);
    }
}

} // namespace

LibraryModel::LibraryModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

LibraryModel::~LibraryModel() = default;

void LibraryModel::setDocument(AmlDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &AmlDocument::librariesChanged, this, &LibraryModel::rebuild);
        connect(m_document, &AmlDocument::elementChanged, this, [this](const QString &key) {
            const DocumentNode *node = m_document->node(key);
            if (node && !node->isElement() && !node->isHierarchy())
                rebuild();
        });
        connect(
            m_document, &AmlDocument::aboutToBeDestroyed, this, [this] { setDocument(nullptr); });
    }
    rebuild();
}

void LibraryModel::setKindFilter(int kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    rebuild();
}

void LibraryModel::rebuild()
{
    beginResetModel();
    m_roots.clear();
    m_loadErrors.clear();
    if (m_document)
        build();
    endResetModel();
}

void LibraryModel::build()
{
    AmlDocument *document = m_document;
    if (!document)
        return;
    QHash<const void *, QString> keys;
    collectKeys(document->libraryNodes(), keys);

    struct Source
    {
        const model::CaexFile *file;
        QString alias;
    };
    QList<Source> sources { { &document->file(), QString() } };
    QList<const model::CaexFile *> seen { &document->file() };
    for (const model::ExternalReference &reference : document->file().externalReferences) {
        QString error;
        const model::CaexFile *file = document->resolver().externalFile(reference.alias, &error);
        if (!file) {
            m_loadErrors << error;
            continue;
        }
        if (seen.contains(file))
            continue;
        seen << file;
        sources.append({ file, reference.alias });
    }

    for (const Source &source : std::as_const(sources)) {
        auto addLibrary = [&](model::ElementKind libKind, const model::CaexObject &lib) {
            auto item = std::make_unique<Item>();
            item->kind = libKind;
            item->object = &lib;
            item->file = source.file;
            item->alias = source.alias;
            item->segments = { lib.name };
            item->key = source.alias.isEmpty() ? keys.value(&lib) : QString();
            item->row = int(m_roots.size());
            Item *raw = item.get();
            m_roots.push_back(std::move(item));
            return raw;
        };
        auto addClass = [&](Item *parent, model::ElementKind kind, const model::CaexObject &cls) {
            auto item = std::make_unique<Item>();
            item->kind = kind;
            item->object = &cls;
            item->file = source.file;
            item->alias = source.alias;
            item->segments = QStringList(parent->segments) << cls.name;
            item->key = source.alias.isEmpty() ? keys.value(&cls) : QString();
            item->parent = parent;
            item->row = int(parent->children.size());
            Item *raw = item.get();
            parent->children.push_back(std::move(item));
            return raw;
        };
        using model::ElementKind;
        if (m_kinds & SystemUnitClasses) {
            std::function<void(Item *, const model::NodeList<model::SystemUnitClass> &)> add
                = [&](Item *parent, const model::NodeList<model::SystemUnitClass> &list) {
                      for (const model::SystemUnitClass &cls : list)
                          add(addClass(parent, ElementKind::SystemUnitClass, cls),
                              cls.systemUnitClasses);
                  };
            for (const model::SystemUnitClassLib &lib : source.file->systemUnitClassLibs)
                add(addLibrary(ElementKind::SystemUnitClassLib, lib), lib.classes);
        }
        if (m_kinds & RoleClasses) {
            std::function<void(Item *, const model::NodeList<model::RoleClass> &)> add
                = [&](Item *parent, const model::NodeList<model::RoleClass> &list) {
                      for (const model::RoleClass &cls : list)
                          add(addClass(parent, ElementKind::RoleClass, cls), cls.roleClasses);
                  };
            for (const model::RoleClassLib &lib : source.file->roleClassLibs)
                add(addLibrary(ElementKind::RoleClassLib, lib), lib.classes);
        }
        if (m_kinds & InterfaceClasses) {
            std::function<void(Item *, const model::NodeList<model::InterfaceClass> &)> add
                = [&](Item *parent, const model::NodeList<model::InterfaceClass> &list) {
                      for (const model::InterfaceClass &cls : list)
                          add(addClass(parent, ElementKind::InterfaceClass, cls),
                              cls.interfaceClasses);
                  };
            for (const model::InterfaceClassLib &lib : source.file->interfaceClassLibs)
                add(addLibrary(ElementKind::InterfaceClassLib, lib), lib.classes);
        }
        if (m_kinds & AttributeTypes) {
            std::function<void(Item *, const model::NodeList<model::AttributeType> &)> add =
                [&](Item *parent, const model::NodeList<model::AttributeType> &list) {
                    for (const model::AttributeType &cls : list)
                        add(addClass(parent, ElementKind::AttributeType, cls), cls.attributeTypes);
                };
            for (const model::AttributeTypeLib &lib : source.file->attributeTypeLibs)
                add(addLibrary(ElementKind::AttributeTypeLib, lib), lib.classes);
        }
    }
}

LibraryModel::Item *LibraryModel::itemFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Item *>(index.internalPointer());
}

model::ElementRef LibraryModel::classRef(const QModelIndex &index) const
{
    model::ElementRef ref;
    const Item *item = itemFor(index);
    if (!item)
        return ref;
    ref.kind = item->kind;
    ref.node = item->object;
    ref.file = item->file;
    ref.path = model::CaexPath::join(item->segments);
    return ref;
}

QModelIndex LibraryModel::indexForClassPath(const QString &path) const
{
    std::function<QModelIndex(const std::vector<std::unique_ptr<Item>> &)> find
        = [&](const std::vector<std::unique_ptr<Item>> &items) -> QModelIndex {
        for (const std::unique_ptr<Item> &item : items) {
            if (!item->isLibrary() && item->classPath() == path)
                return createIndex(item->row, 0, item.get());
            const QModelIndex inside = find(item->children);
            if (inside.isValid())
                return inside;
        }
        return {};
    };
    return find(m_roots);
}

QModelIndex LibraryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Item *parentItem = itemFor(parent);
    const auto &children = parentItem ? parentItem->children : m_roots;
    if (size_t(row) >= children.size())
        return {};
    return createIndex(row, column, children[size_t(row)].get());
}

QModelIndex LibraryModel::parent(const QModelIndex &child) const
{
    const Item *item = itemFor(child);
    if (!item || !item->parent)
        return {};
    return createIndex(item->parent->row, 0, item->parent);
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(itemFor(parent)->children.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    const Item *item = itemFor(index);
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return item->object->name;
        return item->alias.isEmpty() ? tr("this document") : item->alias;
    case Qt::ToolTipRole: {
        QString tip = item->isLibrary() ? item->object->name : item->classPath();
        const QString description = item->object->description();
        if (!description.isEmpty())
            tip += u"\n"_s + description;
        return tip;
    }
    case Qt::DecorationRole:
        return index.column() == NameColumn ? icon(item->kind) : QVariant();
    case KindRole:
        return int(item->kind);
    case ClassPathRole:
        return item->isLibrary() ? QString() : item->classPath();
    case AliasRole:
        return item->alias;
    case KeyRole:
        return item->key;
    case DescriptionRole:
        return item->object->description();
    case IsLibraryRole:
        return item->isLibrary();
    default:
        return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : section == SourceColumn ? tr("Source") : QVariant();
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex &index) const
{
    const Item *item = itemFor(index);
    if (!item)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!item->isLibrary())
        flags |= Qt::ItemIsDragEnabled;
    if (item->children.empty())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QStringList LibraryModel::mimeTypes() const
{
    return { MimeTypes::classPath() };
}

QMimeData *LibraryModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const Item *item = itemFor(index);
        if (!item || item->isLibrary())
            continue;
        auto *mime = new QMimeData;
        const QString payload = model::elementKindName(item->kind) + u'\n' + item->classPath();
        mime->setData(MimeTypes::classPath(), payload.toUtf8());
        mime->setText(item->classPath());
        return mime;
    }
    return nullptr;
}

Qt::DropActions LibraryModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace dt::editor
