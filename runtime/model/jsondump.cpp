// SPDX-License-Identifier: GPL-3.0-or-later
// The canonical JSON dump: every field of every node that has content, in a fixed key order, children grouped per
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
        field("fileName", f.fileName);
        basic(f);
        if (!f.superiorStandardVersions.isEmpty()) {
            m_json.key("superiorStandardVersions");
            m_json.stringArray(f.superiorStandardVersions);
        }
        list("sourceDocumentInformation", f.sourceDocumentInformation,
            [this](const SourceDocumentInformation &s) { sourceInfo(s); });
        list("externalReferences", f.externalReferences, [this](const ExternalReference &r) {
            m_json.beginObject();
            basic(r);
            field("path", r.path);
            field("alias", r.alias);
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
    // Absent or empty content is left out: a key appears only when it says something, which
    // keeps dumps of large models small while absent and present-but-empty stay distinct.
    template<typename List, typename Fn> void list(const char *name, const List &items, Fn fn)
    {
        if (items.isEmpty())
            return;
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

    void field(const char *name, const QString &text)
    {
        if (!text.isEmpty())
            m_json.member(name, text);
    }

    void field(const char *name, const std::optional<QString> &text)
    {
        if (text)
            m_json.member(name, QStringView(*text));
    }

    void changeMode(ChangeMode mode)
    {
        if (mode != ChangeMode::State)
            m_json.member("changeMode", changeModeName(mode));
    }

    void headerText(const char *name, const std::optional<HeaderText> &text)
    {
        if (!text)
            return;
        m_json.key(name);
        m_json.beginObject();
        field("text", text->text);
        changeMode(text->changeMode);
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
            field("qualifiedName", a.qualifiedName);
            field("namespaceUri", a.namespaceUri);
            field("value", a.value);
            m_json.endObject();
        });
    }

    // An allocated but empty header means the same as none, so both are left out.
    void header(const ValuePtr<Header> &h)
    {
        if (!h || h->isEmpty())
            return;
        m_json.key("header");
        m_json.beginObject();
        headerText("description", h->description);
        headerText("version", h->version);
        list("revisions", h->revisions, [this](const Revision &r) {
            m_json.beginObject();
            changeMode(r.changeMode);
            field("revisionDate", r.revisionDate);
            field("oldVersion", r.oldVersion);
            field("newVersion", r.newVersion);
            field("authorName", r.authorName);
            field("comment", r.comment);
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
        changeMode(o.changeMode);
        header(o.header);
    }

    void object(const CaexObject &o)
    {
        field("name", o.name);
        field("id", o.id);
        basic(o);
    }

    void sourceInfo(const SourceDocumentInformation &s)
    {
        m_json.beginObject();
        field("originName", s.originName);
        field("originId", s.originId);
        field("originVendor", s.originVendor);
        field("originVendorUrl", s.originVendorUrl);
        field("originVersion", s.originVersion);
        field("originRelease", s.originRelease);
        field("lastWritingDateTime", s.lastWritingDateTime);
        field("originProjectTitle", s.originProjectTitle);
        field("originProjectId", s.originProjectId);
        unknownAttributes(s.unknownAttributes);
        m_json.endObject();
    }

    void constraint(const Constraint &c)
    {
        m_json.beginObject();
        field("name", c.name);
        basic(c);
        const char *kind = c.kind == Constraint::Kind::Ordinal ? "ordinal"
            : c.kind == Constraint::Kind::Nominal              ? "nominal"
                                                               : "unknown";
        m_json.member("kind", kind);
        field("requiredMaxValue", c.requiredMaxValue);
        field("requiredValue", c.requiredValue);
        field("requiredMinValue", c.requiredMinValue);
        if (!c.nominalValues.isEmpty()) {
            m_json.key("nominalValues");
            m_json.stringArray(c.nominalValues);
        }
        field("requirements", c.requirements);
        if (c.inner) {
            m_json.key("inner");
            m_json.beginObject();
            basic(*c.inner);
            m_json.endObject();
        }
        m_json.endObject();
    }

    // The fields of CAEX AttributeType, shared by Attribute and AttributeType (AttributeFamily).
    void attributeFields(const Attribute &a)
    {
        object(a);
        field("unit", a.unit);
        field("dataType", a.dataType);
        field("refAttributeType", a.refAttributeType);
        field("defaultValue", a.defaultValue);
        field("value", a.value);
        list("refSemantics", a.refSemantics, [this](const RefSemantic &r) {
            m_json.beginObject();
            basic(r);
            field("correspondingAttributePath", r.correspondingAttributePath);
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
        field("refBaseClassPath", i.refBaseClassPath);
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
        field("refBaseClassPath", c.refBaseClassPath);
        attributes(c.attributes);
        interfaces(c.interfaces);
        list("roleClasses", c.roleClasses, [this](const RoleClass &sub) { roleClass(sub); });
        m_json.endObject();
    }

    void mappingObject(const ValuePtr<MappingObject> &m)
    {
        if (!m)
            return;
        m_json.key("mappingObject");
        m_json.beginObject();
        basic(*m);
        list("attributeNameMappings", m->attributeMappings, [this](const AttributeNameMapping &a) {
            m_json.beginObject();
            basic(a);
            field("systemUnitAttributeName", a.systemUnitAttributeName);
            field("roleAttributeName", a.roleAttributeName);
            m_json.endObject();
        });
        list("interfaceIdMappings", m->interfaceIdMappings, [this](const InterfaceIdMapping &i) {
            m_json.beginObject();
            basic(i);
            field("systemUnitInterfaceId", i.systemUnitInterfaceId);
            field("roleInterfaceId", i.roleInterfaceId);
            m_json.endObject();
        });
        list("interfaceNameMappings", m->interfaceNameMappings,
            [this](const InterfaceNameMapping &i) {
                m_json.beginObject();
                basic(i);
                field("systemUnitInterfaceName", i.systemUnitInterfaceName);
                field("roleInterfaceName", i.roleInterfaceName);
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
            field("refRoleClassPath", r.refRoleClassPath);
            mappingObject(r.mappingObject);
            m_json.endObject();
        });
        list("internalLinks", s.internalLinks, [this](const InternalLink &l) {
            m_json.beginObject();
            object(l);
            field("refPartnerSideA", l.refPartnerSideA);
            field("refPartnerSideB", l.refPartnerSideB);
            m_json.endObject();
        });
    }

    void internalElements(const NodeList<InternalElement> &items)
    {
        list("internalElements", items, [this](const InternalElement &e) {
            m_json.beginObject();
            object(e);
            field("refBaseSystemUnitPath", e.refBaseSystemUnitPath);
            systemUnitFields(e);
            list("roleRequirements", e.roleRequirements, [this](const RoleRequirements &r) {
                m_json.beginObject();
                basic(r);
                field("refBaseRoleClassPath", r.refBaseRoleClassPath);
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
        field("refBaseClassPath", c.refBaseClassPath);
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
