// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace dt::runtime {

/// What an event rule reports after seeing a new value.
struct EventTransition
{
    enum class State : quint8 { Raised, Cleared, Changed };
    State state = State::Changed;
    QString message;
};

/// "raised", "cleared", "changed": the spelling of EventRecord::state.
QString eventStateName(EventTransition::State state);

/// The comparison of a ThresholdEvent: > >= < <= == !=.
enum class ThresholdCondition : quint8 {
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Equal,
    NotEqual
};

std::optional<ThresholdCondition> parseThresholdCondition(QStringView text);
QString thresholdConditionText(ThresholdCondition condition);

/// ThresholdEvent: raised when "value <condition> limit" becomes true, cleared once the value has
/// moved back past the limit by more than the hysteresis, i.e. when the condition no longer holds
/// against the limit shifted by the hysteresis towards the normal side (for '>': value <= limit -
/// hysteresis). With a hysteresis of 0 it clears exactly when the condition turns false; a value
/// inside the hysteresis band keeps the current state, so noise around the limit does not flap.
/// For '==' the band is |value - limit| <= hysteresis while raised; for '!=' the event clears
/// when the value is back within the hysteresis of the limit.
class ThresholdRule
{
public:
    ThresholdRule(ThresholdCondition condition, double limit, double hysteresis);

    /// Feeds a new value; a transition when the state changes.
    std::optional<EventTransition> update(double value);
    bool isActive() const { return m_active; }
    ThresholdCondition condition() const { return m_condition; }
    double limit() const { return m_limit; }
    double hysteresis() const { return m_hysteresis; }

private:
    bool raises(double value) const;
    bool clears(double value) const;

    ThresholdCondition m_condition;
    double m_limit;
    double m_hysteresis;
    bool m_active = false;
};

/// ChangeEvent: a "changed" transition each time the watched value differs from the last one it
/// saw (the value at deploy counts as seen).
class ChangeRule
{
public:
    explicit ChangeRule(std::optional<QString> initial = std::nullopt);

    std::optional<EventTransition> update(const QString &value);

private:
    std::optional<QString> m_last;
};

} // namespace dt::runtime
