// SPDX-License-Identifier: GPL-3.0-or-later
#include "elementtree.h"

#include "caexpath.h"

#include <array>

using namespace Qt::StringLiterals;

namespace dt::model::detail {

namespace {

struct KindInfo
{
    NodeKind kind;
    ElementKind element;
    QLatin1StringView name;
};

constexpr std::array<KindInfo, NodeKindCount> kKinds { {
    { NodeKind::Document, ElementKind::None, "CAEXFile"_L1 },
    { NodeKind::InstanceHierarchy, ElementKind::InstanceHierarchy, "InstanceHierarchy"_L1 },
    { NodeKind::InternalElement, ElementKind::InternalElement, "InternalElement"_L1 },
    { NodeKind::SystemUnitClassLib, ElementKind::SystemUnitClassLib, "SystemUnitClassLib"_L1 },
    { NodeKind::SystemUnitClass, ElementKind::SystemUnitClass, "SystemUnitClass"_L1 },
    { NodeKind::RoleClassLib, ElementKind::RoleClassLib, "RoleClassLib"_L1 },
    { NodeKind::RoleClass, ElementKind::RoleClass, "RoleClass"_L1 },
    { NodeKind::InterfaceClassLib, ElementKind::InterfaceClassLib, "InterfaceClassLib"_L1 },
    { NodeKind::InterfaceClass, ElementKind::InterfaceClass, "InterfaceClass"_L1 },
    { NodeKind::AttributeTypeLib, ElementKind::AttributeTypeLib, "AttributeTypeLib"_L1 },
    { NodeKind::AttributeType, ElementKind::AttributeType, "AttributeType"_L1 },
    { NodeKind::ExternalInterface, ElementKind::ExternalInterface, "ExternalInterface"_L1 },
    { NodeKind::Attribute, ElementKind::Attribute, "Attribute"_L1 },
    { NodeKind::InternalLink, ElementKind::InternalLink, "InternalLink"_L1 },
    { NodeKind::SupportedRoleClass, ElementKind::None, "SupportedRoleClass"_L1 },
    { NodeKind::RoleRequirements, ElementKind::None, "RoleRequirements"_L1 },
} };

constexpr KindMask bits(std::initializer_list<NodeKind> kinds)
{
    KindMask mask = 0;
    for (NodeKind k : kinds)
        mask |= kindBit(k);
    return mask;
}

// Appends one child list as a group. The ordinal is the group number in the high bits and the
// index in the low ones: ordered like document order without reading the skipped groups.
template<typename List>
void appendGroup(
    const List &list, NodeKind kind, KindMask mask, int &group, std::vector<ChildNode> &out)
{
    const int base = group++ << kOrdinalGroupShift;
    if (!(mask & kindBit(kind)))
        return;
    int index = 0;
    for (const auto &item : list)
        out.push_back({ Node { kind, &item }, base | index++ });
}

// The children every SystemUnitClassType has, in XSD order.
void appendSystemUnitParts(
    const SystemUnitClassType &type, KindMask mask, int &group, std::vector<ChildNode> &out)
{
    appendGroup(type.attributes, NodeKind::Attribute, mask, group, out);
    appendGroup(type.interfaces, NodeKind::ExternalInterface, mask, group, out);
    appendGroup(type.internalElements, NodeKind::InternalElement, mask, group, out);
    appendGroup(type.supportedRoleClasses, NodeKind::SupportedRoleClass, mask, group, out);
    appendGroup(type.internalLinks, NodeKind::InternalLink, mask, group, out);
}

std::array<KindMask, NodeKindCount> computeDescendants()
{
    std::array<KindMask, NodeKindCount> result {};
    for (int k = 0; k < NodeKindCount; ++k)
        result[size_t(k)] = childKinds(NodeKind(k));
    // Transitive closure; the kinds graph is tiny, so iterate until nothing changes.
    bool changed = true;
    while (changed) {
        changed = false;
        for (int k = 0; k < NodeKindCount; ++k) {
            KindMask mask = result[size_t(k)];
            for (int c = 0; c < NodeKindCount; ++c)
                if (mask & kindBit(NodeKind(c)))
                    mask |= result[size_t(c)];
            if (mask != result[size_t(k)]) {
                result[size_t(k)] = mask;
                changed = true;
            }
        }
    }
    return result;
}

} // namespace

Node documentNode(const CaexFile &file)
{
    return Node { NodeKind::Document, &file };
}

ElementKind elementKind(NodeKind kind)
{
    return kKinds[size_t(kind)].element;
}

std::optional<NodeKind> nodeKind(ElementKind kind)
{
    if (kind == ElementKind::None)
        return std::nullopt;
    for (const KindInfo &info : kKinds)
        if (info.element == kind)
            return info.kind;
    return std::nullopt;
}

std::optional<NodeKind> nodeKindFromName(QStringView name)
{
    for (const KindInfo &info : kKinds)
        if (name == info.name)
            return info.kind;
    return std::nullopt;
}

QString nodeKindName(NodeKind kind)
{
    return QString(kKinds[size_t(kind)].name);
}

const CaexObject *caexObject(Node node)
{
    switch (node.kind) {
    case NodeKind::Document:
    case NodeKind::SupportedRoleClass:
    case NodeKind::RoleRequirements:
        return nullptr;
    case NodeKind::InstanceHierarchy:
        return node.as<InstanceHierarchy>();
    case NodeKind::InternalElement:
        return node.as<InternalElement>();
    case NodeKind::SystemUnitClassLib:
        return node.as<SystemUnitClassLib>();
    case NodeKind::SystemUnitClass:
        return node.as<SystemUnitClass>();
    case NodeKind::RoleClassLib:
        return node.as<RoleClassLib>();
    case NodeKind::RoleClass:
        return node.as<RoleClass>();
    case NodeKind::InterfaceClassLib:
        return node.as<InterfaceClassLib>();
    case NodeKind::InterfaceClass:
        return node.as<InterfaceClass>();
    case NodeKind::AttributeTypeLib:
        return node.as<AttributeTypeLib>();
    case NodeKind::AttributeType:
        return node.as<AttributeType>();
    case NodeKind::ExternalInterface:
        return node.as<ExternalInterface>();
    case NodeKind::Attribute:
        return node.as<Attribute>();
    case NodeKind::InternalLink:
        return node.as<InternalLink>();
    }
    return nullptr;
}

QString nodeName(Node node)
{
    const CaexObject *object = caexObject(node);
    return object ? object->name : QString();
}

KindMask childKinds(NodeKind kind)
{
    using K = NodeKind;
    switch (kind) {
    case K::Document:
        return bits({ K::InstanceHierarchy, K::InterfaceClassLib, K::RoleClassLib,
            K::SystemUnitClassLib, K::AttributeTypeLib });
    case K::InstanceHierarchy:
        return bits({ K::InternalElement });
    case K::InternalElement:
        return bits({ K::Attribute, K::ExternalInterface, K::InternalElement, K::SupportedRoleClass,
            K::InternalLink, K::RoleRequirements });
    case K::SystemUnitClassLib:
        return bits({ K::SystemUnitClass });
    case K::SystemUnitClass:
        return bits({ K::Attribute, K::ExternalInterface, K::InternalElement, K::SupportedRoleClass,
            K::InternalLink, K::SystemUnitClass });
    case K::RoleClassLib:
        return bits({ K::RoleClass });
    case K::RoleClass:
        return bits({ K::Attribute, K::ExternalInterface, K::RoleClass });
    case K::InterfaceClassLib:
        return bits({ K::InterfaceClass });
    case K::InterfaceClass:
        return bits({ K::Attribute, K::ExternalInterface, K::InterfaceClass });
    case K::AttributeTypeLib:
        return bits({ K::AttributeType });
    case K::AttributeType:
        return bits({ K::Attribute, K::AttributeType });
    case K::ExternalInterface:
        return bits({ K::Attribute, K::ExternalInterface });
    case K::Attribute:
        return bits({ K::Attribute });
    case K::RoleRequirements:
        return bits({ K::Attribute, K::ExternalInterface });
    case K::InternalLink:
    case K::SupportedRoleClass:
        return 0;
    }
    return 0;
}

KindMask descendantKinds(NodeKind kind)
{
    static const std::array<KindMask, NodeKindCount> table = computeDescendants();
    return table[size_t(kind)];
}

void appendChildren(Node node, KindMask mask, std::vector<ChildNode> &out)
{
    using K = NodeKind;
    int group = 0;
    switch (node.kind) {
    case K::Document: {
        const auto *file = node.as<CaexFile>();
        appendGroup(file->instanceHierarchies, K::InstanceHierarchy, mask, group, out);
        appendGroup(file->interfaceClassLibs, K::InterfaceClassLib, mask, group, out);
        appendGroup(file->roleClassLibs, K::RoleClassLib, mask, group, out);
        appendGroup(file->systemUnitClassLibs, K::SystemUnitClassLib, mask, group, out);
        appendGroup(file->attributeTypeLibs, K::AttributeTypeLib, mask, group, out);
        return;
    }
    case K::InstanceHierarchy:
        appendGroup(
            node.as<InstanceHierarchy>()->internalElements, K::InternalElement, mask, group, out);
        return;
    case K::InternalElement: {
        const auto *element = node.as<InternalElement>();
        appendSystemUnitParts(*element, mask, group, out);
        appendGroup(element->roleRequirements, K::RoleRequirements, mask, group, out);
        return;
    }
    case K::SystemUnitClassLib:
        appendGroup(node.as<SystemUnitClassLib>()->classes, K::SystemUnitClass, mask, group, out);
        return;
    case K::SystemUnitClass: {
        const auto *cls = node.as<SystemUnitClass>();
        appendSystemUnitParts(*cls, mask, group, out);
        appendGroup(cls->systemUnitClasses, K::SystemUnitClass, mask, group, out);
        return;
    }
    case K::RoleClassLib:
        appendGroup(node.as<RoleClassLib>()->classes, K::RoleClass, mask, group, out);
        return;
    case K::RoleClass: {
        const auto *cls = node.as<RoleClass>();
        appendGroup(cls->attributes, K::Attribute, mask, group, out);
        appendGroup(cls->interfaces, K::ExternalInterface, mask, group, out);
        appendGroup(cls->roleClasses, K::RoleClass, mask, group, out);
        return;
    }
    case K::InterfaceClassLib:
        appendGroup(node.as<InterfaceClassLib>()->classes, K::InterfaceClass, mask, group, out);
        return;
    case K::InterfaceClass: {
        const auto *cls = node.as<InterfaceClass>();
        appendGroup(cls->attributes, K::Attribute, mask, group, out);
        appendGroup(cls->interfaces, K::ExternalInterface, mask, group, out);
        appendGroup(cls->interfaceClasses, K::InterfaceClass, mask, group, out);
        return;
    }
    case K::AttributeTypeLib:
        appendGroup(node.as<AttributeTypeLib>()->classes, K::AttributeType, mask, group, out);
        return;
    case K::AttributeType: {
        const auto *type = node.as<AttributeType>();
        appendGroup(type->attributes, K::Attribute, mask, group, out);
        appendGroup(type->attributeTypes, K::AttributeType, mask, group, out);
        return;
    }
    case K::ExternalInterface: {
        const auto *iface = node.as<ExternalInterface>();
        appendGroup(iface->attributes, K::Attribute, mask, group, out);
        appendGroup(iface->interfaces, K::ExternalInterface, mask, group, out);
        return;
    }
    case K::Attribute:
        appendGroup(node.as<Attribute>()->attributes, K::Attribute, mask, group, out);
        return;
    case K::RoleRequirements: {
        const auto *requirements = node.as<RoleRequirements>();
        appendGroup(requirements->attributes, K::Attribute, mask, group, out);
        appendGroup(requirements->interfaces, K::ExternalInterface, mask, group, out);
        return;
    }
    case K::InternalLink:
    case K::SupportedRoleClass:
        return;
    }
}

QString pathOf(const std::vector<Node> &chainFromRoot)
{
    QStringList segments;
    segments.reserve(qsizetype(chainFromRoot.size()));
    for (const Node &node : chainFromRoot)
        if (const CaexObject *object = caexObject(node))
            segments << object->name;
    return CaexPath::join(segments);
}

QStringView normalizedId(QStringView id)
{
    id = id.trimmed();
    if (id.size() >= 2 && id.front() == u'{' && id.back() == u'}')
        id = id.mid(1, id.size() - 2).trimmed();
    return id;
}

} // namespace dt::model::detail
