// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmloutput.h"

#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::model {

const QString XmlOutput::caexNamespace = u"http://www.dke.de/CAEX"_s;
const QString XmlOutput::xsiNamespace = u"http://www.w3.org/2001/XMLSchema-instance"_s;

namespace {

const QString xmlNamespace = u"http://www.w3.org/XML/1998/namespace"_s;

/// Index of the first character XML 1.0 cannot carry (control characters other than tab, line
/// feed and carriage return, lone surrogates, U+FFFE and U+FFFF), or -1.
qsizetype firstInvalidXmlChar(QStringView text)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x20) {
            if (c != u'\t' && c != u'\n' && c != u'\r')
                return i;
        } else if (c >= 0xd800) {
            if (c < 0xdc00) {
                if (i + 1 < n && QChar::isLowSurrogate(p[i + 1])) {
                    ++i;
                    continue;
                }
                return i;
            }
            if (c < 0xe000 || c >= 0xfffe)
                return i;
        }
    }
    return -1;
}

bool isNameStart(QChar c)
{
    return c == u'_' || c.isLetter();
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || c.isDigit() || c == u'-' || c == u'.' || c.isMark();
}

/// An XML name with at most one colon, neither at the start nor at the end.
bool isQualifiedName(QStringView name)
{
    if (name.isEmpty() || !isNameStart(name.front()))
        return false;
    bool colon = false;
    for (qsizetype i = 1; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u':') {
            if (colon || i + 1 >= name.size() || !isNameStart(name.at(i + 1)))
                return false;
            colon = true;
        } else if (!isNameChar(c)) {
            return false;
        }
    }
    return true;
}

QString codePoint(QStringView text, qsizetype at)
{
    return u"U+"_s + QString::number(text.at(at).unicode(), 16).toUpper().rightJustified(4, u'0');
}

} // namespace

QStringView xmlFragmentLocalName(QStringView xml)
{
    qsizetype i = xml.indexOf(u'<');
    while (i >= 0 && i + 1 < xml.size() && (xml.at(i + 1) == u'?' || xml.at(i + 1) == u'!'))
        i = xml.indexOf(u'<', i + 1); // skip an XML declaration or a comment
    if (i < 0)
        return {};
    qsizetype end = i + 1;
    while (end < xml.size() && !xml.at(end).isSpace() && xml.at(end) != u'/' && xml.at(end) != u'>')
        ++end;
    const QStringView name = xml.mid(i + 1, end - i - 1);
    const qsizetype colon = name.indexOf(u':');
    return colon >= 0 ? name.mid(colon + 1) : name;
}

XmlOutput::XmlOutput(QIODevice *device, bool indent, const QString &targetNamespace)
    : m_xml(device)
    , m_indent(indent)
    , m_targetNamespace(targetNamespace)
{
    m_xml.setAutoFormatting(indent);
    m_xml.setAutoFormattingIndent(2);
}

void XmlOutput::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = message;
}

bool XmlOutput::checkText(QStringView text, QStringView what)
{
    const qsizetype bad = firstInvalidXmlChar(text);
    if (bad < 0)
        return true;
    fail(u"%1 contains the character %2 at position %3, which XML 1.0 cannot represent"_s.arg(
        what, codePoint(text, bad), QString::number(bad)));
    return false;
}

void XmlOutput::namespaceDeclaration(const QString &prefix, const QString &uri)
{
    const QString name = prefix.isEmpty() ? u"xmlns"_s : u"xmlns:"_s + prefix;
    m_xml.writeAttribute(name, uri);
    m_tagAttributes.append(name);
    m_tagDeclarations.append({ prefix, uri });
}

void XmlOutput::writeText(const QString &text)
{
    // A parser normalizes a literal carriage return to a line feed; a character reference
    // survives. QXmlStreamWriter writes it literally, so split around it.
    qsizetype cr = text.indexOf(u'\r');
    if (cr < 0) {
        m_xml.writeCharacters(text);
        return;
    }
    qsizetype from = 0;
    while (cr >= 0) {
        if (cr > from)
            m_xml.writeCharacters(text.mid(from, cr - from));
        m_xml.writeEntityReference(u"#13"_s);
        from = cr + 1;
        cr = text.indexOf(u'\r', from);
    }
    if (from < text.size())
        m_xml.writeCharacters(text.mid(from));
}

void XmlOutput::textElement(const QString &name, const QString &text)
{
    if (!checkText(text, name))
        return;
    m_xml.writeStartElement(name);
    writeText(text);
    m_xml.writeEndElement();
}

void XmlOutput::unknownAttributes(const QList<XmlAttribute> &attributes, bool isRoot)
{
    for (const XmlAttribute &a : attributes) {
        const QString &name = a.qualifiedName;
        if (name == u"xmlns" || name.startsWith(u"xmlns:"))
            continue; // namespace declarations are the writer's business
        if (isRoot && a.namespaceUri == xsiNamespace) {
            const QStringView local = QStringView(name).mid(name.indexOf(u':') + 1);
            if (local == u"schemaLocation" || local == u"noNamespaceSchemaLocation")
                continue;
        }
        if (!isQualifiedName(name))
            return fail(u"unknown attribute \"%1\" is not a valid XML name"_s.arg(name));
        if (m_tagAttributes.contains(name))
            return fail(
                u"unknown attribute \"%1\" duplicates an attribute of the element"_s.arg(name));
        const qsizetype colon = name.indexOf(u':');
        if (colon > 0) {
            const QString prefix = name.left(colon);
            if (prefix != u"xml") {
                if (a.namespaceUri.isEmpty())
                    return fail(
                        u"unknown attribute \"%1\" has a prefix but no namespace"_s.arg(name));
                const auto declared = std::find_if(m_tagDeclarations.cbegin(),
                    m_tagDeclarations.cend(), [&](const auto &d) { return d.first == prefix; });
                if (declared != m_tagDeclarations.cend()) {
                    if (declared->second != a.namespaceUri)
                        return fail(
                            u"unknown attribute \"%1\" needs prefix %2 for another namespace"_s.arg(
                                name, prefix));
                } else if (prefix != m_xsiPrefix || a.namespaceUri != xsiNamespace) {
                    // The XSI prefix is declared on the root; anything else is declared here.
                    if (!checkText(a.namespaceUri, name))
                        return;
                    namespaceDeclaration(prefix, a.namespaceUri);
                }
            }
        }
        attribute(name, a.value);
        if (m_failed)
            return;
    }
}

QString XmlOutput::lookupPrefix(QStringView prefix) const
{
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it)
        if (it->first == prefix)
            return it->second;
    return QString();
}

void XmlOutput::fragment(const XmlFragment &fragment, QStringView requiredName)
{
    if (m_failed)
        return;
    QXmlStreamReader reader(fragment.xml);
    // The scope a fragment starts in: the document's default namespace, XSI on the root, xml.
    m_scope.clear();
    m_scope.emplace_back(QString(), m_targetNamespace);
    m_scope.emplace_back(m_xsiPrefix, xsiNamespace);
    m_scope.emplace_back(u"xml"_s, xmlNamespace);
    const bool ok = replay(reader, requiredName);
    m_xml.setAutoFormatting(m_indent);
    if (!ok && !m_failed) {
        const QString what = reader.hasError()
            ? u"line %1, column %2: %3"_s.arg(reader.lineNumber())
                  .arg(reader.columnNumber())
                  .arg(reader.errorString())
            : u"not a single element"_s;
        fail(u"verbatim XML fragment is not well-formed (%1)"_s.arg(what));
    }
}

bool XmlOutput::replay(QXmlStreamReader &reader, QStringView requiredName)
{
    int depth = 0;
    bool seenRoot = false;
    std::vector<size_t> scopeSizes;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (depth == 0) {
                if (seenRoot)
                    return false;
                if (!requiredName.isEmpty() && reader.name() != requiredName) {
                    fail(u"verbatim fragment is a <%1> element where <%2> belongs"_s.arg(
                        reader.name(), requiredName));
                    return false;
                }
                seenRoot = true;
            }
            scopeSizes.push_back(m_scope.size());
            // The fragment's own declarations, with the CAEX namespace moved to the target one.
            QList<std::pair<QString, QString>> declarations;
            for (const QXmlStreamNamespaceDeclaration &d : reader.namespaceDeclarations()) {
                const QString original = d.namespaceUri().toString();
                const QString uri = isCaexNamespace(original) ? m_targetNamespace : original;
                const QString prefix = d.prefix().toString();
                if (!prefix.isEmpty() && uri.isEmpty())
                    continue; // XML 1.0 cannot undeclare a prefix; its elements lose it below
                if (uri != original && lookupPrefix(prefix) == uri)
                    continue; // moved to the target namespace, where it is already in scope
                declarations.append({ prefix, uri });
                m_scope.emplace_back(prefix, uri);
            }
            const auto declare = [&](const QString &prefix, const QString &uri) {
                for (const auto &d : std::as_const(declarations))
                    if (d.first == prefix)
                        return d.second == uri;
                declarations.append({ prefix, uri });
                m_scope.emplace_back(prefix, uri);
                return true;
            };

            QString uri = reader.namespaceUri().toString();
            QString prefix = reader.prefix().toString();
            if (isCaexNamespace(uri)) {
                uri = m_targetNamespace;
                if (uri.isEmpty())
                    prefix.clear();
            }
            if (depth == 0 && prefix.isEmpty() && !uri.isEmpty()
                && std::none_of(declarations.cbegin(), declarations.cend(),
                    [](const auto &d) { return d.first.isEmpty(); })) {
                // The reader captures a fragment standalone, its root declaring the default
                // namespace it is in; declaring it here too (even though in scope) makes a
                // no-namespace fragment moved into the CAEX namespace read back as written.
                declarations.prepend({ QString(), uri });
                m_scope.emplace_back(QString(), uri);
            }
            if (lookupPrefix(prefix) != uri && !declare(prefix, uri)) {
                fail(u"verbatim fragment element <%1> cannot be put in namespace \"%2\""_s.arg(
                    reader.qualifiedName(), uri));
                return false;
            }
            const QString local = reader.name().toString();
            m_xml.writeStartElement(prefix.isEmpty() ? local : prefix + u':' + local);
            if (depth == 0)
                m_xml.setAutoFormatting(false); // the fragment's own whitespace is content
            ++depth;

            const QXmlStreamAttributes attributes = reader.attributes();
            for (const QXmlStreamAttribute &a : attributes) {
                const QStringView attrPrefix = a.prefix();
                if (!attrPrefix.isEmpty() && attrPrefix != u"xml") {
                    const QString p = attrPrefix.toString();
                    const QString u = a.namespaceUri().toString();
                    if (lookupPrefix(p) != u && !declare(p, u)) {
                        fail(u"verbatim fragment attribute %1 conflicts with a namespace"_s.arg(
                            a.qualifiedName()));
                        return false;
                    }
                }
            }
            for (const auto &d : std::as_const(declarations))
                m_xml.writeAttribute(
                    d.first.isEmpty() ? u"xmlns"_s : u"xmlns:"_s + d.first, d.second);
            for (const QXmlStreamAttribute &a : attributes)
                m_xml.writeAttribute(a.qualifiedName().toString(), a.value().toString());
            break;
        }
        case QXmlStreamReader::EndElement:
            m_xml.writeEndElement();
            m_scope.resize(scopeSizes.back());
            scopeSizes.pop_back();
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (depth == 0) {
                if (!reader.isWhitespace())
                    return false;
                break; // whitespace around the element is not part of it
            }
            if (reader.isCDATA())
                m_xml.writeCDATA(reader.text().toString());
            else
                writeText(reader.text().toString());
            break;
        case QXmlStreamReader::Comment:
            if (depth > 0)
                m_xml.writeComment(reader.text().toString());
            break;
        case QXmlStreamReader::ProcessingInstruction:
            if (depth > 0)
                m_xml.writeProcessingInstruction(reader.processingInstructionTarget().toString(),
                    reader.processingInstructionData().toString());
            break;
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            fail(u"verbatim XML fragment may not contain a DTD or entity references"_s);
            return false;
        case QXmlStreamReader::Invalid:
            return false;
        default:
            break;
        }
    }
    return !reader.hasError() && seenRoot && depth == 0;
}

} // namespace dt::model
