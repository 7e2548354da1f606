// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/addremoveattribute.h"

#include "commands/commandtext.h"

#include <QSet>

namespace dt::editor {

namespace {

model::NodeList<model::Attribute> *attributeList(
    const AmlDocument &document, const OwnerRef &owner, const QStringList &parentPath)
{
    if (parentPath.isEmpty())
        return document.attributes(owner);
    model::Attribute *parent = document.attribute(AttributeRef { owner, parentPath });
    return parent ? &parent->attributes : nullptr;
}

} // namespace

QString uniqueAttributeName(const AmlDocument &document, const OwnerRef &owner,
    const QStringList &parentPath, const QString &base)
{
    const model::NodeList<model::Attribute> *list = attributeList(document, owner, parentPath);
    if (!list)
        return base;
    QSet<QString> taken;
    for (const model::Attribute &attribute : *list)
        taken.insert(attribute.name);
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n)
        if (!taken.contains(base + QString::number(n)))
            return base + QString::number(n);
}

AddAttribute::AddAttribute(AmlDocument *document, const OwnerRef &owner,
    const QStringList &parentPath, model::Attribute attribute, int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_owner(owner)
    , m_parentPath(parentPath)
    , m_row(row)
    , m_attribute(std::move(attribute))
{
    // Attributes are addressed by name: a duplicate would be unreachable.
    m_attribute.name = uniqueAttributeName(*document, owner, parentPath, m_attribute.name);
    setText(CommandText::tr("Add attribute %1").arg(m_attribute.name));
}

AttributeRef AddAttribute::attributeRef() const
{
    return AttributeRef { m_owner, QStringList(m_parentPath) << m_attribute.name };
}

void AddAttribute::redo()
{
    model::NodeList<model::Attribute> *list = attributeList(*m_document, m_owner, m_parentPath);
    if (!list)
        return;
    const int row = m_row < 0 || m_row > list->size() ? list->size() : m_row;
    m_document->beginInsertAttribute(m_owner, m_parentPath, row);
    list->insert(row, std::make_unique<model::Attribute>(m_attribute));
    m_insertedRow = row;
    m_document->endInsertAttribute(m_owner, m_parentPath, row);
}

void AddAttribute::undo()
{
    model::NodeList<model::Attribute> *list = attributeList(*m_document, m_owner, m_parentPath);
    if (!list || m_insertedRow < 0 || m_insertedRow >= list->size())
        return;
    const int row = m_insertedRow;
    m_document->beginRemoveAttribute(m_owner, m_parentPath, row);
    m_attribute = *list->take(row);
    m_insertedRow = -1;
    m_document->endRemoveAttribute(m_owner, m_parentPath, row);
}

RemoveAttribute::RemoveAttribute(
    AmlDocument *document, const AttributeRef &ref, QUndoCommand *parent)
    : QUndoCommand(
        CommandText::tr("Remove attribute %1").arg(ref.path.value(ref.path.size() - 1)), parent)
    , m_document(document)
    , m_ref(ref)
{
}

void RemoveAttribute::redo()
{
    if (m_ref.path.isEmpty())
        return;
    const QStringList parentPath = m_ref.path.mid(0, m_ref.path.size() - 1);
    model::NodeList<model::Attribute> *list = attributeList(*m_document, m_ref.owner, parentPath);
    const model::Attribute *attribute = m_document->attribute(m_ref);
    if (!list || !attribute)
        return;
    m_row = list->indexOf(attribute);
    m_document->beginRemoveAttribute(m_ref.owner, parentPath, m_row);
    m_attribute = *list->take(m_row);
    m_document->endRemoveAttribute(m_ref.owner, parentPath, m_row);
}

void RemoveAttribute::undo()
{
    if (m_row < 0)
        return;
    const QStringList parentPath = m_ref.path.mid(0, m_ref.path.size() - 1);
    model::NodeList<model::Attribute> *list = attributeList(*m_document, m_ref.owner, parentPath);
    if (!list)
        return;
    m_document->beginInsertAttribute(m_ref.owner, parentPath, m_row);
    list->insert(m_row, std::make_unique<model::Attribute>(m_attribute));
    m_document->endInsertAttribute(m_ref.owner, parentPath, m_row);
    m_row = -1;
}

} // namespace dt::editor
