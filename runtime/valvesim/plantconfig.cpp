// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/plantconfig.h"

#include <QCommandLineParser>

#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

struct OptionSpec
{
    QLatin1StringView name;
    QLatin1StringView valueName;
    QLatin1StringView description;
};

const OptionSpec optionSpecs[] = {
    { "valves"_L1, "N"_L1, "Number of simulated valves (default 1)."_L1 },
    { "port"_L1, "BASE"_L1, "TCP port of valve 1; valve i listens on BASE+i-1 (default 1502)."_L1 },
    { "unit-id"_L1, "ID"_L1, "Modbus unit id (server address) of every valve (default 1)."_L1 },
    { "host"_L1, "ADDRESS"_L1, "IP address to listen on (default 127.0.0.1)."_L1 },
    { "rtu"_L1, "DEVICE"_L1, "Serve one valve over Modbus RTU on this serial device instead."_L1 },
    { "baud"_L1, "RATE"_L1, "RTU baud rate (default 19200)."_L1 },
    { "parity"_L1, "N|E|O"_L1, "RTU parity (default N; 8 data bits, 1 stop bit)."_L1 },
    { "stroke-s"_L1, "SECONDS"_L1, "Full stroke time of a healthy valve (default 5)."_L1 },
    { "cycle-s"_L1, "SECONDS"_L1,
        "Every valve reverses (open, then close, ...) every SECONDS, staggered (default off)."_L1 },
    { "fault"_L1, "V:KIND:SEVERITY[:POS]"_L1,
        "Give valve V (1-based, or 'all') a fault: packing, seat-deposit, worn-seat, stem-thread, "
        "galling, obstruction, sheared-stem, gearbox; severity 0-1; POS = obstacle opening 0-1. "
        "Repeatable."_L1 },
    { "wear-per-op"_L1, "X"_L1,
        "Wear added per completed stroke (raises every fault, default 0)."_L1 },
    { "noise"_L1, "PCT"_L1, "Torque noise in % of rated (default: 1-2 % drawn per valve)."_L1 },
    { "seed"_L1, "N"_L1, "Random seed: the same seed gives the same valves (default 1)."_L1 },
    { "valve-type"_L1, "TYPE"_L1, "ball or butterfly (default ball)."_L1 },
    { "tick-ms"_L1, "MS"_L1, "Physics period shared by all valves (default 20)."_L1 },
};

void addOptions(QCommandLineParser &parser)
{
    for (const OptionSpec &spec : optionSpecs) {
        parser.addOption(QCommandLineOption(
            QString(spec.name), QString(spec.description), QString(spec.valueName)));
    }
    parser.addOption(QCommandLineOption({ u"h"_s, u"help"_s }, u"Show this help."_s));
}

Result<long long> integerOption(const QCommandLineParser &parser, const QString &name,
    long long fallback, long long low, long long high)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const long long v = parser.value(name).trimmed().toLongLong(&ok);
    if (!ok || v < low || v > high) {
        return Result<long long>::failure(u"--%1: expected an integer in %2..%3, got '%4'"_s.arg(
            name, QString::number(low), QString::number(high), parser.value(name)));
    }
    return v;
}

Result<double> realOption(
    const QCommandLineParser &parser, const QString &name, double fallback, double low, double high)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double v = parser.value(name).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < low || v > high) {
        return Result<double>::failure(u"--%1: expected a number in %2..%3, got '%4'"_s.arg(
            name, QString::number(low), QString::number(high), parser.value(name)));
    }
    return v;
}

} // namespace

Result<PlantFault> PlantConfig::parseFault(const QString &text)
{
    const QStringList parts = text.split(u':');
    if (parts.size() < 3 || parts.size() > 4) {
        return Result<PlantFault>::failure(
            u"--fault '%1': expected VALVE:KIND:SEVERITY[:POSITION]"_s.arg(text));
    }
    PlantFault result;
    const QString valve = parts[0].trimmed();
    if (valve.compare("all"_L1, Qt::CaseInsensitive) == 0 || valve == "*"_L1) {
        result.valve = 0;
    } else {
        bool ok = false;
        result.valve = valve.toInt(&ok);
        if (!ok || result.valve < 1) {
            return Result<PlantFault>::failure(
                u"--fault '%1': the valve must be a number from 1 or 'all'"_s.arg(text));
        }
    }
    const std::optional<FaultKind> kind = faultKindFromName(parts[1]);
    if (!kind) {
        QStringList names;
        for (FaultKind k : allFaultKinds())
            names.append(faultKindName(k));
        return Result<PlantFault>::failure(
            u"--fault '%1': unknown fault kind '%2' (one of %3)"_s.arg(
                text, parts[1], names.join(", "_L1)));
    }
    result.fault.kind = *kind;
    bool ok = false;
    result.fault.severity = parts[2].trimmed().toDouble(&ok);
    if (!ok || !(result.fault.severity >= 0 && result.fault.severity <= 1)) {
        return Result<PlantFault>::failure(
            u"--fault '%1': the severity must be a number from 0 to 1"_s.arg(text));
    }
    if (parts.size() == 4) {
        result.fault.position = parts[3].trimmed().toDouble(&ok);
        if (!ok || !(result.fault.position >= 0 && result.fault.position <= 1)) {
            return Result<PlantFault>::failure(
                u"--fault '%1': the position must be a number from 0 to 1"_s.arg(text));
        }
    }
    return result;
}

Result<PlantConfig> PlantConfig::fromArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    addOptions(parser);
    if (!parser.parse(arguments))
        return Result<PlantConfig>::failure(parser.errorText());
    if (!parser.positionalArguments().isEmpty()) {
        return Result<PlantConfig>::failure(
            u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));
    }

    PlantConfig config;
    config.helpRequested = parser.isSet(u"help"_s);
#define DT_TAKE(target, expr)                                                                      \
    do {                                                                                           \
        auto taken = (expr);                                                                       \
        if (!taken)                                                                                \
            return Result<PlantConfig>::failure(taken.error());                                    \
        target = decltype(target)(*taken);                                                         \
    } while (0)
    DT_TAKE(config.valves, integerOption(parser, u"valves"_s, 1, 1, 10000));
    DT_TAKE(config.basePort, integerOption(parser, u"port"_s, 1502, 1, 65535));
    DT_TAKE(config.unitId, integerOption(parser, u"unit-id"_s, 1, 1, 247));
    DT_TAKE(config.strokeSeconds, realOption(parser, u"stroke-s"_s, 5.0, 0.05, 3600));
    DT_TAKE(config.cycleSeconds, realOption(parser, u"cycle-s"_s, 0.0, 0.0, 86400));
    DT_TAKE(config.wearPerOperation, realOption(parser, u"wear-per-op"_s, 0.0, 0.0, 1.0));
    DT_TAKE(config.seed, integerOption(parser, u"seed"_s, 1, 0, 0xffffffffLL));
    DT_TAKE(config.tickMs, integerOption(parser, u"tick-ms"_s, 20, 1, 1000));
    if (parser.isSet(u"noise"_s)) {
        double noise = 0;
        DT_TAKE(noise, realOption(parser, u"noise"_s, 0.0, 0.0, 50.0));
        config.noisePercent = noise;
    }
#undef DT_TAKE
    if (parser.isSet(u"host"_s))
        config.host = parser.value(u"host"_s).trimmed();
    if (parser.isSet(u"valve-type"_s)) {
        const auto type = valveTypeFromName(parser.value(u"valve-type"_s));
        if (!type) {
            return Result<PlantConfig>::failure(
                u"--valve-type: expected ball or butterfly, got '%1'"_s.arg(
                    parser.value(u"valve-type"_s)));
        }
        config.valveType = *type;
    }
    if (int(config.basePort) + config.valves - 1 > 65535) {
        return Result<PlantConfig>::failure(
            u"--port %1 with --valves %2 runs past port 65535"_s.arg(config.basePort)
                .arg(config.valves));
    }

    if (parser.isSet(u"rtu"_s)) {
        ValveModbusServer::SerialSettings serial;
        serial.device = parser.value(u"rtu"_s);
        if (serial.device.isEmpty())
            return Result<PlantConfig>::failure(u"--rtu: the serial device is empty"_s);
        long long baud = 0;
        auto baudValue = integerOption(parser, u"baud"_s, 19200, 50, 4000000);
        if (!baudValue)
            return Result<PlantConfig>::failure(baudValue.error());
        baud = *baudValue;
        serial.baudRate = int(baud);
        const QString parity = parser.value(u"parity"_s).trimmed().toUpper();
        if (parity.isEmpty() || parity == "N"_L1 || parity == "NONE"_L1)
            serial.parity = u'N';
        else if (parity == "E"_L1 || parity == "EVEN"_L1)
            serial.parity = u'E';
        else if (parity == "O"_L1 || parity == "ODD"_L1)
            serial.parity = u'O';
        else
            return Result<PlantConfig>::failure(
                u"--parity: expected N, E or O, got '%1'"_s.arg(parser.value(u"parity"_s)));
        if (config.valves != 1) {
            return Result<PlantConfig>::failure(
                u"--rtu serves exactly one valve per serial device (got --valves %1)"_s.arg(
                    config.valves));
        }
        config.serial = serial;
    } else if (parser.isSet(u"baud"_s) || parser.isSet(u"parity"_s)) {
        return Result<PlantConfig>::failure(u"--baud and --parity need --rtu DEVICE"_s);
    }

    const QStringList faults = parser.values(u"fault"_s);
    for (const QString &text : faults) {
        Result<PlantFault> fault = parseFault(text);
        if (!fault)
            return Result<PlantConfig>::failure(fault.error());
        if (fault->valve > config.valves) {
            return Result<PlantConfig>::failure(
                u"--fault '%1': there are only %2 valves"_s.arg(text).arg(config.valves));
        }
        config.faults.append(*fault);
    }
    return config;
}

QString PlantConfig::usage()
{
    QString text = u"Usage: dt-valvesim [options]\n"
                   "Simulated motor-operated valves served over Modbus TCP (one port per valve) or "
                   "RTU.\nPrints 'listening <host> <first port>-<last port>' (RTU: "
                   "'listening <device> <unit>-<unit>') once every server is open.\n\nOptions:\n"_s;
    for (const OptionSpec &spec : optionSpecs) {
        const QString head = u"  --%1 %2"_s.arg(spec.name, spec.valueName);
        text += head.leftJustified(30) + u' ' + QString(spec.description) + u'\n';
    }
    text += u"  -h, --help"_s.leftJustified(30) + u" Show this help.\n"_s;
    return text;
}

} // namespace dt::runtime
