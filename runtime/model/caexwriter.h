// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "result.h"

class QIODevice;

namespace dt::model {

/// Canonical CAEX writer (QXmlStreamWriter): children in XSD order, CAEX 3.0 or 2.15. A document
/// in the other version is converted first (see conversion.h). Files are written atomically.
class CaexWriter
{
public:
    struct Options
    {
        SchemaVersion version = SchemaVersion::V3_0;
        bool indent = true;
    };

    CaexWriter() = default;
    explicit CaexWriter(Options options) : m_options(options) {}

    /// Writes atomically (QSaveFile): the old file stays intact if anything fails.
    Result<void> writeFile(const CaexFile &file, const QString &path) const;
    Result<void> write(const CaexFile &file, QIODevice *device) const;
    QByteArray toByteArray(const CaexFile &file) const;

private:
    Options m_options;
};

} // namespace dt::model
