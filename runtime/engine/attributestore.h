// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attributeupdate.h"

#include "model/systemunit.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

namespace dt::runtime {

/// The live state of a twin: every leaf attribute of every element below the twin root (except
/// subtrees nested twins serve), backed by the runtime's own copy of the model — a value change
/// writes the model Attribute's Value, so a snapshot is the model itself — plus a timestamp and
/// a quality per attribute. Engine thread only.
class AttributeStore
{
public:
    struct Slot
    {
        model::Attribute *attribute = nullptr;
        QString path; ///< element path relative to the twin root
        QString name; ///< '/'-joined attribute path
        QString elementId;
        QString elementPath;
        qint64 timestampMs = 0;
        Quality quality = Quality::Good;
        QString source;
        /// Position in all() (and in the engine's value cache): lets the per-sample path use
        /// side tables indexed by slot instead of hashing path strings.
        int index = -1;

        QString value() const;
    };

    /// Indexes root's subtree. Every attribute starts with its model value, quality Good and
    /// timestamp nowMs; the engine then marks device-fed ones Stale until the device answers.
    void build(model::InternalElement &root, const QString &rootInstancePath,
        const QStringList &excluded, qint64 nowMs);

    Slot *find(const QString &path, const QString &attribute);
    bool hasElement(const QString &path) const { return m_elements.contains(path); }
    const QList<Slot *> &all() const { return m_order; }
    int size() const { return int(m_order.size()); }

    /// Model update: true when value or quality changed (timestamp and source are set then).
    bool set(Slot &slot, const QString &value, Quality quality, qint64 timestampMs,
        const QString &source);
    /// Quality only (device lost or back): true when it changed.
    bool setQuality(Slot &slot, Quality quality, qint64 timestampMs, const QString &source);

    ~AttributeStore();

private:
    static QString key(const QString &path, const QString &attribute);

    QHash<QString, Slot *> m_slots;
    QList<Slot *> m_order;
    QHash<QString, QString> m_elements; ///< relative path -> element id
};

/// How formatValue spells values for an AttributeDataType; classify once, format per sample.
enum class ValueFormat : quint8 {
    Boolean, ///< xs:boolean
    Integer, ///< xs:int, xs:long, ... (any type whose local name contains "int", and the rest)
    Text, ///< no type or xs:string
    Decimal, ///< anything else (xs:double, xs:float, xs:decimal, ...)
};
ValueFormat valueFormatFor(const QString &dataType);

/// A decoded device value (a double, or a bool) as the attribute's AttributeDataType spells it:
/// "true"/"false" for xs:boolean, a rounded whole number for integer types, else the shortest
/// decimal that round-trips at 15 significant digits (0.1 × 505 → "50.5").
QString formatValue(const QVariant &value, const QString &dataType);
QString formatValue(const QVariant &value, ValueFormat format);

/// The attribute text back as an engineering value for a device write: a double ("true" → 1).
/// Invalid QVariant when it is not a number.
QVariant parseValue(const QString &text);

} // namespace dt::runtime
