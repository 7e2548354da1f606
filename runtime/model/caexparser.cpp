// SPDX-License-Identifier: GPL-3.0-or-later
// CAEX elements onto the object model, one method per element type.
#include "caexparser.h"

#include "xmlcursor.h"

using namespace Qt::StringLiterals;

namespace dt::model {

CaexParser::CaexParser(XmlCursor &cursor, SourceMap *positions)
    : CaexElementReader(cursor, positions)
{
}

// ---- document -------------------------------------------------------------------------------

void CaexParser::readDocument(CaexFile &file)
{
    QXmlStreamReader &xml = m_cursor.xml();
    const SourcePosition rootPosition = m_cursor.position();
    if (xml.name() != "CAEXFile"_L1) {
        m_cursor.fail(
            u"root element is <%1>, not <CAEXFile>: not a CAEX document"_s.arg(xml.qualifiedName()),
            rootPosition);
        return;
    }
    const QStringView ns = xml.namespaceUri();
    if (!ns.isEmpty() && ns != CaexNamespace) {
        m_cursor.fail(
            u"root element <CAEXFile> is in namespace %1, not the CAEX namespace"_s.arg(quoted(ns)),
            rootPosition);
        return;
    }
    const bool namespaced = !ns.isEmpty();

    std::optional<QString> schemaVersion;
    bool hasFileName = false;
    readAttributes(CaexTag::CAEXFile, &file, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            switch (attr) {
            case CaexAttr::SchemaVersion:
                schemaVersion = attribute.value().trimmed().toString();
                return true;
            case CaexAttr::FileName:
                file.fileName = attribute.value().toString();
                hasFileName = true;
                return true;
            default:
                // The writer owns the schema location; it is not kept.
                return attribute.namespaceUri() == "http://www.w3.org/2001/XMLSchema-instance"_L1
                    && (attribute.name() == "schemaLocation"_L1
                        || attribute.name() == "noNamespaceSchemaLocation"_L1);
            }
        });

    const SchemaVersion guessed = namespaced ? SchemaVersion::V3_0 : SchemaVersion::V2_15;
    if (!schemaVersion) {
        m_version = guessed;
        m_cursor.warn(
            u"<CAEXFile> has no SchemaVersion; read as CAEX %1 (from its namespace)"_s.arg(
                schemaVersionName(m_version)),
            rootPosition);
    } else if (*schemaVersion == "3.0"_L1) {
        m_version = SchemaVersion::V3_0;
    } else if (*schemaVersion == "2.15"_L1) {
        m_version = SchemaVersion::V2_15;
    } else {
        m_version = guessed;
        m_cursor.warn(u"unknown SchemaVersion %1; read as CAEX %2 (from its namespace)"_s.arg(
                          quoted(*schemaVersion), schemaVersionName(m_version)),
            rootPosition);
    }
    if (schemaVersion && m_version != guessed) {
        m_cursor.warn(namespaced ? u"CAEX 2.15 document in the CAEX 3.0 namespace"_s
                                 : u"CAEX 3.0 document without the CAEX namespace"_s,
            rootPosition);
    }
    file.schemaVersion = m_version;
    if (!hasFileName)
        warnMissing(CaexTag::CAEXFile, "FileName"_L1, rootPosition);

    const qsizetype mark = pendingMark();
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(xml);
        switch (tag) {
        case CaexTag::SuperiorStandardVersion:
            file.superiorStandardVersions.append(readValueText(tag));
            break;
        case CaexTag::SourceDocumentInformation:
            readSourceDocumentInformation(file.sourceDocumentInformation.emplaceBack());
            break;
        case CaexTag::ExternalReference:
            addPending(ListKind::ExternalReference, m_cursor.position());
            readExternalReference(file.externalReferences.emplaceBack());
            break;
        case CaexTag::InstanceHierarchy:
            readInstanceHierarchy(file.instanceHierarchies.append());
            break;
        case CaexTag::InterfaceClassLib:
            readLibrary(file.interfaceClassLibs.append(), tag, CaexTag::InterfaceClass,
                &CaexParser::readInterfaceClass);
            break;
        case CaexTag::RoleClassLib:
            readLibrary(
                file.roleClassLibs.append(), tag, CaexTag::RoleClass, &CaexParser::readRoleClass);
            break;
        case CaexTag::SystemUnitClassLib:
            readLibrary(file.systemUnitClassLibs.append(), tag, CaexTag::SystemUnitClass,
                &CaexParser::readSystemUnitClass);
            break;
        case CaexTag::AttributeTypeLib:
            readLibrary(file.attributeTypeLibs.append(), tag, CaexTag::AttributeType,
                &CaexParser::readAttributeType);
            break;
        default:
            if (!readHeaderChild(file, tag))
                keepUnknownChild(file, tag, CaexTag::CAEXFile);
            break;
        }
    }
    recordPending(mark, ListKind::ExternalReference, file.externalReferences);
    dropPending(mark);

    if (m_version == SchemaVersion::V3_0 && file.sourceDocumentInformation.isEmpty()
        && !m_cursor.failed()) {
        warnMissing(CaexTag::CAEXFile, "SourceDocumentInformation"_L1, rootPosition);
    }
}

void CaexParser::readSourceDocumentInformation(SourceDocumentInformation &info)
{
    const SourcePosition position = m_cursor.position();
    bool hasOriginName = false;
    bool hasOriginId = false;
    bool hasOriginVersion = false;
    bool hasLastWriting = false;
    readAttributes(CaexTag::SourceDocumentInformation, nullptr, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            const QString value = attribute.value().toString();
            switch (attr) {
            case CaexAttr::OriginName:
                info.originName = value;
                hasOriginName = true;
                break;
            case CaexAttr::OriginID:
                info.originId = value;
                hasOriginId = true;
                break;
            case CaexAttr::OriginVendor:
                info.originVendor = value;
                break;
            case CaexAttr::OriginVendorURL:
                info.originVendorUrl = value;
                break;
            case CaexAttr::OriginVersion:
                info.originVersion = value;
                hasOriginVersion = true;
                break;
            case CaexAttr::OriginRelease:
                info.originRelease = value;
                break;
            case CaexAttr::LastWritingDateTime:
                info.lastWritingDateTime = value;
                hasLastWriting = true;
                break;
            case CaexAttr::OriginProjectTitle:
                info.originProjectTitle = value;
                break;
            case CaexAttr::OriginProjectID:
                info.originProjectId = value;
                break;
            default:
                if (!m_cursor.checkAttributeName(attribute.qualifiedName()))
                    break;
                if (attribute.namespaceUri().isEmpty()) {
                    m_cursor.warn(u"unknown attribute %1 on <%2> kept verbatim"_s.arg(
                                      quoted(attribute.qualifiedName()),
                                      caexTagName(CaexTag::SourceDocumentInformation)),
                        position);
                }
                info.unknownAttributes.append(XmlAttribute { attribute.qualifiedName().toString(),
                    attribute.namespaceUri().toString(), value });
                break;
            }
            return true;
        });
    const CaexTag tag = CaexTag::SourceDocumentInformation;
    if (!hasOriginName)
        warnMissing(tag, "OriginName"_L1, position);
    if (!hasOriginId)
        warnMissing(tag, "OriginID"_L1, position);
    if (!hasOriginVersion)
        warnMissing(tag, "OriginVersion"_L1, position);
    if (!hasLastWriting)
        warnMissing(tag, "LastWritingDateTime"_L1, position);
    while (m_cursor.nextChild())
        dropUnknownChild(tag);
}

void CaexParser::readExternalReference(ExternalReference &reference)
{
    const SourcePosition position = m_cursor.position();
    bool hasPath = false;
    bool hasAlias = false;
    readAttributes(CaexTag::ExternalReference, &reference, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr == CaexAttr::Path) {
                reference.path = attribute.value().toString();
                hasPath = true;
            } else if (attr == CaexAttr::Alias) {
                reference.alias = attribute.value().toString();
                hasAlias = true;
            } else {
                return false;
            }
            return true;
        });
    if (!hasPath)
        warnMissing(CaexTag::ExternalReference, "Path"_L1, position);
    if (!hasAlias)
        warnMissing(CaexTag::ExternalReference, "Alias"_L1, position);
    readBasicChildren(reference, CaexTag::ExternalReference);
}

void CaexParser::readInstanceHierarchy(InstanceHierarchy &hierarchy)
{
    record(&hierarchy, m_cursor.position());
    readAttributes(CaexTag::InstanceHierarchy, &hierarchy, &hierarchy, false, noSpecificAttributes);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == CaexTag::InternalElement)
            readInternalElement(hierarchy.internalElements.append());
        else if (!readHeaderChild(hierarchy, tag))
            keepUnknownChild(hierarchy, tag, CaexTag::InstanceHierarchy);
    }
}

template<typename Class>
void CaexParser::readLibrary(ClassLibrary<Class> &library, CaexTag libraryTag, CaexTag classTag,
    void (CaexParser::*readClass)(Class &))
{
    record(&library, m_cursor.position());
    readAttributes(libraryTag, &library, &library, false, noSpecificAttributes);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == classTag)
            (this->*readClass)(library.classes.append());
        else if (!readHeaderChild(library, tag))
            keepUnknownChild(library, tag, libraryTag);
    }
}

// ---- classes --------------------------------------------------------------------------------

void CaexParser::readInterfaceClass(InterfaceClass &interfaceClass)
{
    record(&interfaceClass, m_cursor.position());
    readAttributes(CaexTag::InterfaceClass, &interfaceClass, &interfaceClass, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefBaseClassPath)
                return false;
            interfaceClass.refBaseClassPath = m_pool.intern(attribute.value());
            return true;
        });
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == CaexTag::InterfaceClass)
            readInterfaceClass(interfaceClass.interfaceClasses.append());
        else if (!readInterfaceChild(interfaceClass, tag))
            keepUnknownChild(interfaceClass, tag, CaexTag::InterfaceClass);
    }
}

void CaexParser::readRoleClass(RoleClass &roleClass)
{
    record(&roleClass, m_cursor.position());
    readAttributes(CaexTag::RoleClass, &roleClass, &roleClass, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefBaseClassPath)
                return false;
            roleClass.refBaseClassPath = m_pool.intern(attribute.value());
            return true;
        });
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        switch (tag) {
        case CaexTag::RoleClass:
            readRoleClass(roleClass.roleClasses.append());
            break;
        case CaexTag::Attribute:
            readAttribute(roleClass.attributes.append());
            break;
        case CaexTag::ExternalInterface:
            readExternalInterface(roleClass.interfaces.append());
            break;
        default:
            if (!readHeaderChild(roleClass, tag))
                keepUnknownChild(roleClass, tag, CaexTag::RoleClass);
            break;
        }
    }
}

void CaexParser::readSystemUnitClass(SystemUnitClass &systemUnitClass)
{
    record(&systemUnitClass, m_cursor.position());
    readAttributes(CaexTag::SystemUnitClass, &systemUnitClass, &systemUnitClass, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefBaseClassPath)
                return false;
            systemUnitClass.refBaseClassPath = m_pool.intern(attribute.value());
            return true;
        });
    const qsizetype mark = pendingMark();
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == CaexTag::SystemUnitClass)
            readSystemUnitClass(systemUnitClass.systemUnitClasses.append());
        else if (!readSystemUnitChild(systemUnitClass, tag))
            keepUnknownChild(systemUnitClass, tag, CaexTag::SystemUnitClass);
    }
    recordPending(mark, ListKind::SupportedRoleClass, systemUnitClass.supportedRoleClasses);
    dropPending(mark);
}

void CaexParser::readAttributeType(AttributeType &attributeType)
{
    record(&attributeType, m_cursor.position());
    readAttributeAttributes(attributeType, CaexTag::AttributeType);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == CaexTag::AttributeType)
            readAttributeType(attributeType.attributeTypes.append());
        else if (!readAttributeChild(attributeType, tag))
            keepUnknownChild(attributeType, tag, CaexTag::AttributeType);
    }
}

// ---- instances ------------------------------------------------------------------------------

void CaexParser::readInternalElement(InternalElement &element)
{
    record(&element, m_cursor.position());
    readAttributes(CaexTag::InternalElement, &element, &element, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefBaseSystemUnitPath)
                return false;
            element.refBaseSystemUnitPath = m_pool.intern(attribute.value());
            return true;
        });
    const qsizetype mark = pendingMark();
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == CaexTag::RoleRequirements) {
            // One in CAEX 2.15, any number in 3.0: both are read.
            addPending(ListKind::RoleRequirements, m_cursor.position());
            readRoleRequirements(element.roleRequirements.emplaceBack());
        } else if (tag == CaexTag::MappingObject) {
            // The CAEX 2.15 place; 3.0 moved it into RoleRequirements.
            readMappingObject(element.mappingObject, element, CaexTag::InternalElement);
        } else if (!readSystemUnitChild(element, tag)) {
            keepUnknownChild(element, tag, CaexTag::InternalElement);
        }
    }
    recordPending(mark, ListKind::SupportedRoleClass, element.supportedRoleClasses);
    recordPending(mark, ListKind::RoleRequirements, element.roleRequirements);
    dropPending(mark);
}

bool CaexParser::readSystemUnitChild(SystemUnitClassType &unit, CaexTag tag)
{
    switch (tag) {
    case CaexTag::InternalElement:
        readInternalElement(unit.internalElements.append());
        return true;
    case CaexTag::Attribute:
        readAttribute(unit.attributes.append());
        return true;
    case CaexTag::ExternalInterface:
        readExternalInterface(unit.interfaces.append());
        return true;
    case CaexTag::InternalLink:
        readInternalLink(unit.internalLinks.append());
        return true;
    case CaexTag::SupportedRoleClass:
        addPending(ListKind::SupportedRoleClass, m_cursor.position());
        readSupportedRoleClass(unit.supportedRoleClasses.emplaceBack());
        return true;
    default:
        return readHeaderChild(unit, tag);
    }
}

void CaexParser::readSupportedRoleClass(SupportedRoleClass &role)
{
    const SourcePosition position = m_cursor.position();
    bool hasPath = false;
    readAttributes(CaexTag::SupportedRoleClass, &role, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefRoleClassPath)
                return false;
            role.refRoleClassPath = m_pool.intern(attribute.value());
            hasPath = true;
            return true;
        });
    if (!hasPath)
        warnMissing(CaexTag::SupportedRoleClass, "RefRoleClassPath"_L1, position);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (tag == CaexTag::MappingObject)
            readMappingObject(role.mappingObject, role, CaexTag::SupportedRoleClass);
        else if (!readHeaderChild(role, tag))
            keepUnknownChild(role, tag, CaexTag::SupportedRoleClass);
    }
}

void CaexParser::readRoleRequirements(RoleRequirements &requirements)
{
    const SourcePosition position = m_cursor.position();
    bool hasPath = false;
    readAttributes(CaexTag::RoleRequirements, &requirements, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefBaseRoleClassPath)
                return false;
            requirements.refBaseRoleClassPath = m_pool.intern(attribute.value());
            hasPath = true;
            return true;
        });
    // Optional in 2.15, required in 3.0.
    if (!hasPath && m_version == SchemaVersion::V3_0)
        warnMissing(CaexTag::RoleRequirements, "RefBaseRoleClassPath"_L1, position);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        switch (tag) {
        case CaexTag::Attribute:
            readAttribute(requirements.attributes.append());
            break;
        case CaexTag::ExternalInterface:
            readExternalInterface(requirements.interfaces.append());
            break;
        case CaexTag::MappingObject:
            readMappingObject(requirements.mappingObject, requirements, CaexTag::RoleRequirements);
            break;
        default:
            if (!readHeaderChild(requirements, tag))
                keepUnknownChild(requirements, tag, CaexTag::RoleRequirements);
            break;
        }
    }
}

void CaexParser::readInternalLink(InternalLink &link)
{
    const SourcePosition position = m_cursor.position();
    record(&link, position);
    bool hasSideA = false;
    bool hasSideB = false;
    readAttributes(CaexTag::InternalLink, &link, &link, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr == CaexAttr::RefPartnerSideA) {
                link.refPartnerSideA = attribute.value().toString();
                hasSideA = true;
            } else if (attr == CaexAttr::RefPartnerSideB) {
                link.refPartnerSideB = attribute.value().toString();
                hasSideB = true;
            } else {
                return false;
            }
            return true;
        });
    if (!hasSideA)
        warnMissing(CaexTag::InternalLink, "RefPartnerSideA"_L1, position);
    if (!hasSideB)
        warnMissing(CaexTag::InternalLink, "RefPartnerSideB"_L1, position);
    readBasicChildren(link, CaexTag::InternalLink);
}

void CaexParser::readMappingObject(
    ValuePtr<MappingObject> &slot, CaexBasicObject &owner, CaexTag parent)
{
    const SourcePosition position = m_cursor.position();
    if (slot) {
        m_cursor.warn(
            u"second <MappingObject> in <%1>; kept verbatim"_s.arg(caexTagName(parent)), position);
        owner.header.ensure().unknownElements.append(m_cursor.capture());
        return;
    }
    MappingObject &mapping = slot.ensure();
    record(&mapping, position);
    readAttributes(CaexTag::MappingObject, &mapping, nullptr, false, noSpecificAttributes);

    // The three mapping kinds are pairs of names; one reader serves them all.
    const auto readPair = [this](CaexBasicObject &item, CaexTag tag, CaexAttr firstAttr,
                              QLatin1StringView firstName, QString &first, CaexAttr secondAttr,
                              QLatin1StringView secondName, QString &second) {
        const SourcePosition itemPosition = m_cursor.position();
        bool hasFirst = false;
        bool hasSecond = false;
        readAttributes(
            tag, &item, nullptr, false, [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
                if (attr == firstAttr) {
                    first = m_pool.intern(attribute.value());
                    hasFirst = true;
                } else if (attr == secondAttr) {
                    second = m_pool.intern(attribute.value());
                    hasSecond = true;
                } else {
                    return false;
                }
                return true;
            });
        if (!hasFirst)
            warnMissing(tag, firstName, itemPosition);
        if (!hasSecond)
            warnMissing(tag, secondName, itemPosition);
        readBasicChildren(item, tag);
    };

    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        switch (tag) {
        case CaexTag::AttributeNameMapping: {
            AttributeNameMapping &item = mapping.attributeMappings.emplaceBack();
            readPair(item, tag, CaexAttr::SystemUnitAttributeName, "SystemUnitAttributeName"_L1,
                item.systemUnitAttributeName, CaexAttr::RoleAttributeName, "RoleAttributeName"_L1,
                item.roleAttributeName);
            break;
        }
        case CaexTag::InterfaceIDMapping: {
            InterfaceIdMapping &item = mapping.interfaceIdMappings.emplaceBack();
            readPair(item, tag, CaexAttr::SystemUnitInterfaceID, "SystemUnitInterfaceID"_L1,
                item.systemUnitInterfaceId, CaexAttr::RoleInterfaceID, "RoleInterfaceID"_L1,
                item.roleInterfaceId);
            break;
        }
        case CaexTag::InterfaceNameMapping: {
            InterfaceNameMapping &item = mapping.interfaceNameMappings.emplaceBack();
            readPair(item, tag, CaexAttr::SystemUnitInterfaceName, "SystemUnitInterfaceName"_L1,
                item.systemUnitInterfaceName, CaexAttr::RoleInterfaceName, "RoleInterfaceName"_L1,
                item.roleInterfaceName);
            break;
        }
        default:
            if (!readHeaderChild(mapping, tag))
                keepUnknownChild(mapping, tag, CaexTag::MappingObject);
            break;
        }
    }
}

// ---- interfaces and attributes --------------------------------------------------------------

void CaexParser::readExternalInterface(ExternalInterface &interface)
{
    record(&interface, m_cursor.position());
    readAttributes(CaexTag::ExternalInterface, &interface, &interface, true,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::RefBaseClassPath)
                return false;
            interface.refBaseClassPath = m_pool.intern(attribute.value());
            return true;
        });
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (!readInterfaceChild(interface, tag))
            keepUnknownChild(interface, tag, CaexTag::ExternalInterface);
    }
}

bool CaexParser::readInterfaceChild(ExternalInterface &interface, CaexTag tag)
{
    switch (tag) {
    case CaexTag::Attribute:
        readAttribute(interface.attributes.append());
        return true;
    case CaexTag::ExternalInterface:
        // Nested interfaces are CAEX 3.0; accepted in 2.15 files as well.
        readExternalInterface(interface.interfaces.append());
        return true;
    default:
        return readHeaderChild(interface, tag);
    }
}

void CaexParser::readAttribute(Attribute &attribute)
{
    record(&attribute, m_cursor.position());
    readAttributeAttributes(attribute, CaexTag::Attribute);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (!readAttributeChild(attribute, tag))
            keepUnknownChild(attribute, tag, CaexTag::Attribute);
    }
}

void CaexParser::readAttributeAttributes(Attribute &attribute, CaexTag tag)
{
    readAttributes(tag, &attribute, &attribute, true,
        [&](CaexAttr attr, const QXmlStreamAttribute &xmlAttribute) {
            switch (attr) {
            case CaexAttr::AttributeDataType:
                attribute.dataType = m_pool.intern(xmlAttribute.value());
                return true;
            case CaexAttr::Unit:
                attribute.unit = m_pool.intern(xmlAttribute.value());
                return true;
            case CaexAttr::RefAttributeType:
                attribute.refAttributeType = m_pool.intern(xmlAttribute.value());
                return true;
            default:
                return false;
            }
        });
}

bool CaexParser::readAttributeChild(Attribute &attribute, CaexTag tag)
{
    switch (tag) {
    case CaexTag::Value:
    case CaexTag::DefaultValue: {
        std::optional<QString> &slot
            = tag == CaexTag::Value ? attribute.value : attribute.defaultValue;
        if (slot) {
            m_cursor.warn(
                u"second <%1>; kept verbatim"_s.arg(caexTagName(tag)), m_cursor.position());
            attribute.header.ensure().unknownElements.append(m_cursor.capture());
        } else {
            slot = readValueText(tag);
        }
        return true;
    }
    case CaexTag::Attribute:
        readAttribute(attribute.attributes.append());
        return true;
    case CaexTag::RefSemantic:
        readRefSemantic(attribute.refSemantics.emplaceBack());
        return true;
    case CaexTag::Constraint:
        readConstraint(attribute.constraints.emplaceBack());
        return true;
    default:
        return readHeaderChild(attribute, tag);
    }
}

void CaexParser::readRefSemantic(RefSemantic &semantic)
{
    const SourcePosition position = m_cursor.position();
    bool hasPath = false;
    readAttributes(CaexTag::RefSemantic, &semantic, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::CorrespondingAttributePath)
                return false;
            semantic.correspondingAttributePath = m_pool.intern(attribute.value());
            hasPath = true;
            return true;
        });
    if (!hasPath)
        warnMissing(CaexTag::RefSemantic, "CorrespondingAttributePath"_L1, position);
    readBasicChildren(semantic, CaexTag::RefSemantic);
}

void CaexParser::readConstraint(Constraint &constraint)
{
    const SourcePosition position = m_cursor.position();
    bool named = false;
    readAttributes(CaexTag::Constraint, &constraint, nullptr, false,
        [&](CaexAttr attr, const QXmlStreamAttribute &attribute) {
            if (attr != CaexAttr::Name)
                return false;
            constraint.name = m_pool.intern(attribute.value());
            named = true;
            return true;
        });
    if (!named)
        warnMissing(CaexTag::Constraint, "Name"_L1, position);
    bool hasKind = false;
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        switch (tag) {
        case CaexTag::OrdinalScaledType:
        case CaexTag::NominalScaledType:
        case CaexTag::UnknownType:
            if (hasKind) {
                m_cursor.warn(u"<Constraint> has more than one requirement; extra kept verbatim"_s,
                    m_cursor.position());
                constraint.header.ensure().unknownElements.append(m_cursor.capture());
            } else {
                readConstraintKind(constraint, tag);
                hasKind = true;
            }
            break;
        default:
            if (!readHeaderChild(constraint, tag))
                keepUnknownChild(constraint, tag, CaexTag::Constraint);
            break;
        }
    }
    if (!hasKind) {
        m_cursor.warn(
            u"<Constraint> has no OrdinalScaledType, NominalScaledType or UnknownType"_s, position);
    }
}

void CaexParser::readConstraintKind(Constraint &constraint, CaexTag kindTag)
{
    constraint.kind = kindTag == CaexTag::OrdinalScaledType ? Constraint::Kind::Ordinal
        : kindTag == CaexTag::NominalScaledType             ? Constraint::Kind::Nominal
                                                            : Constraint::Kind::Unknown;
    // The schema gives these elements nothing of their own; whatever they carry anyway (a
    // ChangeMode, foreign children) goes to Constraint::inner.
    CaexBasicObject inner;
    readAttributes(kindTag, &inner, nullptr, false, noSpecificAttributes);
    while (m_cursor.nextChild()) {
        const CaexTag tag = caexTagOf(m_cursor.xml());
        if (kindTag == CaexTag::OrdinalScaledType && tag == CaexTag::RequiredMaxValue)
            constraint.requiredMaxValue = readValueText(tag);
        else if (kindTag == CaexTag::OrdinalScaledType && tag == CaexTag::RequiredValue)
            constraint.requiredValue = readValueText(tag);
        else if (kindTag == CaexTag::OrdinalScaledType && tag == CaexTag::RequiredMinValue)
            constraint.requiredMinValue = readValueText(tag);
        else if (kindTag == CaexTag::NominalScaledType && tag == CaexTag::RequiredValue)
            constraint.nominalValues.append(readValueText(tag));
        else if (kindTag == CaexTag::UnknownType && tag == CaexTag::Requirements)
            constraint.requirements = readValueText(tag);
        else if (!readHeaderChild(inner, tag))
            keepUnknownChild(inner, tag, kindTag);
    }
    if (inner.changeMode != ChangeMode::State || inner.header)
        constraint.inner.ensure() = std::move(inner);
}

} // namespace dt::model
