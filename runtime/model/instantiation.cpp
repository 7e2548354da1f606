// SPDX-License-Identifier: GPL-3.0-or-later
#include "instantiation.h"

#include "elementtree.h"
#include "resolver.h"

#include <QHash>
#include <QRandomGenerator>
#include <QUuid>

#include <array>
#include <mutex>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

using detail::normalizedId;

/// Gives a copied subtree fresh IDs, remembering old → new so references inside the copy can
/// follow. Keys are normalised IDs, so "{GUID}" and "GUID" spellings both match.
class IdRemapper
{
public:
    explicit IdRemapper(const IdGenerator &newId)
        : m_newId(newId)
    {
    }

    /// Gives the object a fresh ID; 'always' also for objects that had none.
    void renew(CaexObject &object, bool always)
    {
        if (object.id.isEmpty() && !always)
            return;
        const QString fresh = m_newId();
        map(object.id, fresh);
        object.id = fresh;
    }
    void map(const QString &oldId, const QString &newId)
    {
        const QStringView key = normalizedId(oldId);
        if (key.isEmpty())
            return;
        QString k = key.toString();
        if (!m_map.contains(k)) // the first of duplicate IDs keeps the references
            m_map.insert(std::move(k), newId);
    }

    void renewElement(InternalElement &element)
    {
        renew(element, true);
        renewParts(element);
        for (RoleRequirements &requirements : element.roleRequirements) {
            renewAttributes(requirements.attributes);
            renewInterfaces(requirements.interfaces);
        }
    }
    void renewParts(SystemUnitClassType &type)
    {
        renewAttributes(type.attributes);
        renewInterfaces(type.interfaces);
        for (InternalLink &link : type.internalLinks)
            renew(link, true);
        for (InternalElement &child : type.internalElements)
            renewElement(child);
    }
    void renewInterfaces(NodeList<ExternalInterface> &list)
    {
        for (ExternalInterface &iface : list) {
            renew(iface, true);
            renewAttributes(iface.attributes);
            renewInterfaces(iface.interfaces);
        }
    }
    void renewAttributes(NodeList<Attribute> &list)
    {
        for (Attribute &attribute : list) {
            renew(attribute, false);
            renewAttributes(attribute.attributes);
        }
    }

    /// Rewrites every reference inside the copy that points at a renewed ID.
    void remapElement(InternalElement &element)
    {
        remapParts(element);
        // A mirror inside the copy follows its master's copy, staying a "{GUID}" reference.
        if (const QString *fresh = lookup(element.refBaseSystemUnitPath))
            element.refBaseSystemUnitPath = u'{' + *fresh + u'}';
        remapMapping(element.mappingObject);
        for (RoleRequirements &requirements : element.roleRequirements)
            remapMapping(requirements.mappingObject);
    }
    void remapParts(SystemUnitClassType &type)
    {
        for (InternalLink &link : type.internalLinks) {
            link.refPartnerSideA = remapPartner(link.refPartnerSideA);
            link.refPartnerSideB = remapPartner(link.refPartnerSideB);
        }
        for (SupportedRoleClass &role : type.supportedRoleClasses)
            remapMapping(role.mappingObject);
        for (InternalElement &child : type.internalElements)
            remapElement(child);
    }

private:
    const QString *lookup(const QString &id) const
    {
        const QStringView key = normalizedId(id);
        if (key.isEmpty() || m_map.isEmpty())
            return nullptr;
        const auto it = m_map.constFind(key.toString());
        return it == m_map.constEnd() ? nullptr : &it.value();
    }
    // "ElementID:InterfaceName" or a bare interface ID; IDs may contain ':' themselves.
    QString remapPartner(const QString &side) const
    {
        if (const QString *fresh = lookup(side))
            return *fresh;
        for (qsizetype colon = side.indexOf(u':'); colon >= 0;
             colon = side.indexOf(u':', colon + 1)) {
            if (const QString *fresh = lookup(side.left(colon)))
                return *fresh + side.mid(colon);
        }
        return side;
    }
    void remapMapping(ValuePtr<MappingObject> &mapping) const
    {
        if (!mapping)
            return;
        for (InterfaceIdMapping &entry : mapping->interfaceIdMappings) {
            if (const QString *fresh = lookup(entry.systemUnitInterfaceId))
                entry.systemUnitInterfaceId = *fresh;
            if (const QString *fresh = lookup(entry.roleInterfaceId))
                entry.roleInterfaceId = *fresh;
        }
    }

    const IdGenerator &m_newId;
    QHash<QString, QString> m_map;
};

} // namespace

IdGenerator defaultIdGenerator()
{
    // QUuid::createUuid() asks the operating system for every ID, which would dominate the
    // instantiation of a large class; a generator seeded once from it is as unique and cheap.
    struct State
    {
        explicit State(const std::array<quint32, 8> &seed)
            : random(seed.data(), qsizetype(seed.size()))
        {
        }
        std::mutex mutex; // copies of the IdGenerator share the state
        QRandomGenerator64 random;
    };
    std::array<quint32, 8> seed {};
    QRandomGenerator::system()->fillRange(seed.data(), qsizetype(seed.size()));
    auto state = std::make_shared<State>(seed);
    return [state] {
        quint64 high;
        quint64 low;
        {
            const std::lock_guard<std::mutex> lock(state->mutex);
            high = state->random.generate64();
            low = state->random.generate64();
        }
        // RFC 4122 version 4 (random) with the RFC variant bits.
        high = (high & ~quint64(0xF000)) | quint64(0x4000);
        low = (low & ~(quint64(0xC0) << 56)) | (quint64(0x80) << 56);
        const QUuid uuid(uint(high >> 32), ushort(high >> 16), ushort(high), uchar(low >> 56),
            uchar(low >> 48), uchar(low >> 40), uchar(low >> 32), uchar(low >> 24),
            uchar(low >> 16), uchar(low >> 8), uchar(low));
        return uuid.toString(QUuid::WithoutBraces);
    };
}

Result<std::unique_ptr<InternalElement>> instantiate(
    Resolver &resolver, const QString &sucPath, const QString &name, const IdGenerator &newId)
{
    using R = Result<std::unique_ptr<InternalElement>>;
    if (!newId)
        return R::failure(u"no ID generator"_s);
    Result<ElementRef> found = resolver.systemUnitClass(sucPath);
    if (!found)
        return R::failure(found.error());
    const SystemUnitClass &suc = *found->as<SystemUnitClass>();

    auto element = std::make_unique<InternalElement>();
    // The SystemUnitClassType part is exactly what an instance shares with its class.
    static_cast<SystemUnitClassType &>(*element) = static_cast<const SystemUnitClassType &>(suc);
    element->changeMode = ChangeMode::State;
    if (element->header) {
        // Version, revisions and copyright describe the class, not this new instance.
        element->header->version.reset();
        element->header->revisions.clear();
        element->header->copyright.reset();
        if (element->header->isEmpty())
            element->header.reset();
    }
    if (!name.isEmpty())
        element->name = name;

    // Inherited attributes and interfaces (own ones first and winning by name).
    const QList<const Attribute *> attributes = resolver.effectiveAttributes(*found);
    if (attributes.size() > suc.attributes.size()) {
        NodeList<Attribute> all;
        all.reserve(int(attributes.size()));
        for (const Attribute *attribute : attributes)
            all.append(*attribute);
        element->attributes = std::move(all);
    }
    const QList<const ExternalInterface *> interfaces = resolver.effectiveInterfaces(*found);
    if (interfaces.size() > suc.interfaces.size()) {
        NodeList<ExternalInterface> all;
        all.reserve(int(interfaces.size()));
        for (const ExternalInterface *iface : interfaces)
            all.append(*iface);
        element->interfaces = std::move(all);
    }

    const QString reference = resolver.referencePath(*found);
    element->refBaseSystemUnitPath = reference.isEmpty() ? sucPath : reference;

    IdRemapper remapper(newId);
    remapper.renewElement(*element);
    // Links inside the class may name the class itself as "ClassID:Interface".
    remapper.map(suc.id, element->id);
    remapper.remapParts(*element);
    return R(std::move(element));
}

std::unique_ptr<InternalElement> duplicate(const InternalElement &element, const IdGenerator &newId)
{
    auto copy = std::make_unique<InternalElement>(element);
    const IdGenerator fallback = newId ? IdGenerator() : defaultIdGenerator();
    IdRemapper remapper(newId ? newId : fallback);
    remapper.renewElement(*copy);
    remapper.remapElement(*copy);
    return copy;
}

} // namespace dt::model
