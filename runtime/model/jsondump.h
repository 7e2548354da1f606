// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"

#include <QByteArray>

namespace dt::model {

/// Canonical JSON of the whole model, for round-trip equality: every field with content (absent
/// and empty fields are left out; a present but empty optional text is ""), IDs and order kept,
/// children grouped in XSD order, keys in a fixed order, indented, UTF-8. Two documents with the
/// same content give byte-identical dumps whatever their child order or formatting in XML.
/// An empty header is left out too (it means the same as none); the default ChangeMode "state"
/// is not written; verbatim fragments appear as their XML text; source positions are not content. Keys come in the model's field order, not sorted.
QByteArray dumpJson(const CaexFile &file);

} // namespace dt::model
