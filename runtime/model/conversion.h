// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"

namespace dt::model {

/// Converts a document between CAEX 2.15 and 3.0: WriterHeader <-> SourceDocumentInformation,
/// AutomationMLVersion <-> SuperiorStandardVersion, InterfaceNameMapping <-> InterfaceIDMapping,
/// MappingObject placement, nested interfaces, AttributeTypeLibs (dropped to 2.15 with a
/// warning). Returns a converted copy; a document already in the target version is returned
/// unchanged. Problems that lose information are reported in 'warnings' when given.
CaexFile convertTo(const CaexFile &file, SchemaVersion target, Diagnostics *warnings = nullptr);

} // namespace dt::model
