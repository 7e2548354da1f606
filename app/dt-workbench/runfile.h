// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QString>

namespace dt::editor {
class AmlDocument;
}

namespace dt::workbench {

/// The file the runtime reads for a deploy: the runtime works on its own copy of the model read
/// from a file, so an unsaved or modified document is first written to `dir` as it is now
/// (relative library references made absolute, as the copy lives elsewhere; the document
/// itself, its name and its undo state are untouched). Returns the file to deploy.
Result<QString> writeRunFile(const editor::AmlDocument &document, const QString &dir);

/// True when the document on disk is what the user sees (named and unmodified).
bool documentIsSaved(const editor::AmlDocument &document);

} // namespace dt::workbench
