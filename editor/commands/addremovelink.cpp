// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/addremovelink.h"

#include "commands/commandtext.h"

#include "model/instantiation.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

void collectLinks(const DocumentNode *node, const std::function<bool(const QString &)> &matches,
    const std::vector<const DocumentNode *> &skip, QList<RemovedLink> &out)
{
    if (std::find(skip.begin(), skip.end(), node) != skip.end())
        return;
    if (const model::InternalElement *element = node->element()) {
        for (int i = 0; i < element->internalLinks.size(); ++i) {
            const model::InternalLink &link = element->internalLinks[i];
            if (matches(link.refPartnerSideA) || matches(link.refPartnerSideB))
                out.append(RemovedLink {
                    node->key, i, link.name, link.refPartnerSideA, link.refPartnerSideB });
        }
    }
    for (const DocumentNode *child : node->children)
        collectLinks(child, matches, skip, out);
}

} // namespace

QList<RemovedLink> findLinks(const AmlDocument &document,
    const std::function<bool(const QString &side)> &matches,
    const std::vector<const DocumentNode *> &skip)
{
    QList<RemovedLink> links;
    for (const DocumentNode *root : document.hierarchyNodes())
        collectLinks(root, matches, skip, links);
    return links;
}

QString linkPartnerReference(const AmlDocument &document, const OwnerRef &interface)
{
    const model::ExternalInterface *found = document.interface(interface);
    if (!found)
        return QString();
    // CAEX 3.0 names partners by interface ID; "ElementID:Name" is the 2.15 form.
    if (!found->id.isEmpty())
        return found->id;
    const DocumentNode *owner = document.node(interface.key);
    if (owner && interface.interfacePath.size() == 1 && !owner->object->id.isEmpty())
        return owner->object->id + u':' + found->name;
    return QString();
}

QString linkContainerFor(const AmlDocument &document, const QString &keyA, const QString &keyB)
{
    const DocumentNode *a = document.node(keyA);
    const DocumentNode *b = document.node(keyB);
    if (!a || !b)
        return QString();
    for (const DocumentNode *candidate = a; candidate; candidate = candidate->parent)
        if (candidate->isElement() && b->isSelfOrDescendantOf(candidate))
            return candidate->key;
    return QString();
}

AddLink::AddLink(AmlDocument *document, const QString &containerKey, model::InternalLink link,
    int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_containerKey(containerKey)
    , m_row(row)
    , m_link(std::move(link))
{
    setText(CommandText::tr("Add link %1").arg(m_link.name));
}

std::unique_ptr<AddLink> AddLink::connect(
    AmlDocument *document, const OwnerRef &sideA, const OwnerRef &sideB, const QString &name)
{
    const QString refA = linkPartnerReference(*document, sideA);
    const QString refB = linkPartnerReference(*document, sideB);
    const QString container = linkContainerFor(*document, sideA.key, sideB.key);
    if (refA.isEmpty() || refB.isEmpty() || container.isEmpty() || refA == refB)
        return nullptr;
    model::InternalLink link;
    link.id = model::defaultIdGenerator()();
    link.name = name;
    if (link.name.isEmpty()) {
        const DocumentNode *a = document->node(sideA.key);
        const DocumentNode *b = document->node(sideB.key);
        link.name = a->name() + sideA.interfacePath.last() + u'_' + b->name()
            + sideB.interfacePath.last();
    }
    link.refPartnerSideA = refA;
    link.refPartnerSideB = refB;
    return std::make_unique<AddLink>(document, container, std::move(link));
}

void AddLink::redo()
{
    model::SystemUnitClassType *unit = m_document->unitOf(m_containerKey);
    if (!unit)
        return;
    if (m_row < 0 || m_row > unit->internalLinks.size())
        m_row = unit->internalLinks.size();
    unit->internalLinks.insert(m_row, std::make_unique<model::InternalLink>(m_link));
    m_document->notifyLinksChanged();
}

void AddLink::undo()
{
    model::SystemUnitClassType *unit = m_document->unitOf(m_containerKey);
    if (!unit || m_row >= unit->internalLinks.size())
        return;
    m_link = *unit->internalLinks.take(m_row);
    m_document->notifyLinksChanged();
}

RemoveLink::RemoveLink(
    AmlDocument *document, const QString &containerKey, int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_containerKey(containerKey)
    , m_row(row)
{
    if (const model::SystemUnitClassType *unit = document->unitOf(containerKey))
        if (row >= 0 && row < unit->internalLinks.size())
            m_link = unit->internalLinks[row];
    setText(CommandText::tr("Remove link %1").arg(m_link.name));
}

void RemoveLink::redo()
{
    model::SystemUnitClassType *unit = m_document->unitOf(m_containerKey);
    if (!unit || m_row < 0 || m_row >= unit->internalLinks.size())
        return;
    m_link = *unit->internalLinks.take(m_row);
    m_document->notifyLinksChanged();
}

void RemoveLink::undo()
{
    model::SystemUnitClassType *unit = m_document->unitOf(m_containerKey);
    if (!unit)
        return;
    unit->internalLinks.insert(m_row, std::make_unique<model::InternalLink>(m_link));
    m_document->notifyLinksChanged();
}

} // namespace dt::editor
