// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/systemunit.h"

#include <QString>

#include <functional>
#include <optional>

namespace dt::runtime {

/// "a" + "/" + "b", without a separator when either side is empty.
QString joinPath(const QString &a, const QString &b);

/// The element at a path relative to root ("" is root itself); segments as CaexPath parses them.
model::InternalElement *elementAt(model::InternalElement &root, const QString &relativePath);

/// A nested attribute by a '/'-separated path of names ("TorqueProfileOpen/P5").
model::Attribute *attributeAt(
    model::NodeList<model::Attribute> &attributes, const QString &attributePath);

/// An attribute reference of a component (ThresholdEvent Attribute, Method Target, ...): the
/// element path relative to the twin root followed by the attribute name ("Valve1/Torque"; a bare
/// name is an attribute of the root). The longest element prefix that holds the rest as a
/// (possibly nested) attribute wins.
struct AttributeAddress
{
    QString elementPath;
    QString attribute;
};
std::optional<AttributeAddress> resolveAttributeSpec(
    model::InternalElement &root, const QString &spec);

/// Calls visit(element, pathRelativeToStart) for start's descendants, depth first, document
/// order; visit returns false to skip an element's subtree.
void forEachDescendant(model::InternalElement &start,
    const std::function<bool(model::InternalElement &, const QString &)> &visit);

/// Every leaf attribute below a list, as '/'-joined paths, in document order, with its node.
void forEachLeafAttribute(model::NodeList<model::Attribute> &attributes,
    const std::function<void(model::Attribute &, const QString &)> &visit,
    const QString &prefix = QString());

} // namespace dt::runtime
