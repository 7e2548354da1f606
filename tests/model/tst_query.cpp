// SPDX-License-Identifier: GPL-3.0-or-later
// The XPath subset: matches and their order, relative evaluation, parse errors, and a large model.
#include "model/caexfile.h"
#include "model/query.h"

#include <QElapsedTimer>
#include <QTest>
#include <time.h>

using namespace Qt::StringLiterals;
using namespace dt::model;
using dt::Result;

namespace {

InternalElement &addElement(NodeList<InternalElement> &list, const QString &name,
    const QString &id = QString(), const QString &suc = QString())
{
    InternalElement &element = list.append();
    element.name = name;
    element.id = id;
    element.refBaseSystemUnitPath = suc;
    return element;
}

Attribute &addAttribute(
    NodeList<Attribute> &list, const QString &name, std::optional<QString> value = std::nullopt)
{
    Attribute &attribute = list.append();
    attribute.name = name;
    attribute.value = std::move(value);
    return attribute;
}

ExternalInterface &addInterface(
    NodeList<ExternalInterface> &list, const QString &name, const QString &id, const QString &base)
{
    ExternalInterface &iface = list.append();
    iface.name = name;
    iface.id = id;
    iface.refBaseClassPath = base;
    return iface;
}

// A small plant with repeated names in different places, so that order and duplicates show.
CaexFile plant()
{
    CaexFile file;
    file.fileName = u"plant.aml"_s;
    InstanceHierarchy &plantHierarchy = file.instanceHierarchies.append();
    plantHierarchy.name = u"Plant"_s;
    InternalElement &refinery = addElement(plantHierarchy.internalElements, u"Refinery"_s, u"r"_s);
    addAttribute(refinery.attributes, u"Location"_s, u"North"_s);

    const QString valveClass = u"ValveLib/MotorOperatedValve"_s;
    InternalElement &valve1
        = addElement(refinery.internalElements, u"Valve1"_s, u"v1"_s, valveClass);
    addAttribute(valve1.attributes, u"Torque"_s, u"40"_s).unit = u"%"_s;
    addAttribute(valve1.attributes, u"Position"_s, u"100"_s);
    addInterface(valve1.interfaces, u"Api"_s, u"v1api"_s, u"IL/AttributeInterface"_s);
    valve1.supportedRoleClasses.append(SupportedRoleClass {});
    valve1.supportedRoleClasses.last().refRoleClassPath = u"RL/Valve"_s;

    InternalElement &valve2
        = addElement(refinery.internalElements, u"Valve2"_s, u"v2"_s, valveClass);
    addAttribute(valve2.attributes, u"Torque"_s, u"75"_s);
    addInterface(valve2.interfaces, u"Api"_s, u"v2api"_s, u"IL/AttributeInterface"_s);

    InternalElement &motor = addElement(refinery.internalElements, u"Motor1"_s, u"m1"_s);
    addElement(motor.internalElements, u"Motor1"_s, u"m1b"_s);

    InternalLink &link = refinery.internalLinks.append();
    link.name = u"L1"_s;
    link.refPartnerSideA = u"v1:Api"_s;
    link.refPartnerSideB = u"v2:Api"_s;

    addElement(plantHierarchy.internalElements, u"Motor1"_s, u"m2"_s);

    InstanceHierarchy &other = file.instanceHierarchies.append();
    other.name = u"Other"_s;
    addElement(other.internalElements, u"Valve1"_s, u"o1"_s);

    InterfaceClassLib &interfaces = file.interfaceClassLibs.append();
    interfaces.name = u"IL"_s;
    interfaces.classes.append().name = u"AttributeInterface"_s;

    RoleClassLib &roles = file.roleClassLibs.append();
    roles.name = u"RL"_s;
    roles.classes.append().name = u"Valve"_s;
    RoleClass &motorRole = roles.classes.append();
    motorRole.name = u"Motor"_s;
    motorRole.roleClasses.append().name = u"Motor1"_s;

    SystemUnitClassLib &units = file.systemUnitClassLibs.append();
    units.name = u"ValveLib"_s;
    SystemUnitClass &valveUnit = units.classes.append();
    valveUnit.name = u"MotorOperatedValve"_s;
    addAttribute(valveUnit.attributes, u"Torque"_s);
    addElement(valveUnit.internalElements, u"Motor1"_s, u"sm1"_s);
    return file;
}

QStringList paths(const QList<ElementRef> &refs)
{
    QStringList out;
    for (const ElementRef &ref : refs)
        out << ref.path;
    return out;
}

QStringList split(const char *joined)
{
    const QString text = QString::fromUtf8(joined);
    return text.isEmpty() ? QStringList() : text.split(u';');
}

} // namespace

class TestQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void relative_data();
    void relative();
    void staleContextPath();
    void refsCarryKindNodeAndFile();
    void copyKeepsExpression();
    void errors_data();
    void errors();
    void largeModel();
};

void TestQuery::matches_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("expected");

    const char *const motors = "Plant/Refinery/Motor1;Plant/Refinery/Motor1/Motor1;Plant/Motor1;"
                               "RL/Motor/Motor1;ValveLib/MotorOperatedValve/Motor1";
    struct Row
    {
        const char *name;
        QString expression;
        const char *expected;
    };
    const Row rows[] = {
        { "by name", u"//InternalElement[@Name='Valve1']"_s, "Plant/Refinery/Valve1;Other/Valve1" },
        { "absolute children", u"/InstanceHierarchy/InternalElement"_s,
            "Plant/Refinery;Plant/Motor1;Other/Valve1" },
        { "CAEXFile root", u"/CAEXFile/InstanceHierarchy[@Name='Other']"_s, "Other" },
        { "paper form", u"[@Name='Motor1']"_s, motors },
        { "paper form, descendant alias", u".//*[@Name='Motor1']"_s, motors },
        { "nested predicate", u"//InternalElement[Attribute[@Name='Torque']]"_s,
            "Plant/Refinery/Valve1;Plant/Refinery/Valve2" },
        { "RefBaseSystemUnitPath",
            u"//InternalElement[@RefBaseSystemUnitPath='ValveLib/MotorOperatedValve']"_s,
            "Plant/Refinery/Valve1;Plant/Refinery/Valve2" },
        { "RefBaseClassPath", u"//*[@RefBaseClassPath=\"IL/AttributeInterface\"]"_s,
            "Plant/Refinery/Valve1/Api;Plant/Refinery/Valve2/Api" },
        { "not equal", u"//InternalElement[@Name!='Valve1']"_s,
            "Plant/Refinery;Plant/Refinery/Valve2;Plant/Refinery/Motor1;"
            "Plant/Refinery/Motor1/Motor1;Plant/Motor1;ValveLib/MotorOperatedValve/Motor1" },
        { "first child per parent", u"//InternalElement[1]"_s,
            "Plant/Refinery;Plant/Refinery/Valve1;Plant/Refinery/Motor1/Motor1;Other/Valve1;"
            "ValveLib/MotorOperatedValve/Motor1" },
        { "positions in a path", u"/InstanceHierarchy[1]/InternalElement[2]"_s, "Plant/Motor1" },
        { "last()", u"//InternalElement[last()]"_s,
            "Plant/Refinery/Motor1;Plant/Refinery/Motor1/Motor1;Plant/Motor1;Other/Valve1;"
            "ValveLib/MotorOperatedValve/Motor1" },
        { "position() <", u"//InternalElement[position()<3]"_s,
            "Plant/Refinery;Plant/Refinery/Valve1;Plant/Refinery/Valve2;"
            "Plant/Refinery/Motor1/Motor1;Plant/Motor1;Other/Valve1;"
            "ValveLib/MotorOperatedValve/Motor1" },
        { "contains", u"//InternalElement[contains(@Name,'alve')]"_s,
            "Plant/Refinery/Valve1;Plant/Refinery/Valve2;Other/Valve1" },
        { "starts-with", u"//InternalElement[starts-with(@Name, 'Mot')]"_s,
            "Plant/Refinery/Motor1;Plant/Refinery/Motor1/Motor1;Plant/Motor1;"
            "ValveLib/MotorOperatedValve/Motor1" },
        { "or", u"//InternalElement[@Name='Valve1' or @Name='Valve2']"_s,
            "Plant/Refinery/Valve1;Plant/Refinery/Valve2;Other/Valve1" },
        { "not() of a missing attribute", u"//InternalElement[not(@RefBaseSystemUnitPath)]"_s,
            "Plant/Refinery;Plant/Refinery/Motor1;Plant/Refinery/Motor1/Motor1;Plant/Motor1;"
            "Other/Valve1;ValveLib/MotorOperatedValve/Motor1" },
        { "parentheses, and, value",
            u"//InternalElement[(@Name='Valve1' or @Name='Valve2') and "
            u"Attribute[@Name='Torque'][Value>50]]"_s,
            "Plant/Refinery/Valve2" },
        { "parent step, deduplicated", u"//Attribute[@Name='Torque']/.."_s,
            "Plant/Refinery/Valve1;Plant/Refinery/Valve2;ValveLib/MotorOperatedValve" },
        { "child attributes", u"//InternalElement[@Name='Valve1']/Attribute"_s,
            "Plant/Refinery/Valve1/Torque;Plant/Refinery/Valve1/Position" },
        { "SupportedRoleClass as a step",
            u"//SupportedRoleClass[@RefRoleClassPath='RL/Valve']/.."_s, "Plant/Refinery/Valve1" },
        { "classes", u"//RoleClass"_s, "RL/Valve;RL/Motor;RL/Motor/Motor1" },
        { "descendant of descendant, no duplicates", u"//InternalElement//InternalElement"_s,
            "Plant/Refinery/Valve1;Plant/Refinery/Valve2;Plant/Refinery/Motor1;"
            "Plant/Refinery/Motor1/Motor1" },
        { "links", u"//InternalLink"_s, "Plant/Refinery/L1" },
        { "relative from the root", u".//InternalElement[@Name=\"Valve2\"]"_s,
            "Plant/Refinery/Valve2" },
        { "ID", u"//InternalElement[@ID='v1']"_s, "Plant/Refinery/Valve1" },
        { "wildcard children in order", u"/InstanceHierarchy/InternalElement/*"_s,
            "Plant/Refinery/Location;Plant/Refinery/Valve1;Plant/Refinery/Valve2;"
            "Plant/Refinery/Motor1;Plant/Refinery/L1" },
        { "existence of a child", u"//InternalElement[Attribute]"_s,
            "Plant/Refinery;Plant/Refinery/Valve1;Plant/Refinery/Valve2" },
        { "position after a name step", u"//InternalElement[@Name='Refinery']/InternalElement[2]"_s,
            "Plant/Refinery/Valve2" },
        { "filter then position", u"/InstanceHierarchy/InternalElement[@Name='Motor1'][1]"_s,
            "Plant/Motor1" },
        { "root alone", u"/"_s, "" },
        { "text value", u"//Attribute[Value='40']/.."_s, "Plant/Refinery/Valve1" },
        { "unit", u"//Attribute[@Unit='%']"_s, "Plant/Refinery/Valve1/Torque" },
        { "path in predicate", u"//InternalElement[InternalElement/InternalElement]"_s,
            "Plant/Refinery" },
        { "parent in predicate", u"//ExternalInterface[../@Name='Valve2']"_s,
            "Plant/Refinery/Valve2/Api" },
        { "any kind by name", u"//*[@Name='Torque']"_s,
            "Plant/Refinery/Valve1/Torque;Plant/Refinery/Valve2/Torque;"
            "ValveLib/MotorOperatedValve/Torque" },
        { "parent of an element", u"//InternalElement[@Name='Refinery']/.."_s, "Plant" },
        { "the CAEXFile is never a match", u"//InternalElement[@Name='Refinery']/../.."_s, "" },
        { "no match", u"//InternalElement[@Name='Nothing']"_s, "" },
        { "absolute path in predicate", u"//RoleClass[//InternalLink]"_s,
            "RL/Valve;RL/Motor;RL/Motor/Motor1" },
    };
    for (const Row &row : rows)
        QTest::newRow(row.name) << row.expression << split(row.expected);
}

void TestQuery::matches()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, expected);
    const CaexFile file = plant();
    Result<Query> query = Query::parse(expression);
    QVERIFY2(query.ok(), qPrintable(query.error()));
    QCOMPARE(paths(query->evaluate(file)), expected);
}

void TestQuery::relative_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("paper form below the twin")
        << u"[@Name='Motor1']"_s << split("Plant/Refinery/Motor1;Plant/Refinery/Motor1/Motor1");
    QTest::newRow("children") << u"InternalElement"_s
                              << split("Plant/Refinery/Valve1;Plant/Refinery/Valve2;"
                                       "Plant/Refinery/Motor1");
    QTest::newRow("parent") << u".."_s << split("Plant");
    QTest::newRow("self") << u"."_s << split("Plant/Refinery");
    QTest::newRow("absolute ignores the context")
        << u"//InternalElement[@Name='Valve1']"_s << split("Plant/Refinery/Valve1;Other/Valve1");
    QTest::newRow("attribute of the context")
        << u"Attribute[@Name='Location']"_s << split("Plant/Refinery/Location");
    QTest::newRow("position below the context")
        << u"./InternalElement[2]/Attribute"_s << split("Plant/Refinery/Valve2/Torque");
}

void TestQuery::relative()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, expected);
    const CaexFile file = plant();
    const QList<ElementRef> contexts
        = Query::parse(u"//InternalElement[@Name='Refinery']"_s)->evaluate(file);
    QCOMPARE(contexts.size(), 1);
    Result<Query> query = Query::parse(expression);
    QVERIFY2(query.ok(), qPrintable(query.error()));
    QCOMPARE(paths(query->evaluate(file, contexts.first())), expected);
}

void TestQuery::staleContextPath()
{
    // A context whose path no longer fits (renamed meanwhile) is still found by its node.
    const CaexFile file = plant();
    ElementRef context
        = Query::parse(u"//InternalElement[@Name='Motor1']"_s)->evaluate(file).first();
    context.path = u"Somewhere/Else"_s;
    const QList<ElementRef> found = Query::parse(u"InternalElement"_s)->evaluate(file, context);
    QCOMPARE(paths(found), QStringList { u"Plant/Refinery/Motor1/Motor1"_s });

    // A node that is not in this document gives nothing.
    InternalElement stranger;
    const ElementRef foreign { ElementKind::InternalElement, &stranger, &file, u"Plant"_s };
    QVERIFY(Query::parse(u"."_s)->evaluate(file, foreign).isEmpty());
}

void TestQuery::refsCarryKindNodeAndFile()
{
    const CaexFile file = plant();
    const QList<ElementRef> links = Query::parse(u"//InternalLink"_s)->evaluate(file);
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.first().kind, ElementKind::InternalLink);
    QCOMPARE(links.first().file, &file);
    QCOMPARE(links.first().as<InternalLink>(),
        &file.instanceHierarchies.first().internalElements.first().internalLinks.first());

    const QList<ElementRef> all = Query::parse(u"//*"_s)->evaluate(file);
    for (const ElementRef &ref : all) {
        QVERIFY(ref.kind != ElementKind::None); // SupportedRoleClass is skipped
        QCOMPARE(ref.object()->name, ref.path.section(u'/', -1));
    }
    // Every element once: 27 nodes minus the SupportedRoleClass.
    QCOMPARE(all.size(), 26);
}

void TestQuery::copyKeepsExpression()
{
    const CaexFile file = plant();
    Result<Query> parsed = Query::parse(u"//InternalElement[@Name='Valve2']"_s);
    QVERIFY(parsed.ok());
    const Query copy = *parsed;
    Query assigned = Query::parse(u"/"_s).takeValue();
    assigned = copy;
    QCOMPARE(assigned.expression(), u"//InternalElement[@Name='Valve2']"_s);
    QCOMPARE(paths(assigned.evaluate(file)), QStringList { u"Plant/Refinery/Valve2"_s });
}

void TestQuery::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty") << QString() << 1 << u"empty"_s;
    QTest::newRow("missing ]") << u"//InternalElement[@Name='X'"_s << 28 << u"']'"_s;
    QTest::newRow("unknown element") << u"//Foo"_s << 3 << u"Foo"_s;
    QTest::newRow("attribute case") << u"//InternalElement[@name='X']"_s << 20 << u"@Name"_s;
    QTest::newRow("axis") << u"child::InternalElement"_s << 1 << u"axes"_s;
    QTest::newRow("union") << u"//InternalElement | //Attribute"_s << 19 << u"union"_s;
    QTest::newRow("unknown function")
        << u"//InternalElement[count(Attribute)]"_s << 19 << u"count()"_s;
    QTest::newRow("unterminated literal")
        << u"//InternalElement[@Name='X"_s << 25 << u"unterminated"_s;
    QTest::newRow("attribute step") << u"@Name"_s << 1 << u"predicates"_s;
    QTest::newRow("path comparison")
        << u"//InternalElement[Attribute='x']"_s << 19 << u"location path"_s;
    QTest::newRow("empty predicate") << u"//InternalElement[]"_s << 19 << u"expression"_s;
    QTest::newRow("namespace prefix") << u"//x:InternalElement"_s << 4 << u"namespace"_s;
    QTest::newRow("stray character") << u"//InternalElement[@Name='a' $]"_s << 29 << u"'$'"_s;
    QTest::newRow("trailing slash") << u"InternalElement/"_s << 17 << u"end of expression"_s;
    QTest::newRow("arity") << u"//InternalElement[contains(@Name)]"_s << 19 << u"2 argument"_s;
    QTest::newRow("trailing garbage") << u"//InternalElement]"_s << 18 << u"']'"_s;
    QTest::newRow("function as step") << u"//text()"_s << 3 << u"text()"_s;
    // The 64th '(' opens the 65th nested expression, which is refused at the next '('.
    QTest::newRow("too deep") << u"//InternalElement["_s + QString(100, u'(') << 83 << u"nested"_s;
}

void TestQuery::errors()
{
    QFETCH(QString, expression);
    QFETCH(int, column);
    QFETCH(QString, fragment);
    const Result<Query> query = Query::parse(expression);
    QVERIFY(!query.ok());
    const QString prefix = u"unsupported XPath at column %1: "_s.arg(column);
    QVERIFY2(query.error().startsWith(prefix), qPrintable(query.error()));
    QVERIFY2(query.error().contains(fragment), qPrintable(query.error()));
}

void TestQuery::largeModel()
{
    // 100 areas x 1000 devices, each with attributes and an interface.
    CaexFile file;
    InstanceHierarchy &hierarchy = file.instanceHierarchies.append();
    hierarchy.name = u"Plant"_s;
    for (int a = 0; a < 100; ++a) {
        InternalElement &area = addElement(hierarchy.internalElements, u"Area%1"_s.arg(a));
        area.internalElements.reserve(1000);
        for (int d = 0; d < 1000; ++d) {
            InternalElement &device
                = addElement(area.internalElements, u"Device_%1_%2"_s.arg(a).arg(d));
            addAttribute(device.attributes, u"Torque"_s, u"1"_s);
            addAttribute(device.attributes, u"Position"_s, u"2"_s);
            addInterface(device.interfaces, u"Api"_s, QString(), QString());
        }
    }
    // Timings are printed for information only; the machine may be busy.
    struct Case
    {
        QString expression;
        QString expected;
    };
    const Case cases[] = {
        { u"//InternalElement[@Name='Device_50_500']"_s, u"Plant/Area50/Device_50_500"_s },
        { u"[@Name='Device_7_7']"_s, u"Plant/Area7/Device_7_7"_s },
    };
    for (const Case &c : cases) {
        const Result<Query> query = Query::parse(c.expression);
        QVERIFY(query.ok());
        QElapsedTimer wall;
        wall.start();
        timespec before {};
        timespec after {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
        const QList<ElementRef> found = query->evaluate(file);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
        const double cpu = double(after.tv_sec - before.tv_sec) * 1e3
            + double(after.tv_nsec - before.tv_nsec) / 1e6;
        qInfo("%s over 100,100 elements (400,400 nodes): %.1f ms CPU, %.1f ms wall",
            qPrintable(c.expression), cpu, double(wall.nsecsElapsed()) / 1e6);
        QCOMPARE(paths(found), QStringList { c.expected });
    }
}

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
