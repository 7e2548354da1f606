// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nodelist.h"

#include <QList>
#include <QString>

#include <optional>

namespace dt::model {

/// CAEX ChangeMode attribute; State is the schema default and is not written.
enum class ChangeMode : quint8 { State, Create, Delete, Change };

QString changeModeName(ChangeMode mode);
/// Parses a ChangeMode value; std::nullopt for an unknown word.
std::optional<ChangeMode> parseChangeMode(QStringView text);

/// An XML attribute the model does not interpret, kept to be written back (e.g. xsi:*).
struct XmlAttribute
{
    QString qualifiedName;
    QString namespaceUri;
    QString value;
};

/// One whole XML element the model does not interpret, serialized verbatim (with the namespace
/// declarations it needs), e.g. an AdditionalInformation payload or a foreign element.
struct XmlFragment
{
    QString xml;
};

/// Description, Version and Copyright: text with its own ChangeMode.
struct HeaderText
{
    QString text;
    ChangeMode changeMode = ChangeMode::State;
};

/// CAEX Revision entry of the header group.
struct Revision
{
    QString revisionDate;
    std::optional<QString> oldVersion;
    std::optional<QString> newVersion;
    QString authorName;
    std::optional<QString> comment;
    ChangeMode changeMode = ChangeMode::State;
};

/// The CAEX header group plus whatever the schema does not know about the element. Held behind
/// a pointer because most instance elements have none of it.
struct Header
{
    std::optional<HeaderText> description;
    std::optional<HeaderText> version;
    QList<Revision> revisions;
    std::optional<HeaderText> copyright;
    /// Each entry is a whole <AdditionalInformation> element, verbatim.
    QList<XmlFragment> additionalInformation;
    /// Attributes outside the schema, in document order.
    QList<XmlAttribute> unknownAttributes;
    /// Child elements outside the schema, in document order; written after the known children.
    QList<XmlFragment> unknownElements;

    bool isEmpty() const
    {
        return !description && !version && revisions.isEmpty() && !copyright
            && additionalInformation.isEmpty() && unknownAttributes.isEmpty()
            && unknownElements.isEmpty();
    }
};

/// CAEXBasicObject: the header group and ChangeMode shared by every CAEX element.
struct CaexBasicObject
{
    ValuePtr<Header> header;
    ChangeMode changeMode = ChangeMode::State;

    /// The Description text, or an empty string.
    QString description() const
    {
        return header && header->description ? header->description->text : QString();
    }
    void setDescription(const QString &text) { header.ensure().description = HeaderText{text, ChangeMode::State}; }
};

/// CAEXObject: a basic object with a Name and an optional ID.
struct CaexObject : CaexBasicObject
{
    QString id;
    QString name;
};

} // namespace dt::model
