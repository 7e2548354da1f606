// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexbasicobject.h"

namespace dt::model {

struct AttributeNameMapping : CaexBasicObject
{
    QString systemUnitAttributeName;
    QString roleAttributeName;
};

/// CAEX 3.0 InterfaceIDMapping (by interface ID).
struct InterfaceIdMapping : CaexBasicObject
{
    QString systemUnitInterfaceId;
    QString roleInterfaceId;
};

/// CAEX 2.15 InterfaceNameMapping (by interface name).
struct InterfaceNameMapping : CaexBasicObject
{
    QString systemUnitInterfaceName;
    QString roleInterfaceName;
};

/// MappingObject: maps a system unit's attributes and interfaces to those of a role.
struct MappingObject : CaexBasicObject
{
    QList<AttributeNameMapping> attributeMappings;
    QList<InterfaceIdMapping> interfaceIdMappings;
    QList<InterfaceNameMapping> interfaceNameMappings;
};

} // namespace dt::model
