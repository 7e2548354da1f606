// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/changeattribute.h"

#include "commands/commandtext.h"

namespace dt::editor {

SetAttributeValue::SetAttributeValue(AmlDocument *document, const AttributeRef &ref,
    std::optional<QString> value, QUndoCommand *parent)
    : ChangeAttributeValue(document, ref,
        CommandText::tr("Set %1 = %2")
            .arg(ref.path.value(ref.path.size() - 1), value.value_or(QString())),
        std::move(value), parent)
{
}

std::optional<QString> *SetAttributeValue::field() const
{
    model::Attribute *attribute = target();
    return attribute ? &attribute->value : nullptr;
}

SetAttributeDefaultValue::SetAttributeDefaultValue(AmlDocument *document, const AttributeRef &ref,
    std::optional<QString> value, QUndoCommand *parent)
    : ChangeAttributeValue(document, ref,
        CommandText::tr("Set default of %1").arg(ref.path.value(ref.path.size() - 1)),
        std::move(value), parent)
{
}

std::optional<QString> *SetAttributeDefaultValue::field() const
{
    model::Attribute *attribute = target();
    return attribute ? &attribute->defaultValue : nullptr;
}

SetAttributeUnit::SetAttributeUnit(
    AmlDocument *document, const AttributeRef &ref, const QString &unit, QUndoCommand *parent)
    : ChangeAttributeValue(document, ref,
        CommandText::tr("Set unit of %1").arg(ref.path.value(ref.path.size() - 1)), unit, parent)
{
}

QString *SetAttributeUnit::field() const
{
    model::Attribute *attribute = target();
    return attribute ? &attribute->unit : nullptr;
}

SetAttributeDataType::SetAttributeDataType(
    AmlDocument *document, const AttributeRef &ref, const QString &dataType, QUndoCommand *parent)
    : ChangeAttributeValue(document, ref,
        CommandText::tr("Set type of %1").arg(ref.path.value(ref.path.size() - 1)), dataType,
        parent)
{
}

QString *SetAttributeDataType::field() const
{
    model::Attribute *attribute = target();
    return attribute ? &attribute->dataType : nullptr;
}

RenameAttribute::RenameAttribute(
    AmlDocument *document, const AttributeRef &ref, const QString &name, QUndoCommand *parent)
    : QUndoCommand(CommandText::tr("Rename attribute to %1").arg(name), parent)
    , m_document(document)
    , m_ref(ref)
    , m_newName(name)
{
}

void RenameAttribute::redo()
{
    if (!m_ref.path.isEmpty())
        rename(m_ref.path.last(), m_newName);
}

void RenameAttribute::undo()
{
    if (!m_ref.path.isEmpty())
        rename(m_newName, m_ref.path.last());
}

void RenameAttribute::rename(const QString &from, const QString &to)
{
    AttributeRef current = m_ref;
    current.path.last() = from;
    model::Attribute *attribute = m_document->attribute(current);
    if (!attribute)
        return;
    attribute->name = to;
    QStringList path = current.path;
    path.last() = to;
    m_document->resolver().invalidate(); // it may index the attribute by name
    // Views address attributes by path: the old path is gone, so report the new one.
    m_document->notifyAttributeChanged(m_ref.owner, path);
}

} // namespace dt::editor
