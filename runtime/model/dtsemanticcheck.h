// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dtrules.h"
#include "modelwalker.h"

#include <QHash>

#include <array>

namespace dt::model {

class ValidationContext;

/// Digital-twin semantics of the instance hierarchy, driven by dtRules(): elements that play a
/// role of DigitalTwinRoleClassLib (through SupportedRoleClass, RoleRequirements or a
/// DigitalTwinComponentLib SUC), interfaces of DigitalTwinInterfaceClassLib classes, and the
/// links between them.
class DtSemanticCheck : public ModelVisitor
{
public:
    explicit DtSemanticCheck(ValidationContext &context);

    void enter(const WalkNode &node) override;

private:
    /// Bit i set: the element plays dtRules().roles[i].
    using RoleSet = quint32;

    RoleSet rolesOf(const InternalElement &element);
    int componentOf(const InternalElement &element);
    int interfaceClassOf(const ExternalInterface &interface);
    /// Index of the class of 'library' that 'path' names or derives from, or -1 (cached).
    int classifyPath(ElementKind kind, QLatin1StringView library, const QString &path);

    void checkElement(const WalkNode &node);
    void checkInterface(const WalkNode &node);
    void checkLink(const WalkNode &node);
    void checkAttributes(const WalkNode &node, const QString &what, const DtClassRule &rule,
        const NodeList<Attribute> &attributes);
    void checkEndpoint(const WalkNode &node, const InternalElement &twin);

    ValidationContext &m_context;
    const DtRules &m_rules;
    /// Classified paths per kind (role, system unit, interface class).
    std::array<QHash<QString, int>, 3> m_classification;
    /// "IPAddress:Port" of each DigitalTwin seen, to catch two twins on one endpoint.
    QHash<QString, QString> m_endpoints;
};

} // namespace dt::model
