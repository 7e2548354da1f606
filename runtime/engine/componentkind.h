// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dt::model {
struct InternalElement;
struct ExternalInterface;
class Resolver;
} // namespace dt::model

namespace dt::runtime {

/// The components of DigitalTwinComponentLib (ARCHITECTURE §5) the runtime tells apart.
enum class ComponentKind : quint8 {
    Unknown,
    DigitalTwin,
    SQLiteStorage,
    PostgreSQLStorage,
    MySQLStorage,
    ModbusTCPClient,
    ModbusRTUClient,
    MQTTClient,
    ThresholdEvent,
    ChangeEvent,
    Method,
    WatchDog,
    AccessControl,
    RestAPI,
    HtmlView,
    Collada3DView,
    Dashboard,
};

/// What an element is, as far as the runtime cares: the component class it instantiates (its
/// RefBaseSystemUnitPath or any class that one derives from, in DigitalTwinComponentLib) and the
/// DigitalTwinRoleClassLib role it supports (SupportedRoleClass or RoleRequirements).
struct ComponentInfo
{
    ComponentKind kind = ComponentKind::Unknown;
    QString className; ///< the component class name, or the element's own class path if unknown
    QString role; ///< the DT role name, or empty
};

QString componentKindName(ComponentKind kind);

/// Classifies an element. Class paths that do not resolve (a library file missing) fall back to
/// the path's own "DigitalTwinComponentLib/<Class>" segments, so a model still deploys when the
/// validator only warned about the library.
ComponentInfo classifyComponent(const model::InternalElement &element, model::Resolver &resolver);

/// True when the interface's class (or a base of it) is DigitalTwinInterfaceClassLib/<className>.
bool interfaceIsA(
    const model::ExternalInterface &interface, model::Resolver &resolver, QStringView className);

} // namespace dt::runtime
