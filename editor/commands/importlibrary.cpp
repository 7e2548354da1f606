// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/importlibrary.h"

#include "commands/commandtext.h"

#include <QDir>
#include <QFileInfo>

namespace dt::editor {

namespace {

int referenceRow(const model::CaexFile &file, const QString &alias)
{
    for (int i = 0; i < file.externalReferences.size(); ++i)
        if (file.externalReferences.at(i).alias == alias)
            return i;
    return -1;
}

} // namespace

ImportLibrary::ImportLibrary(
    AmlDocument *document, const QString &libraryFile, const QString &alias, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_absolutePath(QFileInfo(libraryFile).absoluteFilePath())
{
    QString base = alias.isEmpty() ? QFileInfo(libraryFile).completeBaseName() : alias;
    // '@' separates alias and path in class references; keep it out of aliases.
    base.remove(u'@');
    QString unique = base;
    for (int n = 2; referenceRow(document->file(), unique) >= 0; ++n)
        unique = base + QString::number(n);
    m_reference.alias = unique;
    setText(CommandText::tr("Import library %1").arg(QFileInfo(libraryFile).fileName()));
}

void ImportLibrary::redo()
{
    // Relative to the document's folder at the time it is (re)done: saving elsewhere rebases.
    const QString base = m_document->baseDirectory();
    m_reference.path
        = base.isEmpty() ? m_absolutePath : QDir(base).relativeFilePath(m_absolutePath);
    auto &references = m_document->mutableFile().externalReferences;
    m_row = int(references.size());
    references.append(m_reference);
    m_document->notifyLibrariesChanged();
}

void ImportLibrary::undo()
{
    auto &references = m_document->mutableFile().externalReferences;
    if (m_row < 0 || m_row >= references.size())
        return;
    references.removeAt(m_row);
    m_document->notifyLibrariesChanged();
}

RemoveLibraryReference::RemoveLibraryReference(
    AmlDocument *document, const QString &alias, QUndoCommand *parent)
    : QUndoCommand(CommandText::tr("Remove library reference %1").arg(alias), parent)
    , m_document(document)
    , m_alias(alias)
{
}

void RemoveLibraryReference::redo()
{
    auto &references = m_document->mutableFile().externalReferences;
    m_row = referenceRow(m_document->file(), m_alias);
    if (m_row < 0)
        return;
    m_reference = references.takeAt(m_row);
    m_document->notifyLibrariesChanged();
}

void RemoveLibraryReference::undo()
{
    if (m_row < 0)
        return;
    m_document->mutableFile().externalReferences.insert(m_row, m_reference);
    m_document->notifyLibrariesChanged();
}

} // namespace dt::editor
