// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to dt::model: what a Resolver keeps about the main document and the external files it
// loaded, shared by resolver.cpp (lookups) and resolverexternal.cpp (loading).

#include "documentindex.h"
#include "resolver.h"

#include <vector>

namespace dt::model {

/// One document the resolver knows: the main one or a loaded external file.
struct Resolver::Document
{
    const CaexFile *file = nullptr;
    std::unique_ptr<CaexFile> owned;
    QString canonicalPath; ///< empty for the main document when its file is unknown
    QString directory; ///< where its relative ExternalReference paths start
    QStringList chain; ///< canonical paths of the files through which it was reached
    std::unique_ptr<detail::DocumentIndex> index;
    QHash<QString, Document *> aliases; ///< resolved aliases; nullptr when loading failed
    QHash<QString, QString> aliasErrors;

    detail::DocumentIndex &idx()
    {
        if (!index)
            index = std::make_unique<detail::DocumentIndex>(*file);
        return *index;
    }
};

struct Resolver::ExternalCache
{
    std::vector<std::unique_ptr<Document>> documents;
    QHash<QString, Document *> byPath; ///< canonical path → loaded document
    QHash<QString, QString> failedPaths; ///< canonical path → why it could not be read
    QStringList errors; ///< for externalErrors(), each once
    QHash<const CaexFile *, Document *> byFile;

    void addError(const QString &message)
    {
        if (!errors.contains(message))
            errors.append(message);
    }
};

struct Resolver::Index
{
    Document main;
};

} // namespace dt::model
