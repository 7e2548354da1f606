// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencecheck.h"

#include "caexpath.h"
#include "resolver.h"
#include "validationcontext.h"
#include "xsdvalue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::model {

void ReferenceCheck::enter(const WalkNode &node)
{
    switch (node.kind) {
    case ElementKind::InternalElement: {
        const InternalElement &e = *node.as<InternalElement>();
        if (!e.refBaseSystemUnitPath.isEmpty())
            checkPath(node, ElementKind::SystemUnitClass, e.refBaseSystemUnitPath,
                "RefBaseSystemUnitPath");
        for (const SupportedRoleClass &s : e.supportedRoleClasses)
            checkPath(node, ElementKind::RoleClass, s.refRoleClassPath, "RefRoleClassPath");
        for (const RoleRequirements &r : e.roleRequirements)
            checkPath(node, ElementKind::RoleClass, r.refBaseRoleClassPath, "RefBaseRoleClassPath");
        break;
    }
    case ElementKind::SystemUnitClass: {
        const SystemUnitClass &c = *node.as<SystemUnitClass>();
        if (!c.refBaseClassPath.isEmpty())
            recordBase(node,
                checkPath(
                    node, ElementKind::SystemUnitClass, c.refBaseClassPath, "RefBaseClassPath"));
        for (const SupportedRoleClass &s : c.supportedRoleClasses)
            checkPath(node, ElementKind::RoleClass, s.refRoleClassPath, "RefRoleClassPath");
        break;
    }
    case ElementKind::RoleClass: {
        const RoleClass &c = *node.as<RoleClass>();
        if (!c.refBaseClassPath.isEmpty())
            recordBase(node,
                checkPath(node, ElementKind::RoleClass, c.refBaseClassPath, "RefBaseClassPath"));
        break;
    }
    case ElementKind::InterfaceClass: {
        const InterfaceClass &c = *node.as<InterfaceClass>();
        if (!c.refBaseClassPath.isEmpty())
            recordBase(node,
                checkPath(
                    node, ElementKind::InterfaceClass, c.refBaseClassPath, "RefBaseClassPath"));
        break;
    }
    case ElementKind::ExternalInterface: {
        const ExternalInterface &i = *node.as<ExternalInterface>();
        if (!i.refBaseClassPath.isEmpty())
            checkPath(node, ElementKind::InterfaceClass, i.refBaseClassPath, "RefBaseClassPath");
        break;
    }
    case ElementKind::AttributeType: {
        // An AttributeType derives from the type its RefAttributeType names.
        const AttributeType &t = *node.as<AttributeType>();
        if (!t.refAttributeType.isEmpty())
            recordBase(node,
                checkPath(
                    node, ElementKind::AttributeType, t.refAttributeType, "RefAttributeType"));
        break;
    }
    case ElementKind::Attribute: {
        const Attribute &a = *node.as<Attribute>();
        if (!a.refAttributeType.isEmpty())
            checkPath(node, ElementKind::AttributeType, a.refAttributeType, "RefAttributeType");
        break;
    }
    case ElementKind::InternalLink:
        checkLink(node);
        break;
    default:
        break;
    }
}

const void *ReferenceCheck::checkPath(
    const WalkNode &node, ElementKind kind, const QString &path, const char *attributeName)
{
    const QLatin1StringView attribute(attributeName);
    if (isBlank(path)) {
        // Only the role references are mandatory; empty optional ones never reach here.
        m_context.report(Severity::Error,
            ValidationContext::tr("%1 '%2': %3 is empty")
                .arg(elementKindName(node.kind), node.object->name, attribute),
            node);
        return nullptr;
    }
    const ClassResolution &r = m_context.resolveClass(kind, path);
    if (r.ok())
        return r.ref.file == &m_context.file() ? r.ref.node : nullptr;
    if (r.externalUnavailable) {
        const bool aliased = !CaexPath::parse(path).alias.isEmpty();
        const QString message = aliased
            ? ValidationContext::tr("%1 '%2': %3 '%4' refers to an external library that "
                                    "cannot be loaded")
            : ValidationContext::tr("%1 '%2': %3 '%4' is not in this document, and an external "
                                    "library that may hold it cannot be loaded");
        m_context.report(Severity::Warning,
            message.arg(elementKindName(node.kind), node.object->name, attribute, path), node);
    } else {
        QString message = ValidationContext::tr("%1 '%2': %3 '%4' does not resolve to a %5")
                              .arg(elementKindName(node.kind), node.object->name, attribute, path,
                                  elementKindName(kind));
        if (!r.error.isEmpty())
            message += u" ("_s + r.error + u')';
        m_context.report(Severity::Error, message, node);
    }
    return nullptr;
}

void ReferenceCheck::checkLink(const WalkNode &node)
{
    const InternalLink &link = *node.as<InternalLink>();
    Resolver &resolver = m_context.resolver();
    Resolver::LinkPartner partners[2];
    bool resolved[2] = { false, false };
    const QString *sides[2] = { &link.refPartnerSideA, &link.refPartnerSideB };
    const char *names[2] = { "RefPartnerSideA", "RefPartnerSideB" };
    for (int i = 0; i < 2; ++i) {
        const QLatin1StringView side(names[i]);
        if (isBlank(*sides[i])) {
            m_context.report(Severity::Error,
                ValidationContext::tr("InternalLink '%1': %2 is empty").arg(link.name, side), node);
            continue;
        }
        Result<Resolver::LinkPartner> partner = resolver.linkPartner(*sides[i]);
        if (!partner.ok() || !partner->interface.isValid()) {
            QString message = ValidationContext::tr("InternalLink '%1': %2 '%3' does not exist")
                                  .arg(link.name, side, *sides[i]);
            if (!partner.ok() && !partner.error().isEmpty())
                message += u" ("_s + partner.error() + u')';
            m_context.report(Severity::Error, message, node);
            continue;
        }
        partners[i] = partner.value();
        resolved[i] = true;
    }
    if (!resolved[0] || !resolved[1])
        return;
    if (partners[0].interface.node == partners[1].interface.node) {
        m_context.report(Severity::Warning,
            ValidationContext::tr("InternalLink '%1' connects interface '%2' to itself")
                .arg(link.name, partners[0].interface.path),
            node);
    } else if (partners[0].owner.isValid() && partners[0].owner.node == partners[1].owner.node) {
        m_context.report(Severity::Warning,
            ValidationContext::tr("InternalLink '%1' connects element '%2' to itself")
                .arg(link.name, partners[0].owner.path),
            node);
    }
}

void ReferenceCheck::recordBase(const WalkNode &node, const void *base)
{
    if (!base)
        return;
    m_classes.insert(node.node, ClassInfo { base, node.path(), node.reportId(), node.kind });
    m_order.push_back(node.node);
}

void ReferenceCheck::finish()
{
    // Each class has at most one base, so following bases is walking a functional graph: one
    // pass with three colours finds every cycle once, in O(classes).
    enum Colour : quint8 { White, OnPath, Done };
    QHash<const void *, Colour> colour;
    for (const void *start : m_order) {
        if (colour.value(start, White) != White)
            continue;
        std::vector<const void *> chain;
        const void *current = start;
        while (current && m_classes.contains(current) && colour.value(current, White) == White) {
            colour.insert(current, OnPath);
            chain.push_back(current);
            current = m_classes.value(current).base;
        }
        if (current && colour.value(current, White) == OnPath) {
            // The cycle is the tail of the chain that begins at 'current'.
            QStringList names;
            auto first = std::find(chain.begin(), chain.end(), current);
            for (auto it = first; it != chain.end(); ++it)
                names << m_classes.value(*it).name;
            names << m_classes.value(current).name;
            const ClassInfo &info = m_classes[current];
            m_context.report(Severity::Error,
                ValidationContext::tr("inheritance cycle: %1").arg(names.join(u" -> "_s)), current,
                info.reportId);
        }
        for (const void *n : chain)
            colour.insert(n, Done);
    }
}

} // namespace dt::model
