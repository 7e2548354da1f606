// SPDX-License-Identifier: GPL-3.0-or-later
// Verbatim capture of XML the model does not interpret (AdditionalInformation, foreign elements).
#include "xmlfragmentwriter.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {
// The two namespaces XML itself binds; they are never declared.
constexpr QLatin1StringView XmlNamespace("http://www.w3.org/XML/1998/namespace");
constexpr QLatin1StringView XmlnsNamespace("http://www.w3.org/2000/xmlns/");
} // namespace

XmlFragmentWriter::XmlFragmentWriter()
    : m_writer(&m_text)
{
    m_writer.setAutoFormatting(false);
}

bool XmlFragmentWriter::isInScope(QStringView prefix, QStringView namespaceUri) const
{
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it) {
        if (it->first == prefix)
            return it->second == namespaceUri;
    }
    // Outside any declaration the default namespace is "no namespace".
    return prefix.isEmpty() && namespaceUri.isEmpty();
}

void XmlFragmentWriter::declare(QStringView prefix, QStringView namespaceUri)
{
    if (prefix == "xml"_L1 || prefix == "xmlns"_L1 || namespaceUri == XmlNamespace
        || namespaceUri == XmlnsNamespace || isInScope(prefix, namespaceUri)) {
        return;
    }
    m_scope.emplace_back(prefix.toString(), namespaceUri.toString());
    // Called before writeStartElement(), so the declaration lands on the element about to be
    // written; names are written qualified, the writer only has to emit the xmlns attributes.
    if (prefix.isEmpty())
        m_writer.writeDefaultNamespace(m_scope.back().second);
    else
        m_writer.writeNamespace(m_scope.back().second, m_scope.back().first);
}

void XmlFragmentWriter::startElement(const QXmlStreamReader &xml)
{
    // Close the parent's start tag first: a namespace declared while it is still open would
    // land on the parent instead of this element.
    if (!m_marks.empty())
        m_writer.writeCharacters(QString());
    m_marks.push_back(m_scope.size());
    declare(xml.prefix(), xml.namespaceUri());
    const QXmlStreamAttributes attributes = xml.attributes();
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (!attribute.prefix().isEmpty())
            declare(attribute.prefix(), attribute.namespaceUri());
    }
    // Declarations the element carries but does not use itself (QName values, children).
    const QXmlStreamNamespaceDeclarations declarations = xml.namespaceDeclarations();
    for (const QXmlStreamNamespaceDeclaration &declaration : declarations)
        declare(declaration.prefix(), declaration.namespaceUri());

    m_writer.writeStartElement(xml.qualifiedName().toString());
    for (const QXmlStreamAttribute &attribute : attributes)
        m_writer.writeAttribute(attribute.qualifiedName().toString(), attribute.value().toString());
}

void XmlFragmentWriter::endElement()
{
    if (m_marks.empty())
        return;
    m_writer.writeEndElement();
    m_scope.resize(m_marks.back());
    m_marks.pop_back();
}

void XmlFragmentWriter::characters(const QXmlStreamReader &xml)
{
    if (xml.isCDATA())
        m_writer.writeCDATA(xml.text().toString());
    else
        m_writer.writeCharacters(xml.text().toString());
}

void XmlFragmentWriter::comment(const QXmlStreamReader &xml)
{
    m_writer.writeComment(xml.text().toString());
}

void XmlFragmentWriter::processingInstruction(const QXmlStreamReader &xml)
{
    m_writer.writeProcessingInstruction(
        xml.processingInstructionTarget().toString(), xml.processingInstructionData().toString());
}

QString XmlFragmentWriter::take()
{
    // Close whatever an error left open, so the fragment is at least well-formed.
    while (!m_marks.empty())
        endElement();
    m_text.squeeze();
    return std::move(m_text);
}

} // namespace dt::model
