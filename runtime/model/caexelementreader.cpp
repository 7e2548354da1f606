// SPDX-License-Identifier: GPL-3.0-or-later
// What reading any CAEX element involves: attributes, the header group, text, leftovers.
#include "caexelementreader.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace dt::model {

CaexElementReader::CaexElementReader(XmlCursor &cursor, SourceMap *positions)
    : m_cursor(cursor)
    , m_positions(positions)
{
}

QString CaexElementReader::quoted(QStringView text)
{
    return u"'%1'"_s.arg(text);
}

// ---- bookkeeping ----------------------------------------------------------------------------

void CaexElementReader::record(const void *node, SourcePosition position)
{
    if (m_positions)
        m_positions->record(node, position);
}

void CaexElementReader::addPending(ListKind kind, SourcePosition position)
{
    if (m_positions)
        m_pending.push_back({ kind, position });
}

void CaexElementReader::dropPending(qsizetype mark)
{
    if (m_positions)
        m_pending.resize(size_t(mark));
}

// ---- attributes -----------------------------------------------------------------------------

void CaexElementReader::keepUnknownAttribute(
    CaexTag tag, CaexBasicObject *basic, const QXmlStreamAttribute &attribute)
{
    if (!m_cursor.checkAttributeName(attribute.qualifiedName()))
        return;
    const QString name = attribute.qualifiedName().toString();
    if (!basic) {
        m_cursor.warn(u"attribute %1 on <%2> has no place in the model and was dropped"_s.arg(
                          quoted(name), caexTagName(tag)),
            m_cursor.position());
        return;
    }
    // Attributes in a namespace of their own are deliberate extensions; a plain unknown name
    // is more likely a typo of a CAEX attribute, which deserves a word.
    if (attribute.namespaceUri().isEmpty()) {
        m_cursor.warn(
            u"unknown attribute %1 on <%2> kept verbatim"_s.arg(quoted(name), caexTagName(tag)),
            m_cursor.position());
    }
    basic->header.ensure().unknownAttributes.append(
        XmlAttribute { name, attribute.namespaceUri().toString(), attribute.value().toString() });
}

ChangeMode CaexElementReader::readChangeMode(QStringView text)
{
    if (const std::optional<ChangeMode> mode = parseChangeMode(text))
        return *mode;
    m_cursor.warn(
        u"unknown ChangeMode %1, read as 'state'"_s.arg(quoted(text)), m_cursor.position());
    return ChangeMode::State;
}

void CaexElementReader::warnMissing(
    CaexTag tag, QLatin1StringView item, SourcePosition position, const QString &elementId)
{
    m_cursor.warn(u"<%1> has no %2"_s.arg(caexTagName(tag), item), position, elementId);
}

// ---- header group, text and unknown children ------------------------------------------------

bool CaexElementReader::readHeaderChild(CaexBasicObject &object, CaexTag tag)
{
    switch (tag) {
    case CaexTag::Description: {
        Header &header = object.header.ensure();
        readHeaderText(header, header.description, tag);
        return true;
    }
    case CaexTag::Version: {
        Header &header = object.header.ensure();
        readHeaderText(header, header.version, tag);
        return true;
    }
    case CaexTag::Copyright: {
        Header &header = object.header.ensure();
        readHeaderText(header, header.copyright, tag);
        return true;
    }
    case CaexTag::Revision:
        readRevision(object.header.ensure().revisions.emplaceBack());
        return true;
    case CaexTag::AdditionalInformation:
        object.header.ensure().additionalInformation.append(m_cursor.capture());
        return true;
    case CaexTag::SourceObjectInformation:
        // CAEX 3.0 header item the model has no field for: kept whole, like a foreign element.
        object.header.ensure().unknownElements.append(m_cursor.capture());
        return true;
    default:
        return false;
    }
}

void CaexElementReader::keepUnknownChild(CaexBasicObject &object, CaexTag tag, CaexTag parent)
{
    const QXmlStreamReader &xml = m_cursor.xml();
    // Elements of another namespace are extensions; warn about CAEX-looking ones only.
    const QStringView ns = xml.namespaceUri();
    if (tag != CaexTag::Unknown) {
        m_cursor.warn(u"<%1> is not expected in <%2>; kept verbatim"_s.arg(
                          xml.qualifiedName(), caexTagName(parent)),
            m_cursor.position());
    } else if (ns.isEmpty() || ns == CaexNamespace) {
        m_cursor.warn(u"unknown element <%1> in <%2> kept verbatim"_s.arg(
                          xml.qualifiedName(), caexTagName(parent)),
            m_cursor.position());
    }
    object.header.ensure().unknownElements.append(m_cursor.capture());
}

void CaexElementReader::dropUnknownChild(CaexTag parent)
{
    if (!m_cursor.checkAttributeNames())
        return;
    m_cursor.warn(u"element <%1> in <%2> is not part of CAEX and was dropped"_s.arg(
                      m_cursor.xml().qualifiedName().toString(), caexTagName(parent)),
        m_cursor.position());
    m_cursor.skip();
}

void CaexElementReader::readBasicChildren(CaexBasicObject &object, CaexTag parent)
{
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (!readHeaderChild(object, tag))
            keepUnknownChild(object, tag, parent);
    }
}

void CaexElementReader::readHeaderText(Header &header, std::optional<HeaderText> &slot, CaexTag tag)
{
    const SourcePosition position = m_cursor.position();
    if (slot) {
        m_cursor.warn(u"second <%1>; kept verbatim"_s.arg(caexTagName(tag)), position);
        header.unknownElements.append(m_cursor.capture());
        return;
    }
    HeaderText text;
    readAttributes(
        tag, nullptr, nullptr, false, [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::ChangeMode)
                return false;
            text.changeMode = readChangeMode(attribute.value());
            return true;
        });
    text.text = readTextContent(tag, position);
    slot = std::move(text);
}

void CaexElementReader::readRevision(Revision &revision)
{
    const SourcePosition position = m_cursor.position();
    readAttributes(CaexTag::Revision, nullptr, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::ChangeMode)
                return false;
            revision.changeMode = readChangeMode(attribute.value());
            return true;
        });
    bool hasDate = false;
    bool hasAuthor = false;
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        switch (tag) {
        case CaexTag::RevisionDate:
            revision.revisionDate = readValueText(tag);
            hasDate = true;
            break;
        case CaexTag::OldVersion:
            revision.oldVersion = readValueText(tag);
            break;
        case CaexTag::NewVersion:
            revision.newVersion = readValueText(tag);
            break;
        case CaexTag::AuthorName:
            revision.authorName = readValueText(tag);
            hasAuthor = true;
            break;
        case CaexTag::Comment:
            revision.comment = readValueText(tag);
            break;
        default:
            dropUnknownChild(CaexTag::Revision);
            break;
        }
    }
    if (!hasDate)
        warnMissing(CaexTag::Revision, "RevisionDate"_L1, position);
    if (!hasAuthor)
        warnMissing(CaexTag::Revision, "AuthorName"_L1, position);
}

QString CaexElementReader::readValueText(CaexTag tag)
{
    const SourcePosition position = m_cursor.position();
    readAttributes(tag, nullptr, nullptr, false, noSpecificAttributes);
    return readTextContent(tag, position);
}

QString CaexElementReader::readTextContent(CaexTag tag, SourcePosition position)
{
    bool hadChildElements = false;
    QString text = m_cursor.readText(&hadChildElements, &m_pool);
    if (hadChildElements) {
        // xs:anyType in CAEX 2.15: structured values exist in the wild; the model holds text.
        m_cursor.warn(
            u"<%1> contains child elements; only their text is kept"_s.arg(caexTagName(tag)),
            position);
    }
    return text;
}

} // namespace dt::model
