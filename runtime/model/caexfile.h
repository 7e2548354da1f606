// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "classes.h"

namespace dt::model {

/// The CAEX schema a document follows.
enum class SchemaVersion : quint8 { V3_0, V2_15 };

QString schemaVersionName(SchemaVersion version); // "3.0" / "2.15"

/// ExternalReference: an alias for another CAEX file whose libraries this one uses.
struct ExternalReference : CaexBasicObject
{
    QString path;
    QString alias;
};

/// SourceDocumentInformation (CAEX 3.0): which tool wrote the document; in 2.15 the WriterHeader.
struct SourceDocumentInformation
{
    QString originName;
    QString originId;
    QString originVendor;
    QString originVendorUrl;
    QString originVersion;
    QString originRelease;
    QString lastWritingDateTime;
    QString originProjectTitle;
    QString originProjectId;
    /// Attributes outside the schema, kept verbatim.
    QList<XmlAttribute> unknownAttributes;
};

/// InstanceHierarchy: a tree of InternalElements, the plant itself.
struct InstanceHierarchy : CaexObject
{
    NodeList<InternalElement> internalElements;
};

/// The whole document (CAEXFile root).
struct CaexFile : CaexBasicObject
{
    QString fileName;
    SchemaVersion schemaVersion = SchemaVersion::V3_0;
    QStringList superiorStandardVersions;
    QList<SourceDocumentInformation> sourceDocumentInformation;
    QList<ExternalReference> externalReferences;
    NodeList<InstanceHierarchy> instanceHierarchies;
    NodeList<InterfaceClassLib> interfaceClassLibs;
    NodeList<RoleClassLib> roleClassLibs;
    NodeList<SystemUnitClassLib> systemUnitClassLibs;
    NodeList<AttributeTypeLib> attributeTypeLibs;
};

} // namespace dt::model
