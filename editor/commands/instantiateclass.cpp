// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/instantiateclass.h"

#include "commands/commandtext.h"

#include "model/instantiation.h"
#include "model/resolver.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace dt::editor {

QString uniqueChildName(const AmlDocument &document, const QString &parentKey, const QString &base)
{
    const DocumentNode *parent = document.node(parentKey);
    if (!parent)
        return base;
    QSet<QString> taken;
    for (const DocumentNode *child : parent->children)
        taken.insert(child->name());
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

Result<std::unique_ptr<AddElement>> instantiateClass(AmlDocument *document, const QString &sucPath,
    const QString &parentKey, int row, const QString &name)
{
    using R = Result<std::unique_ptr<AddElement>>;
    const DocumentNode *parent = document->node(parentKey);
    if (!parent || !(parent->isElement() || parent->isHierarchy()))
        return R::failure(CommandText::tr("Instances can only be added to an instance hierarchy "
                                          "or an element."));
    const Result<model::ElementRef> cls = document->resolver().systemUnitClass(sucPath);
    if (!cls)
        return R::failure(cls.error());
    const QString elementName
        = name.isEmpty() ? uniqueChildName(*document, parentKey, cls->object()->name) : name;
    Result<std::unique_ptr<model::InternalElement>> instance
        = model::instantiate(document->resolver(), sucPath, elementName);
    if (!instance)
        return R::failure(instance.error());
    const QString text = CommandText::tr("Instantiate %1").arg(cls->object()->name);
    return std::make_unique<AddElement>(document, parentKey, row, instance.takeValue(), text);
}

} // namespace dt::editor
