// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentindex.h"

#include "caexpath.h"

using namespace Qt::StringLiterals;

namespace dt::model::detail {

namespace {

bool isClassKind(NodeKind kind)
{
    return kind == NodeKind::RoleClass || kind == NodeKind::SystemUnitClass
        || kind == NodeKind::InterfaceClass || kind == NodeKind::AttributeType;
}

// Leaf attributes without an ID are most of a large model and can never be looked up, so they
// get no entry; an attribute with children keeps one because a child may carry an ID.
bool needsEntry(Node node)
{
    if (node.kind != NodeKind::Attribute)
        return true;
    const auto *attribute = node.as<Attribute>();
    return !attribute->id.isEmpty() || !attribute->attributes.isEmpty();
}

bool endsWith(const QStringList &full, const QStringList &tail, qsizetype fullFrom = 0,
    qsizetype tailFrom = 0)
{
    const qsizetype n = tail.size() - tailFrom;
    if (n > full.size() - fullFrom)
        return false;
    for (qsizetype i = 0; i < n; ++i)
        if (full.at(full.size() - n + i) != tail.at(tailFrom + i))
            return false;
    return true;
}

} // namespace

DocumentIndex::DocumentIndex(const CaexFile &file)
    : m_file(file)
{
    build();
}

void DocumentIndex::build()
{
    const KindMask mask = AllKinds & ~kindBit(NodeKind::SupportedRoleClass);
    struct Pending
    {
        Node node;
        int parent;
    };
    std::vector<Pending> stack;
    std::vector<ChildNode> children;

    m_entries.push_back({ documentNode(m_file), -1 });
    appendChildren(m_entries.front().node, mask, children);
    for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back({ it->node, 0 });

    // Iterative preorder walk: document order, so the first of duplicate IDs wins, and no
    // recursion depth limit on deep models built in code.
    while (!stack.empty()) {
        const Pending current = stack.back();
        stack.pop_back();
        if (!needsEntry(current.node))
            continue;
        const int index = int(m_entries.size());
        m_entries.push_back({ current.node, current.parent });

        if (isClassKind(current.node.kind)) {
            const QStringView name = caexObject(current.node)->name; // the model's string
            m_classNames[size_t(kindIndex(current.node.kind))][name].append(index);
        }

        children.clear();
        appendChildren(current.node, mask, children);
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.push_back({ it->node, index });
    }

    // Sized once, then one lookup per ID (the value is index + 1, so 0 means new).
    m_ids.reserve(qsizetype(m_entries.size()));
    for (size_t i = 1; i < m_entries.size(); ++i) {
        if (const CaexObject *object = caexObject(m_entries[i].node)) {
            const QStringView id = normalizedId(object->id);
            if (!id.isEmpty()) {
                int &slot = m_ids[id];
                if (slot == 0)
                    slot = int(i) + 1;
            }
        }
    }

    for (int k = 0; k < NodeKindCount; ++k) {
        for (const QList<int> &list : std::as_const(m_classNames[size_t(k)]))
            for (int index : list)
                m_classes[size_t(k)].insert(CaexPath::join(segments(index)), index);
    }
}

int DocumentIndex::findId(QStringView id) const
{
    const QStringView key = normalizedId(id);
    if (key.isEmpty())
        return -1;
    return m_ids.value(key, 0) - 1;
}

int DocumentIndex::findClass(NodeKind kind, const QStringList &path) const
{
    return m_classes[size_t(kindIndex(kind))].value(CaexPath::join(path), -1);
}

QList<int> DocumentIndex::findShortName(NodeKind kind, const QStringList &wanted) const
{
    QList<int> result;
    if (wanted.isEmpty())
        return result;
    const QList<int> candidates
        = m_classNames[size_t(kindIndex(kind))].value(QStringView(wanted.last()));
    for (int index : candidates) {
        const QStringList full = segments(index);
        // "Class/Sub" as the tail of "Lib/Class/Sub", or "Lib/Sub" for "Lib/Class/Sub".
        const bool tail = endsWith(full, wanted);
        const bool libraryAndTail = wanted.size() >= 2 && !full.isEmpty()
            && full.first() == wanted.first() && endsWith(full, wanted, 1, 1);
        if (tail || libraryAndTail)
            result.append(index);
    }
    return result;
}

int DocumentIndex::findInstancePath(QStringView path)
{
    if (!m_instancePathsBuilt)
        buildInstancePaths();
    const CaexPath parsed = CaexPath::parse(path.trimmed());
    if (parsed.segments.isEmpty())
        return -1;
    return m_instancePaths.value(CaexPath::join(parsed.segments), -1);
}

void DocumentIndex::buildInstancePaths()
{
    m_instancePathsBuilt = true;
    // Parents come before children in m_entries, so each path extends its parent's.
    std::vector<int> pathOfEntry(m_entries.size(), -1);
    QStringList paths;
    for (size_t i = 1; i < m_entries.size(); ++i) {
        const Entry &e = m_entries[i];
        QString path;
        if (e.node.kind == NodeKind::InstanceHierarchy) {
            path = CaexPath::escapeSegment(nodeName(e.node));
        } else if (e.node.kind == NodeKind::InternalElement && e.parent > 0
            && pathOfEntry[size_t(e.parent)] >= 0) {
            path = paths.at(pathOfEntry[size_t(e.parent)]) + u'/'
                + CaexPath::escapeSegment(nodeName(e.node));
        } else {
            continue;
        }
        pathOfEntry[i] = int(paths.size());
        paths.append(path);
        if (!m_instancePaths.contains(path))
            m_instancePaths.insert(path, int(i));
    }
}

QStringList DocumentIndex::segments(int index) const
{
    QStringList result;
    for (int i = index; i > 0; i = m_entries[size_t(i)].parent)
        if (const CaexObject *object = caexObject(m_entries[size_t(i)].node))
            result.prepend(object->name);
    return result;
}

ElementRef DocumentIndex::ref(int index) const
{
    ElementRef result;
    if (index < 0 || size_t(index) >= m_entries.size())
        return result;
    const Entry &e = m_entries[size_t(index)];
    result.kind = elementKind(e.node.kind);
    if (result.kind == ElementKind::None)
        return ElementRef();
    result.node = e.node.ptr;
    result.file = &m_file;
    result.path = CaexPath::join(segments(index));
    return result;
}

} // namespace dt::model::detail
