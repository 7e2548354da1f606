// SPDX-License-Identifier: GPL-3.0-or-later
#include "structurecheck.h"

#include "validationcontext.h"
#include "xsdvalue.h"

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

bool sameValue(const QString &dataType, QStringView a, QStringView b)
{
    a = a.trimmed();
    b = b.trimmed();
    if (isXsdNumericType(dataType)) {
        const auto x = parseXsdNumber(a);
        const auto y = parseXsdNumber(b);
        if (x && y)
            return *x == *y;
    }
    if (xsdLocalName(dataType).compare(u"boolean", Qt::CaseInsensitive) == 0) {
        auto truth = [](QStringView v) {
            return v.compare(u"true", Qt::CaseInsensitive) == 0 || v == u"1";
        };
        return truth(a) == truth(b);
    }
    return a == b;
}

} // namespace

void StructureCheck::checkDocument()
{
    const CaexFile &file = m_context.file();
    QHash<QString, const ExternalReference *> aliases;
    for (const ExternalReference &r : file.externalReferences) {
        if (r.alias.isEmpty()) {
            m_context.report(Severity::Error,
                ValidationContext::tr("ExternalReference '%1' has no Alias").arg(r.path), &r,
                QString());
        } else if (aliases.contains(r.alias)) {
            m_context.report(Severity::Error,
                ValidationContext::tr("ExternalReference alias '%1' is declared twice")
                    .arg(r.alias),
                &r, QString());
        } else {
            aliases.insert(r.alias, &r);
        }
        if (r.path.isEmpty()) {
            m_context.report(Severity::Error,
                ValidationContext::tr("ExternalReference '%1' has no Path").arg(r.alias), &r,
                QString());
        }
    }
}

void StructureCheck::enter(const WalkNode &node)
{
    checkName(node);
    if (node.kind == ElementKind::Attribute || node.kind == ElementKind::AttributeType)
        checkAttribute(node);
}

void StructureCheck::checkName(const WalkNode &node)
{
    if (!isBlank(node.object->name))
        return;
    m_context.report(Severity::Error,
        ValidationContext::tr("%1 without a Name").arg(elementKindName(node.kind)), node);
}

void StructureCheck::checkAttribute(const WalkNode &node)
{
    const Attribute &attribute = *node.as<Attribute>();
    if (attribute.value)
        checkValue(node, attribute, *attribute.value, "value");
    if (attribute.defaultValue)
        checkValue(node, attribute, *attribute.defaultValue, "default value");
    const std::optional<QString> &effective
        = attribute.value ? attribute.value : attribute.defaultValue;
    if (effective && !attribute.constraints.isEmpty() && !isBlank(*effective))
        checkConstraints(node, attribute, *effective);
}

void StructureCheck::checkValue(
    const WalkNode &node, const Attribute &attribute, const QString &value, const char *what)
{
    // An empty value means "not set" in practice (editors write <Value/>), not a bad number.
    if (attribute.dataType.isEmpty() || isBlank(value))
        return;
    switch (checkXsdValue(attribute.dataType, value)) {
    case XsdFit::Valid:
    case XsdFit::Unchecked:
        return;
    case XsdFit::Lenient:
        m_context.report(Severity::Warning,
            ValidationContext::tr("attribute '%1': %2 '%3' is not a canonical %4")
                .arg(attribute.name, ValidationContext::tr(what), value, attribute.dataType),
            node);
        return;
    case XsdFit::Invalid:
        m_context.report(Severity::Error,
            ValidationContext::tr("attribute '%1': %2 '%3' is not a valid %4")
                .arg(attribute.name, ValidationContext::tr(what), value, attribute.dataType),
            node);
        return;
    }
}

void StructureCheck::checkConstraints(
    const WalkNode &node, const Attribute &attribute, const QString &value)
{
    const std::optional<double> number = parseXsdNumber(value);
    for (const Constraint &c : attribute.constraints) {
        if (c.kind == Constraint::Kind::Nominal) {
            if (c.nominalValues.isEmpty())
                continue;
            bool allowed = false;
            for (const QString &v : c.nominalValues)
                allowed = allowed || sameValue(attribute.dataType, value, v);
            if (!allowed) {
                m_context.report(Severity::Warning,
                    ValidationContext::tr("attribute '%1': value '%2' is not one of "
                                          "the values allowed by constraint '%3' (%4)")
                        .arg(attribute.name, value, c.name, c.nominalValues.join(u", "_s)),
                    node);
            }
        } else if (c.kind == Constraint::Kind::Ordinal) {
            auto bound = [](const std::optional<QString> &text) -> std::optional<double> {
                return text ? parseXsdNumber(*text) : std::nullopt;
            };
            const auto min = bound(c.requiredMinValue);
            const auto max = bound(c.requiredMaxValue);
            if (!number) {
                if (min || max) {
                    m_context.report(Severity::Warning,
                        ValidationContext::tr("attribute '%1': value '%2' is not a "
                                              "number, constraint '%3' cannot hold")
                            .arg(attribute.name, value, c.name),
                        node);
                }
                continue;
            }
            if ((min && *number < *min) || (max && *number > *max)) {
                m_context.report(Severity::Warning,
                    ValidationContext::tr("attribute '%1': value %2 is outside "
                                          "[%3, %4] of constraint '%5'")
                        .arg(attribute.name, value, c.requiredMinValue.value_or(u"-"_s),
                            c.requiredMaxValue.value_or(u"-"_s), c.name),
                    node);
            } else if (c.requiredValue && !isBlank(*c.requiredValue)
                && !sameValue(attribute.dataType, value, *c.requiredValue)) {
                m_context.report(Severity::Warning,
                    ValidationContext::tr("attribute '%1': value '%2' differs from "
                                          "the value '%3' required by constraint '%4'")
                        .arg(attribute.name, value, *c.requiredValue, c.name),
                    node);
            }
        }
    }
}

} // namespace dt::model
