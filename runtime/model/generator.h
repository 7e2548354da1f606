// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"

namespace dt::model {

/// Writes a realistic synthetic plant for benchmarks: InstanceHierarchy "Plant" with areas,
/// units, devices, modules and parts (every branch 3 to 5 levels deep when the count allows),
/// each element with a GUID-like ID, 2-6 typed attributes (some nested, some constrained), 1-3
/// interfaces, a RefBaseSystemUnitPath and a SupportedRoleClass; units link their devices'
/// interfaces (material chain, signal loop). Libraries: PlantSystemUnitClassLib,
/// PlantRoleClassLib, PlantInterfaceClassLib, PlantAttributeTypeLib, and one ExternalReference
/// alias (its one use is the only validator warning; there are no errors). The same options
/// always give the same document, on every platform (own PRNG, integer arithmetic).
struct GeneratorOptions
{
    int elements = 1000; ///< exact number of InternalElements in the instance hierarchy
    quint32 seed = 1;
};

CaexFile generatePlant(const GeneratorOptions &options);

} // namespace dt::model
