// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "externalinterface.h"
#include "mappingobject.h"

namespace dt::model {

/// InternalLink between two ExternalInterfaces, each named "ElementID:InterfaceName" or by the
/// interface's own ID.
struct InternalLink : CaexObject
{
    QString refPartnerSideA;
    QString refPartnerSideB;
};

/// SupportedRoleClass: a role the system unit can play.
struct SupportedRoleClass : CaexBasicObject
{
    QString refRoleClassPath;
    ValuePtr<MappingObject> mappingObject;
};

/// RoleRequirements of an InternalElement (one in 2.15, several in 3.0).
struct RoleRequirements : CaexBasicObject
{
    QString refBaseRoleClassPath;
    NodeList<Attribute> attributes;
    NodeList<ExternalInterface> interfaces;
    /// CAEX 3.0 places the MappingObject here.
    ValuePtr<MappingObject> mappingObject;
};

struct InternalElement;

/// CAEX SystemUnitClassType: what a SystemUnitClass and an InternalElement share.
struct SystemUnitClassType : CaexObject
{
    NodeList<Attribute> attributes;
    NodeList<ExternalInterface> interfaces;
    NodeList<InternalElement> internalElements;
    QList<SupportedRoleClass> supportedRoleClasses;
    NodeList<InternalLink> internalLinks;
};

/// InternalElement: an instance in an InstanceHierarchy (or inside a SystemUnitClass).
struct InternalElement : SystemUnitClassType
{
    QString refBaseSystemUnitPath;
    QList<RoleRequirements> roleRequirements;
    /// CAEX 2.15 places the MappingObject directly in the element.
    ValuePtr<MappingObject> mappingObject;
};

/// SystemUnitClass (SystemUnitFamilyType), with derived classes nested in it.
struct SystemUnitClass : SystemUnitClassType
{
    QString refBaseClassPath;
    NodeList<SystemUnitClass> systemUnitClasses;
};

/// Finds a child element by name (not deeper); nullptr when absent.
InternalElement *findChild(NodeList<InternalElement> &list, QStringView name);
const InternalElement *findChild(const NodeList<InternalElement> &list, QStringView name);

} // namespace dt::model
