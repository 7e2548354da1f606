// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelpaths.h"

#include "model/caexpath.h"

using namespace Qt::StringLiterals;

namespace dt::runtime {

QString joinPath(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return a + u'/' + b;
}

model::InternalElement *elementAt(model::InternalElement &root, const QString &relativePath)
{
    model::InternalElement *e = &root;
    for (const QString &segment : model::CaexPath::parse(relativePath).segments) {
        e = model::findChild(e->internalElements, segment);
        if (!e)
            return nullptr;
    }
    return e;
}

model::Attribute *attributeAt(
    model::NodeList<model::Attribute> &attributes, const QString &attributePath)
{
    const QStringList names = attributePath.split(u'/');
    model::NodeList<model::Attribute> *list = &attributes;
    model::Attribute *a = nullptr;
    for (const QString &name : names) {
        if (name.isEmpty())
            return nullptr;
        a = model::findAttribute(*list, name);
        if (!a)
            return nullptr;
        list = &a->attributes;
    }
    return a;
}

std::optional<AttributeAddress> resolveAttributeSpec(
    model::InternalElement &root, const QString &spec)
{
    const QStringList segments = model::CaexPath::parse(spec.trimmed()).segments;
    for (qsizetype split = segments.size() - 1; split >= 0; --split) {
        const QString elementPath = model::CaexPath::join(segments.mid(0, split));
        const QString attribute = segments.mid(split).join(u'/');
        model::InternalElement *e = elementAt(root, elementPath);
        if (e && attributeAt(e->attributes, attribute))
            return AttributeAddress { elementPath, attribute };
    }
    return std::nullopt;
}

void forEachDescendant(model::InternalElement &start,
    const std::function<bool(model::InternalElement &, const QString &)> &visit)
{
    const std::function<void(model::InternalElement &, const QString &)> walk
        = [&](model::InternalElement &parent, const QString &path) {
              for (model::InternalElement &child : parent.internalElements) {
                  const QString childPath
                      = joinPath(path, model::CaexPath::escapeSegment(child.name));
                  if (visit(child, childPath))
                      walk(child, childPath);
              }
          };
    walk(start, QString());
}

void forEachLeafAttribute(model::NodeList<model::Attribute> &attributes,
    const std::function<void(model::Attribute &, const QString &)> &visit, const QString &prefix)
{
    for (model::Attribute &a : attributes) {
        const QString path = joinPath(prefix, a.name);
        if (a.attributes.isEmpty())
            visit(a, path);
        else
            forEachLeafAttribute(a.attributes, visit, path);
    }
}

} // namespace dt::runtime
