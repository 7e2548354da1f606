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
///
/// Mapping choices: AutomationMLVersion="2.0" (AutomationML 2.0, IEC 62714-1:2014, which uses
/// CAEX 2.15) becomes SuperiorStandardVersion "AutomationML 2.10", because a CAEX 3.0 document
/// is by definition AutomationML 2.1 (IEC 62714-1:2018, the edition that adopted CAEX 3.0);
/// back, any "AutomationML 2.x" becomes AutomationMLVersion="2.0". Attribute IDs are kept in
/// 2.15: its AttributeType derives from CAEXObject, which has the optional ID.
CaexFile convertTo(const CaexFile &file, SchemaVersion target, Diagnostics *warnings = nullptr);

/// The SourceDocumentInformation naming this tool (OriginName "DT Workbench", a fixed OriginID,
/// OriginVersion from QCoreApplication::applicationVersion() or the project version, and the
/// current time as LastWritingDateTime).
SourceDocumentInformation toolSourceDocumentInformation();

/// Adds toolSourceDocumentInformation() when the document has no SourceDocumentInformation,
/// which CAEX 3.0 requires; returns whether it added one. Call before saving a new 3.0 model.
bool ensureSourceDocumentInformation(CaexFile &file);

} // namespace dt::model
