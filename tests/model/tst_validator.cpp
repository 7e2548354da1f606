// SPDX-License-Identifier: GPL-3.0-or-later
// Validator: small CAEX documents (and models built in code) against the diagnostics they must
// give: severity, a fragment of the message, the element ID (or path) and the line.
#include <model/caexreader.h>
#include <model/generator.h>
#include <model/resolver.h>
#include <model/validator.h>
#include <model/xsdvalue.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::model;
using dt::Result;

namespace {

// Lines 1-3; the body of each case starts on line 4.
// (An ordinary literal: moc's tokenizer trips over "<?xml" in a raw string.)
const QString Head = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<CAEXFile xmlns=\"http://www.dke.de/CAEX\" SchemaVersion=\"3.0\" FileName=\"t.aml\">\n"
                     "<SourceDocumentInformation OriginName=\"t\" OriginID=\"t\" OriginVersion=\"1\" "
                     "LastWritingDateTime=\"2024-01-01T00:00:00\"/>\n"_s;

// Just enough of our DT libraries for the semantic cases, after the body (line numbers of the
// body stay put).
const QString DtLibraries = uR"(
<InterfaceClassLib Name="DigitalTwinInterfaceClassLib">
<InterfaceClass Name="AttributeInterface"/>
<InterfaceClass Name="ModbusVariable"/>
</InterfaceClassLib>
<RoleClassLib Name="DigitalTwinRoleClassLib">
<RoleClass Name="DigitalTwin"/>
<RoleClass Name="API"/>
<RoleClass Name="Communication"/>
<RoleClass Name="PhysicalDeviceModel"/>
</RoleClassLib>
<SystemUnitClassLib Name="DigitalTwinComponentLib">
<SystemUnitClass Name="DigitalTwin"/>
<SystemUnitClass Name="RestAPI"/>
<SystemUnitClass Name="ModbusTCPClient"/>
</SystemUnitClassLib>
</CAEXFile>
)"_s;

struct Outcome
{
    bool read = false;
    QString readError;
    Diagnostics diagnostics;
};

Outcome validateXml(const QString &body, const QString &baseDirectory = QString())
{
    Outcome outcome;
    CaexReader::Options options;
    options.recordPositions = true;
    CaexReader reader(options);
    Result<CaexFile> file = reader.read((Head + body + DtLibraries).toUtf8(), u"t.aml"_s);
    if (!file.ok()) {
        outcome.readError = file.error();
        return outcome;
    }
    outcome.read = true;
    Resolver resolver(*file, baseDirectory);
    outcome.diagnostics = Validator().validate(*file, resolver, &reader.sourceMap(), u"t.aml"_s);
    return outcome;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString() + u" [id "_s + d.elementId + u']';
    return lines.isEmpty() ? u"(none)"_s : lines.join(u'\n');
}

int count(const Diagnostics &diagnostics, Severity severity)
{
    int n = 0;
    for (const Diagnostic &d : diagnostics)
        n += d.severity == severity ? 1 : 0;
    return n;
}

// A device with an attribute, an AttributeInterface, a twin with an API, and a Modbus client
// whose variable is bound to the device's interface: everything the semantic check wants.
const QString ValidTwin = uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Plant" ID="plant">
<InternalElement Name="Valve" ID="valve">
<Attribute Name="Torque" AttributeDataType="xs:double" Unit="%"><Value>12.5</Value></Attribute>
<ExternalInterface Name="Torque" ID="valve-torque" RefBaseClassPath="DigitalTwinInterfaceClassLib/AttributeInterface">
<Attribute Name="Attribute" AttributeDataType="xs:string"><Value>Torque</Value></Attribute>
</ExternalInterface>
<SupportedRoleClass RefRoleClassPath="DigitalTwinRoleClassLib/PhysicalDeviceModel"/>
</InternalElement>
<InternalElement Name="Twin" ID="twin" RefBaseSystemUnitPath="DigitalTwinComponentLib/DigitalTwin">
<Attribute Name="IPAddress" AttributeDataType="xs:string"><Value>127.0.0.1</Value></Attribute>
<Attribute Name="Port" AttributeDataType="xs:int"><Value>8080</Value></Attribute>
<InternalElement Name="Api" ID="api" RefBaseSystemUnitPath="DigitalTwinComponentLib/RestAPI"/>
<InternalElement Name="Modbus" ID="modbus" RefBaseSystemUnitPath="DigitalTwinComponentLib/ModbusTCPClient">
<Attribute Name="Host" AttributeDataType="xs:string"><Value>localhost</Value></Attribute>
<Attribute Name="Port" AttributeDataType="xs:int"><Value>1502</Value></Attribute>
<Attribute Name="UnitId" AttributeDataType="xs:int"><Value>1</Value></Attribute>
<ExternalInterface Name="Torque" ID="mb-torque" RefBaseClassPath="DigitalTwinInterfaceClassLib/ModbusVariable">
<Attribute Name="RegisterType" AttributeDataType="xs:string"><Value>input</Value></Attribute>
<Attribute Name="Address" AttributeDataType="xs:int"><Value>2</Value></Attribute>
<Attribute Name="DataType" AttributeDataType="xs:string"><Value>uint16</Value></Attribute>
</ExternalInterface>
</InternalElement>
</InternalElement>
<InternalLink Name="TorqueBinding" ID="bind" RefPartnerSideA="mb-torque" RefPartnerSideB="valve:Torque"/>
</InternalElement>
</InstanceHierarchy>)"_s;

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diagnostics_data();
    void diagnostics();
    void validTwinIsClean();
    void externalLibraryThatCannotBeLoadedIsAWarning();
    void facetRepeatsParentIds();
    void modelBuiltInCode();
    void inheritanceCycleReportedOnce();
    void xsdValues_data();
    void xsdValues();
    void generatedPlantIsClean();
};

void TestValidator::diagnostics_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<QString>("elementId");
    QTest::addColumn<int>("line");

    const int E = int(Severity::Error);
    const int W = int(Severity::Warning);

    // --- structure
    QTest::newRow("missing name") << uR"(<InstanceHierarchy Name="H">
<InternalElement ID="e1"/>
</InstanceHierarchy>)"_s << E << u"InternalElement without a Name"_s << u"e1"_s << 5;
    QTest::newRow("duplicate id") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="x1"/>
<InternalElement Name="B" ID="x1"/>
</InstanceHierarchy>)"_s << E << u"duplicate ID 'x1'"_s << u"x1"_s << 6;
    QTest::newRow("duplicate id with braces") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="{x1}"/>
<InternalElement Name="B" ID="x1"/>
</InstanceHierarchy>)"_s << E << u"duplicate ID 'x1'"_s << u"x1"_s << 6;
    QTest::newRow("duplicate id in libraries") << uR"(<SystemUnitClassLib Name="L">
<SystemUnitClass Name="A"><ExternalInterface Name="I" ID="dup"/></SystemUnitClass>
<SystemUnitClass Name="B"><ExternalInterface Name="I" ID="dup"/></SystemUnitClass>
</SystemUnitClassLib>)"_s << W << u"duplicate ID 'dup'"_s << u"dup"_s << 6;
    QTest::newRow("duplicate alias") << uR"(<ExternalReference Alias="L" Path="a.aml"/>
<ExternalReference Alias="L" Path="b.aml"/>)"_s << E << u"alias 'L' is declared twice"_s
                                     << QString() << 0;

    // --- references
    QTest::newRow("system unit path") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a" RefBaseSystemUnitPath="NoLib/Pump"/>
</InstanceHierarchy>)"_s << E << u"RefBaseSystemUnitPath 'NoLib/Pump' does not resolve"_s
                                      << u"a"_s << 5;
    QTest::newRow("path as id when no ID") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A">
<InternalElement Name="B" RefBaseSystemUnitPath="NoLib/Pump"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"does not resolve"_s << u"H/A/B"_s << 6;
    QTest::newRow("supported role") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<SupportedRoleClass RefRoleClassPath="NoLib/Role"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"RefRoleClassPath 'NoLib/Role' does not resolve"_s << u"a"_s << 5;
    QTest::newRow("role requirement") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<RoleRequirements RefBaseRoleClassPath="X/Y"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"RefBaseRoleClassPath 'X/Y' does not resolve"_s << u"a"_s << 5;
    QTest::newRow("interface class") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<ExternalInterface Name="I" ID="i1" RefBaseClassPath="IfLib/Nope"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"RefBaseClassPath 'IfLib/Nope' does not resolve"_s << u"i1"_s << 6;
    QTest::newRow("attribute type") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<Attribute Name="T" RefAttributeType="ATLib/Nope"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"RefAttributeType 'ATLib/Nope' does not resolve"_s << u"a"_s << 6;
    QTest::newRow("base class") << uR"(<SystemUnitClassLib Name="L">
<SystemUnitClass Name="S" RefBaseClassPath="L/Missing"/>
</SystemUnitClassLib>)"_s << E << u"RefBaseClassPath 'L/Missing'"_s << u"L/S"_s << 5;
    QTest::newRow("undeclared alias") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a" RefBaseSystemUnitPath="Nope@Lib/C"/>
</InstanceHierarchy>)"_s << E << u"'Nope@Lib/C' does not resolve"_s << u"a"_s << 5;
    QTest::newRow("link partner missing") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<ExternalInterface Name="Out" ID="a-out"/>
</InternalElement>
<InternalElement Name="P" ID="p">
<InternalLink Name="L" RefPartnerSideA="a:Out" RefPartnerSideB="zz:In"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"RefPartnerSideB 'zz:In' does not exist"_s << u"p"_s << 9;
    QTest::newRow("link to itself") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<ExternalInterface Name="In" ID="a-in"/>
<ExternalInterface Name="Out" ID="a-out"/>
<InternalLink Name="Loop" ID="loop" RefPartnerSideA="a:Out" RefPartnerSideB="a:In"/>
</InternalElement>
</InstanceHierarchy>)"_s << W << u"connects element"_s << u"loop"_s << 8;
    QTest::newRow("role cycle") << uR"(<RoleClassLib Name="R">
<RoleClass Name="A" RefBaseClassPath="R/B"/>
<RoleClass Name="B" RefBaseClassPath="R/A"/>
</RoleClassLib>)"_s << E << u"inheritance cycle"_s << u"R/A"_s << 5;
    QTest::newRow("self base") << uR"(<InterfaceClassLib Name="I">
<InterfaceClass Name="X" ID="ix" RefBaseClassPath="I/X"/>
</InterfaceClassLib>)"_s << E << u"inheritance cycle: I/X -> I/X"_s << u"ix"_s << 5;

    // --- values
    const QString attributeCase = uR"(<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a">
<Attribute Name="V" AttributeDataType="%1"><Value>%2</Value>%3</Attribute>
</InternalElement>
</InstanceHierarchy>)"_s;
    auto value = [&](const char *type, const char *text, const QString &extra = QString()) {
        return attributeCase.arg(QLatin1StringView(type), QLatin1StringView(text), extra);
    };
    QTest::newRow("boolean True") << value("xs:boolean", "True") << W << u"'True' is not a canonical xs:boolean"_s << u"a"_s << 6;
    QTest::newRow("boolean yes") << value("xs:boolean", "yes") << E << u"'yes' is not a valid xs:boolean"_s << u"a"_s << 6;
    QTest::newRow("int fraction") << value("xs:int", "12.5") << E << u"not a valid xs:int"_s << u"a"_s << 6;
    QTest::newRow("int overflow") << value("xs:int", "3000000000") << E << u"not a valid xs:int"_s << u"a"_s << 6;
    QTest::newRow("integer text") << value("xs:integer", "ten") << E << u"not a valid xs:integer"_s << u"a"_s << 6;
    QTest::newRow("double text") << value("xs:double", "abc") << E << u"not a valid xs:double"_s << u"a"_s << 6;
    QTest::newRow("double comma") << value("xs:double", "0,5") << W << u"not a canonical xs:double"_s << u"a"_s << 6;
    QTest::newRow("float text") << value("xs:float", "1.2.3") << E << u"not a valid xs:float"_s << u"a"_s << 6;
    QTest::newRow("decimal exponent") << value("xs:decimal", "x1") << E << u"not a valid xs:decimal"_s << u"a"_s << 6;
    QTest::newRow("dateTime month") << value("xs:dateTime", "2020-13-01T00:00:00") << E << u"not a valid xs:dateTime"_s << u"a"_s << 6;
    QTest::newRow("ordinal above")
        << value("xs:double", "150", u"<Constraint Name=\"Range\"><OrdinalScaledType><RequiredMaxValue>100</RequiredMaxValue><RequiredMinValue>0</RequiredMinValue></OrdinalScaledType></Constraint>"_s)
        << W << u"outside [0, 100] of constraint 'Range'"_s << u"a"_s << 6;
    QTest::newRow("ordinal below")
        << value("xs:int", "-1", u"<Constraint Name=\"Min\"><OrdinalScaledType><RequiredMinValue>0</RequiredMinValue></OrdinalScaledType></Constraint>"_s)
        << W << u"outside [0, -] of constraint 'Min'"_s << u"a"_s << 6;
    QTest::newRow("nominal")
        << value("xs:string", "Fast", u"<Constraint Name=\"Modes\"><NominalScaledType><RequiredValue>Auto</RequiredValue><RequiredValue>Manual</RequiredValue></NominalScaledType></Constraint>"_s)
        << W << u"'Fast' is not one of the values allowed by constraint 'Modes'"_s << u"a"_s << 6;

    // --- digital-twin semantics
    QTest::newRow("twin without api") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Twin" ID="twin">
<Attribute Name="IPAddress"><Value>127.0.0.1</Value></Attribute>
<Attribute Name="Port"><Value>8080</Value></Attribute>
<SupportedRoleClass RefRoleClassPath="DigitalTwinRoleClassLib/DigitalTwin"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"DigitalTwin 'Twin' has no child element with the role API"_s << u"twin"_s << 5;
    QTest::newRow("twin without port") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Twin" ID="twin">
<Attribute Name="IPAddress"><Value>127.0.0.1</Value></Attribute>
<InternalElement Name="Api" ID="api" RefBaseSystemUnitPath="DigitalTwinComponentLib/RestAPI"/>
<RoleRequirements RefBaseRoleClassPath="DigitalTwinRoleClassLib/DigitalTwin"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"DigitalTwin 'Twin' needs an attribute 'Port'"_s << u"twin"_s << 5;
    QTest::newRow("twin by class, no address") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Twin" ID="twin" RefBaseSystemUnitPath="DigitalTwinComponentLib/DigitalTwin">
<Attribute Name="Port"><Value>8080</Value></Attribute>
<InternalElement Name="Api" ID="api" RefBaseSystemUnitPath="DigitalTwinComponentLib/RestAPI"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"needs an attribute 'IPAddress'"_s << u"twin"_s << 5;
    QTest::newRow("twin port range") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Twin" ID="twin" RefBaseSystemUnitPath="DigitalTwinComponentLib/DigitalTwin">
<Attribute Name="IPAddress"><Value>127.0.0.1</Value></Attribute>
<Attribute Name="Port"><Value>70000</Value></Attribute>
<InternalElement Name="Api" ID="api" RefBaseSystemUnitPath="DigitalTwinComponentLib/RestAPI"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"Port '70000' is not between 1 and 65535"_s << u"twin"_s << 7;
    QTest::newRow("twin bad address") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Twin" ID="twin" RefBaseSystemUnitPath="DigitalTwinComponentLib/DigitalTwin">
<Attribute Name="IPAddress"><Value>300.1.2.3</Value></Attribute>
<Attribute Name="Port"><Value>8080</Value></Attribute>
<InternalElement Name="Api" ID="api" RefBaseSystemUnitPath="DigitalTwinComponentLib/RestAPI"/>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"IPAddress '300.1.2.3' is not an IP address or host name"_s << u"twin"_s << 6;
    QTest::newRow("twin role of a derived class") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Twin" ID="twin">
<Attribute Name="IPAddress"><Value>127.0.0.1</Value></Attribute>
<Attribute Name="Port"><Value>8080</Value></Attribute>
<SupportedRoleClass RefRoleClassPath="MyRoles/PlantTwin"/>
</InternalElement>
</InstanceHierarchy>
<RoleClassLib Name="MyRoles">
<RoleClass Name="PlantTwin" RefBaseClassPath="DigitalTwinRoleClassLib/DigitalTwin"/>
</RoleClassLib>)"_s << E << u"has no child element with the role API"_s << u"twin"_s << 5;

    const QString storageCase = uR"(<InstanceHierarchy Name="H">
<InternalElement Name="History" ID="history" RefBaseSystemUnitPath="DigitalTwinComponentLib/%1">
<Attribute Name="%2"><Value>%3</Value></Attribute>
</InternalElement>
</InstanceHierarchy>)"_s;
    QTest::newRow("storage batch size")
        << storageCase.arg(u"SQLiteStorage"_s, u"BatchSize"_s, u"0"_s) << E
        << u"BatchSize '0' is not between 1 and 1000000"_s << u"history"_s << 6;
    QTest::newRow("storage flush interval")
        << storageCase.arg(u"PostgreSQLStorage"_s, u"FlushIntervalMs"_s, u"soon"_s) << E
        << u"FlushIntervalMs 'soon' is not a whole number"_s << u"history"_s << 6;

    const QString modbusCase = uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Client" ID="client">
<ExternalInterface Name="Var" ID="var" RefBaseClassPath="DigitalTwinInterfaceClassLib/ModbusVariable">
<Attribute Name="RegisterType"><Value>%1</Value></Attribute>
<Attribute Name="Address"><Value>%2</Value></Attribute>
<Attribute Name="DataType"><Value>%3</Value></Attribute>
</ExternalInterface>
</InternalElement>
</InstanceHierarchy>)"_s;
    QTest::newRow("modbus register type") << modbusCase.arg(u"register"_s, u"5"_s, u"uint16"_s) << E
        << u"RegisterType 'register' is not one of coil, discrete, input, holding"_s << u"var"_s << 7;
    QTest::newRow("modbus negative address") << modbusCase.arg(u"holding"_s, u"-1"_s, u"uint16"_s) << E
        << u"Address '-1' is not between 0 and 65535"_s << u"var"_s << 8;
    QTest::newRow("modbus address text") << modbusCase.arg(u"holding"_s, u"four"_s, u"uint16"_s) << E
        << u"Address 'four' is not a whole number"_s << u"var"_s << 8;
    QTest::newRow("modbus data type") << modbusCase.arg(u"holding"_s, u"3"_s, u"float64"_s) << E
        << u"DataType 'float64' is not one of bool"_s << u"var"_s << 9;
    QTest::newRow("modbus coil holds bits") << modbusCase.arg(u"coil"_s, u"3"_s, u"uint16"_s) << E
        << u"RegisterType 'coil' needs DataType bool, not 'uint16'"_s << u"var"_s << 6;
    QTest::newRow("modbus case") << modbusCase.arg(u"Holding"_s, u"3"_s, u"uint16"_s) << W
        << u"RegisterType 'Holding' is not written as one of"_s << u"var"_s << 7;
    QTest::newRow("modbus missing address") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Client" ID="client">
<ExternalInterface Name="Var" ID="var" RefBaseClassPath="DigitalTwinInterfaceClassLib/ModbusVariable">
<Attribute Name="RegisterType"><Value>holding</Value></Attribute>
</ExternalInterface>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"ModbusVariable 'Var' needs an attribute 'Address'"_s << u"var"_s << 6;
    QTest::newRow("modbus missing data type") << uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Client" ID="client">
<ExternalInterface Name="Var" ID="var" RefBaseClassPath="DigitalTwinInterfaceClassLib/ModbusVariable">
<Attribute Name="RegisterType"><Value>holding</Value></Attribute>
<Attribute Name="Address"><Value>7</Value></Attribute>
<Attribute Name="DataType"/>
</ExternalInterface>
</InternalElement>
</InstanceHierarchy>)"_s << E << u"ModbusVariable 'Var': attribute 'DataType' has no value"_s << u"var"_s << 9;

    QString wrongPartner = ValidTwin;
    wrongPartner.replace(u"RefPartnerSideB=\"valve:Torque\""_s, u"RefPartnerSideB=\"valve:Plain\""_s);
    wrongPartner.replace(u"<SupportedRoleClass RefRoleClassPath=\"DigitalTwinRoleClassLib/PhysicalDeviceModel\"/>"_s,
                         u"<ExternalInterface Name=\"Plain\" ID=\"plain\"/>\n<SupportedRoleClass RefRoleClassPath=\"DigitalTwinRoleClassLib/PhysicalDeviceModel\"/>"_s);
    QTest::newRow("modbus binding partner") << wrongPartner << E
        << u"it needs an AttributeInterface on the other side"_s << u"bind"_s << 29;

    QString missingAttribute = ValidTwin;
    missingAttribute.replace(u"<Value>Torque</Value>"_s, u"<Value>Pressure</Value>"_s);
    QTest::newRow("attribute interface target") << missingAttribute << E
        << u"AttributeInterface 'Torque' exposes attribute 'Pressure', which element 'Valve' does not have"_s
        << u"valve-torque"_s << 8;

    QString twoTwins = ValidTwin;
    twoTwins.replace(u"<InternalLink Name"_s, uR"(<InternalElement Name="Twin2" ID="twin2" RefBaseSystemUnitPath="DigitalTwinComponentLib/DigitalTwin">
<Attribute Name="IPAddress"><Value>127.0.0.1</Value></Attribute>
<Attribute Name="Port"><Value>8080</Value></Attribute>
<InternalElement Name="Api" ID="api2" RefBaseSystemUnitPath="DigitalTwinComponentLib/RestAPI"/>
</InternalElement>
<InternalLink Name)"_s);
    QTest::newRow("two twins on one endpoint") << twoTwins << E
        << u"DigitalTwin 'Twin2' listens on 127.0.0.1:8080, as DigitalTwin 'H/Plant/Twin' already does"_s
        << u"twin2"_s << 28;
}

void TestValidator::diagnostics()
{
    QFETCH(QString, body);
    QFETCH(int, severity);
    QFETCH(QString, fragment);
    QFETCH(QString, elementId);
    QFETCH(int, line);

    const Outcome outcome = validateXml(body);
    QVERIFY2(outcome.read, qPrintable(outcome.readError));
    const Diagnostic *match = nullptr;
    for (const Diagnostic &d : outcome.diagnostics) {
        if (d.message.contains(fragment)) {
            match = &d;
            break;
        }
    }
    QVERIFY2(match, qPrintable(u"no diagnostic contains \""_s + fragment + u"\"; got:\n"_s
                               + describe(outcome.diagnostics)));
    QCOMPARE(int(match->severity), severity);
    QCOMPARE(match->elementId, elementId);
    QCOMPARE(match->file, u"t.aml"_s);
    if (line > 0)
        QCOMPARE(match->position.line, qint64(line));
}

void TestValidator::validTwinIsClean()
{
    const Outcome outcome = validateXml(ValidTwin);
    QVERIFY2(outcome.read, qPrintable(outcome.readError));
    QVERIFY2(outcome.diagnostics.isEmpty(), qPrintable(describe(outcome.diagnostics)));
}

void TestValidator::externalLibraryThatCannotBeLoadedIsAWarning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString body = uR"(<ExternalReference Alias="Std" Path="missing-standard-library.aml"/>
<InstanceHierarchy Name="H">
<InternalElement Name="A" ID="a" RefBaseSystemUnitPath="Std@StdLib/Pump"/>
</InstanceHierarchy>)"_s;
    const Outcome outcome = validateXml(body, dir.path());
    QVERIFY2(outcome.read, qPrintable(outcome.readError));
    QCOMPARE(count(outcome.diagnostics, Severity::Error), 0);
    QCOMPARE(count(outcome.diagnostics, Severity::Warning), 1);
    const Diagnostic &d = outcome.diagnostics.first();
    QVERIFY2(d.message.contains(u"cannot be loaded"_s), qPrintable(d.message));
    QCOMPARE(d.elementId, u"a"_s);
    QCOMPARE(d.position.line, qint64(6));
}

void TestValidator::facetRepeatsParentIds()
{
    const QString body = uR"(<InstanceHierarchy Name="H">
<InternalElement Name="Drive" ID="drive">
<Attribute Name="Speed"/>
<ExternalInterface Name="Power" ID="power"/>
<InternalElement Name="ElectricalView" ID="facet">
<ExternalInterface Name="Power" ID="power"/>
<RoleRequirements RefBaseRoleClassPath="Roles/Facet"/>
</InternalElement>
<InternalElement Name="NotAFacet" ID="other">
<ExternalInterface Name="Power" ID="power"/>
</InternalElement>
</InternalElement>
</InstanceHierarchy>
<RoleClassLib Name="Roles"><RoleClass Name="Facet"/></RoleClassLib>)"_s;
    const Outcome outcome = validateXml(body);
    QVERIFY2(outcome.read, qPrintable(outcome.readError));
    QCOMPARE(outcome.diagnostics.size(), 1);
    QVERIFY(outcome.diagnostics.first().message.contains(u"duplicate ID 'power'"_s));
    QCOMPARE(outcome.diagnostics.first().position.line, qint64(13));
}

void TestValidator::modelBuiltInCode()
{
    CaexFile file;
    SourceDocumentInformation info;
    info.originName = u"test"_s;
    file.sourceDocumentInformation.append(info);
    InstanceHierarchy &h = file.instanceHierarchies.append();
    h.name = u"H"_s;
    InternalElement &a = h.internalElements.append();
    a.name = u"A"_s;
    a.id = u"same"_s;
    InternalElement &b = a.internalElements.append();
    b.name = u"B"_s;
    b.id = u"same"_s;
    InternalElement &nameless = a.internalElements.append();
    Q_UNUSED(nameless)
    Attribute &flag = b.attributes.append();
    flag.name = u"Flag"_s;
    flag.dataType = u"xs:boolean"_s;
    flag.value = u"TRUE"_s;

    Resolver resolver(file);
    const Diagnostics diagnostics = Validator().validate(file, resolver);
    QCOMPARE(count(diagnostics, Severity::Error), 2);
    QCOMPARE(count(diagnostics, Severity::Warning), 1);
    QStringList seen;
    for (const Diagnostic &d : diagnostics) {
        QCOMPARE(d.position.line, qint64(0)); // no source map, no positions
        seen << d.elementId + u": "_s + d.message.section(u' ', 0, 1);
    }
    QVERIFY2(seen.contains(u"same: duplicate ID"_s), qPrintable(seen.join(u'\n')));
    // Without an ID, the element is named by its path.
    QVERIFY2(seen.contains(u"H/A/: InternalElement without"_s), qPrintable(seen.join(u'\n')));
    QVERIFY2(seen.contains(u"same: attribute 'Flag':"_s), qPrintable(seen.join(u'\n')));
}

void TestValidator::inheritanceCycleReportedOnce()
{
    // A three-class cycle and a class hanging off it: one report, naming the whole cycle.
    const Outcome outcome = validateXml(uR"(<SystemUnitClassLib Name="L">
<SystemUnitClass Name="A" RefBaseClassPath="L/B"/>
<SystemUnitClass Name="B" RefBaseClassPath="L/C"/>
<SystemUnitClass Name="C" RefBaseClassPath="L/A"/>
<SystemUnitClass Name="D" RefBaseClassPath="L/A"/>
</SystemUnitClassLib>)"_s);
    QVERIFY2(outcome.read, qPrintable(outcome.readError));
    int cycles = 0;
    for (const Diagnostic &d : outcome.diagnostics) {
        if (d.message.contains(u"inheritance cycle"_s)) {
            ++cycles;
            QVERIFY2(d.message.contains(u"L/A -> L/B -> L/C -> L/A"_s), qPrintable(d.message));
        }
    }
    QCOMPARE(cycles, 1);
}

void TestValidator::xsdValues_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("fit");
    const int V = int(XsdFit::Valid);
    const int L = int(XsdFit::Lenient);
    const int I = int(XsdFit::Invalid);
    const int U = int(XsdFit::Unchecked);
    QTest::newRow("bool 1") << u"xs:boolean"_s << u"1"_s << V;
    QTest::newRow("bool FALSE") << u"xs:boolean"_s << u"FALSE"_s << L;
    QTest::newRow("int max") << u"xs:int"_s << u"2147483647"_s << V;
    QTest::newRow("int min") << u"xs:int"_s << u"-2147483648"_s << V;
    QTest::newRow("int below") << u"xs:int"_s << u"-2147483649"_s << I;
    QTest::newRow("int padded") << u"xsd:int"_s << u" 0042 "_s << V;
    QTest::newRow("unsigned negative") << u"xs:unsignedShort"_s << u"-3"_s << I;
    QTest::newRow("unsignedByte 256") << u"xs:unsignedByte"_s << u"256"_s << I;
    QTest::newRow("long big") << u"xs:long"_s << u"9223372036854775808"_s << I;
    QTest::newRow("integer huge") << u"xs:integer"_s << u"123456789012345678901234567890"_s << V;
    QTest::newRow("double exp") << u"xs:double"_s << u"-1.5E-3"_s << V;
    QTest::newRow("double INF") << u"xs:double"_s << u"INF"_s << V;
    QTest::newRow("double inf") << u"xs:double"_s << u"inf"_s << L;
    QTest::newRow("double dot") << u"xs:double"_s << u"."_s << I;
    QTest::newRow("decimal") << u"xs:decimal"_s << u"+.5"_s << V;
    QTest::newRow("decimal exp") << u"xs:decimal"_s << u"1e3"_s << L;
    QTest::newRow("dateTime") << u"xs:dateTime"_s << u"2022-02-09T10:54:03.0537578"_s << V;
    QTest::newRow("dateTime zone") << u"xs:dateTime"_s << u"2013-07-22T15:12:37+02:00"_s << V;
    QTest::newRow("dateTime compact zone") << u"xs:dateTime"_s << u"2013-07-22T15:12:37+0200"_s << L;
    QTest::newRow("dateTime date only") << u"xs:dateTime"_s << u"2013-07-22"_s << I;
    QTest::newRow("date") << u"xs:date"_s << u"2013-07-22Z"_s << V;
    QTest::newRow("time") << u"xs:time"_s << u"25:00:00"_s << I;
    QTest::newRow("duration") << u"xs:duration"_s << u"P1Y2MT3.5S"_s << V;
    QTest::newRow("duration empty T") << u"xs:duration"_s << u"P1DT"_s << I;
    QTest::newRow("hexBinary") << u"xs:hexBinary"_s << u"0aFf"_s << V;
    QTest::newRow("base64") << u"xs:base64Binary"_s << u"QUJD"_s << V;
    QTest::newRow("string") << u"xs:string"_s << u"anything"_s << U;
    QTest::newRow("vendor type") << u"xs:IDREF"_s << u"x"_s << U;
}

void TestValidator::xsdValues()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(int, fit);
    QCOMPARE(int(checkXsdValue(type, value)), fit);
}

void TestValidator::generatedPlantIsClean()
{
    GeneratorOptions options;
    options.elements = 2000;
    options.seed = 7;
    const CaexFile plant = generatePlant(options);
    Resolver resolver(plant);
    const Diagnostics diagnostics = Validator().validate(plant, resolver);
    QCOMPARE(count(diagnostics, Severity::Error), 0);
    // The one use of the ExternalReference alias refers to a library the file does not ship.
    QCOMPARE(count(diagnostics, Severity::Warning), 1);
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
