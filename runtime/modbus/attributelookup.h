// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/attribute.h"
#include "model/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace dt::runtime {

/// Reads configuration attributes of an instance (an element or an interface) with its class's
/// attributes behind it: the instance's Value, its DefaultValue, then the class's Value and
/// DefaultValue; blank text counts as absent. Errors read "attribute 'Name': why".
class AttributeLookup
{
public:
    AttributeLookup(const model::NodeList<model::Attribute> &own,
        QList<const model::Attribute *> inherited = {});

    /// The first non-blank text, trimmed; nullopt when the attribute has none anywhere.
    std::optional<QString> text(QStringView name) const;
    /// The instance's own text only (Value, else DefaultValue).
    std::optional<QString> ownText(QStringView name) const;

    /// The text, or fallback when absent; an error when absent without fallback.
    Result<QString> string(QStringView name, std::optional<QString> fallback = std::nullopt) const;
    /// A whole number in [min, max].
    Result<qint64> integer(QStringView name, qint64 min, qint64 max,
        std::optional<qint64> fallback = std::nullopt) const;
    /// A finite floating-point number.
    Result<double> number(QStringView name, std::optional<double> fallback = std::nullopt) const;

private:
    const model::NodeList<model::Attribute> &m_own;
    QList<const model::Attribute *> m_inherited;
};

} // namespace dt::runtime
