// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/icons.h"

#include "model/caexpath.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace dt::editor::Icons {

QIcon named(const QString &name)
{
    // Icons are looked up often (every painted row); keep each one once.
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(name);
    if (it != cache.constEnd())
        return *it;
    const QString file = u":/icons/"_s + name + u".svg"_s;
    const QIcon icon = QFile::exists(file) ? QIcon(file) : QIcon();
    cache.insert(name, icon);
    return icon;
}

QIcon forRole(const QString &roleClassPath)
{
    const QStringList segments = model::CaexPath::parse(roleClassPath).segments;
    if (!segments.isEmpty()) {
        const QIcon icon = named(segments.last());
        if (!icon.isNull())
            return icon;
    }
    return named(u"element"_s);
}

} // namespace dt::editor::Icons
