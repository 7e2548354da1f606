// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "result.h"

class QIODevice;

namespace dt::model {

/// Canonical CAEX writer (QXmlStreamWriter): children in XSD order, CAEX 3.0 or 2.15. A document
/// in the other version is converted first (see conversion.h). Files are written atomically.
///
/// The writer owns the root's namespace and schema-location attributes. Unknown attributes are
/// written back with the namespace declarations they need, unknown elements after the known
/// children (SourceObjectInformation, which the model keeps as an unknown element, goes back
/// into the header group), verbatim fragments token for token (byte-identical when they are in
/// the form the reader captures them; elements in the CAEX namespace or in none move to the
/// target version's namespace). A model field the target version has no place for is still
/// written where the other version puts it, so that nothing is lost silently.
///
/// Nothing unreadable is ever written: text or attribute values with characters XML 1.0 cannot
/// carry, malformed fragments and invalid unknown attribute names make the write fail with a
/// message naming the element; carriage returns are written as character references.
class CaexWriter
{
public:
    struct Options
    {
        SchemaVersion version = SchemaVersion::V3_0;
        bool indent = true;
    };

    CaexWriter() = default;
    explicit CaexWriter(Options options)
        : m_options(options)
    {
    }

    /// Writes atomically (QSaveFile): the old file stays intact if anything fails.
    Result<void> writeFile(const CaexFile &file, const QString &path) const;
    /// Writes to an open device; on failure the device holds a partial document.
    Result<void> write(const CaexFile &file, QIODevice *device) const;
    /// The document as UTF-8, or an empty array when writing fails.
    QByteArray toByteArray(const CaexFile &file) const;

private:
    Options m_options;
};

} // namespace dt::model
