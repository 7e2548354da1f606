// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventrules.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

// Values decoded from registers and scaled (0.1 * 905) are not exact; compare with a tolerance
// far below any engineering resolution.
bool nearlyEqual(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max({ 1.0, std::fabs(a), std::fabs(b) });
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

QString eventStateName(EventTransition::State state)
{
    switch (state) {
    case EventTransition::State::Raised:
        return u"raised"_s;
    case EventTransition::State::Cleared:
        return u"cleared"_s;
    case EventTransition::State::Changed:
        break;
    }
    return u"changed"_s;
}

std::optional<ThresholdCondition> parseThresholdCondition(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t == u">")
        return ThresholdCondition::Greater;
    if (t == u">=")
        return ThresholdCondition::GreaterOrEqual;
    if (t == u"<")
        return ThresholdCondition::Less;
    if (t == u"<=")
        return ThresholdCondition::LessOrEqual;
    if (t == u"==" || t == u"=")
        return ThresholdCondition::Equal;
    if (t == u"!=")
        return ThresholdCondition::NotEqual;
    return std::nullopt;
}

QString thresholdConditionText(ThresholdCondition condition)
{
    switch (condition) {
    case ThresholdCondition::Greater:
        return u">"_s;
    case ThresholdCondition::GreaterOrEqual:
        return u">="_s;
    case ThresholdCondition::Less:
        return u"<"_s;
    case ThresholdCondition::LessOrEqual:
        return u"<="_s;
    case ThresholdCondition::Equal:
        return u"=="_s;
    case ThresholdCondition::NotEqual:
        break;
    }
    return u"!="_s;
}

ThresholdRule::ThresholdRule(ThresholdCondition condition, double limit, double hysteresis)
    : m_condition(condition)
    , m_limit(limit)
    , m_hysteresis(std::fabs(hysteresis))
{
}

bool ThresholdRule::raises(double v) const
{
    switch (m_condition) {
    case ThresholdCondition::Greater:
        return v > m_limit && !nearlyEqual(v, m_limit);
    case ThresholdCondition::GreaterOrEqual:
        return v >= m_limit || nearlyEqual(v, m_limit);
    case ThresholdCondition::Less:
        return v < m_limit && !nearlyEqual(v, m_limit);
    case ThresholdCondition::LessOrEqual:
        return v <= m_limit || nearlyEqual(v, m_limit);
    case ThresholdCondition::Equal:
        return nearlyEqual(v, m_limit);
    case ThresholdCondition::NotEqual:
        return !nearlyEqual(v, m_limit);
    }
    return false;
}

bool ThresholdRule::clears(double v) const
{
    const double h = m_hysteresis;
    switch (m_condition) {
    case ThresholdCondition::Greater:
        return v <= m_limit - h || nearlyEqual(v, m_limit - h);
    case ThresholdCondition::GreaterOrEqual:
        return v < m_limit - h && !nearlyEqual(v, m_limit - h);
    case ThresholdCondition::Less:
        return v >= m_limit + h || nearlyEqual(v, m_limit + h);
    case ThresholdCondition::LessOrEqual:
        return v > m_limit + h && !nearlyEqual(v, m_limit + h);
    case ThresholdCondition::Equal:
        return std::fabs(v - m_limit) > h && !nearlyEqual(std::fabs(v - m_limit), h);
    case ThresholdCondition::NotEqual:
        return std::fabs(v - m_limit) <= h || nearlyEqual(v, m_limit);
    }
    return true;
}

std::optional<EventTransition> ThresholdRule::update(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    const QString cond = thresholdConditionText(m_condition);
    if (!m_active && raises(value)) {
        m_active = true;
        return EventTransition { EventTransition::State::Raised,
            u"%1 %2 %3"_s.arg(number(value), cond, number(m_limit)) };
    }
    if (m_active && clears(value)) {
        m_active = false;
        QString msg = u"%1 no longer %2 %3"_s.arg(number(value), cond, number(m_limit));
        if (m_hysteresis > 0)
            msg += u" (hysteresis %1)"_s.arg(number(m_hysteresis));
        return EventTransition { EventTransition::State::Cleared, msg };
    }
    return std::nullopt;
}

ChangeRule::ChangeRule(std::optional<QString> initial)
    : m_last(std::move(initial))
{
}

std::optional<EventTransition> ChangeRule::update(const QString &value)
{
    if (m_last && *m_last == value)
        return std::nullopt;
    const QString message = m_last ? u"changed from '%1' to '%2'"_s.arg(*m_last, value)
                                   : u"changed to '%1'"_s.arg(value);
    m_last = value;
    return EventTransition { EventTransition::State::Changed, message };
}

} // namespace dt::runtime
