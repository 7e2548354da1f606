// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/deployreport.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QMessageBox;

namespace dt::runtime {
class TwinClient;
}
namespace dt::viewers {
class EventListWidget;
}
namespace dt::editor {
class AmlDocument;
}

namespace dt::workbench {

class DeviceStatusWidget;
class LiveValueTracker;
class LocalDeployer;
class MainWindow;
class QualityDelegate;
struct WorkbenchOptions;

/// The runtime in the workbench window: Deploy locally / Stop (menu Runtime, toolbar, F5 and
/// Shift+F5), live values in the Attributes dock (read-only while running), quality badges in
/// the instance tree, the Events dock, per-device connection labels in the status bar and Export
/// snapshot. Composes LocalDeployer (runtime + simulators) with the editor's docks; the editor
/// itself knows nothing of the runtime.
class MonitorController : public QObject
{
    Q_OBJECT

public:
    MonitorController(MainWindow *window, const WorkbenchOptions &options);
    ~MonitorController() override;

    /// After the window opened its file: deploys it when --deploy was given.
    void startUp();

    /// Deploys the current document (written to a run file first when unsaved or modified).
    /// False when nothing was started (busy, running, no document, the run file failed).
    bool deployLocally();
    void stop();
    bool isRunning() const;
    bool isBusy() const;
    /// Writes a snapshot of the live model (no dialog); snapshotFinished follows.
    bool exportSnapshot(const QString &fileName);

    /// Where relative storage files go (empty: the model's folder, or the app data folder).
    void setDataDirectory(const QString &dir) { m_dataDir = dir; }
    QString dataDirectory() const { return m_dataDir; }
    /// Deploy errors in a (non-modal) dialog; off for scripted runs.
    void setShowDialogs(bool show) { m_showDialogs = show; }

    LocalDeployer *deployer() const { return m_deployer; }
    runtime::TwinClient *twinClient() const;
    LiveValueTracker *liveValues() const { return m_live; }
    viewers::EventListWidget *eventList() const { return m_events; }
    QDockWidget *eventsDock() const { return m_eventsDock; }
    DeviceStatusWidget *deviceStatus() const { return m_devices; }
    QAction *deployAction() const { return m_deploy; }
    QAction *stopAction() const { return m_stop; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void runningChanged(bool running);
    void snapshotFinished(const QString &fileName, bool ok, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createDock();
    void deployed(const runtime::DeployReport &report);
    void deployFailed(const QString &error, const runtime::DeployReport &report);
    void stopped();
    void setRunningUi(bool running);
    void updateActions();
    void documentChanged(editor::AmlDocument *document);
    void applyLiveValues(const QString &key, const QStringList &attributes);
    void showLiveValuesOfOwner();
    void refreshAttributesDock();
    void deviceStateChanged(const QString &device, int state, const QString &detail);
    void exportSnapshotInteractively();
    void showDeployReport();
    void showError(const QString &title, const QString &text, const QString &details);
    QString runDirectory();
    QString dataDirectoryFor(const editor::AmlDocument &document) const;
    void showStatus(const QString &text, int timeoutMs = 5000);
    void retranslate();

    MainWindow *m_window;
    LocalDeployer *m_deployer;
    LiveValueTracker *m_live;
    QualityDelegate *m_qualityDelegate = nullptr;
    DeviceStatusWidget *m_devices = nullptr;
    viewers::EventListWidget *m_events = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_deploy = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_useSimulator = nullptr;
    QAction *m_report = nullptr;
    QPointer<QAction> m_exportSnapshot;
    QPointer<QMessageBox> m_errorBox;
    QTimer m_repaintTree;
    std::unique_ptr<QTemporaryDir> m_runDir;
    QHash<QString, QString> m_deviceElements; ///< device name -> element instance path
    QString m_dataDir;
    QString m_lastError;
    bool m_deployOnStart = false;
    bool m_showDialogs = true;
    bool m_running = false;
};

} // namespace dt::workbench
