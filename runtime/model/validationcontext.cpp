// SPDX-License-Identifier: GPL-3.0-or-later
#include "validationcontext.h"

#include "caexpath.h"
#include "resolver.h"
#include "sourcemap.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dt::model {

ValidationContext::ValidationContext(
    const CaexFile &file, Resolver &resolver, const SourceMap *positions, const QString &fileName)
    : m_file(file)
    , m_resolver(resolver)
    , m_positions(positions && !positions->isEmpty() ? positions : nullptr)
    , m_fileName(fileName)
{
}

void ValidationContext::report(Severity severity, const QString &message, const WalkNode &node)
{
    Diagnostic d;
    d.severity = severity;
    d.message = message;
    d.file = m_fileName;
    d.elementId = node.reportId();
    if (m_positions) {
        // Attributes inside role requirements or reader-synthesized nodes may have no position
        // of their own; the nearest recorded ancestor is the next best place to point at.
        for (const WalkNode *n = &node; n; n = n->parent) {
            if (m_positions->contains(n->node)) {
                d.position = m_positions->positionOf(n->node);
                break;
            }
        }
    }
    m_diagnostics.append(std::move(d));
}

void ValidationContext::report(
    Severity severity, const QString &message, const void *positionNode, const QString &elementId)
{
    Diagnostic d;
    d.severity = severity;
    d.message = message;
    d.file = m_fileName;
    d.elementId = elementId;
    if (m_positions && positionNode)
        d.position = m_positions->positionOf(positionNode);
    m_diagnostics.append(std::move(d));
}

bool ValidationContext::externalUnavailable(const QString &alias) const
{
    const ExternalReference *reference = nullptr;
    for (const ExternalReference &r : m_file.externalReferences) {
        if (r.alias == alias) {
            reference = &r;
            break;
        }
    }
    if (!reference)
        return false; // an undeclared alias is the document's own mistake
    const QString fileName = QFileInfo(reference->path).fileName();
    const QStringList errors = m_resolver.externalErrors();
    for (const QString &e : errors) {
        if (e.contains(reference->path) || (!fileName.isEmpty() && e.contains(fileName))
            || e.contains(alias))
            return true;
    }
    // Without a word from the resolver, look for the file next to the document ourselves.
    if (!m_fileName.isEmpty()) {
        const QDir base = QFileInfo(m_fileName).absoluteDir();
        const QString target = QDir::isAbsolutePath(reference->path)
            ? reference->path
            : base.filePath(reference->path);
        return !QFileInfo::exists(target);
    }
    return false;
}

const ClassResolution &ValidationContext::resolveClass(ElementKind kind, const QString &path)
{
    int slot = 0;
    switch (kind) {
    case ElementKind::RoleClass:
        slot = 0;
        break;
    case ElementKind::SystemUnitClass:
        slot = 1;
        break;
    case ElementKind::InterfaceClass:
        slot = 2;
        break;
    default:
        slot = 3;
        break;
    }
    QHash<QString, ClassResolution> &cache = m_classes[size_t(slot)];
    auto it = cache.constFind(path);
    if (it != cache.constEnd())
        return *it;

    ClassResolution resolution;
    Result<ElementRef> found = Result<ElementRef>::failure(QString());
    switch (kind) {
    case ElementKind::RoleClass:
        found = m_resolver.roleClass(path);
        break;
    case ElementKind::SystemUnitClass:
        found = m_resolver.systemUnitClass(path);
        break;
    case ElementKind::InterfaceClass:
        found = m_resolver.interfaceClass(path);
        break;
    case ElementKind::AttributeType:
        found = m_resolver.attributeType(path);
        break;
    default:
        break;
    }
    if (found.ok() && found->isValid()) {
        resolution.ref = found.value();
    } else {
        resolution.error = found.error();
        if (kind == ElementKind::SystemUnitClass && !path.contains(u'/')) {
            // A mirror object refers to its master by ID ("{GUID}") instead of a class path.
            const ElementRef master = m_resolver.findById(path);
            if (master.isValid())
                resolution.ref = master;
        }
        if (!resolution.ok()) {
            const CaexPath parsed = CaexPath::parse(path);
            if (!parsed.alias.isEmpty()) {
                resolution.externalUnavailable = externalUnavailable(parsed.alias);
            } else {
                // Without an alias the class may live in any referenced file; if one of them
                // cannot be loaded, the path cannot be judged either.
                for (const ExternalReference &r : m_file.externalReferences)
                    resolution.externalUnavailable
                        = resolution.externalUnavailable || externalUnavailable(r.alias);
            }
        }
    }
    return *cache.insert(path, std::move(resolution));
}

} // namespace dt::model
