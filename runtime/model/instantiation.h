// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "result.h"

#include <functional>
#include <memory>

namespace dt::model {

class Resolver;

/// Makes fresh element IDs. The default gives random (version 4) UUIDs without braces, e.g.
/// "0f8fad5b-d9cb-469f-a165-70867728950e", from a generator seeded once from the system; copies
/// of one IdGenerator share its state (thread-safe).
using IdGenerator = std::function<QString()>;
IdGenerator defaultIdGenerator();

/// Instantiates a SystemUnitClass into a new InternalElement: a deep copy with fresh IDs for
/// every element, interface and link (and attributes that had one), InternalLinks inside the copy
/// remapped to the new IDs (both "ElementID:Interface" and bare interface IDs, including the
/// class's own ID), mirrors and MappingObject interface IDs inside the copy remapped too,
/// SupportedRoleClass copied, nested elements keeping their RefBaseSystemUnitPath. Inherited
/// attributes and interfaces (RefBaseClassPath chain, via the resolver) are included after the
/// class's own, which win by name. RefBaseSystemUnitPath is sucPath made canonical
/// (Resolver::referencePath: a short name becomes "Lib/Class"). The class's Version, Revisions
/// and Copyright are not copied. The element is named 'name', or after the class when empty.
Result<std::unique_ptr<InternalElement>> instantiate(Resolver &resolver, const QString &sucPath,
    const QString &name = QString(), const IdGenerator &newId = defaultIdGenerator());

/// Copies an InternalElement subtree with fresh IDs, remapping links inside the copy (for
/// duplicate, copy and paste). Links that point outside the copy are kept as they are.
std::unique_ptr<InternalElement> duplicate(
    const InternalElement &element, const IdGenerator &newId = defaultIdGenerator());

} // namespace dt::model
