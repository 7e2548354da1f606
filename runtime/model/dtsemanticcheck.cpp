// SPDX-License-Identifier: GPL-3.0-or-later
#include "dtsemanticcheck.h"

#include "caexpath.h"
#include "resolver.h"
#include "validationcontext.h"
#include "xsdvalue.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

QString tr(const char *text)
{
    return ValidationContext::tr(text);
}

QString valueOf(const Attribute *a)
{
    if (!a)
        return QString();
    if (a->value && !isBlank(*a->value))
        return a->value->trimmed();
    return a->defaultValue.value_or(QString()).trimmed();
}

QString valueOf(const NodeList<Attribute> &attributes, const char *name)
{
    return valueOf(findAttribute(attributes, QString::fromLatin1(name)));
}

bool inChoices(const char *choices, QStringView value, Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    const QLatin1StringView all(choices);
    for (QLatin1StringView c : all.tokenize(QLatin1Char('|'))) {
        if (value.compare(c, cs) == 0)
            return true;
    }
    return false;
}

QString listedChoices(const char *choices)
{
    return QString::fromLatin1(choices).replace(u'|', u", "_s);
}

bool isHostName(QStringView s)
{
    if (s.isEmpty() || s.size() > 253)
        return false;
    for (QStringView label : s.tokenize(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
                return false;
        }
    }
    return true;
}

bool isIPv4(QStringView s)
{
    int parts = 0;
    for (QStringView part : s.tokenize(u'.')) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || n < 0 || n > 255)
            return false;
        ++parts;
    }
    return parts == 4;
}

bool isIPv6(QStringView s)
{
    if (!s.contains(u':'))
        return false;
    for (QChar c : s) {
        const bool hex
            = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!hex && c != u':' && c != u'.')
            return false;
    }
    return true;
}

bool isHost(QStringView s)
{
    bool allNumeric = true;
    for (QChar c : s)
        allNumeric = allNumeric && (c.isDigit() || c == u'.');
    // "300.1.2.3" looks like an address, so judge it as one rather than as a host name.
    if (allNumeric)
        return isIPv4(s);
    return isIPv6(s) || isHostName(s);
}

// Why 'value' does not fit 'rule', or an empty string when it does.
QString valueProblem(const DtAttributeRule &rule, const QString &value, Severity *severity)
{
    *severity = Severity::Error;
    auto range
        = [&rule](double x) { return rule.min > rule.max || (x >= rule.min && x <= rule.max); };
    auto rangeText = [&rule] {
        // 'g' with enough digits: 1000000, not 1e+06.
        const auto bound = [](double x) { return QString::number(x, 'g', 15); };
        const bool upper = rule.max < std::numeric_limits<double>::max();
        return upper ? tr("between %1 and %2").arg(bound(rule.min), bound(rule.max))
                     : tr("at least %1").arg(bound(rule.min));
    };
    switch (rule.kind) {
    case DtValueKind::Text:
        return QString();
    case DtValueKind::Integer: {
        if (checkXsdValue(u"xs:long", value) != XsdFit::Valid)
            return tr("is not a whole number");
        if (!range(value.toDouble()))
            return tr("is not %1").arg(rangeText());
        return QString();
    }
    case DtValueKind::Number: {
        const std::optional<double> x = parseXsdNumber(value);
        if (!x)
            return tr("is not a number");
        if (!range(*x))
            return tr("is not %1").arg(rangeText());
        return QString();
    }
    case DtValueKind::Choice:
        if (inChoices(rule.choices, value))
            return QString();
        if (inChoices(rule.choices, value, Qt::CaseInsensitive)) {
            *severity = Severity::Warning;
            return tr("is not written as one of %1").arg(listedChoices(rule.choices));
        }
        return tr("is not one of %1").arg(listedChoices(rule.choices));
    case DtValueKind::Host:
        return isHost(value) ? QString() : tr("is not an IP address or host name");
    case DtValueKind::Boolean:
        switch (checkXsdValue(u"xs:boolean", value)) {
        case XsdFit::Valid:
            return QString();
        case XsdFit::Lenient:
            *severity = Severity::Warning;
            return tr("is not written as true or false");
        default:
            return tr("is not true or false");
        }
    case DtValueKind::UrlPath:
        return value.startsWith(u'/') ? QString() : tr("does not start with '/'");
    }
    return QString();
}

// An attribute named by a path "Name" or "Outer/Inner" among an element's attributes.
const Attribute *findAttributePath(const NodeList<Attribute> &attributes, const QString &path)
{
    const CaexPath parsed = CaexPath::parse(path);
    const NodeList<Attribute> *list = &attributes;
    const Attribute *found = nullptr;
    for (const QString &segment : parsed.segments) {
        found = findAttribute(*list, segment);
        if (!found)
            return nullptr;
        list = &found->attributes;
    }
    return found;
}

} // namespace

DtSemanticCheck::DtSemanticCheck(ValidationContext &context)
    : m_context(context)
    , m_rules(dtRules())
{
}

void DtSemanticCheck::enter(const WalkNode &node)
{
    // The libraries only describe; only the plant's elements must be deployable.
    if (node.scope != WalkScope::Instance)
        return;
    switch (node.kind) {
    case ElementKind::InternalElement:
        checkElement(node);
        break;
    case ElementKind::ExternalInterface:
        checkInterface(node);
        break;
    case ElementKind::InternalLink:
        checkLink(node);
        break;
    default:
        break;
    }
}

int DtSemanticCheck::classifyPath(ElementKind kind, QLatin1StringView library, const QString &path)
{
    if (path.isEmpty())
        return -1;
    QHash<QString, int> &cache = m_classification[kind == ElementKind::RoleClass ? 0
            : kind == ElementKind::SystemUnitClass                               ? 1
                                                                                 : 2];
    auto cached = cache.constFind(path);
    if (cached != cache.constEnd())
        return *cached;

    auto direct = [&](const QString &text) -> std::optional<int> {
        const CaexPath p = CaexPath::parse(text);
        if (p.segments.size() < 2 || p.segments.first() != library)
            return std::nullopt;
        const QString &name = p.segments.last();
        if (kind == ElementKind::RoleClass)
            return m_rules.roleIndex(name);
        if (kind == ElementKind::SystemUnitClass)
            return m_rules.componentIndex(name);
        return m_rules.interfaceIndex(name);
    };

    int index = -1;
    if (const auto d = direct(path)) {
        index = *d;
    } else {
        // A class of the user's own library may derive from one of ours.
        const ClassResolution &r = m_context.resolveClass(kind, path);
        if (r.ok() && r.ref.kind != ElementKind::InternalElement) {
            if (const auto own = direct(r.ref.path)) {
                index = *own;
            } else if (Result<QList<ElementRef>> bases = m_context.resolver().baseClasses(r.ref)) {
                for (const ElementRef &base : bases.value()) {
                    if (const auto b = direct(base.path)) {
                        index = *b;
                        break;
                    }
                }
            }
        }
    }
    cache.insert(path, index);
    return index;
}

DtSemanticCheck::RoleSet DtSemanticCheck::rolesOf(const InternalElement &element)
{
    RoleSet roles = 0;
    auto add = [&](const QString &path) {
        const int i = classifyPath(ElementKind::RoleClass, m_rules.roleLibrary, path);
        if (i >= 0)
            roles |= RoleSet(1) << i;
    };
    for (const SupportedRoleClass &s : element.supportedRoleClasses)
        add(s.refRoleClassPath);
    for (const RoleRequirements &r : element.roleRequirements)
        add(r.refBaseRoleClassPath);
    const int component = componentOf(element);
    if (component >= 0 && m_rules.components[size_t(component)].role) {
        const int i
            = m_rules.roleIndex(QLatin1StringView(m_rules.components[size_t(component)].role));
        if (i >= 0)
            roles |= RoleSet(1) << i;
    }
    return roles;
}

int DtSemanticCheck::componentOf(const InternalElement &element)
{
    return classifyPath(
        ElementKind::SystemUnitClass, m_rules.componentLibrary, element.refBaseSystemUnitPath);
}

int DtSemanticCheck::interfaceClassOf(const ExternalInterface &interface)
{
    return classifyPath(
        ElementKind::InterfaceClass, m_rules.interfaceLibrary, interface.refBaseClassPath);
}

void DtSemanticCheck::checkElement(const WalkNode &node)
{
    const InternalElement &e = *node.as<InternalElement>();
    const RoleSet roles = rolesOf(e);
    for (size_t i = 0; i < m_rules.roles.size(); ++i) {
        if (!(roles & (RoleSet(1) << i)))
            continue;
        const DtClassRule &rule = m_rules.roles[i];
        const QString what = QLatin1StringView(rule.name) + u" '"_s + e.name + u'\'';
        checkAttributes(node, what, rule, e.attributes);
        if (rule.requiredChildRole) {
            const QLatin1StringView needed(rule.requiredChildRole);
            const int neededIndex = m_rules.roleIndex(needed);
            bool found = false;
            for (const InternalElement &child : e.internalElements)
                found
                    = found || (neededIndex >= 0 && (rolesOf(child) & (RoleSet(1) << neededIndex)));
            if (!found) {
                m_context.report(Severity::Error,
                    tr("%1 has no child element with the role %2").arg(what, needed), node);
            }
        }
        if (QLatin1StringView(rule.name) == "DigitalTwin"_L1)
            checkEndpoint(node, e);
    }
    const int component = componentOf(e);
    if (component >= 0) {
        const DtClassRule &rule = m_rules.components[size_t(component)];
        const QString what = QLatin1StringView(rule.name) + u" '"_s + e.name + u'\'';
        checkAttributes(node, what, rule, e.attributes);
    }
}

void DtSemanticCheck::checkInterface(const WalkNode &node)
{
    const ExternalInterface &i = *node.as<ExternalInterface>();
    const int cls = interfaceClassOf(i);
    if (cls < 0)
        return;
    const DtClassRule &rule = m_rules.interfaces[size_t(cls)];
    const QString what = QLatin1StringView(rule.name) + u" '"_s + i.name + u'\'';
    checkAttributes(node, what, rule, i.attributes);

    const WalkNode *owner = node.element();
    if (rule.attributeReference && owner->kind == ElementKind::InternalElement) {
        const QString target = valueOf(i.attributes, rule.attributeReference);
        const InternalElement &element = *owner->as<InternalElement>();
        if (!target.isEmpty() && !findAttributePath(element.attributes, target)) {
            m_context.report(Severity::Error,
                tr("%1 exposes attribute '%2', which element '%3' does not have")
                    .arg(what, target, element.name),
                node);
        }
    }
}

void DtSemanticCheck::checkLink(const WalkNode &node)
{
    const InternalLink &link = *node.as<InternalLink>();
    Resolver &resolver = m_context.resolver();
    Result<Resolver::LinkPartner> a = resolver.linkPartner(link.refPartnerSideA);
    Result<Resolver::LinkPartner> b = resolver.linkPartner(link.refPartnerSideB);
    // Unresolved partners are the reference check's to report.
    if (!a.ok() || !b.ok() || !a->interface.isValid() || !b->interface.isValid())
        return;
    const ExternalInterface *sides[2]
        = { a->interface.as<ExternalInterface>(), b->interface.as<ExternalInterface>() };
    const int classes[2] = { interfaceClassOf(*sides[0]), interfaceClassOf(*sides[1]) };
    for (const DtLinkRule &rule : m_rules.links) {
        const QLatin1StringView self(rule.interfaceClass);
        const QLatin1StringView partner(rule.partnerClass);
        for (int s = 0; s < 2; ++s) {
            const int other = 1 - s;
            const bool isSelf = classes[s] >= 0
                && QLatin1StringView(m_rules.interfaces[size_t(classes[s])].name) == self;
            if (!isSelf)
                continue;
            const bool otherOk = classes[other] >= 0
                && QLatin1StringView(m_rules.interfaces[size_t(classes[other])].name) == partner;
            if (!otherOk) {
                const QString otherClass = sides[other]->refBaseClassPath.isEmpty()
                    ? tr("no interface class")
                    : sides[other]->refBaseClassPath;
                m_context.report(Severity::Error,
                    tr("InternalLink '%1' binds %2 '%3' to '%4' (%5); it needs an %6 "
                       "on the other side")
                        .arg(link.name, self, sides[s]->name, sides[other]->name, otherClass,
                            partner),
                    node);
                return;
            }
        }
    }
}

void DtSemanticCheck::checkAttributes(const WalkNode &node, const QString &what,
    const DtClassRule &rule, const NodeList<Attribute> &attributes)
{
    for (const DtAttributeRule &r : rule.attributes) {
        const QLatin1StringView name(r.name);
        const Attribute *a = findAttribute(attributes, QString::fromLatin1(r.name));
        const QString value = valueOf(a);
        // Point at the attribute itself when it exists, else at its holder.
        const WalkNode at = a ? WalkNode { ElementKind::Attribute, a, a, &node, node.scope } : node;
        if (value.isEmpty()) {
            if (r.whenMissing == Severity::Info)
                continue;
            m_context.report(r.whenMissing,
                a ? tr("%1: attribute '%2' has no value").arg(what, name)
                  : tr("%1 needs an attribute '%2'").arg(what, name),
                at);
            continue;
        }
        Severity severity = Severity::Error;
        const QString problem = valueProblem(r, value, &severity);
        if (!problem.isEmpty()) {
            m_context.report(severity, tr("%1: %2 '%3' %4").arg(what, name, value, problem), at);
        }
    }
    for (const DtImplication &imp : rule.implications) {
        const QString condition = valueOf(attributes, imp.ifName);
        if (condition.isEmpty() || !inChoices(imp.ifValues, condition, Qt::CaseInsensitive))
            continue;
        const QString consequence = valueOf(attributes, imp.thenName);
        if (consequence.isEmpty() || inChoices(imp.thenValues, consequence, Qt::CaseInsensitive))
            continue;
        m_context.report(imp.severity,
            tr("%1: %2 '%3' needs %4 %5, not '%6'")
                .arg(what, QLatin1StringView(imp.ifName), condition,
                    QLatin1StringView(imp.thenName), listedChoices(imp.thenValues), consequence),
            node);
    }
}

void DtSemanticCheck::checkEndpoint(const WalkNode &node, const InternalElement &twin)
{
    const QString ip = valueOf(twin.attributes, "IPAddress");
    const QString port = valueOf(twin.attributes, "Port");
    if (ip.isEmpty() || port.isEmpty())
        return;
    const QString endpoint = ip.toLower() + u':' + port;
    auto it = m_endpoints.constFind(endpoint);
    if (it != m_endpoints.constEnd()) {
        m_context.report(Severity::Error,
            tr("DigitalTwin '%1' listens on %2, as DigitalTwin '%3' already does")
                .arg(twin.name, endpoint, *it),
            node);
        return;
    }
    m_endpoints.insert(endpoint, node.path());
}

} // namespace dt::model
