// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace dt::runtime {

/// How far a live value can be trusted: Good (fresh from the device), Stale (older than expected),
/// Bad (the device did not answer, or the value could not be decoded).
enum class Quality : quint8 { Good, Stale, Bad };

/// "good", "stale" or "bad": the spelling used in the API, the history and snapshots.
inline QString qualityName(Quality quality)
{
    switch (quality) {
    case Quality::Good:
        return QStringLiteral("good");
    case Quality::Stale:
        return QStringLiteral("stale");
    case Quality::Bad:
        break;
    }
    return QStringLiteral("bad");
}

inline std::optional<Quality> qualityFromName(QStringView name)
{
    for (Quality quality : {Quality::Good, Quality::Stale, Quality::Bad}) {
        if (name.compare(qualityName(quality), Qt::CaseInsensitive) == 0)
            return quality;
    }
    return std::nullopt;
}

} // namespace dt::runtime
