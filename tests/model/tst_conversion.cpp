// SPDX-License-Identifier: GPL-3.0-or-later
// CAEX 2.15 <-> 3.0 conversion: WriterHeader <-> SourceDocumentInformation (with xs:dateTime
// repair), AutomationMLVersion <-> SuperiorStandardVersion, InterfaceNameMapping <->
// InterfaceIDMapping and the MappingObject's place, what 2.15 cannot hold (each loss named),
// and the way there and back.
#include "model/caexfile.h"
#include "model/caexwriter.h"
#include "model/conversion.h"
#include "model/documentinfoconversion.h"
#include "model/jsondump.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dt::model;

namespace {

const QString writerHeaderXml
    = u"<AdditionalInformation>\n"
      "    <WriterHeader>\n"
      "      <WriterName>AutomationML Editor</WriterName>\n"
      "      <WriterID>916578CA-FE0D-474E-A4FC-9E1719892369</WriterID>\n"
      "      <WriterVendor>AutomationML e.V.</WriterVendor>\n"
      "      <WriterVendorURL>www.AutomationML.org</WriterVendorURL>\n"
      "      <WriterVersion>4.1.3</WriterVersion>\n"
      "      <WriterRelease>4.1.3.0</WriterRelease>\n"
      "      <LastWritingDateTime>2014-10-28T16:54:56+0100</LastWritingDateTime>\n"
      "      <WriterProjectTitle>Title</WriterProjectTitle>\n"
      "      <WriterProjectID>Project\n    </WriterProjectID>\n"
      "    </WriterHeader>\n"
      "  </AdditionalInformation>"_s;

// xs:dateTime as the CAEX 3.0 XSD types LastWritingDateTime.
const QRegularExpression xsDateTime(
    uR"(^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$)"_s);

ExternalInterface &addInterface(
    NodeList<ExternalInterface> &list, const QString &name, const QString &id)
{
    ExternalInterface &i = list.append();
    i.name = name;
    i.id = id;
    return i;
}

/// A 2.15 document with a WriterHeader, an AutomationML version, other AdditionalInformation,
/// and MappingObjects that map interfaces by name, at element level and in a class.
CaexFile model215()
{
    CaexFile f;
    f.schemaVersion = SchemaVersion::V2_15;
    f.fileName = u"plant.aml"_s;
    Header &h = f.header.ensure();
    h.additionalInformation = {
        XmlFragment { u"<AdditionalInformation AutomationMLVersion=\"2.0\"/>"_s },
        XmlFragment { writerHeaderXml },
        XmlFragment { u"<AdditionalInformation DocumentVersions=\"Recommendations\">"
                      u"<Document Version=\"1.2.1\"/></AdditionalInformation>"_s },
        XmlFragment {
            u"<AdditionalInformation Keep=\"1\"><WriterHeader><WriterName>Second</WriterName>"
            u"<LastWritingDateTime>04.03.2015 15:10:16</LastWritingDateTime></WriterHeader>"
            u"</AdditionalInformation>"_s },
    };

    RoleClassLib &roles = f.roleClassLibs.append();
    roles.name = u"Roles"_s;
    RoleClass &base = roles.classes.append();
    base.name = u"Device"_s;
    addInterface(base.interfaces, u"Power"_s, u"role-power"_s);
    RoleClass &pump = base.roleClasses.append();
    pump.name = u"Pump"_s;
    pump.refBaseClassPath = u"Roles/Device"_s;
    addInterface(pump.interfaces, u"Suction"_s, QString()); // no ID: conversion must add one

    InstanceHierarchy &plant = f.instanceHierarchies.append();
    plant.name = u"Plant"_s;
    InternalElement &p1 = plant.internalElements.append();
    p1.name = u"P1"_s;
    p1.id = u"ie-p1"_s;
    addInterface(p1.interfaces, u"Inlet"_s, u"p1-inlet"_s);
    addInterface(p1.interfaces, u"Supply"_s, u"p1-supply"_s);
    addInterface(p1.interfaces, u"Flange"_s, u"p1-flange"_s);
    RoleRequirements &rr = p1.roleRequirements.emplaceBack();
    rr.refBaseRoleClassPath = u"Roles/Device/Pump"_s;
    addInterface(rr.interfaces, u"In"_s, u"rr-in"_s);
    MappingObject &m = p1.mappingObject.ensure();
    m.attributeMappings.append({ {}, u"Speed"_s, u"Rpm"_s });
    m.interfaceNameMappings.append({ {}, u"Inlet"_s, u"In"_s }); // role side in RR
    m.interfaceNameMappings.append({ {}, u"Supply"_s, u"Power"_s }); // inherited role class
    m.interfaceNameMappings.append({ {}, u"Flange"_s, u"Suction"_s }); // role class, no ID
    m.interfaceNameMappings.append({ {}, u"Missing"_s, u"In"_s }); // not resolvable

    SystemUnitClassLib &units = f.systemUnitClassLibs.append();
    units.name = u"Units"_s;
    SystemUnitClass &pumpUnit = units.classes.append();
    pumpUnit.name = u"PumpUnit"_s;
    addInterface(pumpUnit.interfaces, u"Mains"_s, u"suc-mains"_s);
    SupportedRoleClass &src = pumpUnit.supportedRoleClasses.emplaceBack();
    src.refRoleClassPath = u"Roles/Device/Pump"_s;
    src.mappingObject.ensure().interfaceNameMappings.append({ {}, u"Mains"_s, u"Power"_s });
    return f;
}

/// A 3.0 document with everything 2.15 has no place for.
CaexFile model30()
{
    CaexFile f;
    f.fileName = u"plant30.aml"_s;
    f.superiorStandardVersions = { u"AutomationML 2.10"_s, u"OtherStandard 1.0"_s };
    SourceDocumentInformation info;
    info.originName = u"Editor"_s;
    info.originId = u"editor-id"_s;
    info.originVendor = u"Vendor"_s;
    info.originVendorUrl = u"www.example.org"_s;
    info.originVersion = u"6.4"_s;
    info.originRelease = u"6.4.2"_s;
    info.lastWritingDateTime = u"2026-01-16T13:26:59.4759772+01:00"_s;
    info.originProjectTitle = u"T"_s;
    info.originProjectId = u"P"_s;
    f.sourceDocumentInformation.append(info);

    InterfaceClassLib &ifaces = f.interfaceClassLibs.append();
    ifaces.name = u"Ifaces"_s;
    InterfaceClass &connector = ifaces.classes.append();
    connector.name = u"Connector"_s;
    addInterface(connector.interfaces, u"Pin"_s, u"pin-id"_s);

    AttributeTypeLib &types = f.attributeTypeLibs.append();
    types.name = u"Types"_s;
    types.classes.append().name = u"Length"_s;

    RoleClassLib &roles = f.roleClassLibs.append();
    roles.name = u"Roles"_s;
    RoleClass &pump = roles.classes.append();
    pump.name = u"Pump"_s;
    addInterface(pump.interfaces, u"Power"_s, u"role-power"_s);

    InstanceHierarchy &plant = f.instanceHierarchies.append();
    plant.name = u"Plant"_s;
    InternalElement &p1 = plant.internalElements.append();
    p1.name = u"P1"_s;
    p1.id = u"ie-p1"_s;
    Attribute &length = p1.attributes.append();
    length.name = u"Length"_s;
    length.id = u"attr-length"_s;
    length.refAttributeType = u"Types/Length"_s;
    ExternalInterface &supply = addInterface(p1.interfaces, u"Supply"_s, u"p1-supply"_s);
    addInterface(supply.interfaces, u"Phase"_s, u"p1-phase"_s);
    RoleRequirements first;
    first.refBaseRoleClassPath = u"Roles/Pump"_s;
    MappingObject &m = first.mappingObject.ensure();
    m.interfaceIdMappings.append({ {}, u"p1-supply"_s, u"role-power"_s });
    m.interfaceIdMappings.append({ {}, u"nowhere"_s, u"role-power"_s });
    RoleRequirements second;
    second.refBaseRoleClassPath = u"Roles/Other"_s;
    p1.roleRequirements = { first, second };
    return f;
}

bool mentions(const Diagnostics &diagnostics, const QStringList &words)
{
    for (const Diagnostic &d : diagnostics) {
        bool all = true;
        for (const QString &w : words)
            all = all && d.message.contains(w);
        if (all)
            return true;
    }
    return false;
}

QString describe(const Diagnostics &diagnostics)
{
    QString out;
    for (const Diagnostic &d : diagnostics)
        out += d.toString() + u'\n';
    return out;
}

/// The text of each child of the fragment's WriterHeader, by element name.
QHash<QString, QString> writerHeaderFields(const QString &xml)
{
    QHash<QString, QString> fields;
    QXmlStreamReader reader(xml);
    while (reader.readNextStartElement()) {
        if (reader.name() == u"AdditionalInformation")
            continue;
        if (reader.name() == u"WriterHeader") {
            while (reader.readNextStartElement())
                fields.insert(reader.name().toString(), reader.readElementText());
        }
        break;
    }
    return fields;
}

} // namespace

class TestConversion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writerHeaderBecomesSourceDocumentInformation();
    void dateTimeRepair_data();
    void dateTimeRepair();
    void addsOwnSourceDocumentInformation();
    void namesBecomeIds();
    void idsBecomeNames();
    void lossesAreNamed();
    void sameVersionUnchanged();
    void there215AndBack();
    void upgradedModelValidates();
};

void TestConversion::writerHeaderBecomesSourceDocumentInformation()
{
    Diagnostics warnings;
    const CaexFile out = convertTo(model215(), SchemaVersion::V3_0, &warnings);
    QCOMPARE(out.schemaVersion, SchemaVersion::V3_0);
    QCOMPARE(out.sourceDocumentInformation.size(), 2);
    const SourceDocumentInformation &s = out.sourceDocumentInformation.first();
    QCOMPARE(s.originName, u"AutomationML Editor"_s);
    QCOMPARE(s.originId, u"916578CA-FE0D-474E-A4FC-9E1719892369"_s);
    QCOMPARE(s.originVendor, u"AutomationML e.V."_s);
    QCOMPARE(s.originVendorUrl, u"www.AutomationML.org"_s);
    QCOMPARE(s.originVersion, u"4.1.3"_s);
    QCOMPARE(s.originRelease, u"4.1.3.0"_s);
    QCOMPARE(s.lastWritingDateTime, u"2014-10-28T16:54:56+01:00"_s); // colon added
    QCOMPARE(s.originProjectTitle, u"Title"_s);
    QCOMPARE(s.originProjectId, u"Project"_s); // trimmed
    const SourceDocumentInformation &second = out.sourceDocumentInformation.last();
    QCOMPARE(second.originName, u"Second"_s);
    QCOMPARE(second.lastWritingDateTime, u"2015-03-04T15:10:16"_s);

    QCOMPARE(out.superiorStandardVersions, QStringList { u"AutomationML 2.10"_s });
    // Consumed fragments are gone; what else they held stays.
    const QList<XmlFragment> &info = out.header->additionalInformation;
    QCOMPARE(info.size(), 2);
    QVERIFY(info.at(0).xml.contains(u"DocumentVersions=\"Recommendations\""));
    QCOMPARE(info.at(1).xml, u"<AdditionalInformation Keep=\"1\"/>"_s);
    QVERIFY2(mentions(warnings, { u"2014-10-28T16:54:56+0100"_s }), qPrintable(describe(warnings)));
}

void TestConversion::dateTimeRepair_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: not a date
    QTest::newRow("valid") << u"2022-02-09T10:54:03.0537578"_s << u"2022-02-09T10:54:03.0537578"_s;
    QTest::newRow("valid with zone")
        << u"2016-09-18T21:12:48.3968264+02:00"_s << u"2016-09-18T21:12:48.3968264+02:00"_s;
    QTest::newRow("utc") << u"2024-01-02T03:04:05Z"_s << u"2024-01-02T03:04:05Z"_s;
    QTest::newRow("zone without colon")
        << u"2013-07-22T15:12:37+0200"_s << u"2013-07-22T15:12:37+02:00"_s;
    QTest::newRow("date only, with whitespace")
        << u"2012-02-20\n\t\t\t"_s << u"2012-02-20T00:00:00"_s;
    QTest::newRow("space separator") << u"2015-05-06 23:38"_s << u"2015-05-06T23:38:00"_s;
    QTest::newRow("german") << u"10.03.2015 14:47:08"_s << u"2015-03-10T14:47:08"_s;
    QTest::newRow("german date") << u"1.2.2015"_s << u"2015-02-01T00:00:00"_s;
    QTest::newRow("month 13") << u"2015-13-01T00:00:00"_s << QString();
    QTest::newRow("text") << u"yesterday"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestConversion::dateTimeRepair()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::optional<QString> out = documentinfo::toXsDateTime(input);
    if (expected.isEmpty()) {
        QVERIFY2(!out, qPrintable(out.value_or(QString())));
        return;
    }
    QVERIFY(out);
    QCOMPARE(*out, expected);
    QVERIFY(xsDateTime.match(*out).hasMatch());
}

void TestConversion::addsOwnSourceDocumentInformation()
{
    CaexFile f = model215();
    f.header->additionalInformation.removeAt(3);
    f.header->additionalInformation.removeAt(1);
    Diagnostics notes;
    const CaexFile out = convertTo(f, SchemaVersion::V3_0, &notes);
    QCOMPARE(out.sourceDocumentInformation.size(), 1);
    const SourceDocumentInformation &s = out.sourceDocumentInformation.first();
    QCOMPARE(s.originName, u"DT Workbench"_s);
    QCOMPARE(s.originId, toolSourceDocumentInformation().originId); // fixed, not random
    QVERIFY(!s.originId.isEmpty());
    QVERIFY(!s.originVersion.isEmpty());
    QVERIFY2(xsDateTime.match(s.lastWritingDateTime).hasMatch(), qPrintable(s.lastWritingDateTime));
    QVERIFY(mentions(notes, { u"DT Workbench"_s }));

    // A bad date is replaced by a valid one, with a warning naming the bad one.
    CaexFile bad = model215();
    bad.header->additionalInformation[1].xml.replace(u"2014-10-28T16:54:56+0100"_s, u"soon"_s);
    Diagnostics warnings;
    const CaexFile repaired = convertTo(bad, SchemaVersion::V3_0, &warnings);
    QVERIFY(xsDateTime.match(repaired.sourceDocumentInformation.first().lastWritingDateTime)
                .hasMatch());
    QVERIFY(mentions(warnings, { u"\"soon\""_s }));

    CaexFile copy = repaired;
    QVERIFY(!ensureSourceDocumentInformation(copy)); // it has one already
    QCOMPARE(copy.sourceDocumentInformation.size(), repaired.sourceDocumentInformation.size());
    CaexFile empty;
    QVERIFY(ensureSourceDocumentInformation(empty));
    QCOMPARE(empty.sourceDocumentInformation.first().originName, u"DT Workbench"_s);
}

void TestConversion::namesBecomeIds()
{
    Diagnostics warnings;
    const CaexFile out = convertTo(model215(), SchemaVersion::V3_0, &warnings);
    const InternalElement &p1 = out.instanceHierarchies.first().internalElements.first();
    QVERIFY(!p1.mappingObject); // 3.0 keeps it in the RoleRequirements
    QVERIFY(p1.roleRequirements.first().mappingObject);
    const MappingObject &m = *p1.roleRequirements.first().mappingObject;
    QCOMPARE(m.attributeMappings.size(), 1);
    QCOMPARE(m.attributeMappings.first().systemUnitAttributeName, u"Speed"_s);
    QVERIFY(m.interfaceNameMappings.isEmpty());
    QCOMPARE(m.interfaceIdMappings.size(), 3);
    QCOMPARE(m.interfaceIdMappings.at(0).systemUnitInterfaceId, u"p1-inlet"_s);
    QCOMPARE(m.interfaceIdMappings.at(0).roleInterfaceId, u"rr-in"_s);
    QCOMPARE(m.interfaceIdMappings.at(1).systemUnitInterfaceId, u"p1-supply"_s);
    QCOMPARE(m.interfaceIdMappings.at(1).roleInterfaceId, u"role-power"_s); // from the base role
    QCOMPARE(m.interfaceIdMappings.at(2).systemUnitInterfaceId, u"p1-flange"_s);
    // The role class interface had no ID: it got one, and the mapping uses it.
    const ExternalInterface &suction
        = out.roleClassLibs.first().classes.first().roleClasses.first().interfaces.first();
    QVERIFY(!suction.id.isEmpty());
    QCOMPARE(m.interfaceIdMappings.at(2).roleInterfaceId, suction.id);
    QVERIFY2(mentions(warnings, { u"Plant/P1"_s, u"Missing"_s }), qPrintable(describe(warnings)));

    const SupportedRoleClass &src
        = out.systemUnitClassLibs.first().classes.first().supportedRoleClasses.first();
    QCOMPARE(src.mappingObject->interfaceIdMappings.size(), 1);
    QCOMPARE(src.mappingObject->interfaceIdMappings.first().systemUnitInterfaceId, u"suc-mains"_s);
    QCOMPARE(src.mappingObject->interfaceIdMappings.first().roleInterfaceId, u"role-power"_s);
    QVERIFY(src.mappingObject->interfaceNameMappings.isEmpty());
}

void TestConversion::idsBecomeNames()
{
    Diagnostics warnings;
    const CaexFile out = convertTo(model30(), SchemaVersion::V2_15, &warnings);
    QCOMPARE(out.schemaVersion, SchemaVersion::V2_15);
    const InternalElement &p1 = out.instanceHierarchies.first().internalElements.first();
    QVERIFY(p1.mappingObject); // 2.15 keeps it in the element
    QVERIFY(!p1.roleRequirements.first().mappingObject);
    QVERIFY(p1.mappingObject->interfaceIdMappings.isEmpty());
    QCOMPARE(p1.mappingObject->interfaceNameMappings.size(), 1);
    QCOMPARE(p1.mappingObject->interfaceNameMappings.first().systemUnitInterfaceName, u"Supply"_s);
    QCOMPARE(p1.mappingObject->interfaceNameMappings.first().roleInterfaceName, u"Power"_s);
    QVERIFY2(mentions(warnings, { u"nowhere"_s }), qPrintable(describe(warnings)));

    // SourceDocumentInformation -> WriterHeader, SuperiorStandardVersion -> AutomationMLVersion.
    QVERIFY(out.sourceDocumentInformation.isEmpty());
    QVERIFY(out.superiorStandardVersions.isEmpty());
    const QList<XmlFragment> &info = out.header->additionalInformation;
    QCOMPARE(info.size(), 2);
    QCOMPARE(info.first().xml, u"<AdditionalInformation AutomationMLVersion=\"2.0\"/>"_s);
    const QHash<QString, QString> fields = writerHeaderFields(info.last().xml);
    QCOMPARE(fields.value(u"WriterName"_s), u"Editor"_s);
    QCOMPARE(fields.value(u"WriterID"_s), u"editor-id"_s);
    QCOMPARE(fields.value(u"WriterVendor"_s), u"Vendor"_s);
    QCOMPARE(fields.value(u"WriterVendorURL"_s), u"www.example.org"_s);
    QCOMPARE(fields.value(u"WriterVersion"_s), u"6.4"_s);
    QCOMPARE(fields.value(u"WriterRelease"_s), u"6.4.2"_s);
    QCOMPARE(fields.value(u"LastWritingDateTime"_s), u"2026-01-16T13:26:59.4759772+01:00"_s);
    QCOMPARE(fields.value(u"WriterProjectTitle"_s), u"T"_s);
    QCOMPARE(fields.value(u"WriterProjectID"_s), u"P"_s);
}

void TestConversion::lossesAreNamed()
{
    Diagnostics warnings;
    const CaexFile out = convertTo(model30(), SchemaVersion::V2_15, &warnings);
    const QString all = describe(warnings);
    const InternalElement &p1 = out.instanceHierarchies.first().internalElements.first();

    QCOMPARE(p1.roleRequirements.size(), 1);
    QCOMPARE(p1.roleRequirements.first().refBaseRoleClassPath, u"Roles/Pump"_s);
    QVERIFY2(mentions(warnings, { u"Plant/P1"_s, u"RoleRequirements"_s, u"Roles/Other"_s }),
        qPrintable(all));

    QVERIFY(p1.interfaces.first().interfaces.isEmpty());
    QVERIFY2(mentions(warnings, { u"Plant/P1"_s, u"Phase"_s }), qPrintable(all));
    QVERIFY(out.interfaceClassLibs.first().classes.first().interfaces.isEmpty());
    QVERIFY2(mentions(warnings, { u"Ifaces/Connector"_s, u"Pin"_s }), qPrintable(all));

    QVERIFY(out.attributeTypeLibs.isEmpty());
    QVERIFY2(mentions(warnings, { u"AttributeTypeLib"_s, u"Types"_s }), qPrintable(all));

    QVERIFY(p1.attributes.first().refAttributeType.isEmpty());
    QVERIFY2(mentions(warnings, { u"Length"_s, u"Types/Length"_s }), qPrintable(all));

    QVERIFY2(mentions(warnings, { u"OtherStandard 1.0"_s }), qPrintable(all));

    // IDs are kept, attribute IDs too (2.15's AttributeType is a CAEXObject).
    QCOMPARE(p1.id, u"ie-p1"_s);
    QCOMPARE(p1.interfaces.first().id, u"p1-supply"_s);
    QCOMPARE(p1.attributes.first().id, u"attr-length"_s);

    // Losses are warnings, not errors: the conversion always produces a document.
    for (const Diagnostic &d : warnings)
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.toString()));
}

void TestConversion::sameVersionUnchanged()
{
    const CaexFile f = model215();
    Diagnostics warnings;
    QCOMPARE(dumpJson(convertTo(f, SchemaVersion::V2_15, &warnings)), dumpJson(f));
    QVERIFY(warnings.isEmpty());
    const CaexFile g = model30();
    QCOMPARE(dumpJson(convertTo(g, SchemaVersion::V3_0, &warnings)), dumpJson(g));
    QVERIFY(warnings.isEmpty());
}

void TestConversion::there215AndBack()
{
    // 2.15 -> 3.0 -> 2.15: the mappings come back by name, the element holds them again, the
    // WriterHeader and AutomationML version come back (dates in xs:dateTime form).
    CaexFile f = model215();
    f.instanceHierarchies.first()
        .internalElements.first()
        .mappingObject->interfaceNameMappings.removeLast(); // the unresolvable one cannot survive
    const CaexFile there = convertTo(f, SchemaVersion::V3_0);
    const CaexFile back = convertTo(there, SchemaVersion::V2_15);
    const InternalElement &p1 = back.instanceHierarchies.first().internalElements.first();
    QVERIFY(p1.mappingObject);
    QVERIFY(!p1.roleRequirements.first().mappingObject);
    const QList<InterfaceNameMapping> &names = p1.mappingObject->interfaceNameMappings;
    QCOMPARE(names.size(), 3);
    const QList<InterfaceNameMapping> &original = f.instanceHierarchies.first()
                                                      .internalElements.first()
                                                      .mappingObject->interfaceNameMappings;
    for (qsizetype i = 0; i < names.size(); ++i) {
        QCOMPARE(names.at(i).systemUnitInterfaceName, original.at(i).systemUnitInterfaceName);
        QCOMPARE(names.at(i).roleInterfaceName, original.at(i).roleInterfaceName);
    }
    QCOMPARE(back.systemUnitClassLibs.first()
                 .classes.first()
                 .supportedRoleClasses.first()
                 .mappingObject->interfaceNameMappings.first()
                 .roleInterfaceName,
        u"Power"_s);

    const QList<XmlFragment> &info = back.header->additionalInformation;
    QCOMPARE(info.first().xml, u"<AdditionalInformation AutomationMLVersion=\"2.0\"/>"_s);
    QCOMPARE(info.size(), 5); // version, two kept fragments, two WriterHeaders
    const QHash<QString, QString> first = writerHeaderFields(info.at(3).xml);
    QCOMPARE(first.value(u"WriterName"_s), u"AutomationML Editor"_s);
    QCOMPARE(first.value(u"WriterProjectID"_s), u"Project"_s);
    QCOMPARE(first.value(u"LastWritingDateTime"_s), u"2014-10-28T16:54:56+01:00"_s);
    QCOMPARE(writerHeaderFields(info.at(4).xml).value(u"WriterName"_s), u"Second"_s);

    // And once more to 3.0 gives the same 3.0 model.
    QCOMPARE(dumpJson(convertTo(back, SchemaVersion::V3_0)), dumpJson(there));
}

void TestConversion::upgradedModelValidates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"upgraded.aml"_s);
    CaexWriter::Options options;
    options.version = SchemaVersion::V3_0;
    const dt::Result<void> written = CaexWriter(options).writeFile(model215(), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    const QString path215 = dir.filePath(u"downgraded.aml"_s);
    options.version = SchemaVersion::V2_15;
    const dt::Result<void> written215 = CaexWriter(options).writeFile(model30(), path215);
    QVERIFY2(written215.ok(), qPrintable(written215.error()));
    if (QStandardPaths::findExecutable(u"xmllint"_s).isEmpty()
        || !QFile::exists(dt::test::caexXsd30()) || !QFile::exists(dt::test::caexXsd215()))
        QSKIP("xmllint or the CAEX XSDs are not available");
    for (const auto &[xsd, file] : { std::pair { dt::test::caexXsd30(), path },
             std::pair { dt::test::caexXsd215(), path215 } }) {
        QProcess p;
        p.start(u"xmllint"_s, { u"--noout"_s, u"--schema"_s, xsd, file });
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }
}

QTEST_GUILESS_MAIN(TestConversion)
#include "tst_conversion.moc"
