// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/pasteelements.h"

#include "commands/commandtext.h"
#include "commands/instantiateclass.h"

#include "model/caexreader.h"
#include "model/caexwriter.h"
#include "model/instantiation.h"

#include <QMimeData>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

std::vector<const DocumentNode *> topElements(const AmlDocument &document, const QStringList &keys)
{
    std::vector<const DocumentNode *> nodes;
    for (const QString &key : keys) {
        const DocumentNode *node = document.node(key);
        if (node && node->isElement() && std::find(nodes.begin(), nodes.end(), node) == nodes.end())
            nodes.push_back(node);
    }
    std::vector<const DocumentNode *> top;
    for (const DocumentNode *node : nodes) {
        const bool inside = std::any_of(nodes.begin(), nodes.end(),
            [node](const DocumentNode *o) { return o != node && node->isSelfOrDescendantOf(o); });
        if (!inside)
            top.push_back(node);
    }
    return top;
}

} // namespace

QMimeData *mimeDataForElements(const AmlDocument &document, const QStringList &keys)
{
    const std::vector<const DocumentNode *> top = topElements(document, keys);
    if (top.empty())
        return nullptr;
    model::CaexFile clip;
    clip.schemaVersion = model::SchemaVersion::V3_0;
    clip.fileName = u"clipboard.aml"_s;
    model::InstanceHierarchy &hierarchy = clip.instanceHierarchies.append();
    hierarchy.name = u"Clipboard"_s;
    QStringList names;
    for (const DocumentNode *node : top) {
        hierarchy.internalElements.append(*node->element());
        names << node->name();
    }
    const QByteArray xml = model::CaexWriter().toByteArray(clip);
    if (xml.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(ElementsMimeType), xml);
    mime->setText(names.join(u'\n'));
    return mime;
}

Result<std::vector<std::unique_ptr<model::InternalElement>>> elementsFromMimeData(
    const QMimeData *mime)
{
    using R = Result<std::vector<std::unique_ptr<model::InternalElement>>>;
    const QString type = QString::fromLatin1(ElementsMimeType);
    if (!mime || !mime->hasFormat(type))
        return R::failure(CommandText::tr("The clipboard holds no elements."));
    model::CaexReader reader;
    Result<model::CaexFile> read = reader.read(mime->data(type), u"clipboard"_s);
    if (!read)
        return R::failure(read.error());
    std::vector<std::unique_ptr<model::InternalElement>> elements;
    for (model::InstanceHierarchy &hierarchy : read->instanceHierarchies)
        while (!hierarchy.internalElements.isEmpty())
            elements.push_back(hierarchy.internalElements.take(0));
    if (elements.empty())
        return R::failure(CommandText::tr("The clipboard holds no elements."));
    return elements;
}

PasteElements::PasteElements(AmlDocument *document, const QString &parentKey, int row,
    const std::vector<std::unique_ptr<model::InternalElement>> &elements, const QString &text,
    QUndoCommand *parent)
    : QUndoCommand(text.isEmpty()
            ? CommandText::tr("Paste %n element(s)", nullptr, int(elements.size()))
            : text,
        parent)
{
    QSet<QString> taken;
    if (const DocumentNode *target = document->node(parentKey))
        for (const DocumentNode *child : target->children)
            taken.insert(child->name());
    int at = row;
    for (const std::unique_ptr<model::InternalElement> &element : elements) {
        std::unique_ptr<model::InternalElement> copy = model::duplicate(*element);
        QString name = copy->name;
        for (int n = 2; taken.contains(name); ++n)
            name = copy->name + QString::number(n);
        copy->name = name;
        taken.insert(name);
        m_adds.append(new AddElement(document, parentKey, at, std::move(copy), QString(), this));
        if (at >= 0)
            ++at;
    }
}

QStringList PasteElements::keys() const
{
    QStringList keys;
    for (const AddElement *add : m_adds)
        keys << add->key();
    return keys;
}

Result<std::unique_ptr<PasteElements>> pasteFromMimeData(
    AmlDocument *document, const QString &parentKey, int row, const QMimeData *mime)
{
    using R = Result<std::unique_ptr<PasteElements>>;
    const DocumentNode *target = document->node(parentKey);
    if (!target || !(target->isElement() || target->isHierarchy()))
        return R::failure(CommandText::tr("Paste into an instance hierarchy or an element."));
    auto elements = elementsFromMimeData(mime);
    if (!elements)
        return R::failure(elements.error());
    return std::make_unique<PasteElements>(document, parentKey, row, *elements);
}

std::unique_ptr<QUndoCommand> duplicateElements(AmlDocument *document, const QStringList &keys)
{
    std::vector<const DocumentNode *> top = topElements(*document, keys);
    auto macro = std::make_unique<QUndoCommand>(
        CommandText::tr("Duplicate %n element(s)", nullptr, int(top.size())));
    // Highest rows first: inserting after one element leaves the rows of earlier ones intact.
    std::sort(top.begin(), top.end(),
        [](const DocumentNode *a, const DocumentNode *b) { return a->row > b->row; });
    for (const DocumentNode *node : top) {
        std::unique_ptr<model::InternalElement> copy = model::duplicate(*node->element());
        copy->name = uniqueChildName(*document, node->parent->key, node->name());
        new AddElement(
            document, node->parent->key, node->row + 1, std::move(copy), QString(), macro.get());
    }
    return macro;
}

} // namespace dt::editor
