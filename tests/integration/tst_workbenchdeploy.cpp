// SPDX-License-Identifier: GPL-3.0-or-later
// The runtime in the workbench window, driven like a user: open a copy of the centralized
// refinery (ports and history file of this test), change an event limit (so the deployed model is
// the modified document, not the file), Deploy locally -> dt-valvesim started for the four
// valves, live Position in the read-only Attributes dock with good quality, quality badges, an
// Open stroke through the TwinClient moves the valve, events in the Events dock, all devices
// connected in the status bar, a snapshot with current values, Stop -> simulator gone and the
// attributes editable again. Plus the events model on its own under QAbstractItemModelTester,
// the simulator port planning, a model with errors (nothing started), and the real binary with
// --deploy as run-demo.sh starts it (killed, it leaves no simulator behind).
#include "runtime/tst_enginesupport.h"

#include "devicestatuswidget.h"
#include "livevaluetracker.h"
#include "localdeployer.h"
#include "mainwindow.h"
#include "monitorcontroller.h"
#include "qualitydelegate.h"
#include "simulatorlauncher.h"
#include "workbenchoptions.h"

#include "client/twinclient.h"
#include "dashboard/eventlistmodel.h"
#include "dashboard/eventlistwidget.h"

#include "document/amldocument.h"
#include "models/attributemodel.h"
#include "models/hierarchymodel.h"
#include "widgets/attributesdock.h"
#include "widgets/documentcontroller.h"
#include "widgets/hierarchydock.h"

#include "model/attribute.h"
#include "model/caexreader.h"
#include "model/systemunit.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using dt::editor::AttributeModel;
using dt::runtime::EventRecord;
using dt::viewers::EventListModel;
using dt::workbench::MainWindow;
using dt::workbench::MonitorController;
using dt::workbench::WorkbenchOptions;

namespace {

constexpr quint16 PortsFirst = 25100; // this file's port range
constexpr quint16 PortsLast = 25999;
constexpr int Long = 30000;

const QString Valve1Key = u"e0010004-0000-4000-8000-000000000002"_s;
const QString TorqueHighKey = u"e0010004-0000-4000-8000-00000000000e"_s;

EventRecord makeEvent(qint64 ts, const QString &name, const QString &value = QString())
{
    EventRecord e;
    e.timestampMs = ts;
    e.path = u"Valve1"_s;
    e.event = name;
    e.severity = u"alarm"_s;
    e.state = u"raised"_s;
    e.attribute = u"Torque"_s;
    e.value = value;
    return e;
}

const dt::model::InternalElement *findElement(
    const dt::model::NodeList<dt::model::InternalElement> &list, const QString &name)
{
    for (const dt::model::InternalElement &element : list) {
        if (element.name == name)
            return &element;
        if (const dt::model::InternalElement *found = findElement(element.internalElements, name))
            return found;
    }
    return nullptr;
}

bool hasEvent(const EventListModel *model, const QString &name, const QString &state,
    const QString &value = QString())
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const EventRecord &e = model->event(row);
        if (e.event == name && e.state == state && (value.isEmpty() || e.value == value))
            return true;
    }
    return false;
}

} // namespace

class TestWorkbenchDeploy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(dt::test::dtValvesimBinary()),
            "dt-valvesim is not built (add_dependencies)");
    }

    void eventListModel()
    {
        EventListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(EventListModel::ColumnCount));
        model.addEvent(makeEvent(1000, u"A"_s));
        model.addEvent(makeEvent(3000, u"C"_s));
        model.addEvent(makeEvent(2000, u"B"_s)); // late arrival goes to its place by time
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, EventListModel::EventColumn).data().toString(), u"C"_s);
        QCOMPARE(model.index(1, EventListModel::EventColumn).data().toString(), u"B"_s);
        QCOMPARE(model.index(2, EventListModel::EventColumn).data().toString(), u"A"_s);
        QCOMPARE(model.index(0, EventListModel::PathColumn).data().toString(), u"Valve1.Torque"_s);
        QCOMPARE(model.index(0, EventListModel::SeverityColumn).data().toString(), u"alarm"_s);
        QCOMPARE(model.index(0, 0).data(EventListModel::TimestampRole).toLongLong(), 3000);
        QVERIFY(model.index(0, EventListModel::SeverityColumn).data(Qt::ForegroundRole).isValid());
        model.setMaximumRows(2); // the oldest falls off
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, EventListModel::EventColumn).data().toString(), u"B"_s);
        model.addEvent(makeEvent(500, u"old"_s)); // older than everything kept: dropped
        QCOMPARE(model.rowCount(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void simulatorRanges()
    {
        using dt::workbench::SimulatorLauncher;
        SimulatorLauncher::Endpoint e;
        QVERIFY(SimulatorLauncher::parseEndpoint(u"tcp://127.0.0.1:1502 unit 3"_s, &e));
        QCOMPARE(e.host, u"127.0.0.1"_s);
        QCOMPARE(e.port, quint16(1502));
        QCOMPARE(e.unitId, 3);
        QVERIFY(!SimulatorLauncher::parseEndpoint(u"rtu:/dev/ttyS0 unit 1"_s, &e));
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 6);
        QVERIFY(base != 0);
        // base..base+2 and base+4 free; base+3 busy; a remote host never simulated.
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, quint16(base + 3)));
        QList<SimulatorLauncher::Endpoint> endpoints;
        for (int i : { 2, 0, 1, 3, 4, 1 })
            endpoints.append({ u"127.0.0.1"_s, quint16(base + i), 1 });
        endpoints.append({ u"192.0.2.1"_s, quint16(base + 5), 1 });
        const QList<SimulatorLauncher::Range> ranges
            = SimulatorLauncher::rangesToSimulate(endpoints);
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges[0].first, base);
        QCOMPARE(ranges[0].count, 3);
        QCOMPARE(ranges[1].first, quint16(base + 4));
        QCOMPARE(ranges[1].count, 1);
    }

    void deployLocally()
    {
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base != 0);
        const QString history = m_dir.filePath(u"history.sqlite"_s);
        const QString file = dt::test::refineryCopy(m_dir.path(), base, 100, [&](QString &text) {
            text.replace(
                u"<Value>refinery-history.sqlite</Value>"_s, u"<Value>%1</Value>"_s.arg(history));
            // A change event that an Open command reliably triggers (Status has no source yet).
            QVERIFY(dt::test::replaceAfter(text, u"Name=\"Valve1StatusChange\""_s,
                u"<Value>Valve1/Status</Value>"_s, u"<Value>Valve1/State</Value>"_s));
        });
        QVERIFY(!file.isEmpty());

        WorkbenchOptions options;
        options.settingsFile = m_dir.filePath(u"settings.ini"_s);
        options.recoveryDir = m_dir.filePath(u"recovery"_s);
        options.noRestore = true;
        options.language = u"en"_s;
        auto window = std::make_unique<MainWindow>(options);
        window->documentController()->setShowErrors(false);
        window->documentController()->setGuardAnswer(
            dt::editor::DocumentController::GuardAnswer::Discard);
        window->show();
        QVERIFY(window->openFile(file));

        MonitorController *monitor = window->monitorController();
        QVERIFY(monitor);
        monitor->setShowDialogs(false);
        monitor->setDataDirectory(m_dir.filePath(u"data"_s));
        monitor->deployer()->simulators()->setProgram(dt::test::dtValvesimBinary());
        monitor->deployer()->simulators()->setCycleSeconds(0); // valves move only when told
        QAbstractItemModelTester eventsTester(
            monitor->eventList()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        auto *deploy = window->findChild<QAction *>(u"actionDeployLocally"_s);
        auto *stop = window->findChild<QAction *>(u"actionStopRuntime"_s);
        auto *exportSnapshot = window->findChild<QAction *>(u"actionExportSnapshot"_s);
        QVERIFY(deploy && stop && exportSnapshot);
        QCOMPARE(deploy->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(stop->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
        QVERIFY(window->findChild<QDockWidget *>(u"eventsDock"_s));
        QVERIFY(!exportSnapshot->isEnabled());

        // Modify the document: the torque alarm limit from 90 % to 1 %, so that any stroke
        // raises it. The deploy must take the document as it is, not the file on disk.
        QVERIFY(window->selectElement(TorqueHighKey));
        AttributeModel *attributes = window->attributesDock()->attributeModel();
        QCOMPARE(attributes->owner().key, TorqueHighKey);
        QVERIFY(attributes->setData(
            attributes->indexForPath({ u"Limit"_s }, AttributeModel::ValueColumn), u"1"_s));
        QVERIFY(window->document()->isModified());

        deploy->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(monitor->isRunning() || !monitor->lastError().isEmpty(),
            qPrintable(monitor->lastError()), Long);
        QVERIFY2(monitor->isRunning(), qPrintable(monitor->lastError()));
        const QString deployed = monitor->deployer()->lastReport().file;
        QVERIFY2(QFileInfo(deployed).absoluteFilePath() != QFileInfo(file).absoluteFilePath(),
            "a modified document is deployed from a run file");
        QCOMPARE(window->document()->fileName(), file); // the document is untouched
        QVERIFY(window->document()->isModified());
        QVERIFY(!deploy->isEnabled());
        QVERIFY(stop->isEnabled());
        QVERIFY(exportSnapshot->isEnabled());
        // Four consecutive free ports: one simulator for all.
        const QList<qint64> simulators = monitor->deployer()->simulators()->processIds();
        QCOMPARE(simulators.size(), 1);

        // Live Position of Valve1 in the Attributes dock, good and read-only.
        QVERIFY(window->selectElement(Valve1Key));
        QCOMPARE(attributes->owner().key, Valve1Key);
        auto position = [attributes]() {
            return attributes->indexForPath({ u"Position"_s }, AttributeModel::ValueColumn);
        };
        QTRY_VERIFY_WITH_TIMEOUT(position().data(AttributeModel::IsLiveRole).toBool()
                && position().data(AttributeModel::LiveQualityRole) == u"good"_s,
            Long);
        QVERIFY(attributes->isReadOnly());
        QVERIFY(!(attributes->flags(position()) & Qt::ItemIsEditable));
        QVERIFY(!attributes->setData(position(), u"50"_s));
        const double before = position().data().toString().toDouble();
        QVERIFY2(before < 1.0, qPrintable(position().data().toString())); // closed, not cycling

        // Quality badge in the instance tree.
        QTRY_VERIFY_WITH_TIMEOUT(
            monitor->liveValues()->elementQuality(Valve1Key) == dt::runtime::Quality::Good, Long);
        QTreeView *tree = window->hierarchyDock()->view();
        QVERIFY(qobject_cast<dt::workbench::QualityDelegate *>(
            tree->itemDelegateForColumn(dt::editor::HierarchyModel::NameColumn)));

        // Every device connected, shown in the status bar.
        dt::workbench::DeviceStatusWidget *devices = monitor->deviceStatus();
        QCOMPARE(devices->devices().size(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(devices->connectedCount(), 4, Long);
        const QList<QLabel *> labels
            = window->statusBar()->findChildren<QLabel *>(u"deviceStatusLabel"_s);
        QCOMPARE(labels.size(), 4);
        for (QLabel *label : labels)
            QCOMPARE(label->property("state").toInt(), 2);

        // An Open stroke through the TwinClient moves the valve in the view.
        bool done = false;
        dt::Result<void> result;
        monitor->twinClient()->invokeMethod(u"Valve1"_s, u"Open"_s, [&](const dt::Result<void> &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, Long);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QTRY_VERIFY_WITH_TIMEOUT(position().data().toString().toDouble() > before + 1.0, Long);
        QTRY_VERIFY_WITH_TIMEOUT(position().data().toString().toDouble() > 99.0, Long);
        QCOMPARE(position().data(AttributeModel::LiveQualityRole).toString(), u"good"_s);
        // The completed stroke is counted (the file says 0).
        QTRY_COMPARE_WITH_TIMEOUT(
            attributes->indexForPath({ u"OperationCount"_s }, AttributeModel::ValueColumn)
                .data()
                .toString(),
            u"1"_s, Long);

        // Events in the Events dock: the state change to 2 (open) and the lowered torque alarm.
        EventListModel *events = monitor->eventList()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasEvent(events, u"Valve1StatusChange"_s, u"changed"_s, u"2"_s), Long);
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(events, u"Valve1TorqueHigh"_s, u"raised"_s), Long);
        QVERIFY(monitor->eventList()->view()->model()->rowCount() >= 2);
        for (int row = 1; row < events->rowCount(); ++row) // newest first
            QVERIFY(events->event(row - 1).timestampMs >= events->event(row).timestampMs);

        // Snapshot with the current values, read back with the model library.
        const QString snapshot = m_dir.filePath(u"snapshot.aml"_s);
        QSignalSpy finished(monitor, &MonitorController::snapshotFinished);
        QVERIFY(monitor->exportSnapshot(snapshot));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Long);
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        dt::model::CaexReader reader;
        const dt::Result<dt::model::CaexFile> read = reader.readFile(snapshot);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(!read->instanceHierarchies.isEmpty());
        const dt::model::InternalElement *valve
            = findElement(read->instanceHierarchies.first().internalElements, u"Valve1"_s);
        QVERIFY(valve);
        const dt::model::Attribute *snapPosition
            = dt::model::findAttribute(valve->attributes, u"Position");
        QVERIFY(snapPosition && snapPosition->value);
        QVERIFY2(snapPosition->value->toDouble() > 99.0, qPrintable(*snapPosition->value));
        const dt::model::Attribute *count
            = dt::model::findAttribute(valve->attributes, u"OperationCount");
        QVERIFY(count && count->value);
        QCOMPARE(count->value->toInt(), 1); // the file says 0: the stroke counted

        // Stop: the simulator is gone, attributes editable again, no live overlay.
        stop->trigger();
        QVERIFY(!monitor->isRunning());
        for (qint64 pid : simulators)
            QVERIFY2(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)), "dt-valvesim still running");
        QVERIFY(!monitor->deployer()->simulators()->isRunning());
        QVERIFY(!attributes->isReadOnly());
        QCOMPARE(attributes->owner().key, Valve1Key);
        QVERIFY(!position().data(AttributeModel::IsLiveRole).toBool());
        QVERIFY(attributes->flags(position()) & Qt::ItemIsEditable);
        QVERIFY(!exportSnapshot->isEnabled());
        QVERIFY(deploy->isEnabled());
        QVERIFY(devices->isHidden());
        QVERIFY(!monitor->liveValues()->elementQuality(Valve1Key).has_value());
    }

    void commandLine()
    {
        QCommandLineParser parser;
        WorkbenchOptions::addTo(parser);
        QVERIFY(parser.parse(
            { u"dt-workbench"_s, u"--deploy"_s, u"--data"_s, u"/tmp/d"_s, u"--sim-args"_s,
                u"--fault 3:galling:0.9  --seed 7"_s, u"model.aml"_s }));
        QString error;
        const WorkbenchOptions options = WorkbenchOptions::from(parser, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(options.deploy);
        QCOMPARE(options.dataDir, u"/tmp/d"_s);
        QCOMPARE(options.fileToOpen, u"model.aml"_s);
        QCOMPARE(options.simulatorArguments,
            (QStringList { u"--fault"_s, u"3:galling:0.9"_s, u"--seed"_s, u"7"_s }));
    }

    void deployOnStart()
    {
        // What run-demo.sh does: the real binary with --deploy starts the simulator (with the
        // demo's faults: a simulator refusing them would never listen) and the twin (history
        // written to --data); killed, it leaves no simulator behind.
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base != 0);
        const QString file = dt::test::refineryCopy(m_dir.path(), base, 100, {}, u"demo.aml"_s);
        QVERIFY(!file.isEmpty());
        const QString data = m_dir.filePath(u"demo-data"_s);
        QProcess workbench;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"DT_VALVESIM"_s, dt::test::dtValvesimBinary());
        workbench.setProcessEnvironment(env);
        workbench.setProcessChannelMode(QProcess::MergedChannels);
        workbench.start(dt::test::dtWorkbenchBinary(),
            { u"--deploy"_s, u"--data"_s, data, u"--sim-args"_s,
                u"--fault 3:galling:0.9 --fault 4:obstruction:0.9:0.5"_s, u"--no-restore"_s,
                u"--settings"_s,
                m_dir.filePath(u"demo.ini"_s), u"--recovery-dir"_s,
                m_dir.filePath(u"demo-recovery"_s), file });
        QVERIFY(workbench.waitForStarted(Long));
        auto listening = [base]() {
            for (int i = 0; i < 4; ++i) {
                QTcpServer probe;
                if (probe.listen(QHostAddress::LocalHost, quint16(base + i)))
                    return false;
            }
            return true;
        };
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (output += workbench.readAll(), listening()), output.constData(), Long);
        const QString history = QDir(data).filePath(u"refinery-history.sqlite"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(
            QFileInfo(history).size() > 0, (output += workbench.readAll()).constData(), Long);
        workbench.kill(); // no clean-up code runs: the simulator must still go
        QVERIFY(workbench.waitForFinished(Long));
        auto anyListening = [base]() {
            for (int i = 0; i < 4; ++i) {
                QTcpServer probe;
                if (!probe.listen(QHostAddress::LocalHost, quint16(base + i)))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!anyListening(), Long);
    }

    void deployErrorsStartNothing()
    {
        // A broken register map: the deploy stops at the check, no simulator is started.
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base != 0);
        const QString file = dt::test::refineryCopy(
            m_dir.path(), base, 100,
            [](QString &text) {
                QVERIFY(dt::test::replaceAfter(text, u"Name=\"Valve1Modbus\""_s,
                    u"<Value>input</Value>"_s, u"<Value>nonsense</Value>"_s));
            },
            u"broken.aml"_s);
        QVERIFY(!file.isEmpty());
        WorkbenchOptions options;
        options.settingsFile = m_dir.filePath(u"settings2.ini"_s);
        options.recoveryDir = m_dir.filePath(u"recovery2"_s);
        options.noRestore = true;
        MainWindow window(options);
        window.documentController()->setShowErrors(false);
        QVERIFY(window.openFile(file));
        MonitorController *monitor = window.monitorController();
        monitor->setShowDialogs(false);
        monitor->setDataDirectory(m_dir.filePath(u"data2"_s));
        monitor->deployer()->simulators()->setProgram(dt::test::dtValvesimBinary());
        QSignalSpy failed(monitor->deployer(), &dt::workbench::LocalDeployer::deployFailed);
        QVERIFY(monitor->deployLocally());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Long);
        QVERIFY(!monitor->isRunning());
        QVERIFY(!monitor->deployer()->simulators()->isRunning());
        QVERIFY2(
            monitor->lastError().contains(u"RegisterType"_s), qPrintable(monitor->lastError()));
        QVERIFY(window.findChild<QAction *>(u"actionDeployLocally"_s)->isEnabled());
    }
};

QTEST_MAIN(TestWorkbenchDeploy)
#include "tst_workbenchdeploy.moc"
