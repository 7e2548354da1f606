// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"

namespace dt::model {

class Resolver;
class SourceMap;

/// Checks a model: mandatory names, duplicate IDs, class paths that do not resolve
/// (RefBaseClassPath, RefBaseSystemUnitPath, RefRoleClassPath, RefBaseRoleClassPath,
/// RefAttributeType, interface classes), link partners that do not exist, inheritance cycles,
/// values that do not fit their AttributeDataType or Constraint, and the digital-twin semantics
/// of our libraries (a DigitalTwin needs an API; a ModbusVariable needs a register type and
/// address, ...; the rules are data in dtrules.cpp). Each problem carries severity, message, the
/// element's ID (or path) and, with a source map, its position.
///
/// Severities: a class path through an ExternalReference whose file cannot be loaded is a
/// warning (real files name standard libraries they do not ship); so are a lenient value
/// ("True" for xs:boolean), a value outside its Constraint, a link joining an element to
/// itself and an ID repeated inside class libraries.
///
/// One walk of the document feeds all checks (structurecheck, duplicateidcheck,
/// referencecheck, dtsemanticcheck), resolved paths are cached: the cost is linear in the size of
/// the model. Diagnostics come sorted by position.
class Validator
{
public:
    Diagnostics validate(const CaexFile &file, Resolver &resolver,
                         const SourceMap *positions = nullptr,
                         const QString &fileName = QString()) const;
};

} // namespace dt::model
