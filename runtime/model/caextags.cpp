// SPDX-License-Identifier: GPL-3.0-or-later
// Classification of CAEX element and attribute names for the reader.
#include "caextags.h"

#include <QXmlStreamReader>

#include <iterator>

namespace dt::model {

namespace {

template<typename Enum> struct NameEntry
{
    QLatin1StringView name;
    Enum value;
};

using L1 = QLatin1StringView;

// Listed in enum order (so caexTagName can index it), the most frequent names first.
constexpr NameEntry<CaexTag> TagNames[] = {
    { L1("Attribute"), CaexTag::Attribute },
    { L1("Value"), CaexTag::Value },
    { L1("InternalElement"), CaexTag::InternalElement },
    { L1("ExternalInterface"), CaexTag::ExternalInterface },
    { L1("DefaultValue"), CaexTag::DefaultValue },
    { L1("SupportedRoleClass"), CaexTag::SupportedRoleClass },
    { L1("InternalLink"), CaexTag::InternalLink },
    { L1("RoleRequirements"), CaexTag::RoleRequirements },
    { L1("RefSemantic"), CaexTag::RefSemantic },
    { L1("Description"), CaexTag::Description },
    { L1("AdditionalInformation"), CaexTag::AdditionalInformation },
    { L1("SystemUnitClass"), CaexTag::SystemUnitClass },
    { L1("RoleClass"), CaexTag::RoleClass },
    { L1("InterfaceClass"), CaexTag::InterfaceClass },
    { L1("AttributeType"), CaexTag::AttributeType },
    { L1("Constraint"), CaexTag::Constraint },
    { L1("OrdinalScaledType"), CaexTag::OrdinalScaledType },
    { L1("NominalScaledType"), CaexTag::NominalScaledType },
    { L1("UnknownType"), CaexTag::UnknownType },
    { L1("RequiredMaxValue"), CaexTag::RequiredMaxValue },
    { L1("RequiredValue"), CaexTag::RequiredValue },
    { L1("RequiredMinValue"), CaexTag::RequiredMinValue },
    { L1("Requirements"), CaexTag::Requirements },
    { L1("MappingObject"), CaexTag::MappingObject },
    { L1("AttributeNameMapping"), CaexTag::AttributeNameMapping },
    { L1("InterfaceIDMapping"), CaexTag::InterfaceIDMapping },
    { L1("InterfaceNameMapping"), CaexTag::InterfaceNameMapping },
    { L1("Version"), CaexTag::Version },
    { L1("Revision"), CaexTag::Revision },
    { L1("RevisionDate"), CaexTag::RevisionDate },
    { L1("OldVersion"), CaexTag::OldVersion },
    { L1("NewVersion"), CaexTag::NewVersion },
    { L1("AuthorName"), CaexTag::AuthorName },
    { L1("Comment"), CaexTag::Comment },
    { L1("Copyright"), CaexTag::Copyright },
    { L1("SourceObjectInformation"), CaexTag::SourceObjectInformation },
    { L1("CAEXFile"), CaexTag::CAEXFile },
    { L1("SuperiorStandardVersion"), CaexTag::SuperiorStandardVersion },
    { L1("SourceDocumentInformation"), CaexTag::SourceDocumentInformation },
    { L1("ExternalReference"), CaexTag::ExternalReference },
    { L1("InstanceHierarchy"), CaexTag::InstanceHierarchy },
    { L1("InterfaceClassLib"), CaexTag::InterfaceClassLib },
    { L1("RoleClassLib"), CaexTag::RoleClassLib },
    { L1("SystemUnitClassLib"), CaexTag::SystemUnitClassLib },
    { L1("AttributeTypeLib"), CaexTag::AttributeTypeLib },
};

constexpr bool tagTableInEnumOrder()
{
    for (size_t i = 0; i < std::size(TagNames); ++i) {
        if (size_t(TagNames[i].value) != i + 1)
            return false;
    }
    return size_t(CaexTag::AttributeTypeLib) == std::size(TagNames);
}
static_assert(tagTableInEnumOrder(), "TagNames must list every CaexTag in enum order");

constexpr NameEntry<CaexAttr> AttrNames[] = {
    { L1("Name"), CaexAttr::Name },
    { L1("ID"), CaexAttr::ID },
    { L1("AttributeDataType"), CaexAttr::AttributeDataType },
    { L1("Unit"), CaexAttr::Unit },
    { L1("RefBaseSystemUnitPath"), CaexAttr::RefBaseSystemUnitPath },
    { L1("RefBaseClassPath"), CaexAttr::RefBaseClassPath },
    { L1("ChangeMode"), CaexAttr::ChangeMode },
    { L1("RefAttributeType"), CaexAttr::RefAttributeType },
    { L1("RefPartnerSideA"), CaexAttr::RefPartnerSideA },
    { L1("RefPartnerSideB"), CaexAttr::RefPartnerSideB },
    { L1("RefRoleClassPath"), CaexAttr::RefRoleClassPath },
    { L1("RefBaseRoleClassPath"), CaexAttr::RefBaseRoleClassPath },
    { L1("CorrespondingAttributePath"), CaexAttr::CorrespondingAttributePath },
    { L1("SystemUnitAttributeName"), CaexAttr::SystemUnitAttributeName },
    { L1("RoleAttributeName"), CaexAttr::RoleAttributeName },
    { L1("SystemUnitInterfaceID"), CaexAttr::SystemUnitInterfaceID },
    { L1("RoleInterfaceID"), CaexAttr::RoleInterfaceID },
    { L1("SystemUnitInterfaceName"), CaexAttr::SystemUnitInterfaceName },
    { L1("RoleInterfaceName"), CaexAttr::RoleInterfaceName },
    { L1("Path"), CaexAttr::Path },
    { L1("Alias"), CaexAttr::Alias },
    { L1("SchemaVersion"), CaexAttr::SchemaVersion },
    { L1("FileName"), CaexAttr::FileName },
    { L1("OriginName"), CaexAttr::OriginName },
    { L1("OriginID"), CaexAttr::OriginID },
    { L1("OriginVendor"), CaexAttr::OriginVendor },
    { L1("OriginVendorURL"), CaexAttr::OriginVendorURL },
    { L1("OriginVersion"), CaexAttr::OriginVersion },
    { L1("OriginRelease"), CaexAttr::OriginRelease },
    { L1("LastWritingDateTime"), CaexAttr::LastWritingDateTime },
    { L1("OriginProjectTitle"), CaexAttr::OriginProjectTitle },
    { L1("OriginProjectID"), CaexAttr::OriginProjectID },
};

template<typename Enum, size_t N> Enum lookup(const NameEntry<Enum> (&table)[N], QStringView name)
{
    // A length check first: most candidates differ in length, so few strings are compared.
    for (const NameEntry<Enum> &entry : table) {
        if (entry.name.size() == name.size() && entry.name == name)
            return entry.value;
    }
    return Enum::Unknown;
}

} // namespace

CaexTag caexTagOf(const QXmlStreamReader &xml)
{
    const QStringView ns = xml.namespaceUri();
    if (!ns.isEmpty() && ns != CaexNamespace)
        return CaexTag::Unknown;
    return lookup(TagNames, xml.name());
}

CaexAttr caexAttrOf(const QXmlStreamAttribute &attribute)
{
    if (!attribute.namespaceUri().isEmpty())
        return CaexAttr::Unknown;
    return lookup(AttrNames, attribute.name());
}

QLatin1StringView caexTagName(CaexTag tag)
{
    const size_t index = size_t(tag);
    if (index == 0 || index > std::size(TagNames))
        return QLatin1StringView("element");
    return TagNames[index - 1].name;
}

} // namespace dt::model
