// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"

namespace dt::model {

/// MappingObjects between the CAEX versions (private to conversion.cpp). CAEX 2.15 maps
/// interfaces by name and puts an InternalElement's MappingObject in the element; CAEX 3.0 maps
/// them by ID and puts it in the RoleRequirements it belongs to.
namespace mappingconversion {

/// InternalElement-level MappingObjects move into the first RoleRequirements, and every
/// InterfaceNameMapping becomes an InterfaceIDMapping: the system unit side is looked up among
/// the element's (or class's) interfaces, the role side among the RoleRequirements' interfaces
/// and then the role class (with its base classes) in this document. An interface found
/// without an ID gets a new one; a name that resolves nowhere is reported and dropped.
void upgrade(CaexFile &file, Diagnostics *warnings);

/// The reverse: the first RoleRequirements' MappingObject moves into the element, and each
/// InterfaceIDMapping becomes an InterfaceNameMapping through the document's interface IDs.
void downgrade(CaexFile &file, Diagnostics *warnings);

} // namespace mappingconversion
} // namespace dt::model
