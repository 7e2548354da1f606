// SPDX-License-Identifier: GPL-3.0-or-later
// Element-by-element navigation over QXmlStreamReader with limits and diagnostics.
#include "xmlcursor.h"

#include "xmlfragmentwriter.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

/// Error texts may quote the offending character, which can be a control character (NUL);
/// spell those out so the message stays printable.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != u'\t') || (c.unicode() >= 0x7F && c.unicode() <= 0x9F))
            out += u"U+"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0').toUpper();
        else
            out += c;
    }
    return out;
}

/// The position after walking over text from a start position (columns are 1-based).
SourcePosition advance(SourcePosition position, QStringView text)
{
    for (const QChar c : text) {
        if (c == u'\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

bool isNameStartChar(char32_t c)
{
    return c == u':' || (c >= u'A' && c <= u'Z') || c == u'_' || (c >= u'a' && c <= u'z')
        || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
        || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
        || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF)
        || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF)
        || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool isNameChar(char32_t c)
{
    return isNameStartChar(c) || c == u'-' || c == u'.' || (c >= u'0' && c <= u'9') || c == 0xB7
        || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

/// The Name production of XML 1.0 (fifth edition).
bool isXmlName(QStringView name)
{
    if (name.isEmpty())
        return false;
    qsizetype i = 0;
    while (i < name.size()) {
        const bool first = i == 0;
        char32_t c = name[i++].unicode();
        if (QChar::isHighSurrogate(c) && i < name.size() && name[i].isLowSurrogate())
            c = QChar::surrogateToUcs4(char16_t(c), name[i++].unicode());
        if (!(first ? isNameStartChar(c) : isNameChar(c)))
            return false;
    }
    return true;
}

bool isBefore(SourcePosition a, SourcePosition b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

} // namespace

XmlCursor::XmlCursor(
    QXmlStreamReader &xml, const QString &fileName, int maxDepth, Diagnostics &warnings)
    : m_xml(xml)
    , m_fileName(fileName)
    , m_warnings(warnings)
    , m_maxDepth(maxDepth)
{
}

QXmlStreamReader::TokenType XmlCursor::next()
{
    // Tokens are contiguous (whitespace inside elements is a token too), so the end of one is
    // the start of the next: this is how start tags get their start position. After plain text
    // the reader has already consumed the '<' that ended it, which is where the next token starts.
    m_tokenStart = { m_xml.lineNumber(), m_xml.columnNumber() + (m_afterText ? 0 : 1) };
    const QXmlStreamReader::TokenType type = m_xml.readNext();
    m_afterText = type == QXmlStreamReader::Characters && !m_xml.isCDATA();
    return type;
}

bool XmlCursor::enterChild()
{
    if (++m_depth > m_maxDepth) {
        fail(u"elements are nested deeper than %1 levels"_s.arg(m_maxDepth), position());
        return false;
    }
    return checkNamespacePrefixes();
}

bool XmlCursor::checkNamespacePrefixes()
{
    // Almost always empty, so this costs next to nothing per element.
    const QXmlStreamNamespaceDeclarations declarations = m_xml.namespaceDeclarations();
    for (const QXmlStreamNamespaceDeclaration &declaration : declarations) {
        if (!declaration.prefix().isEmpty() && !isXmlName(declaration.prefix())) {
            fail(u"Invalid XML name in a namespace prefix: '%1'"_s.arg(
                     printable(declaration.prefix().toString())),
                position());
            return false;
        }
    }
    return true;
}

bool XmlCursor::checkAttributeName(QStringView qualifiedName)
{
    if (isXmlName(qualifiedName))
        return true;
    fail(u"Invalid XML name in an attribute name: '%1'"_s.arg(printable(qualifiedName.toString())),
        position());
    return false;
}

bool XmlCursor::checkAttributeNames()
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (!checkAttributeName(attribute.qualifiedName()))
            return false;
    }
    return true;
}

void XmlCursor::checkDtd()
{
    const QStringView dtd = m_xml.text();
    // Skip the whitespace the token includes, to point at "<!DOCTYPE" itself.
    qsizetype start = 0;
    while (start < dtd.size() && dtd[start].isSpace())
        ++start;
    const SourcePosition where = advance(position(), dtd.left(start));
    // Entities are how XML bombs and external file reads work: refuse them outright.
    if (!m_xml.entityDeclarations().isEmpty() || dtd.contains(u"<!ENTITY")) {
        fail(u"DTD declares entities; entity declarations are not allowed in CAEX files"_s, where);
    } else if (!m_xml.dtdSystemId().isEmpty() || !m_xml.dtdPublicId().isEmpty()) {
        fail(u"DTD refers to an external subset; external DTDs are not allowed in CAEX files"_s,
            where);
    } else {
        warn(u"DTD ignored"_s, where);
    }
}

bool XmlCursor::readRoot()
{
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            m_tokenStart = { m_xml.lineNumber(), m_xml.columnNumber() + 1 };
            m_depth = 0;
            return enterChild();
        case QXmlStreamReader::DTD:
            checkDtd();
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;
        }
        if (failed())
            return false;
    }
}

bool XmlCursor::nextChild()
{
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            return enterChild();
        case QXmlStreamReader::EndElement:
            --m_depth;
            return false;
        case QXmlStreamReader::Characters:
            if (!m_xml.isWhitespace())
                warn(u"text content outside a text element ignored"_s, position());
            break;
        case QXmlStreamReader::EntityReference:
            fail(u"unresolved entity reference '&%1;'"_s.arg(m_xml.name()), position());
            return false;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break; // comments and processing instructions carry no model data
        }
    }
}

QString XmlCursor::readText(bool *hadChildElements, StringPool *pool)
{
    QString text;
    bool appended = false;
    int nested = 0;
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::Characters:
            // The first piece is copied at its exact size (or shared from the pool); later
            // pieces (entities, CDATA sections) append, and the result is squeezed below.
            if (text.isEmpty()) {
                const QStringView piece = m_xml.text();
                text = pool && StringPool::isWorthPoolingText(piece) ? pool->intern(piece)
                                                                     : piece.toString();
            } else {
                text += m_xml.text();
                appended = true;
            }
            break;
        case QXmlStreamReader::StartElement:
            *hadChildElements = true;
            if (!enterChild() || !checkAttributeNames())
                return text;
            ++nested;
            break;
        case QXmlStreamReader::EndElement:
            --m_depth;
            if (nested-- == 0) {
                if (appended)
                    text.squeeze();
                // Present but empty is not the same as absent: never return a null string.
                return text.isNull() ? u""_s : text;
            }
            break;
        case QXmlStreamReader::EntityReference:
            fail(u"unresolved entity reference '&%1;'"_s.arg(m_xml.name()), position());
            return text;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return text;
        default:
            break;
        }
    }
}

XmlFragment XmlCursor::capture()
{
    XmlFragmentWriter writer;
    if (!checkAttributeNames())
        return { writer.take() };
    writer.startElement(m_xml);
    int nested = 0;
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            if (!enterChild() || !checkAttributeNames())
                return { writer.take() };
            writer.startElement(m_xml);
            ++nested;
            break;
        case QXmlStreamReader::EndElement:
            --m_depth;
            writer.endElement();
            if (nested-- == 0)
                return { writer.take() };
            break;
        case QXmlStreamReader::Characters:
            writer.characters(m_xml);
            break;
        case QXmlStreamReader::Comment:
            writer.comment(m_xml);
            break;
        case QXmlStreamReader::ProcessingInstruction:
            writer.processingInstruction(m_xml);
            break;
        case QXmlStreamReader::EntityReference:
            fail(u"unresolved entity reference '&%1;'"_s.arg(m_xml.name()), position());
            return { writer.take() };
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return { writer.take() };
        default:
            break;
        }
    }
}

void XmlCursor::skip()
{
    int nested = 0;
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            if (!enterChild() || !checkAttributeNames())
                return;
            ++nested;
            break;
        case QXmlStreamReader::EndElement:
            --m_depth;
            if (nested-- == 0)
                return;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return;
        default:
            break;
        }
    }
}

void XmlCursor::finish()
{
    // The reader itself reports a second root or text after the root; reading on finds it.
    while (!m_xml.atEnd()) {
        if (next() == QXmlStreamReader::DTD)
            fail(u"DTD after the root element"_s, position());
    }
}

void XmlCursor::warn(const QString &message, SourcePosition position, const QString &elementId)
{
    if (m_warnings.size() >= MaxWarnings) {
        ++m_droppedWarnings;
        return;
    }
    Diagnostic diagnostic;
    diagnostic.severity = Severity::Warning;
    diagnostic.message = message;
    diagnostic.file = m_fileName;
    diagnostic.position = position;
    diagnostic.elementId = elementId;
    m_warnings.append(std::move(diagnostic));
}

void XmlCursor::flushWarningSummary()
{
    if (m_droppedWarnings == 0)
        return;
    Diagnostic diagnostic;
    diagnostic.severity = Severity::Warning;
    diagnostic.message = u"%1 more warnings not shown"_s.arg(m_droppedWarnings);
    diagnostic.file = m_fileName;
    m_warnings.append(std::move(diagnostic));
    m_droppedWarnings = 0;
}

void XmlCursor::fail(const QString &message, SourcePosition position)
{
    if (m_xml.hasError())
        return; // the first error is the one worth reporting
    m_customError = true;
    m_errorPosition = position;
    m_xml.raiseError(message);
}

Diagnostic XmlCursor::error() const
{
    Diagnostic diagnostic;
    diagnostic.severity = Severity::Error;
    diagnostic.file = m_fileName;
    diagnostic.message = printable(m_xml.errorString());
    // The reader quotes a character it does not accept, but leaves control characters out.
    if (diagnostic.message
        == QCoreApplication::translate("QXmlStream", "Unexpected '%1'.").arg(QString())) {
        diagnostic.message = u"Unexpected character (a control character not allowed in XML)."_s;
    }
    if (m_customError) {
        diagnostic.position = m_errorPosition;
    } else if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
        // Just past the last character read; the reader sometimes rewinds to the start of the
        // unfinished line, then the end of the last complete token is the better answer.
        diagnostic.position = { m_xml.lineNumber(), m_xml.columnNumber() + 1 };
        if (isBefore(diagnostic.position, position()))
            diagnostic.position = position();
    } else {
        // The reader stops on the last character it read: the one it could not accept.
        diagnostic.position = { m_xml.lineNumber(), std::max<qint64>(m_xml.columnNumber(), 1) };
    }
    return diagnostic;
}

} // namespace dt::model
