// SPDX-License-Identifier: GPL-3.0-or-later
// Every undo command: redo, undo, redo again give the same canonical dumps (model/jsondump.h),
// the key index stays in step with the model, and a scripted session that builds a small twin
// undoes back to the empty template and redoes to the same twin.
#include "commands/addremoveattribute.h"
#include "commands/addremoveelement.h"
#include "commands/addremoveinterface.h"
#include "commands/addremovelink.h"
#include "commands/changeattribute.h"
#include "commands/changeelement.h"
#include "commands/importlibrary.h"
#include "commands/instantiateclass.h"
#include "commands/moveelement.h"
#include "commands/pasteelements.h"
#include "commands/setrole.h"
#include "document/amldocument.h"
#include "testsupport.h"

#include "model/instantiation.h"
#include "model/jsondump.h"
#include "model/resolver.h"

#include <QMimeData>
#include <QSet>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace dt::editor;
using dt::model::dumpJson;

namespace {

const QString valveClass = u"DTValves@ValveLib/MotorOperatedValve"_s;
const QString clientClass = u"DTComponents@DigitalTwinComponentLib/ModbusTCPClient"_s;
const QString twinClass = u"DTComponents@DigitalTwinComponentLib/DigitalTwin"_s;
const QString modbusVariable = u"DTInterfaces@DigitalTwinInterfaceClassLib/ModbusVariable"_s;
const QString valve1 = u"e0010004-0000-4000-8000-000000000002"_s;
const QString refinery = u"e0010004-0000-4000-8000-000000000001"_s;

QString libraryDir()
{
    return dt::test::sourceDir() + u"/resources/libraries"_s;
}

std::unique_ptr<AmlDocument> example()
{
    auto opened = AmlDocument::open(dt::test::exampleFile(u"refinery-centralized.aml"_s));
    return opened ? opened.takeValue() : nullptr;
}

/// The key index mirrors the model: same children, rows, parents and objects everywhere.
void checkIndex(const AmlDocument &document)
{
    const auto &hierarchies = document.file().instanceHierarchies;
    QCOMPARE(int(document.hierarchyNodes().size()), hierarchies.size());
    int count = 0;
    std::function<void(const DocumentNode *, const DocumentNode *, int)> check
        = [&](const DocumentNode *node, const DocumentNode *parent, int row) {
              ++count;
              QCOMPARE(node->parent, parent);
              QCOMPARE(node->row, row);
              QCOMPARE(document.node(node->key), node);
              const auto &list = node->isHierarchy() ? node->hierarchy()->internalElements
                                                     : node->element()->internalElements;
              QCOMPARE(int(node->children.size()), list.size());
              for (int i = 0; i < list.size(); ++i) {
                  QCOMPARE(node->children[size_t(i)]->object,
                      static_cast<const dt::model::CaexObject *>(&list[i]));
                  check(node->children[size_t(i)], node, i);
              }
          };
    for (int i = 0; i < hierarchies.size(); ++i) {
        QCOMPARE(document.hierarchyNodes()[size_t(i)]->object,
            static_cast<const dt::model::CaexObject *>(&hierarchies[i]));
        check(document.hierarchyNodes()[size_t(i)], nullptr, i);
    }
    QCOMPARE(document.instanceNodeCount(), count);
}

/// Pushes a command, then undo and redo, comparing dumps and the index at each step.
void roundTrip(AmlDocument &document, QUndoCommand *command, bool changes = true)
{
    const QByteArray before = dumpJson(document.file());
    document.undoStack()->push(command);
    const QByteArray after = dumpJson(document.file());
    if (changes)
        QVERIFY2(after != before, "the command changed nothing");
    checkIndex(document);
    document.undoStack()->undo();
    QCOMPARE(dumpJson(document.file()), before);
    checkIndex(document);
    document.undoStack()->redo();
    QCOMPARE(dumpJson(document.file()), after);
    checkIndex(document);
}

QString plantKey(const AmlDocument &document)
{
    return document.hierarchyNodes().front()->key;
}

int linkCount(const AmlDocument &document)
{
    return int(findLinks(document, [](const QString &) { return true; }).size());
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addElement();
    void removeElementRemovesLinksInto();
    void removeSeveralElements();
    void addRemoveHierarchy();
    void instantiate();
    void instantiateUnknownClass();
    void moveElement_data();
    void moveElement();
    void moveIntoOwnSubtreeRefused();
    void elementProperties();
    void setRole();
    void interfaces();
    void renameInterfaceFollowsNameLinks();
    void links();
    void attributes();
    void copyPaste();
    void duplicate();
    void importLibrary();
    void scriptedSession();
};

void TestCommands::addElement()
{
    auto document = AmlDocument::createNew(libraryDir());
    auto add = AddElement::newChild(document.get(), plantKey(*document), -1, u"Tank"_s);
    AddElement *raw = add.get();
    roundTrip(*document, add.release());
    QVERIFY(!raw->key().isEmpty());
    QCOMPARE(document->element(raw->key())->name, u"Tank"_s);
    // Nested, at a row.
    roundTrip(*document, AddElement::newChild(document.get(), raw->key(), 0, u"Pump"_s).release());
    roundTrip(*document, AddElement::newChild(document.get(), raw->key(), 0, u"Valve"_s).release());
    QCOMPARE(document->node(raw->key())->children.front()->name(), u"Valve"_s);
}

void TestCommands::removeElementRemovesLinksInto()
{
    auto document = example();
    QVERIFY(document);
    const int linksBefore = linkCount(*document);
    QVERIFY(linksBefore > 0);
    const QList<RemovedLink> predicted = RemoveElement::linksInto(*document, { valve1 });
    QVERIFY(!predicted.isEmpty());
    auto remove = std::make_unique<RemoveElement>(document.get(), valve1);
    QCOMPARE(remove->removedLinks().size(), predicted.size());
    roundTrip(*document, remove.release());
    QVERIFY(!document->node(valve1));
    QCOMPARE(linkCount(*document), linksBefore - int(predicted.size()));
    // No link left that names anything of Valve1.
    const auto stillThere = RemoveElement::linksInto(*document, { refinery });
    Q_UNUSED(stillThere);
    document->undoStack()->undo();
    QVERIFY(document->node(valve1));
    QCOMPARE(linkCount(*document), linksBefore);
    QCOMPARE(document->path(valve1), u"Plant/Refinery/Valve1"_s);
}

void TestCommands::removeSeveralElements()
{
    auto document = example();
    QVERIFY(document);
    const DocumentNode *valve = document->node(valve1);
    QVERIFY(valve);
    QStringList keys { valve1, u"e0010004-0000-4000-8000-000000000003"_s };
    if (!valve->children.empty())
        keys << valve->children.front()->key; // inside Valve1: skipped
    roundTrip(*document, removeElements(document.get(), keys).release());
    QVERIFY(!document->node(valve1));
    QVERIFY(!document->node(u"e0010004-0000-4000-8000-000000000003"_s));
}

void TestCommands::addRemoveHierarchy()
{
    auto document = example();
    QVERIFY(document);
    auto add = std::make_unique<AddHierarchy>(document.get(), 0, u"Second"_s);
    AddHierarchy *raw = add.get();
    roundTrip(*document, add.release());
    QCOMPARE(document->hierarchyNodes().front()->name(), u"Second"_s);
    roundTrip(*document, AddElement::newChild(document.get(), raw->key(), -1, u"X"_s).release());
    const int links = linkCount(*document);
    roundTrip(*document, new RemoveHierarchy(document.get(), document->hierarchyNodes()[1]->key));
    QCOMPARE(document->hierarchyNodes().size(), size_t(1));
    QVERIFY(linkCount(*document) < links);
}

void TestCommands::instantiate()
{
    auto document = AmlDocument::createNew(libraryDir());
    auto first = instantiateClass(document.get(), valveClass, plantKey(*document));
    QVERIFY2(first, qPrintable(first.error()));
    AddElement *raw = first->get();
    roundTrip(*document, first.takeValue().release());
    const auto *element = document->element(raw->key());
    QVERIFY(element);
    QCOMPARE(element->name, u"MotorOperatedValve"_s);
    QCOMPARE(element->refBaseSystemUnitPath, valveClass);
    QVERIFY(!element->interfaces.isEmpty());
    QVERIFY(!element->supportedRoleClasses.isEmpty());
    // Fresh IDs: none shared with the class.
    auto cls = document->resolver().systemUnitClass(valveClass);
    QVERIFY(cls);
    QVERIFY(element->id != cls->object()->id);
    QVERIFY(element->interfaces.first().id
        != cls->as<dt::model::SystemUnitClass>()->interfaces.first().id);

    auto second = instantiateClass(document.get(), valveClass, plantKey(*document), 0, QString());
    QVERIFY(second);
    AddElement *secondRaw = second->get();
    roundTrip(*document, second.takeValue().release());
    QCOMPARE(document->element(secondRaw->key())->name, u"MotorOperatedValve2"_s);
    QCOMPARE(document->node(secondRaw->key())->row, 0);
    // Named explicitly, under an element.
    auto third = instantiateClass(document.get(), clientClass, raw->key(), -1, u"Client"_s);
    QVERIFY(third);
    roundTrip(*document, third.takeValue().release());
    QCOMPARE(document->node(raw->key())->children.back()->name(), u"Client"_s);
}

void TestCommands::instantiateUnknownClass()
{
    auto document = AmlDocument::createNew(libraryDir());
    QVERIFY(
        !instantiateClass(document.get(), u"DTValves@ValveLib/NoSuchValve"_s, plantKey(*document)));
    QVERIFY(!instantiateClass(document.get(), valveClass, u"no-such-key"_s));
    QCOMPARE(document->undoStack()->count(), 0);
}

void TestCommands::moveElement_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("dropRow");
    QTest::addColumn<int>("expectedRow");
    QTest::newRow("down") << 0 << 3 << 2;
    QTest::newRow("up") << 3 << 1 << 1;
    QTest::newRow("append") << 1 << -1 << 4;
    QTest::newRow("to end") << 0 << 5 << 4;
}

void TestCommands::moveElement()
{
    QFETCH(int, from);
    QFETCH(int, dropRow);
    QFETCH(int, expectedRow);
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = plantKey(*document);
    QStringList keys;
    for (int i = 0; i < 5; ++i) {
        auto add = AddElement::newChild(document.get(), plant, -1, u"E%1"_s.arg(i));
        AddElement *raw = add.get();
        document->undoStack()->push(add.release());
        keys << raw->key();
    }
    auto move = std::make_unique<MoveElement>(document.get(), keys[from], plant, dropRow);
    QVERIFY(move->isValid());
    roundTrip(*document, move.release());
    QCOMPARE(document->node(keys[from])->row, expectedRow);

    // Into another element and back by undo.
    auto other = std::make_unique<MoveElement>(document.get(), keys[from], keys[(from + 1) % 5], 0);
    QVERIFY(other->isValid());
    roundTrip(*document, other.release());
    QCOMPARE(document->parentKey(keys[from]), keys[(from + 1) % 5]);
}

void TestCommands::moveIntoOwnSubtreeRefused()
{
    auto document = example();
    QVERIFY(document);
    QVERIFY(!MoveElement(document.get(), refinery, valve1, 0).isValid());
    QVERIFY(!MoveElement(document.get(), refinery, refinery, 0).isValid());
    // Same place: nothing to do.
    const DocumentNode *node = document->node(valve1);
    QVERIFY(!MoveElement(document.get(), valve1, refinery, node->row).isValid());
    QVERIFY(!MoveElement(document.get(), valve1, refinery, node->row + 1).isValid());
}

void TestCommands::elementProperties()
{
    auto document = example();
    QVERIFY(document);
    roundTrip(*document, new RenameElement(document.get(), valve1, u"InletValve"_s));
    QCOMPARE(document->element(valve1)->name, u"InletValve"_s);
    QCOMPARE(document->path(valve1), u"Plant/Refinery/InletValve"_s);
    roundTrip(*document, new SetElementClass(document.get(), valve1, u"Other/Class"_s));
    QCOMPARE(document->element(valve1)->refBaseSystemUnitPath, u"Other/Class"_s);
    roundTrip(*document, new SetElementDescription(document.get(), valve1, u"The inlet"_s));
    QCOMPARE(document->element(valve1)->description(), u"The inlet"_s);
    roundTrip(*document, new SetElementDescription(document.get(), valve1, QString()));
    QVERIFY(document->element(valve1)->description().isEmpty());
    // Hierarchies and classes rename too.
    roundTrip(*document, new RenameElement(document.get(), plantKey(*document), u"Site"_s));
}

void TestCommands::setRole()
{
    auto document = example();
    QVERIFY(document);
    const QString role = u"DTRoles@DigitalTwinRoleClassLib/Storage"_s;
    roundTrip(*document, new SetRole(document.get(), valve1, role));
    QCOMPARE(roleOf(*document->element(valve1)), role);
    QCOMPARE(document->element(valve1)->supportedRoleClasses.size(), 1);
    roundTrip(*document, new SetRole(document.get(), valve1, QString()));
    QVERIFY(document->element(valve1)->supportedRoleClasses.isEmpty());
}

void TestCommands::interfaces()
{
    auto document = example();
    QVERIFY(document);
    auto interface = interfaceFromClass(document.get(), modbusVariable, u"Pressure"_s);
    QVERIFY2(interface, qPrintable(interface.error()));
    QCOMPARE(interface->refBaseClassPath, modbusVariable);
    QVERIFY(dt::model::findAttribute(interface->attributes, u"RegisterType"_s));
    QVERIFY(dt::model::findAttribute(interface->attributes, u"Address"_s));
    const OwnerRef owner { valve1, {} };
    const int before = document->element(valve1)->interfaces.size();
    auto add = std::make_unique<AddInterface>(document.get(), owner, interface.takeValue());
    const OwnerRef pressure = add->interfaceRef();
    roundTrip(*document, add.release());
    QCOMPARE(document->element(valve1)->interfaces.size(), before + 1);
    QVERIFY(document->interface(pressure));
    // A second one with the same name gets a unique name.
    auto again = interfaceFromClass(document.get(), modbusVariable, u"Pressure"_s);
    auto addAgain = std::make_unique<AddInterface>(document.get(), owner, again.takeValue());
    QCOMPARE(addAgain->interfaceRef().interfacePath, QStringList { u"Pressure2"_s });
    roundTrip(*document, addAgain.release());
    // Nested (CAEX 3.0).
    auto nested = interfaceFromClass(document.get(), modbusVariable, u"Inner"_s);
    roundTrip(*document, new AddInterface(document.get(), pressure, nested.takeValue()));
    QVERIFY(document->interface(pressure.child(u"Inner"_s)));
    roundTrip(*document, new RenameInterface(document.get(), pressure, u"Flow"_s));
    QVERIFY(document->interface(owner.child(u"Flow"_s)));
    QVERIFY(document->interface(owner.child(u"Flow"_s).child(u"Inner"_s)));

    // Removing a linked interface removes its links; undo restores them.
    const OwnerRef position = owner.child(u"Position"_s);
    QVERIFY(document->interface(position));
    const int links = linkCount(*document);
    roundTrip(*document, new RemoveInterface(document.get(), position));
    QVERIFY(!document->interface(position));
    QCOMPARE(linkCount(*document), links - 1);
    document->undoStack()->undo();
    QCOMPARE(linkCount(*document), links);
}

void TestCommands::renameInterfaceFollowsNameLinks()
{
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = plantKey(*document);
    auto parent = AddElement::newChild(document.get(), plant, -1, u"Cell"_s);
    AddElement *cell = parent.get();
    document->undoStack()->push(parent.release());
    QStringList keys;
    for (const QString &name : { u"A"_s, u"B"_s }) {
        auto add = AddElement::newChild(document.get(), cell->key(), -1, name);
        AddElement *raw = add.get();
        document->undoStack()->push(add.release());
        keys << raw->key();
        dt::model::ExternalInterface interface;
        interface.name = u"Port"_s; // no ID: links name it "ElementID:Port"
        document->undoStack()->push(
            new AddInterface(document.get(), OwnerRef { raw->key(), {} }, interface));
    }
    auto link = AddLink::connect(document.get(), OwnerRef { keys[0], { u"Port"_s } },
        OwnerRef { keys[1], { u"Port"_s } }, u"L"_s);
    QVERIFY(link);
    QCOMPARE(link->containerKey(), cell->key());
    roundTrip(*document, link.release());
    const auto &stored = document->element(cell->key())->internalLinks.first();
    QCOMPARE(stored.refPartnerSideA, document->element(keys[0])->id + u":Port"_s);
    roundTrip(*document,
        new RenameInterface(document.get(), OwnerRef { keys[0], { u"Port"_s } }, u"Out"_s));
    QCOMPARE(document->element(cell->key())->internalLinks.first().refPartnerSideA,
        document->element(keys[0])->id + u":Out"_s);
}

void TestCommands::links()
{
    auto document = AmlDocument::createNew(libraryDir());
    const QString plant = plantKey(*document);
    auto twin = instantiateClass(document.get(), twinClass, plant, -1, u"Twin"_s);
    QVERIFY(twin);
    AddElement *twinAdd = twin->get();
    document->undoStack()->push(twin.takeValue().release());
    auto valve = instantiateClass(document.get(), valveClass, plant, -1, u"Valve1"_s);
    AddElement *valveAdd = valve->get();
    document->undoStack()->push(valve.takeValue().release());
    auto client = instantiateClass(document.get(), clientClass, twinAdd->key(), -1, u"Modbus"_s);
    AddElement *clientAdd = client->get();
    document->undoStack()->push(client.takeValue().release());
    auto variable = interfaceFromClass(document.get(), modbusVariable, u"Position"_s);
    document->undoStack()->push(
        new AddInterface(document.get(), OwnerRef { clientAdd->key(), {} }, variable.takeValue()));

    // Twin and Valve1 share no element (only the hierarchy): no place for a link.
    QVERIFY(!AddLink::connect(document.get(), OwnerRef { clientAdd->key(), { u"Position"_s } },
        OwnerRef { valveAdd->key(), { u"Position"_s } }));
    // Under a common element it works.
    document->undoStack()->push(
        new MoveElement(document.get(), valveAdd->key(), twinAdd->key(), -1));
    auto link = AddLink::connect(document.get(), OwnerRef { clientAdd->key(), { u"Position"_s } },
        OwnerRef { valveAdd->key(), { u"Position"_s } }, u"Valve1Position"_s);
    QVERIFY(link);
    QCOMPARE(link->containerKey(), twinAdd->key());
    roundTrip(*document, link.release());
    const auto &stored = document->element(twinAdd->key())->internalLinks.last();
    QCOMPARE(stored.name, u"Valve1Position"_s);
    auto partner = document->resolver().linkPartner(stored.refPartnerSideB);
    QVERIFY2(partner, qPrintable(partner.error()));
    QCOMPARE(partner->owner.object()->name, u"Valve1"_s);
    roundTrip(*document,
        new RemoveLink(document.get(), twinAdd->key(),
            document->element(twinAdd->key())->internalLinks.size() - 1));
}

void TestCommands::attributes()
{
    auto document = example();
    QVERIFY(document);
    const OwnerRef owner { valve1, {} };
    dt::model::Attribute limits;
    limits.name = u"Limits"_s;
    auto add = std::make_unique<AddAttribute>(document.get(), owner, QStringList(), limits, 0);
    QCOMPARE(add->attributeRef().path, QStringList { u"Limits"_s });
    roundTrip(*document, add.release());
    QCOMPARE(document->element(valve1)->attributes.first().name, u"Limits"_s);
    dt::model::Attribute high;
    high.name = u"High"_s;
    high.dataType = u"xs:double"_s;
    roundTrip(*document, new AddAttribute(document.get(), owner, { u"Limits"_s }, high));
    const AttributeRef highRef { owner, { u"Limits"_s, u"High"_s } };
    QVERIFY(document->attribute(highRef));
    // Same name again: made unique.
    roundTrip(*document, new AddAttribute(document.get(), owner, { u"Limits"_s }, high));
    QVERIFY(document->attribute(AttributeRef { owner, { u"Limits"_s, u"High2"_s } }));

    roundTrip(*document, new SetAttributeValue(document.get(), highRef, u"95.5"_s));
    QCOMPARE(document->attribute(highRef)->value, std::optional<QString>(u"95.5"_s));
    // Absent and empty are different values.
    roundTrip(*document, new SetAttributeValue(document.get(), highRef, QString()));
    QCOMPARE(document->attribute(highRef)->value, std::optional<QString>(QString()));
    roundTrip(*document, new SetAttributeValue(document.get(), highRef, std::nullopt));
    QVERIFY(!document->attribute(highRef)->value);
    roundTrip(*document, new SetAttributeDefaultValue(document.get(), highRef, u"90"_s));
    roundTrip(*document, new SetAttributeUnit(document.get(), highRef, u"bar"_s));
    QCOMPARE(document->attribute(highRef)->unit, u"bar"_s);
    roundTrip(*document, new SetAttributeDataType(document.get(), highRef, u"xs:float"_s));
    roundTrip(*document, new RenameAttribute(document.get(), highRef, u"Max"_s));
    QVERIFY(document->attribute(AttributeRef { owner, { u"Limits"_s, u"Max"_s } }));
    QVERIFY(!document->attribute(highRef));
    roundTrip(
        *document, new RemoveAttribute(document.get(), AttributeRef { owner, { u"Limits"_s } }));
    QVERIFY(!document->attribute(AttributeRef { owner, { u"Limits"_s } }));
    // Attributes of an interface.
    const OwnerRef interface = owner.child(u"Position"_s);
    QVERIFY(document->attributes(interface));
    roundTrip(*document, new AddAttribute(document.get(), interface, {}, high));
    // A value edit of an existing attribute of the example.
    roundTrip(*document,
        new SetAttributeValue(document.get(), AttributeRef { owner, { u"Position"_s } }, u"42"_s));
}

void TestCommands::copyPaste()
{
    auto document = example();
    QVERIFY(document);
    // A unit with two parts linked inside it, and one link that points outside.
    const QString plant = plantKey(*document);
    auto unit = AddElement::newChild(document.get(), plant, -1, u"Unit"_s);
    AddElement *unitAdd = unit.get();
    document->undoStack()->push(unit.release());
    QStringList parts;
    for (const QString &name : { u"P1"_s, u"P2"_s }) {
        auto add = AddElement::newChild(document.get(), unitAdd->key(), -1, name);
        AddElement *raw = add.get();
        document->undoStack()->push(add.release());
        parts << raw->key();
        dt::model::ExternalInterface interface;
        interface.name = u"Port"_s;
        interface.id = dt::model::defaultIdGenerator()();
        document->undoStack()->push(
            new AddInterface(document.get(), OwnerRef { raw->key(), {} }, interface));
    }
    document->undoStack()->push(AddLink::connect(document.get(),
        OwnerRef { parts[0], { u"Port"_s } }, OwnerRef { parts[1], { u"Port"_s } }, u"Inner"_s)
                                    .release());

    std::unique_ptr<QMimeData> mime(mimeDataForElements(*document, { unitAdd->key(), parts[0] }));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(QString::fromLatin1(ElementsMimeType)));
    auto elements = elementsFromMimeData(mime.get());
    QVERIFY2(elements, qPrintable(elements.error()));
    QCOMPARE(elements->size(), size_t(1)); // P1 is inside Unit

    auto paste = pasteFromMimeData(document.get(), plant, -1, mime.get());
    QVERIFY2(paste, qPrintable(paste.error()));
    PasteElements *raw = paste->get();
    roundTrip(*document, paste.takeValue().release());
    QCOMPARE(raw->keys().size(), 1);
    const auto *copy = document->element(raw->keys().first());
    QVERIFY(copy);
    QCOMPARE(copy->name, u"Unit2"_s);
    QVERIFY(copy->id != document->element(unitAdd->key())->id);
    // The link inside the copy names the copy's interfaces, not the original's.
    const auto &link = copy->internalLinks.first();
    const QString copiedPort = copy->internalElements.first().interfaces.first().id;
    QVERIFY(link.refPartnerSideA == copiedPort || link.refPartnerSideB == copiedPort);
    QVERIFY(copiedPort != document->element(parts[0])->interfaces.first().id);
    // Pasting needs a target and elements.
    QVERIFY(!pasteFromMimeData(document.get(), u"nope"_s, -1, mime.get()));
    QMimeData empty;
    QVERIFY(!pasteFromMimeData(document.get(), plant, -1, &empty));
}

void TestCommands::duplicate()
{
    auto document = example();
    QVERIFY(document);
    const int row = document->node(valve1)->row;
    auto duplicate
        = duplicateElements(document.get(), { valve1, u"e0010004-0000-4000-8000-000000000003"_s });
    roundTrip(*document, duplicate.release());
    const DocumentNode *parent = document->node(refinery);
    const DocumentNode *copy = parent->children[size_t(row + 1)];
    QVERIFY(copy->name().startsWith(u"Valve1"_s));
    QVERIFY(copy->name() != u"Valve1"_s);
    QVERIFY(copy->key != valve1);
    // IDs are all fresh: no ID of the copy exists twice.
    QSet<QString> ids;
    std::function<void(const dt::model::InternalElement &)> collect
        = [&](const dt::model::InternalElement &element) {
              QVERIFY(!ids.contains(element.id));
              ids.insert(element.id);
              for (const auto &child : element.internalElements)
                  collect(child);
          };
    for (const auto &element : document->file().instanceHierarchies.first().internalElements)
        collect(element);
}

void TestCommands::importLibrary()
{
    auto document = example();
    QVERIFY(document);
    const int before = document->file().externalReferences.size();
    auto import = std::make_unique<ImportLibrary>(
        document.get(), libraryDir() + u"/AutomationMLBaseRoleClassLib.aml"_s);
    QCOMPARE(import->alias(), u"AutomationMLBaseRoleClassLib"_s);
    roundTrip(*document, import.release());
    QCOMPARE(document->file().externalReferences.size(), before + 1);
    QVERIFY(document->resolver().roleClass(
        u"AutomationMLBaseRoleClassLib@AutomationMLBaseRoleClassLib/AutomationMLBaseRole"_s));
    // The same alias twice gets a number.
    auto again = std::make_unique<ImportLibrary>(
        document.get(), libraryDir() + u"/AutomationMLBaseRoleClassLib.aml"_s);
    QCOMPARE(again->alias(), u"AutomationMLBaseRoleClassLib2"_s);
    roundTrip(*document, new RemoveLibraryReference(document.get(), u"DTValves"_s));
    QVERIFY(!document->resolver().systemUnitClass(valveClass));
    document->undoStack()->undo();
    QVERIFY(document->resolver().systemUnitClass(valveClass));
}

void TestCommands::scriptedSession()
{
    auto document = AmlDocument::createNew(libraryDir());
    QUndoStack *stack = document->undoStack();
    const QByteArray empty = dumpJson(document->file());
    const QString plant = plantKey(*document);
    auto push = [&](QUndoCommand *command) { stack->push(command); };
    auto instance = [&](const QString &cls, const QString &parent, const QString &name) {
        auto command = instantiateClass(document.get(), cls, parent, -1, name);
        if (!command)
            qFatal("instantiate %s: %s", qPrintable(cls), qPrintable(command.error()));
        AddElement *raw = command->get();
        push(command.takeValue().release());
        return raw->key();
    };

    push(new RenameElement(document.get(), plant, u"Plant"_s));
    const QString site = [&] {
        auto add = AddElement::newChild(document.get(), plant, -1, u"Refinery"_s);
        AddElement *raw = add.get();
        push(add.release());
        return raw->key();
    }();
    const QString twin = instance(twinClass, site, u"Twin"_s);
    push(new SetAttributeValue(
        document.get(), AttributeRef { OwnerRef { twin, {} }, { u"Port"_s } }, u"8080"_s));
    const QString storage
        = instance(u"DTComponents@DigitalTwinComponentLib/SQLiteStorage"_s, twin, u"History"_s);
    push(new SetAttributeValue(
        document.get(), AttributeRef { OwnerRef { storage, {} }, { u"File"_s } }, u"history.db"_s));
    const QString client = instance(clientClass, twin, u"Modbus1"_s);
    push(new SetAttributeValue(
        document.get(), AttributeRef { OwnerRef { client, {} }, { u"Port"_s } }, u"1502"_s));
    QStringList valves;
    for (int i = 1; i <= 2; ++i)
        valves << instance(valveClass, site, u"Valve%1"_s.arg(i));
    for (const QString &name : { u"Position"_s, u"Torque"_s }) {
        auto variable = interfaceFromClass(document.get(), modbusVariable, name);
        QVERIFY(variable);
        push(new AddInterface(document.get(), OwnerRef { client, {} }, variable.takeValue()));
        push(new SetAttributeValue(document.get(),
            AttributeRef { OwnerRef { client, { name } }, { u"Address"_s } },
            name == u"Position"_s ? u"3"_s : u"2"_s));
        push(AddLink::connect(document.get(), OwnerRef { client, { name } },
            OwnerRef { valves[0], { name } }, u"Valve1"_s + name)
                 .release());
    }
    push(new SetRole(
        document.get(), valves[1], u"DTRoles@DigitalTwinRoleClassLib/PhysicalDeviceModel"_s));
    push(duplicateElements(document.get(), { valves[1] }).release());
    push(new MoveElement(document.get(), valves[1], site, 0));
    push(new RenameElement(document.get(), valves[1], u"Bypass"_s));
    dt::model::Attribute note;
    note.name = u"Note"_s;
    note.value = u"installed 2024"_s;
    push(new AddAttribute(document.get(), OwnerRef { valves[1], {} }, {}, note));
    push(new RemoveElement(document.get(), valves[0])); // takes the two links with it
    push(new ImportLibrary(
        document.get(), libraryDir() + u"/AutomationMLBaseRoleClassLib.aml"_s, u"Extra"_s));
    checkIndex(*document);

    const QByteArray built = dumpJson(document->file());
    QVERIFY(built != empty);
    const int steps = stack->count();
    QVERIFY(steps > 20);
    // Every intermediate state is visited twice; the dumps must agree each time.
    QList<QByteArray> states { built };
    for (int i = 0; i < steps; ++i) {
        stack->undo();
        states.prepend(dumpJson(document->file()));
    }
    QCOMPARE(states.first(), empty);
    QVERIFY(!document->isModified());
    checkIndex(*document);
    for (int i = 0; i < steps; ++i) {
        stack->redo();
        QCOMPARE(dumpJson(document->file()), states[i + 1]);
    }
    QCOMPARE(dumpJson(document->file()), built);
    checkIndex(*document);
    // And the same keys still address the same elements.
    QCOMPARE(document->element(valves[1])->name, u"Bypass"_s);
    QVERIFY(!document->node(valves[0]));
    QCOMPARE(document->element(twin)->name, u"Twin"_s);
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
