// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryvalue.h"

#include <QtNumeric>

#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::model::detail {

namespace {

const CaexBasicObject *basicObject(Node node)
{
    switch (node.kind) {
    case NodeKind::Document:
        return node.as<CaexFile>();
    case NodeKind::SupportedRoleClass:
        return node.as<SupportedRoleClass>();
    case NodeKind::RoleRequirements:
        return node.as<RoleRequirements>();
    default:
        return caexObject(node);
    }
}

const Attribute *attributeOf(Node node)
{
    if (node.kind == NodeKind::Attribute)
        return node.as<Attribute>();
    if (node.kind == NodeKind::AttributeType)
        return node.as<AttributeType>();
    return nullptr;
}

// The model keeps no "absent" for these attributes, so an empty value counts as absent.
// Pointers, not copies: a copy costs an atomic reference count on memory that is usually cold.
const QString *present(const QString &value)
{
    return value.isEmpty() ? nullptr : &value;
}

const QString *changeModeText(ChangeMode mode)
{
    static const QString names[]
        = { changeModeName(ChangeMode::State), changeModeName(ChangeMode::Create),
              changeModeName(ChangeMode::Delete), changeModeName(ChangeMode::Change) };
    return &names[int(mode) & 3];
}

const QString *schemaVersionText(SchemaVersion version)
{
    static const QString names[]
        = { schemaVersionName(SchemaVersion::V3_0), schemaVersionName(SchemaVersion::V2_15) };
    return &names[version == SchemaVersion::V2_15 ? 1 : 0];
}

double numberOf(QStringView text)
{
    bool ok = false;
    const double n = text.trimmed().toDouble(&ok);
    return ok ? n : qQNaN();
}

bool compareScalars(const QueryValue &a, const QueryValue &b, QueryExpr::Op op)
{
    using Op = QueryExpr::Op;
    using T = QueryValue::Type;
    if (op == Op::Equal || op == Op::NotEqual) {
        bool equal;
        if (a.type == T::Bool || b.type == T::Bool)
            equal = a.toBool() == b.toBool();
        else if (a.type == T::Number || b.type == T::Number)
            equal = a.toNumber() == b.toNumber();
        else
            equal = a.string == b.string;
        return op == Op::Equal ? equal : !equal;
    }
    const double x = a.toNumber();
    const double y = b.toNumber();
    switch (op) {
    case Op::Less:
        return x < y;
    case Op::LessEqual:
        return x <= y;
    case Op::Greater:
        return x > y;
    case Op::GreaterEqual:
        return x >= y;
    default:
        return false;
    }
}

} // namespace

const QString *xmlAttribute(Node node, QueryAttribute attribute)
{
    using A = QueryAttribute;
    using K = NodeKind;
    switch (attribute) {
    case A::Name:
    case A::ID:
        if (const CaexObject *object = caexObject(node))
            return present(attribute == A::Name ? object->name : object->id);
        return nullptr;
    case A::RefBaseSystemUnitPath:
        return node.kind == K::InternalElement
            ? present(node.as<InternalElement>()->refBaseSystemUnitPath)
            : nullptr;
    case A::RefBaseClassPath:
        switch (node.kind) {
        case K::SystemUnitClass:
            return present(node.as<SystemUnitClass>()->refBaseClassPath);
        case K::RoleClass:
            return present(node.as<RoleClass>()->refBaseClassPath);
        case K::InterfaceClass:
            return present(node.as<InterfaceClass>()->refBaseClassPath);
        case K::ExternalInterface:
            return present(node.as<ExternalInterface>()->refBaseClassPath);
        default:
            return nullptr;
        }
    case A::RefPartnerSideA:
        return node.kind == K::InternalLink ? present(node.as<InternalLink>()->refPartnerSideA)
                                            : nullptr;
    case A::RefPartnerSideB:
        return node.kind == K::InternalLink ? present(node.as<InternalLink>()->refPartnerSideB)
                                            : nullptr;
    case A::RefRoleClassPath:
        return node.kind == K::SupportedRoleClass
            ? present(node.as<SupportedRoleClass>()->refRoleClassPath)
            : nullptr;
    case A::RefBaseRoleClassPath:
        return node.kind == K::RoleRequirements
            ? present(node.as<RoleRequirements>()->refBaseRoleClassPath)
            : nullptr;
    case A::Unit:
    case A::AttributeDataType:
    case A::RefAttributeType: {
        const Attribute *a = attributeOf(node);
        if (!a)
            return nullptr;
        return present(attribute == A::Unit         ? a->unit
                : attribute == A::AttributeDataType ? a->dataType
                                                    : a->refAttributeType);
    }
    case A::ChangeMode:
        if (const CaexBasicObject *basic = basicObject(node))
            return changeModeText(basic->changeMode);
        return nullptr;
    case A::FileName:
        return node.kind == K::Document ? present(node.as<CaexFile>()->fileName) : nullptr;
    case A::SchemaVersion:
        return node.kind == K::Document ? schemaVersionText(node.as<CaexFile>()->schemaVersion)
                                        : nullptr;
    }
    return nullptr;
}

const QString *textChild(Node node, TextChild child)
{
    switch (child) {
    case TextChild::Value:
    case TextChild::DefaultValue: {
        const Attribute *a = attributeOf(node);
        const std::optional<QString> *text = !a ? nullptr
            : child == TextChild::Value         ? &a->value
                                                : &a->defaultValue;
        return text && text->has_value() ? &**text : nullptr;
    }
    case TextChild::Description: {
        const CaexBasicObject *basic = basicObject(node);
        if (basic && basic->header && basic->header->description)
            return &basic->header->description->text;
        return nullptr;
    }
    }
    return nullptr;
}

QueryValue QueryValue::ofBool(bool b)
{
    QueryValue v;
    v.type = Type::Bool;
    v.boolean = b;
    return v;
}

QueryValue QueryValue::ofNumber(double n)
{
    QueryValue v;
    v.type = Type::Number;
    v.number = n;
    return v;
}

QueryValue QueryValue::ofString(const QString *s)
{
    QueryValue v;
    if (s) {
        v.type = Type::String;
        v.string = *s;
    }
    return v;
}

bool QueryValue::toBool() const
{
    switch (type) {
    case Type::Absent:
        return false;
    case Type::Bool:
        return boolean;
    case Type::Number:
        return number != 0 && !std::isnan(number);
    case Type::String:
        return !string.isEmpty();
    case Type::Strings:
        return !strings.empty();
    }
    return false;
}

double QueryValue::toNumber() const
{
    switch (type) {
    case Type::Bool:
        return boolean ? 1 : 0;
    case Type::Number:
        return number;
    case Type::String:
        return numberOf(string);
    case Type::Strings:
        return strings.empty() ? qQNaN() : numberOf(strings.front());
    case Type::Absent:
        break;
    }
    return qQNaN();
}

QStringView QueryValue::toString(QString &buffer) const
{
    switch (type) {
    case Type::Bool:
        return boolean ? u"true" : u"false";
    case Type::Number:
        buffer = QString::number(number, 'g', 15);
        return buffer;
    case Type::String:
        return string;
    case Type::Strings:
        return strings.empty() ? QStringView() : strings.front();
    case Type::Absent:
        break;
    }
    return QStringView();
}

bool compareValues(const QueryValue &a, const QueryValue &b, QueryExpr::Op op)
{
    using T = QueryValue::Type;
    if (a.type == T::Absent || b.type == T::Absent)
        return false;
    if (a.type == T::Strings || b.type == T::Strings) {
        // A boolean compares with the set's emptiness, anything else with each member.
        if (a.type == T::Bool || b.type == T::Bool)
            return compareScalars(
                QueryValue::ofBool(a.toBool()), QueryValue::ofBool(b.toBool()), op);
        const QueryValue &set = a.type == T::Strings ? a : b;
        for (QStringView member : set.strings) {
            QueryValue one;
            one.type = T::String;
            one.string = member;
            if (a.type == T::Strings ? compareValues(one, b, op) : compareValues(a, one, op))
                return true;
        }
        return false;
    }
    return compareScalars(a, b, op);
}

} // namespace dt::model::detail
