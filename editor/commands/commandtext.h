// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace dt::editor {

/// The translation context of every undo command text (the Undo History dock shows them).
class CommandText
{
    Q_DECLARE_TR_FUNCTIONS(dt::editor::CommandText)
};

} // namespace dt::editor
