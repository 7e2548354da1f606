// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elementref.h"

#include <QList>

namespace dt::model {

/// What a node belongs to: plant data, a class library, or the role requirements of an element.
enum class WalkScope : quint8 { Instance, Library, RoleRequirement };

/// One CAEX object met by ModelWalker, linked to its enclosing nodes. Lives only during the
/// visit (the chain is on the walker's stack), so paths are built on demand, never stored.
struct WalkNode
{
    ElementKind kind = ElementKind::None;
    const void *node = nullptr; ///< the typed node (cast with as<T>())
    const CaexObject *object = nullptr; ///< its Name/ID part
    const WalkNode *parent = nullptr;
    WalkScope scope = WalkScope::Instance;

    template<typename T> const T *as() const { return static_cast<const T *>(node); }

    /// True for the kinds that are addressable elements (hierarchies, elements, libraries,
    /// classes), false for attributes, interfaces and links which belong to one.
    bool isElement() const;
    /// The nearest enclosing element (this node when it is one).
    const WalkNode *element() const;
    /// "Hierarchy/Element/Child" or "Lib/Class/Sub"; attributes, interfaces and links append
    /// their own names to their element's path.
    QString path() const;
    /// What a diagnostic names: the nearest ID from the node up to its element (attributes,
    /// interfaces and links without one name their holder), else the element's path.
    QString reportId() const;
};

/// Receives the nodes of a walk: enter() before a node's children, leave() after them.
class ModelVisitor
{
public:
    virtual ~ModelVisitor() = default;
    virtual void enter(const WalkNode &node) = 0;
    virtual void leave(const WalkNode &node) { Q_UNUSED(node) }
};

/// Visits every CAEX object of a document depth-first in document order: instance hierarchies,
/// then interface, role, system unit and attribute type libraries. Within an element:
/// attributes, interfaces, role requirement attributes and interfaces, child elements, links.
/// One pass feeds all visitors, so checks and counts stay O(n).
class ModelWalker
{
public:
    explicit ModelWalker(QList<ModelVisitor *> visitors)
        : m_visitors(std::move(visitors))
    {
    }

    void walk(const CaexFile &file) const;

private:
    void enter(const WalkNode &node) const;
    void leave(const WalkNode &node) const;
    void walkAttribute(const Attribute &attribute, const WalkNode *parent) const;
    void walkAttributes(const NodeList<Attribute> &list, const WalkNode *parent) const;
    void walkInterfaceContent(const ExternalInterface &interface, const WalkNode &self) const;
    void walkInterfaces(const NodeList<ExternalInterface> &list, const WalkNode *parent) const;
    void walkLinks(const NodeList<InternalLink> &links, const WalkNode &self) const;
    void walkUnitContent(const SystemUnitClassType &unit, const WalkNode &self) const;
    void walkElement(const InternalElement &element, const WalkNode *parent) const;
    void walkSystemUnitClass(const SystemUnitClass &cls, const WalkNode *parent) const;
    void walkRoleClass(const RoleClass &cls, const WalkNode *parent) const;
    void walkInterfaceClass(const InterfaceClass &cls, const WalkNode *parent) const;
    void walkAttributeType(const AttributeType &type, const WalkNode *parent) const;

    QList<ModelVisitor *> m_visitors;
};

/// Counts of every CAEX object kind in a document, nested ones included.
struct ModelStatistics
{
    qint64 instanceHierarchies = 0;
    qint64 internalElements = 0;
    qint64 systemUnitClassLibs = 0;
    qint64 systemUnitClasses = 0;
    qint64 roleClassLibs = 0;
    qint64 roleClasses = 0;
    qint64 interfaceClassLibs = 0;
    qint64 interfaceClasses = 0;
    qint64 attributeTypeLibs = 0;
    qint64 attributeTypes = 0;
    qint64 externalInterfaces = 0;
    qint64 internalLinks = 0;
    qint64 attributes = 0;
};

/// Counts all objects of a document with one walk.
ModelStatistics countElements(const CaexFile &file);

} // namespace dt::model
