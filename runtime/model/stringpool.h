// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>

#include <vector>

namespace dt::model {

/// Makes equal short strings share one buffer (attribute names, units, data types, class paths,
/// common values), so a model with a million attributes holds a handful of "xs:double" strings,
/// not a million. Private to the reader; lives for one read.
///
/// A fixed-size cache rather than a growing hash table: the strings worth sharing recur all the
/// time and stay in it, unique ones (most values) just pass through. Lookups stay cheap and in
/// cache, and memory is bounded whatever the input.
class StringPool
{
public:
    /// Strings longer than this are copied, not pooled: they rarely repeat.
    static constexpr qsizetype MaxPooledLength = 256;
    /// Whether text content (a value) is likely to repeat: words like "true" or "Auto" and tiny
    /// numbers do; measurements like "23.615" rarely do, and pooling those only costs time.
    static bool isWorthPoolingText(QStringView text)
    {
        return text.size() <= 3 || (text.size() <= 32 && text.front().isLetter());
    }

    StringPool()
        : m_slots(SlotCount)
    {
    }

    /// A shared copy of text when it was seen recently, a fresh (remembered) copy otherwise.
    QString intern(QStringView text)
    {
        if (text.isEmpty() || text.size() > MaxPooledLength)
            return text.toString();
        // Two-way set: the most recently added string of a set sits in its even slot.
        const size_t set = (qHash(text, 0) & (SlotCount / 2 - 1)) * 2;
        QString &recent = m_slots[set];
        if (recent.size() == text.size() && QStringView(recent) == text)
            return recent;
        QString &older = m_slots[set + 1];
        if (older.size() == text.size() && QStringView(older) == text)
            return older;
        older = std::move(recent);
        recent = text.toString();
        return recent;
    }

private:
    static constexpr size_t SlotCount = 8192;
    std::vector<QString> m_slots;
};

} // namespace dt::model
