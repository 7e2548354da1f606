// SPDX-License-Identifier: GPL-3.0-or-later
#include "qualitydelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace dt::workbench {

using runtime::Quality;

QualityDelegate::QualityDelegate(int keyRole, QualityLookup lookup, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_keyRole(keyRole)
    , m_lookup(std::move(lookup))
{
}

QColor QualityDelegate::color(Quality quality)
{
    switch (quality) {
    case Quality::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case Quality::Stale:
        return QColor(0xf9, 0xa8, 0x25);
    case Quality::Bad:
        break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

QIcon QualityDelegate::decorate(const QIcon &icon, Quality quality) const
{
    QHash<QString, QIcon> &cache = m_cache;
    const QString cacheKey = u"%1/%2"_s.arg(icon.cacheKey()).arg(int(quality));
    const auto hit = cache.constFind(cacheKey);
    if (hit != cache.constEnd())
        return *hit;
    const int size = 32;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!icon.isNull())
        icon.paint(&painter, QRect(0, 0, size, size));
    const int badge = icon.isNull() ? size / 2 : size * 7 / 16;
    const QRect dot(size - badge - 1, size - badge - 1, badge, badge);
    painter.setPen(QPen(Qt::white, 2));
    painter.setBrush(color(quality));
    painter.drawEllipse(dot);
    painter.end();
    const QIcon result(pixmap);
    if (cache.size() > 256)
        cache.clear();
    cache.insert(cacheKey, result);
    return result;
}

std::optional<Quality> QualityDelegate::qualityAt(const QModelIndex &index) const
{
    if (!m_lookup || !index.isValid())
        return std::nullopt;
    const QString key = index.data(m_keyRole).toString();
    return key.isEmpty() ? std::nullopt : m_lookup(key);
}

void QualityDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const std::optional<Quality> quality = qualityAt(index);
    if (!quality)
        return;
    option->icon = decorate(option->icon, *quality);
    option->features |= QStyleOptionViewItem::HasDecoration;
    if (option->decorationSize.isEmpty())
        option->decorationSize = QSize(16, 16);
}

bool QualityDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const std::optional<Quality> quality = qualityAt(index);
    if (!quality || !event || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString text = index.data(Qt::ToolTipRole).toString();
    const QString line = tr("Live quality: %1").arg(runtime::qualityName(*quality));
    text = text.isEmpty() ? line : text + u'\n' + line;
    QToolTip::showText(event->globalPos(), text, view);
    return true;
}

} // namespace dt::workbench
