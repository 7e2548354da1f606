// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "diagnostic.h"
#include "elementref.h"
#include "modelwalker.h"

#include <QCoreApplication>
#include <QHash>

#include <array>

namespace dt::model {

class Resolver;
class SourceMap;

/// A class path resolved for the validator (cached: real models repeat a few paths a million
/// times).
struct ClassResolution
{
    ElementRef ref;
    QString error;
    /// The path goes through an ExternalReference alias whose file cannot be loaded: real files
    /// refer to standard libraries they do not ship, so this is a warning, not an error.
    bool externalUnavailable = false;

    bool ok() const { return ref.isValid(); }
};

/// What the checks of one validation share: the document, the resolver, the source map, the
/// diagnostics found so far and a cache of resolved class paths.
class ValidationContext
{
public:
    ValidationContext(const CaexFile &file, Resolver &resolver, const SourceMap *positions,
        const QString &fileName);

    const CaexFile &file() const { return m_file; }
    Resolver &resolver() { return m_resolver; }

    /// Reports a problem of a walked node (its position, or its nearest recorded ancestor's).
    void report(Severity severity, const QString &message, const WalkNode &node);
    /// Reports a problem of a node that is not walked (e.g. an ExternalReference).
    void report(Severity severity, const QString &message, const void *positionNode,
        const QString &elementId);

    /// Resolves a class path of the given kind (RoleClass, SystemUnitClass, InterfaceClass,
    /// AttributeType); a SystemUnitClass path may also be an element ID (mirror objects).
    const ClassResolution &resolveClass(ElementKind kind, const QString &path);

    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }

    /// Translated message text (context "dt::model::Validator").
    static QString tr(const char *text)
    {
        return QCoreApplication::translate("dt::model::Validator", text);
    }

private:
    bool externalUnavailable(const QString &alias) const;

    const CaexFile &m_file;
    Resolver &m_resolver;
    const SourceMap *m_positions;
    QString m_fileName;
    Diagnostics m_diagnostics;
    /// One cache per class kind (role, system unit, interface, attribute type), keyed by path.
    std::array<QHash<QString, ClassResolution>, 4> m_classes;
};

} // namespace dt::model
