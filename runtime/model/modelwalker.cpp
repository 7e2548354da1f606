// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelwalker.h"

#include "caexpath.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::model {

bool WalkNode::isElement() const
{
    return kind != ElementKind::Attribute && kind != ElementKind::ExternalInterface
        && kind != ElementKind::InternalLink;
}

const WalkNode *WalkNode::element() const
{
    const WalkNode *n = this;
    while (n && !n->isElement())
        n = n->parent;
    return n ? n : this;
}

QString WalkNode::path() const
{
    QStringList segments;
    for (const WalkNode *n = this; n; n = n->parent)
        segments.append(n->object->name);
    std::reverse(segments.begin(), segments.end());
    return CaexPath::join(segments);
}

QString WalkNode::reportId() const
{
    // The nearest ID, from the node up to its element (an interface's attribute names the
    // interface); an element without one is named by its path.
    for (const WalkNode *n = this; n; n = n->parent) {
        if (!n->object->id.isEmpty())
            return n->object->id;
        if (n->isElement())
            return n->path();
    }
    return path();
}

void ModelWalker::enter(const WalkNode &node) const
{
    for (ModelVisitor *v : m_visitors)
        v->enter(node);
}

void ModelWalker::leave(const WalkNode &node) const
{
    for (ModelVisitor *v : m_visitors)
        v->leave(node);
}

void ModelWalker::walkAttribute(const Attribute &attribute, const WalkNode *parent) const
{
    const WalkNode self { ElementKind::Attribute, &attribute, &attribute, parent, parent->scope };
    enter(self);
    walkAttributes(attribute.attributes, &self);
    leave(self);
}

void ModelWalker::walkAttributes(const NodeList<Attribute> &list, const WalkNode *parent) const
{
    for (const Attribute &a : list)
        walkAttribute(a, parent);
}

void ModelWalker::walkInterfaceContent(
    const ExternalInterface &interface, const WalkNode &self) const
{
    walkAttributes(interface.attributes, &self);
    walkInterfaces(interface.interfaces, &self);
}

void ModelWalker::walkInterfaces(
    const NodeList<ExternalInterface> &list, const WalkNode *parent) const
{
    for (const ExternalInterface &i : list) {
        const WalkNode self { ElementKind::ExternalInterface, &i, &i, parent, parent->scope };
        enter(self);
        walkInterfaceContent(i, self);
        leave(self);
    }
}

void ModelWalker::walkLinks(const NodeList<InternalLink> &links, const WalkNode &self) const
{
    for (const InternalLink &link : links) {
        const WalkNode node { ElementKind::InternalLink, &link, &link, &self, self.scope };
        enter(node);
        leave(node);
    }
}

void ModelWalker::walkUnitContent(const SystemUnitClassType &unit, const WalkNode &self) const
{
    walkAttributes(unit.attributes, &self);
    walkInterfaces(unit.interfaces, &self);
    for (const InternalElement &child : unit.internalElements)
        walkElement(child, &self);
    walkLinks(unit.internalLinks, self);
}

void ModelWalker::walkElement(const InternalElement &element, const WalkNode *parent) const
{
    const WalkNode self { ElementKind::InternalElement, &element, &element, parent, parent->scope };
    enter(self);
    walkAttributes(element.attributes, &self);
    walkInterfaces(element.interfaces, &self);
    // Role requirements describe what the element must offer; their attributes and interfaces
    // are walked under the element with their own scope.
    if (!element.roleRequirements.isEmpty()) {
        WalkNode requirement = self;
        requirement.scope = WalkScope::RoleRequirement;
        for (const RoleRequirements &r : element.roleRequirements) {
            walkAttributes(r.attributes, &requirement);
            walkInterfaces(r.interfaces, &requirement);
        }
    }
    for (const InternalElement &child : element.internalElements)
        walkElement(child, &self);
    walkLinks(element.internalLinks, self);
    leave(self);
}

void ModelWalker::walkSystemUnitClass(const SystemUnitClass &cls, const WalkNode *parent) const
{
    const WalkNode self { ElementKind::SystemUnitClass, &cls, &cls, parent, WalkScope::Library };
    enter(self);
    walkUnitContent(cls, self);
    for (const SystemUnitClass &sub : cls.systemUnitClasses)
        walkSystemUnitClass(sub, &self);
    leave(self);
}

void ModelWalker::walkRoleClass(const RoleClass &cls, const WalkNode *parent) const
{
    const WalkNode self { ElementKind::RoleClass, &cls, &cls, parent, WalkScope::Library };
    enter(self);
    walkAttributes(cls.attributes, &self);
    walkInterfaces(cls.interfaces, &self);
    for (const RoleClass &sub : cls.roleClasses)
        walkRoleClass(sub, &self);
    leave(self);
}

void ModelWalker::walkInterfaceClass(const InterfaceClass &cls, const WalkNode *parent) const
{
    const WalkNode self { ElementKind::InterfaceClass, &cls, &cls, parent, WalkScope::Library };
    enter(self);
    walkInterfaceContent(cls, self);
    for (const InterfaceClass &sub : cls.interfaceClasses)
        walkInterfaceClass(sub, &self);
    leave(self);
}

void ModelWalker::walkAttributeType(const AttributeType &type, const WalkNode *parent) const
{
    const WalkNode self { ElementKind::AttributeType, &type, &type, parent, WalkScope::Library };
    enter(self);
    walkAttributes(type.attributes, &self);
    for (const AttributeType &sub : type.attributeTypes)
        walkAttributeType(sub, &self);
    leave(self);
}

void ModelWalker::walk(const CaexFile &file) const
{
    for (const InstanceHierarchy &h : file.instanceHierarchies) {
        const WalkNode self { ElementKind::InstanceHierarchy, &h, &h, nullptr,
            WalkScope::Instance };
        enter(self);
        for (const InternalElement &e : h.internalElements)
            walkElement(e, &self);
        leave(self);
    }
    for (const InterfaceClassLib &lib : file.interfaceClassLibs) {
        const WalkNode self { ElementKind::InterfaceClassLib, &lib, &lib, nullptr,
            WalkScope::Library };
        enter(self);
        for (const InterfaceClass &c : lib.classes)
            walkInterfaceClass(c, &self);
        leave(self);
    }
    for (const RoleClassLib &lib : file.roleClassLibs) {
        const WalkNode self { ElementKind::RoleClassLib, &lib, &lib, nullptr, WalkScope::Library };
        enter(self);
        for (const RoleClass &c : lib.classes)
            walkRoleClass(c, &self);
        leave(self);
    }
    for (const SystemUnitClassLib &lib : file.systemUnitClassLibs) {
        const WalkNode self { ElementKind::SystemUnitClassLib, &lib, &lib, nullptr,
            WalkScope::Library };
        enter(self);
        for (const SystemUnitClass &c : lib.classes)
            walkSystemUnitClass(c, &self);
        leave(self);
    }
    for (const AttributeTypeLib &lib : file.attributeTypeLibs) {
        const WalkNode self { ElementKind::AttributeTypeLib, &lib, &lib, nullptr,
            WalkScope::Library };
        enter(self);
        for (const AttributeType &t : lib.classes)
            walkAttributeType(t, &self);
        leave(self);
    }
}

namespace {

class Counter : public ModelVisitor
{
public:
    ModelStatistics stats;

    void enter(const WalkNode &node) override
    {
        switch (node.kind) {
        case ElementKind::InstanceHierarchy:
            ++stats.instanceHierarchies;
            break;
        case ElementKind::InternalElement:
            ++stats.internalElements;
            break;
        case ElementKind::SystemUnitClassLib:
            ++stats.systemUnitClassLibs;
            break;
        case ElementKind::SystemUnitClass:
            ++stats.systemUnitClasses;
            break;
        case ElementKind::RoleClassLib:
            ++stats.roleClassLibs;
            break;
        case ElementKind::RoleClass:
            ++stats.roleClasses;
            break;
        case ElementKind::InterfaceClassLib:
            ++stats.interfaceClassLibs;
            break;
        case ElementKind::InterfaceClass:
            ++stats.interfaceClasses;
            break;
        case ElementKind::AttributeTypeLib:
            ++stats.attributeTypeLibs;
            break;
        case ElementKind::AttributeType:
            ++stats.attributeTypes;
            break;
        case ElementKind::ExternalInterface:
            ++stats.externalInterfaces;
            break;
        case ElementKind::InternalLink:
            ++stats.internalLinks;
            break;
        case ElementKind::Attribute:
            ++stats.attributes;
            break;
        case ElementKind::None:
            break;
        }
    }
};

} // namespace

ModelStatistics countElements(const CaexFile &file)
{
    Counter counter;
    ModelWalker({ &counter }).walk(file);
    return counter.stats;
}

} // namespace dt::model
