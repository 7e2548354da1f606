// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_runtime_model.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace dt::bench {

namespace {

// Stable, unique CAEX IDs in UUID form: kind (element, interface, link) and a serial number.
QString idFor(int kind, int serial)
{
    return u"b%1000000-0000-4000-8000-%2"_s.arg(kind).arg(serial, 12, 10, QChar(u'0'));
}

constexpr int ElementKind = 1;
constexpr int InterfaceKind = 2;

// Interface serials: per valve, 8 interfaces (4 AttributeInterfaces, 4 ModbusVariables).
int interfaceSerial(int valve, int slot)
{
    return valve * 8 + slot;
}

struct Variable
{
    const char *name;
    const char *unit;
    const char *dataType; // of the valve attribute
    const char *registerType;
    int address;
    double scale;
};

// The order here is the ModbusVariable order inside each client (document order).
constexpr Variable Variables[] = {
    { "Torque", "%", "xs:double", "input", 2, 1.0 },
    { "Position", "%", "xs:double", "input", 3, 0.1 },
    { "State", nullptr, "xs:unsignedByte", "holding", 5, 1.0 },
    { "SetPoint", "%", "xs:double", "holding", 6, 0.1 },
};

class ModelWriter
{
public:
    explicit ModelWriter(QString *out)
        : m_xml(out)
    {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(1);
    }

    void attribute(const QString &name, const QString &dataType, const QString &value,
        const char *unit = nullptr)
    {
        m_xml.writeStartElement(u"Attribute"_s);
        m_xml.writeAttribute(u"Name"_s, name);
        if (unit)
            m_xml.writeAttribute(u"Unit"_s, QString::fromLatin1(unit));
        m_xml.writeAttribute(u"AttributeDataType"_s, dataType);
        m_xml.writeTextElement(u"Value"_s, value);
        m_xml.writeEndElement();
    }

    void role(const QString &roleClass)
    {
        m_xml.writeEmptyElement(u"SupportedRoleClass"_s);
        m_xml.writeAttribute(
            u"RefRoleClassPath"_s, u"DTRoles@DigitalTwinRoleClassLib/"_s + roleClass);
    }

    void startElement(const QString &name, int serial, const QString &systemUnitClass = {})
    {
        m_xml.writeStartElement(u"InternalElement"_s);
        m_xml.writeAttribute(u"Name"_s, name);
        m_xml.writeAttribute(u"ID"_s, idFor(ElementKind, serial));
        if (!systemUnitClass.isEmpty())
            m_xml.writeAttribute(u"RefBaseSystemUnitPath"_s, systemUnitClass);
    }

    void valve(int index)
    {
        startElement(valveName(index), 10 + index, u"DTValves@ValveLib/MotorOperatedValve"_s);
        for (const Variable &v : Variables)
            attribute(QString::fromLatin1(v.name), QString::fromLatin1(v.dataType), u"0"_s, v.unit);
        int slot = 0;
        for (const Variable &v : Variables) {
            m_xml.writeStartElement(u"ExternalInterface"_s);
            m_xml.writeAttribute(u"Name"_s, QString::fromLatin1(v.name));
            m_xml.writeAttribute(u"ID"_s, idFor(InterfaceKind, interfaceSerial(index, slot++)));
            m_xml.writeAttribute(u"RefBaseClassPath"_s,
                u"DTInterfaces@DigitalTwinInterfaceClassLib/AttributeInterface"_s);
            attribute(u"Attribute"_s, u"xs:string"_s, QString::fromLatin1(v.name));
            m_xml.writeEndElement();
        }
        role(u"PhysicalDeviceModel"_s);
        m_xml.writeEndElement();
    }

    void client(const BenchModelOptions &options, int index)
    {
        startElement(valveName(index) + u"Modbus"_s, 100000 + index,
            u"DTComponents@DigitalTwinComponentLib/ModbusTCPClient"_s);
        attribute(u"Host"_s, u"xs:string"_s, options.host);
        attribute(u"Port"_s, u"xs:unsignedShort"_s, QString::number(options.basePort + index - 1));
        attribute(u"UnitId"_s, u"xs:unsignedByte"_s, u"1"_s);
        attribute(u"PollIntervalMs"_s, u"xs:unsignedInt"_s, QString::number(options.pollIntervalMs),
            "ms");
        attribute(u"TimeoutMs"_s, u"xs:unsignedInt"_s, u"1000"_s, "ms");
        attribute(u"Retries"_s, u"xs:unsignedInt"_s, u"3"_s);
        attribute(u"MaxInFlight"_s, u"xs:unsignedInt"_s, u"4"_s);
        int slot = 4;
        for (const Variable &v : Variables) {
            m_xml.writeStartElement(u"ExternalInterface"_s);
            m_xml.writeAttribute(u"Name"_s, QString::fromLatin1(v.name));
            m_xml.writeAttribute(u"ID"_s, idFor(InterfaceKind, interfaceSerial(index, slot++)));
            m_xml.writeAttribute(u"RefBaseClassPath"_s,
                u"DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable"_s);
            attribute(u"RegisterType"_s, u"xs:string"_s, QString::fromLatin1(v.registerType));
            attribute(u"Address"_s, u"xs:unsignedShort"_s, QString::number(v.address));
            attribute(u"Count"_s, u"xs:unsignedShort"_s, u"1"_s);
            attribute(u"DataType"_s, u"xs:string"_s, u"uint16"_s);
            attribute(u"WordOrder"_s, u"xs:string"_s, u"ABCD"_s);
            attribute(u"Scale"_s, u"xs:double"_s, QString::number(v.scale));
            attribute(u"Offset"_s, u"xs:double"_s, u"0"_s);
            attribute(u"Access"_s, u"xs:string"_s, u"read"_s);
            m_xml.writeEndElement();
        }
        role(u"Communication"_s);
        m_xml.writeEndElement();
    }

    void write(const BenchModelOptions &options)
    {
        m_xml.writeStartDocument();
        m_xml.writeStartElement(u"CAEXFile"_s);
        m_xml.writeDefaultNamespace(u"http://www.dke.de/CAEX"_s);
        m_xml.writeNamespace(u"http://www.w3.org/2001/XMLSchema-instance"_s, u"xsi"_s);
        m_xml.writeAttribute(u"SchemaVersion"_s, u"3.0"_s);
        m_xml.writeAttribute(u"FileName"_s, u"bench-runtime.aml"_s);
        m_xml.writeAttribute(u"http://www.w3.org/2001/XMLSchema-instance"_s, u"schemaLocation"_s,
            u"http://www.dke.de/CAEX CAEX_ClassModel_V.3.0.xsd"_s);
        m_xml.writeTextElement(u"Description"_s,
            u"Generated by bench_runtime: %1 simulated valves polled every %2 ms "
            u"by one twin with SQLite history."_s.arg(options.devices)
                .arg(options.pollIntervalMs));
        m_xml.writeTextElement(u"SuperiorStandardVersion"_s, u"AutomationML 2.10"_s);
        m_xml.writeEmptyElement(u"SourceDocumentInformation"_s);
        m_xml.writeAttribute(u"OriginName"_s, u"bench_runtime"_s);
        m_xml.writeAttribute(u"OriginID"_s, idFor(9, 0));
        m_xml.writeAttribute(u"OriginVersion"_s, u"0.1.0"_s);
        m_xml.writeAttribute(u"LastWritingDateTime"_s, u"2026-01-01T00:00:00Z"_s);
        const std::pair<const char *, const char *> references[] = {
            { "DTRoles", "DigitalTwinRoleClassLib" },
            { "DTInterfaces", "DigitalTwinInterfaceClassLib" },
            { "DTComponents", "DigitalTwinComponentLib" },
            { "DTValves", "ValveLib" },
            { "AMLBaseICL", "AutomationMLInterfaceClassLib" },
            { "AMLBaseATL", "AutomationMLBaseAttributeTypeLib" },
        };
        for (const auto &[alias, library] : references) {
            m_xml.writeEmptyElement(u"ExternalReference"_s);
            m_xml.writeAttribute(
                u"Path"_s, u"%1/%2.aml"_s.arg(options.libraryDir, QString::fromLatin1(library)));
            m_xml.writeAttribute(u"Alias"_s, QString::fromLatin1(alias));
        }

        m_xml.writeStartElement(u"InstanceHierarchy"_s);
        m_xml.writeAttribute(u"Name"_s, u"Bench"_s);
        m_xml.writeAttribute(u"ID"_s, idFor(ElementKind, 0));
        startElement(u"Plant"_s, 1);
        for (int i = 1; i <= options.devices; ++i)
            valve(i);

        startElement(u"BenchTwin"_s, 2, u"DTComponents@DigitalTwinComponentLib/DigitalTwin"_s);
        attribute(u"IPAddress"_s, u"xs:string"_s, options.host);
        attribute(u"Port"_s, u"xs:unsignedShort"_s, QString::number(options.apiPort));
        startElement(u"History"_s, 3, u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s);
        attribute(u"File"_s, u"xs:string"_s, options.historyFile);
        attribute(u"RetentionDays"_s, u"xs:unsignedInt"_s, u"0"_s);
        role(u"Storage"_s);
        m_xml.writeEndElement();
        for (int i = 1; i <= options.devices; ++i)
            client(options, i);
        // A twin must offer an API (validator rule); not active in this build.
        startElement(u"Api"_s, 4, u"DTComponents@DigitalTwinComponentLib/RestAPI"_s);
        attribute(u"BasePath"_s, u"xs:string"_s, u"/Api"_s);
        role(u"API"_s);
        m_xml.writeEndElement();
        role(u"DigitalTwin"_s);
        m_xml.writeEndElement(); // BenchTwin

        for (int i = 1; i <= options.devices; ++i) {
            for (int slot = 0; slot < 4; ++slot) {
                m_xml.writeEmptyElement(u"InternalLink"_s);
                m_xml.writeAttribute(
                    u"Name"_s, valveName(i) + QString::fromLatin1(Variables[slot].name));
                m_xml.writeAttribute(
                    u"RefPartnerSideA"_s, idFor(InterfaceKind, interfaceSerial(i, slot + 4)));
                m_xml.writeAttribute(
                    u"RefPartnerSideB"_s, idFor(InterfaceKind, interfaceSerial(i, slot)));
            }
        }
        m_xml.writeEndElement(); // Plant
        m_xml.writeEndElement(); // InstanceHierarchy
        m_xml.writeEndElement(); // CAEXFile
        m_xml.writeEndDocument();
    }

private:
    QXmlStreamWriter m_xml;
};

} // namespace

QString valveName(int index)
{
    return u"Valve%1"_s.arg(index);
}

QString benchModelText(const BenchModelOptions &options)
{
    QString text;
    ModelWriter writer(&text);
    writer.write(options);
    return text;
}

} // namespace dt::bench
