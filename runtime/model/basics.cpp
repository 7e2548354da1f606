// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers of the object model: names of enums and lookups by name.
#include "caexfile.h"
#include "diagnostic.h"
#include "elementref.h"

using namespace Qt::StringLiterals;

namespace dt::model {

QString changeModeName(ChangeMode mode)
{
    switch (mode) {
    case ChangeMode::State: return u"state"_s;
    case ChangeMode::Create: return u"create"_s;
    case ChangeMode::Delete: return u"delete"_s;
    case ChangeMode::Change: return u"change"_s;
    }
    return u"state"_s;
}

std::optional<ChangeMode> parseChangeMode(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.compare(u"state", Qt::CaseInsensitive) == 0)
        return ChangeMode::State;
    if (t.compare(u"create", Qt::CaseInsensitive) == 0)
        return ChangeMode::Create;
    if (t.compare(u"delete", Qt::CaseInsensitive) == 0)
        return ChangeMode::Delete;
    if (t.compare(u"change", Qt::CaseInsensitive) == 0)
        return ChangeMode::Change;
    return std::nullopt;
}

QString schemaVersionName(SchemaVersion version)
{
    return version == SchemaVersion::V2_15 ? u"2.15"_s : u"3.0"_s;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return u"info"_s;
    case Severity::Warning: return u"warning"_s;
    case Severity::Error: return u"error"_s;
    }
    return u"error"_s;
}

QString Diagnostic::toString() const
{
    QString out = file.isEmpty() ? u"<input>"_s : file;
    if (position.line > 0)
        out += u':' + QString::number(position.line) + u':' + QString::number(position.column);
    out += u": "_s + severityName(severity) + u": "_s + message;
    return out;
}

QString elementKindName(ElementKind kind)
{
    switch (kind) {
    case ElementKind::None: return QString();
    case ElementKind::InstanceHierarchy: return u"InstanceHierarchy"_s;
    case ElementKind::InternalElement: return u"InternalElement"_s;
    case ElementKind::SystemUnitClassLib: return u"SystemUnitClassLib"_s;
    case ElementKind::SystemUnitClass: return u"SystemUnitClass"_s;
    case ElementKind::RoleClassLib: return u"RoleClassLib"_s;
    case ElementKind::RoleClass: return u"RoleClass"_s;
    case ElementKind::InterfaceClassLib: return u"InterfaceClassLib"_s;
    case ElementKind::InterfaceClass: return u"InterfaceClass"_s;
    case ElementKind::AttributeTypeLib: return u"AttributeTypeLib"_s;
    case ElementKind::AttributeType: return u"AttributeType"_s;
    case ElementKind::ExternalInterface: return u"ExternalInterface"_s;
    case ElementKind::Attribute: return u"Attribute"_s;
    case ElementKind::InternalLink: return u"InternalLink"_s;
    }
    return QString();
}

namespace {
template <typename T, typename List>
T *findByName(List &list, QStringView name)
{
    for (auto &item : list)
        if (item.name == name)
            return &item;
    return nullptr;
}
} // namespace

Attribute *findAttribute(NodeList<Attribute> &list, QStringView name)
{
    return findByName<Attribute>(list, name);
}
const Attribute *findAttribute(const NodeList<Attribute> &list, QStringView name)
{
    return findByName<const Attribute>(list, name);
}
Attribute *Attribute::attribute(QStringView attributeName)
{
    return findAttribute(attributes, attributeName);
}
const Attribute *Attribute::attribute(QStringView attributeName) const
{
    return findAttribute(attributes, attributeName);
}
ExternalInterface *findInterface(NodeList<ExternalInterface> &list, QStringView name)
{
    return findByName<ExternalInterface>(list, name);
}
const ExternalInterface *findInterface(const NodeList<ExternalInterface> &list, QStringView name)
{
    return findByName<const ExternalInterface>(list, name);
}
InternalElement *findChild(NodeList<InternalElement> &list, QStringView name)
{
    return findByName<InternalElement>(list, name);
}
const InternalElement *findChild(const NodeList<InternalElement> &list, QStringView name)
{
    return findByName<const InternalElement>(list, name);
}

} // namespace dt::model
