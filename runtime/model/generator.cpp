// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic plant generator: a seeded, platform-independent model for benchmarks and tests.
#include "generator.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

// SplitMix64: tiny, fast and the same on every platform (std distributions are not).
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) (the modulo bias is irrelevant here).
    qint64 below(qint64 n) { return n <= 1 ? 0 : qint64(next() % quint64(n)); }
    qint64 between(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    /// Uniform in [0, 1) from the top 53 bits.
    double unit() { return double(next() >> 11) / double(1ULL << 53); }
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }

private:
    quint64 m_state;
};

constexpr int MaxLevel = 5; // area, unit, device, module, part
constexpr int DeviceLevel = 3; // every branch reaches at least this deep when it can

const QString RoleLib = u"PlantRoleClassLib"_s;
const QString SucLib = u"PlantSystemUnitClassLib"_s;
const QString InterfaceLib = u"PlantInterfaceClassLib"_s;
const QString AttributeLib = u"PlantAttributeTypeLib"_s;
const QString StandardAlias = u"AutomationMLInterfaceClassLib"_s;

const QString XsDouble = u"xs:double"_s;
const QString XsString = u"xs:string"_s;
const QString XsBoolean = u"xs:boolean"_s;
const QString XsInt = u"xs:int"_s;
const QString XsDateTime = u"xs:dateTime"_s;

// The system unit classes of each level, and the role each plays.
struct LevelKinds
{
    QString role;
    QStringList types;
};

const std::array<LevelKinds, MaxLevel> &levels()
{
    static const std::array<LevelKinds, MaxLevel> kinds = { {
        { u"Area"_s, { u"Area"_s } },
        { u"Unit"_s,
            { u"DistillationUnit"_s, u"MixingUnit"_s, u"StorageUnit"_s, u"ReactorUnit"_s,
                u"PackagingUnit"_s } },
        { u"Equipment"_s,
            { u"Pump"_s, u"Valve"_s, u"Motor"_s, u"Tank"_s, u"HeatExchanger"_s, u"Compressor"_s,
                u"Conveyor"_s, u"Mixer"_s } },
        { u"Module"_s,
            { u"Drive"_s, u"Actuator"_s, u"Gearbox"_s, u"ControlModule"_s, u"Bearing"_s } },
        { u"Component"_s,
            { u"TemperatureSensor"_s, u"PressureSensor"_s, u"FlowSensor"_s, u"Encoder"_s,
                u"LimitSwitch"_s } },
    } };
    return kinds;
}

// Interface names on elements and their classes in the interface library.
struct InterfaceKind
{
    QString name;
    QString cls;
};

const std::array<InterfaceKind, 5> &interfaceKinds()
{
    static const std::array<InterfaceKind, 5> kinds = { {
        { u"MaterialIn"_s, u"MaterialFlow"_s },
        { u"MaterialOut"_s, u"MaterialFlow"_s },
        { u"Signal"_s, u"SignalInterface"_s },
        { u"Power"_s, u"PowerSupply"_s },
        { u"Network"_s, u"Communication"_s },
    } };
    return kinds;
}

class PlantBuilder
{
public:
    explicit PlantBuilder(quint32 seed)
        : m_rng(0x5EED0000ULL ^ seed)
        , m_ids(0x1D5ULL << 40 ^ seed)
    {
    }

    CaexFile build(const GeneratorOptions &options);

private:
    QString newId();
    void fill(NodeList<InternalElement> &children, int level, qint64 budget);
    qint64 fanOut(int level, qint64 budget);
    InternalElement &addElement(NodeList<InternalElement> &children, int level, qint64 index);
    void addAttributes(NodeList<Attribute> &attributes);
    void addInterfaces(InternalElement &element, int level);
    void linkDevices(InternalElement &unit);

    void buildLibraries(CaexFile &file);

    SplitMix64 m_rng;
    SplitMix64 m_ids;
};

QString PlantBuilder::newId()
{
    // The first 64 bits come from one SplitMix64 output, a bijection of its ever-increasing
    // state, so IDs never repeat; the rest only makes them look like GUIDs.
    const quint64 a = m_ids.next();
    const quint64 b = m_ids.next();
    static const char hex[] = "0123456789abcdef";
    QString id(36, u'-');
    QChar *out = id.data();
    int pos = 0;
    for (int i = 0; i < 32; ++i) {
        if (pos == 8 || pos == 13 || pos == 18 || pos == 23)
            ++pos;
        const quint64 word = i < 16 ? a : b;
        const int shift = 60 - 4 * (i % 16);
        out[pos++] = QLatin1Char(hex[(word >> shift) & 0xF]);
    }
    return id;
}

qint64 PlantBuilder::fanOut(int level, qint64 budget)
{
    if (level >= MaxLevel)
        return budget;
    // About the n-th root of the budget for the n levels left, so the tree is evenly bushy
    // (integer arithmetic: std::pow may round differently between C libraries).
    const int levelsLeft = MaxLevel - level + 1;
    qint64 root = 1;
    for (;;) {
        qint64 power = 1;
        bool over = false;
        for (int i = 0; i < levelsLeft && !over; ++i) {
            power *= root + 1;
            over = power > budget;
        }
        if (over)
            break;
        ++root;
    }
    qint64 k = root + m_rng.between(-root / 4, root / 4);
    if (level < DeviceLevel) {
        // Each child needs a chain of elements down to the device level.
        const qint64 chain = DeviceLevel - level + 1;
        k = std::min(k, std::max<qint64>(1, budget / chain));
    }
    return std::clamp<qint64>(k, 1, budget);
}

void PlantBuilder::fill(NodeList<InternalElement> &children, int level, qint64 budget)
{
    if (budget <= 0)
        return;
    const qint64 k = fanOut(level, budget);
    qint64 rest = budget - k;
    std::vector<qint64> shares(size_t(k), 0);
    if (level < DeviceLevel && rest >= k * (DeviceLevel - level)) {
        for (qint64 &s : shares)
            s = DeviceLevel - level;
        rest -= k * (DeviceLevel - level);
    }
    if (level < MaxLevel && rest > 0) {
        std::vector<qint64> weights(static_cast<size_t>(k));
        qint64 total = 0;
        for (qint64 &w : weights)
            total += (w = m_rng.between(qint64(1), qint64(4)));
        qint64 given = 0;
        for (size_t i = 0; i < shares.size(); ++i) {
            const qint64 extra = rest / total * weights[i] + rest % total * weights[i] / total;
            shares[i] += extra;
            given += extra;
        }
        for (size_t i = 0; given < rest; i = (i + 1) % shares.size(), ++given)
            ++shares[i];
    }
    children.reserve(int(k));
    for (qint64 i = 0; i < k; ++i) {
        InternalElement &e = addElement(children, level, i + 1);
        fill(e.internalElements, level + 1, shares[size_t(i)]);
        if (level == DeviceLevel - 1)
            linkDevices(e);
    }
}

InternalElement &PlantBuilder::addElement(
    NodeList<InternalElement> &children, int level, qint64 index)
{
    const LevelKinds &kinds = levels()[size_t(level - 1)];
    const QString &type = kinds.types.at(m_rng.below(kinds.types.size()));
    InternalElement &e = children.append();
    e.id = newId();
    e.name = type + u'_' + QString::number(index).rightJustified(2, u'0');
    e.refBaseSystemUnitPath = SucLib + u'/' + type;
    SupportedRoleClass role;
    role.refRoleClassPath = RoleLib + u'/' + kinds.role;
    e.supportedRoleClasses.append(role);
    addAttributes(e.attributes);
    addInterfaces(e, level);
    return e;
}

void PlantBuilder::addAttributes(NodeList<Attribute> &attributes)
{
    enum Kind {
        Temperature,
        Pressure,
        Flow,
        Power,
        Speed,
        Level,
        Manufacturer,
        Serial,
        Running,
        Enabled,
        Hours,
        Frame,
        Rating,
        Commissioned,
        Mode,
        KindCount
    };
    std::array<int, KindCount> order;
    for (int i = 0; i < KindCount; ++i)
        order[size_t(i)] = i;
    const int count = int(m_rng.between(qint64(2), qint64(6)));
    auto number
        = [this](double lo, double hi) { return QString::number(m_rng.between(lo, hi), 'f', 2); };
    auto add = [&attributes](const QString &name, const QString &type, const QString &unit,
                   const QString &value) -> Attribute & {
        Attribute &a = attributes.append();
        a.name = name;
        a.dataType = type;
        a.unit = unit;
        a.value = value;
        return a;
    };
    static const QStringList makers
        = { u"Endress+Hauser"_s, u"Siemens"_s, u"ABB"_s, u"Festo"_s, u"Rotork"_s, u"SEW"_s };
    for (int i = 0; i < count; ++i) {
        // A partial Fisher-Yates shuffle picks distinct kinds.
        std::swap(order[size_t(i)], order[size_t(i + m_rng.below(KindCount - i))]);
        switch (order[size_t(i)]) {
        case Temperature:
            add(u"Temperature"_s, XsDouble, u"°C"_s, number(-20, 180)).refAttributeType
                = AttributeLib + u"/Temperature"_s;
            break;
        case Pressure:
            add(u"Pressure"_s, XsDouble, u"bar"_s, number(0, 40)).refAttributeType
                = AttributeLib + u"/Pressure"_s;
            break;
        case Flow:
            add(u"FlowRate"_s, XsDouble, u"m³/h"_s, number(0, 500));
            break;
        case Power:
            add(u"Power"_s, XsDouble, u"kW"_s, number(0.5, 250));
            break;
        case Speed:
            add(u"Speed"_s, XsDouble, u"rpm"_s, number(0, 3000));
            break;
        case Level: {
            Attribute &a = add(u"Level"_s, XsDouble, u"%"_s, number(0, 100));
            Constraint c;
            c.name = u"LevelRange"_s;
            c.kind = Constraint::Kind::Ordinal;
            c.requiredMinValue = u"0"_s;
            c.requiredMaxValue = u"100"_s;
            a.constraints.append(c);
            break;
        }
        case Manufacturer:
            add(u"Manufacturer"_s, XsString, QString(), makers.at(m_rng.below(makers.size())));
            break;
        case Serial:
            add(u"SerialNumber"_s, XsString, QString(),
                u"SN-"_s + QString::number(m_rng.between(qint64(100000), qint64(999999))));
            break;
        case Running:
            add(u"Running"_s, XsBoolean, QString(), m_rng.below(2) ? u"true"_s : u"false"_s);
            break;
        case Enabled:
            add(u"Enabled"_s, XsBoolean, QString(), m_rng.below(4) ? u"true"_s : u"false"_s);
            break;
        case Hours:
            add(u"OperatingHours"_s, XsInt, u"h"_s, QString::number(m_rng.below(100000)));
            break;
        case Frame: {
            Attribute &frame = add(u"Frame"_s, QString(), QString(), QString());
            frame.value.reset();
            for (const QString &axis : { u"x"_s, u"y"_s, u"z"_s }) {
                Attribute &c = frame.attributes.append();
                c.name = axis;
                c.dataType = XsDouble;
                c.unit = u"m"_s;
                c.value = QString::number(m_rng.between(-50.0, 50.0), 'f', 3);
            }
            break;
        }
        case Rating: {
            Attribute &rating = add(u"Rating"_s, QString(), QString(), QString());
            rating.value.reset();
            for (const auto &[name, unit, value] : { std::tuple(u"Voltage"_s, u"V"_s, u"400"_s),
                     std::tuple(u"Current"_s, u"A"_s, number(0.5, 120)) }) {
                Attribute &c = rating.attributes.append();
                c.name = name;
                c.dataType = XsDouble;
                c.unit = unit;
                c.value = value;
            }
            break;
        }
        case Commissioned: {
            const int day = int(m_rng.below(28)) + 1;
            const int month = int(m_rng.below(12)) + 1;
            add(u"CommissioningDate"_s, XsDateTime, QString(),
                u"%1-%2-%3T08:00:00"_s.arg(m_rng.between(qint64(1995), qint64(2024)))
                    .arg(month, 2, 10, QLatin1Char('0'))
                    .arg(day, 2, 10, QLatin1Char('0')));
            break;
        }
        case Mode: {
            static const QStringList modes = { u"Auto"_s, u"Manual"_s, u"Off"_s };
            Attribute &a = add(u"Mode"_s, XsString, QString(), modes.at(m_rng.below(3)));
            Constraint c;
            c.name = u"Modes"_s;
            c.kind = Constraint::Kind::Nominal;
            c.nominalValues = modes;
            a.constraints.append(c);
            break;
        }
        default:
            break;
        }
    }
}

void PlantBuilder::addInterfaces(InternalElement &element, int level)
{
    const auto &kinds = interfaceKinds();
    auto add = [&](const InterfaceKind &kind) {
        ExternalInterface &i = element.interfaces.append();
        i.id = newId();
        i.name = kind.name;
        i.refBaseClassPath = InterfaceLib + u'/' + kind.cls;
    };
    // Devices pass material along their unit; everything else has 1-3 utility interfaces.
    std::array<size_t, 3> utilities = { 2, 3, 4 };
    qint64 count = m_rng.between(qint64(1), qint64(3));
    if (level == DeviceLevel) {
        add(kinds[0]);
        add(kinds[1]);
        count = m_rng.below(2);
    }
    for (qint64 i = 0; i < count; ++i) {
        std::swap(utilities[size_t(i)], utilities[size_t(i + m_rng.below(3 - i))]);
        add(kinds[utilities[size_t(i)]]);
    }
}

void PlantBuilder::linkDevices(InternalElement &unit)
{
    // The unit holds the links of its devices: outlet to inlet along the process line, and
    // each device's signal to the next device that has one (a control loop).
    const NodeList<InternalElement> &devices = unit.internalElements;
    auto linkName = [](const QString &prefix, int n) {
        return prefix + QString::number(n).rightJustified(2, u'0');
    };
    for (int i = 0; i + 1 < devices.size(); ++i) {
        InternalLink &link = unit.internalLinks.append();
        link.id = newId();
        link.name = linkName(u"Flow_"_s, i + 1);
        link.refPartnerSideA = devices[i].id + u":MaterialOut"_s;
        link.refPartnerSideB = devices[i + 1].id + u":MaterialIn"_s;
    }
    std::vector<int> signalling;
    for (int i = 0; i < devices.size(); ++i) {
        if (findInterface(devices[i].interfaces, u"Signal"))
            signalling.push_back(i);
    }
    for (size_t k = 0; signalling.size() > 1 && k < signalling.size(); ++k) {
        const InternalElement &from = devices[signalling[k]];
        const InternalElement &to = devices[signalling[(k + 1) % signalling.size()]];
        if (signalling.size() == 2 && k == 1)
            break; // two devices need one loop link, not two
        InternalLink &link = unit.internalLinks.append();
        link.id = newId();
        link.name = linkName(u"Signal_"_s, int(k) + 1);
        link.refPartnerSideA = from.id + u":Signal"_s;
        link.refPartnerSideB = to.id + u":Signal"_s;
    }
}

void PlantBuilder::buildLibraries(CaexFile &file)
{
    InterfaceClassLib &interfaces = file.interfaceClassLibs.append();
    interfaces.name = InterfaceLib;
    interfaces.setDescription(u"Interfaces of the synthetic plant"_s);
    {
        InterfaceClass &base = interfaces.classes.append();
        base.name = u"PlantInterface"_s;
        base.id = newId();
        // The one use of the ExternalReference, as real files use the standard libraries.
        base.refBaseClassPath
            = StandardAlias + u"@AutomationMLInterfaceClassLib/AutomationMLBaseInterface"_s;
        for (const QString &name :
            { u"MaterialFlow"_s, u"SignalInterface"_s, u"PowerSupply"_s, u"Communication"_s }) {
            InterfaceClass &c = interfaces.classes.append();
            c.name = name;
            c.id = newId();
            c.refBaseClassPath = InterfaceLib + u"/PlantInterface"_s;
        }
        Attribute &medium = interfaces.classes[1].attributes.append();
        medium.name = u"Medium"_s;
        medium.dataType = XsString;
    }

    RoleClassLib &roles = file.roleClassLibs.append();
    roles.name = RoleLib;
    roles.setDescription(u"Roles of the synthetic plant"_s);
    RoleClass &plantRole = roles.classes.append();
    plantRole.name = u"PlantRole"_s;
    for (const LevelKinds &kinds : levels()) {
        RoleClass &r = roles.classes.append();
        r.name = kinds.role;
        r.refBaseClassPath = RoleLib + u"/PlantRole"_s;
    }

    SystemUnitClassLib &units = file.systemUnitClassLibs.append();
    units.name = SucLib;
    units.setDescription(u"System unit classes of the synthetic plant"_s);
    SystemUnitClass &base = units.classes.append();
    base.name = u"PlantObject"_s;
    base.id = newId();
    Attribute &tag = base.attributes.append();
    tag.name = u"Tag"_s;
    tag.dataType = XsString;
    for (size_t level = 0; level < levels().size(); ++level) {
        for (const QString &type : levels()[level].types) {
            SystemUnitClass &c = units.classes.append();
            c.name = type;
            c.id = newId();
            c.refBaseClassPath = SucLib + u"/PlantObject"_s;
            SupportedRoleClass role;
            role.refRoleClassPath = RoleLib + u'/' + levels()[level].role;
            c.supportedRoleClasses.append(role);
            ExternalInterface &i = c.interfaces.append();
            i.id = newId();
            i.name = int(level) + 1 == DeviceLevel ? u"MaterialIn"_s : u"Power"_s;
            i.refBaseClassPath = InterfaceLib
                + (int(level) + 1 == DeviceLevel ? u"/MaterialFlow"_s : u"/PowerSupply"_s);
        }
    }

    AttributeTypeLib &types = file.attributeTypeLibs.append();
    types.name = AttributeLib;
    AttributeType &temperature = types.classes.append();
    temperature.name = u"Temperature"_s;
    temperature.dataType = XsDouble;
    temperature.unit = u"°C"_s;
    AttributeType &pressure = types.classes.append();
    pressure.name = u"Pressure"_s;
    pressure.dataType = XsDouble;
    pressure.unit = u"bar"_s;
}

CaexFile PlantBuilder::build(const GeneratorOptions &options)
{
    CaexFile file;
    file.fileName = u"plant.aml"_s;
    file.schemaVersion = SchemaVersion::V3_0;
    file.superiorStandardVersions << u"AutomationML 2.10"_s;
    SourceDocumentInformation info;
    info.originName = u"DT Workbench plant generator"_s;
    info.originId = u"dt-workbench-generator"_s;
    info.originVendor = u"DT Workbench"_s;
    info.originVersion = u"1.0"_s;
    // Fixed, so that the same options always give the same bytes.
    info.lastWritingDateTime = u"2024-01-01T00:00:00"_s;
    info.originProjectTitle = u"Synthetic plant"_s;
    info.originProjectId = u"plant-%1-%2"_s.arg(options.seed).arg(options.elements);
    file.sourceDocumentInformation.append(info);

    ExternalReference standard;
    standard.alias = StandardAlias;
    standard.path = u"AutomationMLInterfaceClassLib.aml"_s;
    file.externalReferences.append(standard);

    InstanceHierarchy &plant = file.instanceHierarchies.append();
    plant.name = u"Plant"_s;
    plant.id = newId();
    fill(plant.internalElements, 1, std::max(0, options.elements));

    buildLibraries(file);
    return file;
}

} // namespace

CaexFile generatePlant(const GeneratorOptions &options)
{
    return PlantBuilder(options.seed).build(options);
}

} // namespace dt::model
