// SPDX-License-Identifier: GPL-3.0-or-later
// CaexReader: hostile and malformed input, every model field from CAEX 3.0 and 2.15 snippets,
// lenient reading with positioned warnings, verbatim XML, source positions, and the corpus.
#include "readertestdata.h"
#include "testsupport.h"

#include "model/caexreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dt::model;
using dt::Result;
using namespace dt::test::reader;

class TestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileInput_data();
    void hostileInput();
    void unreadableInput();
    void encodingErrorPositionInFile();
    void hugeAttributeValueIsKept();
    void warningsAreCapped();
    void latin1Document();

    void readsEveryCaex30Field();
    void readsEveryCaex215Field();
    void anyChildOrderAndRawValues();
    void lenient_data();
    void lenient();
    void unknownXmlIsKeptVerbatim();
    void recordsPositions();

    void corpus_data();
    void corpus();
};

// ---- malformed and hostile input ------------------------------------------------------------

void TestReader::hostileInput_data()
{
    defineHostileInputTable();
}

void TestReader::hostileInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, internalElements);

    CaexReader reader;
    Result<CaexFile> result = reader.read(input, u"input.aml"_s);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(countInstances(*result), qsizetype(internalElements));
        return;
    }
    QVERIFY2(!result.ok(), "malformed input was accepted");
    const Diagnostic &last = reader.lastError();
    QVERIFY2(last.message.contains(error), qPrintable(result.error()));
    QCOMPARE(last.severity, Severity::Error);
    QCOMPARE(last.file, u"input.aml"_s);
    QCOMPARE(last.position.line, qint64(line));
    QCOMPARE(last.position.column, qint64(column));
    QCOMPARE(result.error(), u"input.aml:%1:%2: %3"_s.arg(line).arg(column).arg(last.message));
    QVERIFY(!reader.diagnostics().isEmpty());
    QCOMPARE(reader.diagnostics().last().message, last.message);
    // Nothing from a file an entity pointed at may ever show up.
    QVERIFY(!result.error().contains(u"root:"_s));
}

void TestReader::unreadableInput()
{
    CaexReader reader;
    const QString missing = QDir::tempPath() + u"/dt-reader-no-such-file.aml"_s;
    Result<CaexFile> result = reader.readFile(missing);
    QVERIFY(!result.ok());
    QVERIFY2(
        result.error().startsWith(missing + u": cannot open file"_s), qPrintable(result.error()));
    QCOMPARE(reader.lastError().file, missing);

    result = reader.readFile(QDir::tempPath());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(u"is a directory"_s), qPrintable(result.error()));

    QBuffer closed;
    result = reader.read(&closed, u"closed.aml"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), u"closed.aml: input is not open for reading"_s);
    result = reader.read(static_cast<QIODevice *>(nullptr), u"null.aml"_s);
    QVERIFY(!result.ok());
}

void TestReader::encodingErrorPositionInFile()
{
    // From a file the reader re-reads the bytes to point at the bad one, lines after where the
    // XML decoder noticed.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bad.aml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray body = "  <InstanceHierarchy Name=\"H\">\n";
    for (int i = 0; i < 50; ++i)
        body += "    <InternalElement Name=\"E" + QByteArray::number(i) + "\"/>\n";
    body += "    <InternalElement Name=\"\xC3\xA4\xFF\"/>\n  </InstanceHierarchy>\n";
    file.write(doc30(body));
    file.close();

    CaexReader reader;
    const Result<CaexFile> result = reader.readFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(reader.lastError().position.line, qint64(55));
    QCOMPARE(reader.lastError().position.column, qint64(29));
    QVERIFY2(result.error().startsWith(path + u":55:29: "_s), qPrintable(result.error()));
}

void TestReader::hugeAttributeValueIsKept()
{
    const qsizetype size = 16 << 20;
    const QByteArray input
        = doc30("  <InstanceHierarchy Name=\"H\">\n    <InternalElement Name=\"x\">"
                "<Attribute Name=\"Blob\"><Value>"
            + QByteArray(size, 'v') + "</Value></Attribute>"
            + "</InternalElement>\n  </InstanceHierarchy>\n");
    CaexReader reader;
    const Result<CaexFile> result = reader.read(input, u"huge.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const Attribute &blob = result->instanceHierarchies[0].internalElements[0].attributes[0];
    QVERIFY(blob.value.has_value());
    QCOMPARE(blob.value->size(), size);
}

void TestReader::warningsAreCapped()
{
    QByteArray attributes;
    for (int i = 0; i < 3000; ++i)
        attributes += " Extra" + QByteArray::number(i) + "=\"" + QByteArray::number(i) + "\"";
    const QByteArray input = doc30("  <InstanceHierarchy Name=\"H\"" + attributes + "/>\n");
    CaexReader reader;
    const Result<CaexFile> result = reader.read(input, u"many.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    // Every attribute is kept; the warnings about them stop at a bound.
    const InstanceHierarchy &hierarchy = result->instanceHierarchies[0];
    QVERIFY(hierarchy.header);
    QCOMPARE(hierarchy.header->unknownAttributes.size(), 3000);
    QCOMPARE(hierarchy.header->unknownAttributes.last().qualifiedName, u"Extra2999"_s);
    QCOMPARE(hierarchy.header->unknownAttributes.last().value, u"2999"_s);
    QCOMPARE(reader.diagnostics().size(), 1001);
    QCOMPARE(reader.diagnostics().last().message, u"2000 more warnings not shown"_s);
}

void TestReader::latin1Document()
{
    const QByteArray input = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + Root30 + Sdi
        + "  <InstanceHierarchy Name=\"Anlage \xE4\xF6\xFC\"/>\n</CAEXFile>\n";
    CaexReader reader;
    const Result<CaexFile> result = reader.read(input, u"latin1.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->instanceHierarchies[0].name, u"Anlage \u00E4\u00F6\u00FC"_s);
}

// ---- every field ----------------------------------------------------------------------------

void TestReader::readsEveryCaex30Field()
{
    const QByteArray input = fullCaex30Document();
    CaexReader reader;
    Result<CaexFile> result = reader.read(input, u"full.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY2(reader.diagnostics().isEmpty(), qPrintable(listDiagnostics(reader.diagnostics())));
    const CaexFile &f = *result;

    // Root and header group.
    QCOMPARE(f.schemaVersion, SchemaVersion::V3_0);
    QCOMPARE(f.fileName, u"full.aml"_s);
    QCOMPARE(f.changeMode, ChangeMode::Change);
    QVERIFY(f.header);
    const Header &h = *f.header;
    QCOMPARE(h.description->text, u"The plant"_s);
    QCOMPARE(h.description->changeMode, ChangeMode::Create);
    QCOMPARE(h.version->text, u"1.2"_s);
    QCOMPARE(h.version->changeMode, ChangeMode::State);
    QCOMPARE(h.copyright->text, u"(c) us"_s);
    QCOMPARE(h.copyright->changeMode, ChangeMode::Change);
    QCOMPARE(h.revisions.size(), 2);
    QCOMPARE(h.revisions[0].revisionDate, u"2024-01-02T03:04:05"_s);
    QCOMPARE(h.revisions[0].oldVersion, std::optional<QString>(u"1.1"_s));
    QCOMPARE(h.revisions[0].newVersion, std::optional<QString>(u"1.2"_s));
    QCOMPARE(h.revisions[0].authorName, u"Ada"_s);
    QCOMPARE(h.revisions[0].comment, std::optional<QString>(u"tuned"_s));
    QCOMPARE(h.revisions[0].changeMode, ChangeMode::Delete);
    QCOMPARE(h.revisions[1].authorName, u"Bob"_s);
    QVERIFY(!h.revisions[1].oldVersion && !h.revisions[1].comment);
    QCOMPARE(h.additionalInformation.size(), 1);
    QCOMPARE(h.additionalInformation[0].xml,
        u"<AdditionalInformation xmlns=\"http://www.dke.de/CAEX\" AutomationMLVersion=\"2.0\"/>"_s);
    // The model has no field for SourceObjectInformation: it travels as a verbatim element.
    QCOMPARE(h.unknownElements.size(), 1);
    QCOMPARE(h.unknownElements[0].xml,
        u"<SourceObjectInformation xmlns=\"http://www.dke.de/CAEX\" OriginID=\"tool-id\" SourceObjID=\"42\"/>"_s);
    // xsi:schemaLocation and xmlns declarations belong to the writer; v:flag is kept.
    QCOMPARE(h.unknownAttributes.size(), 1);
    QCOMPARE(h.unknownAttributes[0].qualifiedName, u"v:flag"_s);
    QCOMPARE(h.unknownAttributes[0].namespaceUri, u"urn:vendor"_s);
    QCOMPARE(h.unknownAttributes[0].value, u"1"_s);

    QCOMPARE(f.superiorStandardVersions,
        QStringList({ u"AutomationML 2.10"_s, u"AutomationML 2.11"_s }));
    QCOMPARE(f.sourceDocumentInformation.size(), 2);
    const SourceDocumentInformation &sdi = f.sourceDocumentInformation[0];
    QCOMPARE(sdi.originName, u"Tool"_s);
    QCOMPARE(sdi.originId, u"tool-id"_s);
    QCOMPARE(sdi.originVendor, u"Vendor"_s);
    QCOMPARE(sdi.originVendorUrl, u"https://vendor.example"_s);
    QCOMPARE(sdi.originVersion, u"4.5"_s);
    QCOMPARE(sdi.originRelease, u"4.5.1"_s);
    QCOMPARE(sdi.lastWritingDateTime, u"2024-03-04T05:06:07"_s);
    QCOMPARE(sdi.originProjectTitle, u"Plant"_s);
    QCOMPARE(sdi.originProjectId, u"P-1"_s);
    QCOMPARE(sdi.unknownAttributes.size(), 1);
    QCOMPARE(sdi.unknownAttributes[0].qualifiedName, u"v:extra"_s);
    QCOMPARE(sdi.unknownAttributes[0].namespaceUri, u"urn:vendor"_s);
    QCOMPARE(f.sourceDocumentInformation[1].originName, u"Other"_s);
    QCOMPARE(f.externalReferences.size(), 1);
    QCOMPARE(f.externalReferences[0].path, u"lib.aml"_s);
    QCOMPARE(f.externalReferences[0].alias, u"Lib"_s);
    QCOMPARE(f.externalReferences[0].changeMode, ChangeMode::Create);

    // Instance hierarchy.
    QCOMPARE(f.instanceHierarchies.size(), 1);
    const InstanceHierarchy &ih = f.instanceHierarchies[0];
    QCOMPARE(ih.name, u"Plant"_s);
    QCOMPARE(ih.id, u"ih1"_s);
    QCOMPARE(ih.changeMode, ChangeMode::Change);
    QCOMPARE(ih.header->version->text, u"7"_s);
    QCOMPARE(ih.header->version->changeMode, ChangeMode::Delete);
    QCOMPARE(ih.internalElements.size(), 1);
    const InternalElement &tank = ih.internalElements[0];
    QCOMPARE(tank.name, u"Tank"_s);
    QCOMPARE(tank.id, u"ie1"_s);
    QCOMPARE(tank.refBaseSystemUnitPath, u"SUCLib/Tank"_s);
    QCOMPARE(tank.changeMode, ChangeMode::Create);
    QVERIFY(!tank.header);

    // Attributes, nested, with every part.
    QCOMPARE(tank.attributes.size(), 1);
    const Attribute &level = tank.attributes[0];
    QCOMPARE(level.name, u"Level"_s);
    QCOMPARE(level.id, u"a1"_s);
    QCOMPARE(level.unit, u"m"_s);
    QCOMPARE(level.dataType, u"xs:double"_s);
    QCOMPARE(level.refAttributeType, u"ATLib/Length"_s);
    QCOMPARE(level.changeMode, ChangeMode::Change);
    QCOMPARE(level.description(), u"fill level"_s);
    QCOMPARE(level.defaultValue, std::optional<QString>(u"0"_s));
    QCOMPARE(level.value, std::optional<QString>(u"1.5"_s));
    QCOMPARE(level.refSemantics.size(), 2);
    QCOMPARE(level.refSemantics[0].correspondingAttributePath, u"ECLASS:0173-1#02-AAB713#005"_s);
    QCOMPARE(level.refSemantics[0].changeMode, ChangeMode::Create);
    QCOMPARE(level.refSemantics[1].correspondingAttributePath, u"IEC:123"_s);
    QCOMPARE(level.constraints.size(), 4);
    const Constraint &range = level.constraints[0];
    QCOMPARE(range.name, u"Range"_s);
    QCOMPARE(range.kind, Constraint::Kind::Ordinal);
    QCOMPARE(range.changeMode, ChangeMode::Delete);
    QCOMPARE(range.requiredMaxValue, std::optional<QString>(u"10"_s));
    QCOMPARE(range.requiredValue, std::optional<QString>(u"5"_s));
    QCOMPARE(range.requiredMinValue, std::optional<QString>(u"0"_s));
    QVERIFY(!range.inner);
    const Constraint &choice = level.constraints[1];
    QCOMPARE(choice.kind, Constraint::Kind::Nominal);
    QCOMPARE(choice.nominalValues, QStringList({ u"0"_s, u"1.5"_s }));
    const Constraint &free = level.constraints[2];
    QCOMPARE(free.kind, Constraint::Kind::Unknown);
    QCOMPARE(free.requirements, u"must be sane"_s);
    const Constraint &bounded = level.constraints[3];
    QVERIFY(!bounded.requiredMaxValue && !bounded.requiredValue);
    QCOMPARE(bounded.requiredMinValue, std::optional<QString>(u"1"_s));
    QVERIFY(bounded.inner);
    QCOMPARE(bounded.inner->changeMode, ChangeMode::Create);
    QCOMPARE(level.attributes.size(), 1);
    QCOMPARE(level.attributes[0].name, u"Sub"_s);
    QCOMPARE(level.attributes[0].value, std::optional<QString>(u"inner"_s));
    QVERIFY(!level.attributes[0].defaultValue);

    // Interfaces, nested.
    QCOMPARE(tank.interfaces.size(), 2);
    const ExternalInterface &in = tank.interfaces[0];
    QCOMPARE(in.name, u"In"_s);
    QCOMPARE(in.id, u"ei1"_s);
    QCOMPARE(in.refBaseClassPath, u"ICLib/Port"_s);
    QCOMPARE(in.changeMode, ChangeMode::Change);
    QCOMPARE(in.attributes.size(), 1);
    QCOMPARE(in.attributes[0].value, std::optional<QString>(u"In"_s));
    QCOMPARE(in.interfaces.size(), 1);
    QCOMPARE(in.interfaces[0].id, u"ei1a"_s);
    QCOMPARE(tank.interfaces[1].name, u"Out"_s);
    QCOMPARE(tank.internalElements.size(), 1);
    QCOMPARE(tank.internalElements[0].interfaces[0].id, u"ei3"_s);

    // Roles, links, mappings.
    QCOMPARE(tank.supportedRoleClasses.size(), 1);
    const SupportedRoleClass &src = tank.supportedRoleClasses[0];
    QCOMPARE(src.refRoleClassPath, u"RCLib/Vessel"_s);
    QCOMPARE(src.changeMode, ChangeMode::Create);
    QVERIFY(src.mappingObject);
    QCOMPARE(src.mappingObject->attributeMappings.size(), 1);
    QCOMPARE(src.mappingObject->attributeMappings[0].systemUnitAttributeName, u"Level"_s);
    QCOMPARE(src.mappingObject->attributeMappings[0].roleAttributeName, u"FillLevel"_s);
    QCOMPARE(src.mappingObject->interfaceIdMappings.size(), 1);
    QCOMPARE(src.mappingObject->interfaceIdMappings[0].systemUnitInterfaceId, u"ei1"_s);
    QCOMPARE(src.mappingObject->interfaceIdMappings[0].roleInterfaceId, u"rei1"_s);
    QCOMPARE(tank.internalLinks.size(), 1);
    const InternalLink &link = tank.internalLinks[0];
    QCOMPARE(link.name, u"L1"_s);
    QCOMPARE(link.id, u"il1"_s);
    QCOMPARE(link.refPartnerSideA, u"ei2"_s);
    QCOMPARE(link.refPartnerSideB, u"ie2:In"_s);
    QCOMPARE(link.changeMode, ChangeMode::Create);
    QCOMPARE(tank.roleRequirements.size(), 2);
    const RoleRequirements &rr = tank.roleRequirements[0];
    QCOMPARE(rr.refBaseRoleClassPath, u"RCLib/Vessel"_s);
    QCOMPARE(rr.changeMode, ChangeMode::Change);
    QCOMPARE(rr.attributes[0].name, u"Volume"_s);
    QCOMPARE(rr.attributes[0].unit, u"l"_s);
    QCOMPARE(rr.interfaces[0].id, u"rr-ei"_s);
    QVERIFY(rr.mappingObject);
    QCOMPARE(rr.mappingObject->changeMode, ChangeMode::Create);
    QCOMPARE(rr.mappingObject->attributeMappings[0].roleAttributeName, u"Volume"_s);
    QCOMPARE(rr.mappingObject->attributeMappings[0].changeMode, ChangeMode::Delete);
    QCOMPARE(rr.mappingObject->interfaceIdMappings[0].systemUnitInterfaceId, u"ei2"_s);
    QCOMPARE(rr.mappingObject->interfaceIdMappings[0].changeMode, ChangeMode::Change);
    QCOMPARE(tank.roleRequirements[1].refBaseRoleClassPath, u"RCLib/Asset"_s);
    QVERIFY(!tank.mappingObject);

    // Libraries.
    QCOMPARE(f.interfaceClassLibs.size(), 1);
    const InterfaceClassLib &icl = f.interfaceClassLibs[0];
    QCOMPARE(icl.name, u"ICLib"_s);
    QCOMPARE(icl.id, u"icl"_s);
    QCOMPARE(icl.changeMode, ChangeMode::Change);
    QCOMPARE(icl.header->version->text, u"1.0"_s);
    const InterfaceClass &port = icl.classes[0];
    QCOMPARE(port.name, u"Port"_s);
    QCOMPARE(port.id, u"ic1"_s);
    QCOMPARE(port.refBaseClassPath, u"AutomationMLInterfaceClassLib/AutomationMLBaseInterface"_s);
    QCOMPARE(port.attributes[0].dataType, u"xs:string"_s);
    QCOMPARE(port.interfaces[0].id, u"ic1-pin"_s);
    QCOMPARE(port.interfaceClasses.size(), 1);
    QCOMPARE(port.interfaceClasses[0].refBaseClassPath, u"ICLib/Port"_s);

    const RoleClassLib &rcl = f.roleClassLibs[0];
    QCOMPARE(rcl.classes.size(), 2);
    const RoleClass &vessel = rcl.classes[0];
    QCOMPARE(vessel.refBaseClassPath, u"AutomationMLBaseRoleClassLib/AutomationMLBaseRole"_s);
    QCOMPARE(vessel.changeMode, ChangeMode::Create);
    QCOMPARE(vessel.attributes[0].name, u"FillLevel"_s);
    QCOMPARE(vessel.interfaces[0].id, u"rei1"_s);
    QCOMPARE(vessel.roleClasses[0].name, u"PressureVessel"_s);
    QCOMPARE(rcl.classes[1].name, u"Asset"_s);

    const SystemUnitClassLib &sucl = f.systemUnitClassLibs[0];
    QCOMPARE(sucl.classes.size(), 2);
    const SystemUnitClass &tankClass = sucl.classes[0];
    QCOMPARE(tankClass.id, u"suc1"_s);
    QCOMPARE(tankClass.refBaseClassPath, u"SUCLib/Base"_s);
    QCOMPARE(tankClass.attributes[0].unit, u"m"_s);
    QCOMPARE(tankClass.interfaces[0].id, u"suc1-in"_s);
    QCOMPARE(tankClass.internalElements[0].id, u"suc1-ie"_s);
    QCOMPARE(tankClass.supportedRoleClasses[0].refRoleClassPath, u"RCLib/Vessel"_s);
    QCOMPARE(tankClass.internalLinks[0].refPartnerSideB, u"suc1-ie:In"_s);
    QCOMPARE(tankClass.systemUnitClasses[0].name, u"BigTank"_s);

    const AttributeType &length = f.attributeTypeLibs[0].classes[0];
    QCOMPARE(length.name, u"Length"_s);
    QCOMPARE(length.unit, u"m"_s);
    QCOMPARE(length.dataType, u"xs:double"_s);
    QCOMPARE(length.defaultValue, std::optional<QString>(u"0"_s));
    QCOMPARE(length.attributes[0].name, u"Tolerance"_s);
    QCOMPARE(length.attributeTypes[0].name, u"Height"_s);
    QCOMPARE(length.attributeTypes[0].refAttributeType, u"ATLib/Length"_s);

    // Equal short strings share storage (the reader pools them).
    QVERIFY(in.refBaseClassPath.constData() == tank.interfaces[1].refBaseClassPath.constData());
    QVERIFY(level.unit.constData() == tankClass.attributes[0].unit.constData());
}

void TestReader::readsEveryCaex215Field()
{
    const QByteArray input = fullCaex215Document();
    CaexReader reader;
    Result<CaexFile> result = reader.read(input, u"old.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY2(reader.diagnostics().isEmpty(), qPrintable(listDiagnostics(reader.diagnostics())));
    const CaexFile &f = *result;
    QCOMPARE(f.schemaVersion, SchemaVersion::V2_15);
    QCOMPARE(f.fileName, u"old.aml"_s);
    QVERIFY(f.sourceDocumentInformation.isEmpty());
    // The root keeps neither the schema location nor anything else: nothing unknown on it.
    QVERIFY(f.header);
    QVERIFY(f.header->unknownAttributes.isEmpty());
    // The WriterHeader travels verbatim, whitespace and all (no namespace to declare in 2.15).
    QCOMPARE(f.header->additionalInformation.size(), 2);
    QCOMPARE(f.header->additionalInformation[0].xml,
        u"<AdditionalInformation AutomationMLVersion=\"2.0\"/>"_s);
    const qsizetype begin = input.indexOf("<AdditionalInformation>");
    const qsizetype end = input.indexOf("</AdditionalInformation>") + 24;
    QCOMPARE(
        f.header->additionalInformation[1].xml, QString::fromUtf8(input.mid(begin, end - begin)));

    QCOMPARE(f.externalReferences[0].alias, u"RoleLib"_s);
    const InternalElement &robot = f.instanceHierarchies[0].internalElements[0];
    QCOMPARE(robot.refBaseSystemUnitPath, u"SUCs/Robot"_s);
    const Attribute &payload = robot.attributes[0];
    QCOMPARE(payload.defaultValue, std::optional<QString>(u"5"_s));
    QVERIFY(payload.value.has_value()); // present but empty is not absent
    QVERIFY(payload.value->isEmpty());
    QCOMPARE(payload.constraints[0].requiredMaxValue, std::optional<QString>(u"12.5"_s));
    QCOMPARE(robot.internalLinks[0].refPartnerSideA, u"r1:Power"_s);
    QCOMPARE(robot.roleRequirements.size(), 1);
    QCOMPARE(robot.roleRequirements[0].refBaseRoleClassPath, u"RoleLib@Roles/Robot"_s);
    QCOMPARE(robot.roleRequirements[0].attributes[0].name, u"Load"_s);
    QCOMPARE(robot.roleRequirements[0].interfaces[0].id, u"rr-p"_s);
    QVERIFY(!robot.roleRequirements[0].mappingObject);
    // The 2.15 MappingObject sits in the element, with names instead of IDs.
    QVERIFY(robot.mappingObject);
    QCOMPARE(robot.mappingObject->changeMode, ChangeMode::Change);
    QCOMPARE(robot.mappingObject->attributeMappings[0].systemUnitAttributeName, u"Payload"_s);
    QCOMPARE(robot.mappingObject->interfaceNameMappings.size(), 1);
    const InterfaceNameMapping &names = robot.mappingObject->interfaceNameMappings[0];
    QCOMPARE(names.systemUnitInterfaceName, u"Power"_s);
    QCOMPARE(names.roleInterfaceName, u"Supply"_s);
    QCOMPARE(names.changeMode, ChangeMode::Create);
    QVERIFY(robot.mappingObject->interfaceIdMappings.isEmpty());
    QCOMPARE(f.systemUnitClassLibs[0].header->version->text, u"1"_s);
    QCOMPARE(f.systemUnitClassLibs[0].classes[0].supportedRoleClasses[0].refRoleClassPath,
        u"RoleLib@Roles/Robot"_s);
}

void TestReader::anyChildOrderAndRawValues()
{
    // Children against the schema's order, a CAEX-2.15-style value with markup, "True" and
    // empty values: read as they are, text kept verbatim.
    const QByteArray input = doc215(R"(  <SystemUnitClassLib Name="L"/>
  <InstanceHierarchy Name="H">
    <InternalElement Name="B" ID="b">
      <InternalLink Name="L" RefPartnerSideA="b:P" RefPartnerSideB="a:P"/>
      <SupportedRoleClass RefRoleClassPath="R/X"/>
      <InternalElement Name="Child"/>
      <ExternalInterface Name="P"/>
      <Attribute Name="Flag" AttributeDataType="xs:boolean">
        <Attribute Name="Nested"><Value>  spaced  </Value></Attribute>
        <Value>True</Value>
        <DefaultValue></DefaultValue>
      </Attribute>
      <Attribute Name="Rich" Unit="">
        <Value>7 <b>bold</b> kg</Value>
      </Attribute>
      <Description>after the children</Description>
    </InternalElement>
  </InstanceHierarchy>
  <SuperiorStandardVersion>AutomationML 2.0</SuperiorStandardVersion>
)");
    CaexReader reader;
    Result<CaexFile> result = reader.read(input, u"order.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const InternalElement &b = result->instanceHierarchies[0].internalElements[0];
    QCOMPARE(b.internalLinks.size(), 1);
    QCOMPARE(b.supportedRoleClasses.size(), 1);
    QCOMPARE(b.internalElements[0].name, u"Child"_s);
    QCOMPARE(b.interfaces[0].name, u"P"_s);
    QCOMPARE(b.description(), u"after the children"_s);
    const Attribute &flag = b.attributes[0];
    QCOMPARE(flag.value, std::optional<QString>(u"True"_s));
    QVERIFY(flag.defaultValue.has_value());
    QVERIFY(flag.defaultValue->isEmpty());
    QCOMPARE(flag.attributes[0].value, std::optional<QString>(u"  spaced  "_s));
    QVERIFY(!flag.attributes[0].defaultValue.has_value());
    const Attribute &rich = b.attributes[1];
    QVERIFY(rich.unit.isEmpty());
    QCOMPARE(rich.value, std::optional<QString>(u"7 bold kg"_s));
    QCOMPARE(result->superiorStandardVersions, QStringList { u"AutomationML 2.0"_s });
    // The only remark: the value with markup (xs:anyType in 2.15) lost its structure.
    QCOMPARE(reader.diagnostics().size(), 1);
    QVERIFY(hasWarning(reader.diagnostics(), u"<Value> contains child elements"_s, 16, 9));
}

void TestReader::lenient_data()
{
    defineLenientTable();
}

void TestReader::lenient()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, warning);
    QFETCH(int, line);
    QFETCH(int, column);

    CaexReader reader;
    const Result<CaexFile> result = reader.read(input, u"lenient.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY2(hasWarning(reader.diagnostics(), warning, line, column),
        qPrintable(listDiagnostics(reader.diagnostics())));
    for (const Diagnostic &d : reader.diagnostics()) {
        QCOMPARE(d.severity, Severity::Warning);
        QCOMPARE(d.file, u"lenient.aml"_s);
        // A nameless element is named by its ID, for an editor to jump to.
        if (d.message.startsWith(u"<InternalElement> has no Name"_s))
            QCOMPARE(d.elementId, u"1"_s);
    }
}

void TestReader::unknownXmlIsKeptVerbatim()
{
    const QByteArray extension
        = "<v:Extension xmlns:v=\"urn:vendor\" v:kind=\"x\" plain=\"1\"><!-- note -->"
          "<v:Item><![CDATA[a<b]]></v:Item>text &amp; more<Inner xmlns=\"urn:other\"><Deep/>"
          "</Inner><?pi data?></v:Extension>";
    // A child rebinding its parent's prefix, right after the parent's start tag.
    const QByteArray rebinding
        = "<w:Ext xmlns:w=\"urn:w\"><w:Sub xmlns:w=\"urn:w2\"/><w:Sub/></w:Ext>";
    const QByteArray input = doc30("  <InstanceHierarchy Name=\"H\" xmlns:q=\"urn:q\">\n"
                                   "    <InternalElement Name=\"e\" q:tag=\"t\" Colour=\"red\">"
        + extension + "<Frobnicator Level=\"2\"><Part q:x=\"1\"/></Frobnicator>" + rebinding
        + "<AdditionalInformation><q:Note>hi</q:Note></AdditionalInformation>"
          "</InternalElement>\n"
          "  </InstanceHierarchy>\n");
    CaexReader reader;
    const Result<CaexFile> result = reader.read(input, u"verbatim.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const InternalElement &e = result->instanceHierarchies[0].internalElements[0];
    QVERIFY(e.header);
    const Header &h = *e.header;

    QCOMPARE(h.unknownAttributes.size(), 2);
    QCOMPARE(h.unknownAttributes[0].qualifiedName, u"q:tag"_s);
    QCOMPARE(h.unknownAttributes[0].namespaceUri, u"urn:q"_s);
    QCOMPARE(h.unknownAttributes[0].value, u"t"_s);
    QCOMPARE(h.unknownAttributes[1].qualifiedName, u"Colour"_s);
    QVERIFY(h.unknownAttributes[1].namespaceUri.isEmpty());
    QCOMPARE(h.unknownAttributes[1].value, u"red"_s);

    QCOMPARE(h.unknownElements.size(), 3);
    QCOMPARE(h.unknownElements[2].xml, QString::fromUtf8(rebinding));
    // The foreign element comes back as written: prefixes, comments, CDATA, PIs, escapes.
    QCOMPARE(h.unknownElements[0].xml, QString::fromUtf8(extension));
    // An unknown element in the CAEX namespace declares it, and the prefix declared above it.
    QCOMPARE(h.unknownElements[1].xml,
        u"<Frobnicator xmlns=\"http://www.dke.de/CAEX\" Level=\"2\">"
        "<Part xmlns:q=\"urn:q\" q:x=\"1\"/></Frobnicator>"_s);
    QCOMPARE(h.additionalInformation.size(), 1);
    QCOMPARE(h.additionalInformation[0].xml,
        u"<AdditionalInformation xmlns=\"http://www.dke.de/CAEX\">"
        "<q:Note xmlns:q=\"urn:q\">hi</q:Note></AdditionalInformation>"_s);
    // Each fragment stands on its own.
    for (const QString &xml : { h.unknownElements[0].xml, h.unknownElements[1].xml,
             h.unknownElements[2].xml, h.additionalInformation[0].xml }) {
        QXmlStreamReader check(xml);
        while (!check.atEnd())
            check.readNext();
        QVERIFY2(!check.hasError(), qPrintable(check.errorString() + u": "_s + xml));
    }
    // Foreign-namespace extensions are silent; the unknown CAEX-looking names are reported.
    QCOMPARE(reader.diagnostics().size(), 2);
    QVERIFY(hasWarning(reader.diagnostics(), u"unknown attribute 'Colour'"_s, 5, 5));
    QVERIFY(hasWarning(
        reader.diagnostics(), u"unknown element <Frobnicator>"_s, 5, 54 + int(extension.size())));
}

void TestReader::recordsPositions()
{
    const QByteArray input = doc30(R"(  <ExternalReference Path="x.aml" Alias="X"/>
  <InstanceHierarchy Name="H">
    <InternalElement Name="A">
      <Attribute Name="a"><Attribute Name="b"/></Attribute>
      <ExternalInterface Name="P"/>
      <SupportedRoleClass RefRoleClassPath="R/X"/>
      <SupportedRoleClass RefRoleClassPath="R/Y"/>
      <SupportedRoleClass RefRoleClassPath="R/Z"/>
      <InternalLink Name="L" RefPartnerSideA="a" RefPartnerSideB="b"/>
      <RoleRequirements RefBaseRoleClassPath="R/X"><MappingObject/></RoleRequirements>
      <InternalElement Name="B"/>
    </InternalElement>
  </InstanceHierarchy>
  <SystemUnitClassLib Name="S">
	<SystemUnitClass Name="C"><SystemUnitClass Name="D"/></SystemUnitClass>
  </SystemUnitClassLib>
  <RoleClassLib Name="R"><RoleClass Name="X"/></RoleClassLib>
  <InterfaceClassLib Name="I"><InterfaceClass Name="Port"/></InterfaceClassLib>
  <AttributeTypeLib Name="T"><AttributeType Name="Len"/></AttributeTypeLib>
)");
    // Off by default: nothing recorded.
    CaexReader plain;
    QVERIFY(plain.read(input, u"p.aml"_s).ok());
    QVERIFY(plain.sourceMap().isEmpty());

    CaexReader::Options options;
    options.recordPositions = true;
    CaexReader reader(options);
    Result<CaexFile> result = reader.read(input, u"p.aml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    // Taking the model out of the Result keeps node addresses (nodes live on the heap).
    const CaexFile f = result.takeValue();
    const SourceMap &map = reader.sourceMap();
    const auto at = [&map](const void *node) {
        const SourcePosition p = map.positionOf(node);
        return QString::number(p.line) + u':' + QString::number(p.column);
    };
    const InstanceHierarchy &ih = f.instanceHierarchies[0];
    const InternalElement &a = ih.internalElements[0];
    QCOMPARE(at(&f.externalReferences[0]), u"4:3"_s);
    QCOMPARE(at(&ih), u"5:3"_s);
    QCOMPARE(at(&a), u"6:5"_s);
    QCOMPARE(at(&a.attributes[0]), u"7:7"_s);
    QCOMPARE(at(&a.attributes[0].attributes[0]), u"7:27"_s);
    QCOMPARE(at(&a.interfaces[0]), u"8:7"_s);
    // QList items are recorded once their list stopped growing: all three addresses are live.
    QCOMPARE(at(&a.supportedRoleClasses[0]), u"9:7"_s);
    QCOMPARE(at(&a.supportedRoleClasses[1]), u"10:7"_s);
    QCOMPARE(at(&a.supportedRoleClasses[2]), u"11:7"_s);
    QCOMPARE(at(&a.internalLinks[0]), u"12:7"_s);
    QCOMPARE(at(&a.roleRequirements[0]), u"13:7"_s);
    QCOMPARE(at(a.roleRequirements[0].mappingObject.get()), u"13:52"_s);
    QCOMPARE(at(&a.internalElements[0]), u"14:7"_s);
    QCOMPARE(at(&f.systemUnitClassLibs[0]), u"17:3"_s);
    QCOMPARE(at(&f.systemUnitClassLibs[0].classes[0]), u"18:2"_s); // after a tab
    QCOMPARE(at(&f.systemUnitClassLibs[0].classes[0].systemUnitClasses[0]), u"18:28"_s);
    QCOMPARE(at(&f.roleClassLibs[0]), u"20:3"_s);
    QCOMPARE(at(&f.roleClassLibs[0].classes[0]), u"20:26"_s);
    QCOMPARE(at(&f.interfaceClassLibs[0].classes[0]), u"21:31"_s);
    QCOMPARE(at(&f.attributeTypeLibs[0].classes[0]), u"22:30"_s);
    QVERIFY(map.contains(&f.attributeTypeLibs[0]));
    QVERIFY(map.contains(&f.interfaceClassLibs[0]));
}

// ---- the corpus of real files ----------------------------------------------------------------

void TestReader::corpus_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("features");

    const QString dir = dt::test::amlSamplesDir();
    QFile index(dir + u"/INDEX.tsv"_s);
    if (!index.open(QIODevice::ReadOnly | QIODevice::Text))
        QSKIP(qPrintable(
            u"no AML corpus index at %1 (shared reference folder absent)"_s.arg(index.fileName())));
    const QStringList lines = QString::fromUtf8(index.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 1);
    const QStringList header = lines.first().split(u'\t');
    const qsizetype nameColumn = header.indexOf(u"local_name"_s);
    const qsizetype featuresColumn = header.indexOf(u"features"_s);
    QVERIFY(nameColumn >= 0 && featuresColumn >= 0);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(u'\t');
        QVERIFY(fields.size() > std::max(nameColumn, featuresColumn));
        const QString name = fields.at(nameColumn);
        QTest::newRow(qPrintable(name)) << dir + u'/' + name << fields.at(featuresColumn);
    }
}

void TestReader::corpus()
{
    QFETCH(QString, path);
    QFETCH(QString, features);

    CaexReader reader;
    const Result<CaexFile> result = reader.readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    for (const Diagnostic &d : reader.diagnostics())
        QCOMPARE(d.severity, Severity::Warning);

    // INDEX.tsv counts elements by name anywhere in the file (checked against the XML): nested
    // Attributes, Attributes of interfaces, role requirements and attribute types, interfaces
    // nested in interfaces and classes all count. Names it does not mention occur zero times.
    // None of the corpus' counted elements sits inside AdditionalInformation or foreign XML,
    // so every one of them is a model node.
    QMap<QString, qint64> expected;
    static const QRegularExpression pair(u"(\\w+)=(\\d+)"_s);
    for (const QRegularExpressionMatch &m : pair.globalMatch(features))
        expected.insert(m.captured(1), m.captured(2).toLongLong());

    const QMap<QString, qint64> counts = countModelElements(*result);
    const QStringList compared = {
        u"InstanceHierarchy"_s,
        u"InternalElement"_s,
        u"ExternalInterface"_s,
        u"InternalLink"_s,
        u"Attribute"_s,
        u"RoleClassLib"_s,
        u"RoleClass"_s,
        u"SystemUnitClassLib"_s,
        u"SystemUnitClass"_s,
        u"InterfaceClassLib"_s,
        u"InterfaceClass"_s,
        u"AttributeTypeLib"_s,
        u"AttributeType"_s,
        u"ExternalReference"_s,
        u"SupportedRoleClass"_s,
        u"RoleRequirements"_s,
        u"RefSemantic"_s,
        u"Constraint"_s,
        u"MappingObject"_s,
    };
    for (const QString &key : compared) {
        const qint64 got = counts.value(key);
        const qint64 want = expected.value(key);
        QVERIFY2(got == want,
            qPrintable(u"%1: read %2, INDEX.tsv says %3"_s.arg(key).arg(got).arg(want)));
    }
}

QTEST_GUILESS_MAIN(TestReader)
#include "tst_reader.moc"
