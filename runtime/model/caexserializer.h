// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "xmloutput.h"

#include <QVarLengthArray>

namespace dt::model {

/// Walks a model and writes it through an XmlOutput, children in the XSD sequence order of the
/// target version. It writes the model as it is: a field the target version has no place for
/// (say an InternalElement-level MappingObject in a 3.0 model) is still written, at the place
/// the other version gives it, so nothing is lost; conversion.h is what moves such content.
class CaexSerializer
{
public:
    CaexSerializer(XmlOutput &out, SchemaVersion version)
        : m_out(out)
        , m_v3(version == SchemaVersion::V3_0)
    {
    }

    void document(const CaexFile &file);

private:
    /// The prefix the root binds to the XSI namespace: "xsi" unless the file's own root
    /// attributes use it for another namespace.
    static QString xsiPrefix(const CaexFile &file);
    class Scope;

    void basicAttributes(const CaexBasicObject &o, bool isRoot = false);
    void objectAttributes(const CaexObject &o);
    void header(const CaexBasicObject &o);
    void headerText(const QString &tag, const HeaderText &text);
    void unknownElements(const CaexBasicObject &o);

    void sourceDocumentInformation(const SourceDocumentInformation &s);
    void externalReference(const ExternalReference &r);
    void instanceHierarchy(const InstanceHierarchy &h);
    template<typename Class, typename Fn>
    void library(const QString &tag, const ClassLibrary<Class> &lib, Fn writeClass);

    void attribute(const QString &tag, const Attribute &a, const NodeList<AttributeType> *types);
    void attributes(const NodeList<Attribute> &list);
    void constraint(const Constraint &c);
    void interface(
        const QString &tag, const ExternalInterface &i, const NodeList<InterfaceClass> *subclasses);
    void interfaces(const NodeList<ExternalInterface> &list);
    void roleClass(const RoleClass &c);
    void systemUnitContent(const SystemUnitClassType &s);
    void systemUnitClass(const SystemUnitClass &c);
    void internalElement(const InternalElement &e);
    void roleRequirements(const RoleRequirements &r);
    void mappingObject(const MappingObject &m);

    XmlOutput &m_out;
    bool m_v3;
    /// Names of the objects being written, outermost first, to say where a failure happened.
    QVarLengthArray<const QString *, 32> m_path;
};

} // namespace dt::model
