// SPDX-License-Identifier: GPL-3.0-or-later
// The key index of AmlDocument and the structural edit primitives that keep it in step with the
// model: every insert, take and move updates the DocumentNode tree (parent, row, children) so the
// item models answer parent()/index() in O(1).
#include "document/amldocument.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

model::NodeList<model::InternalElement> *childList(DocumentNode *node)
{
    if (!node)
        return nullptr;
    if (model::InternalElement *element = node->element())
        return &element->internalElements;
    if (model::InstanceHierarchy *hierarchy = node->hierarchy())
        return &hierarchy->internalElements;
    return nullptr;
}

} // namespace

QString AmlDocument::newSessionKey()
{
    // '~' never starts a GUID, so session keys cannot collide with real IDs in practice.
    return u"~%1"_s.arg(m_nextSessionKey++);
}

DocumentNode *AmlDocument::makeNode(model::ElementKind kind, model::CaexObject *object,
    DocumentNode *parent, const QStringList &keys, int *keyIndex)
{
    auto *node = new DocumentNode;
    node->kind = kind;
    node->object = object;
    node->parent = parent;
    QString key;
    if (keyIndex && *keyIndex < keys.size()) {
        key = keys.at((*keyIndex)++);
        if (m_nodes.contains(key))
            key.clear();
    }
    if (key.isEmpty())
        key = !object->id.isEmpty() && !m_nodes.contains(object->id) ? object->id : newSessionKey();
    node->key = key;
    m_nodes.insert(key, node);
    if (kind == model::ElementKind::InternalElement
        || kind == model::ElementKind::InstanceHierarchy)
        ++m_instanceCount;
    return node;
}

void AmlDocument::indexElementChildren(DocumentNode *node, const QStringList &keys, int *keyIndex)
{
    model::NodeList<model::InternalElement> *list = childList(node);
    if (!list)
        return;
    node->children.reserve(size_t(list->size()));
    for (int i = 0; i < list->size(); ++i) {
        DocumentNode *child
            = makeNode(model::ElementKind::InternalElement, &(*list)[i], node, keys, keyIndex);
        child->row = i;
        node->children.push_back(child);
        indexElementChildren(child, keys, keyIndex);
    }
}

void AmlDocument::unindexTree(DocumentNode *node, QStringList *keys)
{
    // Pre-order, like indexElementChildren, so the keys come back in the same places.
    if (keys)
        keys->append(node->key);
    m_nodes.remove(node->key);
    if (node->kind == model::ElementKind::InternalElement
        || node->kind == model::ElementKind::InstanceHierarchy)
        --m_instanceCount;
    for (DocumentNode *child : node->children)
        unindexTree(child, keys);
    node->children.clear();
    delete node;
}

void AmlDocument::deleteTree(DocumentNode *node)
{
    for (DocumentNode *child : node->children)
        deleteTree(child);
    delete node;
}

void AmlDocument::renumber(std::vector<DocumentNode *> &list, int from)
{
    for (size_t i = size_t(std::max(from, 0)); i < list.size(); ++i)
        list[i]->row = int(i);
}

void AmlDocument::buildIndex()
{
    for (DocumentNode *root : m_hierarchies)
        deleteTree(root);
    m_hierarchies.clear();
    clearLibraryIndex();
    m_nodes.clear();
    m_instanceCount = 0;
    // One rehash-free pass: counting first is cheaper than growing the hash 17 times at 100k.
    std::function<qsizetype(const model::NodeList<model::InternalElement> &)> count
        = [&count](const model::NodeList<model::InternalElement> &list) {
              qsizetype n = list.size();
              for (const model::InternalElement &element : list)
                  n += count(element.internalElements);
              return n;
          };
    qsizetype expected = 64;
    for (const model::InstanceHierarchy &hierarchy : m_file->instanceHierarchies)
        expected += 1 + count(hierarchy.internalElements);
    m_nodes.reserve(expected);

    const QStringList noKeys;
    auto &hierarchies = m_file->instanceHierarchies;
    for (int i = 0; i < hierarchies.size(); ++i) {
        DocumentNode *root = makeNode(
            model::ElementKind::InstanceHierarchy, &hierarchies[i], nullptr, noKeys, nullptr);
        root->row = i;
        m_hierarchies.push_back(root);
        indexElementChildren(root, noKeys, nullptr);
    }
    buildLibraryIndex();
}

namespace {

template<typename Class, typename Children>
void indexClasses(DocumentNode *parent, model::NodeList<Class> &classes, model::ElementKind kind,
    Children children,
    const std::function<DocumentNode *(model::ElementKind, model::CaexObject *, DocumentNode *)>
        &make)
{
    parent->children.reserve(size_t(classes.size()));
    for (int i = 0; i < classes.size(); ++i) {
        DocumentNode *node = make(kind, &classes[i], parent);
        node->row = i;
        parent->children.push_back(node);
        indexClasses(node, children(classes[i]), kind, children, make);
    }
}

} // namespace

void AmlDocument::buildLibraryIndex()
{
    using model::ElementKind;
    const QStringList noKeys;
    const auto make
        = [this, &noKeys](ElementKind kind, model::CaexObject *object, DocumentNode *parent) {
              return makeNode(kind, object, parent, noKeys, nullptr);
          };
    auto addLibrary = [&](ElementKind kind, model::CaexObject *library) {
        DocumentNode *node = make(kind, library, nullptr);
        node->row = int(m_libraries.size());
        m_libraries.push_back(node);
        return node;
    };
    for (model::InterfaceClassLib &lib : m_file->interfaceClassLibs)
        indexClasses(
            addLibrary(ElementKind::InterfaceClassLib, &lib), lib.classes,
            ElementKind::InterfaceClass,
            [](model::InterfaceClass & c) -> auto & { return c.interfaceClasses; }, make);
    for (model::RoleClassLib &lib : m_file->roleClassLibs)
        indexClasses(
            addLibrary(ElementKind::RoleClassLib, &lib), lib.classes, ElementKind::RoleClass,
            [](model::RoleClass & c) -> auto & { return c.roleClasses; }, make);
    for (model::SystemUnitClassLib &lib : m_file->systemUnitClassLibs)
        indexClasses(
            addLibrary(ElementKind::SystemUnitClassLib, &lib), lib.classes,
            ElementKind::SystemUnitClass,
            [](model::SystemUnitClass & c) -> auto & { return c.systemUnitClasses; }, make);
    for (model::AttributeTypeLib &lib : m_file->attributeTypeLibs)
        indexClasses(
            addLibrary(ElementKind::AttributeTypeLib, &lib), lib.classes,
            ElementKind::AttributeType,
            [](model::AttributeType & c) -> auto & { return c.attributeTypes; }, make);
}

void AmlDocument::clearLibraryIndex()
{
    for (DocumentNode *root : m_libraries)
        unindexTree(root, nullptr);
    m_libraries.clear();
}

QString AmlDocument::insertElement(const QString &parentKey, int row,
    std::unique_ptr<model::InternalElement> element, const QStringList &keys)
{
    DocumentNode *parent = node(parentKey);
    model::NodeList<model::InternalElement> *list = childList(parent);
    if (!list || !element)
        return QString();
    if (row < 0 || row > list->size())
        row = list->size();
    Q_EMIT elementAboutToBeAdded(parentKey, row);
    model::InternalElement &inserted = list->insert(row, std::move(element));
    int keyIndex = 0;
    DocumentNode *added
        = makeNode(model::ElementKind::InternalElement, &inserted, parent, keys, &keyIndex);
    indexElementChildren(added, keys, &keyIndex);
    parent->children.insert(parent->children.begin() + row, added);
    renumber(parent->children, row);
    structureChanged();
    const QString key = added->key;
    Q_EMIT elementAdded(parentKey, row, key);
    Q_EMIT contentChanged();
    return key;
}

std::unique_ptr<model::InternalElement> AmlDocument::takeElement(
    const QString &key, QStringList *keys)
{
    DocumentNode *taken = node(key);
    if (!taken || !taken->isElement() || !taken->parent)
        return nullptr;
    DocumentNode *parent = taken->parent;
    model::NodeList<model::InternalElement> *list = childList(parent);
    if (!list)
        return nullptr;
    const QString parentKey = parent->key;
    const int row = taken->row;
    Q_EMIT elementAboutToBeRemoved(parentKey, row, key);
    std::unique_ptr<model::InternalElement> element = list->take(row);
    parent->children.erase(parent->children.begin() + row);
    renumber(parent->children, row);
    unindexTree(taken, keys);
    structureChanged();
    Q_EMIT elementRemoved(parentKey, row);
    Q_EMIT contentChanged();
    return element;
}

bool AmlDocument::moveElement(const QString &key, const QString &newParentKey, int newRow)
{
    DocumentNode *moving = node(key);
    DocumentNode *target = node(newParentKey);
    if (!moving || !moving->isElement() || !moving->parent || !target
        || target->isSelfOrDescendantOf(moving))
        return false;
    DocumentNode *oldParent = moving->parent;
    model::NodeList<model::InternalElement> *from = childList(oldParent);
    model::NodeList<model::InternalElement> *to = childList(target);
    if (!from || !to)
        return false;
    const QString oldParentKey = oldParent->key;
    const int oldRow = moving->row;
    const int maxRow = to->size() - (target == oldParent ? 1 : 0);
    if (newRow < 0 || newRow > maxRow)
        newRow = maxRow;
    if (target == oldParent && newRow == oldRow)
        return true;
    Q_EMIT elementAboutToBeMoved(key, oldParentKey, oldRow, newParentKey, newRow);
    std::unique_ptr<model::InternalElement> element = from->take(oldRow);
    oldParent->children.erase(oldParent->children.begin() + oldRow);
    renumber(oldParent->children, oldRow);
    to->insert(newRow, std::move(element));
    target->children.insert(target->children.begin() + newRow, moving);
    moving->parent = target;
    renumber(target->children, std::min(newRow, target == oldParent ? oldRow : newRow));
    structureChanged();
    Q_EMIT elementMoved(key, oldParentKey, oldRow, newParentKey, newRow);
    Q_EMIT contentChanged();
    return true;
}

QString AmlDocument::insertHierarchy(
    int row, std::unique_ptr<model::InstanceHierarchy> hierarchy, const QStringList &keys)
{
    auto &list = m_file->instanceHierarchies;
    if (!hierarchy)
        return QString();
    if (row < 0 || row > list.size())
        row = list.size();
    Q_EMIT elementAboutToBeAdded(QString(), row);
    model::InstanceHierarchy &inserted = list.insert(row, std::move(hierarchy));
    int keyIndex = 0;
    DocumentNode *added
        = makeNode(model::ElementKind::InstanceHierarchy, &inserted, nullptr, keys, &keyIndex);
    indexElementChildren(added, keys, &keyIndex);
    m_hierarchies.insert(m_hierarchies.begin() + row, added);
    renumber(m_hierarchies, row);
    structureChanged();
    const QString key = added->key;
    Q_EMIT elementAdded(QString(), row, key);
    Q_EMIT contentChanged();
    return key;
}

std::unique_ptr<model::InstanceHierarchy> AmlDocument::takeHierarchy(
    const QString &key, QStringList *keys)
{
    DocumentNode *taken = node(key);
    if (!taken || !taken->isHierarchy())
        return nullptr;
    const int row = taken->row;
    Q_EMIT elementAboutToBeRemoved(QString(), row, key);
    std::unique_ptr<model::InstanceHierarchy> hierarchy = m_file->instanceHierarchies.take(row);
    m_hierarchies.erase(m_hierarchies.begin() + row);
    renumber(m_hierarchies, row);
    unindexTree(taken, keys);
    structureChanged();
    Q_EMIT elementRemoved(QString(), row);
    Q_EMIT contentChanged();
    return hierarchy;
}

} // namespace dt::editor
