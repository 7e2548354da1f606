// SPDX-License-Identifier: GPL-3.0-or-later
// Instantiation of SystemUnitClasses and duplication of elements: fresh IDs everywhere, links
// inside the copy following them, inheritance, and a large class.
#include "model/caexreader.h"
#include "model/instantiation.h"
#include "model/resolver.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <time.h>

using namespace Qt::StringLiterals;
using namespace dt::model;
using dt::Result;

namespace {

template<typename T> T &named(NodeList<T> &list, const QString &name, const QString &id = QString())
{
    T &item = list.append();
    item.name = name;
    item.id = id;
    return item;
}

InternalLink &link(NodeList<InternalLink> &list, const QString &a, const QString &b)
{
    InternalLink &l = named(list, u"Link"_s, u"link-%1"_s.arg(list.size()));
    l.refPartnerSideA = a;
    l.refPartnerSideB = b;
    return l;
}

// Deterministic IDs, so that tests can tell old from new.
IdGenerator counter()
{
    auto next = std::make_shared<int>(0);
    return [next] { return u"new-%1"_s.arg(++*next); };
}

// Lib/Pump: attributes, interfaces, two parts and links in both reference styles.
CaexFile pumpLibrary()
{
    CaexFile file;
    SystemUnitClassLib &lib = named(file.systemUnitClassLibs, u"Lib"_s);
    SystemUnitClass &pump = named(lib.classes, u"Pump"_s, u"suc-1"_s);
    pump.setDescription(u"A pump"_s);
    pump.header->version = HeaderText { u"1.2"_s, ChangeMode::State };
    Attribute &speed = named(pump.attributes, u"Speed"_s, u"attr-1"_s);
    speed.value = u"100"_s;
    named(speed.attributes, u"Max"_s);
    named(pump.attributes, u"Plain"_s);
    named(pump.interfaces, u"In"_s, u"if-in"_s);
    ExternalInterface &out = named(pump.interfaces, u"Out"_s, u"{if-out}"_s);
    named(out.interfaces, u"Nested"_s, u"if-nested"_s);
    SupportedRoleClass role;
    role.refRoleClassPath = u"RL/PumpRole"_s;
    role.mappingObject.ensure().interfaceIdMappings.append({ {}, u"if-in"_s, u"role-if"_s });
    pump.supportedRoleClasses.append(role);

    InternalElement &motor = named(pump.internalElements, u"Motor"_s, u"{m1}"_s);
    motor.refBaseSystemUnitPath = u"Lib/Motor"_s;
    named(motor.interfaces, u"Power"_s, u"p1"_s);
    InternalElement &sensor = named(pump.internalElements, u"Sensor"_s, u"s1"_s);
    named(sensor.interfaces, u"Sig"_s, u"sig1"_s);
    RoleRequirements requirement;
    requirement.refBaseRoleClassPath = u"RL/Sensor"_s;
    named(requirement.interfaces, u"RoleSig"_s, u"rr-sig"_s);
    sensor.roleRequirements.append(requirement);
    InternalElement &twin = named(sensor.internalElements, QString(), u"mirror"_s);
    twin.refBaseSystemUnitPath = u"{m1}"_s; // a mirror of Motor, inside the class

    link(pump.internalLinks, u"{m1}:Power"_s, u"suc-1:In"_s); // element-ID style
    link(pump.internalLinks, u"p1"_s, u"sig1"_s); // bare interface IDs
    link(pump.internalLinks, u"s1:Sig"_s, u"outside:Port"_s); // one side leaves the class
    link(pump.internalLinks, u"m1:Power"_s, u"{if-out}"_s); // braces differ from the IDs

    named(lib.classes, u"Motor"_s, u"suc-2"_s);
    return file;
}

void collectIds(const InternalElement &element, QStringList &ids);

void collectInterfaceIds(const NodeList<ExternalInterface> &list, QStringList &ids)
{
    for (const ExternalInterface &iface : list) {
        ids << iface.id;
        collectInterfaceIds(iface.interfaces, ids);
    }
}

void collectIds(const InternalElement &element, QStringList &ids)
{
    ids << element.id;
    collectInterfaceIds(element.interfaces, ids);
    for (const Attribute &attribute : element.attributes)
        if (!attribute.id.isEmpty())
            ids << attribute.id;
    for (const InternalLink &l : element.internalLinks)
        ids << l.id;
    for (const RoleRequirements &requirement : element.roleRequirements)
        collectInterfaceIds(requirement.interfaces, ids);
    for (const InternalElement &child : element.internalElements)
        collectIds(child, ids);
}

int countElements(const InternalElement &element)
{
    int n = 1;
    for (const InternalElement &child : element.internalElements)
        n += countElements(child);
    return n;
}

double cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

class TestInstantiation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instantiateCopiesWithFreshIds();
    void instantiateRemapsLinks();
    void instantiateInherits();
    void instantiateNamesAndPaths();
    void instantiateExternalClass();
    void instantiateFailures();
    void duplicateSubtree();
    void defaultIds();
    void largeClass();
};

void TestInstantiation::instantiateCopiesWithFreshIds()
{
    const CaexFile file = pumpLibrary();
    const CaexFile before = file;
    Resolver resolver(file);
    Result<std::unique_ptr<InternalElement>> made
        = instantiate(resolver, u"Lib/Pump"_s, {}, counter());
    QVERIFY2(made.ok(), qPrintable(made.error()));
    const InternalElement &pump = **made;

    QCOMPARE(pump.name, u"Pump"_s);
    QCOMPARE(pump.refBaseSystemUnitPath, u"Lib/Pump"_s);
    QCOMPARE(pump.description(), u"A pump"_s);
    QVERIFY(!pump.header->version); // the class's version is not the instance's
    QCOMPARE(pump.supportedRoleClasses.size(), 1);
    QCOMPARE(pump.supportedRoleClasses.first().refRoleClassPath, u"RL/PumpRole"_s);
    QCOMPARE(pump.internalElements.size(), 2);
    QCOMPARE(pump.internalElements.first().refBaseSystemUnitPath, u"Lib/Motor"_s);
    QCOMPARE(pump.attributes.first().value, std::optional<QString>(u"100"_s));
    QCOMPARE(pump.attributes.first().attributes.first().name, u"Max"_s);
    QVERIFY(pump.attributes.at(1).id.isEmpty()); // attributes without an ID stay without

    QStringList ids;
    collectIds(pump, ids);
    QCOMPARE(ids.size(), 15);
    for (const QString &id : std::as_const(ids))
        QVERIFY2(id.startsWith(u"new-"_s), qPrintable(id));
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());

    // The class itself is untouched.
    const SystemUnitClass &cls = file.systemUnitClassLibs.first().classes.first();
    const SystemUnitClass &old = before.systemUnitClassLibs.first().classes.first();
    QCOMPARE(cls.id, old.id);
    QCOMPARE(cls.internalLinks.first().refPartnerSideA, old.internalLinks.first().refPartnerSideA);
    QCOMPARE(cls.internalElements.first().id, u"{m1}"_s);
}

void TestInstantiation::instantiateRemapsLinks()
{
    const CaexFile file = pumpLibrary();
    Resolver resolver(file);
    std::unique_ptr<InternalElement> pump
        = instantiate(resolver, u"Lib/Pump"_s, u"P1"_s, counter()).takeValue();
    const InternalElement &motor = pump->internalElements.at(0);
    const InternalElement &sensor = pump->internalElements.at(1);
    const QString outId = pump->interfaces.at(1).id;

    const NodeList<InternalLink> &links = pump->internalLinks;
    QCOMPARE(links.at(0).refPartnerSideA, motor.id + u":Power"_s);
    QCOMPARE(links.at(0).refPartnerSideB, pump->id + u":In"_s); // the class's own ID
    QCOMPARE(links.at(1).refPartnerSideA, motor.interfaces.first().id);
    QCOMPARE(links.at(1).refPartnerSideB, sensor.interfaces.first().id);
    QCOMPARE(links.at(2).refPartnerSideA, sensor.id + u":Sig"_s);
    QCOMPARE(links.at(2).refPartnerSideB, u"outside:Port"_s); // not in the copy: unchanged
    QCOMPARE(links.at(3).refPartnerSideA, motor.id + u":Power"_s);
    QCOMPARE(links.at(3).refPartnerSideB, outId);

    // The mirror inside follows its master; mapping objects follow the interfaces.
    QCOMPARE(sensor.internalElements.first().refBaseSystemUnitPath, u'{' + motor.id + u'}');
    const InterfaceIdMapping &mapping
        = pump->supportedRoleClasses.first().mappingObject->interfaceIdMappings.first();
    QCOMPARE(mapping.systemUnitInterfaceId, pump->interfaces.first().id);
    QCOMPARE(mapping.roleInterfaceId, u"role-if"_s); // belongs to the role class

    // With the instance placed in a document, the resolver finds every remapped partner.
    CaexFile document = file;
    named(document.instanceHierarchies, u"H"_s).internalElements.append(std::move(pump));
    Resolver placed(document);
    for (const InternalLink &l :
        document.instanceHierarchies.first().internalElements.first().internalLinks) {
        for (const QString &side : { l.refPartnerSideA, l.refPartnerSideB }) {
            if (side.startsWith(u"outside"_s))
                continue;
            Result<Resolver::LinkPartner> partner = placed.linkPartner(side);
            QVERIFY2(partner.ok(), qPrintable(partner.error()));
            QVERIFY2(partner->owner.path.startsWith(u"H/P1"_s), qPrintable(partner->owner.path));
        }
    }
}

void TestInstantiation::instantiateInherits()
{
    CaexFile file;
    SystemUnitClassLib &lib = named(file.systemUnitClassLibs, u"Lib"_s);
    SystemUnitClass &base = named(lib.classes, u"Base"_s);
    named(base.attributes, u"A"_s).value = u"base"_s;
    named(base.attributes, u"B"_s).value = u"base"_s;
    named(base.interfaces, u"FromBase"_s, u"base-if"_s);
    SystemUnitClass &derived = named(base.systemUnitClasses, u"Derived"_s);
    derived.refBaseClassPath = u"Lib/Base"_s;
    named(derived.attributes, u"B"_s).value = u"derived"_s;
    named(derived.attributes, u"C"_s).value = u"derived"_s;

    Resolver resolver(file);
    Result<std::unique_ptr<InternalElement>> made
        = instantiate(resolver, u"Lib/Base/Derived"_s, {}, counter());
    QVERIFY2(made.ok(), qPrintable(made.error()));
    QStringList attributes;
    for (const Attribute &a : (*made)->attributes)
        attributes << a.name + u'=' + a.value.value_or(QString());
    QCOMPARE(attributes, (QStringList { u"B=derived"_s, u"C=derived"_s, u"A=base"_s }));
    QCOMPARE((*made)->interfaces.size(), 1);
    QCOMPARE((*made)->interfaces.first().name, u"FromBase"_s);
    QVERIFY((*made)->interfaces.first().id.startsWith(u"new-"_s));
    QCOMPARE(base.interfaces.first().id, u"base-if"_s);
}

void TestInstantiation::instantiateNamesAndPaths()
{
    const CaexFile file = pumpLibrary();
    Resolver resolver(file);
    // A short name is stored as the full path, so other tools can follow it.
    Result<std::unique_ptr<InternalElement>> made = instantiate(resolver, u"Pump"_s, u"P7"_s);
    QVERIFY2(made.ok(), qPrintable(made.error()));
    QCOMPARE((*made)->name, u"P7"_s);
    QCOMPARE((*made)->refBaseSystemUnitPath, u"Lib/Pump"_s);
    QVERIFY(!(*made)->id.isEmpty());
}

void TestInstantiation::instantiateExternalClass()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile lib(dir.filePath(u"units.aml"_s));
    QVERIFY(lib.open(QIODevice::WriteOnly));
    lib.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<CAEXFile FileName=\"units.aml\" SchemaVersion=\"3.0\" "
              "xmlns=\"http://www.dke.de/CAEX\">\n"
              "  <SystemUnitClassLib Name=\"ExtLib\">\n"
              "    <SystemUnitClass Name=\"Valve\" ID=\"ext-valve\">\n"
              "      <ExternalInterface Name=\"Port\" ID=\"ext-port\"/>\n"
              "    </SystemUnitClass>\n"
              "  </SystemUnitClassLib>\n"
              "</CAEXFile>\n");
    lib.close();
    CaexFile file;
    ExternalReference reference;
    reference.alias = u"Units"_s;
    reference.path = u"units.aml"_s;
    file.externalReferences << reference;
    Resolver resolver(file, dir.path());
    Result<std::unique_ptr<InternalElement>> made
        = instantiate(resolver, u"Units@ExtLib/Valve"_s, {}, counter());
    QVERIFY2(made.ok(), qPrintable(made.error()));
    QCOMPARE((*made)->refBaseSystemUnitPath, u"Units@ExtLib/Valve"_s);
    QCOMPARE((*made)->interfaces.first().id, u"new-2"_s);
}

void TestInstantiation::instantiateFailures()
{
    const CaexFile file = pumpLibrary();
    Resolver resolver(file);
    Result<std::unique_ptr<InternalElement>> missing = instantiate(resolver, u"Lib/Nope"_s);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(u"Lib/Nope"_s), qPrintable(missing.error()));
    QVERIFY(!instantiate(resolver, QString()).ok());
    QVERIFY(!instantiate(resolver, u"Lib/Pump"_s, {}, IdGenerator()).ok());
}

void TestInstantiation::duplicateSubtree()
{
    CaexFile file;
    InstanceHierarchy &hierarchy = named(file.instanceHierarchies, u"H"_s);
    InternalElement &group = named(hierarchy.internalElements, u"Group"_s, u"g"_s);
    InternalElement &a = named(group.internalElements, u"A"_s, u"a"_s);
    named(a.interfaces, u"Out"_s, u"a-out"_s);
    InternalElement &b = named(group.internalElements, u"B"_s, u"{b}"_s);
    named(b.interfaces, u"In"_s, u"b-in"_s);
    named(b.attributes, u"Tagged"_s, u"b-attr"_s);
    link(group.internalLinks, u"a:Out"_s, u"b-in"_s);
    link(group.internalLinks, u"{b}:In"_s, u"elsewhere:Port"_s);
    InternalElement &mirror = named(group.internalElements, u"M"_s, u"m"_s);
    mirror.refBaseSystemUnitPath = u"{a}"_s;
    InternalElement &outsideMirror = named(group.internalElements, u"N"_s, u"n"_s);
    outsideMirror.refBaseSystemUnitPath = u"{somewhere}"_s;
    const CaexFile before = file;

    std::unique_ptr<InternalElement> copy = duplicate(group, counter());
    QCOMPARE(copy->name, u"Group"_s);
    QCOMPARE(copy->id, u"new-1"_s);
    const InternalElement &copyA = copy->internalElements.at(0);
    const InternalElement &copyB = copy->internalElements.at(1);
    QVERIFY(copyA.id.startsWith(u"new-"_s));
    QVERIFY(copyB.attributes.first().id.startsWith(u"new-"_s));
    QCOMPARE(copy->internalLinks.at(0).refPartnerSideA, copyA.id + u":Out"_s);
    QCOMPARE(copy->internalLinks.at(0).refPartnerSideB, copyB.interfaces.first().id);
    QCOMPARE(copy->internalLinks.at(1).refPartnerSideA, copyB.id + u":In"_s);
    QCOMPARE(copy->internalLinks.at(1).refPartnerSideB, u"elsewhere:Port"_s);
    QCOMPARE(copy->internalElements.at(2).refBaseSystemUnitPath, u'{' + copyA.id + u'}');
    QCOMPARE(copy->internalElements.at(3).refBaseSystemUnitPath, u"{somewhere}"_s);

    // The original is unchanged.
    const InternalElement &original = file.instanceHierarchies.first().internalElements.first();
    const InternalElement &saved = before.instanceHierarchies.first().internalElements.first();
    QCOMPARE(
        original.internalLinks.at(0).refPartnerSideA, saved.internalLinks.at(0).refPartnerSideA);
    QCOMPARE(original.internalElements.at(1).id, u"{b}"_s);

    // Without a generator, the default one is used.
    std::unique_ptr<InternalElement> defaulted = duplicate(group, IdGenerator());
    QVERIFY(!defaulted->id.isEmpty());
    QVERIFY(defaulted->id != u"g"_s);
}

void TestInstantiation::defaultIds()
{
    const IdGenerator generate = defaultIdGenerator();
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = generate();
        QCOMPARE(id.size(), 36);
        QVERIFY(!id.startsWith(u'{'));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestInstantiation::largeClass()
{
    // 10 sections of 99 devices: 1,000 nested elements, the devices with interfaces and
    // attributes, and links between neighbours in both reference styles.
    CaexFile file;
    SystemUnitClassLib &lib = named(file.systemUnitClassLibs, u"Lib"_s);
    SystemUnitClass &plant = named(lib.classes, u"BigPlant"_s, u"big"_s);
    int serial = 0;
    for (int s = 0; s < 10; ++s) {
        InternalElement &section
            = named(plant.internalElements, u"S%1"_s.arg(s), u"e%1"_s.arg(serial++));
        for (int d = 0; d < 99; ++d) {
            InternalElement &device
                = named(section.internalElements, u"D%1"_s.arg(d), u"e%1"_s.arg(serial++));
            named(device.interfaces, u"In"_s, u"in-%1"_s.arg(serial));
            named(device.interfaces, u"Out"_s, u"out-%1"_s.arg(serial));
            named(device.attributes, u"Torque"_s).value = u"0"_s;
            named(device.attributes, u"Position"_s).value = u"0"_s;
            if (d > 0)
                link(section.internalLinks, u"out-%1"_s.arg(serial - 1),
                    u"e%1:In"_s.arg(serial - 1));
        }
    }
    Resolver resolver(file);
    QVERIFY(resolver.systemUnitClass(u"Lib/BigPlant"_s).ok()); // index built before timing

    const double start = cpuMs();
    Result<std::unique_ptr<InternalElement>> made = instantiate(resolver, u"Lib/BigPlant"_s);
    const double elapsed = cpuMs() - start;
    QVERIFY2(made.ok(), qPrintable(made.error()));
    qInfo("instantiating a class with 1,000 nested elements: %.2f ms CPU", elapsed);

    QCOMPARE(countElements(**made), 1001);
    QStringList ids;
    collectIds(**made, ids);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    // Every link still points at the copy's own elements and interfaces.
    QSet<QString> known(ids.cbegin(), ids.cend());
    int links = 0;
    for (const InternalElement &section : (*made)->internalElements)
        for (const InternalLink &l : section.internalLinks) {
            QVERIFY(known.contains(l.refPartnerSideA));
            QVERIFY(known.contains(l.refPartnerSideB.section(u':', 0, 0)));
            ++links;
        }
    QCOMPARE(links, 980);
}

QTEST_GUILESS_MAIN(TestInstantiation)
#include "tst_instantiation.moc"
