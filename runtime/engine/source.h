// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace dt::runtime {

/// Who changes an attribute or calls a method: the paper's "source" that access control checks
/// first. A Component is a part of the twin acting for the device (a communication client, a
/// Method); a User is an authenticated API user whose roles the AccessControl rules govern;
/// Local is the process that deployed the twin (the workbench's operator, dt-runtime's stdin),
/// trusted like the owner of the model file.
struct Source
{
    enum class Kind : quint8 { Component, User, Local };

    Kind kind = Kind::Local;
    QString name;

    static Source component(const QString &name) { return { Kind::Component, name }; }
    static Source user(const QString &name) { return { Kind::User, name }; }
    static Source local(const QString &name = QStringLiteral("local"))
    {
        return { Kind::Local, name };
    }

    /// "Valve1Modbus", "user:operator", "local:workbench": what history records as the source.
    QString toString() const
    {
        switch (kind) {
        case Kind::Component:
            return name;
        case Kind::User:
            return QStringLiteral("user:") + name;
        case Kind::Local:
            break;
        }
        return name == QLatin1StringView("local") ? name : QStringLiteral("local:") + name;
    }
};

} // namespace dt::runtime

Q_DECLARE_METATYPE(dt::runtime::Source)
