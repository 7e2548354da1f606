// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/changeelement.h"

#include "commands/commandtext.h"

namespace dt::editor {

RenameElement::RenameElement(
    AmlDocument *document, const QString &key, const QString &name, QUndoCommand *parent)
    : ChangeValue<QString>(document, CommandText::tr("Rename to %1").arg(name), name, parent)
    , m_key(key)
{
}

QString *RenameElement::field() const
{
    const DocumentNode *node = document()->node(m_key);
    return node ? &node->object->name : nullptr;
}

void RenameElement::notify() const
{
    document()->notifyElementChanged(m_key);
}

SetElementClass::SetElementClass(
    AmlDocument *document, const QString &key, const QString &classPath, QUndoCommand *parent)
    : ChangeValue<QString>(
        document, CommandText::tr("Set class %1").arg(classPath), classPath, parent)
    , m_key(key)
{
}

QString *SetElementClass::field() const
{
    model::InternalElement *element = document()->element(m_key);
    return element ? &element->refBaseSystemUnitPath : nullptr;
}

void SetElementClass::notify() const
{
    document()->notifyElementChanged(m_key);
}

SetElementDescription::SetElementDescription(
    AmlDocument *document, const QString &key, const QString &text, QUndoCommand *parent)
    : QUndoCommand(CommandText::tr("Change description"), parent)
    , m_document(document)
    , m_key(key)
{
    if (!text.isEmpty())
        m_newText = text;
    if (const DocumentNode *node = document->node(key)) {
        const model::CaexObject *object = node->object;
        if (object->header && object->header->description)
            m_oldText = object->header->description->text;
    }
}

void SetElementDescription::redo()
{
    apply(m_newText);
}

void SetElementDescription::undo()
{
    apply(m_oldText);
}

void SetElementDescription::apply(const std::optional<QString> &text)
{
    const DocumentNode *node = m_document->node(m_key);
    if (!node)
        return;
    model::CaexObject *object = node->object;
    if (text) {
        object->setDescription(*text);
    } else if (object->header) {
        object->header->description.reset();
        if (object->header->isEmpty())
            object->header.reset();
    }
    m_document->notifyElementChanged(m_key);
}

} // namespace dt::editor
