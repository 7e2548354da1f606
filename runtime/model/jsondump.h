// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"

#include <QByteArray>

namespace dt::model {

/// Canonical JSON of the whole model, for round-trip equality: every field, IDs and order kept,
/// children grouped in XSD order, keys in a fixed order, indented, UTF-8. Two documents with the
/// same content give byte-identical dumps whatever their child order or formatting in XML.
QByteArray dumpJson(const CaexFile &file);

} // namespace dt::model
