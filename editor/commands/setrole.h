// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include "model/systemunit.h"

#include <QUndoCommand>

namespace dt::editor {

/// Sets the role of an element: its SupportedRoleClass list becomes the one class roleClassPath
/// (empty: no role). The old list comes back on undo.
class SetRole : public QUndoCommand
{
public:
    SetRole(AmlDocument *document, const QString &key, const QString &roleClassPath,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void swap();

    AmlDocument *m_document;
    QString m_key;
    QList<model::SupportedRoleClass> m_roles;
};

/// The role path shown for an element: its first SupportedRoleClass, else its first
/// RoleRequirements; empty when it has none.
QString roleOf(const model::InternalElement &element);

} // namespace dt::editor
