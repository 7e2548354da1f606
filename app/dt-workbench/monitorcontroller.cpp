// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitorcontroller.h"

#include "devicestatuswidget.h"
#include "livevaluetracker.h"
#include "localdeployer.h"
#include "mainwindow.h"
#include "qualitydelegate.h"
#include "runfile.h"
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
#include "widgets/problemsdock.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace dt::workbench {

using runtime::DeployReport;

namespace {

const auto UseSimulatorKey = "runtime/useSimulator"_L1;
const auto SnapshotDirKey = "runtime/snapshotDirectory"_L1;
/// Stored events shown when a twin starts.
constexpr int RecentEvents = 200;

} // namespace

MonitorController::MonitorController(MainWindow *window, const WorkbenchOptions &options)
    : QObject(window)
    , m_window(window)
    , m_deployer(new LocalDeployer(this))
    , m_live(new LiveValueTracker(this))
    , m_dataDir(options.dataDir)
    , m_deployOnStart(options.deploy)
{
    setObjectName(u"monitorController"_s);
    m_deployer->setUseSimulator(window->settings()->value(UseSimulatorKey, true).toBool());
    m_deployer->simulators()->setExtraArguments(options.simulatorArguments);
    m_live->setDocument(window->document());

    createActions();
    createDock();

    m_devices = new DeviceStatusWidget;
    window->statusBar()->addPermanentWidget(m_devices);

    // Quality badges drawn over the tree's role icons; the tree's model stays the editor's.
    QTreeView *tree = window->hierarchyDock()->view();
    m_qualityDelegate = new QualityDelegate(
        editor::HierarchyModel::KeyRole,
        [this](const QString &key) -> std::optional<runtime::Quality> {
            return m_running ? m_live->elementQuality(key) : std::nullopt;
        },
        this);
    tree->setItemDelegateForColumn(editor::HierarchyModel::NameColumn, m_qualityDelegate);
    m_repaintTree.setSingleShot(true);
    m_repaintTree.setInterval(150); // badges follow within a blink, not per Modbus reply
    connect(&m_repaintTree, &QTimer::timeout, tree->viewport(), qOverload<>(&QWidget::update));
    connect(m_live, &LiveValueTracker::qualitiesChanged, this, [this]() {
        if (!m_repaintTree.isActive())
            m_repaintTree.start();
    });
    connect(m_live, &LiveValueTracker::valuesChanged, this, &MonitorController::applyLiveValues);

    connect(window->documentController(), &editor::DocumentController::documentChanged, this,
        &MonitorController::documentChanged);
    connect(window->attributesDock()->attributeModel(), &QAbstractItemModel::modelReset, this,
        &MonitorController::showLiveValuesOfOwner);

    runtime::TwinClient *client = m_deployer->client();
    connect(client, &runtime::TwinClient::attributesChanged, m_live, &LiveValueTracker::apply);
    connect(client, &runtime::TwinClient::deviceStateChanged, this,
        &MonitorController::deviceStateChanged);
    connect(m_deployer, &LocalDeployer::progress, this,
        [this](const QString &text) { showStatus(text, 0); });
    connect(m_deployer, &LocalDeployer::phaseChanged, this, &MonitorController::updateActions);
    connect(m_deployer, &LocalDeployer::deployed, this, &MonitorController::deployed);
    connect(m_deployer, &LocalDeployer::deployFailed, this, &MonitorController::deployFailed);
    connect(m_deployer, &LocalDeployer::stopped, this, &MonitorController::stopped);
    connect(m_deployer, &LocalDeployer::simulatorCrashed, this,
        [this](const QString &error) { showStatus(tr("Simulator stopped: %1").arg(error), 0); });

    window->installEventFilter(this);
    retranslate();
    updateActions();
}

MonitorController::~MonitorController()
{
    // The docks may already be gone: only the runtime and the simulators are stopped here.
    m_deployer->disconnect(this);
    m_deployer->client()->disconnect(this);
    m_deployer->stop();
}

runtime::TwinClient *MonitorController::twinClient() const
{
    return m_deployer->client();
}

void MonitorController::createActions()
{
    auto makeAction = [this](const QString &name, const QKeySequence &shortcut) {
        auto *action = new QAction(m_window);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        static_cast<QWidget *>(m_window)->addAction(action); // window-wide shortcut
        return action;
    };
    m_deploy = makeAction(u"actionDeployLocally"_s, QKeySequence(Qt::Key_F5));
    m_stop = makeAction(u"actionStopRuntime"_s, QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_deploy->setIcon(m_window->style()->standardIcon(QStyle::SP_MediaPlay));
    m_stop->setIcon(m_window->style()->standardIcon(QStyle::SP_MediaStop));
    m_useSimulator = makeAction(u"actionUseSimulator"_s, QKeySequence());
    m_useSimulator->setCheckable(true);
    m_useSimulator->setChecked(m_deployer->useSimulator());
    m_report = makeAction(u"actionDeployReport"_s, QKeySequence());
    m_exportSnapshot = m_window->findChild<QAction *>(u"actionExportSnapshot"_s);

    connect(m_deploy, &QAction::triggered, this, &MonitorController::deployLocally);
    connect(m_stop, &QAction::triggered, this, &MonitorController::stop);
    connect(m_useSimulator, &QAction::toggled, this, [this](bool on) {
        m_deployer->setUseSimulator(on);
        m_window->settings()->setValue(UseSimulatorKey, on);
    });
    connect(m_report, &QAction::triggered, this, &MonitorController::showDeployReport);
    if (m_exportSnapshot) {
        connect(m_exportSnapshot, &QAction::triggered, this,
            &MonitorController::exportSnapshotInteractively);
    }

    m_menu = new QMenu(m_window);
    m_menu->setObjectName(u"menuRuntime"_s);
    m_menu->addAction(m_deploy);
    m_menu->addAction(m_stop);
    m_menu->addSeparator();
    m_menu->addAction(m_useSimulator);
    m_menu->addAction(m_report);
    if (m_exportSnapshot) {
        m_menu->addSeparator();
        m_menu->addAction(m_exportSnapshot);
    }
    QMenuBar *bar = m_window->menuBar();
    auto *help = m_window->findChild<QMenu *>(u"menuHelp"_s);
    if (help)
        bar->insertMenu(help->menuAction(), m_menu);
    else
        bar->addMenu(m_menu);

    if (auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s)) {
        toolBar->addSeparator();
        toolBar->addAction(m_deploy);
        toolBar->addAction(m_stop);
    }
}

void MonitorController::createDock()
{
    m_eventsDock = new QDockWidget(m_window);
    m_eventsDock->setObjectName(u"eventsDock"_s);
    m_events = new viewers::EventListWidget;
    m_events->setClient(m_deployer->client());
    m_eventsDock->setWidget(m_events);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);
    if (QDockWidget *problems = m_window->problemsDock())
        m_window->tabifyDockWidget(problems, m_eventsDock);
    if (QDockWidget *problems = m_window->problemsDock())
        problems->raise();
    QAction *toggle = m_eventsDock->toggleViewAction();
    toggle->setObjectName(u"actionShow"_s + m_eventsDock->objectName());
    if (auto *view = m_window->findChild<QMenu *>(u"menuView"_s))
        view->addAction(toggle);
}

void MonitorController::startUp()
{
    if (!m_deployOnStart)
        return;
    editor::AmlDocument *document = m_window->document();
    if (!document || document->fileName().isEmpty()) {
        showStatus(tr("--deploy: no model file was opened"), 0);
        return;
    }
    deployLocally();
}

bool MonitorController::isRunning() const
{
    return m_deployer->isRunning();
}

bool MonitorController::isBusy() const
{
    return m_deployer->isBusy();
}

QString MonitorController::runDirectory()
{
    if (!m_runDir) {
        m_runDir
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/dt-workbench-run-XXXXXX"_s);
    }
    return m_runDir->isValid() ? m_runDir->path() : QString();
}

QString MonitorController::dataDirectoryFor(const editor::AmlDocument &document) const
{
    if (!m_dataDir.isEmpty())
        return QDir(m_dataDir).absolutePath();
    // Like dt-runtime: storage files next to the model, unless that folder is not ours to write.
    if (!document.fileName().isEmpty()) {
        const QFileInfo folder(QFileInfo(document.fileName()).absolutePath());
        if (folder.isDir() && folder.isWritable())
            return folder.absoluteFilePath();
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/runtime"_s;
}

bool MonitorController::deployLocally()
{
    if (m_deployer->phase() != LocalDeployer::Phase::Idle)
        return false;
    editor::AmlDocument *document = m_window->document();
    if (!document) {
        showError(tr("Deploy"), tr("There is no document to deploy."), QString());
        return false;
    }
    QString file = document->fileName();
    if (!documentIsSaved(*document)) {
        // The runtime reads a file: the document as it is now goes to a run file; the user's
        // file and undo history stay as they are.
        const QString dir = runDirectory();
        const Result<QString> written = dir.isEmpty()
            ? Result<QString>::failure(tr("no temporary folder"))
            : writeRunFile(*document, dir);
        if (!written) {
            showError(tr("Deploy"), tr("The model could not be written for the runtime."),
                written.error());
            return false;
        }
        file = *written;
    }
    const QString dataDir = dataDirectoryFor(*document);
    QDir().mkpath(dataDir);
    m_lastError.clear();
    if (m_errorBox)
        m_errorBox->close();
    return m_deployer->deploy(file, dataDir);
}

void MonitorController::deployed(const DeployReport &report)
{
    m_deviceElements.clear();
    QList<QPair<QString, QString>> devices;
    for (const DeployReport::Twin &twin : report.twins) {
        for (const DeployReport::Device &device : twin.devices) {
            devices.append({ device.name, device.endpoint });
            m_deviceElements.insert(device.name, twin.root + u'/' + device.name);
        }
    }
    m_devices->setDevices(devices);
    setRunningUi(true);
    // Device states may have changed before we listened.
    const QHash<QString, int> states = m_deployer->client()->deviceStates();
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        deviceStateChanged(it.key(), it.value(), QString());
    m_live->clear(); // leftovers of a previous run
    m_live->apply(m_deployer->client()->currentValues());
    m_events->model()->loadRecent(RecentEvents);

    QStringList twins;
    int deviceCount = 0;
    for (const DeployReport::Twin &twin : report.twins) {
        twins.append(twin.name);
        deviceCount += int(twin.devices.size());
    }
    QString text = tr("Running %1: %n device(s)", nullptr, deviceCount).arg(twins.join(u", "_s));
    const QStringList simulated = m_deployer->simulators()->describe();
    if (!simulated.isEmpty())
        text += tr(", simulated by dt-valvesim on %1").arg(simulated.join(u", "_s));
    if (!m_deployer->note().isEmpty())
        text += u"; "_s + m_deployer->note();
    if (!report.warnings.isEmpty())
        text += tr(
            " (%n warning(s): Runtime ▸ Deploy Report)", nullptr, int(report.warnings.size()));
    showStatus(text, 0);
}

void MonitorController::deployFailed(const QString &error, const DeployReport &report)
{
    m_lastError = error;
    showStatus(tr("Deploy failed: %1").arg(error.section(u'\n', 0, 0)), 0);
    QString details = report.errors.isEmpty() ? QString() : report.errors.join(u'\n');
    if (!report.file.isEmpty())
        details = report.toText();
    showError(tr("Deploy failed"), error, details);
    if (!report.errors.isEmpty()) {
        // Validator findings are listed there too, with a jump to the element.
        m_window->problemsDock()->show();
        m_window->problemsDock()->raise();
    }
    updateActions();
}

void MonitorController::stop()
{
    m_deployer->stop();
}

void MonitorController::stopped()
{
    setRunningUi(false);
    showStatus(tr("Runtime stopped"));
}

void MonitorController::setRunningUi(bool running)
{
    if (running == m_running) {
        updateActions();
        return;
    }
    m_running = running;
    editor::AttributeModel *attributes = m_window->attributesDock()->attributeModel();
    attributes->setReadOnly(running);
    if (!running) {
        attributes->clearLiveValues();
        m_live->clear();
        m_devices->clear();
        m_deviceElements.clear();
    }
    refreshAttributesDock();
    m_repaintTree.start();
    updateActions();
    Q_EMIT runningChanged(running);
}

void MonitorController::refreshAttributesDock()
{
    // Showing the owner again refreshes the dock's title and its add/remove actions for the
    // read-only state, and (modelReset) brings the live values in.
    editor::AttributeModel *attributes = m_window->attributesDock()->attributeModel();
    const editor::OwnerRef owner = attributes->owner();
    if (attributes->document() && owner.isValid())
        m_window->attributesDock()->setOwner(attributes->document(), owner);
}

void MonitorController::updateActions()
{
    const LocalDeployer::Phase phase = m_deployer->phase();
    m_deploy->setEnabled(phase == LocalDeployer::Phase::Idle);
    m_stop->setEnabled(phase != LocalDeployer::Phase::Idle);
    m_report->setEnabled(!m_deployer->lastReport().file.isEmpty());
    if (m_exportSnapshot)
        m_exportSnapshot->setEnabled(phase == LocalDeployer::Phase::Running);
}

void MonitorController::documentChanged(editor::AmlDocument *document)
{
    m_live->setDocument(document);
}

void MonitorController::applyLiveValues(const QString &key, const QStringList &attributes)
{
    if (!m_running)
        return;
    editor::AttributeModel *model = m_window->attributesDock()->attributeModel();
    const editor::OwnerRef owner = model->owner();
    if (owner.key != key || owner.isInterface())
        return;
    const QHash<QString, LiveValueTracker::Value> values = m_live->values(key);
    for (const QString &attribute : attributes) {
        const auto it = values.constFind(attribute);
        if (it != values.constEnd())
            model->setLiveValue(attribute, it->value, it->quality);
    }
}

void MonitorController::showLiveValuesOfOwner()
{
    const editor::OwnerRef owner = m_window->attributesDock()->attributeModel()->owner();
    if (m_running && owner.isValid() && !owner.isInterface())
        applyLiveValues(owner.key, m_live->values(owner.key).keys());
}

void MonitorController::deviceStateChanged(const QString &device, int state, const QString &detail)
{
    if (!m_running)
        return;
    m_devices->setState(device, state, detail);
    const QString element = m_deviceElements.value(device);
    if (!element.isEmpty())
        m_live->setDeviceState(element, state == 2);
}

bool MonitorController::exportSnapshot(const QString &fileName)
{
    if (!m_deployer->isRunning() || fileName.isEmpty())
        return false;
    QPointer<MonitorController> self(this);
    m_deployer->client()->snapshot(fileName, [self, fileName](const Result<void> &result) {
        if (!self)
            return;
        if (result) {
            self->showStatus(tr("Snapshot written to %1").arg(QDir::toNativeSeparators(fileName)));
        } else {
            self->showError(
                tr("Export Snapshot"), tr("The snapshot could not be written."), result.error());
        }
        Q_EMIT self->snapshotFinished(fileName, result.ok(), result.error());
    });
    return true;
}

void MonitorController::exportSnapshotInteractively()
{
    if (!m_deployer->isRunning())
        return;
    QSettings *settings = m_window->settings();
    QString dir = settings->value(SnapshotDirKey).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = QFileInfo(m_deployer->lastReport().file).completeBaseName();
    const QString suggested
        = QDir(dir).filePath(u"%1-snapshot-%2.aml"_s.arg(base.isEmpty() ? u"twin"_s : base,
            QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
    const QString file = QFileDialog::getSaveFileName(
        m_window, tr("Export Snapshot"), suggested, tr("AutomationML files (*.aml)"));
    if (file.isEmpty())
        return;
    settings->setValue(SnapshotDirKey, QFileInfo(file).absolutePath());
    exportSnapshot(file);
}

void MonitorController::showDeployReport()
{
    const DeployReport &report = m_deployer->lastReport();
    if (report.file.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Deploy Report"),
        report.ok() ? tr("The model deploys without errors.")
                    : tr("The model has errors; nothing was started."),
        QMessageBox::Close, m_window);
    box->setObjectName(u"deployReportDialog"_s);
    box->setDetailedText(report.toText());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MonitorController::showError(const QString &title, const QString &text, const QString &details)
{
    m_lastError = details.isEmpty() ? text : text + u'\n' + details;
    if (!m_showDialogs)
        return;
    if (m_errorBox)
        m_errorBox->close();
    // Non-modal: the editor stays usable to fix what the message names.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Close, m_window);
    box->setObjectName(u"deployErrorDialog"_s);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox = box;
    box->open();
}

void MonitorController::showStatus(const QString &text, int timeoutMs)
{
    m_window->statusBar()->showMessage(text, timeoutMs);
}

bool MonitorController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void MonitorController::retranslate()
{
    m_menu->setTitle(tr("&Runtime"));
    m_deploy->setText(tr("&Deploy Locally"));
    m_deploy->setToolTip(tr("Check the model and run its twin in this window, with simulated "
                            "valves for local devices nobody serves (F5)"));
    m_stop->setText(tr("&Stop"));
    m_stop->setToolTip(tr("Stop the running twin and the simulators (Shift+F5)"));
    m_useSimulator->setText(tr("Simulate &Local Devices"));
    m_useSimulator->setToolTip(tr("Start dt-valvesim for Modbus TCP devices on this computer "
                                  "that nothing serves"));
    m_report->setText(tr("Deploy &Report…"));
    m_eventsDock->setWindowTitle(tr("Events"));
}

} // namespace dt::workbench
