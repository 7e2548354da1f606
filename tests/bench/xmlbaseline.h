// SPDX-License-Identifier: GPL-3.0-or-later
// Baselines for bench_model: the least work Qt's XML stream classes need to read or produce a
// file, so the CAEX reader and writer can be judged by how close they come to it.
#pragma once

#include <QString>

#include <vector>

namespace dt::bench {

/// What a raw token scan saw; checksum keeps the compiler from dropping the work.
struct ScanResult
{
    bool ok = false;
    QString error;
    qint64 tokens = 0;
    qint64 elements = 0;
    quint64 checksum = 0;
};

/// Reads every token of the file with QXmlStreamReader (namespace processing on, as a CAEX reader
/// needs it) and touches each name, attribute and text, without building anything.
ScanResult scanXml(const QString &path);

/// The token stream of an XML file, recorded flat so that even a 1M-element file fits in about
/// twice its size: all strings back to back in one buffer, the tokens as integer codes.
class TokenTape
{
public:
    /// Records path. An indented file is taken to come from QXmlStreamWriter's auto-formatting
    /// (as the CAEX writer's is), so its layout whitespace is left to the replay's own
    /// auto-formatting with the same indent; other whitespace is kept as text.
    bool record(const QString &path, QString *error);
    /// Replays the tape into a QXmlStreamWriter writing path atomically (QSaveFile, as the CAEX
    /// writer does). Returns the bytes written, or -1.
    qint64 replay(const QString &path, QString *error) const;

    qint64 tokenCount() const { return m_tokens; }
    void clear();

private:
    void putString(QStringView text);

    QString m_pool;
    std::vector<qint64> m_codes;
    qint64 m_tokens = 0;
    int m_indent = 0; ///< auto-formatting indent (spaces; negative: tabs); 0: none
};

} // namespace dt::bench
