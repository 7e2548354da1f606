// SPDX-License-Identifier: GPL-3.0-or-later
// The digital-twin rules of our libraries: which attributes each role, component and interface
// class needs, and which links make sense. Change the libraries, change this table.
#include "dtrules.h"

#include <limits>

namespace dt::model {

namespace {

constexpr Severity Required = Severity::Error;
constexpr Severity Recommended = Severity::Warning;
constexpr Severity Optional = Severity::Info;
constexpr double Unbounded = std::numeric_limits<double>::max();

DtAttributeRule text(const char *name, Severity missing)
{
    return { name, DtValueKind::Text, missing, 0, -1, nullptr };
}

DtAttributeRule integer(const char *name, Severity missing, double min, double max = Unbounded)
{
    return { name, DtValueKind::Integer, missing, min, max, nullptr };
}

DtAttributeRule number(
    const char *name, Severity missing, double min = -Unbounded, double max = Unbounded)
{
    return { name, DtValueKind::Number, missing, min, max, nullptr };
}

DtAttributeRule choice(const char *name, Severity missing, const char *choices)
{
    return { name, DtValueKind::Choice, missing, 0, -1, choices };
}

DtAttributeRule host(const char *name, Severity missing)
{
    return { name, DtValueKind::Host, missing, 0, -1, nullptr };
}

DtAttributeRule urlPath(const char *name, Severity missing)
{
    return { name, DtValueKind::UrlPath, missing, 0, -1, nullptr };
}

DtAttributeRule port(const char *name, Severity missing)
{
    return integer(name, missing, 1, 65535);
}

// A storage class's own rules plus what every storage class has: retention and the history
// writer's batching.
std::vector<DtAttributeRule> storage(std::vector<DtAttributeRule> rules)
{
    rules.push_back(integer("RetentionDays", Optional, 0, 1000000));
    rules.push_back(integer("BatchSize", Optional, 1, 1000000));
    rules.push_back(integer("FlushIntervalMs", Optional, 1, 3600000));
    return rules;
}

std::vector<DtAttributeRule> databaseServer()
{
    return storage({ host("Host", Required), port("Port", Optional), text("Database", Required),
        text("User", Recommended), text("PasswordEnv", Optional) });
}

DtRules buildRules()
{
    DtRules r;
    r.roleLibrary = QLatin1StringView("DigitalTwinRoleClassLib");
    r.componentLibrary = QLatin1StringView("DigitalTwinComponentLib");
    r.interfaceLibrary = QLatin1StringView("DigitalTwinInterfaceClassLib");

    r.roles = {
        { "DigitalTwin", nullptr, { host("IPAddress", Required), port("Port", Required) }, {},
            "API", nullptr },
        { "PhysicalDeviceModel", nullptr, {}, {}, nullptr, nullptr },
        { "Storage", nullptr, {}, {}, nullptr, nullptr },
        { "Event", nullptr, {}, {}, nullptr, nullptr },
        { "Method", nullptr, {}, {}, nullptr, nullptr },
        { "API", nullptr, {}, {}, nullptr, nullptr },
        { "AccessControl", nullptr, {}, {}, nullptr, nullptr },
        { "HMI", nullptr, {}, {}, nullptr, nullptr },
        { "Communication", nullptr, {}, {}, nullptr, nullptr },
        { "Analytics", nullptr, {}, {}, nullptr, nullptr },
    };

    r.components = {
        { "DigitalTwin", "DigitalTwin", {}, {}, nullptr, nullptr },
        { "SQLiteStorage", "Storage", storage({ text("File", Recommended) }), {}, nullptr,
            nullptr },
        { "PostgreSQLStorage", "Storage", databaseServer(), {}, nullptr, nullptr },
        { "MySQLStorage", "Storage", databaseServer(), {}, nullptr, nullptr },
        { "ModbusTCPClient", "Communication",
            { host("Host", Required), port("Port", Optional),
                integer("UnitId", Recommended, 0, 255), integer("PollIntervalMs", Optional, 0),
                integer("TimeoutMs", Optional, 1), integer("Retries", Optional, 0),
                integer("MaxInFlight", Optional, 1) },
            {}, nullptr, nullptr },
        { "ModbusRTUClient", "Communication",
            { text("SerialPort", Required), integer("BaudRate", Recommended, 50, 4000000),
                choice("Parity", Optional, "none|even|odd|space|mark"),
                integer("DataBits", Optional, 5, 8), choice("StopBits", Optional, "1|1.5|2"),
                integer("UnitId", Recommended, 0, 247), integer("PollIntervalMs", Optional, 0) },
            {}, nullptr, nullptr },
        { "MQTTClient", "Communication",
            { host("Broker", Required), port("Port", Optional), text("ClientId", Optional),
                text("TopicPrefix", Optional) },
            {}, nullptr, nullptr },
        { "ThresholdEvent", "Event",
            { text("Attribute", Required), text("Condition", Required), number("Limit", Required),
                number("Hysteresis", Optional, 0), text("Severity", Optional) },
            {}, nullptr, nullptr },
        { "ChangeEvent", "Event", { text("Attribute", Required) }, {}, nullptr, nullptr },
        { "Method", "Method",
            { text("Target", Required), text("Action", Required), text("Value", Optional) }, {},
            nullptr, nullptr },
        { "WatchDog", "Analytics",
            { text("Network", Required), text("InputAttribute", Required),
                text("OutputAttribute", Required), integer("Window", Optional, 1) },
            {}, nullptr, nullptr },
        { "AccessControl", "AccessControl", {}, {}, nullptr, nullptr },
        { "RestAPI", "API", { urlPath("BasePath", Optional) }, {}, nullptr, nullptr },
        { "HtmlView", "HMI", { urlPath("Path", Optional) }, {}, nullptr, nullptr },
        { "Collada3DView", "HMI", {}, {}, nullptr, nullptr },
        { "Dashboard", "HMI", {}, {}, nullptr, nullptr },
    };

    r.interfaces = {
        { "AttributeInterface", nullptr, { text("Attribute", Required) }, {}, nullptr,
            "Attribute" },
        { "ModbusVariable", nullptr,
            { choice("RegisterType", Required, "coil|discrete|input|holding"),
                integer("Address", Required, 0, 65535), integer("Count", Optional, 1, 125),
                choice("DataType", Required, "bool|uint16|int16|uint32|int32|float32"),
                choice("WordOrder", Optional, "ABCD|CDAB|BADC|DCBA"), number("Scale", Optional),
                number("Offset", Optional), choice("Access", Optional, "read|write|readwrite") },
            { // Coils and discrete inputs hold single bits; the two input tables are read-only.
                { "RegisterType", "coil|discrete", "DataType", "bool", Required },
                { "RegisterType", "discrete|input", "Access", "read", Required } },
            nullptr, nullptr },
        { "MqttTopic", nullptr, { text("Topic", Required), integer("QoS", Optional, 0, 2) }, {},
            nullptr, nullptr },
    };

    r.links = {
        { "ModbusVariable", "AttributeInterface" },
        { "MqttTopic", "AttributeInterface" },
    };
    return r;
}

int indexOf(const std::vector<DtClassRule> &rules, QAnyStringView name)
{
    for (size_t i = 0; i < rules.size(); ++i) {
        if (QAnyStringView::equal(QLatin1StringView(rules[i].name), name))
            return int(i);
    }
    return -1;
}

} // namespace

int DtRules::roleIndex(QAnyStringView name) const
{
    return indexOf(roles, name);
}

int DtRules::componentIndex(QAnyStringView name) const
{
    return indexOf(components, name);
}

int DtRules::interfaceIndex(QAnyStringView name) const
{
    return indexOf(interfaces, name);
}

const DtRules &dtRules()
{
    static const DtRules rules = buildRules();
    return rules;
}

} // namespace dt::model
