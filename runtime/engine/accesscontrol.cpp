// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesscontrol.h"

#include "passwordhash.h"

#include "model/systemunit.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

QString valueOf(const model::Attribute &owner, QStringView name)
{
    const model::Attribute *a = owner.attribute(name);
    return a && a->value ? a->value->trimmed() : QString();
}

std::optional<Permission> parsePermission(QStringView text)
{
    for (Permission p : { Permission::Read, Permission::Write, Permission::Invoke }) {
        if (text.compare(permissionName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

// '*' within one segment; no other wildcard.
bool segmentMatches(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool segmentsMatch(
    const QList<QStringView> &pattern, qsizetype pi, const QList<QStringView> &path, qsizetype si)
{
    if (pi == pattern.size())
        return si == path.size();
    if (pattern[pi] == u"**") {
        // Zero or more whole segments.
        for (qsizetype skip = si; skip <= path.size(); ++skip) {
            if (segmentsMatch(pattern, pi + 1, path, skip))
                return true;
        }
        return false;
    }
    return si < path.size() && segmentMatches(pattern[pi], path[si])
        && segmentsMatch(pattern, pi + 1, path, si + 1);
}

QList<QStringView> splitPath(QStringView path)
{
    QList<QStringView> segments;
    for (QStringView s : path.split(u'/', Qt::SkipEmptyParts))
        segments.append(s);
    return segments;
}

} // namespace

QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::Read:
        return u"read"_s;
    case Permission::Write:
        return u"write"_s;
    case Permission::Invoke:
        break;
    }
    return u"invoke"_s;
}

Result<AccessControl> AccessControl::fromElement(const model::InternalElement &element)
{
    using R = Result<AccessControl>;
    AccessControl ac;
    if (const model::Attribute *roles = model::findAttribute(element.attributes, u"Roles")) {
        for (const model::Attribute &role : roles->attributes)
            ac.m_roles.append(role.name);
    }
    if (const model::Attribute *users = model::findAttribute(element.attributes, u"Users")) {
        for (const model::Attribute &u : users->attributes) {
            User user;
            user.name = u.name;
            user.passwordHash = valueOf(u, u"PasswordHash");
            user.tokenHash = valueOf(u, u"TokenHash");
            for (const QString &r : valueOf(u, u"Roles").split(u',', Qt::SkipEmptyParts))
                user.roles.append(r.trimmed());
            if (!user.passwordHash.isEmpty() && !user.passwordHash.startsWith("pbkdf2-sha256$"_L1))
                return R::failure(
                    u"access control '%1': user '%2' has a PasswordHash that is not "
                    "pbkdf2-sha256$<iterations>$<salt>$<key>"_s.arg(element.name, user.name));
            if (!user.tokenHash.isEmpty() && !user.tokenHash.startsWith("sha256$"_L1))
                return R::failure(u"access control '%1': user '%2' has a TokenHash that is not "
                                  "sha256$<hex digest>"_s.arg(element.name, user.name));
            for (const QString &r : std::as_const(user.roles)) {
                if (!ac.m_roles.isEmpty() && !ac.m_roles.contains(r))
                    ac.m_warnings.append(u"access control '%1': user '%2' has role '%3', which "
                                         "Roles does not list"_s.arg(element.name, user.name, r));
            }
            ac.m_users.append(user);
        }
    }
    if (const model::Attribute *rules = model::findAttribute(element.attributes, u"Rules")) {
        for (const model::Attribute &r : rules->attributes) {
            Rule rule;
            rule.role = valueOf(r, u"Role");
            rule.path = valueOf(r, u"Path");
            const QString permission = valueOf(r, u"Permission");
            if (rule.role.isEmpty() || rule.path.isEmpty())
                return R::failure(u"access control '%1': rule '%2' needs a Role and a Path"_s.arg(
                    element.name, r.name));
            const std::optional<Permission> p = parsePermission(permission);
            if (!p)
                return R::failure(u"access control '%1': rule '%2' has Permission '%3' (expected "
                                  "read, write or invoke)"_s.arg(element.name, r.name, permission));
            rule.permission = *p;
            ac.m_rules.append(rule);
        }
    }
    return ac;
}

bool AccessControl::allows(const QStringList &roles, const QString &elementPath,
    const QString &attribute, Permission permission) const
{
    const QString withAttribute = attribute.isEmpty()
        ? QString()
        : (elementPath.isEmpty() ? attribute : elementPath + u'/' + attribute);
    for (const Rule &rule : m_rules) {
        if (rule.permission != permission || !roles.contains(rule.role))
            continue;
        if (pathMatches(rule.path, elementPath)
            || (!withAttribute.isEmpty() && pathMatches(rule.path, withAttribute)))
            return true;
    }
    return false;
}

bool AccessControl::allowsUser(const QString &userName, const QString &elementPath,
    const QString &attribute, Permission permission) const
{
    const User *u = user(userName);
    return u && allows(u->roles, elementPath, attribute, permission);
}

bool AccessControl::checkPassword(const QString &userName, const QString &password) const
{
    const User *u = user(userName);
    return u && !u->passwordHash.isEmpty() && verifyPasswordHash(u->passwordHash, password);
}

QString AccessControl::userForToken(const QString &token) const
{
    for (const User &u : m_users) {
        if (!u.tokenHash.isEmpty() && verifyTokenHash(u.tokenHash, token))
            return u.name;
    }
    return {};
}

bool AccessControl::pathMatches(QStringView pattern, QStringView path)
{
    return segmentsMatch(splitPath(pattern), 0, splitPath(path), 0);
}

const AccessControl::User *AccessControl::user(const QString &name) const
{
    for (const User &u : m_users) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

} // namespace dt::runtime
