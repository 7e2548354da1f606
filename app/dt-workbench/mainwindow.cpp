// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "monitorcontroller.h"

#include "widgets/attributesdock.h"
#include "widgets/documentcontroller.h"
#include "widgets/documentio.h"
#include "widgets/elementactions.h"
#include "widgets/elementdetailswidget.h"
#include "widgets/finddock.h"
#include "widgets/hierarchydock.h"
#include "widgets/icons.h"
#include "widgets/interfacesdock.h"
#include "widgets/languagemanager.h"
#include "widgets/librariesdock.h"
#include "widgets/preferencesdialog.h"
#include "widgets/problemsdock.h"
#include "widgets/recoverymanager.h"
#include "widgets/undodock.h"
#include "widgets/workbenchsettings.h"

#include "document/amldocument.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dt::workbench {

using namespace dt::editor;

namespace {

/// The local .aml file among dropped URLs, or empty.
QString droppedAmlFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(u".aml"_s, Qt::CaseInsensitive))
            return url.toLocalFile();
    }
    return QString();
}

} // namespace

MainWindow::MainWindow(const WorkbenchOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::named(u"DigitalTwin"_s));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    m_qsettings = options.settingsFile.isEmpty()
        ? new QSettings(this)
        : new QSettings(options.settingsFile, QSettings::IniFormat, this);
    m_settings = std::make_unique<WorkbenchSettings>(m_qsettings);

    m_language = new LanguageManager(this);
    const QString language = options.language.isEmpty() ? m_settings->language() : options.language;
    m_language->setLanguage(language);

    m_recovery = new RecoveryManager(options.recoveryDir, this);
    if (m_recovery->start())
        m_recovery->setIntervalMinutes(m_settings->autosaveMinutes());
    m_controller = new DocumentController(this, m_settings.get(), m_recovery, this);
    m_undoGroup = new QUndoGroup(this);

    createDocks();
    createActions();
    createMenus();
    connectDocks();

    m_problemsLabel = new QLabel;
    m_problemsLabel->setObjectName(u"statusProblems"_s);
    statusBar()->setObjectName(u"statusBar"_s);
    statusBar()->addPermanentWidget(m_problemsLabel);

    // The runtime (issue 4): its menu, dock, status labels and live overlays, composed apart.
    // Before the layout restore below, so that the Events dock gets its saved place.
    m_monitor = new MonitorController(this, options);

    connect(m_controller, &DocumentController::documentChanged, this,
            &MainWindow::documentChanged);
    connect(m_controller, &DocumentController::statusMessage, this, &MainWindow::showStatus);
    connect(m_controller, &DocumentController::recentFilesChanged, this,
            &MainWindow::updateRecentFilesMenu);
    connect(m_controller->io(), &DocumentIO::busyChanged, this, [this](bool busy) {
        for (QAction *action : {m_new, m_open, m_save, m_saveAs, m_importLibrary})
            action->setEnabled(!busy);
    });

    retranslate();
    resize(1400, 900);
    if (!options.noRestore) {
        restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
    }
    m_controller->newDocument();
    updateRecentFilesMenu();
}

MainWindow::~MainWindow()
{
    // Docks and models let go of the document before the controller deletes it.
    m_controller->setDocument(nullptr);
}

void MainWindow::startUp()
{
    m_controller->offerRecovery();
    if (!m_options.fileToOpen.isEmpty())
        openFile(m_options.fileToOpen);
    m_monitor->startUp(); // --deploy
}

AmlDocument *MainWindow::document() const
{
    return m_controller->document();
}

void MainWindow::createDocks()
{
    m_librariesDock = new LibrariesDock(this);
    m_hierarchyDock = new HierarchyDock(this);
    m_attributesDock = new AttributesDock(this);
    m_interfacesDock = new InterfacesDock(this);
    m_problemsDock = new ProblemsDock(this);
    m_undoDock = new UndoDock(this);
    m_findDock = new FindDock(this);
    m_details = new ElementDetailsWidget(this);
    setCentralWidget(m_details);

    addDockWidget(Qt::LeftDockWidgetArea, m_hierarchyDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_librariesDock);
    addDockWidget(Qt::RightDockWidgetArea, m_attributesDock);
    addDockWidget(Qt::RightDockWidgetArea, m_interfacesDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_findDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_undoDock);
    tabifyDockWidget(m_problemsDock, m_findDock);
    tabifyDockWidget(m_findDock, m_undoDock);
    m_problemsDock->raise();
    resizeDocks({m_hierarchyDock, m_attributesDock}, {340, 420}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {180}, Qt::Vertical);

    m_elementActions = new ElementActions(m_hierarchyDock, m_interfacesDock, this);
}

QAction *MainWindow::createAction(const QString &objectName, const QKeySequence &shortcut,
                               const QString &icon)
{
    auto *action = new QAction(this);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!icon.isEmpty())
        action->setIcon(Icons::named(icon));
    QMainWindow::addAction(action); // window-wide shortcut even with the menu bar hidden
    return action;
}

void MainWindow::createActions()
{
    m_new = createAction(u"actionNew"_s, QKeySequence::New, u"element"_s);
    m_open = createAction(u"actionOpen"_s, QKeySequence::Open, u"hierarchy"_s);
    m_save = createAction(u"actionSave"_s, QKeySequence::Save);
    m_saveAs = createAction(u"actionSaveAs"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_importLibrary = createAction(u"actionImportLibrary"_s,
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), u"library"_s);
    m_exportSnapshot = createAction(u"actionExportSnapshot"_s,
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportSnapshot->setEnabled(false); // the runtime issue enables it
    m_preferences = createAction(u"actionPreferences"_s, QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferences->setMenuRole(QAction::PreferencesRole);
    m_quit = createAction(u"actionQuit"_s, QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    m_undo = createAction(u"actionUndo"_s, QKeySequence::Undo);
    m_redo = createAction(u"actionRedo"_s, QKeySequence::Redo);
    m_find = createAction(u"actionFind"_s, QKeySequence::Find);
    m_clearRecent = new QAction(this);
    m_clearRecent->setObjectName(u"actionClearRecentFiles"_s);
    m_about = new QAction(this);
    m_about->setObjectName(u"actionAbout"_s);
    m_about->setMenuRole(QAction::AboutRole);

    connect(m_new, &QAction::triggered, m_controller, &DocumentController::newDocument);
    connect(m_open, &QAction::triggered, m_controller, [this]() { m_controller->open(); });
    connect(m_save, &QAction::triggered, m_controller, &DocumentController::save);
    connect(m_saveAs, &QAction::triggered, m_controller, [this]() { m_controller->saveAs(); });
    connect(m_importLibrary, &QAction::triggered, m_controller,
            [this]() { m_controller->importLibrary(); });
    connect(m_preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_undo, &QAction::triggered, m_undoGroup, &QUndoGroup::undo);
    connect(m_redo, &QAction::triggered, m_undoGroup, &QUndoGroup::redo);
    connect(m_undoGroup, &QUndoGroup::canUndoChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::canRedoChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::undoTextChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::redoTextChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoGroup, &QUndoGroup::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_find, &QAction::triggered, this, [this]() {
        m_findDock->show();
        m_findDock->raise();
        m_findDock->focusQuery();
    });
    connect(m_clearRecent, &QAction::triggered, this, [this]() {
        m_settings->clearRecentFiles();
        updateRecentFilesMenu();
    });
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(u"menuFile"_s);
    m_fileMenu->addAction(m_new);
    m_fileMenu->addAction(m_open);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(u"menuRecentFiles"_s);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_save);
    m_fileMenu->addAction(m_saveAs);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importLibrary);
    m_fileMenu->addAction(m_exportSnapshot);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_preferences);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->setObjectName(u"menuEdit"_s);
    m_editMenu->addAction(m_undo);
    m_editMenu->addAction(m_redo);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_elementActions->cutAction());
    m_editMenu->addAction(m_elementActions->copyAction());
    m_editMenu->addAction(m_elementActions->pasteAction());
    m_editMenu->addAction(m_elementActions->duplicateAction());
    m_editMenu->addAction(m_elementActions->deleteAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_find);

    m_elementMenu = menuBar()->addMenu(QString());
    m_elementMenu->setObjectName(u"menuElement"_s);
    m_elementMenu->addAction(m_elementActions->newChildAction());
    m_elementMenu->addAction(m_elementActions->renameAction());
    m_elementMenu->addAction(m_elementActions->setRoleAction());
    m_elementMenu->addAction(m_elementActions->addInterfaceAction());

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(u"menuView"_s);
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_hierarchyDock),
                              static_cast<QDockWidget *>(m_librariesDock),
                              static_cast<QDockWidget *>(m_attributesDock),
                              static_cast<QDockWidget *>(m_interfacesDock),
                              static_cast<QDockWidget *>(m_problemsDock),
                              static_cast<QDockWidget *>(m_findDock),
                              static_cast<QDockWidget *>(m_undoDock)}) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(u"actionShow"_s + dock->objectName());
        m_viewMenu->addAction(toggle);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"menuHelp"_s);
    m_helpMenu->addAction(m_about);

    m_toolBar = QMainWindow::addToolBar(QString());
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_new);
    m_toolBar->addAction(m_open);
    m_toolBar->addAction(m_save);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_elementActions->newChildAction());
    m_toolBar->addAction(m_elementActions->setRoleAction());
    m_toolBar->addAction(m_elementActions->addInterfaceAction());
}

void MainWindow::connectDocks()
{
    connect(m_hierarchyDock, &HierarchyDock::currentKeyChanged, this,
            &MainWindow::currentElementChanged);
    connect(m_hierarchyDock, &HierarchyDock::message, this,
            [this](const QString &text) { showStatus(text); });
    connect(m_elementActions, &ElementActions::message, this,
            [this](const QString &text) { showStatus(text); });
    connect(m_interfacesDock, &InterfacesDock::message, this,
            [this](const QString &text) { showStatus(text); });
    connect(m_interfacesDock, &InterfacesDock::interfaceSelected, this,
            [this](const OwnerRef &interface) {
                if (interface.isValid())
                    m_attributesDock->setOwner(document(), interface);
                else
                    m_attributesDock->setOwner(document(),
                                               OwnerRef{m_hierarchyDock->currentKey(), {}});
            });
    connect(m_librariesDock, &LibrariesDock::classSelected, this,
            [this](const model::ElementRef &cls, const QString &key) {
                if (!key.isEmpty())
                    m_attributesDock->setOwner(document(), OwnerRef{key, {}});
                else if (cls.isValid())
                    m_attributesDock->setExternalClass(document(), cls);
            });
    connect(m_interfacesDock, &InterfacesDock::elementActivated, this, &MainWindow::selectElement);
    connect(m_problemsDock, &ProblemsDock::elementActivated, this, &MainWindow::selectElement);
    connect(m_findDock, &FindDock::elementActivated, this, &MainWindow::selectElement);
    connect(m_problemsDock, &ProblemsDock::summaryChanged, this,
            [this](const QString &summary) { m_problemsLabel->setText(summary); });
}

void MainWindow::documentChanged(AmlDocument *document)
{
    m_librariesDock->setDocument(document);
    m_interfacesDock->setDocument(document);
    m_problemsDock->setDocument(document);
    m_findDock->setDocument(document);
    m_details->setDocument(document);
    m_elementActions->setDocument(document);
    m_attributesDock->clear();
    // Last: its new current element reaches docks that already show the new document.
    m_hierarchyDock->setDocument(document);
    QUndoStack *stack = document ? document->undoStack() : nullptr;
    if (stack) {
        m_undoGroup->addStack(stack);
        connect(document, &AmlDocument::fileNameChanged, this, &MainWindow::updateTitle);
        connect(document, &AmlDocument::modifiedChanged, this, &MainWindow::updateTitle);
    }
    m_undoGroup->setActiveStack(stack);
    m_undoDock->setStack(stack);
    currentElementChanged(m_hierarchyDock->currentKey());
    updateTitle();
    updateUndoActions();
    const bool hasDocument = document != nullptr;
    m_save->setEnabled(hasDocument);
    m_saveAs->setEnabled(hasDocument);
    m_importLibrary->setEnabled(hasDocument);
}

void MainWindow::currentElementChanged(const QString &key)
{
    AmlDocument *doc = document();
    m_details->setElement(key);
    m_attributesDock->setOwner(doc, OwnerRef{key, {}});
    m_interfacesDock->setElement(doc && doc->element(key) ? key : QString());
}

bool MainWindow::selectElement(const QString &key)
{
    AmlDocument *doc = document();
    if (!doc || key.isEmpty())
        return false;
    if (m_hierarchyDock->selectKey(key)) {
        m_hierarchyDock->show();
        m_hierarchyDock->raise();
        return true;
    }
    // Not in the instance tree: a class of the document's own libraries.
    if (m_librariesDock->selectClassPath(doc->path(key))) {
        m_librariesDock->show();
        m_librariesDock->raise();
        return true;
    }
    return false;
}

bool MainWindow::openFile(const QString &fileName)
{
    return m_controller->open(fileName);
}

bool MainWindow::saveFileAs(const QString &fileName, std::optional<model::SchemaVersion> version)
{
    return m_controller->saveAs(fileName, version);
}

bool MainWindow::setLanguage(const QString &code)
{
    if (!m_language->setLanguage(code))
        return false;
    m_settings->setLanguage(code);
    return true;
}

void MainWindow::updateTitle()
{
    AmlDocument *doc = document();
    const QString name = !doc ? QString()
        : doc->fileName().isEmpty() ? tr("Untitled")
                                    : QFileInfo(doc->fileName()).fileName();
    setWindowTitle(name.isEmpty() ? tr("DT Workbench")
                                  : tr("%1[*] — DT Workbench").arg(name));
    setWindowModified(doc && doc->isModified());
    setWindowFilePath(doc ? doc->fileName() : QString());
}

void MainWindow::updateUndoActions()
{
    // Own texts instead of QUndoGroup::createUndoAction(), so they follow the UI language.
    const QString undoText = m_undoGroup->undoText();
    const QString redoText = m_undoGroup->redoText();
    m_undo->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
    m_redo->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoText));
    m_undo->setEnabled(m_undoGroup->canUndo());
    m_redo->setEnabled(m_undoGroup->canRedo());
}

void MainWindow::updateRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        QAction *action = m_recentMenu->addAction(
            u"&%1 %2"_s.arg(i + 1).arg(QDir::toNativeSeparators(file)));
        action->setObjectName(u"actionRecentFile%1"_s.arg(i + 1));
        connect(action, &QAction::triggered, this, [this, file]() { openFile(file); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecent);
    m_clearRecent->setEnabled(!files.isEmpty());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.setLanguage(m_settings->language());
    dialog.setAutosaveMinutes(m_settings->autosaveMinutes());
    dialog.setLibraryFolders(m_settings->libraryFolders());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings->setAutosaveMinutes(dialog.autosaveMinutes());
    m_settings->setLibraryFolders(dialog.libraryFolders());
    m_recovery->setIntervalMinutes(dialog.autosaveMinutes());
    if (dialog.language() != m_settings->language())
        setLanguage(dialog.language());
    m_settings->sync();
}

void MainWindow::showAbout()
{
    QMessageBox box(QMessageBox::Information, tr("About DT Workbench"),
                    tr("<b>DT Workbench %1</b><p>Model, deploy and monitor AutomationML digital "
                       "twins.</p>")
                        .arg(QCoreApplication::applicationVersion()),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"aboutDialog"_s);
    box.setIconPixmap(Icons::named(u"DigitalTwin"_s).pixmap(64, 64));
    box.addButton(tr("OK"), QMessageBox::AcceptRole);
    box.exec();
}

void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_controller->io()->isBusy() || !m_controller->maybeSave()) {
        event->ignore();
        return;
    }
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->sync();
    m_recovery->finish();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedAmlFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString file = droppedAmlFile(event->mimeData());
    if (file.isEmpty())
        return;
    event->acceptProposedAction();
    // Opened after the drop returns: the source application is not kept waiting on a dialog.
    QMetaObject::invokeMethod(this, [this, file]() { openFile(file); }, Qt::QueuedConnection);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_elementMenu->setTitle(tr("E&lement"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));

    m_new->setText(tr("&New"));
    m_new->setToolTip(tr("New document from the template with the DT libraries"));
    m_open->setText(tr("&Open…"));
    m_save->setText(tr("&Save"));
    m_saveAs->setText(tr("Save &As…"));
    m_saveAs->setToolTip(tr("Save under a new name, as CAEX 3.0 or 2.15"));
    m_importLibrary->setText(tr("&Import Library…"));
    m_importLibrary->setToolTip(tr("Reference a library file so its classes can be used"));
    m_exportSnapshot->setText(tr("E&xport Snapshot…"));
    m_exportSnapshot->setToolTip(
        tr("Export the live model with current values (available with a running twin)"));
    m_preferences->setText(tr("&Preferences…"));
    m_quit->setText(tr("&Quit"));
    m_find->setText(tr("&Find…"));
    m_find->setToolTip(tr("Find elements by name, path or XPath"));
    m_clearRecent->setText(tr("&Clear List"));
    m_about->setText(tr("&About DT Workbench"));
    m_elementActions->retranslate();
    updateUndoActions();
    updateTitle();
}

} // namespace dt::workbench
