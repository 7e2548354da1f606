// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/quality.h"

#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QStyledItemDelegate>

#include <functional>
#include <optional>

namespace dt::workbench {

/// Draws an element's live quality in the instance tree: a small dot (green good, amber stale,
/// red bad) over the corner of its role icon, and the quality in the tooltip. The tree's model
/// stays the editor's; the delegate asks `quality(key)` for the element key of each row
/// (HierarchyModel::KeyRole), so the hierarchy needs no runtime knowledge.
class QualityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QualityLookup = std::function<std::optional<runtime::Quality>(const QString &key)>;

    QualityDelegate(int keyRole, QualityLookup lookup, QObject *parent = nullptr);

    /// The icon a row shows for a quality: the role icon with the badge (or the badge alone).
    QIcon decorate(const QIcon &icon, runtime::Quality quality) const;
    static QColor color(runtime::Quality quality);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::optional<runtime::Quality> qualityAt(const QModelIndex &index) const;

    int m_keyRole;
    QualityLookup m_lookup;
    /// Rendered icons per (icon, quality): trees repaint often while live.
    mutable QHash<QString, QIcon> m_cache;
};

} // namespace dt::workbench
