// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/addremoveelement.h"

#include "model/result.h"

#include <vector>

class QMimeData;

namespace dt::editor {

/// Clipboard format: a small CAEX 3.0 document (one InstanceHierarchy holding the copied
/// elements) written by CaexWriter.
inline constexpr char ElementsMimeType[] = "application/x-dt-aml-elements";

/// Mime data for copying these elements (descendants of other listed ones are skipped); the
/// text/plain flavour holds their names. Caller owns the result; nullptr when no key resolves.
QMimeData *mimeDataForElements(const AmlDocument &document, const QStringList &keys);
/// The elements in clipboard mime data, as they were copied (IDs unchanged).
Result<std::vector<std::unique_ptr<model::InternalElement>>> elementsFromMimeData(
    const QMimeData *mime);

/// Adds copies of elements under parentKey at row (-1 appends): each gets fresh IDs and its
/// internal links remapped (model::duplicate); names made unique among the siblings.
/// One undo step.
class PasteElements : public QUndoCommand
{
public:
    PasteElements(AmlDocument *document, const QString &parentKey, int row,
        const std::vector<std::unique_ptr<model::InternalElement>> &elements,
        const QString &text = QString(), QUndoCommand *parent = nullptr);
    /// Keys of the pasted elements (after the first redo).
    QStringList keys() const;

private:
    QList<AddElement *> m_adds;
};

/// Paste from mime data; an error when it holds no elements.
Result<std::unique_ptr<PasteElements>> pasteFromMimeData(
    AmlDocument *document, const QString &parentKey, int row, const QMimeData *mime);
/// Duplicates each element next to itself (after it, under the same parent); one undo step.
std::unique_ptr<QUndoCommand> duplicateElements(AmlDocument *document, const QStringList &keys);

} // namespace dt::editor
