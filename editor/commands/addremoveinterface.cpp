// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/addremoveinterface.h"

#include "commands/addremovelink.h"
#include "commands/commandtext.h"

#include "model/instantiation.h"
#include "model/resolver.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

QString uniqueInterfaceName(
    const model::NodeList<model::ExternalInterface> *list, const QString &base)
{
    if (!list || !model::findInterface(*list, base))
        return base;
    for (int n = 2;; ++n)
        if (!model::findInterface(*list, base + QString::number(n)))
            return base + QString::number(n);
}

void collectIds(const model::ExternalInterface &interface, QSet<QString> &ids)
{
    if (!interface.id.isEmpty())
        ids.insert(interface.id);
    for (const model::ExternalInterface &nested : interface.interfaces)
        collectIds(nested, ids);
}

OwnerRef parentOf(const OwnerRef &interface)
{
    OwnerRef owner = interface;
    if (!owner.interfacePath.isEmpty())
        owner.interfacePath.removeLast();
    return owner;
}

} // namespace

Result<model::ExternalInterface> interfaceFromClass(
    AmlDocument *document, const QString &interfaceClassPath, const QString &name)
{
    using R = Result<model::ExternalInterface>;
    model::Resolver &resolver = document->resolver();
    const Result<model::ElementRef> cls = resolver.interfaceClass(interfaceClassPath);
    if (!cls)
        return R::failure(cls.error());
    const auto *source = cls->as<model::InterfaceClass>();
    model::ExternalInterface interface;
    interface.id = model::defaultIdGenerator()();
    interface.name = name.isEmpty() ? source->name : name;
    interface.refBaseClassPath = resolver.referencePath(*cls);
    for (const model::Attribute *attribute : resolver.effectiveAttributes(*cls))
        interface.attributes.append(*attribute);
    return interface;
}

AddInterface::AddInterface(AmlDocument *document, const OwnerRef &owner,
    model::ExternalInterface interface, int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_owner(owner)
    , m_row(row)
    , m_interface(std::move(interface))
{
    // Interfaces are addressed by name: keep names unique within their owner.
    m_interface.name = uniqueInterfaceName(document->interfaces(owner), m_interface.name);
    setText(CommandText::tr("Add interface %1").arg(m_interface.name));
}

void AddInterface::redo()
{
    model::NodeList<model::ExternalInterface> *list = m_document->interfaces(m_owner);
    if (!list)
        return;
    if (m_row < 0 || m_row > list->size())
        m_row = list->size();
    list->insert(m_row, std::make_unique<model::ExternalInterface>(m_interface));
    m_document->notifyInterfacesChanged(m_owner);
}

void AddInterface::undo()
{
    model::NodeList<model::ExternalInterface> *list = m_document->interfaces(m_owner);
    if (!list || m_row >= list->size())
        return;
    m_interface = *list->take(m_row);
    m_document->notifyInterfacesChanged(m_owner);
}

RemoveInterface::RemoveInterface(
    AmlDocument *document, const OwnerRef &interface, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_owner(parentOf(interface))
    , m_name(interface.interfacePath.value(interface.interfacePath.size() - 1))
{
    setText(CommandText::tr("Remove interface %1").arg(m_name));
    const model::ExternalInterface *found = document->interface(interface);
    if (!found)
        return;
    QSet<QString> ids;
    collectIds(*found, ids);
    QString byName;
    const DocumentNode *owner = document->node(interface.key);
    if (owner && interface.interfacePath.size() == 1 && !owner->object->id.isEmpty())
        byName = owner->object->id + u':' + m_name;
    QList<RemovedLink> links = findLinks(*document, [&](const QString &side) {
        const QString trimmed = side.trimmed();
        return ids.contains(trimmed) || (!byName.isEmpty() && trimmed == byName);
    });
    // Last row first per container keeps the stored rows valid while the children run.
    std::stable_sort(links.begin(), links.end(), [](const RemovedLink &a, const RemovedLink &b) {
        return a.containerKey == b.containerKey ? a.linkRow > b.linkRow
                                                : a.containerKey < b.containerKey;
    });
    for (const RemovedLink &link : links)
        new RemoveLink(document, link.containerKey, link.linkRow, this);
}

void RemoveInterface::redo()
{
    QUndoCommand::redo();
    model::NodeList<model::ExternalInterface> *list = m_document->interfaces(m_owner);
    const model::ExternalInterface *found = list ? model::findInterface(*list, m_name) : nullptr;
    if (!found)
        return;
    m_row = list->indexOf(found);
    m_interface = *list->take(m_row);
    m_document->notifyInterfacesChanged(m_owner);
}

void RemoveInterface::undo()
{
    model::NodeList<model::ExternalInterface> *list = m_document->interfaces(m_owner);
    if (list && m_row >= 0) {
        list->insert(m_row, std::make_unique<model::ExternalInterface>(m_interface));
        m_document->notifyInterfacesChanged(m_owner);
    }
    QUndoCommand::undo();
}

RenameInterface::RenameInterface(
    AmlDocument *document, const OwnerRef &interface, const QString &name, QUndoCommand *parent)
    : QUndoCommand(CommandText::tr("Rename interface to %1").arg(name), parent)
    , m_document(document)
    , m_owner(parentOf(interface))
    , m_oldName(interface.interfacePath.value(interface.interfacePath.size() - 1))
    , m_newName(name)
{
}

void RenameInterface::redo()
{
    rename(m_oldName, m_newName);
}

void RenameInterface::undo()
{
    rename(m_newName, m_oldName);
}

void RenameInterface::rename(const QString &from, const QString &to)
{
    model::NodeList<model::ExternalInterface> *list = m_document->interfaces(m_owner);
    model::ExternalInterface *found = list ? model::findInterface(*list, from) : nullptr;
    if (!found)
        return;
    found->name = to;
    // 2.15-style partners name the interface: "ElementID:Name" follows the rename.
    const DocumentNode *owner = m_document->node(m_owner.key);
    bool linksTouched = false;
    if (owner && !m_owner.isInterface() && !owner->object->id.isEmpty()) {
        const QString oldRef = owner->object->id + u':' + from;
        const QString newRef = owner->object->id + u':' + to;
        const QList<RemovedLink> links
            = findLinks(*m_document, [&](const QString &side) { return side == oldRef; });
        for (const RemovedLink &link : links) {
            model::InternalLink &target
                = m_document->unitOf(link.containerKey)->internalLinks[link.linkRow];
            if (target.refPartnerSideA == oldRef)
                target.refPartnerSideA = newRef;
            if (target.refPartnerSideB == oldRef)
                target.refPartnerSideB = newRef;
            linksTouched = true;
        }
    }
    m_document->notifyInterfacesChanged(m_owner);
    if (linksTouched)
        m_document->notifyLinksChanged();
}

} // namespace dt::editor
