// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

namespace dt::model {

/// Interns short, frequently repeated strings (attribute names, units, data types, class paths)
/// so that equal values share one buffer: a model with a million attributes then holds a handful
/// of "xs:double" strings, not a million. Private to the reader; lives for one read.
class StringPool
{
public:
    /// Strings longer than this are copied, not pooled: they rarely repeat.
    static constexpr qsizetype MaxPooledLength = 256;
    /// Bound on distinct entries so a file of unique values cannot grow the pool without limit.
    static constexpr qsizetype MaxEntries = 1 << 18;

    /// A shared copy of text when pooled, a fresh copy otherwise.
    QString intern(QStringView text)
    {
        if (text.size() > MaxPooledLength)
            return text.toString();
        const auto it = m_pool.constFind(text);
        if (it != m_pool.cend())
            return it.value();
        QString copy = text.toString();
        if (m_pool.size() < MaxEntries) {
            // The key views the value's own buffer, which the stored copy keeps alive.
            m_pool.insert(QStringView(copy), copy);
        }
        return copy;
    }

    void clear() { m_pool.clear(); }

private:
    QHash<QStringView, QString> m_pool;
};

} // namespace dt::model
