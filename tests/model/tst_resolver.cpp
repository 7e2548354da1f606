// SPDX-License-Identifier: GPL-3.0-or-later
// Resolver: class paths (nested, escaped, short, aliased through external files), IDs and
// mirrors, instance paths, link partners, inheritance, and the references of the real corpus.
#include "model/caexpath.h"
#include "model/caexreader.h"
#include "model/resolver.h"

#include "testsupport.h"

#include <QDirIterator>
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

Attribute &attribute(NodeList<Attribute> &list, const QString &name, const QString &value)
{
    Attribute &a = named(list, name);
    a.value = value;
    return a;
}

// Libraries with nested classes, an escaped library name and a name used twice.
CaexFile classModel()
{
    CaexFile file;
    RoleClassLib &roles = named(file.roleClassLibs, u"RL"_s);
    RoleClass &base = named(roles.classes, u"Base"_s);
    named(base.roleClasses, u"Derived"_s);
    named(roles.classes, u"Dup"_s);
    RoleClassLib &other = named(file.roleClassLibs, u"Other"_s);
    named(other.classes, u"Dup"_s);
    RoleClassLib &slashed = named(file.roleClassLibs, u"A/B"_s);
    named(slashed.classes, u"Cls"_s);

    SystemUnitClassLib &units = named(file.systemUnitClassLibs, u"SL"_s);
    SystemUnitClass &pump = named(units.classes, u"Pump"_s);
    named(pump.systemUnitClasses, u"Special"_s);
    InterfaceClassLib &interfaces = named(file.interfaceClassLibs, u"IL"_s);
    named(interfaces.classes, u"Signal"_s);
    AttributeTypeLib &types = named(file.attributeTypeLibs, u"AL"_s);
    named(types.classes, u"Length"_s);
    return file;
}

// A plant with IDs in all kinds of places, a mirror and nested interfaces.
CaexFile plantModel()
{
    CaexFile file;
    InstanceHierarchy &hierarchy = named(file.instanceHierarchies, u"H"_s);
    InternalElement &a = named(hierarchy.internalElements, u"A"_s, u"{AAA}"_s);
    ExternalInterface &port = named(a.interfaces, u"Port"_s, u"if-port"_s);
    named(port.interfaces, u"Inner"_s, u"if-inner"_s);
    named(a.attributes, u"Speed"_s, u"attr-speed"_s);
    InternalElement &b = named(a.internalElements, u"B"_s, u"bbb"_s);
    named(b.interfaces, u"Port"_s, u"if-b-port"_s);
    InternalLink &link = named(a.internalLinks, u"L"_s, u"link-1"_s);
    link.refPartnerSideA = u"{AAA}:Port"_s;
    link.refPartnerSideB = u"bbb:Port"_s;
    named(hierarchy.internalElements, u"x/y"_s, u"slash"_s);
    InternalElement &colon = named(hierarchy.internalElements, u"Colon"_s, u"urn:x:1"_s);
    named(colon.interfaces, u"P"_s);
    InternalElement &mirror = named(hierarchy.internalElements, QString(), u"mirror-1"_s);
    mirror.refBaseSystemUnitPath = u"{AAA}"_s;

    SystemUnitClassLib &units = named(file.systemUnitClassLibs, u"SL"_s);
    SystemUnitClass &unit = named(units.classes, u"Unit"_s, u"suc-1"_s);
    named(unit.internalElements, u"Inside"_s, u"inside-1"_s);
    return file;
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) > 0;
}

QString caex(const QString &fileName, const QString &body)
{
    return QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<CAEXFile FileName=\"%1\" SchemaVersion=\"3.0\" xmlns=\"http://www.dke.de/CAEX\">\n"
        "  <SuperiorStandardVersion>AutomationML 2.10</SuperiorStandardVersion>\n"
        "  <SourceDocumentInformation OriginName=\"test\" OriginID=\"test\" OriginVersion=\"1\"\n"
        "      OriginRelease=\"1\" LastWritingDateTime=\"2024-01-01T00:00:00\"/>\n"
        "%2\n"
        "</CAEXFile>\n")
        .arg(fileName, body);
}

ExternalReference reference(const QString &alias, const QString &path)
{
    ExternalReference ref;
    ref.alias = alias;
    ref.path = path;
    return ref;
}

QStringList names(const QList<const Attribute *> &list)
{
    QStringList out;
    for (const Attribute *a : list)
        out << a->name + u'=' + a->value.value_or(QString());
    return out;
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classPaths_data();
    void classPaths();
    void externalReferences();
    void externalCycle();
    void externalBackToMain();
    void idsAndMirrors();
    void instancePaths();
    void linkPartners_data();
    void linkPartners();
    void inheritance();
    void inheritanceCycle();
    void invalidate();
    void largeModel();
    void corpusReferences();
    void corpusMirrorAndMissingLibrary();
};

void TestResolver::classPaths_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // resolved path, or "!" + a fragment of the error

    const int role = int(ElementKind::RoleClass);
    QTest::newRow("full") << role << u"RL/Base"_s << u"RL/Base"_s;
    QTest::newRow("nested") << role << u"RL/Base/Derived"_s << u"RL/Base/Derived"_s;
    QTest::newRow("short class name") << role << u"Derived"_s << u"RL/Base/Derived"_s;
    QTest::newRow("library and class") << role << u"RL/Derived"_s << u"RL/Base/Derived"_s;
    QTest::newRow("tail") << role << u"Base/Derived"_s << u"RL/Base/Derived"_s;
    QTest::newRow("escaped") << role << u"[A/B]/Cls"_s << u"[A/B]/Cls"_s;
    QTest::newRow("spaces around") << role << u"  RL/Base "_s << u"RL/Base"_s;
    QTest::newRow("ambiguous") << role << u"Dup"_s << u"!'RL/Dup', 'Other/Dup'"_s;
    QTest::newRow("full path beats short") << role << u"Other/Dup"_s << u"Other/Dup"_s;
    QTest::newRow("missing") << role << u"RL/Nope"_s << u"!RoleClass 'RL/Nope' not found"_s;
    QTest::newRow("empty") << role << QString() << u"!empty"_s;
    // An alias the document does not declare falls back to the document's own libraries.
    QTest::newRow("unknown alias, embedded") << role << u"X@RL/Base"_s << u"RL/Base"_s;
    QTest::newRow("unknown alias")
        << role << u"X@RL/Nope"_s << u"!no ExternalReference with alias 'X'"_s;
    QTest::newRow("wrong kind") << int(ElementKind::SystemUnitClass) << u"RL/Base"_s
                                << u"!not found"_s;
    QTest::newRow("suc nested") << int(ElementKind::SystemUnitClass) << u"SL/Pump/Special"_s
                                << u"SL/Pump/Special"_s;
    QTest::newRow("interface class")
        << int(ElementKind::InterfaceClass) << u"IL/Signal"_s << u"IL/Signal"_s;
    QTest::newRow("attribute type")
        << int(ElementKind::AttributeType) << u"Length"_s << u"AL/Length"_s;
}

void TestResolver::classPaths()
{
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const CaexFile file = classModel();
    Resolver resolver(file);
    Result<ElementRef> found = Result<ElementRef>::failure(QString());
    switch (ElementKind(kind)) {
    case ElementKind::RoleClass:
        found = resolver.roleClass(path);
        break;
    case ElementKind::SystemUnitClass:
        found = resolver.systemUnitClass(path);
        break;
    case ElementKind::InterfaceClass:
        found = resolver.interfaceClass(path);
        break;
    default:
        found = resolver.attributeType(path);
        break;
    }
    if (expected.startsWith(u'!')) {
        QVERIFY2(!found.ok(), qPrintable(found.ok() ? found->path : QString()));
        QVERIFY2(found.error().contains(expected.mid(1)), qPrintable(found.error()));
        return;
    }
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found->path, expected);
    QCOMPARE(found->kind, ElementKind(kind));
    QCOMPARE(found->file, &file);
    QCOMPARE(found->object()->name, CaexPath::parse(expected).segments.last());
}

void TestResolver::externalReferences()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"libs"_s));
    QVERIFY(writeText(dir.filePath(u"libs/roles.aml"_s),
        caex(u"roles.aml"_s,
            QStringLiteral("\n"
                           "  <RoleClassLib Name=\"ExtLib\">\n"
                           "    <RoleClass Name=\"Role\">\n"
                           "      <Attribute Name=\"FromExternal\"/>\n"
                           "    </RoleClass>\n"
                           "  </RoleClassLib>"))));
    QVERIFY(writeText(dir.filePath(u"broken.aml"_s), u"<CAEXFile><unclosed>"_s));

    CaexFile file;
    file.externalReferences << reference(u"Ext"_s, u"libs/roles.aml"_s)
                            << reference(u"Missing"_s, u"nowhere/Standard.aml"_s)
                            << reference(u"Broken"_s, u"broken.aml"_s)
                            << reference(u"Embedded"_s, u"not-shipped.aml"_s);
    RoleClassLib &embedded = named(file.roleClassLibs, u"EmbeddedLib"_s);
    named(embedded.classes, u"Local"_s);
    Resolver resolver(file, dir.path());

    Result<ElementRef> role = resolver.roleClass(u"Ext@ExtLib/Role"_s);
    QVERIFY2(role.ok(), qPrintable(role.error()));
    QCOMPARE(role->path, u"ExtLib/Role"_s);
    QVERIFY(role->file != &file);
    QCOMPARE(role->file->fileName, u"roles.aml"_s);
    QCOMPARE(resolver.referencePath(*role), u"Ext@ExtLib/Role"_s);
    QCOMPARE(resolver.effectiveAttributes(*role).size(), 1);
    // Loaded once: the same node comes back, also through a short name and without the alias.
    QCOMPARE(resolver.roleClass(u"Ext@Role"_s)->node, role->node);
    QCOMPARE(resolver.roleClass(u"ExtLib/Role"_s)->node, role->node);

    // A missing file names the alias and the path.
    Result<ElementRef> missing = resolver.roleClass(u"Missing@Lib/Class"_s);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(u"'Missing'"_s), qPrintable(missing.error()));
    QVERIFY2(missing.error().contains(u"nowhere/Standard.aml"_s), qPrintable(missing.error()));

    Result<ElementRef> broken = resolver.roleClass(u"Broken@Lib/Class"_s);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().contains(u"cannot read"_s), qPrintable(broken.error()));

    // The library the alias promises is embedded in the document itself.
    Result<ElementRef> local = resolver.roleClass(u"Embedded@EmbeddedLib/Local"_s);
    QVERIFY2(local.ok(), qPrintable(local.error()));
    QCOMPARE(local->file, &file);

    const QStringList errors = resolver.externalErrors();
    QCOMPARE(errors.size(), 3);
    QVERIFY(errors.at(0).contains(u"nowhere/Standard.aml"_s));
    QVERIFY(errors.at(1).contains(u"broken.aml"_s));
    QVERIFY(errors.at(2).contains(u"not-shipped.aml"_s));

    // Without a base directory nothing relative is loaded, and the message says why.
    Resolver homeless(file);
    Result<ElementRef> none = homeless.roleClass(u"Ext@ExtLib/Role"_s);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(u"base directory"_s), qPrintable(none.error()));
}

void TestResolver::externalCycle()
{
    // main -> a.aml -> b.aml -> a.aml; classes inherit across the files, once in a loop.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeText(dir.filePath(u"a.aml"_s),
        caex(u"a.aml"_s,
            QStringLiteral("\n"
                           "  <ExternalReference Path=\"b.aml\" Alias=\"B\"/>\n"
                           "  <RoleClassLib Name=\"LA\">\n"
                           "    <RoleClass Name=\"RA\" RefBaseClassPath=\"B@LB/RB\"><Attribute "
                           "Name=\"a\"/></RoleClass>\n"
                           "    <RoleClass Name=\"Root\"><Attribute Name=\"root\"/></RoleClass>\n"
                           "    <RoleClass Name=\"LoopA\" RefBaseClassPath=\"B@LB/LoopB\"/>\n"
                           "  </RoleClassLib>"))));
    QVERIFY(writeText(dir.filePath(u"b.aml"_s),
        caex(u"b.aml"_s,
            QStringLiteral("\n"
                           "  <ExternalReference Path=\"a.aml\" Alias=\"A\"/>\n"
                           "  <RoleClassLib Name=\"LB\">\n"
                           "    <RoleClass Name=\"RB\" RefBaseClassPath=\"A@LA/Root\"><Attribute "
                           "Name=\"b\"/></RoleClass>\n"
                           "    <RoleClass Name=\"LoopB\" RefBaseClassPath=\"A@LA/LoopA\"/>\n"
                           "  </RoleClassLib>"))));

    CaexFile file;
    file.externalReferences << reference(u"A"_s, u"a.aml"_s);
    Resolver resolver(file, dir.path());
    Result<ElementRef> ra = resolver.roleClass(u"A@LA/RA"_s);
    QVERIFY2(ra.ok(), qPrintable(ra.error()));
    Result<QList<ElementRef>> chain = resolver.baseClasses(*ra);
    QVERIFY2(chain.ok(), qPrintable(chain.error()));
    QCOMPARE(chain->size(), 2);
    QCOMPARE(chain->at(0).path, u"LB/RB"_s);
    QCOMPARE(chain->at(1).path, u"LA/Root"_s);
    QCOMPARE(chain->at(1).file, ra->file); // a.aml is not loaded twice
    QStringList attributes;
    for (const Attribute *a : resolver.effectiveAttributes(*ra))
        attributes << a->name;
    QCOMPARE(attributes, (QStringList { u"a"_s, u"b"_s, u"root"_s }));

    bool cycleReported = false;
    for (const QString &error : resolver.externalErrors())
        cycleReported = cycleReported || error.contains(u"cycle: a.aml -> b.aml -> a.aml"_s);
    QVERIFY2(cycleReported, qPrintable(resolver.externalErrors().join(u'\n')));

    Result<ElementRef> loop = resolver.roleClass(u"A@LA/LoopA"_s);
    QVERIFY(loop.ok());
    Result<QList<ElementRef>> loopChain = resolver.baseClasses(*loop);
    QVERIFY(!loopChain.ok());
    QVERIFY2(loopChain.error().contains(u"inheritance cycle"_s), qPrintable(loopChain.error()));
}

void TestResolver::externalBackToMain()
{
    // A library that refers back to the main file resolves into the in-memory main document,
    // also after invalidate(), and the loop is reported.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeText(dir.filePath(u"main.aml"_s), caex(u"main.aml"_s, QString())));
    QVERIFY(writeText(dir.filePath(u"lib.aml"_s),
                      caex(u"lib.aml"_s,
                           u"  <ExternalReference Path=\"main.aml\" Alias=\"M\"/>\n"
                           u"  <RoleClassLib Name=\"LL\">\n"
                           u"    <RoleClass Name=\"R\" RefBaseClassPath=\"M@MainLib/Base\"/>\n"
                           u"  </RoleClassLib>"_s)));
    CaexFile file;
    file.fileName = u"main.aml"_s;
    file.externalReferences << reference(u"L"_s, u"lib.aml"_s);
    named(named(file.roleClassLibs, u"MainLib"_s).classes, u"Base"_s);
    Resolver resolver(file, dir.path());

    for (int round = 0; round < 2; ++round) {
        Result<ElementRef> r = resolver.roleClass(u"L@LL/R"_s);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        Result<QList<ElementRef>> chain = resolver.baseClasses(*r);
        QVERIFY2(chain.ok(), qPrintable(chain.error()));
        QCOMPARE(chain->size(), 1);
        QCOMPARE(chain->first().file, &file);
        QCOMPARE(chain->first().path, u"MainLib/Base"_s);
        resolver.invalidate();
    }
    QVERIFY2(resolver.externalErrors().contains(
                 u"external reference cycle: main.aml -> lib.aml -> main.aml"_s),
             qPrintable(resolver.externalErrors().join(u'\n')));
}

void TestResolver::idsAndMirrors()
{
    const CaexFile file = plantModel();
    Resolver resolver(file);
    const InternalElement &a = file.instanceHierarchies.first().internalElements.first();

    QCOMPARE(resolver.findById(u"AAA"_s).node, &a);
    QCOMPARE(resolver.findById(u"{AAA}"_s).node, &a);
    QCOMPARE(resolver.findById(u"{bbb}"_s).path, u"H/A/B"_s);
    QCOMPARE(resolver.findById(u"if-inner"_s).path, u"H/A/Port/Inner"_s);
    QCOMPARE(resolver.findById(u"if-inner"_s).kind, ElementKind::ExternalInterface);
    QCOMPARE(resolver.findById(u"attr-speed"_s).kind, ElementKind::Attribute);
    QCOMPARE(resolver.findById(u"link-1"_s).kind, ElementKind::InternalLink);
    QCOMPARE(resolver.findById(u"suc-1"_s).kind, ElementKind::SystemUnitClass);
    QCOMPARE(resolver.findById(u"inside-1"_s).path, u"SL/Unit/Inside"_s);
    QVERIFY(!resolver.findById(u"nothing"_s).isValid());
    QVERIFY(!resolver.findById(QString()).isValid());

    const InternalElement &mirror = file.instanceHierarchies.first().internalElements.last();
    QCOMPARE(resolver.mirrorMaster(mirror).node, &a);
    QVERIFY(!resolver.mirrorMaster(a).isValid());
    Result<ElementRef> asClass = resolver.systemUnitClass(mirror.refBaseSystemUnitPath);
    QVERIFY(!asClass.ok());
    QVERIFY2(asClass.error().contains(u"mirror"_s), qPrintable(asClass.error()));
}

void TestResolver::instancePaths()
{
    const CaexFile file = plantModel();
    Resolver resolver(file);
    QCOMPARE(resolver.findByPath(u"H/A/B"_s).as<InternalElement>()->id, u"bbb"_s);
    QCOMPARE(resolver.findByPath(u"H"_s).kind, ElementKind::InstanceHierarchy);
    QCOMPARE(resolver.findByPath(u"H/[x/y]"_s).as<InternalElement>()->id, u"slash"_s);
    QVERIFY(!resolver.findByPath(u"H/A/Nope"_s).isValid());
    QVERIFY(!resolver.findByPath(u"SL/Unit"_s).isValid()); // classes are not instances
}

void TestResolver::linkPartners_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("owner"); // owner path, or "!" + a fragment of the error
    QTest::addColumn<QString>("interface"); // interface path
    QTest::newRow("id:name") << u"bbb:Port"_s << u"H/A/B"_s << u"H/A/B/Port"_s;
    QTest::newRow("{id}:name") << u"{AAA}:Port"_s << u"H/A"_s << u"H/A/Port"_s;
    QTest::newRow("id without braces") << u"AAA:Port"_s << u"H/A"_s << u"H/A/Port"_s;
    QTest::newRow("nested interface") << u"AAA:Inner"_s << u"H/A"_s << u"H/A/Port/Inner"_s;
    QTest::newRow("bare interface id") << u"if-b-port"_s << u"H/A/B"_s << u"H/A/B/Port"_s;
    QTest::newRow("nested bare id") << u"if-inner"_s << u"H/A"_s << u"H/A/Port/Inner"_s;
    QTest::newRow("id:interface id") << u"AAA:if-port"_s << u"H/A"_s << u"H/A/Port"_s;
    QTest::newRow("colons in the id") << u"urn:x:1:P"_s << u"H/Colon"_s << u"H/Colon/P"_s;
    QTest::newRow("missing interface")
        << u"bbb:Nope"_s << u"!element 'H/A/B' has no interface 'Nope'"_s << QString();
    QTest::newRow("missing element")
        << u"zzz:Port"_s << u"!no element with ID 'zzz'"_s << QString();
    QTest::newRow("unknown id") << u"zzz"_s << u"!no interface with ID 'zzz'"_s << QString();
    QTest::newRow("id of an element") << u"bbb"_s << u"!not an ExternalInterface"_s << QString();
    QTest::newRow("empty") << u" "_s << u"!empty"_s << QString();
}

void TestResolver::linkPartners()
{
    QFETCH(QString, reference);
    QFETCH(QString, owner);
    QFETCH(QString, interface);
    const CaexFile file = plantModel();
    Resolver resolver(file);
    Result<Resolver::LinkPartner> partner = resolver.linkPartner(reference);
    if (owner.startsWith(u'!')) {
        QVERIFY(!partner.ok());
        QVERIFY2(partner.error().contains(owner.mid(1)), qPrintable(partner.error()));
        return;
    }
    QVERIFY2(partner.ok(), qPrintable(partner.error()));
    QCOMPARE(partner->owner.path, owner);
    QCOMPARE(partner->interface.path, interface);
    QCOMPARE(partner->interface.kind, ElementKind::ExternalInterface);
    QCOMPARE(partner->interface.object()->name, CaexPath::parse(interface).segments.last());
}

void TestResolver::inheritance()
{
    CaexFile file;
    RoleClassLib &roles = named(file.roleClassLibs, u"RL"_s);
    RoleClass &top = named(roles.classes, u"Top"_s);
    attribute(top.attributes, u"A"_s, u"top"_s);
    attribute(top.attributes, u"B"_s, u"top"_s);
    named(top.interfaces, u"I1"_s);
    RoleClass &middle = named(top.roleClasses, u"Middle"_s);
    middle.refBaseClassPath = u"RL/Top"_s;
    attribute(middle.attributes, u"B"_s, u"middle"_s);
    attribute(middle.attributes, u"C"_s, u"middle"_s);
    RoleClass &leaf = named(roles.classes, u"Leaf"_s);
    leaf.refBaseClassPath = u"Middle"_s; // a short name
    attribute(leaf.attributes, u"C"_s, u"leaf"_s);
    named(leaf.interfaces, u"I2"_s);

    InterfaceClassLib &interfaces = named(file.interfaceClassLibs, u"IL"_s);
    InterfaceClass &signal = named(interfaces.classes, u"Signal"_s);
    attribute(signal.attributes, u"Direction"_s, u"in"_s);
    InterfaceClass &analog = named(signal.interfaceClasses, u"Analog"_s);
    analog.refBaseClassPath = u"IL/Signal"_s;
    attribute(analog.attributes, u"Range"_s, u"10"_s);

    SystemUnitClassLib &units = named(file.systemUnitClassLibs, u"SL"_s);
    SystemUnitClass &unit = named(units.classes, u"Unit"_s);
    ExternalInterface &port = named(unit.interfaces, u"Port"_s);
    port.refBaseClassPath = u"IL/Signal/Analog"_s;
    attribute(port.attributes, u"Range"_s, u"20"_s);
    SystemUnitClass &orphan = named(units.classes, u"Orphan"_s);
    orphan.refBaseClassPath = u"SL/Gone"_s;
    attribute(orphan.attributes, u"Own"_s, u"1"_s);

    Resolver resolver(file);
    const ElementRef leafRef = *resolver.roleClass(u"RL/Leaf"_s);
    Result<QList<ElementRef>> chain = resolver.baseClasses(leafRef);
    QVERIFY2(chain.ok(), qPrintable(chain.error()));
    QCOMPARE(chain->size(), 2);
    QCOMPARE(chain->at(0).path, u"RL/Top/Middle"_s);
    QCOMPARE(chain->at(1).path, u"RL/Top"_s);
    QCOMPARE(names(resolver.effectiveAttributes(leafRef)),
        (QStringList { u"C=leaf"_s, u"B=middle"_s, u"A=top"_s }));
    QStringList interfaceNames;
    for (const ExternalInterface *i : resolver.effectiveInterfaces(leafRef))
        interfaceNames << i->name;
    QCOMPARE(interfaceNames, (QStringList { u"I2"_s, u"I1"_s }));

    // An ExternalInterface inherits from its InterfaceClass chain.
    const ElementRef portRef { ElementKind::ExternalInterface, &port, &file, u"SL/Unit/Port"_s };
    QCOMPARE(names(resolver.effectiveAttributes(portRef)),
        (QStringList { u"Range=20"_s, u"Direction=in"_s }));
    QCOMPARE(resolver.baseClasses(portRef)->size(), 2);

    // A broken chain is an error for baseClasses, but the own attributes still count.
    const ElementRef orphanRef = *resolver.systemUnitClass(u"SL/Orphan"_s);
    Result<QList<ElementRef>> broken = resolver.baseClasses(orphanRef);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().contains(u"SL/Gone"_s), qPrintable(broken.error()));
    QCOMPARE(names(resolver.effectiveAttributes(orphanRef)), QStringList { u"Own=1"_s });

    // No base at all: an empty chain.
    QVERIFY(resolver.baseClasses(*resolver.roleClass(u"RL/Top"_s))->isEmpty());
}

void TestResolver::inheritanceCycle()
{
    CaexFile file;
    RoleClassLib &roles = named(file.roleClassLibs, u"RL"_s);
    RoleClass &x = named(roles.classes, u"X"_s);
    x.refBaseClassPath = u"RL/Y"_s;
    attribute(x.attributes, u"x"_s, u"1"_s);
    RoleClass &y = named(roles.classes, u"Y"_s);
    y.refBaseClassPath = u"RL/X"_s;
    attribute(y.attributes, u"y"_s, u"1"_s);
    RoleClass &self = named(roles.classes, u"Self"_s);
    self.refBaseClassPath = u"RL/Self"_s;

    Resolver resolver(file);
    Result<QList<ElementRef>> chain = resolver.baseClasses(*resolver.roleClass(u"RL/X"_s));
    QVERIFY(!chain.ok());
    QVERIFY2(chain.error().contains(u"inheritance cycle: RL/X -> RL/Y -> RL/X"_s),
        qPrintable(chain.error()));
    QCOMPARE(names(resolver.effectiveAttributes(*resolver.roleClass(u"RL/X"_s))),
        (QStringList { u"x=1"_s, u"y=1"_s }));
    QVERIFY(!resolver.baseClasses(*resolver.roleClass(u"RL/Self"_s)).ok());
}

void TestResolver::invalidate()
{
    CaexFile file = plantModel();
    Resolver resolver(file);
    QVERIFY(resolver.findById(u"bbb"_s).isValid());
    InternalElement &added
        = named(file.instanceHierarchies.first().internalElements, u"New"_s, u"new-1"_s);
    QVERIFY(!resolver.findById(u"new-1"_s).isValid()); // the index is a snapshot
    resolver.invalidate();
    QCOMPARE(resolver.findById(u"new-1"_s).node, &added);
    QCOMPARE(resolver.findByPath(u"H/New"_s).node, &added);
}

void TestResolver::largeModel()
{
    CaexFile file;
    InstanceHierarchy &hierarchy = named(file.instanceHierarchies, u"Plant"_s);
    for (int a = 0; a < 100; ++a) {
        InternalElement &area
            = named(hierarchy.internalElements, u"Area%1"_s.arg(a), u"area-%1"_s.arg(a));
        for (int d = 0; d < 1000; ++d) {
            InternalElement &device
                = named(area.internalElements, u"D%1"_s.arg(d), u"{dev-%1-%2}"_s.arg(a).arg(d));
            named(device.interfaces, u"Api"_s, u"api-%1-%2"_s.arg(a).arg(d));
            attribute(device.attributes, u"Torque"_s, u"1"_s);
        }
    }
    // Timings are printed for information only (thread CPU time; the machine may be busy).
    auto cpuMs = [] {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    };
    QStringList references;
    for (int i = 0; i < 10000; ++i)
        references << u"dev-%1-%2:Api"_s.arg((i * 7) % 100).arg((i * 13) % 1000);
    Resolver resolver(file);
    double start = cpuMs();
    QVERIFY(resolver.findById(u"dev-0-0"_s).isValid()); // builds the index
    const double build = cpuMs() - start;
    start = cpuMs();
    int found = 0;
    for (int i = 0; i < 10000; ++i) {
        const Result<Resolver::LinkPartner> partner = resolver.linkPartner(references.at(i));
        if (partner.ok() && partner->owner.path.endsWith(u"/D%1"_s.arg((i * 13) % 1000)))
            ++found;
    }
    qInfo("index of 100,100 elements: %.1f ms; 10,000 link partner lookups: %.1f ms", build,
        cpuMs() - start);
    QCOMPARE(found, 10000);
    QCOMPARE(
        resolver.findByPath(u"Plant/Area99/D999"_s).as<InternalElement>()->id, u"{dev-99-999}"_s);
}

namespace {

// Independent of the resolver: every class path of one kind, by walking the libraries.
template<typename Class, typename Children>
void collectClasses(
    const NodeList<Class> &list, const QStringList &prefix, Children children, QSet<QString> &out)
{
    for (const Class &cls : list) {
        const QStringList path = QStringList(prefix) << cls.name;
        out.insert(CaexPath::join(path));
        collectClasses(children(cls), path, children, out);
    }
}

struct CorpusReference
{
    ElementKind kind;
    QString path;
};

void collectInterfaceRefs(const NodeList<ExternalInterface> &list, QList<CorpusReference> &out)
{
    for (const ExternalInterface &iface : list) {
        out.append({ ElementKind::InterfaceClass, iface.refBaseClassPath });
        collectInterfaceRefs(iface.interfaces, out);
    }
}

void collectElementRefs(const NodeList<InternalElement> &list, QList<CorpusReference> &out,
    QList<const InternalLink *> &links, QList<const InternalElement *> &elements)
{
    for (const InternalElement &element : list) {
        elements.append(&element);
        if (!element.refBaseSystemUnitPath.startsWith(u'{'))
            out.append({ ElementKind::SystemUnitClass, element.refBaseSystemUnitPath });
        for (const SupportedRoleClass &role : element.supportedRoleClasses)
            out.append({ ElementKind::RoleClass, role.refRoleClassPath });
        for (const RoleRequirements &requirement : element.roleRequirements)
            out.append({ ElementKind::RoleClass, requirement.refBaseRoleClassPath });
        collectInterfaceRefs(element.interfaces, out);
        for (const InternalLink &link : element.internalLinks)
            links.append(&link);
        collectElementRefs(element.internalElements, out, links, elements);
    }
}

QString stripBraces(QString id)
{
    id = id.trimmed();
    if (id.startsWith(u'{') && id.endsWith(u'}'))
        id = id.mid(1, id.size() - 2);
    return id;
}

} // namespace

void TestResolver::corpusReferences()
{
    const QDir samples(dt::test::amlSamplesDir());
    if (!samples.exists())
        QSKIP("the shared AML corpus (../shared/reference/aml-samples) is not available");
    int files = 0;
    int resolved = 0;
    int partners = 0;
    int ids = 0;
    for (const QFileInfo &info : samples.entryInfoList({ u"*.aml"_s }, QDir::Files, QDir::Name)) {
        CaexReader reader;
        Result<CaexFile> read = reader.readFile(info.filePath());
        QVERIFY2(read.ok(), qPrintable(read.error()));
        ++files;
        const CaexFile &file = *read;
        Resolver resolver(file, info.absolutePath());

        QSet<QString> roleClasses;
        QSet<QString> unitClasses;
        QSet<QString> interfaceClasses;
        for (const RoleClassLib &lib : file.roleClassLibs)
            collectClasses(
                lib.classes, { lib.name },
                [](const RoleClass &c) -> const NodeList<RoleClass> & { return c.roleClasses; },
                roleClasses);
        for (const SystemUnitClassLib &lib : file.systemUnitClassLibs)
            collectClasses(
                lib.classes, { lib.name },
                [](const SystemUnitClass &c) -> const NodeList<SystemUnitClass> & {
                    return c.systemUnitClasses;
                },
                unitClasses);
        for (const InterfaceClassLib &lib : file.interfaceClassLibs)
            collectClasses(
                lib.classes, { lib.name },
                [](const InterfaceClass &c) -> const NodeList<InterfaceClass> & {
                    return c.interfaceClasses;
                },
                interfaceClasses);

        QList<CorpusReference> refs;
        QList<const InternalLink *> links;
        QList<const InternalElement *> elements;
        for (const InstanceHierarchy &hierarchy : file.instanceHierarchies)
            collectElementRefs(hierarchy.internalElements, refs, links, elements);
        for (const SystemUnitClassLib &lib : file.systemUnitClassLibs)
            for (const SystemUnitClass &cls : lib.classes) {
                refs.append({ ElementKind::SystemUnitClass, cls.refBaseClassPath });
                collectInterfaceRefs(cls.interfaces, refs);
                for (const SupportedRoleClass &role : cls.supportedRoleClasses)
                    refs.append({ ElementKind::RoleClass, role.refRoleClassPath });
                collectElementRefs(cls.internalElements, refs, links, elements);
            }

        for (const CorpusReference &ref : std::as_const(refs)) {
            if (ref.path.isEmpty())
                continue;
            const QString local = CaexPath::join(CaexPath::parse(ref.path).segments);
            const QSet<QString> &known = ref.kind == ElementKind::RoleClass ? roleClasses
                : ref.kind == ElementKind::SystemUnitClass                  ? unitClasses
                                                                            : interfaceClasses;
            Result<ElementRef> found = ref.kind == ElementKind::RoleClass
                ? resolver.roleClass(ref.path)
                : ref.kind == ElementKind::SystemUnitClass ? resolver.systemUnitClass(ref.path)
                                                           : resolver.interfaceClass(ref.path);
            if (known.contains(local)) {
                // The file's own libraries hold it, so it must resolve, to exactly that class.
                QVERIFY2(found.ok(), qPrintable(info.fileName() + u": "_s + found.error()));
                QCOMPARE(found->path, local);
                ++resolved;
            } else if (!found.ok()) {
                QVERIFY(!found.error().isEmpty());
            }
        }

        // Link partners whose element and interface exist in the file must resolve.
        QHash<QString, const InternalElement *> byId;
        for (const InternalElement *element : std::as_const(elements)) {
            if (!element->id.isEmpty() && !byId.contains(stripBraces(element->id)))
                byId.insert(stripBraces(element->id), element);
            if (!element->id.isEmpty()) {
                QCOMPARE(stripBraces(resolver.findById(element->id).object()->id),
                    stripBraces(element->id));
                ++ids;
            }
        }
        for (const InternalLink *link : std::as_const(links)) {
            for (const QString &side : { link->refPartnerSideA, link->refPartnerSideB }) {
                const qsizetype colon = side.indexOf(u':');
                const InternalElement *owner
                    = colon > 0 ? byId.value(stripBraces(side.left(colon))) : nullptr;
                const Result<Resolver::LinkPartner> partner = resolver.linkPartner(side);
                if (owner && findInterface(owner->interfaces, side.mid(colon + 1))) {
                    QVERIFY2(partner.ok(), qPrintable(info.fileName() + u": "_s + partner.error()));
                    QCOMPARE(partner->owner.node, owner);
                    QCOMPARE(partner->interface.object()->name, side.mid(colon + 1));
                    ++partners;
                } else if (!partner.ok()) {
                    QVERIFY(!partner.error().isEmpty());
                }
            }
        }
    }
    qInfo("%d files: %d class references and %d link partners resolved, %d IDs found", files,
        resolved, partners, ids);
    // Guards against a vacuous pass (e.g. a reader that returns empty models).
    QVERIFY(resolved > 300);
    QVERIFY(partners > 100);
}

void TestResolver::corpusMirrorAndMissingLibrary()
{
    const QString path = dt::test::amlSamplesDir() + u"/netallied__ADK__30_mirror.aml"_s;
    if (!QFileInfo::exists(path))
        QSKIP("the shared AML corpus (../shared/reference/aml-samples) is not available");
    CaexReader reader;
    Result<CaexFile> read = reader.readFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    Resolver resolver(*read, QFileInfo(path).absolutePath());

    const InternalElement &group = read->instanceHierarchies.first().internalElements.at(1);
    const InternalElement &mirror = group.internalElements.first();
    const ElementRef master = resolver.mirrorMaster(mirror);
    QVERIFY(master.isValid());
    QCOMPARE(master.path, u"InstanceHierarchy/InternalElement"_s);

    // The standard role library is referenced by alias but not shipped with the file.
    Result<ElementRef> role
        = resolver.roleClass(group.roleRequirements.first().refBaseRoleClassPath);
    QVERIFY(!role.ok());
    QVERIFY2(role.error().contains(u"'AutomationMLBaseRoleClassLib'"_s), qPrintable(role.error()));
    QVERIFY2(role.error().contains(u"RoleClassLibraries/AutomationMLBaseRoleClassLib.aml"_s),
        qPrintable(role.error()));
    QCOMPARE(resolver.externalErrors().size(), 1);
}

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"
