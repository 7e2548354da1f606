// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace dt::editor {

/// The workbench's own icons (resources/icons, embedded under :/icons).
namespace Icons {
/// An icon by file base name ("DigitalTwin", "element", "library", ...); a null icon when absent.
QIcon named(const QString &name);
/// The icon of a role class path ("DTRoles@DigitalTwinRoleClassLib/Storage" → Storage); the
/// generic element icon for other roles.
QIcon forRole(const QString &roleClassPath);
} // namespace Icons

} // namespace dt::editor
