// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace dt::model {

/// A parsed class or element path: "Alias@Lib/Class/Sub", with "[a/b]" escaping a segment that
/// contains the separator.
struct CaexPath
{
    QString alias;        ///< the ExternalReference alias before '@', or empty
    QStringList segments; ///< unescaped segments

    /// Parses a path; never fails (a malformed bracket is taken literally).
    static CaexPath parse(QStringView text);
    /// Escapes a segment that contains '/' or starts with '['.
    static QString escapeSegment(const QString &segment);
    /// Joins unescaped segments into a path string.
    static QString join(const QStringList &segments, const QString &alias = QString());

    QString toString() const { return join(segments, alias); }
};

} // namespace dt::model
