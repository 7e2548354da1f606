// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/elementactions.h"

#include "widgets/classpickerdialog.h"
#include "widgets/hierarchydock.h"
#include "widgets/icons.h"
#include "widgets/interfacesdock.h"

#include "commands/addremoveelement.h"
#include "commands/instantiateclass.h"
#include "commands/pasteelements.h"
#include "commands/setrole.h"
#include "document/amldocument.h"
#include "models/librarymodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QUndoStack>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

QAction *makeAction(QObject *parent, const QString &objectName, const QKeySequence &shortcut)
{
    auto *action = new QAction(parent);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

} // namespace

ElementActions::ElementActions(HierarchyDock *hierarchy, InterfacesDock *interfaces,
                               QWidget *dialogParent)
    : QObject(hierarchy)
    , m_hierarchy(hierarchy)
    , m_interfaces(interfaces)
    , m_dialogParent(dialogParent)
    , m_newChild(makeAction(this, u"actionNewChild"_s, QKeySequence(Qt::CTRL | Qt::Key_Insert)))
    , m_rename(makeAction(this, u"actionRename"_s, QKeySequence(Qt::Key_F2)))
    , m_setRole(makeAction(this, u"actionSetRole"_s, QKeySequence(Qt::CTRL | Qt::Key_R)))
    , m_addInterface(makeAction(this, u"actionAddInterface"_s,
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)))
    , m_copy(makeAction(this, u"actionCopy"_s, QKeySequence::Copy))
    , m_cut(makeAction(this, u"actionCut"_s, QKeySequence::Cut))
    , m_paste(makeAction(this, u"actionPaste"_s, QKeySequence::Paste))
    , m_duplicate(makeAction(this, u"actionDuplicate"_s, QKeySequence(Qt::CTRL | Qt::Key_D)))
    , m_delete(makeAction(this, u"actionDelete"_s, QKeySequence::Delete))
{
    m_newChild->setIcon(Icons::named(u"element"_s));
    m_setRole->setIcon(Icons::named(u"roleclass"_s));
    m_addInterface->setIcon(Icons::named(u"interface"_s));
    connect(m_newChild, &QAction::triggered, this, [this]() { newChildElement(); });
    connect(m_rename, &QAction::triggered, m_hierarchy, &HierarchyDock::renameCurrent);
    connect(m_setRole, &QAction::triggered, this, [this]() { setRole(); });
    connect(m_addInterface, &QAction::triggered, this, [this]() {
        if (m_interfaces)
            m_interfaces->addInterface();
    });
    connect(m_copy, &QAction::triggered, this, &ElementActions::copy);
    connect(m_cut, &QAction::triggered, this, &ElementActions::cut);
    connect(m_paste, &QAction::triggered, this, &ElementActions::paste);
    connect(m_duplicate, &QAction::triggered, this, &ElementActions::duplicate);
    connect(m_delete, &QAction::triggered, this, &ElementActions::deleteSelection);

    // Shortcuts live on the hierarchy dock (WidgetWithChildrenShortcut), see the class comment.
    m_hierarchy->addActions({m_newChild, m_rename, m_setRole, m_addInterface, m_copy, m_cut,
                             m_paste, m_duplicate, m_delete});
    m_hierarchy->setContextActions(contextActions());
    connect(m_hierarchy, &HierarchyDock::selectionChanged, this, &ElementActions::updateEnabled);
    connect(m_hierarchy, &HierarchyDock::currentKeyChanged, this, &ElementActions::updateEnabled);
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this,
            &ElementActions::updateEnabled);
    retranslate();
    updateEnabled();
}

void ElementActions::setDocument(AmlDocument *document)
{
    m_document = document;
    updateEnabled();
}

QList<QAction *> ElementActions::contextActions() const
{
    return {m_newChild, m_rename, m_setRole, m_addInterface, nullptr, m_cut, m_copy, m_paste,
            m_duplicate, nullptr, m_delete};
}

QStringList ElementActions::selectedElementKeys() const
{
    QStringList keys;
    if (!m_document)
        return keys;
    const QStringList selected = m_hierarchy->selectedKeys();
    for (const QString &key : selected) {
        if (m_document->element(key))
            keys.append(key);
    }
    return keys;
}

void ElementActions::updateEnabled()
{
    const bool hasDocument = m_document != nullptr;
    const QString current = m_hierarchy->currentKey();
    const bool hasNode = hasDocument && !current.isEmpty();
    const bool hasElements = !selectedElementKeys().isEmpty();
    const QMimeData *clipboard = QGuiApplication::clipboard()->mimeData();
    const bool canPaste = hasDocument && clipboard
        && clipboard->hasFormat(QLatin1StringView(ElementsMimeType));
    m_newChild->setEnabled(hasDocument);
    m_rename->setEnabled(hasNode);
    m_setRole->setEnabled(hasElements);
    m_addInterface->setEnabled(hasDocument && m_document->element(current));
    m_copy->setEnabled(hasElements);
    m_cut->setEnabled(hasElements);
    m_paste->setEnabled(canPaste);
    m_duplicate->setEnabled(hasElements);
    m_delete->setEnabled(hasElements);
}

bool ElementActions::newChildElement(const QString &requestedName)
{
    if (!m_document)
        return false;
    QString parentKey = m_hierarchy->currentKey();
    if (parentKey.isEmpty() && !m_document->hierarchyNodes().empty())
        parentKey = m_document->hierarchyNodes().front()->key;
    if (parentKey.isEmpty()) {
        Q_EMIT message(tr("The document has no instance hierarchy to add to."));
        return false;
    }
    const QString base = requestedName.isEmpty() ? tr("Element") : requestedName;
    auto command = AddElement::newChild(m_document, parentKey, -1,
                                        uniqueChildName(*m_document, parentKey, base));
    if (!command)
        return false;
    AddElement *add = command.get();
    m_document->undoStack()->push(command.release());
    m_hierarchy->selectKey(add->key());
    if (requestedName.isEmpty())
        m_hierarchy->renameCurrent();
    return true;
}

bool ElementActions::setRole(const QString &roleClassPath)
{
    const QStringList keys = selectedElementKeys();
    if (!m_document || keys.isEmpty())
        return false;
    QString path = roleClassPath;
    if (path.isEmpty()) {
        ClassPickerDialog picker(m_document, LibraryModel::RoleClasses, m_dialogParent);
        if (picker.exec() != QDialog::Accepted)
            return false;
        path = picker.selectedPath();
        if (path.isEmpty())
            return false;
    }
    QUndoStack *stack = m_document->undoStack();
    if (keys.size() > 1)
        stack->beginMacro(tr("Set role of %n element(s)", nullptr, int(keys.size())));
    for (const QString &key : keys)
        stack->push(new SetRole(m_document, key, path));
    if (keys.size() > 1)
        stack->endMacro();
    return true;
}

bool ElementActions::copy()
{
    const QStringList keys = selectedElementKeys();
    if (!m_document || keys.isEmpty())
        return false;
    QMimeData *mime = mimeDataForElements(*m_document, keys);
    if (!mime)
        return false;
    QGuiApplication::clipboard()->setMimeData(mime);
    Q_EMIT message(tr("Copied %n element(s)", nullptr, int(keys.size())));
    updateEnabled();
    return true;
}

bool ElementActions::cut()
{
    if (!copy())
        return false;
    auto command = removeElements(m_document, selectedElementKeys());
    if (!command)
        return false;
    command->setText(tr("Cut"));
    m_document->undoStack()->push(command.release());
    return true;
}

bool ElementActions::paste()
{
    if (!m_document)
        return false;
    QString parentKey = m_hierarchy->currentKey();
    if (parentKey.isEmpty() && !m_document->hierarchyNodes().empty())
        parentKey = m_document->hierarchyNodes().front()->key;
    if (parentKey.isEmpty())
        return false;
    auto command = pasteFromMimeData(m_document, parentKey, -1,
                                     QGuiApplication::clipboard()->mimeData());
    if (!command.ok()) {
        Q_EMIT message(command.error());
        return false;
    }
    PasteElements *paste = command->get();
    m_document->undoStack()->push(command->release());
    const QStringList keys = paste->keys();
    if (!keys.isEmpty())
        m_hierarchy->selectKey(keys.first());
    return true;
}

bool ElementActions::duplicate()
{
    const QStringList keys = selectedElementKeys();
    if (!m_document || keys.isEmpty())
        return false;
    auto command = duplicateElements(m_document, keys);
    if (!command)
        return false;
    m_document->undoStack()->push(command.release());
    return true;
}

bool ElementActions::deleteSelection()
{
    const QStringList keys = selectedElementKeys();
    if (!m_document || keys.isEmpty())
        return false;
    const QList<RemovedLink> links = RemoveElement::linksInto(*m_document, keys);
    auto command = removeElements(m_document, keys);
    if (!command)
        return false;
    m_document->undoStack()->push(command.release());
    if (links.isEmpty()) {
        Q_EMIT message(tr("Deleted %n element(s)", nullptr, int(keys.size())));
    } else {
        QStringList names;
        for (const RemovedLink &link : links)
            names.append(link.name);
        Q_EMIT message(tr("Deleted %n element(s) and the links to them: %1", nullptr,
                          int(keys.size()))
                           .arg(names.join(u", "_s)));
    }
    return true;
}

void ElementActions::retranslate()
{
    m_newChild->setText(tr("New &Child Element"));
    m_newChild->setToolTip(tr("Add an empty element under the selected one"));
    m_rename->setText(tr("Re&name"));
    m_setRole->setText(tr("Set &Role…"));
    m_setRole->setToolTip(tr("Choose the role class the selected elements support"));
    m_addInterface->setText(tr("Add &Interface…"));
    m_addInterface->setToolTip(tr("Add an interface from an interface class"));
    m_copy->setText(tr("&Copy"));
    m_cut->setText(tr("Cu&t"));
    m_paste->setText(tr("&Paste"));
    m_duplicate->setText(tr("D&uplicate"));
    m_duplicate->setToolTip(tr("Copy the selected elements next to themselves, with new IDs"));
    m_delete->setText(tr("&Delete"));
    m_delete->setToolTip(tr("Delete the selected elements and the links to them"));
}

} // namespace dt::editor
