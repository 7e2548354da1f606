// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"

#include <optional>

namespace dt::model {

/// Document-level information that the two CAEX versions keep in different places (private to
/// conversion.cpp):
/// - CAEX 2.15 (AutomationML 2.0) has <AdditionalInformation><WriterHeader>...</WriterHeader>
///   and <AdditionalInformation AutomationMLVersion="2.0"/> under CAEXFile;
/// - CAEX 3.0 (AutomationML 2.1) has SourceDocumentInformation and SuperiorStandardVersion.
namespace documentinfo {

/// Moves the root's WriterHeaders into SourceDocumentInformation and AutomationMLVersion into
/// SuperiorStandardVersion, removing what was consumed from the AdditionalInformation
/// fragments. Adds our own SourceDocumentInformation when there is none (3.0 requires one).
void upgrade(CaexFile &file, Diagnostics *warnings);

/// The reverse: SourceDocumentInformation becomes WriterHeaders, an AutomationML
/// SuperiorStandardVersion becomes AutomationMLVersion="2.0"; other versions are dropped.
void downgrade(CaexFile &file, Diagnostics *warnings);

/// The text as an xs:dateTime, repairing common near misses ("2014-10-28T16:54:56+0100",
/// "2013-05-15", "04.03.2015 15:10:16"); nullopt when it cannot be read as a date.
std::optional<QString> toXsDateTime(QStringView text);

} // namespace documentinfo
} // namespace dt::model
