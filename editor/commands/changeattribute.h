// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/changevalue.h"

#include <optional>

namespace dt::editor {

/// Base of the attribute property edits: resolves the attribute by reference on every call.
template<typename Value> class ChangeAttributeValue : public ChangeValue<Value>
{
public:
    ChangeAttributeValue(AmlDocument *document, const AttributeRef &ref, const QString &text,
        Value value, QUndoCommand *parent = nullptr)
        : ChangeValue<Value>(document, text, std::move(value), parent)
        , m_ref(ref)
    {
    }

protected:
    model::Attribute *target() const { return this->document()->attribute(m_ref); }
    void notify() const override
    {
        this->document()->notifyAttributeChanged(m_ref.owner, m_ref.path);
    }

    AttributeRef m_ref;
};

/// Sets (or with std::nullopt removes) the Value of an attribute.
class SetAttributeValue : public ChangeAttributeValue<std::optional<QString>>
{
public:
    SetAttributeValue(AmlDocument *document, const AttributeRef &ref, std::optional<QString> value,
        QUndoCommand *parent = nullptr);

protected:
    std::optional<QString> *field() const override;
};

/// Sets (or removes) the DefaultValue of an attribute.
class SetAttributeDefaultValue : public ChangeAttributeValue<std::optional<QString>>
{
public:
    SetAttributeDefaultValue(AmlDocument *document, const AttributeRef &ref,
        std::optional<QString> value, QUndoCommand *parent = nullptr);

protected:
    std::optional<QString> *field() const override;
};

/// Sets the Unit of an attribute.
class SetAttributeUnit : public ChangeAttributeValue<QString>
{
public:
    SetAttributeUnit(AmlDocument *document, const AttributeRef &ref, const QString &unit,
        QUndoCommand *parent = nullptr);

protected:
    QString *field() const override;
};

/// Sets the AttributeDataType ("xs:double", ...) of an attribute.
class SetAttributeDataType : public ChangeAttributeValue<QString>
{
public:
    SetAttributeDataType(AmlDocument *document, const AttributeRef &ref, const QString &dataType,
        QUndoCommand *parent = nullptr);

protected:
    QString *field() const override;
};

/// Renames an attribute (the reference follows the current name across undo/redo).
class RenameAttribute : public QUndoCommand
{
public:
    RenameAttribute(AmlDocument *document, const AttributeRef &ref, const QString &name,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void rename(const QString &from, const QString &to);

    AmlDocument *m_document;
    AttributeRef m_ref; ///< path with the old name
    QString m_newName;
};

} // namespace dt::editor
