// SPDX-License-Identifier: GPL-3.0-or-later
#include "duplicateidcheck.h"

#include "validationcontext.h"

#include <QHashFunctions>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

// "{GUID}" and "GUID" name the same object (the resolver accepts both).
QStringView normalizedId(QStringView id)
{
    if (id.size() > 2 && id.front() == u'{' && id.back() == u'}')
        return id.mid(1, id.size() - 2);
    return id;
}

bool pathEndsWithFacet(const QString &path)
{
    return path == u"Facet"_s || path.endsWith(u"/Facet"_s);
}

// A facet is a view of its parent element: by design (AutomationML Part 1) it repeats the
// parent's interfaces and attributes with their IDs.
bool isFacet(const InternalElement *element)
{
    if (!element)
        return false;
    for (const RoleRequirements &r : element->roleRequirements) {
        if (pathEndsWithFacet(r.refBaseRoleClassPath))
            return true;
    }
    for (const SupportedRoleClass &s : element->supportedRoleClasses) {
        if (pathEndsWithFacet(s.refRoleClassPath))
            return true;
    }
    return false;
}

} // namespace

void DuplicateIdCheck::enter(const WalkNode &node)
{
    const QString &id = node.object->id;
    if (id.isEmpty())
        return;
    const WalkNode *element = node.element();
    const InternalElement *holder
        = !node.isElement() && element->kind == ElementKind::InternalElement
        ? element->as<InternalElement>()
        : nullptr;
    m_uses.push_back(Use { qHash(normalizedId(id), 0), node.node, node.object, holder,
        quint32(m_uses.size()), node.kind, node.scope });
}

void DuplicateIdCheck::finish()
{
    std::sort(m_uses.begin(), m_uses.end(), [](const Use &a, const Use &b) {
        return a.hash != b.hash ? a.hash < b.hash : a.order < b.order;
    });
    // Within a run of equal hashes, each distinct ID keeps its first use; later uses of the same
    // text are duplicates. Comparing with the few distinct IDs of the run keeps this linear even
    // when one ID is repeated thousands of times.
    std::vector<const Use *> originals;
    for (size_t begin = 0; begin < m_uses.size();) {
        size_t end = begin + 1;
        while (end < m_uses.size() && m_uses[end].hash == m_uses[begin].hash)
            ++end;
        if (end - begin > 1) {
            originals.clear();
            for (size_t i = begin; i < end; ++i) {
                const Use &use = m_uses[i];
                const QStringView id = normalizedId(use.object->id);
                auto first = std::find_if(originals.begin(), originals.end(),
                    [id](const Use *o) { return normalizedId(o->object->id) == id; });
                if (first == originals.end())
                    originals.push_back(&use);
                else
                    report(use, **first);
            }
        }
        begin = end;
    }
    m_uses.clear();
    m_uses.shrink_to_fit();
}

void DuplicateIdCheck::report(const Use &duplicate, const Use &first)
{
    if (isFacet(duplicate.holder))
        return;
    // In class libraries a copied class keeping its interface IDs is common and harmless to
    // the plant's links; in the plant the same ID twice makes links ambiguous.
    const bool library = duplicate.scope == WalkScope::Library && first.scope == WalkScope::Library;
    m_context.report(library ? Severity::Warning : Severity::Error,
        ValidationContext::tr("duplicate ID '%1' (%2 '%3' already uses it)")
            .arg(duplicate.object->id, elementKindName(first.kind), first.object->name),
        duplicate.node, duplicate.object->id);
}

} // namespace dt::model
