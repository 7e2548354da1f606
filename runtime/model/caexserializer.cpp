// SPDX-License-Identifier: GPL-3.0-or-later
#include "caexserializer.h"

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

/// CAEX 3.0 puts SourceObjectInformation in the header group; a reader that does not model it
/// keeps it as an unknown element, which must go back to its place for the file to stay valid.
bool isHeaderElement(const XmlFragment &f)
{
    return xmlFragmentLocalName(f.xml) == u"SourceObjectInformation";
}

} // namespace

/// Records the element being written; on failure, names it in the error message.
class CaexSerializer::Scope
{
public:
    Scope(CaexSerializer &s, const QString &tag, const QString *name = nullptr)
        : m_s(s)
        , m_tag(tag)
        , m_named(name != nullptr)
    {
        if (m_named)
            m_s.m_path.append(name);
    }
    ~Scope()
    {
        if (m_s.m_out.failed()) {
            QStringList names;
            for (const QString *n : std::as_const(m_s.m_path))
                names.append(*n);
            m_s.m_out.annotate(
                names.isEmpty() ? m_tag : m_tag + u" \""_s + names.join(u'/') + u'"');
        }
        if (m_named)
            m_s.m_path.removeLast();
    }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    CaexSerializer &m_s;
    const QString &m_tag;
    bool m_named;
};

void CaexSerializer::basicAttributes(const CaexBasicObject &o, bool isRoot)
{
    if (o.changeMode != ChangeMode::State)
        m_out.attribute(u"ChangeMode"_s, changeModeName(o.changeMode));
    if (o.header && !o.header->unknownAttributes.isEmpty())
        m_out.unknownAttributes(o.header->unknownAttributes, isRoot);
}

void CaexSerializer::objectAttributes(const CaexObject &o)
{
    m_out.attribute(u"Name"_s, o.name);
    if (!o.id.isEmpty())
        m_out.attribute(u"ID"_s, o.id);
}

void CaexSerializer::headerText(const QString &tag, const HeaderText &text)
{
    if (text.changeMode == ChangeMode::State) {
        m_out.textElement(tag, text.text);
        return;
    }
    m_out.startElement(tag);
    m_out.attribute(u"ChangeMode"_s, changeModeName(text.changeMode));
    m_out.characters(text.text);
    m_out.endElement();
}

void CaexSerializer::header(const CaexBasicObject &o)
{
    if (!o.header)
        return;
    const Header &h = *o.header;
    if (h.description)
        headerText(u"Description"_s, *h.description);
    if (h.version)
        headerText(u"Version"_s, *h.version);
    for (const Revision &r : h.revisions) {
        m_out.startElement(u"Revision"_s);
        if (r.changeMode != ChangeMode::State)
            m_out.attribute(u"ChangeMode"_s, changeModeName(r.changeMode));
        m_out.textElement(u"RevisionDate"_s, r.revisionDate);
        if (r.oldVersion)
            m_out.textElement(u"OldVersion"_s, *r.oldVersion);
        if (r.newVersion)
            m_out.textElement(u"NewVersion"_s, *r.newVersion);
        m_out.textElement(u"AuthorName"_s, r.authorName);
        if (r.comment)
            m_out.textElement(u"Comment"_s, *r.comment);
        m_out.endElement();
    }
    if (h.copyright)
        headerText(u"Copyright"_s, *h.copyright);
    for (const XmlFragment &f : h.additionalInformation)
        m_out.fragment(f, u"AdditionalInformation");
    for (const XmlFragment &f : h.unknownElements)
        if (isHeaderElement(f))
            m_out.fragment(f, {});
}

void CaexSerializer::unknownElements(const CaexBasicObject &o)
{
    if (!o.header)
        return;
    for (const XmlFragment &f : o.header->unknownElements)
        if (!isHeaderElement(f))
            m_out.fragment(f, {});
}

QString CaexSerializer::xsiPrefix(const CaexFile &file)
{
    // A root attribute may use "xsi" for another namespace (input may bind any prefix to any
    // namespace); its qualified name is part of the model, so the writer's own XSI binding
    // moves to a free prefix instead.
    const auto taken = [&file](const QString &prefix) {
        if (!file.header)
            return false;
        for (const XmlAttribute &a : file.header->unknownAttributes) {
            if (a.namespaceUri != XmlOutput::xsiNamespace
                && QStringView(a.qualifiedName).startsWith(prefix + u':'))
                return true;
        }
        return false;
    };
    QString prefix = u"xsi"_s;
    for (int n = 1; taken(prefix); ++n)
        prefix = u"xsi"_s + QString::number(n);
    return prefix;
}

void CaexSerializer::document(const CaexFile &file)
{
    static const QString tag = u"CAEXFile"_s;
    Scope scope(*this, tag);
    m_out.startDocument();
    m_out.startElement(tag);
    m_out.attribute(u"SchemaVersion"_s, m_v3 ? u"3.0"_s : u"2.15"_s);
    m_out.attribute(u"FileName"_s, file.fileName);
    if (m_v3)
        m_out.namespaceDeclaration(QString(), XmlOutput::caexNamespace);
    const QString xsi = xsiPrefix(file);
    m_out.setXsiPrefix(xsi);
    m_out.namespaceDeclaration(xsi, XmlOutput::xsiNamespace);
    if (m_v3) {
        m_out.attribute(xsi + u":schemaLocation"_s,
            XmlOutput::caexNamespace + u" CAEX_ClassModel_V.3.0.xsd"_s);
    } else {
        m_out.attribute(xsi + u":noNamespaceSchemaLocation"_s, u"CAEX_ClassModel_V2.15.xsd"_s);
    }
    basicAttributes(file, true);
    header(file);
    for (const QString &version : file.superiorStandardVersions)
        m_out.textElement(u"SuperiorStandardVersion"_s, version);
    for (const SourceDocumentInformation &s : file.sourceDocumentInformation)
        sourceDocumentInformation(s);
    for (const ExternalReference &r : file.externalReferences)
        externalReference(r);
    for (const InstanceHierarchy &h : file.instanceHierarchies)
        instanceHierarchy(h);
    for (const InterfaceClassLib &lib : file.interfaceClassLibs)
        library(u"InterfaceClassLib"_s, lib, [this](const InterfaceClass &c) {
            interface(u"InterfaceClass"_s, c, &c.interfaceClasses);
        });
    for (const RoleClassLib &lib : file.roleClassLibs)
        library(u"RoleClassLib"_s, lib, [this](const RoleClass &c) { roleClass(c); });
    for (const SystemUnitClassLib &lib : file.systemUnitClassLibs)
        library(
            u"SystemUnitClassLib"_s, lib, [this](const SystemUnitClass &c) { systemUnitClass(c); });
    for (const AttributeTypeLib &lib : file.attributeTypeLibs)
        library(u"AttributeTypeLib"_s, lib, [this](const AttributeType &t) {
            attribute(u"AttributeType"_s, t, &t.attributeTypes);
        });
    unknownElements(file);
    m_out.endElement();
    m_out.endDocument();
}

void CaexSerializer::sourceDocumentInformation(const SourceDocumentInformation &s)
{
    static const QString tag = u"SourceDocumentInformation"_s;
    Scope scope(*this, tag);
    m_out.startElement(tag);
    // Required attributes are written even when empty; optional ones only when set.
    m_out.attribute(u"OriginName"_s, s.originName);
    m_out.attribute(u"OriginID"_s, s.originId);
    if (!s.originVendor.isEmpty())
        m_out.attribute(u"OriginVendor"_s, s.originVendor);
    if (!s.originVendorUrl.isEmpty())
        m_out.attribute(u"OriginVendorURL"_s, s.originVendorUrl);
    m_out.attribute(u"OriginVersion"_s, s.originVersion);
    if (!s.originRelease.isEmpty())
        m_out.attribute(u"OriginRelease"_s, s.originRelease);
    m_out.attribute(u"LastWritingDateTime"_s, s.lastWritingDateTime);
    if (!s.originProjectTitle.isEmpty())
        m_out.attribute(u"OriginProjectTitle"_s, s.originProjectTitle);
    if (!s.originProjectId.isEmpty())
        m_out.attribute(u"OriginProjectID"_s, s.originProjectId);
    m_out.unknownAttributes(s.unknownAttributes, false);
    m_out.endElement();
}

void CaexSerializer::externalReference(const ExternalReference &r)
{
    static const QString tag = u"ExternalReference"_s;
    Scope scope(*this, tag, &r.alias);
    m_out.startElement(tag);
    m_out.attribute(u"Path"_s, r.path);
    m_out.attribute(u"Alias"_s, r.alias);
    basicAttributes(r);
    header(r);
    unknownElements(r);
    m_out.endElement();
}

void CaexSerializer::instanceHierarchy(const InstanceHierarchy &h)
{
    if (m_out.failed())
        return;
    static const QString tag = u"InstanceHierarchy"_s;
    Scope scope(*this, tag, &h.name);
    m_out.startElement(tag);
    objectAttributes(h);
    basicAttributes(h);
    header(h);
    for (const InternalElement &e : h.internalElements)
        internalElement(e);
    unknownElements(h);
    m_out.endElement();
}

template<typename Class, typename Fn>
void CaexSerializer::library(const QString &tag, const ClassLibrary<Class> &lib, Fn writeClass)
{
    if (m_out.failed())
        return;
    Scope scope(*this, tag, &lib.name);
    m_out.startElement(tag);
    objectAttributes(lib);
    basicAttributes(lib);
    header(lib);
    for (const Class &c : lib.classes)
        writeClass(c);
    unknownElements(lib);
    m_out.endElement();
}

void CaexSerializer::attributes(const NodeList<Attribute> &list)
{
    for (const Attribute &a : list)
        attribute(u"Attribute"_s, a, nullptr);
}

void CaexSerializer::attribute(
    const QString &tag, const Attribute &a, const NodeList<AttributeType> *types)
{
    if (m_out.failed())
        return;
    Scope scope(*this, tag, &a.name);
    m_out.startElement(tag);
    objectAttributes(a);
    if (!a.unit.isEmpty())
        m_out.attribute(u"Unit"_s, a.unit);
    if (!a.dataType.isEmpty())
        m_out.attribute(u"AttributeDataType"_s, a.dataType);
    if (!a.refAttributeType.isEmpty())
        m_out.attribute(u"RefAttributeType"_s, a.refAttributeType);
    basicAttributes(a);
    header(a);
    if (a.defaultValue)
        m_out.textElement(u"DefaultValue"_s, *a.defaultValue);
    if (a.value)
        m_out.textElement(u"Value"_s, *a.value);
    for (const RefSemantic &r : a.refSemantics) {
        static const QString refTag = u"RefSemantic"_s;
        Scope refScope(*this, refTag);
        m_out.startElement(refTag);
        m_out.attribute(u"CorrespondingAttributePath"_s, r.correspondingAttributePath);
        basicAttributes(r);
        header(r);
        unknownElements(r);
        m_out.endElement();
    }
    for (const Constraint &c : a.constraints)
        constraint(c);
    attributes(a.attributes);
    if (types)
        for (const AttributeType &t : *types)
            attribute(u"AttributeType"_s, t, &t.attributeTypes);
    unknownElements(a);
    m_out.endElement();
}

void CaexSerializer::constraint(const Constraint &c)
{
    static const QString tag = u"Constraint"_s;
    Scope scope(*this, tag, &c.name);
    m_out.startElement(tag);
    m_out.attribute(u"Name"_s, c.name);
    basicAttributes(c);
    header(c);
    const QString inner = c.kind == Constraint::Kind::Ordinal ? u"OrdinalScaledType"_s
        : c.kind == Constraint::Kind::Nominal                 ? u"NominalScaledType"_s
                                                              : u"UnknownType"_s;
    m_out.startElement(inner);
    // The inner element has no header or ChangeMode in either schema; a model that has them
    // (from a non-conforming file) still gets them back.
    if (c.inner) {
        basicAttributes(*c.inner);
        header(*c.inner);
    }
    switch (c.kind) {
    case Constraint::Kind::Ordinal:
        if (c.requiredMaxValue)
            m_out.textElement(u"RequiredMaxValue"_s, *c.requiredMaxValue);
        if (c.requiredValue)
            m_out.textElement(u"RequiredValue"_s, *c.requiredValue);
        if (c.requiredMinValue)
            m_out.textElement(u"RequiredMinValue"_s, *c.requiredMinValue);
        break;
    case Constraint::Kind::Nominal:
        for (const QString &v : c.nominalValues)
            m_out.textElement(u"RequiredValue"_s, v);
        break;
    case Constraint::Kind::Unknown:
        if (!c.requirements.isEmpty())
            m_out.textElement(u"Requirements"_s, c.requirements);
        break;
    }
    if (c.inner)
        unknownElements(*c.inner);
    m_out.endElement();
    unknownElements(c);
    m_out.endElement();
}

void CaexSerializer::interfaces(const NodeList<ExternalInterface> &list)
{
    for (const ExternalInterface &i : list)
        interface(u"ExternalInterface"_s, i, nullptr);
}

void CaexSerializer::interface(
    const QString &tag, const ExternalInterface &i, const NodeList<InterfaceClass> *subclasses)
{
    if (m_out.failed())
        return;
    Scope scope(*this, tag, &i.name);
    m_out.startElement(tag);
    objectAttributes(i);
    if (!i.refBaseClassPath.isEmpty())
        m_out.attribute(u"RefBaseClassPath"_s, i.refBaseClassPath);
    basicAttributes(i);
    header(i);
    attributes(i.attributes);
    interfaces(i.interfaces);
    if (subclasses)
        for (const InterfaceClass &c : *subclasses)
            interface(u"InterfaceClass"_s, c, &c.interfaceClasses);
    unknownElements(i);
    m_out.endElement();
}

void CaexSerializer::roleClass(const RoleClass &c)
{
    if (m_out.failed())
        return;
    static const QString tag = u"RoleClass"_s;
    Scope scope(*this, tag, &c.name);
    m_out.startElement(tag);
    objectAttributes(c);
    if (!c.refBaseClassPath.isEmpty())
        m_out.attribute(u"RefBaseClassPath"_s, c.refBaseClassPath);
    basicAttributes(c);
    header(c);
    attributes(c.attributes);
    interfaces(c.interfaces);
    for (const RoleClass &sub : c.roleClasses)
        roleClass(sub);
    unknownElements(c);
    m_out.endElement();
}

void CaexSerializer::systemUnitContent(const SystemUnitClassType &s)
{
    attributes(s.attributes);
    interfaces(s.interfaces);
    for (const InternalElement &e : s.internalElements)
        internalElement(e);
    for (const SupportedRoleClass &r : s.supportedRoleClasses) {
        static const QString tag = u"SupportedRoleClass"_s;
        Scope scope(*this, tag, &r.refRoleClassPath);
        m_out.startElement(tag);
        m_out.attribute(u"RefRoleClassPath"_s, r.refRoleClassPath);
        basicAttributes(r);
        header(r);
        if (r.mappingObject)
            mappingObject(*r.mappingObject);
        unknownElements(r);
        m_out.endElement();
    }
    for (const InternalLink &l : s.internalLinks) {
        static const QString tag = u"InternalLink"_s;
        Scope scope(*this, tag, &l.name);
        m_out.startElement(tag);
        objectAttributes(l);
        m_out.attribute(u"RefPartnerSideA"_s, l.refPartnerSideA);
        m_out.attribute(u"RefPartnerSideB"_s, l.refPartnerSideB);
        basicAttributes(l);
        header(l);
        unknownElements(l);
        m_out.endElement();
    }
}

void CaexSerializer::systemUnitClass(const SystemUnitClass &c)
{
    if (m_out.failed())
        return;
    static const QString tag = u"SystemUnitClass"_s;
    Scope scope(*this, tag, &c.name);
    m_out.startElement(tag);
    objectAttributes(c);
    if (!c.refBaseClassPath.isEmpty())
        m_out.attribute(u"RefBaseClassPath"_s, c.refBaseClassPath);
    basicAttributes(c);
    header(c);
    systemUnitContent(c);
    for (const SystemUnitClass &sub : c.systemUnitClasses)
        systemUnitClass(sub);
    unknownElements(c);
    m_out.endElement();
}

void CaexSerializer::internalElement(const InternalElement &e)
{
    if (m_out.failed())
        return;
    static const QString tag = u"InternalElement"_s;
    Scope scope(*this, tag, &e.name);
    m_out.startElement(tag);
    objectAttributes(e);
    if (!e.refBaseSystemUnitPath.isEmpty())
        m_out.attribute(u"RefBaseSystemUnitPath"_s, e.refBaseSystemUnitPath);
    basicAttributes(e);
    header(e);
    systemUnitContent(e);
    for (const RoleRequirements &r : e.roleRequirements)
        roleRequirements(r);
    // 2.15's place; a 3.0 model normally has none here (conversion moves it).
    if (e.mappingObject)
        mappingObject(*e.mappingObject);
    unknownElements(e);
    m_out.endElement();
}

void CaexSerializer::roleRequirements(const RoleRequirements &r)
{
    static const QString tag = u"RoleRequirements"_s;
    Scope scope(*this, tag, &r.refBaseRoleClassPath);
    m_out.startElement(tag);
    // Required in 3.0, optional in 2.15.
    if (m_v3 || !r.refBaseRoleClassPath.isEmpty())
        m_out.attribute(u"RefBaseRoleClassPath"_s, r.refBaseRoleClassPath);
    basicAttributes(r);
    header(r);
    attributes(r.attributes);
    interfaces(r.interfaces);
    if (r.mappingObject)
        mappingObject(*r.mappingObject);
    unknownElements(r);
    m_out.endElement();
}

void CaexSerializer::mappingObject(const MappingObject &m)
{
    static const QString tag = u"MappingObject"_s;
    Scope scope(*this, tag);
    m_out.startElement(tag);
    basicAttributes(m);
    header(m);
    for (const AttributeNameMapping &a : m.attributeMappings) {
        m_out.startElement(u"AttributeNameMapping"_s);
        m_out.attribute(u"SystemUnitAttributeName"_s, a.systemUnitAttributeName);
        m_out.attribute(u"RoleAttributeName"_s, a.roleAttributeName);
        basicAttributes(a);
        header(a);
        unknownElements(a);
        m_out.endElement();
    }
    for (const InterfaceIdMapping &i : m.interfaceIdMappings) {
        m_out.startElement(u"InterfaceIDMapping"_s);
        m_out.attribute(u"SystemUnitInterfaceID"_s, i.systemUnitInterfaceId);
        m_out.attribute(u"RoleInterfaceID"_s, i.roleInterfaceId);
        basicAttributes(i);
        header(i);
        unknownElements(i);
        m_out.endElement();
    }
    for (const InterfaceNameMapping &i : m.interfaceNameMappings) {
        m_out.startElement(u"InterfaceNameMapping"_s);
        m_out.attribute(u"SystemUnitInterfaceName"_s, i.systemUnitInterfaceName);
        m_out.attribute(u"RoleInterfaceName"_s, i.roleInterfaceName);
        basicAttributes(i);
        header(i);
        unknownElements(i);
        m_out.endElement();
    }
    unknownElements(m);
    m_out.endElement();
}

} // namespace dt::model
