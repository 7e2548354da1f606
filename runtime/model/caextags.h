// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QStringView>

class QXmlStreamAttribute;
class QXmlStreamReader;

namespace dt::model {

/// The CAEX 2.15 / 3.0 element names (private to the reader): each token's local name is
/// classified once, then parsing switches on the enum instead of comparing strings.
enum class CaexTag : quint8 {
    Unknown,
    // Frequent ones first: lookup tries them in this order.
    Attribute,
    Value,
    InternalElement,
    ExternalInterface,
    DefaultValue,
    SupportedRoleClass,
    InternalLink,
    RoleRequirements,
    RefSemantic,
    Description,
    AdditionalInformation,
    SystemUnitClass,
    RoleClass,
    InterfaceClass,
    AttributeType,
    Constraint,
    OrdinalScaledType,
    NominalScaledType,
    UnknownType,
    RequiredMaxValue,
    RequiredValue,
    RequiredMinValue,
    Requirements,
    MappingObject,
    AttributeNameMapping,
    InterfaceIDMapping,
    InterfaceNameMapping,
    Version,
    Revision,
    RevisionDate,
    OldVersion,
    NewVersion,
    AuthorName,
    Comment,
    Copyright,
    SourceObjectInformation,
    CAEXFile,
    SuperiorStandardVersion,
    SourceDocumentInformation,
    ExternalReference,
    InstanceHierarchy,
    InterfaceClassLib,
    RoleClassLib,
    SystemUnitClassLib,
    AttributeTypeLib,
};

/// The CAEX attribute names the model knows.
enum class CaexAttr : quint8 {
    Unknown,
    Name,
    ID,
    ChangeMode,
    RefBaseSystemUnitPath,
    RefBaseClassPath,
    AttributeDataType,
    Unit,
    RefAttributeType,
    RefPartnerSideA,
    RefPartnerSideB,
    RefRoleClassPath,
    RefBaseRoleClassPath,
    CorrespondingAttributePath,
    SystemUnitAttributeName,
    RoleAttributeName,
    SystemUnitInterfaceID,
    RoleInterfaceID,
    SystemUnitInterfaceName,
    RoleInterfaceName,
    Path,
    Alias,
    SchemaVersion,
    FileName,
    OriginName,
    OriginID,
    OriginVendor,
    OriginVendorURL,
    OriginVersion,
    OriginRelease,
    LastWritingDateTime,
    OriginProjectTitle,
    OriginProjectID,
};

/// The CAEX 3.0 namespace; 2.15 documents usually have none.
inline constexpr QLatin1StringView CaexNamespace("http://www.dke.de/CAEX");

/// The element the reader is on, by local name; Unknown outside the CAEX (or no) namespace.
CaexTag caexTagOf(const QXmlStreamReader &xml);
/// A CAEX attribute by name; Unknown for namespaced or foreign attributes.
CaexAttr caexAttrOf(const QXmlStreamAttribute &attribute);
/// The element name, for messages.
QLatin1StringView caexTagName(CaexTag tag);

} // namespace dt::model
