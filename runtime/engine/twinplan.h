// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accesscontrol.h"
#include "eventrules.h"

#include "modbus/modbusdeviceconfig.h"
#include "storage/storageconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dt::model {
struct InternalElement;
}

namespace dt::runtime {

/// One ModbusVariable linked to a device attribute: value i of the variable goes to
/// attributes[i] of the element (one name for a scalar, the nested children in order for an
/// array, e.g. TorqueProfileOpen/P0 .. P100).
struct VariableBinding
{
    int variableIndex = -1;
    QString linkName;
    QString elementPath; ///< relative to the twin root
    QStringList attributes;
};

struct DevicePlan
{
    QString componentName;
    QString componentPath; ///< relative to the twin root
    ModbusDeviceConfig config;
    QList<VariableBinding> bindings;
};

/// A ThresholdEvent or ChangeEvent component.
struct EventPlan
{
    enum class Kind : quint8 { Threshold, Change };
    Kind kind = Kind::Change;
    QString name;
    QString elementPath;
    QString attribute;
    ThresholdCondition condition = ThresholdCondition::Greater;
    double limit = 0;
    double hysteresis = 0;
    QString severity = QStringLiteral("info");
};

/// A Method component: invoking Action on the target element writes Value to its attribute.
struct MethodPlan
{
    QString name;
    QString elementPath;
    QString attribute;
    QString action;
    QString value;
};

/// Everything needed to start one twin, checked before anything starts. Element pointers point
/// into the engine's own copy of the model, which outlives the plan's twin.
struct TwinPlan
{
    QString name;
    model::InternalElement *twinElement = nullptr;
    model::InternalElement *root = nullptr;
    QString rootInstancePath;
    QString prefix;
    /// Paths (relative to the root) of subtrees another, nested twin serves.
    QStringList excluded;
    QList<DevicePlan> devices;
    std::optional<StorageConfig> storage;
    QString storageName;
    std::optional<AccessControl> access;
    QList<EventPlan> events;
    QList<MethodPlan> methods;
};

} // namespace dt::runtime
