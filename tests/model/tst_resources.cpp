// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped AutomationML resources (resources/libraries, resources/examples): valid against the
// CAEX 3.0 schema, readable without warnings, free of validator errors, documented, consistent
// in IDs and aliases, and shaped like the paper's refinery case study.
#include "testsupport.h"

#include "model/caexreader.h"
#include "model/instantiation.h"
#include "model/resolver.h"
#include "model/validator.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <functional>
#include <type_traits>

using namespace Qt::StringLiterals;
using namespace dt::model;
using dt::Result;

namespace {

const auto ValvePath = u"DTValves@ValveLib/MotorOperatedValve"_s;
const auto TwinPath = u"DTComponents@DigitalTwinComponentLib/DigitalTwin"_s;
const auto ModbusClientPath = u"DTComponents@DigitalTwinComponentLib/ModbusTCPClient"_s;

QString resourcesDir()
{
    return dt::test::sourceDir() + u"/resources"_s;
}

QStringList amlFiles(const QString &subdir)
{
    QDir dir(resourcesDir() + u'/' + subdir);
    QStringList out;
    const QStringList names = dir.entryList({ u"*.aml"_s }, QDir::Files, QDir::Name);
    for (const QString &name : names)
        out << dir.filePath(name);
    return out;
}

QStringList libraryFiles()
{
    return amlFiles(u"libraries"_s);
}
QStringList exampleFiles()
{
    return amlFiles(u"examples"_s);
}
QStringList allFiles()
{
    return libraryFiles() + exampleFiles();
}

void addFileRows(const QStringList &files)
{
    QTest::addColumn<QString>("path");
    for (const QString &path : files) {
        const QFileInfo info(path);
        const QString tag = info.dir().dirName() + u'/' + info.fileName();
        QTest::newRow(qPrintable(tag)) << path;
    }
}

/// A document and the resolver over it (the resolver refers to the document: keep them together).
struct Loaded
{
    CaexFile file;
    std::unique_ptr<Resolver> resolver;
};

std::unique_ptr<Loaded> load(const QString &path, QString *error)
{
    CaexReader reader;
    Result<CaexFile> read = reader.readFile(path);
    if (!read) {
        *error = read.error();
        return nullptr;
    }
    auto loaded = std::make_unique<Loaded>();
    loaded->file = read.takeValue();
    loaded->resolver = std::make_unique<Resolver>(loaded->file, QFileInfo(path).absolutePath());
    return loaded;
}

void forEachElement(const NodeList<InternalElement> &list,
    const std::function<void(const InternalElement &)> &visit)
{
    for (const InternalElement &element : list) {
        visit(element);
        forEachElement(element.internalElements, visit);
    }
}

void forEachElement(const CaexFile &file, const std::function<void(const InternalElement &)> &visit)
{
    for (const InstanceHierarchy &hierarchy : file.instanceHierarchies)
        forEachElement(hierarchy.internalElements, visit);
}

QString valueOf(const NodeList<Attribute> &attributes, QStringView name)
{
    const Attribute *attribute = findAttribute(attributes, name);
    return attribute && attribute->value ? *attribute->value : QString();
}

/// One line per attribute (nested ones by path) with what an instance must copy from its class.
void describeAttributes(
    const NodeList<Attribute> &attributes, const QString &prefix, QStringList &out)
{
    for (const Attribute &a : attributes) {
        const QString path = prefix + a.name;
        out << path + u" unit="_s + a.unit + u" type="_s + a.dataType + u" ref="_s
                + a.refAttributeType + u" default="_s + a.defaultValue.value_or(u"-"_s)
                + u" value="_s + a.value.value_or(u"-"_s) + u" constraints="_s
                + QString::number(a.constraints.size());
        describeAttributes(a.attributes, path + u'/', out);
    }
}

void describeInterfaces(
    const NodeList<ExternalInterface> &interfaces, const QString &prefix, QStringList &out)
{
    for (const ExternalInterface &i : interfaces) {
        const QString path = prefix + i.name;
        out << path + u" class="_s + i.refBaseClassPath;
        describeAttributes(i.attributes, path + u':', out);
        describeInterfaces(i.interfaces, path + u'/', out);
    }
}

QStringList attributeNames(const NodeList<Attribute> &attributes, const QString &prefix = {})
{
    QStringList out;
    for (const Attribute &a : attributes) {
        out << prefix + a.name;
        out += attributeNames(a.attributes, prefix + a.name + u'/');
    }
    return out;
}

/// The SUC an element was instantiated from, or an invalid reference.
ElementRef classOf(Resolver &resolver, const InternalElement &element)
{
    if (element.refBaseSystemUnitPath.isEmpty())
        return {};
    Result<ElementRef> cls = resolver.systemUnitClass(element.refBaseSystemUnitPath);
    return cls ? *cls : ElementRef {};
}

QList<const InternalElement *> instancesOf(Loaded &loaded, const QString &sucPath)
{
    QList<const InternalElement *> out;
    Result<ElementRef> suc = loaded.resolver->systemUnitClass(sucPath);
    if (!suc)
        return out;
    forEachElement(loaded.file, [&](const InternalElement &element) {
        if (classOf(*loaded.resolver, element).node == suc->node)
            out << &element;
    });
    return out;
}

template<typename Class>
void collectUndescribed(const NodeList<Class> &classes, const QString &prefix, QStringList &out)
{
    for (const Class &cls : classes) {
        if (cls.description().trimmed().isEmpty())
            out << prefix + cls.name;
        if constexpr (std::is_same_v<Class, RoleClass>)
            collectUndescribed(cls.roleClasses, prefix + cls.name + u'/', out);
        else if constexpr (std::is_same_v<Class, InterfaceClass>)
            collectUndescribed(cls.interfaceClasses, prefix + cls.name + u'/', out);
        else if constexpr (std::is_same_v<Class, SystemUnitClass>)
            collectUndescribed(cls.systemUnitClasses, prefix + cls.name + u'/', out);
        else
            collectUndescribed(cls.attributeTypes, prefix + cls.name + u'/', out);
    }
}

template<typename Lib> void collectUndescribedLibs(const NodeList<Lib> &libs, QStringList &out)
{
    for (const Lib &lib : libs) {
        if (lib.description().trimmed().isEmpty())
            out << lib.name;
        collectUndescribed(lib.classes, lib.name + u'/', out);
    }
}

/// Every ID of a document with what carries it.
void collectIds(const CaexFile &file, QList<QPair<QString, QString>> &out)
{
    const auto add = [&](const QString &id, const QString &what) {
        if (!id.isEmpty())
            out.append({ id, what });
    };
    std::function<void(const NodeList<ExternalInterface> &, const QString &)> interfaces
        = [&](const NodeList<ExternalInterface> &list, const QString &owner) {
              for (const ExternalInterface &i : list) {
                  add(i.id, owner + u':' + i.name);
                  interfaces(i.interfaces, owner + u':' + i.name);
              }
          };
    std::function<void(const NodeList<InternalElement> &)> elements
        = [&](const NodeList<InternalElement> &list) {
              for (const InternalElement &e : list) {
                  add(e.id, e.name);
                  interfaces(e.interfaces, e.name);
                  elements(e.internalElements);
              }
          };
    for (const InstanceHierarchy &h : file.instanceHierarchies) {
        add(h.id, h.name);
        elements(h.internalElements);
    }
    std::function<void(const NodeList<SystemUnitClass> &)> sucs
        = [&](const NodeList<SystemUnitClass> &list) {
              for (const SystemUnitClass &c : list) {
                  add(c.id, c.name);
                  interfaces(c.interfaces, c.name);
                  elements(c.internalElements);
                  sucs(c.systemUnitClasses);
              }
          };
    for (const SystemUnitClassLib &lib : file.systemUnitClassLibs)
        sucs(lib.classes);
    std::function<void(const NodeList<RoleClass> &)> roles = [&](const NodeList<RoleClass> &list) {
        for (const RoleClass &c : list) {
            add(c.id, c.name);
            interfaces(c.interfaces, c.name);
            roles(c.roleClasses);
        }
    };
    for (const RoleClassLib &lib : file.roleClassLibs)
        roles(lib.classes);
    std::function<void(const NodeList<InterfaceClass> &)> ifcs
        = [&](const NodeList<InterfaceClass> &list) {
              for (const InterfaceClass &c : list) {
                  add(c.id, c.name);
                  interfaces(c.interfaces, c.name);
                  ifcs(c.interfaceClasses);
              }
          };
    for (const InterfaceClassLib &lib : file.interfaceClassLibs)
        ifcs(lib.classes);
    std::function<void(const NodeList<AttributeType> &)> types
        = [&](const NodeList<AttributeType> &list) {
              for (const AttributeType &c : list) {
                  add(c.id, c.name);
                  types(c.attributeTypes);
              }
          };
    for (const AttributeTypeLib &lib : file.attributeTypeLibs)
        types(lib.classes);
}

} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The files the rest of the project relies on by name.
        const QStringList expected = {
            u"libraries/AutomationMLBaseRoleClassLib.aml"_s,
            u"libraries/AutomationMLInterfaceClassLib.aml"_s,
            u"libraries/AutomationMLBaseAttributeTypeLib.aml"_s,
            u"libraries/DigitalTwinRoleClassLib.aml"_s,
            u"libraries/DigitalTwinInterfaceClassLib.aml"_s,
            u"libraries/DigitalTwinComponentLib.aml"_s,
            u"libraries/ValveLib.aml"_s,
            u"examples/refinery-centralized.aml"_s,
            u"examples/refinery-distributed.aml"_s,
        };
        for (const QString &name : expected)
            QVERIFY2(QFileInfo::exists(resourcesDir() + u'/' + name), qPrintable(name));
    }

    void schemaValid_data() { addFileRows(allFiles()); }
    void schemaValid()
    {
        QFETCH(QString, path);
        if (!QFileInfo::exists(dt::test::caexXsd30()))
            QSKIP("CAEX 3.0 XSD not found (../shared/reference is absent)");
        const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
        if (xmllint.isEmpty())
            QSKIP("xmllint is not installed");
        QProcess process;
        process.start(
            xmllint, { u"--noout"_s, u"--nonet"_s, u"--schema"_s, dt::test::caexXsd30(), path });
        QVERIFY(process.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            qPrintable(output));
    }

    void reads_data() { addFileRows(allFiles()); }
    void reads()
    {
        QFETCH(QString, path);
        CaexReader reader;
        Result<CaexFile> file = reader.readFile(path);
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QCOMPARE(file->schemaVersion, SchemaVersion::V3_0);
        QCOMPARE(file->fileName, QFileInfo(path).fileName());
        // Files we write ourselves must not need any of the reader's leniency.
        QStringList messages;
        for (const Diagnostic &d : reader.diagnostics()) {
            if (d.severity != Severity::Info)
                messages << d.toString();
        }
        QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'\n')));
        QVERIFY(!file->sourceDocumentInformation.isEmpty());
        QCOMPARE(file->sourceDocumentInformation.first().originName, u"DT Workbench"_s);
    }

    void validates_data() { addFileRows(allFiles()); }
    void validates()
    {
        QFETCH(QString, path);
        CaexReader reader(CaexReader::Options { true, 512 });
        Result<CaexFile> file = reader.readFile(path);
        QVERIFY2(file.ok(), qPrintable(file.error()));
        // The base directory is the file's folder, so the aliases load the sibling libraries.
        Resolver resolver(*file, QFileInfo(path).absolutePath());
        const Diagnostics diagnostics
            = Validator().validate(*file, resolver, &reader.sourceMap(), path);
        QStringList errors;
        for (const Diagnostic &d : diagnostics) {
            if (d.severity == Severity::Error)
                errors << d.toString();
            else
                qInfo().noquote() << d.toString();
        }
        errors += resolver.externalErrors();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    }

    void classesDescribed_data() { addFileRows(libraryFiles()); }
    void classesDescribed()
    {
        QFETCH(QString, path);
        CaexReader reader;
        Result<CaexFile> file = reader.readFile(path);
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QStringList undescribed;
        collectUndescribedLibs(file->roleClassLibs, undescribed);
        collectUndescribedLibs(file->interfaceClassLibs, undescribed);
        collectUndescribedLibs(file->systemUnitClassLibs, undescribed);
        collectUndescribedLibs(file->attributeTypeLibs, undescribed);
        QVERIFY2(undescribed.isEmpty(), qPrintable(undescribed.join(u", "_s)));
        // Each library file holds libraries and nothing else.
        QVERIFY(file->instanceHierarchies.isEmpty());
        QVERIFY(file->roleClassLibs.size() + file->interfaceClassLibs.size()
                + file->systemUnitClassLibs.size() + file->attributeTypeLibs.size()
            == 1);
    }

    /// IDs are GUIDs, unique across all resources (the examples never reuse a class's IDs), and
    /// every class, element and interface has one.
    void idsAreUniqueGuids()
    {
        QHash<QString, QString> seen;
        QStringList problems;
        for (const QString &path : allFiles()) {
            CaexReader reader;
            Result<CaexFile> file = reader.readFile(path);
            QVERIFY2(file.ok(), qPrintable(file.error()));
            QList<QPair<QString, QString>> ids;
            collectIds(*file, ids);
            QVERIFY2(!ids.isEmpty(), qPrintable(path));
            const QString where = QFileInfo(path).fileName();
            for (const auto &[id, what] : ids) {
                if (QUuid::fromString(id).isNull())
                    problems << where + u": "_s + what + u" has a non-GUID ID "_s + id;
                const QString place = where + u':' + what;
                if (seen.contains(id))
                    problems << u"duplicate ID "_s + id + u": "_s + seen.value(id) + u" and "_s
                            + place;
                seen.insert(id, place);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    /// An alias means the same library in every file: instances copy class paths verbatim from
    /// the libraries, so the examples must spell each alias like the libraries do.
    void aliasesAreConsistent()
    {
        QHash<QString, QString> fileOfAlias;
        QStringList problems;
        for (const QString &path : allFiles()) {
            CaexReader reader;
            Result<CaexFile> file = reader.readFile(path);
            QVERIFY2(file.ok(), qPrintable(file.error()));
            for (const ExternalReference &ref : file->externalReferences) {
                QVERIFY2(QDir::isRelativePath(ref.path), qPrintable(ref.path));
                const QString target
                    = QFileInfo(QFileInfo(path).dir(), ref.path).canonicalFilePath();
                if (target.isEmpty())
                    problems << path + u": missing "_s + ref.path;
                const QString known = fileOfAlias.value(ref.alias);
                if (!known.isEmpty() && known != target)
                    problems << ref.alias + u" means both "_s + known + u" and "_s + target;
                fileOfAlias.insert(ref.alias, target);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    /// The examples reference the libraries (by alias) rather than embedding copies.
    void examplesReferenceLibraries_data() { addFileRows(exampleFiles()); }
    void examplesReferenceLibraries()
    {
        QFETCH(QString, path);
        QString error;
        auto loaded = load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        const CaexFile &file = loaded->file;
        QVERIFY(file.roleClassLibs.isEmpty() && file.interfaceClassLibs.isEmpty()
            && file.systemUnitClassLibs.isEmpty() && file.attributeTypeLibs.isEmpty());
        QVERIFY(!file.externalReferences.isEmpty());
        QVERIFY2(loaded->resolver->systemUnitClass(ValvePath).ok(), "ValveLib not reachable");
        QVERIFY2(loaded->resolver->externalErrors().isEmpty(),
            qPrintable(loaded->resolver->externalErrors().join(u'\n')));
    }

    /// Every InternalLink binds a ModbusVariable of a client to an AttributeInterface of a
    /// valve, and the registers follow the register map of reference/valves.md.
    void linksResolve_data() { addFileRows(exampleFiles()); }
    void linksResolve()
    {
        QFETCH(QString, path);
        QString error;
        auto loaded = load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        Resolver &resolver = *loaded->resolver;

        // attribute -> "RegisterType Address DataType" (0-based PDU addresses).
        const QHash<QString, QString> registers = {
            { u"Position"_s, u"input 3 uint16"_s },
            { u"Torque"_s, u"input 2 uint16"_s },
            { u"State"_s, u"holding 5 uint16"_s },
            { u"OperationCount"_s, u"holding 56 uint32"_s },
            { u"TorqueProfileOpen"_s, u"holding 60 uint16"_s },
            { u"TorqueProfileClose"_s, u"holding 81 uint16"_s },
        };
        QStringList problems;
        QHash<QString, int> boundPerValve;
        int links = 0;
        forEachElement(loaded->file, [&](const InternalElement &holder) {
            for (const InternalLink &link : holder.internalLinks) {
                ++links;
                Result<Resolver::LinkPartner> a = resolver.linkPartner(link.refPartnerSideA);
                Result<Resolver::LinkPartner> b = resolver.linkPartner(link.refPartnerSideB);
                if (!a || !b) {
                    problems << link.name + u": "_s + (a ? b.error() : a.error());
                    continue;
                }
                const auto *modbus = a->interface.as<ExternalInterface>();
                const auto *exposed = b->interface.as<ExternalInterface>();
                const auto *device = b->owner.as<InternalElement>();
                if (!modbus->refBaseClassPath.endsWith(u"/ModbusVariable")
                    || !exposed->refBaseClassPath.endsWith(u"/AttributeInterface")) {
                    problems << link.name + u": not ModbusVariable -> AttributeInterface"_s;
                    continue;
                }
                const QString attribute = valueOf(exposed->attributes, u"Attribute");
                if (!findAttribute(device->attributes, attribute))
                    problems << link.name + u": no attribute "_s + attribute;
                const QString reg = valueOf(modbus->attributes, u"RegisterType") + u' '
                    + valueOf(modbus->attributes, u"Address") + u' '
                    + valueOf(modbus->attributes, u"DataType");
                if (reg != registers.value(attribute))
                    problems << link.name + u": register "_s + reg;
                ++boundPerValve[device->name];
            }
        });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(links, 4 * int(registers.size()));
        QCOMPARE(boundPerValve.size(), 4);
        for (auto it = boundPerValve.cbegin(); it != boundPerValve.cend(); ++it)
            QCOMPARE(it.value(), int(registers.size()));
    }

    /// Each valve is a real instance of ValveLib/MotorOperatedValve: every attribute (nested
    /// ones included) and interface of the class, and its role.
    void valveInstances_data() { addFileRows(exampleFiles()); }
    void valveInstances()
    {
        QFETCH(QString, path);
        QString error;
        auto loaded = load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        Resolver &resolver = *loaded->resolver;
        Result<ElementRef> suc = resolver.systemUnitClass(ValvePath);
        QVERIFY2(suc.ok(), qPrintable(suc.error()));
        const auto *valveClass = suc->as<SystemUnitClass>();

        const QList<const InternalElement *> valves = instancesOf(*loaded, ValvePath);
        QCOMPARE(valves.size(), 4);
        for (const InternalElement *valve : valves) {
            const QStringList expected = attributeNames(valveClass->attributes);
            const QStringList actual = attributeNames(valve->attributes);
            for (const QString &name : expected)
                QVERIFY2(actual.contains(name), qPrintable(valve->name + u": "_s + name));
            for (const ExternalInterface *i : resolver.effectiveInterfaces(*suc))
                QVERIFY2(findInterface(valve->interfaces, i->name),
                    qPrintable(valve->name + u": "_s + i->name));
            QCOMPARE(valve->supportedRoleClasses.size(), valveClass->supportedRoleClasses.size());
            QCOMPARE(valve->supportedRoleClasses.first().refRoleClassPath,
                valveClass->supportedRoleClasses.first().refRoleClassPath);
            QVERIFY(valve->id != valveClass->id);
            // 21 torque samples per stroke (0, 5, ..., 100 % of travel).
            QCOMPARE(findAttribute(valve->attributes, u"TorqueProfileOpen")->attributes.size(), 21);
            QCOMPARE(
                findAttribute(valve->attributes, u"TorqueProfileClose")->attributes.size(), 21);
        }
    }

    void centralizedTopology()
    {
        QString error;
        auto loaded = load(resourcesDir() + u"/examples/refinery-centralized.aml"_s, &error);
        QVERIFY2(loaded, qPrintable(error));
        const QList<const InternalElement *> twins = instancesOf(*loaded, TwinPath);
        QCOMPARE(twins.size(), 1);
        QCOMPARE(valueOf(twins.first()->attributes, u"IPAddress"), u"127.0.0.1"_s);
        QCOMPARE(valueOf(twins.first()->attributes, u"Port"), u"8080"_s);

        const QList<const InternalElement *> clients = instancesOf(*loaded, ModbusClientPath);
        QCOMPARE(clients.size(), 4);
        QSet<QString> ports;
        for (const InternalElement *client : clients) {
            ports.insert(valueOf(client->attributes, u"Port"));
            QCOMPARE(valueOf(client->attributes, u"Host"), u"127.0.0.1"_s);
            QCOMPARE(valueOf(client->attributes, u"UnitId"), u"1"_s);
            QCOMPARE(valueOf(client->attributes, u"PollIntervalMs"), u"100"_s);
        }
        QCOMPARE(ports, (QSet<QString> { u"1502"_s, u"1503"_s, u"1504"_s, u"1505"_s }));

        // Everything the case study needs sits in the one twin.
        QStringList components;
        for (const InternalElement &child : twins.first()->internalElements)
            components << classOf(*loaded->resolver, child).path.section(u'/', -1);
        for (const auto &needed : { u"SQLiteStorage"_s, u"Method"_s, u"ThresholdEvent"_s,
                 u"ChangeEvent"_s, u"WatchDog"_s, u"AccessControl"_s, u"RestAPI"_s, u"HtmlView"_s,
                 u"Collada3DView"_s, u"Dashboard"_s })
            QVERIFY2(components.contains(needed), qPrintable(needed));
        QCOMPARE(components.count(u"Method"_s), 8); // Open and Close per valve
    }

    void distributedTopology()
    {
        QString error;
        auto loaded = load(resourcesDir() + u"/examples/refinery-distributed.aml"_s, &error);
        QVERIFY2(loaded, qPrintable(error));
        Resolver &resolver = *loaded->resolver;
        const QList<const InternalElement *> twins = instancesOf(*loaded, TwinPath);
        QCOMPARE(twins.size(), 5);
        QSet<QString> ports;
        for (const InternalElement *twin : twins)
            ports.insert(valueOf(twin->attributes, u"Port"));
        QCOMPARE(ports.size(), 5); // each twin serves on its own port

        // Each valve holds its own twin with its own storage and Modbus client.
        const Result<ElementRef> twinClass = resolver.systemUnitClass(TwinPath);
        QVERIFY(twinClass.ok());
        for (const InternalElement *valve : instancesOf(*loaded, ValvePath)) {
            const InternalElement *own = nullptr;
            for (const InternalElement &child : valve->internalElements) {
                if (classOf(resolver, child).node == twinClass->node)
                    own = &child;
            }
            QVERIFY2(own, qPrintable(valve->name));
            QStringList components;
            for (const InternalElement &child : own->internalElements)
                components << classOf(resolver, child).path.section(u'/', -1);
            QVERIFY2(components.contains(u"SQLiteStorage"_s), qPrintable(valve->name));
            QVERIFY2(components.contains(u"ModbusTCPClient"_s), qPrintable(valve->name));
            QVERIFY2(components.contains(u"RestAPI"_s), qPrintable(valve->name));
        }
    }

    /// Instantiating the class with the library code gives what the example holds for Valve1
    /// (the example's instances are real instantiations, not hand-written look-alikes).
    void instantiationMatchesExample()
    {
        QString error;
        auto loaded = load(resourcesDir() + u"/examples/refinery-centralized.aml"_s, &error);
        QVERIFY2(loaded, qPrintable(error));
        const InternalElement *valve1 = nullptr;
        forEachElement(loaded->file, [&](const InternalElement &e) {
            if (e.name == u"Valve1")
                valve1 = &e;
        });
        QVERIFY(valve1);

        Result<std::unique_ptr<InternalElement>> made
            = instantiate(*loaded->resolver, ValvePath, u"Valve1"_s);
        QVERIFY2(made.ok(), qPrintable(made.error()));
        const InternalElement &fresh = **made;
        QCOMPARE(fresh.name, valve1->name);
        QCOMPARE(fresh.refBaseSystemUnitPath, valve1->refBaseSystemUnitPath);
        QVERIFY(fresh.id != valve1->id);

        QStringList expected, actual;
        describeAttributes(fresh.attributes, {}, expected);
        describeAttributes(valve1->attributes, {}, actual);
        QCOMPARE(actual, expected);
        expected.clear();
        actual.clear();
        describeInterfaces(fresh.interfaces, {}, expected);
        describeInterfaces(valve1->interfaces, {}, actual);
        QCOMPARE(actual, expected);
        QCOMPARE(valve1->supportedRoleClasses.size(), fresh.supportedRoleClasses.size());
        for (int i = 0; i < fresh.supportedRoleClasses.size(); ++i)
            QCOMPARE(valve1->supportedRoleClasses.at(i).refRoleClassPath,
                fresh.supportedRoleClasses.at(i).refRoleClassPath);
    }
};

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
