// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"
#include "result.h"
#include "sourcemap.h"

class QIODevice;

namespace dt::model {

/// Streaming CAEX 2.15 / 3.0 reader (QXmlStreamReader, no DOM). Lenient where real files are
/// sloppy (any child order, "True", empty values, missing items) with warnings; malformed XML
/// fails with "file:line:column: message". External entities are never expanded; DTDs with
/// entity declarations are rejected.
class CaexReader
{
public:
    static constexpr int HardMaxDepth = 4096;

    struct Options
    {
        /// Record each node's start position in sourceMap() (costs memory; off for bulk loads).
        bool recordPositions = false;
        /// Deepest element nesting accepted before the input is refused (root = 1). Values
        /// above HardMaxDepth are lowered to it: parsing recurses once per level.
        int maxDepth = 512;
    };

    CaexReader() = default;
    explicit CaexReader(Options options)
        : m_options(options)
    {
    }

    /// Reads a file. On failure error() is "file:line:column: message".
    Result<CaexFile> readFile(const QString &path);
    /// Reads from a device; fileName is used in messages only.
    Result<CaexFile> read(QIODevice *device, const QString &fileName);
    Result<CaexFile> read(const QByteArray &data, const QString &fileName);

    /// Warnings (and the error, if any) of the last read.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// The error of the last failed read, with its position.
    const Diagnostic &lastError() const { return m_lastError; }
    /// Node positions of the last read (only with Options::recordPositions).
    const SourceMap &sourceMap() const { return m_sourceMap; }

private:
    Result<CaexFile> parse(QIODevice *device, const QString &fileName);
    Result<CaexFile> fail(Diagnostic error);

    Options m_options;
    Diagnostics m_diagnostics;
    Diagnostic m_lastError;
    SourceMap m_sourceMap;
};

} // namespace dt::model
