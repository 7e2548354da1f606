// SPDX-License-Identifier: GPL-3.0-or-later
// The canonical JSON dump: every field of every node in a fixed key order, children grouped per
// kind in XSD order. Two models with equal content give byte-identical dumps, which is what the
// round-trip tests and `dt-aml dump` compare. Source positions are not part of the content.
#include "jsondump.h"

#include "jsonstreamwriter.h"

namespace dt::model {

namespace {

class JsonDumper
{
public:
    explicit JsonDumper(QByteArray *out)
        : m_json(out, 1)
    {
    }

    void file(const CaexFile &f)
    {
        m_json.beginObject();
        m_json.member("schemaVersion", schemaVersionName(f.schemaVersion));
        m_json.member("fileName", f.fileName);
        basic(f);
        m_json.key("superiorStandardVersions");
        m_json.stringArray(f.superiorStandardVersions);
        list("sourceDocumentInformation", f.sourceDocumentInformation,
            [this](const SourceDocumentInformation &s) { sourceInfo(s); });
        list("externalReferences", f.externalReferences, [this](const ExternalReference &r) {
            m_json.beginObject();
            basic(r);
            m_json.member("path", r.path);
            m_json.member("alias", r.alias);
            m_json.endObject();
        });
        list("instanceHierarchies", f.instanceHierarchies, [this](const InstanceHierarchy &h) {
            m_json.beginObject();
            object(h);
            internalElements(h.internalElements);
            m_json.endObject();
        });
        library("interfaceClassLibs", f.interfaceClassLibs, "interfaceClasses",
            [this](const InterfaceClass &c) { interfaceClass(c); });
        library("roleClassLibs", f.roleClassLibs, "roleClasses",
            [this](const RoleClass &c) { roleClass(c); });
        library("systemUnitClassLibs", f.systemUnitClassLibs, "systemUnitClasses",
            [this](const SystemUnitClass &c) { systemUnitClass(c); });
        library("attributeTypeLibs", f.attributeTypeLibs, "attributeTypes",
            [this](const AttributeType &t) { attributeType(t); });
        m_json.endObject();
    }

private:
    template<typename List, typename Fn> void list(const char *name, const List &items, Fn fn)
    {
        m_json.key(name);
        m_json.beginArray();
        for (const auto &item : items)
            fn(item);
        m_json.endArray();
    }

    template<typename Lib, typename Fn>
    void library(const char *name, const NodeList<Lib> &libs, const char *classesKey, Fn fn)
    {
        list(name, libs, [&](const Lib &lib) {
            m_json.beginObject();
            object(lib);
            list(classesKey, lib.classes, fn);
            m_json.endObject();
        });
    }

    void headerText(const char *name, const std::optional<HeaderText> &text)
    {
        m_json.key(name);
        if (!text) {
            m_json.null();
            return;
        }
        m_json.beginObject();
        m_json.member("text", text->text);
        m_json.member("changeMode", changeModeName(text->changeMode));
        m_json.endObject();
    }

    void fragments(const char *name, const QList<XmlFragment> &items)
    {
        list(name, items, [this](const XmlFragment &f) { m_json.value(QStringView(f.xml)); });
    }

    void unknownAttributes(const QList<XmlAttribute> &attributes)
    {
        list("unknownAttributes", attributes, [this](const XmlAttribute &a) {
            m_json.beginObject();
            m_json.member("qualifiedName", a.qualifiedName);
            m_json.member("namespaceUri", a.namespaceUri);
            m_json.member("value", a.value);
            m_json.endObject();
        });
    }

    // An allocated but empty header means the same as none, so both dump as null.
    void header(const ValuePtr<Header> &h)
    {
        m_json.key("header");
        if (!h || h->isEmpty()) {
            m_json.null();
            return;
        }
        m_json.beginObject();
        headerText("description", h->description);
        headerText("version", h->version);
        list("revisions", h->revisions, [this](const Revision &r) {
            m_json.beginObject();
            m_json.member("changeMode", changeModeName(r.changeMode));
            m_json.member("revisionDate", r.revisionDate);
            m_json.member("oldVersion", r.oldVersion);
            m_json.member("newVersion", r.newVersion);
            m_json.member("authorName", r.authorName);
            m_json.member("comment", r.comment);
            m_json.endObject();
        });
        headerText("copyright", h->copyright);
        fragments("additionalInformation", h->additionalInformation);
        unknownAttributes(h->unknownAttributes);
        fragments("unknownElements", h->unknownElements);
        m_json.endObject();
    }

    void basic(const CaexBasicObject &o)
    {
        m_json.member("changeMode", changeModeName(o.changeMode));
        header(o.header);
    }

    void object(const CaexObject &o)
    {
        m_json.member("name", o.name);
        m_json.member("id", o.id);
        basic(o);
    }

    void sourceInfo(const SourceDocumentInformation &s)
    {
        m_json.beginObject();
        m_json.member("originName", s.originName);
        m_json.member("originId", s.originId);
        m_json.member("originVendor", s.originVendor);
        m_json.member("originVendorUrl", s.originVendorUrl);
        m_json.member("originVersion", s.originVersion);
        m_json.member("originRelease", s.originRelease);
        m_json.member("lastWritingDateTime", s.lastWritingDateTime);
        m_json.member("originProjectTitle", s.originProjectTitle);
        m_json.member("originProjectId", s.originProjectId);
        unknownAttributes(s.unknownAttributes);
        m_json.endObject();
    }

    void constraint(const Constraint &c)
    {
        m_json.beginObject();
        m_json.member("name", c.name);
        basic(c);
        const char *kind = c.kind == Constraint::Kind::Ordinal ? "ordinal"
            : c.kind == Constraint::Kind::Nominal              ? "nominal"
                                                               : "unknown";
        m_json.member("kind", kind);
        m_json.member("requiredMaxValue", c.requiredMaxValue);
        m_json.member("requiredValue", c.requiredValue);
        m_json.member("requiredMinValue", c.requiredMinValue);
        m_json.key("nominalValues");
        m_json.stringArray(c.nominalValues);
        m_json.member("requirements", c.requirements);
        m_json.key("inner");
        if (c.inner) {
            m_json.beginObject();
            basic(*c.inner);
            m_json.endObject();
        } else {
            m_json.null();
        }
        m_json.endObject();
    }

    // The fields of CAEX AttributeType, shared by Attribute and AttributeType (AttributeFamily).
    void attributeFields(const Attribute &a)
    {
        object(a);
        m_json.member("unit", a.unit);
        m_json.member("dataType", a.dataType);
        m_json.member("refAttributeType", a.refAttributeType);
        m_json.member("defaultValue", a.defaultValue);
        m_json.member("value", a.value);
        list("refSemantics", a.refSemantics, [this](const RefSemantic &r) {
            m_json.beginObject();
            basic(r);
            m_json.member("correspondingAttributePath", r.correspondingAttributePath);
            m_json.endObject();
        });
        list("constraints", a.constraints, [this](const Constraint &c) { constraint(c); });
        attributes(a.attributes);
    }

    void attributes(const NodeList<Attribute> &items)
    {
        list("attributes", items, [this](const Attribute &a) {
            m_json.beginObject();
            attributeFields(a);
            m_json.endObject();
        });
    }

    void attributeType(const AttributeType &t)
    {
        m_json.beginObject();
        attributeFields(t);
        list("attributeTypes", t.attributeTypes,
            [this](const AttributeType &sub) { attributeType(sub); });
        m_json.endObject();
    }

    void interfaceFields(const ExternalInterface &i)
    {
        object(i);
        m_json.member("refBaseClassPath", i.refBaseClassPath);
        attributes(i.attributes);
        interfaces(i.interfaces);
    }

    void interfaces(const NodeList<ExternalInterface> &items)
    {
        list("externalInterfaces", items, [this](const ExternalInterface &i) {
            m_json.beginObject();
            interfaceFields(i);
            m_json.endObject();
        });
    }

    void interfaceClass(const InterfaceClass &c)
    {
        m_json.beginObject();
        interfaceFields(c);
        list("interfaceClasses", c.interfaceClasses,
            [this](const InterfaceClass &sub) { interfaceClass(sub); });
        m_json.endObject();
    }

    void roleClass(const RoleClass &c)
    {
        m_json.beginObject();
        object(c);
        m_json.member("refBaseClassPath", c.refBaseClassPath);
        attributes(c.attributes);
        interfaces(c.interfaces);
        list("roleClasses", c.roleClasses, [this](const RoleClass &sub) { roleClass(sub); });
        m_json.endObject();
    }

    void mappingObject(const ValuePtr<MappingObject> &m)
    {
        m_json.key("mappingObject");
        if (!m) {
            m_json.null();
            return;
        }
        m_json.beginObject();
        basic(*m);
        list("attributeNameMappings", m->attributeMappings, [this](const AttributeNameMapping &a) {
            m_json.beginObject();
            basic(a);
            m_json.member("systemUnitAttributeName", a.systemUnitAttributeName);
            m_json.member("roleAttributeName", a.roleAttributeName);
            m_json.endObject();
        });
        list("interfaceIdMappings", m->interfaceIdMappings, [this](const InterfaceIdMapping &i) {
            m_json.beginObject();
            basic(i);
            m_json.member("systemUnitInterfaceId", i.systemUnitInterfaceId);
            m_json.member("roleInterfaceId", i.roleInterfaceId);
            m_json.endObject();
        });
        list("interfaceNameMappings", m->interfaceNameMappings,
            [this](const InterfaceNameMapping &i) {
                m_json.beginObject();
                basic(i);
                m_json.member("systemUnitInterfaceName", i.systemUnitInterfaceName);
                m_json.member("roleInterfaceName", i.roleInterfaceName);
                m_json.endObject();
            });
        m_json.endObject();
    }

    // The SystemUnitClassType content shared by SystemUnitClass and InternalElement.
    void systemUnitFields(const SystemUnitClassType &s)
    {
        attributes(s.attributes);
        interfaces(s.interfaces);
        internalElements(s.internalElements);
        list("supportedRoleClasses", s.supportedRoleClasses, [this](const SupportedRoleClass &r) {
            m_json.beginObject();
            basic(r);
            m_json.member("refRoleClassPath", r.refRoleClassPath);
            mappingObject(r.mappingObject);
            m_json.endObject();
        });
        list("internalLinks", s.internalLinks, [this](const InternalLink &l) {
            m_json.beginObject();
            object(l);
            m_json.member("refPartnerSideA", l.refPartnerSideA);
            m_json.member("refPartnerSideB", l.refPartnerSideB);
            m_json.endObject();
        });
    }

    void internalElements(const NodeList<InternalElement> &items)
    {
        list("internalElements", items, [this](const InternalElement &e) {
            m_json.beginObject();
            object(e);
            m_json.member("refBaseSystemUnitPath", e.refBaseSystemUnitPath);
            systemUnitFields(e);
            list("roleRequirements", e.roleRequirements, [this](const RoleRequirements &r) {
                m_json.beginObject();
                basic(r);
                m_json.member("refBaseRoleClassPath", r.refBaseRoleClassPath);
                attributes(r.attributes);
                interfaces(r.interfaces);
                mappingObject(r.mappingObject);
                m_json.endObject();
            });
            mappingObject(e.mappingObject);
            m_json.endObject();
        });
    }

    void systemUnitClass(const SystemUnitClass &c)
    {
        m_json.beginObject();
        object(c);
        m_json.member("refBaseClassPath", c.refBaseClassPath);
        systemUnitFields(c);
        list("systemUnitClasses", c.systemUnitClasses,
            [this](const SystemUnitClass &sub) { systemUnitClass(sub); });
        m_json.endObject();
    }

    JsonStreamWriter m_json;
};

} // namespace

QByteArray dumpJson(const CaexFile &file)
{
    QByteArray out;
    out.reserve(64 * 1024);
    JsonDumper(&out).file(file);
    return out;
}

} // namespace dt::model
