// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workbenchoptions.h"

#include "model/caexfile.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSettings;
class QToolBar;
class QUndoGroup;

namespace dt::editor {
class AmlDocument;
class AttributesDock;
class DocumentController;
class ElementActions;
class ElementDetailsWidget;
class FindDock;
class HierarchyDock;
class InterfacesDock;
class LanguageManager;
class LibrariesDock;
class ProblemsDock;
class RecoveryManager;
class UndoDock;
class WorkbenchSettings;
} // namespace dt::editor

namespace dt::workbench {

class MonitorController;

/// The workbench window. It only composes: the docks, the central details tabs, the actions and
/// menus, and the wiring between them; the work is done by the document controller, the docks'
/// models and the commands. Every action, dock and view has a stable objectName for tests.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const WorkbenchOptions &options = WorkbenchOptions(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    /// What follows the first show: the recovery offer, then the file of the options.
    void startUp();

    editor::AmlDocument *document() const;
    editor::DocumentController *documentController() const { return m_controller; }
    editor::RecoveryManager *recoveryManager() const { return m_recovery; }
    editor::LanguageManager *languageManager() const { return m_language; }
    editor::WorkbenchSettings *workbenchSettings() const { return m_settings.get(); }
    QSettings *settings() const { return m_qsettings; }

    editor::LibrariesDock *librariesDock() const { return m_librariesDock; }
    editor::HierarchyDock *hierarchyDock() const { return m_hierarchyDock; }
    editor::AttributesDock *attributesDock() const { return m_attributesDock; }
    editor::InterfacesDock *interfacesDock() const { return m_interfacesDock; }
    editor::ProblemsDock *problemsDock() const { return m_problemsDock; }
    editor::UndoDock *undoDock() const { return m_undoDock; }
    editor::FindDock *findDock() const { return m_findDock; }
    editor::ElementDetailsWidget *detailsWidget() const { return m_details; }
    editor::ElementActions *elementActions() const { return m_elementActions; }
    /// The runtime in the window (Deploy locally, live values, events): see MonitorController.
    MonitorController *monitorController() const { return m_monitor; }

    /// Opens a file (the unsaved-changes guard first). False when it failed or was cancelled.
    bool openFile(const QString &fileName);
    /// Saves under a name in a version (the document's version when none is given).
    bool saveFileAs(const QString &fileName,
                    std::optional<model::SchemaVersion> version = std::nullopt);
    /// Selects an element (or a class of the document) by key in the docks.
    bool selectElement(const QString &key);
    /// Switches the UI language ("en", "de", "pt_BR"; empty: the system's) and remembers it.
    bool setLanguage(const QString &code);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void connectDocks();
    void retranslate();
    void documentChanged(editor::AmlDocument *document);
    void currentElementChanged(const QString &key);
    void updateTitle();
    void updateUndoActions();
    void updateRecentFilesMenu();
    void showPreferences();
    void showAbout();
    void showStatus(const QString &text, int timeoutMs = 5000);
    QAction *createAction(const QString &objectName, const QKeySequence &shortcut = {},
                       const QString &icon = QString());

    QSettings *m_qsettings = nullptr;
    std::unique_ptr<editor::WorkbenchSettings> m_settings;
    WorkbenchOptions m_options;
    editor::LanguageManager *m_language = nullptr;
    editor::RecoveryManager *m_recovery = nullptr;
    editor::DocumentController *m_controller = nullptr;
    QUndoGroup *m_undoGroup = nullptr;

    editor::LibrariesDock *m_librariesDock = nullptr;
    editor::HierarchyDock *m_hierarchyDock = nullptr;
    editor::AttributesDock *m_attributesDock = nullptr;
    editor::InterfacesDock *m_interfacesDock = nullptr;
    editor::ProblemsDock *m_problemsDock = nullptr;
    editor::UndoDock *m_undoDock = nullptr;
    editor::FindDock *m_findDock = nullptr;
    editor::ElementDetailsWidget *m_details = nullptr;
    editor::ElementActions *m_elementActions = nullptr;
    MonitorController *m_monitor = nullptr;

    QAction *m_new = nullptr;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_importLibrary = nullptr;
    QAction *m_exportSnapshot = nullptr;
    QAction *m_preferences = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_find = nullptr;
    QAction *m_clearRecent = nullptr;
    QAction *m_about = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_elementMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_problemsLabel = nullptr;
};

} // namespace dt::workbench
