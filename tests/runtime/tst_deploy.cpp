// SPDX-License-Identifier: GPL-3.0-or-later
// Deploy = validate + plan every DigitalTwin, all checks before anything starts: the refinery
// examples' reports (twins, devices, bindings, components), and broken variants written into a
// temporary folder, each of which must fail with a clear error and start nothing.
#include "tst_enginesupport.h"

#include "engine/deployplanner.h"
#include "engine/runtimehost.h"

#include "model/caexreader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {
constexpr quint16 PortsFirst = 22100; // this file's port range
constexpr quint16 PortsLast = 22999;
} // namespace

class TestDeploy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void centralizedPlan()
    {
        QTemporaryDir data;
        DeployOptions options;
        options.dataDir = data.path();
        options.start = false;
        const DeployPlan plan
            = planDeploy(dt::test::exampleFile(u"refinery-centralized.aml"_s), options);
        QVERIFY2(plan.report.ok(), qPrintable(plan.report.toText()));
        QCOMPARE(plan.twins.size(), 1);
        QCOMPARE(plan.report.twins.size(), 1);

        const DeployReport::Twin &t = plan.report.twins.first();
        QCOMPARE(t.name, u"RefineryTwin"_s);
        QCOMPARE(t.root, u"Plant/Refinery"_s);
        QCOMPARE(t.prefix, QString());
        QCOMPARE(t.devices.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(t.devices[i].name, u"RefineryTwin/Valve%1Modbus"_s.arg(i + 1));
            QCOMPARE(t.devices[i].endpoint, u"tcp://127.0.0.1:%1 unit 1"_s.arg(1502 + i));
            QCOMPARE(t.devices[i].variables, 6);
            QCOMPARE(t.devices[i].bindings, 6);
        }
        QCOMPARE(t.bindings.size(), 24);
        QVERIFY(t.bindings.contains(u"RefineryTwin/Valve3Modbus.Position -> Valve3/Position"_s));
        QVERIFY(t.bindings.contains(
            u"RefineryTwin/Valve2Modbus.TorqueProfileClose -> Valve2/TorqueProfileClose[21]"_s));
        QCOMPARE(t.storage,
            u"SQLite "_s + QDir(data.path()).absoluteFilePath(u"refinery-history.sqlite"_s));
        QCOMPARE(t.events.size(), 8);
        QCOMPARE(t.methods.size(), 8);
        QVERIFY(t.methods.contains(u"Valve1 Open -> State = 2"_s));
        QVERIFY(t.accessControl);
        QCOMPARE(t.inactive.size(), 11); // 4 watchdogs, API, browser, 4 views, dashboard
        int notActive = 0;
        for (const QString &w : plan.report.warnings)
            notActive += w.contains(u"not active in this build"_s) ? 1 : 0;
        QCOMPARE(notActive, 11);
        QVERIFY(!plan.report.started);

        // Bindings in detail: arrays map onto the nested attributes in order.
        const TwinPlan &twin = plan.twins.first();
        const DevicePlan &valve1 = twin.devices.first();
        QCOMPARE(valve1.config.variables.size(), 6);
        const int open = valve1.config.indexOf(u"TorqueProfileOpen");
        QVERIFY(open >= 0);
        const VariableBinding *profile = nullptr;
        for (const VariableBinding &b : valve1.bindings)
            profile = b.variableIndex == open ? &b : profile;
        QVERIFY(profile);
        QCOMPARE(profile->elementPath, u"Valve1"_s);
        QCOMPARE(profile->attributes.size(), 21);
        QCOMPARE(profile->attributes.first(), u"TorqueProfileOpen/P0"_s);
        QCOMPARE(profile->attributes[10], u"TorqueProfileOpen/P50"_s);
        QCOMPARE(profile->attributes.last(), u"TorqueProfileOpen/P100"_s);
        // Events and methods point at real attributes.
        QCOMPARE(twin.events.first().elementPath, u"Valve1"_s);
        QCOMPARE(twin.events.first().attribute, u"Torque"_s);
        QCOMPARE(twin.events.first().limit, 90.0);
        QCOMPARE(twin.events.first().hysteresis, 5.0);
        QCOMPARE(twin.events.first().severity, u"alarm"_s);
    }

    void distributedPlan()
    {
        QTemporaryDir data;
        DeployOptions options;
        options.dataDir = data.path();
        options.start = false;
        const DeployPlan plan
            = planDeploy(dt::test::exampleFile(u"refinery-distributed.aml"_s), options);
        QVERIFY2(plan.report.ok(), qPrintable(plan.report.toText()));
        QCOMPARE(plan.twins.size(), 5);
        const TwinPlan *refinery = nullptr;
        const TwinPlan *valve2 = nullptr;
        for (const TwinPlan &t : plan.twins) {
            refinery = t.name == u"RefineryTwin"_s ? &t : refinery;
            valve2 = t.name == u"Valve2Twin"_s ? &t : valve2;
        }
        QVERIFY(refinery && valve2);
        QCOMPARE(refinery->prefix, QString());
        QCOMPARE(refinery->devices.size(), 0);
        QCOMPARE(refinery->excluded.size(), 4);
        QVERIFY(refinery->excluded.contains(u"Valve3"_s));
        QCOMPARE(valve2->prefix, u"Valve2"_s);
        QCOMPARE(valve2->rootInstancePath, u"Plant/Refinery/Valve2"_s);
        QCOMPARE(valve2->devices.size(), 1);
        QCOMPARE(valve2->devices.first().bindings.size(), 6);
        QCOMPARE(valve2->devices.first().bindings.first().elementPath, QString()); // the root
        QCOMPARE(valve2->methods.size(), 2);
        QCOMPARE(valve2->methods.first().elementPath, QString());
        QCOMPARE(valve2->methods.first().attribute, u"State"_s);
    }

    void brokenVariants_data()
    {
        QTest::addColumn<QString>("anchor");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QStringList>("expected"); // each must appear in one error
        // The last expected text appears in exactly one error: the problem is not reported by
        // both the validator and the planner.
        QTest::addColumn<bool>("once");
        const QString v1Position = u"ID=\"e0010003-0000-4000-8000-000000000025\""_s;
        QTest::newRow("bad register type")
            << v1Position << u"<Value>input</Value>"_s << u"<Value>inputs</Value>"_s
            << QStringList { u"RegisterType"_s, u"inputs"_s } << true;
        QTest::newRow("bit table as uint16")
            << u"ID=\"e0010003-0000-4000-8000-000000000027\""_s << u"<Value>holding</Value>"_s
            << u"<Value>coil</Value>"_s
            << QStringList { u"ModbusVariable 'State'"_s, u"needs DataType bool"_s } << true;
        QTest::newRow("32-bit value beyond the table")
            << u"ID=\"e0010003-0000-4000-8000-000000000028\""_s << u"<Value>56</Value>"_s
            << u"<Value>65535</Value>"_s << QStringList { u"Valve1Modbus"_s, u"OperationCount"_s }
            << true;
        QTest::newRow("unknown link partner")
            << u"Name=\"Valve1Torque\""_s << u"e0010003-0000-4000-8000-000000000003\""_s
            << u"e0010003-0000-4000-8000-0000000000ff\""_s
            << QStringList { u"InternalLink 'Valve1Torque'"_s,
                   u"e0010003-0000-4000-8000-0000000000ff"_s }
            << true;
        QTest::newRow("link to a missing attribute")
            << u"ID=\"e0010003-0000-4000-8000-000000000003\""_s << u"<Value>Torque</Value>"_s
            << u"<Value>Torq</Value>"_s
            << QStringList { u"link 'Valve1Torque'"_s, u"no attribute 'Torq'"_s } << true;
        QTest::newRow("array count mismatch")
            << u"ID=\"e0010003-0000-4000-8000-000000000029\""_s << u"<Value>21</Value>"_s
            << u"<Value>20</Value>"_s
            << QStringList { u"TorqueProfileOpen"_s, u"20 values"_s, u"21 nested"_s } << true;
        QTest::newRow("unknown storage")
            << u"Name=\"History\""_s << u"DigitalTwinComponentLib/SQLiteStorage"_s
            << u"DigitalTwinComponentLib/OracleStorage"_s
            << QStringList { u"InternalElement 'History'"_s, u"OracleStorage"_s } << true;
        QTest::newRow("event on a missing attribute")
            << u"Name=\"Valve1TorqueHigh\""_s << u"<Value>Valve1/Torque</Value>"_s
            << u"<Value>Valve1/Torc</Value>"_s
            << QStringList { u"Valve1TorqueHigh"_s, u"Valve1/Torc"_s } << true;
        QTest::newRow("bad event condition")
            << u"Name=\"Valve1TorqueHigh\""_s << u"<Value>&gt;</Value>"_s << u"<Value>~</Value>"_s
            << QStringList { u"Condition"_s } << true;
        QTest::newRow("method on a missing element")
            << u"Name=\"Valve1Open\""_s << u"<Value>Valve1/State</Value>"_s
            << u"<Value>Valve9/State</Value>"_s
            << QStringList { u"Valve1Open"_s, u"Valve9/State"_s } << true;
        QTest::newRow("no DigitalTwin")
            << u"Name=\"RefineryTwin\""_s << u"DigitalTwinComponentLib/DigitalTwin\""_s
            << u"DigitalTwinComponentLib/Dashboard\""_s << QStringList { u"no DigitalTwin"_s }
            << true;
    }

    void brokenVariants()
    {
        QFETCH(QString, anchor);
        QFETCH(QString, pattern);
        QFETCH(QString, replacement);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base);
        bool edited = false;
        const QString file = dt::test::refineryCopy(dir.path(), base, 100, [&](QString &text) {
            edited = dt::test::replaceAfter(text, anchor, pattern, replacement);
        });
        QVERIFY(!file.isEmpty());
        QVERIFY2(edited, "the example changed: the edit no longer applies");

        DeployOptions options;
        options.dataDir = dir.path() + u"/data"_s;
        const DeployPlan plan = planDeploy(file, options);
        const QString errors = plan.report.errors.join(u'\n');
        QVERIFY2(!plan.report.ok(), "a broken model deployed");
        QVERIFY(plan.twins.isEmpty());
        for (const QString &e : expected)
            QVERIFY2(errors.contains(e), qPrintable(u"'%1' not in:\n%2"_s.arg(e, errors)));
        QFETCH(bool, once);
        const QString &mostSpecific = expected.constLast();
        const qsizetype reports
            = std::count_if(plan.report.errors.cbegin(), plan.report.errors.cend(),
                [&](const QString &error) { return error.contains(mostSpecific); });
        QVERIFY2(!once || reports == 1,
            qPrintable(
                u"'%1' reported %2 times:\n%3"_s.arg(mostSpecific).arg(reports).arg(errors)));

        // Through the host: fails with the errors, nothing runs, nothing is written.
        RuntimeHost host;
        QSignalSpy running(&host, &RuntimeHost::runningChanged);
        const dt::Result<DeployReport> deployed = host.deploy(file, options);
        QVERIFY(!deployed);
        QVERIFY(deployed.error().contains(expected.first()));
        QVERIFY(!host.isRunning());
        QVERIFY(host.deviceStates().isEmpty());
        QVERIFY(host.currentValues().isEmpty());
        QVERIFY(!host.lastDeployReport().ok());
        QVERIFY(!host.lastDeployReport().started);
        QVERIFY(!QFileInfo::exists(options.dataDir + u"/refinery-history.sqlite"_s));
        QCoreApplication::processEvents();
        QCOMPARE(running.size(), 0);
    }

    void startsAndStops()
    {
        QTemporaryDir dir;
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base);
        const QString file = dt::test::refineryCopy(dir.path(), base);
        DeployOptions options;
        options.dataDir = dir.path();
        RuntimeHost host;
        QSignalSpy running(&host, &RuntimeHost::runningChanged);
        const dt::Result<DeployReport> deployed = host.deploy(file, options);
        QVERIFY2(deployed, qPrintable(deployed.error()));
        QVERIFY(deployed->started);
        QVERIFY(host.isRunning());
        QTRY_COMPARE(running.size(), 1);
        QCOMPARE(running.first().first().toBool(), true);
        QCOMPARE(host.deviceStates().size(), 4);
        QVERIFY(host.deviceStates().contains(u"RefineryTwin/Valve1Modbus"_s));

        const QList<AttributeUpdate> values = host.currentValues();
        QVERIFY(values.size() > 100);
        int notGood = 0;
        for (const AttributeUpdate &u : values) {
            QVERIFY(u.timestampMs > 0);
            if (u.path == u"Valve1"_s && u.attribute == u"Position"_s) {
                // No device listens: stale (only the model's value) until the device reports
                // itself unreachable, then bad; never good.
                QVERIFY(u.quality != Quality::Good);
                QCOMPARE(u.value, u"0"_s);
                QCOMPARE(u.elementPath, u"Plant/Refinery/Valve1"_s);
                QCOMPARE(u.elementId, u"e0010004-0000-4000-8000-000000000002"_s);
            }
            if (u.path == u"RefineryTwin/Valve1Modbus"_s && u.attribute == u"Port"_s) {
                QCOMPARE(u.quality, Quality::Good); // configuration, not device data
                QCOMPARE(u.value, QString::number(base));
            }
            notGood += u.quality != Quality::Good ? 1 : 0;
        }
        QCOMPARE(notGood, 4 * (4 + 2 * 21)); // Position, Torque, State, OperationCount, 2 profiles

        // A bad model does not take the running twin down.
        const QString broken = dt::test::refineryCopy(
            dir.path(), base, 100,
            [](QString &text) {
                dt::test::replaceAfter(text, u"Name=\"Valve1Torque\""_s,
                    u"e0010003-0000-4000-8000-000000000003\""_s, u"nowhere\""_s);
            },
            u"broken.aml"_s);
        QVERIFY(!host.deploy(broken, options));
        QVERIFY(host.isRunning());
        QCOMPARE(host.deviceStates().size(), 4);

        host.stop();
        QVERIFY(!host.isRunning());
        QTRY_COMPARE(running.size(), 2);
        QVERIFY(QFileInfo::exists(dir.path() + u"/refinery-history.sqlite"_s));
    }

    void inMemoryModelAsync()
    {
        QTemporaryDir dir;
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base);
        const QString file = dt::test::refineryCopy(dir.path(), base);
        dt::model::CaexReader reader;
        dt::Result<dt::model::CaexFile> model = reader.readFile(file);
        QVERIFY(model);
        // An unsaved edit: the runtime deploys what the editor holds, not what is on disk.
        dt::model::InternalElement *refinery = dt::model::findChild(
            model->instanceHierarchies.first().internalElements, u"Refinery");
        QVERIFY(refinery);
        dt::model::InternalElement *valve4
            = dt::model::findChild(refinery->internalElements, u"Valve4");
        QVERIFY(valve4);
        dt::model::findAttribute(valve4->attributes, u"Health")->value = u"0.75"_s;

        DeployOptions options;
        options.dataDir = dir.path();
        RuntimeHost host;
        QSignalSpy finished(&host, &RuntimeHost::deployFinished);
        QSignalSpy running(&host, &RuntimeHost::runningChanged);
        host.deployAsync(*model, file, options);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto report = finished.first().first().value<DeployReport>();
        QVERIFY2(report.ok() && report.started, qPrintable(report.toText()));
        QTRY_COMPARE(running.size(), 1);
        bool seen = false;
        for (const AttributeUpdate &u : host.currentValues()) {
            if (u.path == u"Valve4"_s && u.attribute == u"Health"_s) {
                QCOMPARE(u.value, u"0.75"_s);
                seen = true;
            }
        }
        QVERIFY(seen);
        host.stopAsync();
        QTRY_COMPARE(running.size(), 2);
        QCOMPARE(running.last().first().toBool(), false);
        QVERIFY(!host.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestDeploy)
#include "tst_deploy.moc"
