// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dt::runtime {

/// How a model is deployed.
struct DeployOptions
{
    /// Where relative storage files (SQLiteStorage File) live; empty = the model file's folder.
    QString dataDir;
    /// false: validate and plan only (the report), start nothing. For "check before deploy".
    bool start = true;
};

} // namespace dt::runtime
