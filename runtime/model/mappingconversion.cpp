// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappingconversion.h"

#include "caexpath.h"
#include "conversionreport.h"

#include <QHash>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

namespace dt::model::mappingconversion {

namespace {

using ElementFn = std::function<void(InternalElement &, const QStringList &)>;
using ClassFn = std::function<void(SystemUnitClass &, const QStringList &)>;

void walkElements(NodeList<InternalElement> &list, const QStringList &parent, const ElementFn &fn)
{
    for (InternalElement &e : list) {
        const QStringList path = parent + QStringList { e.name };
        fn(e, path);
        walkElements(e.internalElements, path, fn);
    }
}

void walkClasses(NodeList<SystemUnitClass> &list, const QStringList &parent,
    const ElementFn &onElement, const ClassFn &onClass)
{
    for (SystemUnitClass &c : list) {
        const QStringList path = parent + QStringList { c.name };
        onClass(c, path);
        walkElements(c.internalElements, path, onElement);
        walkClasses(c.systemUnitClasses, path, onElement, onClass);
    }
}

/// Every InternalElement (in hierarchies and in classes) and every SystemUnitClass.
void forEachSystemUnit(CaexFile &file, const ElementFn &onElement, const ClassFn &onClass)
{
    for (InstanceHierarchy &h : file.instanceHierarchies)
        walkElements(h.internalElements, { h.name }, onElement);
    for (SystemUnitClassLib &lib : file.systemUnitClassLibs)
        walkClasses(lib.classes, { lib.name }, onElement, onClass);
}

/// An interface by name, the direct ones first, then nested ones (CAEX 3.0 content).
ExternalInterface *findInterfaceDeep(NodeList<ExternalInterface> &list, QStringView name)
{
    for (ExternalInterface &i : list)
        if (i.name == name)
            return &i;
    for (ExternalInterface &i : list)
        if (ExternalInterface *nested = findInterfaceDeep(i.interfaces, name))
            return nested;
    return nullptr;
}

RoleClass *findRoleClass(CaexFile &file, const QString &path)
{
    const CaexPath parsed = CaexPath::parse(path);
    if (!parsed.alias.isEmpty() || parsed.segments.size() < 2)
        return nullptr; // in another document, or not a class path
    for (RoleClassLib &lib : file.roleClassLibs) {
        if (lib.name != parsed.segments.first())
            continue;
        NodeList<RoleClass> *list = &lib.classes;
        RoleClass *found = nullptr;
        for (qsizetype i = 1; i < parsed.segments.size() && list; ++i) {
            found = nullptr;
            for (RoleClass &c : *list)
                if (c.name == parsed.segments.at(i)) {
                    found = &c;
                    break;
                }
            list = found ? &found->roleClasses : nullptr;
        }
        if (found)
            return found;
    }
    return nullptr;
}

/// A role interface by name: in the RoleRequirements first (when given), then in the role
/// class and its base classes.
ExternalInterface *findRoleInterface(CaexFile &file, NodeList<ExternalInterface> *requirements,
    const QString &rolePath, QStringView name)
{
    if (requirements)
        if (ExternalInterface *i = findInterfaceDeep(*requirements, name))
            return i;
    RoleClass *role = findRoleClass(file, rolePath);
    for (int depth = 0; role && depth < 64; ++depth) { // bounded: base chains may loop
        if (ExternalInterface *i = findInterfaceDeep(role->interfaces, name))
            return i;
        role = findRoleClass(file, role->refBaseClassPath);
    }
    return nullptr;
}

QString ensureId(ExternalInterface &i, const QString &where, Diagnostics *warnings)
{
    if (i.id.isEmpty()) {
        i.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        reportConversion(warnings, Severity::Info,
            u"%1: interface \"%2\" had no ID; gave it %3 for an InterfaceIDMapping"_s.arg(
                where, i.name, i.id),
            i.id);
    }
    return i.id;
}

void merge(MappingObject &into, MappingObject &from)
{
    into.attributeMappings += from.attributeMappings;
    into.interfaceIdMappings += from.interfaceIdMappings;
    into.interfaceNameMappings += from.interfaceNameMappings;
    if (!into.header && from.header)
        into.header = std::move(from.header);
    if (into.changeMode == ChangeMode::State)
        into.changeMode = from.changeMode;
}

struct MappingContext
{
    CaexFile &file;
    NodeList<ExternalInterface> &systemUnitInterfaces;
    NodeList<ExternalInterface> *roleInterfaces; ///< of the RoleRequirements, or null
    const QString &rolePath;
    QString where;
    QString elementId;
};

void namesToIds(MappingObject &m, const MappingContext &c, Diagnostics *warnings)
{
    for (const InterfaceNameMapping &n : std::as_const(m.interfaceNameMappings)) {
        ExternalInterface *unit
            = findInterfaceDeep(c.systemUnitInterfaces, n.systemUnitInterfaceName);
        ExternalInterface *role
            = findRoleInterface(c.file, c.roleInterfaces, c.rolePath, n.roleInterfaceName);
        if (!unit || !role) {
            const QString missing = !unit
                ? u"the element has no interface \"%1\""_s.arg(n.systemUnitInterfaceName)
                : u"role %1 has no interface \"%2\" here"_s.arg(c.rolePath, n.roleInterfaceName);
            reportConversion(warnings, Severity::Warning,
                u"%1: InterfaceNameMapping %2 -> %3 dropped: %4"_s.arg(
                    c.where, n.systemUnitInterfaceName, n.roleInterfaceName, missing),
                c.elementId);
            continue;
        }
        InterfaceIdMapping id;
        static_cast<CaexBasicObject &>(id) = n;
        id.systemUnitInterfaceId = ensureId(*unit, c.where, warnings);
        id.roleInterfaceId = ensureId(*role, c.where, warnings);
        m.interfaceIdMappings.append(id);
    }
    m.interfaceNameMappings.clear();
}

void collectIds(const NodeList<ExternalInterface> &list, QHash<QString, QString> &names)
{
    for (const ExternalInterface &i : list) {
        if (!i.id.isEmpty())
            names.insert(i.id, i.name);
        collectIds(i.interfaces, names);
    }
}

void collectElementIds(const NodeList<InternalElement> &list, QHash<QString, QString> &names);

void collectUnitIds(const SystemUnitClassType &unit, QHash<QString, QString> &names)
{
    collectIds(unit.interfaces, names);
    collectElementIds(unit.internalElements, names);
}

void collectElementIds(const NodeList<InternalElement> &list, QHash<QString, QString> &names)
{
    for (const InternalElement &e : list) {
        collectUnitIds(e, names);
        for (const RoleRequirements &r : e.roleRequirements)
            collectIds(r.interfaces, names);
    }
}

void collectClassIds(const NodeList<SystemUnitClass> &list, QHash<QString, QString> &names)
{
    for (const SystemUnitClass &c : list) {
        collectUnitIds(c, names);
        collectClassIds(c.systemUnitClasses, names);
    }
}

void collectRoleIds(const NodeList<RoleClass> &list, QHash<QString, QString> &names)
{
    for (const RoleClass &c : list) {
        collectIds(c.interfaces, names);
        collectRoleIds(c.roleClasses, names);
    }
}

/// Interface ID -> name over the whole document (IDs are unique document-wide).
QHash<QString, QString> interfaceNamesById(const CaexFile &file)
{
    QHash<QString, QString> names;
    for (const InstanceHierarchy &h : file.instanceHierarchies)
        collectElementIds(h.internalElements, names);
    for (const SystemUnitClassLib &lib : file.systemUnitClassLibs)
        collectClassIds(lib.classes, names);
    for (const RoleClassLib &lib : file.roleClassLibs)
        collectRoleIds(lib.classes, names);
    return names;
}

void idsToNames(MappingObject &m, const QHash<QString, QString> &names, const QString &where,
    const QString &elementId, Diagnostics *warnings)
{
    for (const InterfaceIdMapping &i : std::as_const(m.interfaceIdMappings)) {
        const auto unit = names.constFind(i.systemUnitInterfaceId);
        const auto role = names.constFind(i.roleInterfaceId);
        if (unit == names.cend() || role == names.cend()) {
            reportConversion(warnings, Severity::Warning,
                u"%1: InterfaceIDMapping %2 -> %3 dropped: no interface has ID %4"_s.arg(where,
                    i.systemUnitInterfaceId, i.roleInterfaceId,
                    unit == names.cend() ? i.systemUnitInterfaceId : i.roleInterfaceId),
                elementId);
            continue;
        }
        InterfaceNameMapping n;
        static_cast<CaexBasicObject &>(n) = i;
        n.systemUnitInterfaceName = *unit;
        n.roleInterfaceName = *role;
        m.interfaceNameMappings.append(n);
    }
    m.interfaceIdMappings.clear();
}

} // namespace

void upgrade(CaexFile &file, Diagnostics *warnings)
{
    const auto supported = [&](SystemUnitClassType &unit, const QString &where) {
        for (SupportedRoleClass &r : unit.supportedRoleClasses)
            if (r.mappingObject)
                namesToIds(*r.mappingObject,
                    { file, unit.interfaces, nullptr, r.refRoleClassPath, where, unit.id },
                    warnings);
    };
    const auto onElement = [&](InternalElement &e, const QStringList &segments) {
        const QString where = CaexPath::join(segments);
        if (e.mappingObject) {
            if (!e.roleRequirements.isEmpty()) {
                RoleRequirements &r = e.roleRequirements.first();
                if (r.mappingObject)
                    merge(*r.mappingObject, *e.mappingObject);
                else
                    r.mappingObject = std::move(e.mappingObject);
            } else if (e.supportedRoleClasses.size() == 1
                && !e.supportedRoleClasses.first().mappingObject) {
                e.supportedRoleClasses.first().mappingObject = std::move(e.mappingObject);
                reportConversion(warnings, Severity::Info,
                    u"%1: MappingObject moved to the SupportedRoleClass (no RoleRequirements)"_s
                        .arg(where),
                    e.id);
            } else {
                reportConversion(warnings, Severity::Warning,
                    u"%1: MappingObject dropped: no RoleRequirements to hold it"_s.arg(where),
                    e.id);
            }
            e.mappingObject.reset();
        }
        for (RoleRequirements &r : e.roleRequirements)
            if (r.mappingObject)
                namesToIds(*r.mappingObject,
                    { file, e.interfaces, &r.interfaces, r.refBaseRoleClassPath, where, e.id },
                    warnings);
        supported(e, where);
    };
    const auto onClass = [&](SystemUnitClass &c, const QStringList &segments) {
        supported(c, CaexPath::join(segments));
    };
    forEachSystemUnit(file, onElement, onClass);
}

void downgrade(CaexFile &file, Diagnostics *warnings)
{
    const QHash<QString, QString> names = interfaceNamesById(file);
    const auto supported = [&](SystemUnitClassType &unit, const QString &where) {
        for (SupportedRoleClass &r : unit.supportedRoleClasses)
            if (r.mappingObject)
                idsToNames(*r.mappingObject, names, where, unit.id, warnings);
    };
    const auto onElement = [&](InternalElement &e, const QStringList &segments) {
        const QString where = CaexPath::join(segments);
        for (RoleRequirements &r : e.roleRequirements)
            if (r.mappingObject)
                idsToNames(*r.mappingObject, names, where, e.id, warnings);
        if (!e.roleRequirements.isEmpty() && e.roleRequirements.first().mappingObject) {
            ValuePtr<MappingObject> &m = e.roleRequirements.first().mappingObject;
            if (e.mappingObject)
                merge(*e.mappingObject, *m);
            else
                e.mappingObject = std::move(m);
            m.reset();
        }
        supported(e, where);
    };
    const auto onClass = [&](SystemUnitClass &c, const QStringList &segments) {
        supported(c, CaexPath::join(segments));
    };
    forEachSystemUnit(file, onElement, onClass);
}

} // namespace dt::model::mappingconversion
