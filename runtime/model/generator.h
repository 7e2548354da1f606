// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"

namespace dt::model {

/// Writes a realistic synthetic plant for benchmarks: areas, units and devices nested a few
/// levels deep, each with typed attributes (some nested), interfaces, InternalLinks between
/// devices, SystemUnitClass/RoleClass/InterfaceClass libraries the elements refer to, and an
/// ExternalReference alias. The same options always give the same document.
struct GeneratorOptions
{
    int elements = 1000; ///< number of InternalElements in the instance hierarchy
    quint32 seed = 1;
};

CaexFile generatePlant(const GeneratorOptions &options);

} // namespace dt::model
