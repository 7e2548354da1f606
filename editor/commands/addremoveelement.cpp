// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/addremoveelement.h"

#include "commands/commandtext.h"

#include "model/instantiation.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

QStringView stripBraces(QStringView id)
{
    if (id.size() > 2 && id.front() == u'{' && id.back() == u'}')
        return id.mid(1, id.size() - 2);
    return id;
}

void collectInterfaceIds(
    const model::NodeList<model::ExternalInterface> &interfaces, QSet<QString> &ids)
{
    for (const model::ExternalInterface &interface : interfaces) {
        if (!interface.id.isEmpty())
            ids.insert(stripBraces(interface.id).toString());
        collectInterfaceIds(interface.interfaces, ids);
    }
}

void collectIds(const DocumentNode *node, QSet<QString> &elementIds, QSet<QString> &interfaceIds)
{
    if (const model::InternalElement *element = node->element()) {
        if (!element->id.isEmpty())
            elementIds.insert(stripBraces(element->id).toString());
        collectInterfaceIds(element->interfaces, interfaceIds);
    }
    for (const DocumentNode *child : node->children)
        collectIds(child, elementIds, interfaceIds);
}

/// The top-most of the given nodes: keys inside another listed subtree are dropped.
std::vector<const DocumentNode *> topNodes(const AmlDocument &document, const QStringList &keys)
{
    std::vector<const DocumentNode *> nodes;
    for (const QString &key : keys)
        if (const DocumentNode *node = document.node(key))
            if (std::find(nodes.begin(), nodes.end(), node) == nodes.end())
                nodes.push_back(node);
    std::vector<const DocumentNode *> top;
    for (const DocumentNode *node : nodes) {
        bool inside = false;
        for (const DocumentNode *other : nodes)
            if (other != node && node->isSelfOrDescendantOf(other))
                inside = true;
        if (!inside)
            top.push_back(node);
    }
    return top;
}

QList<RemovedLink> linksIntoNodes(
    const AmlDocument &document, const std::vector<const DocumentNode *> &roots)
{
    QSet<QString> elementIds;
    QSet<QString> interfaceIds;
    for (const DocumentNode *root : roots)
        collectIds(root, elementIds, interfaceIds);
    if (elementIds.isEmpty() && interfaceIds.isEmpty())
        return {};
    const auto matches = [&](const QString &side) {
        const QStringView trimmed = stripBraces(QStringView(side).trimmed());
        if (interfaceIds.contains(trimmed.toString()))
            return true;
        const qsizetype colon = trimmed.indexOf(u':');
        return colon > 0 && elementIds.contains(stripBraces(trimmed.left(colon)).toString());
    };
    return findLinks(document, matches, roots);
}

/// Adds RemoveLink children for the links, last row first per container, so earlier rows stay
/// valid while the children run in order.
void addRemoveLinkChildren(AmlDocument *document, QList<RemovedLink> links, QUndoCommand *parent)
{
    std::stable_sort(links.begin(), links.end(), [](const RemovedLink &a, const RemovedLink &b) {
        return a.containerKey == b.containerKey ? a.linkRow > b.linkRow
                                                : a.containerKey < b.containerKey;
    });
    for (const RemovedLink &link : links)
        new RemoveLink(document, link.containerKey, link.linkRow, parent);
}

} // namespace

// ---- AddElement ---------------------------------------------------------------------------

AddElement::AddElement(AmlDocument *document, const QString &parentKey, int row,
    std::unique_ptr<model::InternalElement> element, const QString &text, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_parentKey(parentKey)
    , m_row(row)
    , m_element(std::move(element))
{
    setText(text.isEmpty() ? CommandText::tr("Add %1").arg(m_element ? m_element->name : QString())
                           : text);
}

AddElement::~AddElement() = default;

std::unique_ptr<AddElement> AddElement::newChild(
    AmlDocument *document, const QString &parentKey, int row, const QString &name)
{
    auto element = std::make_unique<model::InternalElement>();
    element->id = model::defaultIdGenerator()();
    element->name = name;
    return std::make_unique<AddElement>(
        document, parentKey, row, std::move(element), CommandText::tr("New element %1").arg(name));
}

void AddElement::redo()
{
    if (!m_element || !m_document->node(m_parentKey))
        return;
    m_key = m_document->insertElement(m_parentKey, m_row, std::move(m_element), m_keys);
}

void AddElement::undo()
{
    if (m_key.isEmpty())
        return;
    m_keys.clear();
    m_element = m_document->takeElement(m_key, &m_keys);
}

// ---- RemoveElement ------------------------------------------------------------------------

RemoveElement::RemoveElement(AmlDocument *document, const QString &key, QUndoCommand *parent)
    : RemoveElement(document, QStringList { key }, parent)
{
}

RemoveElement::RemoveElement(AmlDocument *document, const QStringList &keys, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
{
    std::vector<const DocumentNode *> roots;
    for (const DocumentNode *node : topNodes(*document, keys))
        if (node->isElement())
            roots.push_back(node);
    for (const DocumentNode *node : roots) {
        Removed removed;
        removed.key = node->key;
        m_removed.push_back(std::move(removed));
    }
    m_removedLinks = linksIntoNodes(*document, roots);
    addRemoveLinkChildren(document, m_removedLinks, this);
    if (m_removed.size() == 1)
        setText(CommandText::tr("Remove %1").arg(roots.front()->name()));
    else
        setText(CommandText::tr("Remove %n element(s)", nullptr, int(m_removed.size())));
}

RemoveElement::~RemoveElement() = default;

void RemoveElement::redo()
{
    QUndoCommand::redo(); // the links first: they name interfaces inside the subtrees
    for (Removed &removed : m_removed) {
        const DocumentNode *node = m_document->node(removed.key);
        if (!node || !node->parent)
            continue;
        removed.parentKey = node->parent->key;
        removed.row = node->row;
        removed.keys.clear();
        removed.element = m_document->takeElement(removed.key, &removed.keys);
    }
}

void RemoveElement::undo()
{
    for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it)
        if (it->element && m_document->node(it->parentKey))
            m_document->insertElement(it->parentKey, it->row, std::move(it->element), it->keys);
    QUndoCommand::undo();
}

QList<RemovedLink> RemoveElement::linksInto(const AmlDocument &document, const QStringList &keys)
{
    return linksIntoNodes(document, topNodes(document, keys));
}

std::unique_ptr<QUndoCommand> removeElements(AmlDocument *document, const QStringList &keys)
{
    return std::make_unique<RemoveElement>(document, keys);
}

// ---- hierarchies --------------------------------------------------------------------------

AddHierarchy::AddHierarchy(
    AmlDocument *document, int row, const QString &name, QUndoCommand *parent)
    : QUndoCommand(CommandText::tr("New instance hierarchy %1").arg(name), parent)
    , m_document(document)
    , m_row(row)
    , m_hierarchy(std::make_unique<model::InstanceHierarchy>())
{
    m_hierarchy->name = name;
    m_hierarchy->id = model::defaultIdGenerator()();
}

AddHierarchy::~AddHierarchy() = default;

void AddHierarchy::redo()
{
    if (m_hierarchy)
        m_key = m_document->insertHierarchy(m_row, std::move(m_hierarchy), m_keys);
}

void AddHierarchy::undo()
{
    m_keys.clear();
    m_hierarchy = m_document->takeHierarchy(m_key, &m_keys);
}

RemoveHierarchy::RemoveHierarchy(AmlDocument *document, const QString &key, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(key)
{
    const DocumentNode *node = document->node(key);
    if (node && node->isHierarchy()) {
        setText(CommandText::tr("Remove instance hierarchy %1").arg(node->name()));
        addRemoveLinkChildren(document, linksIntoNodes(*document, { node }), this);
    }
}

RemoveHierarchy::~RemoveHierarchy() = default;

void RemoveHierarchy::redo()
{
    QUndoCommand::redo();
    const DocumentNode *node = m_document->node(m_key);
    if (!node || !node->isHierarchy())
        return;
    m_row = node->row;
    m_keys.clear();
    m_hierarchy = m_document->takeHierarchy(m_key, &m_keys);
}

void RemoveHierarchy::undo()
{
    if (m_hierarchy)
        m_document->insertHierarchy(m_row, std::move(m_hierarchy), m_keys);
    QUndoCommand::undo();
}

} // namespace dt::editor
