// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to dt::model: one uniform view of the CAEX element tree, shared by the resolver and the
// query so that both walk the same children in the same (XSD) order and build the same paths.

#include "caexfile.h"
#include "elementref.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace dt::model::detail {

/// Every element kind the tree exposes. Document is the CAEXFile root; SupportedRoleClass and
/// RoleRequirements have no ElementKind, so they can be walked and tested but never returned.
enum class NodeKind : quint8 {
    Document,
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
    SupportedRoleClass,
    RoleRequirements,
};
constexpr int NodeKindCount = 16;

/// A set of node kinds as a bit mask.
using KindMask = quint32;
constexpr KindMask kindBit(NodeKind kind)
{
    return KindMask(1) << int(kind);
}
constexpr KindMask AllKinds = (KindMask(1) << NodeKindCount) - 1;

/// A typed pointer to one node of a document.
struct Node
{
    NodeKind kind = NodeKind::Document;
    const void *ptr = nullptr;

    bool operator==(const Node &other) const { return ptr == other.ptr && kind == other.kind; }
    template<typename T> const T *as() const { return static_cast<const T *>(ptr); }
};

/// A child with its position among all children of its parent: ordinals of siblings sort in
/// document order (they are not contiguous).
struct ChildNode
{
    Node node;
    int ordinal = 0;
};
constexpr int kOrdinalGroupShift = 27; ///< at most 8 child groups of 2^27 children each

Node documentNode(const CaexFile &file);

ElementKind elementKind(NodeKind kind); ///< None for Document, SupportedRoleClass, RoleRequirements
std::optional<NodeKind> nodeKind(ElementKind kind);
/// The kind for an XML element name ("CAEXFile" is the Document); nullopt when unknown.
std::optional<NodeKind> nodeKindFromName(QStringView name);
QString nodeKindName(NodeKind kind);

/// The Name/ID part, or nullptr for Document, SupportedRoleClass and RoleRequirements.
const CaexObject *caexObject(Node node);
/// The node's Name, or an empty string.
QString nodeName(Node node);

/// The kinds that may appear as direct children of a kind.
KindMask childKinds(NodeKind kind);
/// The kinds that may appear anywhere below a kind.
KindMask descendantKinds(NodeKind kind);

/// Appends the children of a node in document order, only those whose kind is in mask.
void appendChildren(Node node, KindMask mask, std::vector<ChildNode> &out);

/// The element path of a chain of nodes from the root: the names of the named nodes, joined with
/// CaexPath::join ("Hierarchy/Element/Child", "Lib/Class/Sub", "Hierarchy/Element/Interface").
QString pathOf(const std::vector<Node> &chainFromRoot);

/// Drops the braces around a "{GUID}" and surrounding spaces, so both spellings of an ID match.
QStringView normalizedId(QStringView id);

} // namespace dt::model::detail
