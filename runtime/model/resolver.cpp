// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolver.h"

#include "caexpath.h"
#include "resolverstate.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <vector>

using namespace Qt::StringLiterals;

namespace dt::model {

using detail::DocumentIndex;
using detail::NodeKind;

namespace {

const NodeList<Attribute> *attributesOf(const ElementRef &ref)
{
    switch (ref.kind) {
    case ElementKind::InternalElement:
        return &ref.as<InternalElement>()->attributes;
    case ElementKind::SystemUnitClass:
        return &ref.as<SystemUnitClass>()->attributes;
    case ElementKind::RoleClass:
        return &ref.as<RoleClass>()->attributes;
    case ElementKind::InterfaceClass:
        return &ref.as<InterfaceClass>()->attributes;
    case ElementKind::ExternalInterface:
        return &ref.as<ExternalInterface>()->attributes;
    case ElementKind::AttributeType:
        return &ref.as<AttributeType>()->attributes;
    case ElementKind::Attribute:
        return &ref.as<Attribute>()->attributes;
    default:
        return nullptr;
    }
}

const NodeList<ExternalInterface> *interfacesOf(const ElementRef &ref)
{
    switch (ref.kind) {
    case ElementKind::InternalElement:
        return &ref.as<InternalElement>()->interfaces;
    case ElementKind::SystemUnitClass:
        return &ref.as<SystemUnitClass>()->interfaces;
    case ElementKind::RoleClass:
        return &ref.as<RoleClass>()->interfaces;
    case ElementKind::InterfaceClass:
        return &ref.as<InterfaceClass>()->interfaces;
    case ElementKind::ExternalInterface:
        return &ref.as<ExternalInterface>()->interfaces;
    default:
        return nullptr;
    }
}

// Depth-first by name: the element's own interfaces first, then nested ones (CAEX 3.0).
bool findInterfaceByName(const NodeList<ExternalInterface> &list, QStringView name,
    QList<const ExternalInterface *> &route)
{
    if (const ExternalInterface *direct = findInterface(list, name)) {
        route.append(direct);
        return true;
    }
    for (const ExternalInterface &iface : list) {
        route.append(&iface);
        if (findInterfaceByName(iface.interfaces, name, route))
            return true;
        route.removeLast();
    }
    return false;
}

// The base of one class: its kind and the path that names it.
bool basePathOf(const ElementRef &ref, ElementKind &kind, QString &path)
{
    switch (ref.kind) {
    case ElementKind::RoleClass:
        kind = ElementKind::RoleClass;
        path = ref.as<RoleClass>()->refBaseClassPath;
        return true;
    case ElementKind::SystemUnitClass:
        kind = ElementKind::SystemUnitClass;
        path = ref.as<SystemUnitClass>()->refBaseClassPath;
        return true;
    case ElementKind::InterfaceClass:
        kind = ElementKind::InterfaceClass;
        path = ref.as<InterfaceClass>()->refBaseClassPath;
        return true;
    case ElementKind::ExternalInterface:
        kind = ElementKind::InterfaceClass;
        path = ref.as<ExternalInterface>()->refBaseClassPath;
        return true;
    case ElementKind::AttributeType:
        kind = ElementKind::AttributeType;
        path = ref.as<AttributeType>()->refAttributeType;
        return true;
    case ElementKind::Attribute:
        kind = ElementKind::AttributeType;
        path = ref.as<Attribute>()->refAttributeType;
        return true;
    default:
        return false;
    }
}

// The outcome of looking a class up in one document: found, ambiguous or absent.
struct Lookup
{
    ElementRef ref;
    QString ambiguity;
    bool found() const { return ref.isValid(); }
};

Lookup lookupClass(DocumentIndex &index, NodeKind kind, const CaexPath &path)
{
    Lookup result;
    const int exact = index.findClass(kind, path.segments);
    if (exact >= 0) {
        result.ref = index.ref(exact);
        return result;
    }
    const QList<int> candidates = index.findShortName(kind, path.segments);
    if (candidates.size() == 1) {
        result.ref = index.ref(candidates.first());
    } else if (candidates.size() > 1) {
        QStringList names;
        for (int candidate : candidates)
            names << u'\'' + index.ref(candidate).path + u'\'';
        result.ambiguity = u"'%1' is ambiguous: %2"_s.arg(path.toString(), names.join(u", "_s));
    }
    return result;
}

} // namespace

Resolver::Resolver(const CaexFile &file, const QString &baseDirectory)
    : m_file(file)
    , m_baseDirectory(baseDirectory)
    , m_external(std::make_unique<ExternalCache>())
{
}

Resolver::~Resolver() = default;

void Resolver::invalidate()
{
    if (m_index) {
        // External files stay loaded, but may name the main document, which is rebuilt.
        const Document *main = &m_index->main;
        for (const std::unique_ptr<Document> &doc : m_external->documents)
            for (auto it = doc->aliases.begin(); it != doc->aliases.end();)
                it = it.value() == main ? doc->aliases.erase(it) : std::next(it);
    }
    m_index.reset();
}

Resolver::Index &Resolver::index()
{
    if (!m_index) {
        m_index = std::make_unique<Index>();
        Document &main = m_index->main;
        main.file = &m_file;
        if (!m_baseDirectory.isEmpty()) {
            main.directory = QDir(m_baseDirectory).absolutePath();
            // The main file's own path lets a library that refers back to it count as a cycle.
            const QFileInfo self(QDir(main.directory), m_file.fileName);
            if (!m_file.fileName.isEmpty() && self.isFile()) {
                main.canonicalPath = self.canonicalFilePath();
                main.chain << main.canonicalPath;
            }
        }
    }
    return *m_index;
}

Resolver::Document &Resolver::documentOf(const ElementRef &ref)
{
    Index &idx = index();
    if (ref.file && ref.file != &m_file)
        if (Document *doc = m_external->byFile.value(ref.file))
            return *doc;
    return idx.main;
}

Result<ElementRef> Resolver::resolveClass(ElementKind kind, QStringView path, Document &context)
{
    const QString kindName = elementKindName(kind);
    const std::optional<NodeKind> nodeKind = detail::nodeKind(kind);
    const QStringView trimmed = path.trimmed();
    if (!nodeKind || trimmed.isEmpty())
        return Result<ElementRef>::failure(u"empty %1 path"_s.arg(kindName));
    const CaexPath parsed = CaexPath::parse(trimmed);
    if (parsed.segments.isEmpty())
        return Result<ElementRef>::failure(u"empty %1 path"_s.arg(kindName));
    auto notFound = [&](const QString &detail) {
        QString message = u"%1 '%2' not found"_s.arg(kindName, trimmed.toString());
        if (!detail.isEmpty())
            message += u": "_s + detail;
        return Result<ElementRef>::failure(message);
    };

    if (!parsed.alias.isEmpty()) {
        QString aliasError;
        if (Document *target = aliasTarget(context, parsed.alias, &aliasError)) {
            const Lookup found = lookupClass(target->idx(), *nodeKind, parsed);
            if (found.found())
                return found.ref;
            if (!found.ambiguity.isEmpty())
                return Result<ElementRef>::failure(found.ambiguity);
            return notFound(u"not in %1 (alias '%2')"_s.arg(
                QFileInfo(target->canonicalPath).fileName(), parsed.alias));
        }
        // The referenced file is missing: the referring document may embed the library.
        const Lookup local = lookupClass(context.idx(), *nodeKind, parsed);
        if (local.found())
            return local.ref;
        return notFound(aliasError);
    }

    const Lookup local = lookupClass(context.idx(), *nodeKind, parsed);
    if (local.found())
        return local.ref;
    if (!local.ambiguity.isEmpty())
        return Result<ElementRef>::failure(local.ambiguity);

    QStringList unavailable;
    for (const ExternalReference &reference : context.file->externalReferences) {
        QString aliasError;
        Document *target = aliasTarget(context, reference.alias, &aliasError);
        if (!target) {
            unavailable << aliasError;
            continue;
        }
        if (target == &context)
            continue;
        const Lookup external = lookupClass(target->idx(), *nodeKind, parsed);
        if (external.found())
            return external.ref;
        if (!external.ambiguity.isEmpty())
            return Result<ElementRef>::failure(external.ambiguity);
    }

    if (kind == ElementKind::SystemUnitClass && trimmed.startsWith(u'{')) {
        const ElementRef element = findById(trimmed);
        if (element.kind == ElementKind::InternalElement)
            return Result<ElementRef>::failure(
                u"'%1' is a mirror reference to InternalElement '%2', not a SystemUnitClass"_s.arg(
                    trimmed.toString(), element.path));
    }
    if (!unavailable.isEmpty())
        return notFound(u"also not loadable: "_s + unavailable.join(u"; "_s));
    return notFound(QString());
}

Result<ElementRef> Resolver::roleClass(QStringView path)
{
    return resolveClass(ElementKind::RoleClass, path, index().main);
}

Result<ElementRef> Resolver::systemUnitClass(QStringView path)
{
    return resolveClass(ElementKind::SystemUnitClass, path, index().main);
}

Result<ElementRef> Resolver::interfaceClass(QStringView path)
{
    return resolveClass(ElementKind::InterfaceClass, path, index().main);
}

Result<ElementRef> Resolver::attributeType(QStringView path)
{
    return resolveClass(ElementKind::AttributeType, path, index().main);
}

ElementRef Resolver::findById(QStringView id)
{
    DocumentIndex &idx = index().main.idx();
    return idx.ref(idx.findId(id));
}

ElementRef Resolver::findByPath(QStringView path)
{
    DocumentIndex &idx = index().main.idx();
    return idx.ref(idx.findInstancePath(path));
}

ElementRef Resolver::linkOwner(Document &doc, int entry)
{
    DocumentIndex &idx = doc.idx();
    int owner = idx.parent(entry);
    while (owner > 0
        && (idx.entry(owner).node.kind == NodeKind::ExternalInterface
            || idx.entry(owner).node.kind == NodeKind::RoleRequirements))
        owner = idx.parent(owner);
    return idx.ref(owner);
}

Result<Resolver::LinkPartner> Resolver::linkPartner(QStringView reference)
{
    using R = Result<LinkPartner>;
    Document &main = index().main;
    DocumentIndex &idx = main.idx();
    const QStringView text = reference.trimmed();
    if (text.isEmpty())
        return R::failure(u"empty link partner reference"_s);

    // A bare interface ID (CAEX 3.0 style).
    const int direct = idx.findId(text);
    if (direct >= 0 && idx.entry(direct).node.kind == NodeKind::ExternalInterface)
        return LinkPartner { linkOwner(main, direct), idx.ref(direct) };

    // "ElementID:InterfaceName". IDs may contain ':' themselves, so try each split.
    QString firstProblem;
    for (qsizetype colon = text.indexOf(u':'); colon >= 0; colon = text.indexOf(u':', colon + 1)) {
        const QStringView elementPart = text.left(colon);
        const QStringView interfacePart = text.mid(colon + 1);
        ElementRef owner = idx.ref(idx.findId(elementPart));
        if (!owner.isValid())
            owner = idx.ref(idx.findInstancePath(elementPart));
        const NodeList<ExternalInterface> *interfaces
            = owner.isValid() ? interfacesOf(owner) : nullptr;
        if (!interfaces)
            continue;
        QList<const ExternalInterface *> route;
        if (findInterfaceByName(*interfaces, interfacePart, route)) {
            QString path = owner.path;
            for (const ExternalInterface *step : std::as_const(route))
                path += u'/' + CaexPath::escapeSegment(step->name);
            ElementRef iface { ElementKind::ExternalInterface, route.last(), &m_file, path };
            return LinkPartner { owner, iface };
        }
        // Some writers put the interface's ID after the colon.
        const int byId = idx.findId(interfacePart);
        if (byId >= 0 && idx.entry(byId).node.kind == NodeKind::ExternalInterface
            && linkOwner(main, byId).node == owner.node)
            return LinkPartner { owner, idx.ref(byId) };
        if (firstProblem.isEmpty())
            firstProblem = u"element '%1' has no interface '%2' (link partner '%3')"_s.arg(
                owner.path, interfacePart.toString(), text.toString());
    }
    if (!firstProblem.isEmpty())
        return R::failure(firstProblem);
    if (direct >= 0)
        return R::failure(u"'%1' names a %2, not an ExternalInterface"_s.arg(
            text.toString(), elementKindName(idx.ref(direct).kind)));
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return R::failure(u"no interface with ID '%1'"_s.arg(text.toString()));
    return R::failure(u"no element with ID '%1' (link partner '%2')"_s.arg(
        text.left(colon).toString(), text.toString()));
}

void Resolver::baseChain(const ElementRef &cls, QList<ElementRef> &chain, QString *error)
{
    QSet<const void *> visited { cls.node };
    ElementRef current = cls;
    for (;;) {
        ElementKind baseKind = ElementKind::None;
        QString basePath;
        if (!basePathOf(current, baseKind, basePath) || basePath.trimmed().isEmpty())
            return;
        Result<ElementRef> base = resolveClass(baseKind, basePath, documentOf(current));
        if (!base) {
            if (error)
                *error = u"base of '%1' does not resolve: %2"_s.arg(current.path, base.error());
            return;
        }
        if (visited.contains(base->node)) {
            if (error) {
                QStringList names { cls.path };
                for (const ElementRef &step : std::as_const(chain))
                    names << step.path;
                names << base->path;
                *error = u"inheritance cycle: %1"_s.arg(names.join(u" -> "_s));
            }
            return;
        }
        visited.insert(base->node);
        chain.append(*base);
        current = base.takeValue();
    }
}

Result<QList<ElementRef>> Resolver::baseClasses(const ElementRef &cls)
{
    QList<ElementRef> chain;
    QString error;
    if (cls.isValid())
        baseChain(cls, chain, &error);
    if (!error.isEmpty())
        return Result<QList<ElementRef>>::failure(error);
    return chain;
}

QList<const Attribute *> Resolver::effectiveAttributes(const ElementRef &cls)
{
    QList<const Attribute *> result;
    if (!cls.isValid())
        return result;
    QList<ElementRef> chain { cls };
    baseChain(cls, chain, nullptr); // a broken chain still contributes what it reached
    QSet<QString> names;
    for (const ElementRef &level : std::as_const(chain)) {
        const NodeList<Attribute> *list = attributesOf(level);
        if (!list)
            continue;
        for (const Attribute &attribute : *list)
            if (!names.contains(attribute.name)) {
                names.insert(attribute.name);
                result.append(&attribute);
            }
    }
    return result;
}

QList<const ExternalInterface *> Resolver::effectiveInterfaces(const ElementRef &cls)
{
    QList<const ExternalInterface *> result;
    if (!cls.isValid())
        return result;
    QList<ElementRef> chain { cls };
    baseChain(cls, chain, nullptr);
    QSet<QString> names;
    for (const ElementRef &level : std::as_const(chain)) {
        const NodeList<ExternalInterface> *list = interfacesOf(level);
        if (!list)
            continue;
        for (const ExternalInterface &iface : *list)
            if (!names.contains(iface.name)) {
                names.insert(iface.name);
                result.append(&iface);
            }
    }
    return result;
}

ElementRef Resolver::mirrorMaster(const InternalElement &element)
{
    const QString &reference = element.refBaseSystemUnitPath;
    if (reference.trimmed().isEmpty())
        return ElementRef();
    const ElementRef master = findById(reference);
    if (master.kind != ElementKind::InternalElement || master.node == &element)
        return ElementRef();
    return master;
}

} // namespace dt::model
