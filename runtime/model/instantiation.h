// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "result.h"

#include <functional>
#include <memory>

namespace dt::model {

class Resolver;

/// Makes fresh element IDs; by default "{GUID}"-free QUuid strings (e.g. "0f8f...").
using IdGenerator = std::function<QString()>;
IdGenerator defaultIdGenerator();

/// Instantiates a SystemUnitClass into a new InternalElement: a deep copy with fresh IDs for
/// every element, interface and link, InternalLinks inside the copy remapped to the new IDs,
/// RefBaseSystemUnitPath = sucPath, SupportedRoleClass copied; inherited attributes and
/// interfaces (RefBaseClassPath chain, via the resolver) are included. The element is named
/// 'name', or after the class when empty.
Result<std::unique_ptr<InternalElement>> instantiate(Resolver &resolver, const QString &sucPath,
    const QString &name = QString(), const IdGenerator &newId = defaultIdGenerator());

/// Copies an InternalElement subtree with fresh IDs, remapping links inside the copy (for
/// duplicate, copy and paste). Links that point outside the copy are kept as they are.
std::unique_ptr<InternalElement> duplicate(
    const InternalElement &element, const IdGenerator &newId = defaultIdGenerator());

} // namespace dt::model
