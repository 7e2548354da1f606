// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to dt::model: the lookup tables the Resolver keeps for one document.

#include "elementtree.h"

#include <QHash>

#include <array>
#include <vector>

namespace dt::model::detail {

/// Every structural node of one document (everything except SupportedRoleClass and leaf
/// attributes without an ID) with its parent, plus hashes by ID, by class path and by class name.
/// Built in one walk on construction; instance paths are hashed on first use only, because they
/// cost one string per element.
class DocumentIndex
{
public:
    struct Entry
    {
        Node node;
        int parent = -1;
    };

    explicit DocumentIndex(const CaexFile &file);

    const CaexFile &file() const { return m_file; }
    const Entry &entry(int index) const { return m_entries[size_t(index)]; }
    int parent(int index) const { return m_entries[size_t(index)].parent; }

    /// The entry with this ID (braces optional), or -1. The first one wins on duplicates.
    int findId(QStringView id) const;
    /// The entry of a class of this kind at exactly these segments, or -1.
    int findClass(NodeKind kind, const QStringList &path) const;
    /// Classes of this kind that a short path may mean (see Resolver for the rule).
    QList<int> findShortName(NodeKind kind, const QStringList &wanted) const;
    /// The InstanceHierarchy or InternalElement (in a hierarchy) at this path, or -1.
    int findInstancePath(QStringView path);

    /// Names from the root down to the entry (unnamed nodes skipped).
    QStringList segments(int index) const;
    /// A reference to the entry with its path; invalid for kinds without an ElementKind.
    ElementRef ref(int index) const;

private:
    static constexpr int kindIndex(NodeKind kind) { return int(kind); }
    void build();
    void buildInstancePaths();

    const CaexFile &m_file;
    std::vector<Entry> m_entries;
    // Keys view the model's own strings: no copies for 100k IDs, and the index is dropped
    // (Resolver::invalidate) whenever the model changes anyway.
    QHash<QStringView, int> m_ids;
    std::array<QHash<QString, int>, NodeKindCount> m_classes;
    std::array<QHash<QStringView, QList<int>>, NodeKindCount> m_classNames;
    QHash<QString, int> m_instancePaths;
    bool m_instancePathsBuilt = false;
};

} // namespace dt::model::detail
