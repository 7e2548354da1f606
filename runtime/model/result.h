// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace dt {

/// The outcome of a fallible call: a value, or a message saying what went wrong.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    static Result failure(QString message) { return Result(std::move(message), Tag{}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T takeValue() { return std::move(*m_value); }

private:
    struct Tag {};
    Result(QString message, Tag) : m_error(std::move(message)) {}

    std::optional<T> m_value;
    QString m_error;
};

/// Result of a call that returns nothing on success.
template <>
class Result<void>
{
public:
    Result() = default;
    static Result failure(QString message) { Result r; r.m_failed = true; r.m_error = std::move(message); return r; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

} // namespace dt
