// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include "model/externalinterface.h"
#include "model/result.h"

#include <QUndoCommand>

namespace dt::editor {

/// An ExternalInterface built from an InterfaceClass: fresh ID, RefBaseClassPath set to the
/// class's reference path, the class's effective attributes copied. name empty: the class name.
Result<model::ExternalInterface> interfaceFromClass(
    AmlDocument *document, const QString &interfaceClassPath, const QString &name = QString());

/// Adds an interface to an owner (element, class or interface); row -1 appends.
class AddInterface : public QUndoCommand
{
public:
    AddInterface(AmlDocument *document, const OwnerRef &owner, model::ExternalInterface interface,
        int row = -1, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    /// The new interface as an owner (for its attributes).
    OwnerRef interfaceRef() const { return m_owner.child(m_interface.name); }

private:
    AmlDocument *m_document;
    OwnerRef m_owner;
    int m_row;
    model::ExternalInterface m_interface;
};

/// Removes an interface (interface = its OwnerRef) and the links to it; undo restores both.
class RemoveInterface : public QUndoCommand
{
public:
    RemoveInterface(
        AmlDocument *document, const OwnerRef &interface, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    AmlDocument *m_document;
    OwnerRef m_owner;
    QString m_name;
    int m_row = -1;
    model::ExternalInterface m_interface;
};

/// Renames an interface (links naming it "ID:OldName" are updated too).
class RenameInterface : public QUndoCommand
{
public:
    RenameInterface(AmlDocument *document, const OwnerRef &interface, const QString &name,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void rename(const QString &from, const QString &to);

    AmlDocument *m_document;
    OwnerRef m_owner;
    QString m_oldName;
    QString m_newName;
};

} // namespace dt::editor
