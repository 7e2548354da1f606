// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the centralized refinery twin in the real workbench window, from File > New, with user
// actions only: SUCs and interface classes dragged from the Libraries view onto the hierarchy
// (the library view's mime data dropped through the hierarchy view's model), names typed into
// the views' editors, attribute values set in the Attributes dock's delegate editors, roles and
// interfaces chosen in the class picker, links chosen in the Interfaces & Links dock's partner
// dialog, descriptions typed into the details tab. The example file only says WHAT to build.
// Then the whole session is undone (canonical dump equals the one right after New) and redone
// (dump equals the built one), and the document is saved through Save As (its file dialog
// answered like a user) and compared with resources/examples/refinery-centralized.aml.
// A QAbstractItemModelTester watches every item model of the window and of its dialogs.
#include "testsupport.h"
#include "tst_editordriver.h"
#include "tst_workbenchsemantics.h"
#include "tst_workbenchsupport.h"

#include "mainwindow.h"

#include "document/amldocument.h"
#include "models/attributemodel.h"
#include "models/hierarchyfiltermodel.h"
#include "models/hierarchymodel.h"
#include "models/interfacemodel.h"
#include "models/librarymodel.h"
#include "models/linkmodel.h"
#include "models/problemsmodel.h"
#include "widgets/attributedelegate.h"
#include "widgets/attributesdock.h"
#include "widgets/classpickerdialog.h"
#include "widgets/documentcontroller.h"
#include "widgets/elementdetailswidget.h"
#include "widgets/hierarchydock.h"
#include "widgets/interfacesdock.h"
#include "widgets/librariesdock.h"
#include "widgets/linkpartnerdialog.h"
#include "widgets/problemsdock.h"

#include "model/caexreader.h"
#include "model/jsondump.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dt;
using namespace dt::editor;
using dt::test::editCell;
using dt::test::typeIntoOpenEditor;

class TestWorkbenchBuild : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildFromExample();
    void undoRedoWholeSession();
    void saveAsAndCompare();
    void cleanupTestCase();

private:
    // ---- the window's parts -------------------------------------------------------------------
    AmlDocument *doc() const { return m_window->document(); }
    HierarchyDock *hierarchy() const { return m_window->hierarchyDock(); }
    QTreeView *hierarchyView() const { return hierarchy()->view(); }
    HierarchyModel *hierarchyModel() const { return hierarchy()->hierarchyModel(); }
    AttributeModel *attributeModel() const { return m_window->attributesDock()->attributeModel(); }
    QTreeView *attributeView() const { return m_window->attributesDock()->view(); }
    InterfacesDock *interfacesDock() const { return m_window->interfacesDock(); }
    InterfaceModel *interfaceModel() const { return interfacesDock()->interfaceModel(); }
    QTreeView *interfaceView() const { return interfacesDock()->interfaceView(); }
    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QLatin1StringView(name));
    }

    // ---- user steps (each returns false after recording a failure) ----------------------------
    QModelIndex viewIndex(const QString &key) const;
    QString childKey(const QString &parentKey, int row) const;
    int childCount(const QString &parentKey) const;
    QString childKeyByName(const QString &parentKey, const QString &name) const;
    QString keyForPath(const QString &path) const;
    bool trigger(QAction *action, const QString &what);
    bool selectNode(const QString &key);
    bool dropLibraryClass(const QString &classPath, const QString &targetKey);
    bool pickClass(QAction *action, const QString &classPath);
    /// Types a description into the details tab, then selects otherKey (which commits it).
    bool setDescription(const QString &key, const QString &otherKey, const QString &text);
    bool buildElement(const QString &parentKey, const model::InternalElement &target);
    bool syncAttributes(const OwnerRef &owner, const model::NodeList<model::Attribute> &target,
        const QStringList &parentPath);
    bool addAttribute(const QStringList &parentPath, const QString &name);
    bool syncInterfaces(
        const QString &key, const model::NodeList<model::ExternalInterface> &target);
    bool createLinks(const model::InternalElement &target, const QString &path);
    bool linkInterfaces(const QString &sideA, const QString &sideB);
    bool waitForProblems();

    QTemporaryDir m_dir;
    std::unique_ptr<workbench::MainWindow> m_window;
    model::CaexFile m_example;
    QHash<QString, QString> m_exampleInterfacePaths; ///< interface ID → "element path:name"
    QHash<QString, QString> m_exampleElementPaths; ///< element ID → path
    dt::test::ModelTesters m_testers;
    QStringList m_errors;
    QByteArray m_dumpAfterNew;
    QByteArray m_dumpBuilt;
    int m_undoSteps = 0;
    int m_interfacesAdded = 0;
    bool m_built = false;
};

// ---- lookups through the hierarchy model ---------------------------------------------------

QModelIndex TestWorkbenchBuild::viewIndex(const QString &key) const
{
    return hierarchy()->filterModel()->mapFromSource(hierarchyModel()->indexForKey(key));
}

QString TestWorkbenchBuild::childKey(const QString &parentKey, int row) const
{
    const QModelIndex parent = hierarchyModel()->indexForKey(parentKey);
    return hierarchyModel()->keyForIndex(hierarchyModel()->index(row, 0, parent));
}

int TestWorkbenchBuild::childCount(const QString &parentKey) const
{
    return hierarchyModel()->rowCount(hierarchyModel()->indexForKey(parentKey));
}

QString TestWorkbenchBuild::childKeyByName(const QString &parentKey, const QString &name) const
{
    const QModelIndex parent
        = parentKey.isEmpty() ? QModelIndex() : hierarchyModel()->indexForKey(parentKey);
    for (int row = 0; row < hierarchyModel()->rowCount(parent); ++row) {
        const QModelIndex index = hierarchyModel()->index(row, HierarchyModel::NameColumn, parent);
        if (index.data().toString() == name)
            return hierarchyModel()->keyForIndex(index);
    }
    return QString();
}

QString TestWorkbenchBuild::keyForPath(const QString &path) const
{
    QString key;
    const QStringList names = path.split(u'/');
    for (const QString &name : names) {
        key = childKeyByName(key, name);
        if (key.isEmpty())
            return QString();
    }
    return key;
}

// ---- basic user actions --------------------------------------------------------------------

bool TestWorkbenchBuild::trigger(QAction *action, const QString &what)
{
    EC_CHECK(action, u"no action for "_s + what);
    EC_CHECK(action->isEnabled(), u"action disabled: "_s + what);
    action->trigger();
    return true;
}

bool TestWorkbenchBuild::selectNode(const QString &key)
{
    const QModelIndex index = viewIndex(key);
    EC_CHECK(index.isValid(), u"no row in the hierarchy view for "_s + key);
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        hierarchyView()->expand(parent);
    hierarchyView()->scrollTo(index);
    hierarchyView()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EC_CHECK(hierarchy()->currentKey() == key, u"selecting did not make current: "_s + key);
    return true;
}

bool TestWorkbenchBuild::dropLibraryClass(const QString &classPath, const QString &targetKey)
{
    // The drag starts on the class in the Libraries view and ends on the target row.
    QTreeView *libraryView = m_window->librariesDock()->view();
    const QModelIndex source
        = m_window->librariesDock()->libraryModel()->indexForClassPath(classPath);
    EC_CHECK(source.isValid(), u"class not listed in the Libraries view: "_s + classPath);
    auto *proxy = qobject_cast<QAbstractProxyModel *>(libraryView->model());
    const QModelIndex dragged = proxy ? proxy->mapFromSource(source) : source;
    EC_CHECK(dragged.isValid() && (dragged.flags() & Qt::ItemIsDragEnabled),
        u"class not draggable: "_s + classPath);
    std::unique_ptr<QMimeData> mime(libraryView->model()->mimeData({ dragged }));
    EC_CHECK(mime, u"no drag data for "_s + classPath);

    const QModelIndex target = viewIndex(targetKey);
    QAbstractItemModel *model = hierarchyView()->model();
    // Row and column -1: dropped onto the item, as QAbstractItemView::dropEvent() passes it.
    EC_CHECK(model->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, target),
        u"the hierarchy refuses %1 on %2"_s.arg(classPath, doc()->path(targetKey)));
    EC_CHECK(model->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, target),
        u"dropping %1 failed: %2"_s.arg(classPath, hierarchyModel()->lastError()));
    return true;
}

bool TestWorkbenchBuild::pickClass(QAction *trigger, const QString &classPath)
{
    bool accepted = false;
    dt::test::ModalAnswer answer([&](QWidget *modal) {
        auto *picker = qobject_cast<ClassPickerDialog *>(modal);
        if (!picker) {
            dt::test::closeDialog(modal);
            return;
        }
        m_testers.attach(picker);
        QTreeView *view = picker->view();
        const QModelIndex index
            = dt::test::findByRole(view->model(), LibraryModel::ClassPathRole, classPath);
        if (!index.isValid()) {
            m_testers.detach(picker);
            picker->reject();
            return;
        }
        view->scrollTo(index);
        view->setCurrentIndex(index);
        auto *ok = picker->findChild<QPushButton *>(u"okButton"_s);
        if (!ok || !ok->isEnabled()) {
            m_testers.detach(picker);
            picker->reject();
            return;
        }
        accepted = true;
        m_testers.detach(picker);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    if (!this->trigger(trigger, trigger ? trigger->objectName() : QString()))
        return false;
    EC_CHECK(answer.ran(), u"no class picker appeared for "_s + classPath);
    EC_CHECK(accepted, u"the class picker does not offer "_s + classPath);
    return true;
}

bool TestWorkbenchBuild::setDescription(
    const QString &key, const QString &otherKey, const QString &text)
{
    if (!selectNode(key))
        return false;
    ElementDetailsWidget *details = m_window->detailsWidget();
    EC_CHECK(details->elementKey() == key, u"the details tab does not show "_s + key);
    QPlainTextEdit *edit = details->descriptionEdit();
    edit->setFocus();
    edit->selectAll();
    dt::test::typeText(edit, text);
    // Leaving the field commits; so does selecting another element, which is what we do.
    hierarchyView()->setFocus();
    if (!selectNode(otherKey))
        return false;
    EC_CHECK(doc()->node(key)->caexObject()->description() == text,
        u"the description of %1 was not committed"_s.arg(doc()->path(key)));
    return selectNode(key);
}

// ---- attributes ----------------------------------------------------------------------------

bool TestWorkbenchBuild::addAttribute(const QStringList &parentPath, const QString &name)
{
    AttributesDock *dock = m_window->attributesDock();
    if (parentPath.isEmpty()) {
        if (!trigger(dock->addAction(), u"add attribute"_s))
            return false;
    } else {
        const QModelIndex parent = attributeModel()->indexForPath(parentPath);
        EC_CHECK(parent.isValid(), u"no attribute "_s + parentPath.join(u'/'));
        attributeView()->setCurrentIndex(parent);
        if (!trigger(dock->addNestedAction(), u"add nested attribute"_s))
            return false;
    }
    // The dock starts editing the new attribute's name.
    if (!typeIntoOpenEditor(attributeView(), name))
        return false;
    EC_CHECK(attributeModel()->indexForPath(parentPath + QStringList { name }).isValid(),
        u"attribute not added: "_s + (parentPath + QStringList { name }).join(u'/'));
    return true;
}

bool TestWorkbenchBuild::syncAttributes(const OwnerRef &owner,
    const model::NodeList<model::Attribute> &target, const QStringList &parentPath)
{
    EC_CHECK(attributeModel()->owner() == owner,
        u"the Attributes dock does not show %1"_s.arg(owner.toString()));
    for (const model::Attribute &wanted : target) {
        const QStringList path = parentPath + QStringList { wanted.name };
        if (!attributeModel()->indexForPath(path).isValid()
            && !addAttribute(parentPath, wanted.name))
            return false;
        const auto cell = [&](int column) { return attributeModel()->indexForPath(path, column); };
        // The type first: it chooses the value's editor.
        if (cell(0).data(AttributeModel::DataTypeRole).toString() != wanted.dataType
            && !editCell(attributeView(), cell(AttributeModel::TypeColumn), wanted.dataType)) {
            return false;
        }
        if (cell(0).data(AttributeModel::UnitRole).toString() != wanted.unit
            && !editCell(attributeView(), cell(AttributeModel::UnitColumn), wanted.unit)) {
            return false;
        }
        const QModelIndex value = cell(AttributeModel::ValueColumn);
        const bool hasValue = value.data(AttributeModel::HasValueRole).toBool();
        if (wanted.value && (!hasValue || value.data(Qt::EditRole).toString() != *wanted.value)
            && !editCell(attributeView(), value, *wanted.value)) {
            return false;
        }
        EC_CHECK(
            !wanted.value || cell(AttributeModel::ValueColumn).data(Qt::EditRole) == *wanted.value,
            u"%1 = '%2' after the edit, not '%3'"_s.arg(path.join(u'/'),
                cell(AttributeModel::ValueColumn).data(Qt::EditRole).toString(), *wanted.value));
        if (!syncAttributes(owner, wanted.attributes, path))
            return false;
    }
    // What the class gave but the example does not have goes (select it, Remove).
    const QModelIndex parent
        = parentPath.isEmpty() ? QModelIndex() : attributeModel()->indexForPath(parentPath);
    for (int row = attributeModel()->rowCount(parent) - 1; row >= 0; --row) {
        const QModelIndex index = attributeModel()->index(row, 0, parent);
        if (model::findAttribute(target, index.data().toString()))
            continue;
        attributeView()->setCurrentIndex(index);
        if (!trigger(m_window->attributesDock()->removeAction(), u"remove attribute"_s))
            return false;
    }
    return true;
}

// ---- interfaces and links ------------------------------------------------------------------

bool TestWorkbenchBuild::syncInterfaces(
    const QString &key, const model::NodeList<model::ExternalInterface> &target)
{
    const auto rowOf = [this](const QString &name) {
        for (int row = 0; row < interfaceModel()->rowCount(); ++row)
            if (interfaceModel()->index(row, 0).data().toString() == name)
                return row;
        return -1;
    };
    EC_CHECK((interfaceModel()->owner() == OwnerRef { key, {} }),
        u"the Interfaces dock does not show "_s + doc()->path(key));
    for (const model::ExternalInterface &wanted : target) {
        EC_CHECK(wanted.interfaces.size() == 0,
            u"nested interfaces are not built by this test: "_s + wanted.name);
        if (rowOf(wanted.name) < 0) {
            const int before = interfaceModel()->rowCount();
            // Both ways the GUI offers: "Add…" in the dock (class picker), and dragging the
            // InterfaceClass from the Libraries view onto the element.
            const bool viaPicker = m_interfacesAdded++ % 2 == 0;
            if (viaPicker) {
                if (!pickClass(interfacesDock()->addInterfaceAction(), wanted.refBaseClassPath))
                    return false;
            } else if (!dropLibraryClass(wanted.refBaseClassPath, key)) {
                return false;
            }
            EC_CHECK(interfaceModel()->rowCount() == before + 1,
                u"no interface added for "_s + wanted.name);
            if (!editCell(interfaceView(),
                    interfaceModel()->index(before, InterfaceModel::NameColumn), wanted.name)) {
                return false;
            }
        }
        const int row = rowOf(wanted.name);
        EC_CHECK(row >= 0, u"interface not renamed to "_s + wanted.name);
        // Selecting the interface shows its attributes in the Attributes dock.
        interfaceView()->setCurrentIndex(interfaceModel()->index(row, 0));
        if (!syncAttributes(OwnerRef { key, { wanted.name } }, wanted.attributes, {}))
            return false;
    }
    for (int row = interfaceModel()->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = interfaceModel()->index(row, 0);
        if (model::findInterface(target, index.data().toString()))
            continue;
        interfaceView()->setCurrentIndex(index);
        if (!trigger(interfacesDock()->removeInterfaceAction(), u"remove interface"_s))
            return false;
    }
    return true;
}

bool TestWorkbenchBuild::linkInterfaces(const QString &sideA, const QString &sideB)
{
    // sideA/B: "element path:interface name" as in the example.
    const QString elementA = sideA.section(u':', 0, 0);
    const QString interfaceA = sideA.section(u':', 1);
    const QString elementB = sideB.section(u':', 0, 0);
    const QString interfaceB = sideB.section(u':', 1);
    const QString keyA = keyForPath(elementA);
    EC_CHECK(!keyA.isEmpty(), u"no element "_s + elementA);
    if (!selectNode(keyA))
        return false;
    int row = -1;
    for (int r = 0; r < interfaceModel()->rowCount(); ++r)
        if (interfaceModel()->index(r, 0).data().toString() == interfaceA)
            row = r;
    EC_CHECK(row >= 0, u"no interface "_s + sideA);
    interfaceView()->setCurrentIndex(interfaceModel()->index(row, 0));

    int linksBefore = 0;
    const auto countLinks = [this]() {
        int count = 0;
        std::function<void(const model::NodeList<model::InternalElement> &)> walk
            = [&](const model::NodeList<model::InternalElement> &list) {
                  for (const model::InternalElement &e : list) {
                      count += int(e.internalLinks.size());
                      walk(e.internalElements);
                  }
              };
        for (const model::InstanceHierarchy &h : doc()->file().instanceHierarchies)
            walk(h.internalElements);
        return count;
    };
    linksBefore = countLinks();

    bool chosen = false;
    dt::test::ModalAnswer answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<LinkPartnerDialog *>(modal);
        if (!dialog) {
            dt::test::closeDialog(modal);
            return;
        }
        m_testers.attach(dialog);
        QTreeWidget *tree = dialog->tree();
        QTreeWidgetItem *partner = nullptr;
        for (int i = 0; i < tree->topLevelItemCount() && !partner; ++i) {
            QTreeWidgetItem *element = tree->topLevelItem(i);
            if (element->text(0) != elementB)
                continue;
            for (int c = 0; c < element->childCount(); ++c)
                if (element->child(c)->text(0) == interfaceB)
                    partner = element->child(c);
        }
        auto *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        if (!partner || !ok) {
            m_testers.detach(dialog);
            dialog->reject();
            return;
        }
        tree->scrollToItem(partner);
        tree->setCurrentItem(partner);
        chosen = ok->isEnabled();
        m_testers.detach(dialog);
        if (!chosen) {
            dialog->reject();
            return;
        }
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    if (!trigger(interfacesDock()->linkAction(), u"link interface"_s))
        return false;
    EC_CHECK(answer.ran(), u"no link partner dialog appeared"_s);
    EC_CHECK(chosen, u"the link partner dialog does not offer "_s + sideB);
    EC_CHECK(countLinks() == linksBefore + 1, u"no link created for "_s + sideA);
    return true;
}

bool TestWorkbenchBuild::createLinks(const model::InternalElement &target, const QString &path)
{
    for (const model::InternalLink &link : target.internalLinks) {
        const auto resolve = [this](const QString &ref) {
            if (m_exampleInterfacePaths.contains(ref))
                return m_exampleInterfacePaths.value(ref);
            const qsizetype colon = ref.indexOf(u':');
            if (colon > 0 && m_exampleElementPaths.contains(ref.left(colon)))
                return m_exampleElementPaths.value(ref.left(colon)) + u':' + ref.mid(colon + 1);
            return QString();
        };
        const QString sideA = resolve(link.refPartnerSideA);
        const QString sideB = resolve(link.refPartnerSideB);
        EC_CHECK(!sideA.isEmpty() && !sideB.isEmpty(),
            u"the example's link %1 in %2 does not resolve"_s.arg(link.name, path));
        if (!linkInterfaces(sideA, sideB))
            return false;
    }
    for (const model::InternalElement &child : target.internalElements)
        if (!createLinks(child, path + u'/' + child.name))
            return false;
    return true;
}

// ---- elements ------------------------------------------------------------------------------

bool TestWorkbenchBuild::buildElement(
    const QString &parentKey, const model::InternalElement &target)
{
    QString key = childKeyByName(parentKey, target.name);
    if (key.isEmpty()) {
        const int before = childCount(parentKey);
        if (!target.refBaseSystemUnitPath.isEmpty()) {
            // Drag the SUC onto the parent: an instance named after the class, then F2.
            if (!dropLibraryClass(target.refBaseSystemUnitPath, parentKey))
                return false;
            EC_CHECK(childCount(parentKey) == before + 1,
                u"no instance of "_s + target.refBaseSystemUnitPath);
            key = childKey(parentKey, before);
            if (!selectNode(key))
                return false;
            if (doc()->node(key)->name() != target.name
                && (!trigger(action("actionRename"), u"rename"_s)
                    || !typeIntoOpenEditor(hierarchyView(), target.name))) {
                return false;
            }
        } else {
            // New Child Element: it is selected and its name editor opens at once.
            if (!selectNode(parentKey) || !trigger(action("actionNewChild"), u"new child"_s))
                return false;
            key = hierarchy()->currentKey();
            EC_CHECK(childCount(parentKey) == before + 1 && key == childKey(parentKey, before),
                u"new child element not added and selected"_s);
            if (!typeIntoOpenEditor(hierarchyView(), target.name))
                return false;
        }
    }
    if (!selectNode(key))
        return false;
    const model::InternalElement *element = doc()->element(key);
    EC_CHECK(element && element->name == target.name, u"element not named "_s + target.name);
    if (element->description() != target.description()
        && !setDescription(key, parentKey, target.description())) {
        return false;
    }
    // Role: the example's role (SupportedRoleClass or RoleRequirements) through "Set role…".
    QString wantedRole;
    if (!target.supportedRoleClasses.isEmpty())
        wantedRole = target.supportedRoleClasses.first().refRoleClassPath;
    else if (!target.roleRequirements.isEmpty())
        wantedRole = target.roleRequirements.first().refBaseRoleClassPath;
    const auto hasRole = [&]() {
        const model::InternalElement *e = doc()->element(key);
        for (const model::SupportedRoleClass &role : e->supportedRoleClasses)
            if (role.refRoleClassPath == wantedRole)
                return true;
        for (const model::RoleRequirements &role : e->roleRequirements)
            if (role.refBaseRoleClassPath == wantedRole)
                return true;
        return false;
    };
    if (!wantedRole.isEmpty() && !hasRole()) {
        if (!pickClass(action("actionSetRole"), wantedRole))
            return false;
        EC_CHECK(hasRole(), u"role not set on "_s + target.name);
    }
    if (!syncAttributes(OwnerRef { key, {} }, target.attributes, {}))
        return false;
    if (!syncInterfaces(key, target.interfaces))
        return false;
    for (const model::InternalElement &child : target.internalElements)
        if (!buildElement(key, child))
            return false;
    return true;
}

bool TestWorkbenchBuild::waitForProblems()
{
    ProblemsModel *problems = m_window->problemsDock()->problemsModel();
    EC_CHECK((QTest::qWaitFor([problems]() { return !problems->isBusy(); }, 30000)),
        u"the problems view never finished validating"_s);
    return true;
}

// ---- the tests -----------------------------------------------------------------------------

void TestWorkbenchBuild::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto read = model::CaexReader().readFile(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error()));
    m_example = read.takeValue();
    QCOMPARE(m_example.instanceHierarchies.size(), 1);
    std::function<void(const model::InternalElement &, const QString &)> index
        = [&](const model::InternalElement &e, const QString &path) {
              m_exampleElementPaths.insert(e.id, path);
              for (const model::ExternalInterface &i : e.interfaces)
                  m_exampleInterfacePaths.insert(i.id, path + u':' + i.name);
              for (const model::InternalElement &child : e.internalElements)
                  index(child, path + u'/' + child.name);
          };
    for (const model::InstanceHierarchy &h : m_example.instanceHierarchies)
        for (const model::InternalElement &e : h.internalElements)
            index(e, h.name + u'/' + e.name);

    // The comparison itself can fail: a changed nested value or link partner is seen.
    {
        model::CaexFile changed = m_example;
        model::InternalElement &refinery = changed.instanceHierarchies[0].internalElements[0];
        model::InternalElement *valve1 = model::findChild(refinery.internalElements, u"Valve1");
        QVERIFY(valve1);
        model::Attribute *profile = model::findAttribute(valve1->attributes, u"TorqueProfileOpen");
        QVERIFY(profile && profile->attributes.size() > 1);
        profile->attributes[1].value = u"42"_s;
        QVERIFY(dt::test::SemanticDump(changed).strict != dt::test::SemanticDump(m_example).strict);
        changed = m_example;
        model::InternalElement &refinery2 = changed.instanceHierarchies[0].internalElements[0];
        QVERIFY(refinery2.internalLinks.size() > 1);
        std::swap(
            refinery2.internalLinks[0].refPartnerSideB, refinery2.internalLinks[1].refPartnerSideB);
        QVERIFY(dt::test::SemanticDump(changed).strict != dt::test::SemanticDump(m_example).strict);
    }

    workbench::WorkbenchOptions options;
    options.settingsFile = m_dir.filePath(u"settings.ini"_s);
    options.recoveryDir = m_dir.filePath(u"recovery"_s);
    options.noRestore = true;
    options.language = u"en"_s;
    m_window = std::make_unique<workbench::MainWindow>(options);
    DocumentController *controller = m_window->documentController();
    // Errors must fail the test, not block it in a message box.
    controller->setShowErrors(false);
    connect(controller, &DocumentController::errorOccurred, this,
        [this](const QString &message) { m_errors << message; });
    connect(hierarchyModel(), &HierarchyModel::editFailed, this,
        [this](const QString &message) { m_errors << message; });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->startUp();
    m_testers.attach(m_window.get());
    QVERIFY2(
        m_testers.count() >= 9, qPrintable(u"only %1 item models found"_s.arg(m_testers.count())));
}

void TestWorkbenchBuild::buildFromExample()
{
    QVERIFY(trigger(action("actionNew"), u"File > New"_s));
    QVERIFY(doc());
    QVERIFY(!doc()->isModified());
    QCOMPARE(doc()->undoStack()->count(), 0);
    m_dumpAfterNew = model::dumpJson(doc()->file());
    m_testers.attach(m_window.get());
    QVERIFY2(m_window->librariesDock()->libraryModel()->loadErrors().isEmpty(),
        qPrintable(m_window->librariesDock()->libraryModel()->loadErrors().join(u"; "_s)));

    // The template's instance hierarchy becomes the example's: rename it in place (F2).
    QCOMPARE(int(doc()->hierarchyNodes().size()), 1);
    const model::InstanceHierarchy &plant = m_example.instanceHierarchies[0];
    const QString hierarchyKey = doc()->hierarchyNodes().front()->key;
    QVERIFY(selectNode(hierarchyKey));
    QVERIFY(trigger(action("actionRename"), u"rename"_s));
    QVERIFY(typeIntoOpenEditor(hierarchyView(), plant.name));
    QCOMPARE(doc()->node(hierarchyKey)->name(), plant.name);
    for (const model::InternalElement &element : plant.internalElements)
        QVERIFY(buildElement(hierarchyKey, element));
    if (doc()->node(hierarchyKey)->caexObject()->description() != plant.description())
        QVERIFY(setDescription(hierarchyKey, childKey(hierarchyKey, 0), plant.description()));
    for (const model::InternalElement &element : plant.internalElements)
        QVERIFY(createLinks(element, plant.name + u'/' + element.name));

    // The links dock lists them all, none broken.
    LinkModel *links = interfacesDock()->linkModel();
    links->refresh();
    QTRY_VERIFY(!links->isRebuildPending());
    QCOMPARE(links->brokenCount(), 0);
    QVERIFY(links->rowCount() > 0);

    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QVERIFY(doc()->isModified());
    QVERIFY(dt::test::compareSemantically(m_example, doc()->file()));
    m_dumpBuilt = model::dumpJson(doc()->file());
    m_undoSteps = doc()->undoStack()->index();
    QCOMPARE(m_undoSteps, doc()->undoStack()->count());
    QVERIFY(waitForProblems());
    qInfo(
        "Built with %d undoable steps, %d item models under test", m_undoSteps, m_testers.count());
    m_built = true;
}

void TestWorkbenchBuild::undoRedoWholeSession()
{
    if (!m_built)
        QSKIP("the build step failed");
    QAction *undo = action("actionUndo");
    QAction *redo = action("actionRedo");
    QVERIFY(undo && redo);
    int steps = 0;
    while (undo->isEnabled() && steps <= m_undoSteps) {
        undo->trigger();
        ++steps;
    }
    QCOMPARE(steps, m_undoSteps);
    QCOMPARE(doc()->undoStack()->index(), 0);
    QVERIFY(!doc()->isModified());
    const QByteArray undone = model::dumpJson(doc()->file());
    QVERIFY2(undone == m_dumpAfterNew,
        qPrintable(u"undo did not return to the new document: "_s
            + dt::test::firstDifference(m_dumpAfterNew, undone)));
    // The views followed: only the (renamed back) hierarchy, no links.
    QCOMPARE(hierarchyModel()->rowCount(), 1);
    QCOMPARE(childCount(doc()->hierarchyNodes().front()->key), 0);
    interfacesDock()->linkModel()->refresh();
    QCOMPARE(interfacesDock()->linkModel()->rowCount(), 0);

    steps = 0;
    while (redo->isEnabled() && steps <= m_undoSteps) {
        redo->trigger();
        ++steps;
    }
    QCOMPARE(steps, m_undoSteps);
    const QByteArray redone = model::dumpJson(doc()->file());
    QVERIFY2(redone == m_dumpBuilt,
        qPrintable(u"redo did not restore the built model: "_s
            + dt::test::firstDifference(m_dumpBuilt, redone)));
    QVERIFY(doc()->isModified());
    QVERIFY(waitForProblems());
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
}

void TestWorkbenchBuild::saveAsAndCompare()
{
    if (!m_built)
        QSKIP("the build step failed");
    const QString fileName = m_dir.filePath(u"refinery-built.aml"_s);
    bool answered = false;
    dt::test::ModalAnswer answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        if (!dialog) {
            dt::test::closeDialog(modal);
            return;
        }
        m_testers.attach(dialog);
        // The user types the name and presses Save (QDialog::accept is what the button calls).
        dialog->selectFile(fileName);
        answered = true;
        m_testers.detach(dialog);
        static_cast<QDialog *>(dialog)->accept();
    });
    QVERIFY(trigger(action("actionSaveAs"), u"File > Save As"_s));
    QVERIFY2(answer.ran(), "Save As showed no file dialog");
    QVERIFY(answered);
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QVERIFY(QFileInfo::exists(fileName));
    QCOMPARE(
        QFileInfo(doc()->fileName()).canonicalFilePath(), QFileInfo(fileName).canonicalFilePath());
    QVERIFY(!doc()->isModified());

    auto saved = model::CaexReader().readFile(fileName);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error()));
    QCOMPARE(saved->schemaVersion, model::SchemaVersion::V3_0);
    QVERIFY(dt::test::compareSemantically(m_example, *saved));
}

void TestWorkbenchBuild::cleanupTestCase()
{
    if (!m_testers.skipped().isEmpty())
        qInfo("Qt's own models not under test: %s", qPrintable(m_testers.skipped().join(u", "_s)));
    if (!m_window)
        return;
    waitForProblems();
    m_window->documentController()->setGuardAnswer(DocumentController::GuardAnswer::Discard);
    m_window->close();
    m_testers.detach(m_window.get());
    m_window.reset();
}

QTEST_MAIN(TestWorkbenchBuild)
#include "tst_workbenchbuild.moc"
