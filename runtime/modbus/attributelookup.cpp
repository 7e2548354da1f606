// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributelookup.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

std::optional<QString> textOf(const model::Attribute *attribute)
{
    if (!attribute)
        return std::nullopt;
    for (const std::optional<QString> *candidate :
        { &attribute->value, &attribute->defaultValue }) {
        if (*candidate && !(*candidate)->trimmed().isEmpty())
            return (*candidate)->trimmed();
    }
    return std::nullopt;
}

QString missing(QStringView name)
{
    return u"attribute '%1' is missing (no Value or DefaultValue)"_s.arg(name);
}

} // namespace

AttributeLookup::AttributeLookup(
    const model::NodeList<model::Attribute> &own, QList<const model::Attribute *> inherited)
    : m_own(own)
    , m_inherited(std::move(inherited))
{
}

std::optional<QString> AttributeLookup::text(QStringView name) const
{
    if (std::optional<QString> own = textOf(model::findAttribute(m_own, name)))
        return own;
    for (const model::Attribute *attribute : m_inherited) {
        if (attribute && attribute->name == name)
            return textOf(attribute);
    }
    return std::nullopt;
}

std::optional<QString> AttributeLookup::ownText(QStringView name) const
{
    return textOf(model::findAttribute(m_own, name));
}

Result<QString> AttributeLookup::string(QStringView name, std::optional<QString> fallback) const
{
    if (std::optional<QString> value = text(name))
        return *value;
    if (fallback)
        return *fallback;
    return Result<QString>::failure(missing(name));
}

Result<qint64> AttributeLookup::integer(
    QStringView name, qint64 min, qint64 max, std::optional<qint64> fallback) const
{
    const std::optional<QString> value = text(name);
    if (!value) {
        if (fallback)
            return *fallback;
        return Result<qint64>::failure(missing(name));
    }
    bool ok = false;
    const qint64 number = value->toLongLong(&ok);
    if (!ok || number < min || number > max) {
        return Result<qint64>::failure(
            u"attribute '%1': '%2' is not a whole number in %3..%4"_s.arg(name, *value)
                .arg(min)
                .arg(max));
    }
    return number;
}

Result<double> AttributeLookup::number(QStringView name, std::optional<double> fallback) const
{
    const std::optional<QString> value = text(name);
    if (!value) {
        if (fallback)
            return *fallback;
        return Result<double>::failure(missing(name));
    }
    bool ok = false;
    const double number = value->toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return Result<double>::failure(u"attribute '%1': '%2' is not a number"_s.arg(name, *value));
    return number;
}

} // namespace dt::runtime
