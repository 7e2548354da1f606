// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/changevalue.h"

namespace dt::editor {

/// Renames an InternalElement, InstanceHierarchy or document class (by key).
class RenameElement : public ChangeValue<QString>
{
public:
    RenameElement(AmlDocument *document, const QString &key, const QString &name,
        QUndoCommand *parent = nullptr);

protected:
    QString *field() const override;
    void notify() const override;

private:
    QString m_key;
};

/// Sets the RefBaseSystemUnitPath (the class) of an InternalElement.
class SetElementClass : public ChangeValue<QString>
{
public:
    SetElementClass(AmlDocument *document, const QString &key, const QString &classPath,
        QUndoCommand *parent = nullptr);

protected:
    QString *field() const override;
    void notify() const override;

private:
    QString m_key;
};

/// Sets the Description of a keyed node; an empty text removes it.
class SetElementDescription : public QUndoCommand
{
public:
    SetElementDescription(AmlDocument *document, const QString &key, const QString &text,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const std::optional<QString> &text);

    AmlDocument *m_document;
    QString m_key;
    std::optional<QString> m_newText;
    std::optional<QString> m_oldText;
};

} // namespace dt::editor
