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
        ElementRef owner;     ///< the element that holds the interface
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

    const CaexFile &file() const { return m_file; }

private:
    struct Index;
    const CaexFile &m_file;
    QString m_baseDirectory;
    std::unique_ptr<Index> m_index;
    Index &index();
};

} // namespace dt::model
