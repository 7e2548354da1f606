// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentinfoconversion.h"

#include "conversion.h"
#include "conversionreport.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace dt::model::documentinfo {

namespace {

/// The WriterHeader element names in the order AutomationML 2.0 gives them, with the
/// SourceDocumentInformation field each one becomes.
struct WriterField
{
    QLatin1StringView element;
    QString SourceDocumentInformation::*field;
};
const WriterField writerFields[] = {
    { "WriterName"_L1, &SourceDocumentInformation::originName },
    { "WriterID"_L1, &SourceDocumentInformation::originId },
    { "WriterVendor"_L1, &SourceDocumentInformation::originVendor },
    { "WriterVendorURL"_L1, &SourceDocumentInformation::originVendorUrl },
    { "WriterVersion"_L1, &SourceDocumentInformation::originVersion },
    { "WriterRelease"_L1, &SourceDocumentInformation::originRelease },
    { "LastWritingDateTime"_L1, &SourceDocumentInformation::lastWritingDateTime },
    { "WriterProjectTitle"_L1, &SourceDocumentInformation::originProjectTitle },
    { "WriterProjectID"_L1, &SourceDocumentInformation::originProjectId },
};

const QString amlVersionAttribute = u"AutomationMLVersion"_s;

/// What a root AdditionalInformation fragment held that the conversion takes out of it.
struct Consumed
{
    QList<SourceDocumentInformation> writerHeaders;
    std::optional<QString> amlVersion;
    QStringList unknownWriterFields;
    /// The fragment without the consumed parts, or empty when nothing else was in it.
    QString remainder;
    bool any() const { return !writerHeaders.isEmpty() || amlVersion; }
};

SourceDocumentInformation readWriterHeader(QXmlStreamReader &xml, QStringList *unknown)
{
    SourceDocumentInformation info;
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString(); // the view would not survive the read
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        bool known = false;
        for (const WriterField &f : writerFields) {
            if (name == f.element) {
                info.*f.field = text;
                known = true;
                break;
            }
        }
        if (!known)
            unknown->append(name);
    }
    return info;
}

/// Reads one root AdditionalInformation fragment, copying everything but the WriterHeaders
/// and the AutomationMLVersion attribute into Consumed::remainder.
Consumed consume(const QString &fragment)
{
    Consumed result;
    QString rest;
    QXmlStreamWriter out(&rest);
    bool significant = false; // anything besides what is consumed and whitespace
    int depth = 0;
    QXmlStreamReader xml(fragment);
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (depth == 0 && xml.name() != u"AdditionalInformation")
                return {}; // not ours to touch
            if (depth == 1 && xml.name() == u"WriterHeader") {
                result.writerHeaders.append(readWriterHeader(xml, &result.unknownWriterFields));
                break; // positioned on its end tag: depth unchanged
            }
            if (depth > 0)
                significant = true;
            out.writeStartElement(xml.qualifiedName().toString());
            for (const QXmlStreamNamespaceDeclaration &d : xml.namespaceDeclarations()) {
                out.writeAttribute(
                    d.prefix().isEmpty() ? u"xmlns"_s : u"xmlns:"_s + d.prefix().toString(),
                    d.namespaceUri().toString());
            }
            for (const QXmlStreamAttribute &a : xml.attributes()) {
                if (depth == 0 && a.qualifiedName() == amlVersionAttribute) {
                    result.amlVersion = a.value().trimmed().toString();
                    continue;
                }
                significant = true;
                out.writeAttribute(a.qualifiedName().toString(), a.value().toString());
            }
            ++depth;
            break;
        }
        case QXmlStreamReader::EndElement:
            out.writeEndElement();
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (depth == 0)
                break;
            if (!xml.isWhitespace())
                significant = true;
            if (xml.isCDATA())
                out.writeCDATA(xml.text().toString());
            else
                out.writeCharacters(xml.text().toString());
            break;
        case QXmlStreamReader::Comment:
            if (depth > 0) {
                significant = true;
                out.writeComment(xml.text().toString());
            }
            break;
        case QXmlStreamReader::ProcessingInstruction:
            if (depth > 0) {
                significant = true;
                out.writeProcessingInstruction(xml.processingInstructionTarget().toString(),
                    xml.processingInstructionData().toString());
            }
            break;
        default:
            break;
        }
    }
    if (xml.hasError())
        return {}; // leave a broken fragment alone; the writer reports it
    if (significant)
        result.remainder = rest;
    return result;
}

/// Whether a root AdditionalInformation fragment carries AutomationMLVersion.
bool hasAmlVersion(const QString &fragment)
{
    QXmlStreamReader xml(fragment);
    if (!xml.readNextStartElement() || xml.name() != u"AdditionalInformation")
        return false;
    return xml.attributes().hasAttribute(amlVersionAttribute);
}

QString writerHeaderFragment(const SourceDocumentInformation &info)
{
    QString text;
    QXmlStreamWriter out(&text);
    out.setAutoFormatting(true);
    out.setAutoFormattingIndent(2);
    out.writeStartElement(u"AdditionalInformation"_s);
    out.writeStartElement(u"WriterHeader"_s);
    for (const WriterField &f : writerFields)
        out.writeTextElement(QString(f.element), info.*f.field);
    out.writeEndElement();
    out.writeEndElement();
    // Laid out for its place under CAEXFile, as the CAEX writer indents by two spaces; the
    // writer keeps a fragment's whitespace as it is.
    return text.trimmed().replace(u'\n', u"\n  "_s);
}

bool isAmlStandard(const QString &version)
{
    return version.trimmed().startsWith(u"AutomationML"_s, Qt::CaseInsensitive);
}

/// SuperiorStandardVersion for an AutomationMLVersion value (see conversion.h for why).
QString superiorStandardVersion(const QString &amlVersion)
{
    if (amlVersion.startsWith(u"2."))
        return u"AutomationML 2.10"_s;
    return u"AutomationML "_s + amlVersion;
}

int number(const QString &text)
{
    return text.isEmpty() ? 0 : text.toInt();
}

/// Builds "yyyy-MM-ddThh:mm:ss[.f][zone]" from parts after checking their ranges.
std::optional<QString> composeDateTime(int year, int month, int day, int hour, int minute,
    int second, const QString &fraction, QString zone)
{
    if (!QDate(year, month, day).isValid() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    if (zone.size() == 5) // "+0100" -> "+01:00"
        zone.insert(3, u':');
    if (zone.size() == 6) {
        const int zoneHours = zone.mid(1, 2).toInt();
        if (zoneHours > 14 || zone.mid(4, 2).toInt() > 59)
            return std::nullopt;
    }
    const QChar zero = u'0';
    return u"%1-%2-%3T%4:%5:%6"_s.arg(year, 4, 10, zero)
               .arg(month, 2, 10, zero)
               .arg(day, 2, 10, zero)
               .arg(hour, 2, 10, zero)
               .arg(minute, 2, 10, zero)
               .arg(second, 2, 10, zero)
        + fraction + zone;
}

} // namespace

std::optional<QString> toXsDateTime(QStringView input)
{
    const QString text = input.trimmed().toString();
    // ISO 8601 with optional time, seconds, fraction and zone (with or without the colon).
    static const QRegularExpression iso(
        uR"(^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?)"
        uR"(\s*(Z|[+-]\d{2}:?\d{2})?$)"_s);
    // German style "dd.MM.yyyy hh:mm:ss", as some AutomationML tools write it.
    static const QRegularExpression dotted(
        uR"(^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$)"_s);

    QRegularExpressionMatch m = iso.match(text);
    if (m.hasMatch()) {
        return composeDateTime(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
            number(m.captured(4)), number(m.captured(5)), number(m.captured(6)), m.captured(7),
            m.captured(8));
    }
    m = dotted.match(text);
    if (m.hasMatch()) {
        return composeDateTime(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt(),
            number(m.captured(4)), number(m.captured(5)), number(m.captured(6)), QString(),
            QString());
    }
    const QDateTime rfc = QDateTime::fromString(text, Qt::RFC2822Date);
    if (rfc.isValid())
        return rfc.toString(Qt::ISODate);
    return std::nullopt;
}

void upgrade(CaexFile &file, Diagnostics *warnings)
{
    QList<SourceDocumentInformation> found;
    std::optional<QString> amlVersion;
    if (file.header) {
        QList<XmlFragment> &fragments = file.header->additionalInformation;
        for (qsizetype i = 0; i < fragments.size();) {
            Consumed c = consume(fragments.at(i).xml);
            if (!c.any()) {
                ++i;
                continue;
            }
            for (const QString &name : std::as_const(c.unknownWriterFields))
                reportConversion(warnings, Severity::Warning,
                    u"WriterHeader element %1 has no place in "
                    u"SourceDocumentInformation and was dropped"_s.arg(name));
            found += c.writerHeaders;
            if (c.amlVersion && !amlVersion)
                amlVersion = c.amlVersion;
            if (c.remainder.isEmpty()) {
                fragments.removeAt(i);
            } else {
                fragments[i].xml = c.remainder;
                ++i;
            }
        }
    }
    file.sourceDocumentInformation += found;

    for (SourceDocumentInformation &info : file.sourceDocumentInformation) {
        const std::optional<QString> date = toXsDateTime(info.lastWritingDateTime);
        if (!date) {
            const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            reportConversion(warnings, Severity::Warning,
                u"LastWritingDateTime \"%1\" of %2 is not a date; replaced by %3"_s.arg(
                    info.lastWritingDateTime, info.originName, now));
            info.lastWritingDateTime = now;
        } else if (*date != info.lastWritingDateTime) {
            reportConversion(warnings, Severity::Info,
                u"LastWritingDateTime \"%1\" of %2 written as xs:dateTime %3"_s.arg(
                    info.lastWritingDateTime, info.originName, *date));
            info.lastWritingDateTime = *date;
        }
    }

    if (amlVersion) {
        bool present = false;
        for (const QString &v : std::as_const(file.superiorStandardVersions))
            present = present || isAmlStandard(v);
        if (!present)
            file.superiorStandardVersions.append(superiorStandardVersion(*amlVersion));
        if (!amlVersion->startsWith(u"2."))
            reportConversion(warnings, Severity::Warning,
                u"AutomationMLVersion \"%1\" has no CAEX 3.0 edition; "
                u"kept as SuperiorStandardVersion \"%2\""_s.arg(
                    *amlVersion, superiorStandardVersion(*amlVersion)));
    }

    if (ensureSourceDocumentInformation(file))
        reportConversion(warnings, Severity::Info,
            u"no WriterHeader: added SourceDocumentInformation for DT Workbench "
            u"(CAEX 3.0 requires one)"_s);
}

void downgrade(CaexFile &file, Diagnostics *warnings)
{
    QList<XmlFragment> &fragments = file.header.ensure().additionalInformation;

    bool aml = false;
    for (const QString &version : std::as_const(file.superiorStandardVersions)) {
        if (isAmlStandard(version))
            aml = true;
        else
            reportConversion(warnings, Severity::Warning,
                u"SuperiorStandardVersion \"%1\" dropped: "
                u"CAEX 2.15 can only state an AutomationML version"_s.arg(version));
    }
    if (aml) {
        bool present = false;
        for (const XmlFragment &f : std::as_const(fragments))
            present = present || hasAmlVersion(f.xml);
        if (!present) {
            fragments.prepend(
                XmlFragment { u"<AdditionalInformation AutomationMLVersion=\"2.0\"/>"_s });
        }
    }
    file.superiorStandardVersions.clear();

    for (const SourceDocumentInformation &info : std::as_const(file.sourceDocumentInformation)) {
        fragments.append(XmlFragment { writerHeaderFragment(info) });
        for (const XmlAttribute &a : info.unknownAttributes)
            reportConversion(warnings, Severity::Warning,
                u"attribute %1 of SourceDocumentInformation %2 dropped: "
                u"WriterHeader has no place for it"_s.arg(a.qualifiedName, info.originName));
    }
    file.sourceDocumentInformation.clear();
}

} // namespace dt::model::documentinfo
