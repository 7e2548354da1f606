// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributestore.h"

#include "modelpaths.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

bool isIntegerType(const QString &dataType)
{
    // xs:int, xs:integer, xs:long, xs:short, xs:byte, their unsigned forms, and the
    // (non)negative/positive integer types.
    const QString t = dataType.section(u':', -1).toLower();
    return t.contains("int"_L1) || t == "long"_L1 || t == "short"_L1 || t == "byte"_L1
        || t == "unsignedlong"_L1 || t == "unsignedshort"_L1 || t == "unsignedbyte"_L1;
}

} // namespace

QString AttributeStore::Slot::value() const
{
    return attribute && attribute->value ? *attribute->value : QString();
}

AttributeStore::~AttributeStore()
{
    qDeleteAll(m_order);
}

QString AttributeStore::key(const QString &path, const QString &attribute)
{
    return path + QChar(0x1f) + attribute;
}

void AttributeStore::build(model::InternalElement &root, const QString &rootInstancePath,
    const QStringList &excluded, qint64 nowMs)
{
    const auto addElement = [&](model::InternalElement &e, const QString &path) {
        m_elements.insert(path, e.id);
        forEachLeafAttribute(e.attributes, [&](model::Attribute &a, const QString &name) {
            auto *slot = new Slot;
            slot->attribute = &a;
            slot->path = path;
            slot->name = name;
            slot->elementId = e.id;
            slot->elementPath = joinPath(rootInstancePath, path);
            slot->timestampMs = nowMs;
            slot->source = u"model"_s;
            slot->index = int(m_order.size());
            m_slots.insert(key(path, name), slot);
            m_order.append(slot);
        });
    };
    addElement(root, QString());
    forEachDescendant(root, [&](model::InternalElement &e, const QString &path) {
        if (excluded.contains(path))
            return false;
        addElement(e, path);
        return true;
    });
}

AttributeStore::Slot *AttributeStore::find(const QString &path, const QString &attribute)
{
    return m_slots.value(key(path, attribute));
}

bool AttributeStore::set(
    Slot &slot, const QString &value, Quality quality, qint64 timestampMs, const QString &source)
{
    if (slot.attribute->value && *slot.attribute->value == value && slot.quality == quality)
        return false;
    slot.attribute->value = value;
    slot.quality = quality;
    slot.timestampMs = timestampMs;
    slot.source = source;
    return true;
}

bool AttributeStore::setQuality(
    Slot &slot, Quality quality, qint64 timestampMs, const QString &source)
{
    if (slot.quality == quality)
        return false;
    slot.quality = quality;
    slot.timestampMs = timestampMs;
    slot.source = source;
    return true;
}

ValueFormat valueFormatFor(const QString &dataType)
{
    const QString type = dataType.section(u':', -1).toLower();
    if (type == "boolean"_L1)
        return ValueFormat::Boolean;
    if (isIntegerType(dataType))
        return ValueFormat::Integer;
    if (type.isEmpty() || type == "string"_L1)
        return ValueFormat::Text;
    return ValueFormat::Decimal;
}

QString formatValue(const QVariant &value, const QString &dataType)
{
    return formatValue(value, valueFormatFor(dataType));
}

QString formatValue(const QVariant &value, ValueFormat format)
{
    if (value.typeId() == QMetaType::Bool) {
        if (format == ValueFormat::Boolean || format == ValueFormat::Text)
            return value.toBool() ? u"true"_s : u"false"_s;
        return value.toBool() ? u"1"_s : u"0"_s;
    }
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!ok)
        return value.toString();
    if (format == ValueFormat::Boolean)
        return d != 0 ? u"true"_s : u"false"_s;
    if (format == ValueFormat::Integer && std::isfinite(d))
        return QString::number(qRound64(d));
    // 15 significant digits hide the binary noise of scaling (0.1 * 505 = 50.500000000000007).
    return QString::number(d, 'g', 15);
}

QVariant parseValue(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare("true"_L1, Qt::CaseInsensitive) == 0)
        return 1.0;
    if (t.compare("false"_L1, Qt::CaseInsensitive) == 0)
        return 0.0;
    bool ok = false;
    const double d = t.toDouble(&ok);
    return ok && std::isfinite(d) ? QVariant(d) : QVariant();
}

} // namespace dt::runtime
