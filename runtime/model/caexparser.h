// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexelementreader.h"

namespace dt::model {

/// Maps CAEX elements onto the object model (private to CaexReader). One method per element
/// type; each is entered on the element's start tag and returns after its end tag. Children may
/// come in any order; what the model does not know is kept verbatim in the header.
class CaexParser : private CaexElementReader
{
public:
    /// positions may be null (positions are not recorded then).
    CaexParser(XmlCursor &cursor, SourceMap *positions);

    /// Reads the document; the cursor must be on the root element.
    void readDocument(CaexFile &file);

private:
    void readSourceDocumentInformation(SourceDocumentInformation &info);
    void readExternalReference(ExternalReference &reference);
    void readInstanceHierarchy(InstanceHierarchy &hierarchy);
    template<typename Class>
    void readLibrary(ClassLibrary<Class> &library, CaexTag libraryTag, CaexTag classTag,
        void (CaexParser::*readClass)(Class &));

    void readInterfaceClass(InterfaceClass &interfaceClass);
    void readRoleClass(RoleClass &roleClass);
    void readSystemUnitClass(SystemUnitClass &systemUnitClass);
    void readAttributeType(AttributeType &attributeType);

    void readInternalElement(InternalElement &element);
    bool readSystemUnitChild(SystemUnitClassType &unit, CaexTag tag);
    void readSupportedRoleClass(SupportedRoleClass &role);
    void readRoleRequirements(RoleRequirements &requirements);
    void readInternalLink(InternalLink &link);
    void readMappingObject(ValuePtr<MappingObject> &slot, CaexBasicObject &owner, CaexTag parent);

    void readExternalInterface(ExternalInterface &interface);
    bool readInterfaceChild(ExternalInterface &interface, CaexTag tag);
    void readAttribute(Attribute &attribute);
    void readAttributeAttributes(Attribute &attribute, CaexTag tag);
    bool readAttributeChild(Attribute &attribute, CaexTag tag);
    void readRefSemantic(RefSemantic &semantic);
    void readConstraint(Constraint &constraint);
    void readConstraintKind(Constraint &constraint, CaexTag kindTag);
};

} // namespace dt::model
