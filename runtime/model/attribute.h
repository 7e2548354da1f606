// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexbasicobject.h"

#include <QStringList>

namespace dt::model {

/// RefSemantic: a reference to the meaning of an attribute in another standard (e.g. eCl@ss).
struct RefSemantic : CaexBasicObject
{
    QString correspondingAttributePath;
};

/// Constraint (AttributeValueRequirementType): one of ordinal, nominal or unknown requirements.
struct Constraint : CaexBasicObject
{
    enum class Kind : quint8 { Ordinal, Nominal, Unknown };

    QString name;
    Kind kind = Kind::Unknown;
    /// Ordinal: each may be absent.
    std::optional<QString> requiredMaxValue;
    std::optional<QString> requiredValue;
    std::optional<QString> requiredMinValue;
    /// Nominal: the allowed values.
    QStringList nominalValues;
    /// Unknown: free text.
    QString requirements;
    /// ChangeMode/header of the inner OrdinalScaledType/NominalScaledType/UnknownType element.
    ValuePtr<CaexBasicObject> inner;
};

/// An Attribute (CAEX AttributeType), possibly with nested attributes.
struct Attribute : CaexObject
{
    QString unit;
    /// AttributeDataType, e.g. "xs:double"; empty when absent.
    QString dataType;
    QString refAttributeType;
    std::optional<QString> defaultValue;
    std::optional<QString> value;
    QList<RefSemantic> refSemantics;
    QList<Constraint> constraints;
    NodeList<Attribute> attributes;

    /// The nested attribute with this name, or nullptr.
    Attribute *attribute(QStringView attributeName);
    const Attribute *attribute(QStringView attributeName) const;
};

/// Finds an attribute by name in a list; nullptr when absent.
Attribute *findAttribute(NodeList<Attribute> &list, QStringView name);
const Attribute *findAttribute(const NodeList<Attribute> &list, QStringView name);

} // namespace dt::model
