// SPDX-License-Identifier: GPL-3.0-or-later
// Modbus device configurations read from the model: the refinery example as shipped, inherited
// defaults, derived classes, RTU, and broken register maps with clear errors.
#include "modbus/modbusdeviceconfig.h"

#include "model/caexreader.h"
#include "model/resolver.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::runtime;
using dt::model::Attribute;
using dt::model::CaexFile;
using dt::model::InternalElement;

namespace {

InternalElement *findElement(dt::model::NodeList<InternalElement> &list, QStringView name)
{
    for (InternalElement &element : list) {
        if (element.name == name)
            return &element;
        if (InternalElement *found = findElement(element.internalElements, name))
            return found;
    }
    return nullptr;
}

InternalElement *findElement(CaexFile &file, QStringView name)
{
    for (auto &hierarchy : file.instanceHierarchies) {
        if (InternalElement *found = findElement(hierarchy.internalElements, name))
            return found;
    }
    return nullptr;
}

QString librariesDir()
{
    return dt::test::sourceDir() + u"/resources/libraries"_s;
}

// A small CAEX 3.0 document beside the DT libraries (its ExternalReferences are relative to them).
// No xmlns: moc reads the "//" of a URL inside a raw string as a comment and loses the class.
QByteArray document(const QByteArray &instances, const QByteArray &classes = QByteArray())
{
    return R"(<?xml version="1.0" encoding="utf-8"?>
<CAEXFile SchemaVersion="3.0" FileName="t.aml">
  <SuperiorStandardVersion>AutomationML 2.10</SuperiorStandardVersion>
  <ExternalReference Path="DigitalTwinComponentLib.aml" Alias="DTComponents" />
  <ExternalReference Path="DigitalTwinInterfaceClassLib.aml" Alias="DTInterfaces" />
  <InstanceHierarchy Name="Plant">)"
        + instances + R"(</InstanceHierarchy>)" + classes + R"(</CAEXFile>)";
}

struct ExpectedVariable
{
    const char16_t *name;
    RegisterType type;
    int address;
    int count;
    ModbusDataType dataType;
    WordOrder order;
    double scale;
    Access access;
};

} // namespace

class TestModbusConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refinery();
    void inheritedDefaults();
    void derivedClass();
    void rtu();
    void brokenMaps_data();
    void brokenMaps();
    void notAModbusClient();
    void variableWithoutResolver();

private:
    CaexFile m_refinery;
};

void TestModbusConfig::initTestCase()
{
    dt::model::CaexReader reader;
    dt::Result<CaexFile> file
        = reader.readFile(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY2(file.ok(), qPrintable(file.error()));
    m_refinery = file.takeValue();
}

void TestModbusConfig::refinery()
{
    // The values as written in resources/examples/refinery-centralized.aml.
    const ExpectedVariable expected[] = {
        { u"Position", RegisterType::InputRegister, 3, 1, ModbusDataType::UInt16, WordOrder::ABCD,
            0.1, Access::Read },
        { u"Torque", RegisterType::InputRegister, 2, 1, ModbusDataType::UInt16, WordOrder::ABCD, 1,
            Access::Read },
        { u"State", RegisterType::HoldingRegister, 5, 1, ModbusDataType::UInt16, WordOrder::ABCD, 1,
            Access::ReadWrite },
        { u"OperationCount", RegisterType::HoldingRegister, 56, 1, ModbusDataType::UInt32,
            WordOrder::CDAB, 1, Access::Read },
        { u"TorqueProfileOpen", RegisterType::HoldingRegister, 60, 21, ModbusDataType::UInt16,
            WordOrder::ABCD, 1, Access::Read },
        { u"TorqueProfileClose", RegisterType::HoldingRegister, 81, 21, ModbusDataType::UInt16,
            WordOrder::ABCD, 1, Access::Read },
    };
    dt::model::Resolver resolver(
        m_refinery, QFileInfo(dt::test::exampleFile(u"refinery-centralized.aml"_s)).absolutePath());
    for (int valve = 1; valve <= 4; ++valve) {
        const QString name = u"Valve%1Modbus"_s.arg(valve);
        InternalElement *element = findElement(m_refinery, name);
        QVERIFY2(element, qPrintable(name));
        QCOMPARE(modbusClientTransport(*element, resolver), ModbusDeviceConfig::Transport::Tcp);
        dt::Result<ModbusDeviceConfig> config = modbusDeviceFromElement(*element, resolver);
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QCOMPARE(config->name, name);
        QCOMPARE(config->transport, ModbusDeviceConfig::Transport::Tcp);
        QCOMPARE(config->host, u"127.0.0.1"_s);
        QCOMPARE(config->port, quint16(1501 + valve));
        QCOMPARE(config->unitId, 1);
        QCOMPARE(config->pollIntervalMs, 100);
        QCOMPARE(config->timeoutMs, 1000);
        QCOMPARE(config->retries, 3);
        QCOMPARE(config->maxInFlight, 4);
        QVERIFY(validateDeviceConfig(*config).ok());
        QCOMPARE(config->variables.size(), 6);
        for (int i = 0; i < 6; ++i) {
            const ModbusVariable &v = config->variables.at(i);
            const ExpectedVariable &e = expected[i];
            QCOMPARE(v.name, QString::fromUtf16(e.name));
            QCOMPARE(v.registerType, e.type);
            QCOMPARE(int(v.address), e.address);
            QCOMPARE(int(v.count), e.count);
            QCOMPARE(v.dataType, e.dataType);
            QCOMPARE(v.wordOrder, e.order);
            QCOMPARE(v.scale, e.scale);
            QCOMPARE(v.offset, 0.0);
            QCOMPARE(v.access, e.access);
        }
        QCOMPARE(config->indexOf(u"State"), 2);
        QCOMPARE(config->indexOf(u"Nothing"), -1);
    }
    // The twin's other components are not Modbus clients.
    InternalElement *refinery = findElement(m_refinery, u"Refinery");
    QVERIFY(refinery);
    QVERIFY(!modbusClientTransport(*refinery, resolver));
}

void TestModbusConfig::inheritedDefaults()
{
    // An instance that leaves attributes out gets its class's values: the device everything but
    // Port, the variable everything but Address and DataType (an empty Value counts as absent).
    const QByteArray xml = document(R"(
    <InternalElement Name="Pump" ID="p1"
        RefBaseSystemUnitPath="DTComponents@DigitalTwinComponentLib/ModbusTCPClient">
      <Attribute Name="Port" AttributeDataType="xs:unsignedShort"><Value>1600</Value></Attribute>
      <Attribute Name="Host" AttributeDataType="xs:string"><Value></Value></Attribute>
      <ExternalInterface Name="Speed" ID="i1"
          RefBaseClassPath="DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable">
        <Attribute Name="Address" AttributeDataType="xs:unsignedShort"><Value>7</Value></Attribute>
        <Attribute Name="DataType" AttributeDataType="xs:string"><Value>float32</Value></Attribute>
      </ExternalInterface>
      <ExternalInterface Name="Running" ID="i2"
          RefBaseClassPath="DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable">
        <Attribute Name="RegisterType" AttributeDataType="xs:string"><Value>coil</Value></Attribute>
        <Attribute Name="Address" AttributeDataType="xs:unsignedShort"><Value>3</Value></Attribute>
        <Attribute Name="Access" AttributeDataType="xs:string"><Value>ReadWrite</Value></Attribute>
      </ExternalInterface>
      <ExternalInterface Name="Other" ID="i3"
          RefBaseClassPath="DTInterfaces@DigitalTwinInterfaceClassLib/MqttTopic" />
    </InternalElement>)");
    dt::model::CaexReader reader;
    dt::Result<CaexFile> file = reader.read(xml, u"t.aml"_s);
    QVERIFY2(file.ok(), qPrintable(file.error()));
    dt::model::Resolver resolver(*file, librariesDir());
    dt::Result<ModbusDeviceConfig> config
        = modbusDeviceFromElement(*findElement(*file, u"Pump"), resolver);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    // Class values of ModbusTCPClient in DigitalTwinComponentLib.aml.
    QCOMPARE(config->host, u"127.0.0.1"_s);
    QCOMPARE(config->port, quint16(1600));
    QCOMPARE(config->pollIntervalMs, 500);
    QCOMPARE(config->timeoutMs, 1000);
    QCOMPARE(config->retries, 3);
    QCOMPARE(config->maxInFlight, 4);
    QCOMPARE(config->variables.size(), 2); // the MqttTopic is not a Modbus variable
    const ModbusVariable &speed = config->variables.at(0);
    QCOMPARE(speed.name, u"Speed"_s);
    QCOMPARE(speed.registerType, RegisterType::HoldingRegister);
    QCOMPARE(speed.address, quint16(7));
    QCOMPARE(speed.count, quint16(1));
    QCOMPARE(speed.dataType, ModbusDataType::Float32);
    QCOMPARE(speed.wordOrder, WordOrder::ABCD);
    QCOMPARE(speed.scale, 1.0);
    QCOMPARE(speed.access, Access::Read);
    // A coil without a DataType of its own is a bool, not the class default uint16.
    const ModbusVariable &running = config->variables.at(1);
    QCOMPARE(running.registerType, RegisterType::Coil);
    QCOMPARE(running.dataType, ModbusDataType::Bool);
    QCOMPARE(running.access, Access::ReadWrite);
}

void TestModbusConfig::derivedClass()
{
    // A user class derived from ModbusTCPClient is a Modbus client too, with its own defaults.
    const QByteArray xml = document(R"(
    <InternalElement Name="Fast" ID="f1" RefBaseSystemUnitPath="MyLib/FastModbus">
      <Attribute Name="Port" AttributeDataType="xs:unsignedShort"><Value>1700</Value></Attribute>
    </InternalElement>)",
        R"(
  <SystemUnitClassLib Name="MyLib">
    <SystemUnitClass Name="FastModbus" ID="c1"
        RefBaseClassPath="DTComponents@DigitalTwinComponentLib/ModbusTCPClient">
      <Attribute Name="PollIntervalMs" AttributeDataType="xs:unsignedInt">
        <Value>20</Value></Attribute>
    </SystemUnitClass>
  </SystemUnitClassLib>)");
    dt::model::CaexReader reader;
    dt::Result<CaexFile> file = reader.read(xml, u"t.aml"_s);
    QVERIFY2(file.ok(), qPrintable(file.error()));
    dt::model::Resolver resolver(*file, librariesDir());
    dt::Result<ModbusDeviceConfig> config
        = modbusDeviceFromElement(*findElement(*file, u"Fast"), resolver);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->transport, ModbusDeviceConfig::Transport::Tcp);
    QCOMPARE(config->pollIntervalMs, 20);
    QCOMPARE(config->port, quint16(1700));
    QCOMPARE(config->maxInFlight, 4);
    QVERIFY(config->variables.isEmpty());
}

void TestModbusConfig::rtu()
{
    const QByteArray xml = document(R"(
    <InternalElement Name="Line" ID="r1"
        RefBaseSystemUnitPath="DTComponents@DigitalTwinComponentLib/ModbusRTUClient">
      <Attribute Name="SerialPort" AttributeDataType="xs:string">
        <Value>/tmp/ttyV0</Value></Attribute>
      <Attribute Name="Parity" AttributeDataType="xs:string"><Value>none</Value></Attribute>
      <Attribute Name="StopBits" AttributeDataType="xs:string"><Value>1.5</Value></Attribute>
      <Attribute Name="UnitId" AttributeDataType="xs:unsignedByte"><Value>17</Value></Attribute>
      <ExternalInterface Name="Level" ID="i1"
          RefBaseClassPath="DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable">
        <Attribute Name="RegisterType" AttributeDataType="xs:string">
          <Value>input</Value></Attribute>
        <Attribute Name="Address" AttributeDataType="xs:unsignedShort">
          <Value>100</Value></Attribute>
        <Attribute Name="DataType" AttributeDataType="xs:string"><Value>int32</Value></Attribute>
        <Attribute Name="WordOrder" AttributeDataType="xs:string"><Value>dcba</Value></Attribute>
        <Attribute Name="Scale" AttributeDataType="xs:double"><Value>0.01</Value></Attribute>
        <Attribute Name="Offset" AttributeDataType="xs:double"><Value>-273.15</Value></Attribute>
      </ExternalInterface>
    </InternalElement>)");
    dt::model::CaexReader reader;
    dt::Result<CaexFile> file = reader.read(xml, u"t.aml"_s);
    QVERIFY2(file.ok(), qPrintable(file.error()));
    dt::model::Resolver resolver(*file, librariesDir());
    dt::Result<ModbusDeviceConfig> config
        = modbusDeviceFromElement(*findElement(*file, u"Line"), resolver);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->transport, ModbusDeviceConfig::Transport::Rtu);
    QCOMPARE(config->serialPort, u"/tmp/ttyV0"_s);
    QCOMPARE(config->baudRate, 19200);
    QCOMPARE(config->parity, QChar(u'N'));
    QCOMPARE(config->dataBits, 8);
    QCOMPARE(config->stopBits, 3);
    QCOMPARE(config->unitId, 17);
    QCOMPARE(config->pollIntervalMs, 500);
    QCOMPARE(config->maxInFlight, 1); // one request on a serial line at a time
    QCOMPARE(config->variables.size(), 1);
    QCOMPARE(config->variables.first().wordOrder, WordOrder::DCBA);
    QCOMPARE(config->variables.first().offset, -273.15);
}

void TestModbusConfig::brokenMaps_data()
{
    QTest::addColumn<QString>("interface"); // empty: the device's own attribute
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown register type") << u"Position"_s << u"RegisterType"_s << u"eeprom"_s
                                           << u"'eeprom' is not one of coil, discrete"_s;
    QTest::newRow("address out of range")
        << u"Torque"_s << u"Address"_s << u"70000"_s << u"0..65535"_s;
    QTest::newRow("address not a number")
        << u"Torque"_s << u"Address"_s << u"two"_s << u"'two' is not a whole number"_s;
    QTest::newRow("32-bit value past the end")
        << u"OperationCount"_s << u"Address"_s << u"65535"_s << u"past the last address"_s;
    QTest::newRow("count 0") << u"TorqueProfileOpen"_s << u"Count"_s << u"0"_s << u"at least 1"_s;
    QTest::newRow("count too big for a request")
        << u"TorqueProfileOpen"_s << u"Count"_s << u"126"_s << u"more than one read request"_s;
    QTest::newRow("bad data type")
        << u"State"_s << u"DataType"_s << u"float64"_s << u"'float64' is not one of bool, uint16"_s;
    QTest::newRow("bad word order")
        << u"OperationCount"_s << u"WordOrder"_s << u"ADCB"_s << u"'ADCB' is not one of ABCD"_s;
    QTest::newRow("zero scale") << u"Position"_s << u"Scale"_s << u"0"_s << u"other than 0"_s;
    QTest::newRow("scale not a number")
        << u"Position"_s << u"Scale"_s << u"x"_s << u"not a number"_s;
    QTest::newRow("writing an input register")
        << u"Position"_s << u"Access"_s << u"readwrite"_s << u"read-only"_s;
    QTest::newRow("bad access") << u"State"_s << u"Access"_s << u"sometimes"_s
                                << u"'sometimes' is not one of read"_s;
    QTest::newRow("port out of range") << QString() << u"Port"_s << u"70000"_s << u"1..65535"_s;
    QTest::newRow("poll interval negative")
        << QString() << u"PollIntervalMs"_s << u"-1"_s << u"'-1' is not a whole number in 0.."_s;
    QTest::newRow("max in flight 0") << QString() << u"MaxInFlight"_s << u"0"_s << u"1..1000"_s;
}

void TestModbusConfig::brokenMaps()
{
    QFETCH(QString, interface);
    QFETCH(QString, attribute);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    CaexFile file = m_refinery; // a deep copy to break
    InternalElement *element = findElement(file, u"Valve1Modbus");
    QVERIFY(element);
    dt::model::NodeList<Attribute> *attributes = &element->attributes;
    if (!interface.isEmpty()) {
        dt::model::ExternalInterface *target
            = dt::model::findInterface(element->interfaces, interface);
        QVERIFY(target);
        attributes = &target->attributes;
    }
    Attribute *broken = dt::model::findAttribute(*attributes, attribute);
    QVERIFY(broken);
    broken->value = value;

    dt::model::Resolver resolver(
        file, QFileInfo(dt::test::exampleFile(u"refinery-centralized.aml"_s)).absolutePath());
    dt::Result<ModbusDeviceConfig> config = modbusDeviceFromElement(*element, resolver);
    QVERIFY2(!config.ok(), "a broken map must not load");
    const QString error = config.error();
    qInfo().noquote() << error;
    QVERIFY2(error.contains(u"'Valve1Modbus'"_s), qPrintable(error));
    if (!interface.isEmpty())
        QVERIFY2(error.contains(u"interface '%1'"_s.arg(interface)), qPrintable(error));
    QVERIFY2(error.contains(u"'%1'"_s.arg(attribute)), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestModbusConfig::notAModbusClient()
{
    dt::model::Resolver resolver(
        m_refinery, QFileInfo(dt::test::exampleFile(u"refinery-centralized.aml"_s)).absolutePath());
    InternalElement *valve = findElement(m_refinery, u"Valve1");
    QVERIFY(valve);
    dt::Result<ModbusDeviceConfig> config = modbusDeviceFromElement(*valve, resolver);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().contains(u"'Valve1'"_s)
            && config.error().contains(u"not a ModbusTCPClient"_s),
        qPrintable(config.error()));
}

void TestModbusConfig::variableWithoutResolver()
{
    // Without the class at hand the ModbusVariable defaults still apply, but Address is required.
    dt::model::ExternalInterface interface;
    interface.name = u"Flow"_s;
    Attribute type;
    type.name = u"DataType"_s;
    type.value = u"int16"_s;
    interface.attributes.append(type);
    dt::Result<ModbusVariable> missing = modbusVariableFromInterface(interface);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(u"interface 'Flow'"_s)
            && missing.error().contains(u"'Address' is missing"_s),
        qPrintable(missing.error()));

    Attribute address;
    address.name = u"Address"_s;
    address.defaultValue = u"12"_s;
    interface.attributes.append(address);
    dt::Result<ModbusVariable> variable = modbusVariableFromInterface(interface);
    QVERIFY2(variable.ok(), qPrintable(variable.error()));
    QCOMPARE(variable->address, quint16(12));
    QCOMPARE(variable->dataType, ModbusDataType::Int16);
    QCOMPARE(variable->registerType, RegisterType::HoldingRegister);
    QCOMPARE(variable->access, Access::Read);
}

QTEST_GUILESS_MAIN(TestModbusConfig)
#include "tst_modbusconfig.moc"
