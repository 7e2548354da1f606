// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "caextags.h"
#include "sourcemap.h"
#include "stringpool.h"
#include "xmlcursor.h"

#include <vector>

namespace dt::model {

/// What reading any CAEX element involves (private to the reader; CaexParser builds on it):
/// the common attributes (Name, ID, ChangeMode), the header group, text content, pooled
/// strings, node positions, and keeping or dropping what the schema does not define.
class CaexElementReader
{
protected:
    enum class ListKind : quint8 { SupportedRoleClass, RoleRequirements, ExternalReference };

    /// positions may be null (positions are not recorded then).
    CaexElementReader(XmlCursor &cursor, SourceMap *positions);

    /// Reads the attributes of the current element. specific(attr, attribute) handles the
    /// element's own attributes and returns true when it took one; then Name and ID go to object,
    /// ChangeMode to basic, and anything else to basic's header verbatim (either may be null).
    template<typename Specific>
    void readAttributes(CaexTag tag, CaexBasicObject *basic, CaexObject *object, bool internName,
        Specific &&specific);
    static bool noSpecificAttributes(CaexAttr, const QXmlStreamAttribute &) { return false; }
    void keepUnknownAttribute(
        CaexTag tag, CaexBasicObject *basic, const QXmlStreamAttribute &attribute);
    ChangeMode readChangeMode(QStringView text);
    void warnMissing(CaexTag tag, QLatin1StringView item, SourcePosition position,
        const QString &elementId = {});

    /// Reads a header group child (Description ... SourceObjectInformation); false for others.
    bool readHeaderChild(CaexBasicObject &object, CaexTag tag);
    void keepUnknownChild(CaexBasicObject &object, CaexTag tag, CaexTag parent);
    void dropUnknownChild(CaexTag parent);
    /// Header children, then anything else verbatim, up to the end tag.
    void readBasicChildren(CaexBasicObject &object, CaexTag parent);
    void readHeaderText(Header &header, std::optional<HeaderText> &slot, CaexTag tag);
    void readRevision(Revision &revision);
    /// Text of a simple element, short ones pooled; child elements (xs:anyType in 2.15) are
    /// flattened with a warning.
    QString readValueText(CaexTag tag);
    QString readTextContent(CaexTag tag, SourcePosition position);
    static QString quoted(QStringView text);

    void record(const void *node, SourcePosition position);
    /// Items of a QList move while the list grows, so their positions wait in m_pending until
    /// the owning element is complete. A mark is m_pending's size when the owner started.
    void addPending(ListKind kind, SourcePosition position);
    qsizetype pendingMark() const { return qsizetype(m_pending.size()); }
    template<typename T> void recordPending(qsizetype mark, ListKind kind, const QList<T> &list);
    void dropPending(qsizetype mark);

    XmlCursor &m_cursor;
    SourceMap *m_positions;
    StringPool m_pool;
    SchemaVersion m_version = SchemaVersion::V3_0;

private:
    struct PendingPosition
    {
        ListKind kind;
        SourcePosition position;
    };
    std::vector<PendingPosition> m_pending;
};

template<typename Specific>
void CaexElementReader::readAttributes(
    CaexTag tag, CaexBasicObject *basic, CaexObject *object, bool internName, Specific &&specific)
{
    bool named = false;
    const QXmlStreamAttributes attributes = m_cursor.xml().attributes();
    for (const QXmlStreamAttribute &attribute : attributes) {
        const CaexAttr attr = caexAttrOf(attribute);
        if (specific(attr, attribute))
            continue;
        if (object && attr == CaexAttr::Name) {
            object->name
                = internName ? m_pool.intern(attribute.value()) : attribute.value().toString();
            named = true;
        } else if (object && attr == CaexAttr::ID) {
            object->id = attribute.value().toString();
        } else if (basic && attr == CaexAttr::ChangeMode) {
            basic->changeMode = readChangeMode(attribute.value());
        } else {
            keepUnknownAttribute(tag, basic, attribute);
        }
    }
    if (object && !named)
        warnMissing(tag, QLatin1StringView("Name"), m_cursor.position(), object->id);
}

template<typename T>
void CaexElementReader::recordPending(qsizetype mark, ListKind kind, const QList<T> &list)
{
    if (!m_positions)
        return;
    qsizetype index = 0;
    for (size_t i = size_t(mark); i < m_pending.size() && index < list.size(); ++i) {
        if (m_pending[i].kind == kind)
            m_positions->record(&list.at(index++), m_pending[i].position);
    }
}

} // namespace dt::model
