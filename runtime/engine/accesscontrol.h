// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dt::model {
struct InternalElement;
}

namespace dt::runtime {

enum class Permission : quint8 { Read, Write, Invoke };

QString permissionName(Permission permission); // "read" / "write" / "invoke"

/// The AccessControl component of a twin: users (PBKDF2 password hash, token hash, roles), roles
/// and rules "role may <permission> below <path pattern>". Paths are element paths relative to the
/// twin root; in a pattern '*' matches within one segment and '**' any number of segments
/// (including none, so "**" also covers the twin root). A rule applies to a request when its
/// pattern matches the element path, or the element path followed by "/<attribute>".
class AccessControl
{
public:
    struct User
    {
        QString name;
        QString passwordHash;
        QString tokenHash;
        QStringList roles;
    };
    struct Rule
    {
        QString role;
        QString path;
        Permission permission = Permission::Read;
    };

    /// Reads Users, Roles and Rules (nested attributes, see DigitalTwinComponentLib). A rule
    /// without Role or Path, or with an unknown Permission, is an error naming the rule.
    static Result<AccessControl> fromElement(const model::InternalElement &element);

    const QList<User> &users() const { return m_users; }
    const QList<Rule> &rules() const { return m_rules; }
    const QStringList &roles() const { return m_roles; }
    /// Problems that do not stop a deploy (a user with a role no rule mentions, ...).
    const QStringList &warnings() const { return m_warnings; }

    /// True when any rule of one of these roles grants the permission on the path.
    bool allows(const QStringList &roles, const QString &elementPath, const QString &attribute,
        Permission permission) const;
    /// The same for a user by name; false for an unknown user.
    bool allowsUser(const QString &userName, const QString &elementPath, const QString &attribute,
        Permission permission) const;
    /// True when the user exists and the password matches its PasswordHash.
    bool checkPassword(const QString &userName, const QString &password) const;
    /// The user whose TokenHash matches the token, or an empty string.
    QString userForToken(const QString &token) const;

    /// Glob match of a rule path against an element path (both '/'-separated).
    static bool pathMatches(QStringView pattern, QStringView path);

private:
    const User *user(const QString &name) const;

    QList<User> m_users;
    QStringList m_roles;
    QList<Rule> m_rules;
    QStringList m_warnings;
};

} // namespace dt::runtime
