// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include <QUndoCommand>

#include <utility>

namespace dt::editor {

/// A simple property edit: redo and undo both swap the stored value with the model's. Subclasses
/// resolve the field from keys on every call (never cached pointers) and say whom to notify.
/// A field that no longer resolves makes the command a no-op instead of a crash.
template<typename Value> class ChangeValue : public QUndoCommand
{
public:
    ChangeValue(
        AmlDocument *document, const QString &text, Value value, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_value(std::move(value))
    {
    }

    void redo() override { swap(); }
    void undo() override { swap(); }

protected:
    /// The model field this command changes, or nullptr when its owner is gone.
    virtual Value *field() const = 0;
    /// Emits the document signal for the change.
    virtual void notify() const = 0;

    AmlDocument *document() const { return m_document; }

private:
    void swap()
    {
        if (Value *target = field()) {
            std::swap(*target, m_value);
            notify();
        } else {
            setObsolete(true);
        }
    }

    AmlDocument *m_document;
    Value m_value;
};

} // namespace dt::editor
