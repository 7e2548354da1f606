// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/interfacesdock.h"

#include "widgets/classpickerdialog.h"
#include "widgets/icons.h"
#include "widgets/linkpartnerdialog.h"

#include "commands/addremoveinterface.h"
#include "commands/addremovelink.h"
#include "document/amldocument.h"
#include "models/interfacemodel.h"
#include "models/librarymodel.h"
#include "models/linkmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

QToolBar *smallToolBar(const QString &objectName)
{
    auto *toolBar = new QToolBar;
    toolBar->setObjectName(objectName);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return toolBar;
}

} // namespace

InterfacesDock::InterfacesDock(QWidget *parent)
    : QDockWidget(parent)
    , m_interfaces(new InterfaceModel(this))
    , m_links(new LinkModel(this))
    , m_interfaceView(new QTreeView)
    , m_linkView(new QTableView)
    , m_interfacesLabel(new QLabel)
    , m_linksLabel(new QLabel)
    , m_onlySelection(new QCheckBox)
    , m_addInterface(new QAction(this))
    , m_removeInterface(new QAction(this))
    , m_link(new QAction(this))
    , m_removeLink(new QAction(this))
{
    setObjectName(u"interfacesDock"_s);

    m_interfaceView->setObjectName(u"interfaceView"_s);
    m_interfaceView->setModel(m_interfaces);
    m_interfaceView->setUniformRowHeights(true);
    m_interfaceView->setDragEnabled(true);
    m_interfaceView->setAcceptDrops(true);
    m_interfaceView->setDropIndicatorShown(true);
    m_interfaceView->setDragDropMode(QAbstractItemView::DragDrop);
    m_interfaceView->setDefaultDropAction(Qt::LinkAction);
    m_interfaceView->setEditTriggers(QAbstractItemView::EditKeyPressed
                                     | QAbstractItemView::SelectedClicked);
    m_interfaceView->header()->setStretchLastSection(true);
    m_interfaceView->setColumnWidth(InterfaceModel::NameColumn, 160);
    connect(m_interfaceView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this]() {
                updateActions();
                Q_EMIT interfaceSelected(currentInterface());
            });
    connect(m_interfaces, &QAbstractItemModel::modelReset, this, [this]() {
        m_interfaceView->expandAll();
        updateActions();
    });

    m_linkView->setObjectName(u"linkView"_s);
    m_linkView->setModel(m_links);
    m_linkView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_linkView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_linkView->horizontalHeader()->setStretchLastSection(true);
    m_linkView->verticalHeader()->setVisible(false);
    // One text line per row: the default height fits two on many styles.
    m_linkView->verticalHeader()->setDefaultSectionSize(m_linkView->fontMetrics().height() + 6);
    m_linkView->setWordWrap(false);
    connect(m_linkView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InterfacesDock::updateActions);
    connect(m_linkView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString key = index.data(LinkModel::ContainerKeyRole).toString();
        if (!key.isEmpty())
            Q_EMIT elementActivated(key);
    });
    connect(m_links, &QAbstractItemModel::modelReset, this, &InterfacesDock::updateSummary);
    connect(m_links, &QAbstractItemModel::rowsInserted, this, &InterfacesDock::updateSummary);
    connect(m_links, &QAbstractItemModel::rowsRemoved, this, &InterfacesDock::updateSummary);
    connect(m_links, &QAbstractItemModel::dataChanged, this, &InterfacesDock::updateSummary);

    m_onlySelection->setObjectName(u"linksOfSelectionOnly"_s);
    connect(m_onlySelection, &QCheckBox::toggled, this, [this](bool only) {
        m_links->setElementFilter(only ? m_elementKey : QString());
        updateSummary();
    });

    m_addInterface->setObjectName(u"actionAddInterfaceHere"_s);
    m_addInterface->setIcon(Icons::named(u"interface"_s));
    m_removeInterface->setObjectName(u"actionRemoveInterface"_s);
    m_link->setObjectName(u"actionLinkInterface"_s);
    m_link->setIcon(Icons::named(u"link"_s));
    m_removeLink->setObjectName(u"actionRemoveLink"_s);
    connect(m_addInterface, &QAction::triggered, this, [this]() { addInterface(); });
    connect(m_removeInterface, &QAction::triggered, this, &InterfacesDock::removeCurrentInterface);
    connect(m_link, &QAction::triggered, this, [this]() { linkCurrentInterface(); });
    connect(m_removeLink, &QAction::triggered, this, &InterfacesDock::removeCurrentLink);

    auto *interfaceBar = smallToolBar(u"interfaceToolBar"_s);
    interfaceBar->addAction(m_addInterface);
    interfaceBar->addAction(m_removeInterface);
    interfaceBar->addAction(m_link);
    auto *linkBar = smallToolBar(u"linkToolBar"_s);
    linkBar->addWidget(m_onlySelection);
    linkBar->addAction(m_removeLink);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_interfacesLabel);
    topLayout->addWidget(interfaceBar);
    topLayout->addWidget(m_interfaceView);
    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_linksLabel);
    bottomLayout->addWidget(linkBar);
    bottomLayout->addWidget(m_linkView);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(u"interfacesSplitter"_s);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    setWidget(splitter);
    retranslate();
    updateActions();
}

void InterfacesDock::setDocument(AmlDocument *document)
{
    m_document = document;
    m_elementKey.clear();
    m_interfaces->clear();
    m_links->setDocument(document);
    m_links->setElementFilter(QString());
    updateActions();
    updateSummary();
}

void InterfacesDock::setElement(const QString &key)
{
    m_elementKey = key;
    if (m_document && !key.isEmpty())
        m_interfaces->setOwner(m_document, OwnerRef{key, {}});
    else
        m_interfaces->clear();
    if (m_onlySelection->isChecked())
        m_links->setElementFilter(key);
    updateActions();
    updateSummary();
}

OwnerRef InterfacesDock::currentInterface() const
{
    return m_interfaces->interfaceRef(m_interfaceView->currentIndex());
}

bool InterfacesDock::addInterface(const QString &interfaceClassPath)
{
    if (!m_document || m_elementKey.isEmpty())
        return false;
    QString path = interfaceClassPath;
    if (path.isEmpty()) {
        ClassPickerDialog picker(m_document, LibraryModel::InterfaceClasses, this);
        if (picker.exec() != QDialog::Accepted)
            return false;
        path = picker.selectedPath();
    }
    auto interface = interfaceFromClass(m_document, path);
    if (!interface.ok()) {
        Q_EMIT message(interface.error());
        return false;
    }
    // Interface names are how links address them ("ID:Name"): keep them unique per element.
    const OwnerRef owner{m_elementKey, {}};
    if (const auto *list = m_document->interfaces(owner)) {
        const QString base = interface->name;
        for (int n = 2; model::findInterface(*list, interface->name); ++n)
            interface->name = base + QString::number(n);
    }
    m_document->undoStack()->push(new AddInterface(m_document, owner, interface.takeValue()));
    return true;
}

bool InterfacesDock::linkCurrentInterface(const OwnerRef &partnerRef)
{
    const OwnerRef source = currentInterface();
    if (!m_document || !source.isValid())
        return false;
    OwnerRef partner = partnerRef;
    if (!partner.isValid()) {
        LinkPartnerDialog dialog(m_document, source, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        partner = dialog.selectedPartner();
    }
    auto command = AddLink::connect(m_document, source, partner);
    if (!command) {
        Q_EMIT message(tr("These interfaces cannot be linked: they need IDs and a common "
                          "element."));
        return false;
    }
    m_document->undoStack()->push(command.release());
    return true;
}

bool InterfacesDock::removeCurrentInterface()
{
    const OwnerRef ref = currentInterface();
    if (!m_document || !ref.isValid())
        return false;
    m_document->undoStack()->push(new RemoveInterface(m_document, ref));
    return true;
}

bool InterfacesDock::removeCurrentLink()
{
    const QModelIndex index = m_linkView->currentIndex();
    if (!m_document || !index.isValid())
        return false;
    const QString container = index.data(LinkModel::ContainerKeyRole).toString();
    const int row = index.data(LinkModel::LinkRowRole).toInt();
    if (container.isEmpty())
        return false;
    m_document->undoStack()->push(new RemoveLink(m_document, container, row));
    return true;
}

void InterfacesDock::updateActions()
{
    const bool element = m_document && !m_elementKey.isEmpty();
    const bool interface = element && m_interfaceView->currentIndex().isValid();
    m_addInterface->setEnabled(element);
    m_removeInterface->setEnabled(interface);
    m_link->setEnabled(interface);
    m_removeLink->setEnabled(m_document && m_linkView->currentIndex().isValid());
}

void InterfacesDock::updateSummary()
{
    const int broken = m_links->brokenCount();
    QString text = tr("Links: %n", nullptr, m_links->rowCount());
    if (broken > 0)
        text += u" · "_s + tr("%n broken", nullptr, broken);
    m_linksLabel->setText(text);
    m_interfacesLabel->setText(m_elementKey.isEmpty() || !m_document
                                   ? tr("Interfaces (select an element)")
                                   : tr("Interfaces of %1").arg(m_document->path(m_elementKey)));
}

void InterfacesDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void InterfacesDock::retranslate()
{
    setWindowTitle(tr("Interfaces & Links"));
    m_addInterface->setText(tr("Add…"));
    m_addInterface->setToolTip(tr("Add an interface from an interface class"));
    m_removeInterface->setText(tr("Remove"));
    m_removeInterface->setToolTip(tr("Remove the selected interface and its links"));
    m_link->setText(tr("Link…"));
    m_link->setToolTip(tr("Link the selected interface to another one (or drag it onto "
                          "its partner)"));
    m_removeLink->setText(tr("Remove link"));
    m_onlySelection->setText(tr("Only the selected element"));
    updateSummary();
}

} // namespace dt::editor
