// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentkind.h"

#include "model/caexpath.h"
#include "model/resolver.h"

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

constexpr auto ComponentLib = "DigitalTwinComponentLib"_L1;
constexpr auto RoleLib = "DigitalTwinRoleClassLib"_L1;
constexpr auto InterfaceLib = "DigitalTwinInterfaceClassLib"_L1;

constexpr ComponentKind AllKinds[] = {
    ComponentKind::DigitalTwin,
    ComponentKind::SQLiteStorage,
    ComponentKind::PostgreSQLStorage,
    ComponentKind::MySQLStorage,
    ComponentKind::ModbusTCPClient,
    ComponentKind::ModbusRTUClient,
    ComponentKind::MQTTClient,
    ComponentKind::ThresholdEvent,
    ComponentKind::ChangeEvent,
    ComponentKind::Method,
    ComponentKind::WatchDog,
    ComponentKind::AccessControl,
    ComponentKind::RestAPI,
    ComponentKind::HtmlView,
    ComponentKind::Collada3DView,
    ComponentKind::Dashboard,
};

const QStringList DtRoles = { u"DigitalTwin"_s, u"PhysicalDeviceModel"_s, u"Storage"_s, u"Event"_s,
    u"Method"_s, u"API"_s, u"AccessControl"_s, u"HMI"_s, u"Communication"_s, u"Analytics"_s };

// "Lib/Class/Sub" of a resolved class, or of the reference text itself (alias dropped) when it
// does not resolve. Each entry: library name and class name.
using ClassName = std::pair<QString, QString>;

QList<ClassName> chainNames(
    const Result<model::ElementRef> &resolved, const QString &reference, model::Resolver &resolver)
{
    QList<ClassName> names;
    const auto add = [&names](const QString &path) {
        const QStringList segs = model::CaexPath::parse(path).segments;
        if (segs.size() >= 2)
            names.append({ segs.first(), segs.last() });
    };
    if (resolved) {
        add(resolved->path);
        if (Result<QList<model::ElementRef>> bases = resolver.baseClasses(*resolved)) {
            for (const model::ElementRef &b : *bases)
                add(b.path);
        }
    } else {
        add(reference);
    }
    return names;
}

QString roleOf(const model::InternalElement &element, model::Resolver &resolver)
{
    QStringList references;
    for (const model::SupportedRoleClass &s : element.supportedRoleClasses)
        references.append(s.refRoleClassPath);
    for (const model::RoleRequirements &r : element.roleRequirements)
        references.append(r.refBaseRoleClassPath);
    for (const QString &reference : std::as_const(references)) {
        if (reference.trimmed().isEmpty())
            continue;
        const QList<ClassName> names
            = chainNames(resolver.roleClass(reference), reference, resolver);
        for (const ClassName &n : names) {
            if (n.first == RoleLib && DtRoles.contains(n.second))
                return n.second;
        }
    }
    return {};
}

} // namespace

QString componentKindName(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Unknown:
        return u"Unknown"_s;
    case ComponentKind::DigitalTwin:
        return u"DigitalTwin"_s;
    case ComponentKind::SQLiteStorage:
        return u"SQLiteStorage"_s;
    case ComponentKind::PostgreSQLStorage:
        return u"PostgreSQLStorage"_s;
    case ComponentKind::MySQLStorage:
        return u"MySQLStorage"_s;
    case ComponentKind::ModbusTCPClient:
        return u"ModbusTCPClient"_s;
    case ComponentKind::ModbusRTUClient:
        return u"ModbusRTUClient"_s;
    case ComponentKind::MQTTClient:
        return u"MQTTClient"_s;
    case ComponentKind::ThresholdEvent:
        return u"ThresholdEvent"_s;
    case ComponentKind::ChangeEvent:
        return u"ChangeEvent"_s;
    case ComponentKind::Method:
        return u"Method"_s;
    case ComponentKind::WatchDog:
        return u"WatchDog"_s;
    case ComponentKind::AccessControl:
        return u"AccessControl"_s;
    case ComponentKind::RestAPI:
        return u"RestAPI"_s;
    case ComponentKind::HtmlView:
        return u"HtmlView"_s;
    case ComponentKind::Collada3DView:
        return u"Collada3DView"_s;
    case ComponentKind::Dashboard:
        return u"Dashboard"_s;
    }
    return u"Unknown"_s;
}

ComponentInfo classifyComponent(const model::InternalElement &element, model::Resolver &resolver)
{
    ComponentInfo info;
    info.role = roleOf(element, resolver);
    info.className = element.refBaseSystemUnitPath;
    const QString &reference = element.refBaseSystemUnitPath;
    if (reference.trimmed().isEmpty())
        return info;
    const QList<ClassName> names
        = chainNames(resolver.systemUnitClass(reference), reference, resolver);
    for (const ClassName &n : names) {
        if (n.first != ComponentLib)
            continue;
        for (ComponentKind kind : AllKinds) {
            if (componentKindName(kind) == n.second) {
                info.kind = kind;
                info.className = n.second;
                return info;
            }
        }
    }
    return info;
}

bool interfaceIsA(
    const model::ExternalInterface &interface, model::Resolver &resolver, QStringView className)
{
    const QString &reference = interface.refBaseClassPath;
    if (reference.trimmed().isEmpty())
        return false;
    const QList<ClassName> names
        = chainNames(resolver.interfaceClass(reference), reference, resolver);
    for (const ClassName &n : names) {
        if (n.first == InterfaceLib && n.second == className)
            return true;
    }
    return false;
}

} // namespace dt::runtime
