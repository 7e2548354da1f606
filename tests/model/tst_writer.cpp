// SPDX-License-Identifier: GPL-3.0-or-later
// The canonical writer: XSD child order whatever the model's construction order, ChangeMode and
// the header group, verbatim fragments and unknown attributes, CAEX 2.15 output, characters XML
// cannot carry, atomic saving, and schema validity checked with xmllint.
#include "model/caexfile.h"
#include "model/caexreader.h"
#include "model/caexwriter.h"
#include "model/jsondump.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dt::model;

namespace {

const QString caexNs = u"http://www.dke.de/CAEX"_s;

// A 3.0-style AdditionalInformation and a foreign element, in the form QXmlStreamWriter gives
// (double quotes, escaped '<' '>' '&', <x/> for empty elements), so "verbatim" means
// byte-identical.
const QString additionalInfo30
    = u"<AdditionalInformation xmlns=\"http://www.dke.de/CAEX\" Note=\"a &amp; b\">\n"
      "    <x:Payload xmlns:x=\"urn:example:x\" x:kind=\"test\">text &lt;&gt; "
      "<![CDATA[raw <b>]]><!-- remark --><Empty/></x:Payload>\n"
      "  </AdditionalInformation>"_s;
const QString unknownElement
    = u"<ext:Extra xmlns:ext=\"urn:example:ext\" level=\"2\"><ext:Inner/></ext:Extra>"_s;

Header &header(CaexBasicObject &o, const QString &description)
{
    Header &h = o.header.ensure();
    h.description = HeaderText { description, ChangeMode::State };
    return h;
}

Attribute &addAttribute(NodeList<Attribute> &list, const QString &name, const QString &value)
{
    Attribute &a = list.append();
    a.name = name;
    a.value = value;
    return a;
}

ExternalInterface &addInterface(
    NodeList<ExternalInterface> &list, const QString &name, const QString &id)
{
    ExternalInterface &i = list.append();
    i.name = name;
    i.id = id;
    i.refBaseClassPath = u"Ifaces/Port"_s;
    return i;
}

/// A model with every kind of node that CAEX 3.0 has, filled in reverse XSD order (libraries
/// before hierarchies, links before attributes, ...), so that only the writer can put things in
/// order. With foreign content it also has unknown attributes and elements (not XSD-valid).
CaexFile fullModel(bool foreign)
{
    CaexFile f;
    f.fileName = u"writer-test.aml"_s;

    // AttributeTypeLib first, although it is written last.
    AttributeTypeLib &types = f.attributeTypeLibs.append();
    types.name = u"Types"_s;
    AttributeType &level = types.classes.append();
    level.name = u"Level"_s;
    level.dataType = u"xs:double"_s;
    level.unit = u"m"_s;
    level.attributeTypes.append().name = u"SubLevel"_s;
    addAttribute(level.attributes, u"Precision"_s, u"0.1"_s);
    level.defaultValue = u"0"_s;

    SystemUnitClassLib &units = f.systemUnitClassLibs.append();
    units.name = u"Units"_s;
    header(units, u"unit classes"_s);
    SystemUnitClass &tankUnit = units.classes.append();
    tankUnit.name = u"TankUnit"_s;
    tankUnit.id = u"suc-tank"_s;
    tankUnit.systemUnitClasses.append().name = u"BigTank"_s;
    InternalLink &classLink = tankUnit.internalLinks.append();
    classLink.name = u"L1"_s;
    classLink.refPartnerSideA = u"suc-ie:Out"_s;
    classLink.refPartnerSideB = u"suc-tank:In"_s;
    SupportedRoleClass &supported = tankUnit.supportedRoleClasses.emplaceBack();
    supported.refRoleClassPath = u"Roles/Pump"_s;
    MappingObject &classMapping = supported.mappingObject.ensure();
    classMapping.interfaceIdMappings.append({ {}, u"suc-in"_s, u"role-in"_s });
    classMapping.attributeMappings.append({ {}, u"Volume"_s, u"Capacity"_s });
    InternalElement &inner = tankUnit.internalElements.append();
    inner.name = u"Sensor"_s;
    inner.id = u"suc-ie"_s;
    addInterface(tankUnit.interfaces, u"In"_s, u"suc-in"_s);
    addAttribute(tankUnit.attributes, u"Volume"_s, u"10"_s);

    RoleClassLib &roles = f.roleClassLibs.append();
    roles.name = u"Roles"_s;
    RoleClass &pump = roles.classes.append();
    pump.name = u"Pump"_s;
    pump.roleClasses.append().name = u"SpecialPump"_s;
    addInterface(pump.interfaces, u"In"_s, u"role-in"_s);
    addAttribute(pump.attributes, u"Capacity"_s, QString());

    InterfaceClassLib &ifaces = f.interfaceClassLibs.append();
    ifaces.name = u"Ifaces"_s;
    InterfaceClass &port = ifaces.classes.append();
    port.name = u"Port"_s;
    port.interfaceClasses.append().name = u"SubPort"_s;
    addInterface(port.interfaces, u"Pin"_s, u"port-pin"_s).refBaseClassPath.clear();
    addAttribute(port.attributes, u"Direction"_s, u"in"_s);

    InstanceHierarchy &plant = f.instanceHierarchies.append();
    plant.name = u"Plant"_s;
    plant.id = u"ih-1"_s;
    InternalElement &tank = plant.internalElements.append();
    tank.name = u"Tank"_s;
    tank.id = u"ie-tank"_s;
    tank.refBaseSystemUnitPath = u"Units/TankUnit"_s;
    tank.changeMode = ChangeMode::Create;
    RoleRequirements first;
    first.refBaseRoleClassPath = u"Roles/Pump"_s;
    first.mappingObject.ensure().interfaceIdMappings.append({ {}, u"ie-in"_s, u"rr-in"_s });
    addInterface(first.interfaces, u"In"_s, u"rr-in"_s);
    addAttribute(first.attributes, u"Capacity"_s, u"5"_s);
    RoleRequirements second;
    second.refBaseRoleClassPath = u"Roles/Pump/SpecialPump"_s;
    tank.roleRequirements = { first, second };
    InternalLink &link = tank.internalLinks.append();
    link.name = u"Link"_s;
    link.id = u"link-1"_s;
    link.refPartnerSideA = u"ie-tank:Out"_s;
    link.refPartnerSideB = u"ie-valve:In"_s;
    tank.supportedRoleClasses.emplaceBack().refRoleClassPath = u"Roles/Pump"_s;
    InternalElement &valve = tank.internalElements.append();
    valve.name = u"Valve"_s;
    valve.id = u"ie-valve"_s;
    addInterface(valve.interfaces, u"In"_s, u"valve-in"_s);
    ExternalInterface &in = addInterface(tank.interfaces, u"In"_s, u"ie-in"_s);
    addInterface(in.interfaces, u"Pin"_s, u"ie-in-pin"_s);
    addAttribute(in.attributes, u"Pressure"_s, u"1"_s);
    addInterface(tank.interfaces, u"Out"_s, u"ie-out"_s);

    Attribute &lvl = addAttribute(tank.attributes, u"Level"_s, u"2.5"_s);
    lvl.id = u"attr-level"_s;
    lvl.unit = u"m"_s;
    lvl.dataType = u"xs:double"_s;
    lvl.refAttributeType = u"Types/Level"_s;
    addAttribute(lvl.attributes, u"Max"_s, u"4"_s);
    Constraint ordinal;
    ordinal.name = u"Range"_s;
    ordinal.kind = Constraint::Kind::Ordinal;
    ordinal.requiredMinValue = u"0"_s;
    ordinal.requiredMaxValue = u"4"_s;
    Constraint nominal;
    nominal.name = u"Choice"_s;
    nominal.kind = Constraint::Kind::Nominal;
    nominal.nominalValues = { u"1"_s, u"2"_s };
    Constraint unknownConstraint;
    unknownConstraint.name = u"Free"_s;
    unknownConstraint.requirements = u"must be dry"_s;
    lvl.constraints = { unknownConstraint, nominal, ordinal };
    lvl.refSemantics.emplaceBack().correspondingAttributePath = u"ECLASS:0173-1#02-AAB"_s;
    lvl.defaultValue = u"0"_s;
    Header &levelHeader = header(lvl, u"fill level"_s);
    levelHeader.copyright = HeaderText { u"nobody"_s, ChangeMode::State };
    addAttribute(tank.attributes, u"Empty"_s, QString()).value = QString(); // present, empty

    f.externalReferences.emplaceBack();
    f.externalReferences.first().alias = u"BaseLib"_s;
    f.externalReferences.first().path = u"lib.aml"_s;
    SourceDocumentInformation info;
    info.originName = u"Test"_s;
    info.originId = u"test-id"_s;
    info.originVersion = u"1"_s;
    info.lastWritingDateTime = u"2024-01-02T03:04:05Z"_s;
    f.sourceDocumentInformation.append(info);
    f.superiorStandardVersions.append(u"AutomationML 2.10"_s);

    // The file's header group, filled back to front.
    Header &h = f.header.ensure();
    h.additionalInformation.append(XmlFragment { additionalInfo30 });
    h.copyright = HeaderText { u"(c) test"_s, ChangeMode::State };
    h.revisions.append(Revision {
        u"2024-01-01T00:00:00"_s, u"1"_s, u"2"_s, u"me"_s, u"why"_s, ChangeMode::Change });
    h.version = HeaderText { u"2"_s, ChangeMode::State };
    h.description = HeaderText { u"the plant"_s, ChangeMode::Change };

    if (foreign) {
        Header &th = tank.header.ensure();
        th.unknownElements.append(XmlFragment { unknownElement });
        th.unknownAttributes.append(XmlAttribute { u"ext:mark"_s, u"urn:example:ext"_s, u"m"_s });
        th.unknownAttributes.append(XmlAttribute { u"plain"_s, QString(), u"p"_s });
        th.description = HeaderText { u"tank"_s, ChangeMode::Delete };
    }
    return f;
}

/// The XSD child sequence of each CAEX 3.0 element (header group first); a child may repeat but
/// never come after one that the sequence puts later.
QHash<QString, QStringList> childSequences30()
{
    const QStringList h = { u"Description"_s, u"Version"_s, u"Revision"_s, u"Copyright"_s,
        u"AdditionalInformation"_s, u"SourceObjectInformation"_s };
    const QStringList unit = h
        + QStringList { u"Attribute"_s, u"ExternalInterface"_s, u"InternalElement"_s,
              u"SupportedRoleClass"_s, u"InternalLink"_s };
    const QStringList attribute = h
        + QStringList { u"DefaultValue"_s, u"Value"_s, u"RefSemantic"_s, u"Constraint"_s,
              u"Attribute"_s };
    return {
        { u"CAEXFile"_s,
            h
                + QStringList { u"SuperiorStandardVersion"_s, u"SourceDocumentInformation"_s,
                    u"ExternalReference"_s, u"InstanceHierarchy"_s, u"InterfaceClassLib"_s,
                    u"RoleClassLib"_s, u"SystemUnitClassLib"_s, u"AttributeTypeLib"_s } },
        { u"InstanceHierarchy"_s, h + QStringList { u"InternalElement"_s } },
        { u"InternalElement"_s, unit + QStringList { u"RoleRequirements"_s } },
        { u"SystemUnitClass"_s, unit + QStringList { u"SystemUnitClass"_s } },
        { u"RoleClass"_s,
            h + QStringList { u"Attribute"_s, u"ExternalInterface"_s, u"RoleClass"_s } },
        { u"InterfaceClass"_s,
            h + QStringList { u"Attribute"_s, u"ExternalInterface"_s, u"InterfaceClass"_s } },
        { u"ExternalInterface"_s, h + QStringList { u"Attribute"_s, u"ExternalInterface"_s } },
        { u"Attribute"_s, attribute },
        { u"AttributeType"_s, attribute + QStringList { u"AttributeType"_s } },
        { u"RoleRequirements"_s,
            h + QStringList { u"Attribute"_s, u"ExternalInterface"_s, u"MappingObject"_s } },
        { u"SupportedRoleClass"_s, h + QStringList { u"MappingObject"_s } },
        { u"MappingObject"_s,
            h + QStringList { u"AttributeNameMapping"_s, u"InterfaceIDMapping"_s } },
        { u"Revision"_s,
            h
                + QStringList { u"RevisionDate"_s, u"OldVersion"_s, u"NewVersion"_s,
                    u"AuthorName"_s, u"Comment"_s } },
        { u"OrdinalScaledType"_s,
            { u"RequiredMaxValue"_s, u"RequiredValue"_s, u"RequiredMinValue"_s } },
        { u"InstanceHierarchy"_s, h + QStringList { u"InternalElement"_s } },
        { u"InterfaceClassLib"_s, h + QStringList { u"InterfaceClass"_s } },
        { u"RoleClassLib"_s, h + QStringList { u"RoleClass"_s } },
        { u"SystemUnitClassLib"_s, h + QStringList { u"SystemUnitClass"_s } },
        { u"AttributeTypeLib"_s, h + QStringList { u"AttributeType"_s } },
    };
}

/// Checks every element's children against the sequences; verbatim content (inside
/// AdditionalInformation or a foreign element) is skipped. Returns the first violation.
QString checkChildOrder(
    const QByteArray &xml, const QHash<QString, QStringList> &sequences, int *checkedElements)
{
    QXmlStreamReader reader(xml);
    struct Open
    {
        QString name;
        int last;
        bool verbatim;
    };
    QList<Open> stack;
    *checkedElements = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = reader.name().toString();
            bool verbatim = !stack.isEmpty() && stack.last().verbatim;
            if (!verbatim && !stack.isEmpty()) {
                Open &parent = stack.last();
                const auto it = sequences.constFind(parent.name);
                const int index = it == sequences.cend() ? -1 : int(it->indexOf(name));
                if (it != sequences.cend() && reader.namespaceUri() == caexNs) {
                    if (index < 0)
                        return u"<%1> is not a child of <%2>"_s.arg(name, parent.name);
                    if (index < parent.last)
                        return u"<%1> after <%2> in <%3>"_s.arg(
                            name, it->at(parent.last), parent.name);
                    parent.last = index;
                    ++*checkedElements;
                } else if (it != sequences.cend()) {
                    parent.last = int(it->size()); // unknown elements go last
                }
            }
            verbatim
                = verbatim || name == u"AdditionalInformation" || reader.namespaceUri() != caexNs;
            stack.append({ name, 0, verbatim });
        } else if (token == QXmlStreamReader::EndElement) {
            stack.removeLast();
        }
    }
    if (reader.hasError())
        return reader.errorString();
    return QString();
}

/// Runs xmllint against a schema; empty when valid, else its output. Skips when unavailable.
QString xmllint(const QString &schema, const QString &file, bool *skipped)
{
    *skipped = QStandardPaths::findExecutable(u"xmllint"_s).isEmpty() || !QFile::exists(schema);
    if (*skipped)
        return QString();
    QProcess p;
    p.start(u"xmllint"_s, { u"--noout"_s, u"--schema"_s, schema, file });
    if (!p.waitForFinished(30000))
        return u"xmllint did not finish"_s;
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return QString();
    return QString::fromLocal8Bit(p.readAllStandardError());
}

QByteArray writeBytes(const CaexFile &f, SchemaVersion version)
{
    CaexWriter::Options options;
    options.version = version;
    return CaexWriter(options).toByteArray(f);
}

} // namespace

class TestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void childOrderFollowsXsd();
    void changeModeOnlyWhenNotState();
    void headerGroup();
    void verbatimFragmentsAreByteIdentical();
    void fragmentNamespaceFollowsVersion();
    void unknownAttributesKept();
    void malformedFragmentFails();
    void foreignNamesRoundTrip_data();
    void foreignNamesRoundTrip();
    void output215();
    void invalidCharactersFail_data();
    void invalidCharactersFail();
    void carriageReturnSurvives();
    void saveIsAtomic();
    void validatesAgainstXsd_data();
    void validatesAgainstXsd();
};

void TestWriter::childOrderFollowsXsd()
{
    const QByteArray xml = writeBytes(fullModel(true), SchemaVersion::V3_0);
    QVERIFY(!xml.isEmpty());
    int checked = 0;
    const QString problem = checkChildOrder(xml, childSequences30(), &checked);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(checked > 60); // the walk really saw the model

    // Spot checks of a few sequences the check above relies on.
    const qsizetype sdi = xml.indexOf("<SourceDocumentInformation");
    QVERIFY(xml.indexOf("<SuperiorStandardVersion>") < sdi);
    QVERIFY(sdi < xml.indexOf("<ExternalReference"));
    QVERIFY(xml.indexOf("<InstanceHierarchy") < xml.indexOf("<InterfaceClassLib"));
    QVERIFY(xml.indexOf("<SystemUnitClassLib") < xml.indexOf("<AttributeTypeLib"));
    // Unknown elements come after the element's known children.
    QVERIFY(xml.indexOf("<ext:Extra") > xml.lastIndexOf("<RoleRequirements"));
}

void TestWriter::changeModeOnlyWhenNotState()
{
    const QByteArray xml = writeBytes(fullModel(true), SchemaVersion::V3_0);
    // Non-state: the file's Description, its Revision, the tank and the tank's Description.
    QCOMPARE(xml.count("ChangeMode="), 4);
    QVERIFY(xml.contains("<Description ChangeMode=\"change\">the plant</Description>"));
    QVERIFY(xml.contains("<Revision ChangeMode=\"change\">"));
    QVERIFY(xml.contains(
        "ID=\"ie-tank\" RefBaseSystemUnitPath=\"Units/TankUnit\" ChangeMode=\"create\""));
    QVERIFY(xml.contains("<Description ChangeMode=\"delete\">tank</Description>"));
}

void TestWriter::headerGroup()
{
    const QByteArray xml = writeBytes(fullModel(false), SchemaVersion::V3_0);
    const qsizetype description = xml.indexOf("<Description ChangeMode=\"change\">the plant");
    const qsizetype version = xml.indexOf("<Version>2</Version>");
    const qsizetype revision = xml.indexOf("<Revision");
    const qsizetype copyright = xml.indexOf("<Copyright>(c) test</Copyright>");
    const qsizetype info = xml.indexOf("<AdditionalInformation");
    QVERIFY(description > 0);
    QVERIFY(
        description < version && version < revision && revision < copyright && copyright < info);
    QVERIFY(info < xml.indexOf("<SuperiorStandardVersion"));
    const QList<qsizetype> revisionParts
        = { xml.indexOf("<RevisionDate>2024-01-01T00:00:00</RevisionDate>", revision),
              xml.indexOf("<OldVersion>1</OldVersion>", revision),
              xml.indexOf("<NewVersion>2</NewVersion>", revision),
              xml.indexOf("<AuthorName>me</AuthorName>", revision),
              xml.indexOf("<Comment>why</Comment>", revision),
              xml.indexOf("</Revision>", revision) };
    for (qsizetype i = 0; i < revisionParts.size(); ++i)
        QVERIFY(revisionParts.at(i) > (i == 0 ? revision : revisionParts.at(i - 1)));
    // The attribute's own header comes before its values.
    const qsizetype levelHeader = xml.indexOf("<Description>fill level</Description>");
    QVERIFY(levelHeader > 0);
    QVERIFY(levelHeader < xml.indexOf("<Copyright>nobody</Copyright>"));
    QVERIFY(xml.indexOf("<Copyright>nobody</Copyright>")
        < xml.indexOf("<DefaultValue>0</DefaultValue>", levelHeader));
    // Present-but-empty value is written, absent is not.
    QVERIFY(xml.contains("<Attribute Name=\"Empty\">"));
    QVERIFY(xml.contains("<Value></Value>") || xml.contains("<Value/>"));
}

void TestWriter::verbatimFragmentsAreByteIdentical()
{
    const QByteArray xml = writeBytes(fullModel(true), SchemaVersion::V3_0);
    QVERIFY(xml.contains(additionalInfo30.toUtf8()));
    QVERIFY(xml.contains(unknownElement.toUtf8()));

    // And they mean what they meant: namespaces resolve as in the fragment.
    QXmlStreamReader reader(xml);
    bool payload = false;
    bool info = false;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == u"AdditionalInformation")
            info = info || reader.namespaceUri() == caexNs;
        if (reader.name() == u"Payload") {
            payload = reader.namespaceUri() == u"urn:example:x"
                && reader.attributes().value(u"urn:example:x"_s, u"kind"_s) == u"test";
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QVERIFY(info);
    QVERIFY(payload);
}

void TestWriter::fragmentNamespaceFollowsVersion()
{
    // A 2.15 payload (no namespace) lands in the CAEX namespace in 3.0, and back.
    CaexFile f;
    f.schemaVersion = SchemaVersion::V2_15;
    f.fileName = u"x.aml"_s;
    f.header.ensure().additionalInformation.append(
        XmlFragment { u"<AdditionalInformation><Note>n</Note></AdditionalInformation>"_s });
    CaexFile g = f;
    g.schemaVersion = SchemaVersion::V3_0;
    g.header->additionalInformation = { XmlFragment { additionalInfo30 } };

    const auto namespaceOf = [](const QByteArray &xml, QStringView local) {
        QXmlStreamReader reader(xml);
        while (reader.readNextStartElement() || !reader.atEnd()) {
            if (reader.isStartElement() && reader.name() == local)
                return reader.namespaceUri().toString();
            if (reader.tokenType() == QXmlStreamReader::Invalid)
                break;
            if (!reader.isStartElement())
                reader.readNext();
        }
        return u"<missing>"_s;
    };
    CaexWriter::Options v3;
    v3.version = SchemaVersion::V3_0;
    CaexFile f3 = f;
    f3.schemaVersion = SchemaVersion::V3_0; // same version: no conversion, only the namespace
    const QByteArray out3 = CaexWriter(v3).toByteArray(f3);
    QCOMPARE(namespaceOf(out3, u"Note"), caexNs);
    // The moved root declares its namespace, as the reader captures it, so it reads back as
    // written.
    QVERIFY(out3.contains("<AdditionalInformation xmlns=\"http://www.dke.de/CAEX\">"
                          "<Note>n</Note></AdditionalInformation>"));

    CaexWriter::Options v215;
    v215.version = SchemaVersion::V2_15;
    CaexFile g215 = g;
    g215.schemaVersion = SchemaVersion::V2_15;
    const QByteArray out215 = CaexWriter(v215).toByteArray(g215);
    QCOMPARE(namespaceOf(out215, u"AdditionalInformation"), QString());
    QCOMPARE(namespaceOf(out215, u"Empty"), QString());
    QCOMPARE(namespaceOf(out215, u"Payload"), u"urn:example:x"_s);
}

void TestWriter::unknownAttributesKept()
{
    const QByteArray xml = writeBytes(fullModel(true), SchemaVersion::V3_0);
    QXmlStreamReader reader(xml);
    bool found = false;
    while (reader.readNextStartElement() || !reader.atEnd()) {
        if (reader.isStartElement() && reader.name() == u"InternalElement"
            && reader.attributes().value(u"Name"_s) == u"Tank") {
            const QXmlStreamAttributes attributes = reader.attributes();
            QCOMPARE(attributes.value(u"urn:example:ext"_s, u"mark"_s), u"m");
            QCOMPARE(attributes.value(u"plain"_s), u"p");
            found = true;
            break;
        }
        if (!reader.isStartElement())
            reader.readNext();
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QVERIFY(found);

    // A prefix without a namespace, or a name that collides, is refused, not written broken.
    CaexFile bad = fullModel(false);
    bad.instanceHierarchies.first().header.ensure().unknownAttributes.append(
        XmlAttribute { u"p:x"_s, QString(), u"1"_s });
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const dt::Result<void> refused = CaexWriter().write(bad, &buffer);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(u"p:x"), qPrintable(refused.error()));

    // xsi is the root's: used as is, never redeclared; the root's schema location is the writer's.
    CaexFile xsi = fullModel(false);
    const QString xsiNs = u"http://www.w3.org/2001/XMLSchema-instance"_s;
    xsi.header->unknownAttributes.append(
        XmlAttribute { u"xsi:schemaLocation"_s, xsiNs, u"urn:old old.xsd"_s });
    xsi.instanceHierarchies.first().header.ensure().unknownAttributes.append(
        XmlAttribute { u"xsi:type"_s, xsiNs, u"T"_s });
    const QByteArray xsiXml = CaexWriter().toByteArray(xsi);
    QCOMPARE(xsiXml.count("xmlns:xsi="), 1);
    QCOMPARE(xsiXml.count("xsi:schemaLocation="), 1);
    QVERIFY(!xsiXml.contains("urn:old"));
    QVERIFY(xsiXml.contains("<InstanceHierarchy Name=\"Plant\" ID=\"ih-1\" xsi:type=\"T\">"));
    // A root attribute using xsi for another namespace keeps its name; the writer's own XSI
    // binding moves to a free prefix.
    xsi.header->unknownAttributes.append(XmlAttribute { u"xsi:other"_s, u"urn:not-xsi"_s, u"1"_s });
    const QByteArray otherXml = CaexWriter().toByteArray(xsi);
    QVERIFY(otherXml.contains("xmlns:xsi=\"urn:not-xsi\" xsi:other=\"1\""));
    QVERIFY(otherXml.contains("xsi1:schemaLocation="));
    QVERIFY(!otherXml.contains("urn:old"));

    CaexFile dup = fullModel(false);
    dup.instanceHierarchies.first().header.ensure().unknownAttributes.append(
        XmlAttribute { u"Name"_s, QString(), u"again"_s });
    QBuffer dupBuffer;
    dupBuffer.open(QIODevice::WriteOnly);
    QVERIFY(!CaexWriter().write(dup, &dupBuffer).ok());
}

void TestWriter::foreignNamesRoundTrip_data()
{
    // Reproducers from the reader fuzz target (tests/fuzz/crashes-found): accepted input the
    // writer refused, or wrote so that it read back different.
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QByteArray>("expected"); // in the written document
    QTest::newRow("xsi prefix bound to another namespace")
        << QByteArray("<CAEXFile xmlns=\"http://www.dke.de/CAEX\" xmlns:xsi=\"urn:other\" "
                      "xsi:tag=\"1\" FileName=\"a.aml\" SchemaVersion=\"3.0\"/>")
        << QByteArray("xmlns:xsi=\"urn:other\" xsi:tag=\"1\"");
    QTest::newRow("xsi:schemaLocation in another namespace")
        << QByteArray("<CAEXFile xmlns=\"http://www.dke.de/CAEX\" xmlns:xsi=\"urn:other\" "
                      "xsi:schemaLocation=\"a b\" FileName=\"a.aml\" SchemaVersion=\"3.0\"/>")
        << QByteArray("xmlns:xsi=\"urn:other\" xsi:schemaLocation=\"a b\"");
    QTest::newRow("xsi prefix bound elsewhere below the root")
        << QByteArray("<CAEXFile xmlns=\"http://www.dke.de/CAEX\" FileName=\"a.aml\" "
                      "SchemaVersion=\"3.0\"><InstanceHierarchy Name=\"H\" "
                      "xmlns:xsi=\"urn:other\" xsi:tag=\"1\"/></CAEXFile>")
        << QByteArray("<InstanceHierarchy Name=\"H\" xmlns:xsi=\"urn:other\" xsi:tag=\"1\"/>");
    // By design a no-namespace fragment moves into the target namespace; its root says so.
    QTest::newRow("no-namespace element in a 3.0 file without namespace")
        << QByteArray("<CAEXFile FileName=\"a.aml\" SchemaVersion=\"3.0\">"
                      "<VendorThing a=\"1\"/></CAEXFile>")
        << QByteArray("<VendorThing xmlns=\"http://www.dke.de/CAEX\" a=\"1\"/>");
}

void TestWriter::foreignNamesRoundTrip()
{
    QFETCH(QByteArray, xml);
    QFETCH(QByteArray, expected);
    const dt::Result<CaexFile> read = CaexReader().read(xml, u"in.aml"_s);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const CaexWriter writer;
    const QByteArray written = writer.toByteArray(*read);
    QVERIFY2(!written.isEmpty(), "the writer refused the model");
    QVERIFY2(written.contains(expected), written.constData());
    const dt::Result<CaexFile> again = CaexReader().read(written, u"out.aml"_s);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    // The moved fragment gains only the declaration of the namespace it was moved into.
    const auto canonical = [](const CaexFile &f) {
        return dumpJson(f).replace(R"( xmlns=\"http://www.dke.de/CAEX\")", "");
    };
    QCOMPARE(canonical(*again), canonical(*read));
    QCOMPARE(writer.toByteArray(*again), written);
}

void TestWriter::malformedFragmentFails()
{
    const QStringList broken = { u"<AdditionalInformation>"_s, u"text"_s,
        u"<AdditionalInformation/><AdditionalInformation/>"_s,
        u"<AdditionalInformation><p:x/></AdditionalInformation>"_s, u"<Other/>"_s };
    for (const QString &xml : broken) {
        CaexFile f = fullModel(false);
        f.instanceHierarchies.first().header.ensure().additionalInformation.append(
            XmlFragment { xml });
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const dt::Result<void> r = CaexWriter().write(f, &buffer);
        QVERIFY2(!r.ok(), qPrintable(xml));
        QVERIFY2(r.error().contains(u"InstanceHierarchy \"Plant\""), qPrintable(r.error()));
    }
}

void TestWriter::output215()
{
    CaexFile f = fullModel(false);
    f.schemaVersion = SchemaVersion::V2_15;
    // Make it a 2.15 model: IE-level MappingObject with name mappings, one RoleRequirements.
    f.attributeTypeLibs.clear();
    f.superiorStandardVersions.clear();
    f.sourceDocumentInformation.clear();
    InternalElement &tank = f.instanceHierarchies.first().internalElements.first();
    tank.roleRequirements.removeLast();
    tank.roleRequirements.first().mappingObject.reset();
    tank.interfaces.first().interfaces.clear();
    tank.attributes.first().refAttributeType.clear();
    MappingObject &m = tank.mappingObject.ensure();
    m.interfaceNameMappings.append({ {}, u"In"_s, u"In"_s });
    MappingObject &classMapping
        = *f.systemUnitClassLibs.first().classes.first().supportedRoleClasses.first().mappingObject;
    classMapping.interfaceIdMappings.clear();
    classMapping.interfaceNameMappings.append({ {}, u"In"_s, u"In"_s });
    f.interfaceClassLibs.first().classes.first().interfaces.clear();
    f.header->additionalInformation
        = { XmlFragment { u"<AdditionalInformation AutomationMLVersion=\"2.0\"/>"_s } };

    const QByteArray xml = writeBytes(f, SchemaVersion::V2_15);
    QVERIFY(xml.contains("SchemaVersion=\"2.15\""));
    QVERIFY(xml.contains("xsi:noNamespaceSchemaLocation=\"CAEX_ClassModel_V2.15.xsd\""));
    QVERIFY(!xml.contains("xmlns=\""));
    QVERIFY(!xml.contains("<SourceDocumentInformation"));
    QVERIFY(xml.contains(
        "<InterfaceNameMapping SystemUnitInterfaceName=\"In\" RoleInterfaceName=\"In\"/>"));
    // 2.15: the element's MappingObject follows its RoleRequirements.
    QVERIFY(xml.indexOf("</RoleRequirements>")
        < xml.indexOf("<MappingObject>", xml.indexOf("<RoleRequirements")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out215.aml"_s);
    CaexWriter::Options options;
    options.version = SchemaVersion::V2_15;
    const dt::Result<void> written = CaexWriter(options).writeFile(f, path);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    bool skipped = false;
    const QString problems = xmllint(dt::test::caexXsd215(), path, &skipped);
    if (skipped)
        QSKIP("xmllint or the CAEX 2.15 XSD is not available");
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestWriter::invalidCharactersFail_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("inValue"); // element text, else attribute value
    QTest::newRow("control in attribute") << (u"a"_s + QChar(0x01)) << false;
    QTest::newRow("control in text") << (u"a"_s + QChar(0x1f)) << true;
    QTest::newRow("lone high surrogate") << QString(QChar(0xd800)) << true;
    QTest::newRow("lone low surrogate") << (u"x"_s + QChar(0xdc00)) << false;
    QTest::newRow("U+FFFF") << QString(QChar(0xffff)) << true;
}

void TestWriter::invalidCharactersFail()
{
    QFETCH(QString, text);
    QFETCH(bool, inValue);
    CaexFile f = fullModel(false);
    Attribute &a = f.instanceHierarchies.first().internalElements.first().attributes.first();
    if (inValue)
        a.value = text;
    else
        a.unit = text;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const dt::Result<void> r = CaexWriter().write(f, &buffer);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(u"XML 1.0"), qPrintable(r.error()));
    QVERIFY2(r.error().contains(u"Plant/Tank/Level"), qPrintable(r.error()));
    QVERIFY(CaexWriter().toByteArray(f).isEmpty());

    // A valid surrogate pair is fine.
    a.value = QString::fromUcs4(U"\U0001F600");
    a.unit.clear();
    QVERIFY(!CaexWriter().toByteArray(f).isEmpty());
}

void TestWriter::carriageReturnSurvives()
{
    CaexFile f = fullModel(false);
    Attribute &a = f.instanceHierarchies.first().internalElements.first().attributes.first();
    a.value = u"line1\r\nline2\r"_s;
    a.unit = u"a\rb"_s;
    const QByteArray xml = CaexWriter().toByteArray(f);
    QXmlStreamReader reader(xml);
    bool checked = false;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == u"Attribute"
            && reader.attributes().value(u"Name"_s) == u"Level") {
            QCOMPARE(reader.attributes().value(u"Unit"_s), u"a\rb");
            while (reader.readNextStartElement() && reader.name() != u"Value")
                reader.skipCurrentElement();
            QCOMPARE(reader.readElementText(), u"line1\r\nline2\r"_s);
            checked = true;
            break;
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QVERIFY(checked);
}

void TestWriter::saveIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"model.aml"_s);
    const CaexFile f = fullModel(false);
    QVERIFY(CaexWriter().writeFile(f, path).ok());
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray original = written.readAll();
    written.close();
    QCOMPARE(original, CaexWriter().toByteArray(f));

    // A write that fails half-way leaves the old file as it was.
    CaexFile bad = fullModel(false);
    bad.systemUnitClassLibs.first().classes.first().name = u"bad"_s + QChar(0x02);
    const dt::Result<void> failed = CaexWriter().writeFile(bad, path);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().contains(path), qPrintable(failed.error()));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), original);
    written.close();
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::Files), QStringList { u"model.aml"_s }); // no leftovers

    // An unwritable directory: failure naming the path and the reason, old file unchanged.
    const QString lockedDir = dir.filePath(u"locked"_s);
    QVERIFY(QDir().mkpath(lockedDir));
    const QString lockedPath = lockedDir + u"/model.aml"_s;
    QVERIFY(QFile::copy(path, lockedPath));
    QVERIFY(QFile::setPermissions(lockedDir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QString target = lockedPath;
    QFile probe(lockedDir + u"/probe"_s);
    if (probe.open(QIODevice::WriteOnly)) { // running as root: permissions do not stop us
        probe.close();
        probe.remove();
        target = u"/proc/self/dt-writer-test.aml"_s; // a directory nobody may create files in
    }
    const dt::Result<void> refused = CaexWriter().writeFile(f, target);
    QFile::setPermissions(
        lockedDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(target), qPrintable(refused.error()));
    QVERIFY2(refused.error().size() > target.size() + 16, qPrintable(refused.error())); // a reason
    QFile locked(lockedPath);
    QVERIFY(locked.open(QIODevice::ReadOnly));
    QCOMPARE(locked.readAll(), original);
}

void TestWriter::validatesAgainstXsd_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("3.0") << int(SchemaVersion::V3_0);
    QTest::newRow("3.0 model written as 2.15") << int(SchemaVersion::V2_15);
}

void TestWriter::validatesAgainstXsd()
{
    QFETCH(int, version);
    const auto target = SchemaVersion(version);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"valid.aml"_s);
    CaexWriter::Options options;
    options.version = target;
    const dt::Result<void> written = CaexWriter(options).writeFile(fullModel(false), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    bool skipped = false;
    const QString xsd
        = target == SchemaVersion::V3_0 ? dt::test::caexXsd30() : dt::test::caexXsd215();
    const QString problems = xmllint(xsd, path, &skipped);
    if (skipped)
        QSKIP("xmllint or the CAEX XSD is not available");
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QTEST_GUILESS_MAIN(TestWriter)
#include "tst_writer.moc"
