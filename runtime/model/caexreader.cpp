// SPDX-License-Identifier: GPL-3.0-or-later
// Entry points of the CAEX reader: opening the input, running the parser, reporting errors.
#include "caexreader.h"

#include "caexparser.h"
#include "xmlcursor.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

/// The first byte sequence of the device that is not UTF-8, as a 1-based line and column
/// (columns in UTF-16 units, like QXmlStreamReader's). QXmlStreamReader reports encoding
/// errors where it decoded the block, which can be lines away from the bad byte.
std::optional<SourcePosition> findInvalidUtf8(QIODevice *device)
{
    SourcePosition at { 1, 1 };
    SourcePosition characterStart = at;
    int pending = 0; // continuation bytes still expected
    uchar low = 0x80;
    uchar high = 0xBF;
    int units = 1; // UTF-16 units of the character being decoded
    bool first = true;
    char buffer[64 * 1024];
    for (;;) {
        const qint64 count = device->read(buffer, sizeof buffer);
        if (count <= 0)
            break;
        qint64 i = 0;
        if (first && count >= 3 && uchar(buffer[0]) == 0xEF && uchar(buffer[1]) == 0xBB
            && uchar(buffer[2]) == 0xBF) {
            i = 3; // the byte order mark is no character of the document
        }
        first = false;
        for (; i < count; ++i) {
            const uchar byte = uchar(buffer[i]);
            if (pending > 0) {
                if (byte < low || byte > high)
                    return characterStart;
                low = 0x80;
                high = 0xBF;
                if (--pending == 0)
                    at.column += units;
                continue;
            }
            characterStart = at;
            units = 1;
            if (byte < 0x80) {
                if (byte == '\n') {
                    ++at.line;
                    at.column = 1;
                } else {
                    ++at.column;
                }
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                pending = 1;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                pending = 2;
                if (byte == 0xE0)
                    low = 0xA0; // no overlong forms
                else if (byte == 0xED)
                    high = 0x9F; // no surrogates
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                pending = 3;
                units = 2;
                if (byte == 0xF0)
                    low = 0x90;
                else if (byte == 0xF4)
                    high = 0x8F; // nothing above U+10FFFF
            } else {
                return characterStart;
            }
        }
    }
    if (pending > 0)
        return characterStart; // truncated at the end
    return std::nullopt;
}

bool isEncodingError(const QXmlStreamReader &xml)
{
    // QXmlStreamReader has no error code for this; its (possibly translated) text tells.
    return xml.error() == QXmlStreamReader::NotWellFormedError
        && xml.errorString()
        == QCoreApplication::translate("QXmlStream", "Encountered incorrectly encoded content.");
}

bool declaresUtf8OrNothing(const QXmlStreamReader &xml)
{
    const QStringView encoding = xml.documentEncoding();
    return encoding.isEmpty() || encoding.compare(u"UTF-8", Qt::CaseInsensitive) == 0
        || encoding.compare(u"UTF8", Qt::CaseInsensitive) == 0;
}

/// Re-reads a seekable input from its start to point at the first invalid UTF-8 byte.
void refineEncodingErrorPosition(QIODevice *device, qint64 start, Diagnostic &error)
{
    if (device->isSequential() || !device->seek(start))
        return;
    char bom[2] = {};
    if (device->peek(bom, 2) == 2
        && ((uchar(bom[0]) == 0xFF && uchar(bom[1]) == 0xFE)
            || (uchar(bom[0]) == 0xFE && uchar(bom[1]) == 0xFF))) {
        return; // UTF-16: the decoder was not a UTF-8 one
    }
    if (const std::optional<SourcePosition> position = findInvalidUtf8(device))
        error.position = *position;
}

} // namespace

Result<CaexFile> CaexReader::readFile(const QString &path)
{
    m_diagnostics.clear();
    m_sourceMap.clear();
    if (QFileInfo(path).isDir())
        return fail({ Severity::Error, u"is a directory, not a CAEX file"_s, path, {}, {} });
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(
            { Severity::Error, u"cannot open file: %1"_s.arg(file.errorString()), path, {}, {} });
    }
    return parse(&file, path);
}

Result<CaexFile> CaexReader::read(QIODevice *device, const QString &fileName)
{
    m_diagnostics.clear();
    m_sourceMap.clear();
    if (!device || !device->isReadable())
        return fail({ Severity::Error, u"input is not open for reading"_s, fileName, {}, {} });
    return parse(device, fileName);
}

Result<CaexFile> CaexReader::read(const QByteArray &data, const QString &fileName)
{
    QBuffer buffer;
    buffer.setData(data); // shares the bytes, no copy
    buffer.open(QIODevice::ReadOnly);
    return read(&buffer, fileName);
}

Result<CaexFile> CaexReader::parse(QIODevice *device, const QString &fileName)
{
    m_lastError = Diagnostic();
    const qint64 start = device->isSequential() ? 0 : device->pos();
    // Reading from the device (not a whole-file QByteArray) keeps memory at one block of input.
    QXmlStreamReader xml(device);
    XmlCursor cursor(xml, fileName, std::clamp(m_options.maxDepth, 1, HardMaxDepth), m_diagnostics);
    CaexFile file;
    if (cursor.readRoot()) {
        CaexParser parser(cursor, m_options.recordPositions ? &m_sourceMap : nullptr);
        parser.readDocument(file);
        if (!cursor.failed())
            cursor.finish();
    }
    cursor.flushWarningSummary();
    if (cursor.failed()) {
        Diagnostic error = cursor.error();
        if (isEncodingError(xml) && declaresUtf8OrNothing(xml))
            refineEncodingErrorPosition(device, start, error);
        m_sourceMap.clear();
        return fail(std::move(error));
    }
    // Explicit move: Result's by-value constructor would otherwise deep-copy the whole model.
    return Result<CaexFile>(std::move(file));
}

Result<CaexFile> CaexReader::fail(Diagnostic error)
{
    QString message = error.file.isEmpty() ? u"<input>"_s : error.file;
    if (error.position.line > 0) {
        message += u':' + QString::number(error.position.line) + u':'
            + QString::number(error.position.column);
    }
    message += u": "_s + error.message;
    m_lastError = error;
    m_diagnostics.append(std::move(error));
    return Result<CaexFile>::failure(message);
}

} // namespace dt::model
