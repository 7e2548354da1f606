// SPDX-License-Identifier: GPL-3.0-or-later
#include "modbusdeviceconfig.h"

#include "attributelookup.h"

#include "model/caexpath.h"
#include "model/elementref.h"
#include "model/resolver.h"
#include "model/systemunit.h"

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

const QString ComponentLib = u"DigitalTwinComponentLib"_s;
const QString InterfaceLib = u"DigitalTwinInterfaceClassLib"_s;

// True when a class path names Lib/Class, with or without an alias.
bool namesClass(const QString &path, const QString &library, const QString &cls)
{
    const QStringList segments = model::CaexPath::parse(path).segments;
    return segments.size() == 2 && segments.at(0) == library && segments.at(1) == cls;
}

// The class a reference names and the classes it derives from, nearest first (as far as they
// resolve). Empty when the reference does not resolve.
QList<model::ElementRef> classChain(Result<model::ElementRef> cls, model::Resolver &resolver)
{
    QList<model::ElementRef> chain;
    if (!cls)
        return chain;
    chain.append(*cls);
    if (Result<QList<model::ElementRef>> bases = resolver.baseClasses(*cls))
        chain.append(*bases);
    return chain;
}

// Whether a reference is (or derives from) Lib/Class. When the libraries cannot be loaded, the
// reference's own text still counts, so a model that names the class directly keeps working.
bool derivesFrom(const QString &reference, const QList<model::ElementRef> &chain,
    const QString &library, const QString &cls)
{
    for (const model::ElementRef &level : chain) {
        if (namesClass(level.path, library, cls))
            return true;
    }
    return namesClass(reference, library, cls);
}

bool isModbusVariable(const model::ExternalInterface &interface, model::Resolver &resolver)
{
    const QString &reference = interface.refBaseClassPath;
    if (reference.trimmed().isEmpty())
        return false;
    return derivesFrom(reference, classChain(resolver.interfaceClass(reference), resolver),
        InterfaceLib, u"ModbusVariable"_s);
}

Result<QChar> parityFrom(const QString &text)
{
    static const struct
    {
        const char16_t *name;
        char16_t letter;
    } parities[] = { { u"none", u'N' }, { u"even", u'E' }, { u"odd", u'O' }, { u"space", u'S' },
        { u"mark", u'M' } };
    for (const auto &parity : parities) {
        const QString name = QString::fromUtf16(parity.name);
        if (text.compare(name, Qt::CaseInsensitive) == 0
            || text.compare(QString(QChar(parity.letter)), Qt::CaseInsensitive) == 0) {
            return QChar(parity.letter);
        }
    }
    return Result<QChar>::failure(
        u"attribute 'Parity': '%1' is not one of none, even, odd, space, mark"_s.arg(text));
}

Result<int> stopBitsFrom(const QString &text)
{
    if (text == u"1")
        return 1;
    if (text == u"2")
        return 2;
    if (text == u"1.5")
        return 3;
    return Result<int>::failure(u"attribute 'StopBits': '%1' is not one of 1, 1.5, 2"_s.arg(text));
}

// Reads the connection attributes into config; the fallbacks are the class defaults of
// DigitalTwinComponentLib, used only when the class itself cannot be loaded.
Result<void> readConnection(const AttributeLookup &lookup, ModbusDeviceConfig &config)
{
    using R = Result<void>;
    const bool rtu = config.transport == ModbusDeviceConfig::Transport::Rtu;
    if (rtu) {
        Result<QString> serialPort = lookup.string(u"SerialPort");
        if (!serialPort)
            return R::failure(serialPort.error());
        config.serialPort = *serialPort;
        Result<qint64> baud = lookup.integer(u"BaudRate", 50, 4000000, 19200);
        if (!baud)
            return R::failure(baud.error());
        config.baudRate = int(*baud);
        Result<QChar> parity = parityFrom(lookup.string(u"Parity", u"even"_s).value());
        if (!parity)
            return R::failure(parity.error());
        config.parity = *parity;
        Result<qint64> dataBits = lookup.integer(u"DataBits", 5, 8, 8);
        if (!dataBits)
            return R::failure(dataBits.error());
        config.dataBits = int(*dataBits);
        Result<int> stopBits = stopBitsFrom(lookup.string(u"StopBits", u"1"_s).value());
        if (!stopBits)
            return R::failure(stopBits.error());
        config.stopBits = *stopBits;
    } else {
        Result<QString> host = lookup.string(u"Host", u"127.0.0.1"_s);
        if (!host)
            return R::failure(host.error());
        config.host = *host;
        Result<qint64> port = lookup.integer(u"Port", 1, 65535, 502);
        if (!port)
            return R::failure(port.error());
        config.port = quint16(*port);
    }
    // A serial line has one request on the wire at a time: more in flight only queue in Qt.
    struct Number
    {
        const char16_t *name;
        int *target;
        qint64 min;
        qint64 max;
        qint64 fallback;
    } numbers[] = {
        { u"UnitId", &config.unitId, rtu ? 1 : 0, rtu ? 247 : 255, 1 },
        { u"PollIntervalMs", &config.pollIntervalMs, 0, 86400000, 500 },
        { u"TimeoutMs", &config.timeoutMs, 10, 600000, 1000 },
        { u"Retries", &config.retries, 0, 100, 3 },
        { u"MaxInFlight", &config.maxInFlight, 1, 1000, rtu ? 1 : 4 },
    };
    for (const Number &number : numbers) {
        Result<qint64> value
            = lookup.integer(QStringView(number.name), number.min, number.max, number.fallback);
        if (!value)
            return R::failure(value.error());
        *number.target = int(*value);
    }
    return {};
}

} // namespace

int ModbusDeviceConfig::indexOf(QStringView variableName) const
{
    for (int i = 0; i < variables.size(); ++i) {
        if (variables.at(i).name == variableName)
            return i;
    }
    return -1;
}

Result<void> validateDeviceConfig(const ModbusDeviceConfig &config)
{
    using R = Result<void>;
    if (config.transport == ModbusDeviceConfig::Transport::Tcp) {
        if (config.host.trimmed().isEmpty())
            return R::failure(u"attribute 'Host': empty"_s);
        if (config.port == 0)
            return R::failure(u"attribute 'Port': must be 1..65535"_s);
    } else if (config.serialPort.trimmed().isEmpty()) {
        return R::failure(u"attribute 'SerialPort': empty"_s);
    }
    if (config.unitId < 0 || config.unitId > 255)
        return R::failure(u"attribute 'UnitId': must be 0..255"_s);
    if (config.pollIntervalMs < 0)
        return R::failure(u"attribute 'PollIntervalMs': must not be negative"_s);
    if (config.timeoutMs < 10)
        return R::failure(u"attribute 'TimeoutMs': must be at least 10"_s);
    if (config.retries < 0)
        return R::failure(u"attribute 'Retries': must not be negative"_s);
    if (config.maxInFlight < 1)
        return R::failure(u"attribute 'MaxInFlight': must be at least 1"_s);
    for (const ModbusVariable &variable : config.variables) {
        if (Result<void> valid = validateVariable(variable); !valid)
            return R::failure(u"interface '%1': %2"_s.arg(variable.name, valid.error()));
    }
    return {};
}

std::optional<ModbusDeviceConfig::Transport> modbusClientTransport(
    const model::InternalElement &element, model::Resolver &resolver)
{
    const QString &reference = element.refBaseSystemUnitPath;
    if (reference.trimmed().isEmpty())
        return std::nullopt;
    const QList<model::ElementRef> chain
        = classChain(resolver.systemUnitClass(reference), resolver);
    if (derivesFrom(reference, chain, ComponentLib, u"ModbusTCPClient"_s))
        return ModbusDeviceConfig::Transport::Tcp;
    if (derivesFrom(reference, chain, ComponentLib, u"ModbusRTUClient"_s))
        return ModbusDeviceConfig::Transport::Rtu;
    return std::nullopt;
}

Result<ModbusDeviceConfig> modbusDeviceFromElement(
    const model::InternalElement &element, model::Resolver &resolver)
{
    using R = Result<ModbusDeviceConfig>;
    const std::optional<ModbusDeviceConfig::Transport> transport
        = modbusClientTransport(element, resolver);
    if (!transport) {
        return R::failure(u"element '%1': not a ModbusTCPClient or ModbusRTUClient (its class is "
                          "'%2')"_s.arg(element.name, element.refBaseSystemUnitPath));
    }
    ModbusDeviceConfig config;
    config.name = element.name;
    config.transport = *transport;

    QList<const model::Attribute *> inherited;
    if (Result<model::ElementRef> cls = resolver.systemUnitClass(element.refBaseSystemUnitPath))
        inherited = resolver.effectiveAttributes(*cls);
    if (Result<void> ok = readConnection(AttributeLookup(element.attributes, inherited), config);
        !ok) {
        return R::failure(u"element '%1': %2"_s.arg(element.name, ok.error()));
    }

    for (const model::ExternalInterface &interface : element.interfaces) {
        if (!isModbusVariable(interface, resolver))
            continue;
        Result<ModbusVariable> variable = modbusVariableFromInterface(interface, resolver);
        if (!variable)
            return R::failure(u"element '%1', %2"_s.arg(element.name, variable.error()));
        config.variables.append(variable.takeValue());
    }
    return config;
}

} // namespace dt::runtime
