// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/addremoveelement.h"

#include "model/result.h"

namespace dt::editor {

/// An undoable instantiation of a SystemUnitClass (model::instantiate: fresh IDs, links inside
/// remapped, RefBaseSystemUnitPath and roles set) under parentKey at row (-1 appends). The
/// instance is built once here, so redo after undo brings back the same IDs. name empty: the
/// class name, made unique among the siblings ("Valve", "Valve2", ...).
Result<std::unique_ptr<AddElement>> instantiateClass(AmlDocument *document, const QString &sucPath,
    const QString &parentKey, int row = -1, const QString &name = QString());

/// A name based on `base` that no child of parentKey has yet ("Valve", "Valve2", ...).
QString uniqueChildName(const AmlDocument &document, const QString &parentKey, const QString &base);

} // namespace dt::editor
