// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "systemunit.h"

namespace dt::model {

/// RoleClass (RoleFamilyType), with derived classes nested in it.
struct RoleClass : CaexObject
{
    QString refBaseClassPath;
    NodeList<Attribute> attributes;
    NodeList<ExternalInterface> interfaces;
    NodeList<RoleClass> roleClasses;
};

/// InterfaceClass (InterfaceFamilyType): an interface type, with derived classes nested in it.
struct InterfaceClass : ExternalInterface
{
    NodeList<InterfaceClass> interfaceClasses;
};

/// AttributeType (AttributeFamilyType, CAEX 3.0): a reusable attribute definition.
struct AttributeType : Attribute
{
    NodeList<AttributeType> attributeTypes;
};

/// A class library: InterfaceClassLib, RoleClassLib, SystemUnitClassLib or AttributeTypeLib.
template <typename Class>
struct ClassLibrary : CaexObject
{
    NodeList<Class> classes;
};

using InterfaceClassLib = ClassLibrary<InterfaceClass>;
using RoleClassLib = ClassLibrary<RoleClass>;
using SystemUnitClassLib = ClassLibrary<SystemUnitClass>;
using AttributeTypeLib = ClassLibrary<AttributeType>;

} // namespace dt::model
