// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"

namespace dt::model {

/// The kinds of addressable CAEX elements.
enum class ElementKind : quint8 {
    None,
    InstanceHierarchy,
    InternalElement,
    SystemUnitClassLib,
    SystemUnitClass,
    RoleClassLib,
    RoleClass,
    InterfaceClassLib,
    InterfaceClass,
    AttributeTypeLib,
    AttributeType,
    ExternalInterface,
    Attribute,
    InternalLink,
};

QString elementKindName(ElementKind kind); // the CAEX element name, e.g. "InternalElement"

/// A non-owning reference to one element of a (possibly external) document, with its path.
struct ElementRef
{
    ElementKind kind = ElementKind::None;
    const void *node = nullptr;
    const CaexFile *file = nullptr; ///< the document that holds it (may be an external one)
    QString path;                   ///< e.g. "Plant/Refinery/Valve1" or "Lib/Class"

    bool isValid() const { return node != nullptr; }
    template <typename T>
    const T *as() const { return static_cast<const T *>(node); }
    /// The CaexObject part (Name, ID) of any kind, or nullptr.
    const CaexObject *object() const { return static_cast<const CaexObject *>(node); }
};

} // namespace dt::model
