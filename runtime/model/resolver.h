// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexfile.h"
#include "elementref.h"
#include "result.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace dt::model {

/// Resolves CAEX references in a document and the documents it refers to:
/// - class paths "Lib/Class/Sub", "Alias@Lib/Class" through ExternalReference (relative files are
///   loaded on demand from the base directory, each once; reference cycles are detected),
///   "[a/b]" escaped segments, and short class names when unique;
/// - element IDs, including "{GUID}" mirror references;
/// - InternalLink partners "ElementID:InterfaceName" or a bare interface ID;
/// - inherited attributes and interfaces along RefBaseClassPath chains (cycle-safe).
/// The index is built lazily on first use; call invalidate() after editing the document.
///
/// Lookup rules for a class path, in order: the exact path in the document that holds the
/// reference; with an alias, the exact path in the referenced file, and if that file cannot be
/// loaded, in the referring document itself (tools often embed the standard libraries they also
/// reference); without an alias, the files of the document's ExternalReferences. When no exact
/// path matches, a short name is tried: the path's segments as a suffix of a class path, or its
/// first segment as the library and its last as the class ("Lib/Class" for "Lib/Parent/Class").
/// A short name that fits several classes is an error that names the candidates.
///
/// Paths of returned references: names from the hierarchy or library down, joined with
/// CaexPath::join; interfaces and attributes continue their owner's path
/// ("Plant/Valve1/Torque"). References into external files carry that file in ElementRef::file.
class Resolver
{
public:
    explicit Resolver(const CaexFile &file, const QString &baseDirectory = QString());
    ~Resolver();
    Resolver(const Resolver &) = delete;
    Resolver &operator=(const Resolver &) = delete;

    /// Drops the indexes (the document changed).
    void invalidate();

    Result<ElementRef> roleClass(QStringView path);
    Result<ElementRef> systemUnitClass(QStringView path);
    Result<ElementRef> interfaceClass(QStringView path);
    Result<ElementRef> attributeType(QStringView path);

    /// Any element with this ID (braces of "{GUID}" optional) in the main document.
    ElementRef findById(QStringView id);
    /// The element at an instance path "Hierarchy/Element/Child" in the main document.
    ElementRef findByPath(QStringView path);

    struct LinkPartner
    {
        ElementRef owner; ///< the element that holds the interface
        ElementRef interface; ///< the ExternalInterface
    };
    Result<LinkPartner> linkPartner(QStringView reference);

    /// The base class chain of a class, nearest first; stops (with an error) at a cycle or an
    /// unresolved path.
    Result<QList<ElementRef>> baseClasses(const ElementRef &cls);
    /// Attributes of a class including inherited ones (own first, then bases; a name overrides).
    QList<const Attribute *> effectiveAttributes(const ElementRef &cls);
    /// Interfaces of a class including inherited ones (own first, then bases; a name overrides).
    QList<const ExternalInterface *> effectiveInterfaces(const ElementRef &cls);

    /// Errors met while loading external references (missing file, cycle, parse error).
    QStringList externalErrors() const;
    /// The file an ExternalReference alias of the main document names, loaded on first use and
    /// kept across invalidate(); nullptr (with *error set) when it cannot be loaded.
    const CaexFile *externalFile(const QString &alias, QString *error = nullptr);

    /// The master of a mirror object: the InternalElement whose ID the element's
    /// RefBaseSystemUnitPath names (usually "{GUID}"); invalid when it is not a mirror.
    ElementRef mirrorMaster(const InternalElement &element);
    /// A class path that resolves from the main document: "Lib/Class", or "Alias@Lib/Class" when
    /// the class lives in a file the main document references. Empty for non-classes.
    QString referencePath(const ElementRef &cls);

    const CaexFile &file() const { return m_file; }

private:
    struct Index;
    struct Document;
    struct ExternalCache;
    const CaexFile &m_file;
    QString m_baseDirectory;
    std::unique_ptr<Index> m_index;
    // Loaded external files survive invalidate(): they are not edited through this resolver.
    std::unique_ptr<ExternalCache> m_external;
    Index &index();
    Document &documentOf(const ElementRef &ref);
    Document *aliasTarget(Document &from, const QString &alias, QString *error);
    Result<ElementRef> resolveClass(ElementKind kind, QStringView path, Document &context);
    ElementRef linkOwner(Document &doc, int entry);
    void baseChain(const ElementRef &cls, QList<ElementRef> &chain, QString *error);
};

} // namespace dt::model
