// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexbasicobject.h"

#include <QVarLengthArray>
#include <QXmlStreamWriter>

#include <utility>
#include <vector>

class QIODevice;

namespace dt::model {

/// The local name of a verbatim fragment's element, found without parsing the fragment.
QStringView xmlFragmentLocalName(QStringView xml);

/// The XML side of the CAEX writer: a QXmlStreamWriter that refuses to produce a document the
/// reader could not read back. Text and attribute values are checked for characters XML 1.0
/// cannot carry, carriage returns in text are written as character references (a parser would
/// otherwise turn them into line feeds), unknown attributes get the namespace declarations
/// they need, and verbatim fragments are parsed and replayed token by token (QXmlStreamWriter
/// cannot insert raw XML). The first problem stops the output; error() says what it was.
class XmlOutput
{
public:
    /// targetNamespace: the namespace CAEX elements are in (empty for CAEX 2.15).
    XmlOutput(QIODevice *device, bool indent, const QString &targetNamespace);

    void startDocument() { m_xml.writeStartDocument(); }
    void endDocument() { m_xml.writeEndDocument(); }

    void startElement(const QString &name)
    {
        m_xml.writeStartElement(name);
        m_tagAttributes.clear();
        m_tagDeclarations.clear();
    }
    void endElement() { m_xml.writeEndElement(); }

    /// Writes an attribute of the current start tag; value is checked.
    void attribute(const QString &name, const QString &value)
    {
        if (!checkText(value, name))
            return;
        m_xml.writeAttribute(name, value);
        m_tagAttributes.append(name);
    }
    /// A namespace declaration (xmlns or xmlns:p) written by the document itself.
    void namespaceDeclaration(const QString &prefix, const QString &uri);

    /// <name>text</name>, text checked (carriage returns kept as &#13;).
    void textElement(const QString &name, const QString &text);
    /// Text content of the current element, checked like textElement.
    void characters(const QString &text)
    {
        if (checkText(text, u"text"))
            writeText(text);
    }

    /// The prefix the root binds to the XSI namespace ("xsi" unless the root's unknown
    /// attributes use that prefix for another namespace). Set before the root is written.
    void setXsiPrefix(const QString &prefix) { m_xsiPrefix = prefix; }

    /// Attributes the model does not interpret. The root's schema-location attributes in the
    /// XSI namespace are skipped there (the writer owns them); same-named attributes in other
    /// namespaces are ordinary unknown attributes.
    void unknownAttributes(const QList<XmlAttribute> &attributes, bool isRoot);

    /// Replays one verbatim element. CAEX-namespace and unqualified elements are moved into the
    /// target namespace (so 2.15 payloads land in the 3.0 namespace and back); other namespaces
    /// and all prefixes and declarations are kept. requiredName: the local name the fragment's
    /// element must have, or empty for any.
    void fragment(const XmlFragment &fragment, QStringView requiredName);

    /// Stops the output with a message; the first message wins.
    void fail(const QString &message);
    bool failed() const { return m_failed; }
    /// The failure message, prefixed with where it happened when known.
    QString error() const
    {
        return m_context.isEmpty() ? m_error : m_context + QStringLiteral(": ") + m_error;
    }
    /// Says where the failure happened ("InternalElement \"Plant/Tank1\""); the first wins.
    void annotate(const QString &where)
    {
        if (m_context.isEmpty())
            m_context = where;
    }
    bool hasWriteError() const { return m_xml.hasError(); }

    static const QString caexNamespace;
    static const QString xsiNamespace;

private:
    bool checkText(QStringView text, QStringView what);
    void writeText(const QString &text);
    bool replay(QXmlStreamReader &reader, QStringView requiredName);
    QString lookupPrefix(QStringView prefix) const;
    bool isCaexNamespace(QStringView uri) const { return uri.isEmpty() || uri == caexNamespace; }

    QXmlStreamWriter m_xml;
    bool m_indent;
    QString m_targetNamespace;
    QString m_xsiPrefix = QStringLiteral("xsi");
    bool m_failed = false;
    QString m_error;
    QString m_context;
    /// Names of the attributes of the current start tag, to refuse duplicates.
    QVarLengthArray<QString, 16> m_tagAttributes;
    /// Namespace declarations (prefix, uri) of the current start tag.
    QVarLengthArray<std::pair<QString, QString>, 4> m_tagDeclarations;
    /// In-scope namespace bindings (prefix, uri) while a fragment is replayed, innermost last.
    std::vector<std::pair<QString, QString>> m_scope;
};

} // namespace dt::model
