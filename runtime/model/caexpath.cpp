// SPDX-License-Identifier: GPL-3.0-or-later
#include "caexpath.h"

using namespace Qt::StringLiterals;

namespace dt::model {

CaexPath CaexPath::parse(QStringView text)
{
    CaexPath path;
    // The alias ends at the first '@' outside brackets, before any '/'.
    qsizetype start = 0;
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'[')
            ++depth;
        else if (c == u']' && depth > 0)
            --depth;
        else if (depth == 0 && c == u'/')
            break;
        else if (depth == 0 && c == u'@') {
            path.alias = text.left(i).toString();
            start = i + 1;
            break;
        }
    }

    QString segment;
    depth = 0;
    bool bracketed = false; // the current segment is a whole "[...]" group
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'[' && depth == 0 && segment.isEmpty()) {
            depth = 1;
            bracketed = true;
            continue;
        }
        if (bracketed && depth > 0) {
            if (c == u'[')
                ++depth;
            else if (c == u']' && --depth == 0)
                continue;
            segment += c;
            continue;
        }
        if (c == u'/') {
            path.segments << segment;
            segment.clear();
            bracketed = false;
            continue;
        }
        segment += c;
    }
    if (bracketed && depth > 0)
        segment.prepend(u'['); // unbalanced: take it literally
    if (!segment.isEmpty() || !path.segments.isEmpty())
        path.segments << segment;
    return path;
}

QString CaexPath::escapeSegment(const QString &segment)
{
    if (segment.contains(u'/') || segment.startsWith(u'['))
        return u'[' + segment + u']';
    return segment;
}

QString CaexPath::join(const QStringList &segments, const QString &alias)
{
    QString out;
    if (!alias.isEmpty())
        out = alias + u'@';
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out += u'/';
        out += escapeSegment(segments.at(i));
    }
    return out;
}

} // namespace dt::model
