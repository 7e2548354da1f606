// SPDX-License-Identifier: GPL-3.0-or-later
// CAEX 2.15 <-> 3.0. Document information and MappingObjects have their own files; this one
// drives the conversion and removes what CAEX 2.15 has no place for, naming each loss.
#include "conversion.h"

#include "caexpath.h"
#include "conversionreport.h"
#include "documentinfoconversion.h"
#include "mappingconversion.h"
#include "xmloutput.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

/// Our OriginID: fixed, so documents written by any version of the tool name the same origin.
const QString toolOriginId = u"cf314f6c-fa20-4399-a02f-f3e142f0af68"_s;
/// The project version, used when the application did not set its own.
const QString toolVersion = u"0.1.0"_s;

bool isSourceObjectInformation(const XmlFragment &f)
{
    return xmlFragmentLocalName(f.xml) == u"SourceObjectInformation";
}

/// Removes from a 3.0 model what CAEX 2.15 cannot hold, reporting each removal.
class Pruner
{
public:
    explicit Pruner(Diagnostics *warnings)
        : m_warnings(warnings)
    {
    }

    void file(CaexFile &f)
    {
        basic(f, u"CAEXFile"_s, QString());
        for (ExternalReference &r : f.externalReferences)
            basic(r, u"ExternalReference "_s + r.alias, QString());
        for (InstanceHierarchy &h : f.instanceHierarchies) {
            basic(h, h.name, h.id);
            for (InternalElement &e : h.internalElements)
                element(e, { h.name, e.name });
        }
        for (InterfaceClassLib &lib : f.interfaceClassLibs) {
            basic(lib, lib.name, lib.id);
            for (InterfaceClass &c : lib.classes)
                interfaceClass(c, { lib.name, c.name });
        }
        for (RoleClassLib &lib : f.roleClassLibs) {
            basic(lib, lib.name, lib.id);
            for (RoleClass &c : lib.classes)
                roleClass(c, { lib.name, c.name });
        }
        for (SystemUnitClassLib &lib : f.systemUnitClassLibs) {
            basic(lib, lib.name, lib.id);
            for (SystemUnitClass &c : lib.classes)
                systemUnitClass(c, { lib.name, c.name });
        }
        for (const AttributeTypeLib &lib : std::as_const(f.attributeTypeLibs))
            report(u"AttributeTypeLib \"%1\" dropped with its %2 attribute type(s): "
                   u"CAEX 2.15 has no AttributeTypeLib"_s.arg(lib.name)
                       .arg(countTypes(lib.classes)),
                lib.id);
        f.attributeTypeLibs.clear();
    }

private:
    void report(const QString &message, const QString &id)
    {
        reportConversion(m_warnings, Severity::Warning, message, id);
    }

    static int countTypes(const NodeList<AttributeType> &types)
    {
        int n = 0;
        for (const AttributeType &t : types)
            n += 1 + countTypes(t.attributeTypes);
        return n;
    }

    void basic(CaexBasicObject &o, const QString &where, const QString &id)
    {
        if (!o.header)
            return;
        QList<XmlFragment> &unknown = o.header->unknownElements;
        for (qsizetype i = unknown.size() - 1; i >= 0; --i) {
            if (isSourceObjectInformation(unknown.at(i))) {
                report(
                    u"%1: SourceObjectInformation dropped: not part of CAEX 2.15"_s.arg(where), id);
                unknown.removeAt(i);
            }
        }
    }

    void attributes(NodeList<Attribute> &list, const QString &where, const QString &id)
    {
        for (Attribute &a : list) {
            const QString here = where + u": attribute \""_s + a.name + u'"';
            basic(a, here, id);
            if (!a.refAttributeType.isEmpty()) {
                report(
                    u"%1: RefAttributeType \"%2\" dropped: CAEX 2.15 has no RefAttributeType"_s.arg(
                        here, a.refAttributeType),
                    a.id.isEmpty() ? id : a.id);
                a.refAttributeType.clear();
            }
            for (RefSemantic &r : a.refSemantics)
                basic(r, here, id);
            for (Constraint &c : a.constraints)
                basic(c, here, id);
            attributes(a.attributes, here, id);
        }
    }

    void interface(ExternalInterface &i, const QString &where, const QString &id)
    {
        basic(i, where, id);
        attributes(i.attributes, where, id);
        for (const ExternalInterface &nested : std::as_const(i.interfaces))
            report(u"%1: nested interface \"%2\" dropped: CAEX 2.15 has no nested interfaces"_s.arg(
                       where, nested.name),
                nested.id.isEmpty() ? id : nested.id);
        i.interfaces.clear();
    }

    void interfaces(NodeList<ExternalInterface> &list, const QString &where, const QString &id)
    {
        for (ExternalInterface &i : list)
            interface(i, where + u": interface \""_s + i.name + u'"', i.id.isEmpty() ? id : i.id);
    }

    void unit(SystemUnitClassType &u, const QStringList &path)
    {
        const QString where = CaexPath::join(path);
        basic(u, where, u.id);
        attributes(u.attributes, where, u.id);
        interfaces(u.interfaces, where, u.id);
        for (InternalElement &e : u.internalElements)
            element(e, path + QStringList { e.name });
        for (SupportedRoleClass &r : u.supportedRoleClasses)
            basic(r, where, u.id);
        for (InternalLink &l : u.internalLinks)
            basic(l, where, u.id);
    }

    void element(InternalElement &e, const QStringList &path)
    {
        unit(e, path);
        const QString where = CaexPath::join(path);
        while (e.roleRequirements.size() > 1) {
            const RoleRequirements &extra = e.roleRequirements.last();
            report(u"%1: RoleRequirements \"%2\"%3 dropped: CAEX 2.15 allows one per element"_s.arg(
                       where, extra.refBaseRoleClassPath,
                       extra.mappingObject ? u" with its MappingObject"_s : QString()),
                e.id);
            e.roleRequirements.removeLast();
        }
        for (RoleRequirements &r : e.roleRequirements) {
            basic(r, where, e.id);
            attributes(r.attributes, where + u": RoleRequirements"_s, e.id);
            interfaces(r.interfaces, where + u": RoleRequirements"_s, e.id);
        }
    }

    void systemUnitClass(SystemUnitClass &c, const QStringList &path)
    {
        unit(c, path);
        for (SystemUnitClass &sub : c.systemUnitClasses)
            systemUnitClass(sub, path + QStringList { sub.name });
    }

    void roleClass(RoleClass &c, const QStringList &path)
    {
        const QString where = CaexPath::join(path);
        basic(c, where, c.id);
        attributes(c.attributes, where, c.id);
        interfaces(c.interfaces, where, c.id);
        for (RoleClass &sub : c.roleClasses)
            roleClass(sub, path + QStringList { sub.name });
    }

    void interfaceClass(InterfaceClass &c, const QStringList &path)
    {
        interface(c, CaexPath::join(path), c.id);
        for (InterfaceClass &sub : c.interfaceClasses)
            interfaceClass(sub, path + QStringList { sub.name });
    }

    Diagnostics *m_warnings;
};

} // namespace

SourceDocumentInformation toolSourceDocumentInformation()
{
    SourceDocumentInformation info;
    info.originName = u"DT Workbench"_s;
    info.originId = toolOriginId;
    const QString appVersion = QCoreApplication::applicationVersion();
    info.originVersion = appVersion.isEmpty() ? toolVersion : appVersion;
    info.lastWritingDateTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return info;
}

bool ensureSourceDocumentInformation(CaexFile &file)
{
    if (!file.sourceDocumentInformation.isEmpty())
        return false;
    file.sourceDocumentInformation.append(toolSourceDocumentInformation());
    return true;
}

CaexFile convertTo(const CaexFile &file, SchemaVersion target, Diagnostics *warnings)
{
    CaexFile out = file;
    if (file.schemaVersion == target)
        return out;
    out.schemaVersion = target;
    if (target == SchemaVersion::V3_0) {
        documentinfo::upgrade(out, warnings);
        mappingconversion::upgrade(out, warnings);
    } else {
        // Mappings first: they move out of the RoleRequirements the pruner may drop.
        mappingconversion::downgrade(out, warnings);
        documentinfo::downgrade(out, warnings);
        Pruner(warnings).file(out);
    }
    return out;
}

} // namespace dt::model
