// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace dt::editor {

/// Addresses something that owns attributes or interfaces: a keyed document node (element,
/// hierarchy, class) or an ExternalInterface inside one, by interface names from that node down.
/// Holds no pointers, so commands can keep it across undo/redo.
struct OwnerRef
{
    QString key; ///< the document key of the element or class
    QStringList interfacePath; ///< empty: the node itself; else nested interface names

    bool isValid() const { return !key.isEmpty(); }
    bool isInterface() const { return !interfacePath.isEmpty(); }
    /// The owner key used in document signals: the key, or key + U+001F + interface path.
    QString toString() const;
    static OwnerRef fromString(const QString &ownerKey);
    /// The interface `name` of this owner (one level deeper).
    OwnerRef child(const QString &interfaceName) const;

    friend bool operator==(const OwnerRef &a, const OwnerRef &b)
    {
        return a.key == b.key && a.interfacePath == b.interfacePath;
    }
    friend bool operator!=(const OwnerRef &a, const OwnerRef &b) { return !(a == b); }
};

/// Addresses one (possibly nested) attribute: its owner and the attribute names from the owner
/// down ("TorqueProfileOpen", "P5").
struct AttributeRef
{
    OwnerRef owner;
    QStringList path;

    bool isValid() const { return owner.isValid() && !path.isEmpty(); }
    /// The path joined with '/' (segments with '/' bracketed, see model::CaexPath).
    QString pathString() const;
    friend bool operator==(const AttributeRef &a, const AttributeRef &b)
    {
        return a.owner == b.owner && a.path == b.path;
    }
};

} // namespace dt::editor
