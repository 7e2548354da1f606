// SPDX-License-Identifier: GPL-3.0-or-later
// What tst_workbenchbuild compares between the model built in the window and the example file:
// facts in document order, identifiers replaced by paths (IDs differ between the two).
#pragma once

#include "tst_workbenchsupport.h"

#include "model/caexfile.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace dt::test {

using namespace Qt::StringLiterals;

/// The content the test compares, one line per fact, in document order. strict: what the GUI
/// lets a user set (names and nesting, classes, roles, element descriptions, attribute type,
/// unit, value and nesting, interfaces and their attributes, links by their partners' paths).
/// info: what no GUI editor sets (IDs, link names, attribute defaults, descriptions and
/// constraints of attributes and interfaces): differences are printed, not failed.
/// Roles: the set of SupportedRoleClass and RoleRequirements paths ("Set role" writes a
/// SupportedRoleClass; the example gives Refinery a RoleRequirements).
class SemanticDump
{
public:
    explicit SemanticDump(const model::CaexFile &file)
    {
        for (const model::InstanceHierarchy &h : file.instanceHierarchies)
            for (const model::InternalElement &e : h.internalElements)
                index(e, h.name + u'/' + e.name);
        for (const model::InstanceHierarchy &h : file.instanceHierarchies) {
            strict << u"H "_s + h.name;
            strict << u"H %1 description: %2"_s.arg(h.name, h.description());
            for (const model::InternalElement &e : h.internalElements)
                element(e, h.name + u'/' + e.name);
        }
    }

    QStringList strict;
    QStringList info;

private:
    static QString text(const std::optional<QString> &value)
    {
        return value ? u'"' + *value + u'"' : u"(none)"_s;
    }

    void index(const model::InternalElement &e, const QString &path)
    {
        if (!e.id.isEmpty())
            m_elements.insert(e.id, path);
        indexInterfaces(e.interfaces, path + u':');
        for (const model::InternalElement &child : e.internalElements)
            index(child, path + u'/' + child.name);
    }

    void indexInterfaces(
        const model::NodeList<model::ExternalInterface> &list, const QString &prefix)
    {
        for (const model::ExternalInterface &i : list) {
            if (!i.id.isEmpty())
                m_interfaces.insert(i.id, prefix + i.name);
            indexInterfaces(i.interfaces, prefix + i.name + u'/');
        }
    }

    QString partner(const QString &ref) const
    {
        if (m_interfaces.contains(ref))
            return m_interfaces.value(ref);
        const qsizetype colon = ref.indexOf(u':');
        if (colon > 0 && m_elements.contains(ref.left(colon)))
            return m_elements.value(ref.left(colon)) + u':' + ref.mid(colon + 1);
        return u"unresolved("_s + ref + u')';
    }

    void element(const model::InternalElement &e, const QString &path)
    {
        QStringList roles;
        for (const model::SupportedRoleClass &role : e.supportedRoleClasses)
            roles << role.refRoleClassPath;
        for (const model::RoleRequirements &role : e.roleRequirements)
            roles << role.refBaseRoleClassPath;
        roles.sort();
        roles.removeDuplicates();
        strict << u"E %1 class=%2 roles=%3"_s.arg(path, e.refBaseSystemUnitPath, roles.join(u','));
        strict << u"E %1 description: %2"_s.arg(path, e.description());
        attributes(e.attributes, path + u'#');
        for (const model::ExternalInterface &i : e.interfaces)
            interface(i, path + u':' + i.name);
        for (const model::InternalLink &link : e.internalLinks) {
            const QString sides
                = u"%1 <-> %2"_s.arg(partner(link.refPartnerSideA), partner(link.refPartnerSideB));
            strict << u"L in %1: %2"_s.arg(path, sides);
            info << u"L in %1: %2 name=%3"_s.arg(path, sides, link.name);
        }
        for (const model::InternalElement &child : e.internalElements)
            element(child, path + u'/' + child.name);
    }

    void interface(const model::ExternalInterface &i, const QString &path)
    {
        strict << u"I %1 class=%2"_s.arg(path, i.refBaseClassPath);
        info << u"I %1 description: %2"_s.arg(path, i.description());
        attributes(i.attributes, path + u'#');
        for (const model::ExternalInterface &nested : i.interfaces)
            interface(nested, path + u'/' + nested.name);
    }

    void attributes(const model::NodeList<model::Attribute> &list, const QString &prefix)
    {
        for (const model::Attribute &a : list) {
            const QString path = prefix + a.name;
            strict << u"A %1 type=%2 unit=%3 ref=%4 value=%5"_s.arg(
                path, a.dataType, a.unit, a.refAttributeType, text(a.value));
            info << u"A %1 default=%2 description: %3"_s.arg(
                path, text(a.defaultValue), a.description());
            for (const model::Constraint &c : a.constraints) {
                info << u"A %1 constraint %2: %3 %4 %5 [%6]"_s.arg(path, c.name,
                    text(c.requiredMinValue), text(c.requiredMaxValue), text(c.requiredValue),
                    c.nominalValues.join(u','));
            }
            attributes(a.attributes, path + u'/');
        }
    }

    QHash<QString, QString> m_elements; ///< element ID → path
    QHash<QString, QString> m_interfaces; ///< interface ID → "element path:interface path"
};

/// Fails (with the first difference) when the strict facts differ; prints the others.
inline bool compareSemantically(const model::CaexFile &expected, const model::CaexFile &actual)
{
    const SemanticDump want(expected);
    const SemanticDump got(actual);
    const auto setOf
        = [](const QStringList &list) { return QSet<QString>(list.begin(), list.end()); };
    const QSet<QString> missingInfo = setOf(want.info) - setOf(got.info);
    const QSet<QString> extraInfo = setOf(got.info) - setOf(want.info);
    if (!missingInfo.isEmpty() || !extraInfo.isEmpty()) {
        QStringList examples;
        for (const QString &line : want.info)
            if (missingInfo.contains(line) && examples.size() < 3)
                examples << line.left(140);
        qInfo("Not settable through the GUI, so not compared: %d facts of the example differ "
              "(attribute defaults, descriptions and constraints of attributes and interfaces, "
              "link names), e.g.\n  %s",
            int(missingInfo.size()), qPrintable(examples.join(u"\n  "_s)));
    }
    if (want.strict == got.strict)
        return true;
    const QSet<QString> missing = setOf(want.strict) - setOf(got.strict);
    const QSet<QString> extra = setOf(got.strict) - setOf(want.strict);
    QStringList report;
    for (const QString &line : want.strict)
        if (missing.contains(line) && report.size() < 12)
            report << u"  missing: "_s + line;
    for (const QString &line : got.strict)
        if (extra.contains(line) && report.size() < 24)
            report << u"  unexpected: "_s + line;
    if (missing.isEmpty() && extra.isEmpty())
        report << u"  same facts in a different order"_s;
    EC_CHECK(false,
        u"the built model differs from the example (%1 missing, %2 unexpected):\n%3"_s
            .arg(missing.size())
            .arg(extra.size())
            .arg(report.join(u'\n')));
    return false;
}

} // namespace dt::test
