// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/setrole.h"

#include "commands/commandtext.h"

#include "model/caexpath.h"

namespace dt::editor {

SetRole::SetRole(
    AmlDocument *document, const QString &key, const QString &roleClassPath, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(key)
{
    if (!roleClassPath.isEmpty()) {
        model::SupportedRoleClass role;
        role.refRoleClassPath = roleClassPath;
        m_roles.append(role);
    }
    const QStringList segments = model::CaexPath::parse(roleClassPath).segments;
    setText(roleClassPath.isEmpty()
            ? CommandText::tr("Clear role")
            : CommandText::tr("Set role %1")
                  .arg(segments.isEmpty() ? roleClassPath : segments.last()));
}

void SetRole::redo()
{
    swap();
}

void SetRole::undo()
{
    swap();
}

void SetRole::swap()
{
    model::SystemUnitClassType *unit = m_document->unitOf(m_key);
    if (!unit)
        return;
    std::swap(unit->supportedRoleClasses, m_roles);
    m_document->notifyElementChanged(m_key);
}

QString roleOf(const model::InternalElement &element)
{
    if (!element.supportedRoleClasses.isEmpty())
        return element.supportedRoleClasses.first().refRoleClassPath;
    if (!element.roleRequirements.isEmpty())
        return element.roleRequirements.first().refBaseRoleClassPath;
    return QString();
}

} // namespace dt::editor
