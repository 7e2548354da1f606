// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlbaseline.h"

#include <QFile>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace dt::bench {

namespace {

// Cheap but order-dependent mixing, so no token can be skipped without changing the result.
quint64 mix(quint64 sum, QStringView text)
{
    sum = sum * 1099511628211ULL + quint64(text.size());
    if (!text.isEmpty())
        sum ^= text.front().unicode() + (quint64(text.back().unicode()) << 16);
    return sum;
}

} // namespace

ScanResult scanXml(const QString &path)
{
    ScanResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    QXmlStreamReader xml(&file);
    quint64 sum = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        ++result.tokens;
        switch (type) {
        case QXmlStreamReader::StartElement: {
            ++result.elements;
            sum = mix(sum, xml.name());
            sum = mix(sum, xml.namespaceUri());
            const QXmlStreamAttributes attributes = xml.attributes();
            for (const QXmlStreamAttribute &attribute : attributes) {
                sum = mix(sum, attribute.name());
                sum = mix(sum, attribute.value());
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            sum = mix(sum, xml.name());
            break;
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::Comment:
            sum = mix(sum, xml.text());
            break;
        default:
            break;
        }
    }
    if (xml.hasError()) {
        result.error
            = u"%1:%2: %3"_s.arg(xml.lineNumber()).arg(xml.columnNumber()).arg(xml.errorString());
        return result;
    }
    result.ok = true;
    result.checksum = sum;
    return result;
}

namespace {

// Layout of one token on the tape: its type code, then per type:
//   StartDocument: version string, standalone flag
//   StartElement: qualified name, attribute count, then (qualified name, value) per attribute
//   Characters: text, CDATA flag;  Comment, DTD, EntityReference: text
//   ProcessingInstruction: target, data;  EndElement, EndDocument: nothing
// A string is two codes: offset into the pool and length.
enum Code : qint64 {
    StartDocument,
    EndDocument,
    StartElement,
    EndElement,
    Characters,
    Comment,
    Dtd,
    EntityReference,
    ProcessingInstruction,
};

// The indent of the first indented line, as QXmlStreamWriter::autoFormattingIndent() would
// give it, or 0 if the start of the file has none.
int detectIndent(QFile &file)
{
    const QByteArray head = file.peek(64 * 1024);
    const qsizetype newline = head.indexOf('\n');
    if (newline < 0 || newline + 1 >= head.size())
        return 0;
    qsizetype at = newline + 1;
    const char unit = head.at(at);
    if (unit != ' ' && unit != '\t') {
        // The root's first child may be the one indented line after the root line.
        const qsizetype next = head.indexOf('\n', at);
        if (next < 0 || next + 1 >= head.size())
            return 0;
        at = next + 1;
    }
    const char indentChar = head.at(at);
    if (indentChar != ' ' && indentChar != '\t')
        return 0;
    int count = 0;
    while (at + count < head.size() && head.at(at + count) == indentChar)
        ++count;
    return indentChar == '\t' ? -count : count;
}

} // namespace

void TokenTape::putString(QStringView text)
{
    m_codes.push_back(m_pool.size());
    m_codes.push_back(text.size());
    m_pool.append(text);
}

void TokenTape::clear()
{
    m_pool = QString();
    m_codes = std::vector<qint64>();
    m_tokens = 0;
    m_indent = 0;
}

bool TokenTape::record(const QString &path, QString *error)
{
    clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    // UTF-16 needs at most two bytes per input byte of markup-free text; markup shrinks it.
    m_pool.reserve(file.size());
    m_indent = detectIndent(file);
    QXmlStreamReader xml(&file);
    // Qualified names and xmlns attributes as written, so the replay needs no namespace work.
    xml.setNamespaceProcessing(false);
    // "<a></a>" and "<a/>" give the same tokens; the reader's offset tells them apart (the
    // end tag of "<a/>" consumes nothing), and an empty text token makes the writer close the
    // start tag, so both come out as they went in.
    qint64 emptyStartOffset = -1;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && emptyStartOffset >= 0
            && xml.characterOffset() != emptyStartOffset) {
            m_codes.push_back(Characters);
            putString(QStringView());
            m_codes.push_back(0);
        }
        emptyStartOffset = type == QXmlStreamReader::StartElement ? xml.characterOffset() : -1;
        switch (type) {
        case QXmlStreamReader::StartDocument:
            m_codes.push_back(StartDocument);
            putString(xml.documentVersion());
            m_codes.push_back(xml.isStandaloneDocument() ? 1 : 0);
            break;
        case QXmlStreamReader::EndDocument:
            m_codes.push_back(EndDocument);
            break;
        case QXmlStreamReader::StartElement: {
            m_codes.push_back(StartElement);
            putString(xml.qualifiedName());
            const QXmlStreamAttributes attributes = xml.attributes();
            m_codes.push_back(attributes.size());
            for (const QXmlStreamAttribute &attribute : attributes) {
                putString(attribute.qualifiedName());
                putString(attribute.value());
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            m_codes.push_back(EndElement);
            break;
        case QXmlStreamReader::Characters:
            // Layout whitespace is the replaying writer's job when auto-formatting.
            if (m_indent != 0 && xml.isWhitespace() && xml.text().contains(u'\n'))
                continue;
            m_codes.push_back(Characters);
            putString(xml.text());
            m_codes.push_back(xml.isCDATA() ? 1 : 0);
            break;
        case QXmlStreamReader::Comment:
            m_codes.push_back(Comment);
            putString(xml.text());
            break;
        case QXmlStreamReader::DTD:
            m_codes.push_back(Dtd);
            putString(xml.text());
            break;
        case QXmlStreamReader::EntityReference:
            m_codes.push_back(EntityReference);
            putString(xml.name());
            break;
        case QXmlStreamReader::ProcessingInstruction:
            m_codes.push_back(ProcessingInstruction);
            putString(xml.processingInstructionTarget());
            putString(xml.processingInstructionData());
            break;
        default:
            continue;
        }
        ++m_tokens;
    }
    if (xml.hasError()) {
        *error
            = u"%1:%2: %3"_s.arg(xml.lineNumber()).arg(xml.columnNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

qint64 TokenTape::replay(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return -1;
    }
    QXmlStreamWriter xml(&file);
    if (m_indent != 0) {
        xml.setAutoFormatting(true);
        xml.setAutoFormattingIndent(m_indent);
    }
    const QChar *pool = m_pool.constData();
    size_t at = 0;
    // QString::fromRawData wraps the pool without copying: the baseline pays for no allocation.
    const auto string = [&]() {
        const qint64 offset = m_codes[at];
        const qint64 length = m_codes[at + 1];
        at += 2;
        return QString::fromRawData(pool + offset, length);
    };
    while (at < m_codes.size()) {
        switch (m_codes[at++]) {
        case StartDocument: {
            const QString version = string();
            if (m_codes[at++] != 0)
                xml.writeStartDocument(version, true);
            else
                xml.writeStartDocument(version);
            break;
        }
        case EndDocument:
            xml.writeEndDocument();
            break;
        case StartElement: {
            xml.writeStartElement(string());
            const qint64 count = m_codes[at++];
            for (qint64 i = 0; i < count; ++i) {
                const QString name = string();
                xml.writeAttribute(name, string());
            }
            break;
        }
        case EndElement:
            xml.writeEndElement();
            break;
        case Characters: {
            const QString text = string();
            if (m_codes[at++] != 0)
                xml.writeCDATA(text);
            else
                xml.writeCharacters(text);
            break;
        }
        case Comment:
            xml.writeComment(string());
            break;
        case Dtd:
            xml.writeDTD(string());
            break;
        case EntityReference:
            xml.writeEntityReference(string());
            break;
        case ProcessingInstruction: {
            const QString target = string();
            xml.writeProcessingInstruction(target, string());
            break;
        }
        default:
            *error = u"corrupt token tape"_s;
            return -1;
        }
    }
    if (xml.hasError() || !file.commit()) {
        *error = file.errorString();
        return -1;
    }
    return QFile(path).size();
}

} // namespace dt::bench
