// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"

namespace dt::model {

class Resolver;
class SourceMap;

/// Checks a model: mandatory names and attributes, duplicate IDs, class paths that do not resolve
/// (RefBaseClassPath, RefBaseSystemUnitPath, RefRoleClassPath, RefBaseRoleClassPath,
/// RefAttributeType), link partners that do not exist, inheritance cycles, values that do not fit
/// their AttributeDataType or Constraint, and the digital-twin semantics of our libraries (a
/// DigitalTwin needs an API; a ModbusVariable needs a register type and address, ...). Each
/// problem carries severity, message, the element's ID (or path) and, with a source map, its
/// position.
class Validator
{
public:
    Diagnostics validate(const CaexFile &file, Resolver &resolver,
                         const SourceMap *positions = nullptr,
                         const QString &fileName = QString()) const;
};

} // namespace dt::model
