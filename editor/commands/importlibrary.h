// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include "model/caexfile.h"

#include <QUndoCommand>

namespace dt::editor {

/// Imports a library file: adds an ExternalReference (path relative to the document's directory
/// when possible, alias unique in the document). The library's classes then show in the library
/// view and resolve as "Alias@Lib/Class".
class ImportLibrary : public QUndoCommand
{
public:
    /// alias empty: derived from the file name.
    ImportLibrary(AmlDocument *document, const QString &libraryFile,
        const QString &alias = QString(), QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    QString alias() const { return m_reference.alias; }

private:
    AmlDocument *m_document;
    model::ExternalReference m_reference;
    QString m_absolutePath;
    int m_row = -1;
};

/// Removes the ExternalReference with this alias; undo restores it in place.
class RemoveLibraryReference : public QUndoCommand
{
public:
    RemoveLibraryReference(
        AmlDocument *document, const QString &alias, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    AmlDocument *m_document;
    QString m_alias;
    int m_row = -1;
    model::ExternalReference m_reference;
};

} // namespace dt::editor
