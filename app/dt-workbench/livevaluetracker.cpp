// SPDX-License-Identifier: GPL-3.0-or-later
#include "livevaluetracker.h"

#include "document/amldocument.h"

using namespace Qt::StringLiterals;

namespace dt::workbench {

using runtime::AttributeUpdate;
using runtime::Quality;

LiveValueTracker::LiveValueTracker(QObject *parent)
    : QObject(parent)
{
    m_remap.setSingleShot(true);
    m_remap.setInterval(300);
    connect(&m_remap, &QTimer::timeout, this, &LiveValueTracker::rebuild);
}

void LiveValueTracker::setDocument(editor::AmlDocument *document)
{
    if (document == m_document)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_document = document;
    if (document) {
        auto later = [this]() {
            if (!m_latest.isEmpty() || !m_devicePaths.isEmpty())
                m_remap.start();
        };
        using editor::AmlDocument;
        m_connections = { connect(document, &AmlDocument::elementAdded, this, later),
            connect(document, &AmlDocument::elementRemoved, this, later),
            connect(document, &AmlDocument::elementMoved, this, later),
            connect(document, &AmlDocument::elementChanged, this, later) };
    }
    rebuild();
}

void LiveValueTracker::clear()
{
    m_latest.clear();
    m_devicePaths.clear();
    rebuild();
}

void LiveValueTracker::rebuild()
{
    const QList<QString> before = keys();
    m_keyCache.clear();
    m_values.clear();
    m_elements.clear();
    m_devices.clear();
    for (const AttributeUpdate &update : std::as_const(m_latest)) {
        const QString key = keyFor(update);
        if (!key.isEmpty())
            store(key, update);
    }
    for (auto it = m_devicePaths.cbegin(); it != m_devicePaths.cend(); ++it) {
        const QString key = lookUp(it.key());
        if (!key.isEmpty())
            m_devices.insert(key, it.value());
    }
    // Views showing elements that lost their state must hear about it too.
    QSet<QString> touched(before.cbegin(), before.cend());
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        touched.insert(it.key());
    for (const QString &key : std::as_const(touched))
        Q_EMIT valuesChanged(key, m_values.value(key).keys());
    Q_EMIT qualitiesChanged();
}

QString LiveValueTracker::lookUp(const QString &idOrPath)
{
    if (!m_document || idOrPath.isEmpty())
        return QString();
    const auto cached = m_keyCache.constFind(idOrPath);
    if (cached != m_keyCache.constEnd())
        return *cached;
    const QString key = m_document->keyForIdOrPath(idOrPath);
    const QString found = m_document->element(key) ? key : QString();
    m_keyCache.insert(idOrPath, found);
    return found;
}

QString LiveValueTracker::keyFor(const AttributeUpdate &update)
{
    QString key = lookUp(update.elementId);
    if (key.isEmpty())
        key = lookUp(update.elementPath);
    return key;
}

bool LiveValueTracker::store(const QString &key, const AttributeUpdate &update)
{
    QHash<QString, Value> &values = m_values[key];
    Element &element = m_elements[key];
    const auto old = values.constFind(update.attribute);
    bool countsChanged = true;
    if (old != values.constEnd()) {
        countsChanged = old->quality != update.quality;
        --element.counts[size_t(old->quality)];
    }
    ++element.counts[size_t(update.quality)];
    values.insert(update.attribute, Value { update.value, update.quality, update.timestampMs });
    return countsChanged;
}

void LiveValueTracker::apply(const QList<AttributeUpdate> &updates)
{
    QHash<QString, QStringList> changed;
    bool qualities = false;
    for (const AttributeUpdate &update : updates) {
        m_latest.insert(update.twin + u'\x1f' + update.path + u'\x1f' + update.attribute, update);
        const QString key = keyFor(update);
        if (key.isEmpty())
            continue;
        qualities = store(key, update) || qualities;
        changed[key].append(update.attribute);
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        Q_EMIT valuesChanged(it.key(), it.value());
    if (qualities)
        Q_EMIT qualitiesChanged();
}

void LiveValueTracker::setDeviceState(const QString &elementPath, bool connected)
{
    const auto old = m_devicePaths.constFind(elementPath);
    if (old != m_devicePaths.constEnd() && *old == connected)
        return;
    m_devicePaths.insert(elementPath, connected);
    const QString key = lookUp(elementPath);
    if (key.isEmpty())
        return;
    m_devices.insert(key, connected);
    Q_EMIT qualitiesChanged();
}

std::optional<Quality> LiveValueTracker::elementQuality(const QString &key) const
{
    std::optional<Quality> quality;
    const auto element = m_elements.constFind(key);
    if (element != m_elements.constEnd()) {
        const auto &counts = element->counts;
        if (counts[size_t(Quality::Bad)] > 0)
            quality = Quality::Bad;
        else if (counts[size_t(Quality::Stale)] > 0)
            quality = Quality::Stale;
        else if (counts[size_t(Quality::Good)] > 0)
            quality = Quality::Good;
    }
    const auto device = m_devices.constFind(key);
    if (device != m_devices.constEnd()) {
        const Quality fromDevice = *device ? Quality::Good : Quality::Bad;
        if (!quality || int(fromDevice) > int(*quality))
            quality = fromDevice;
    }
    return quality;
}

QList<QString> LiveValueTracker::keys() const
{
    QSet<QString> all;
    for (auto it = m_elements.cbegin(); it != m_elements.cend(); ++it)
        all.insert(it.key());
    for (auto it = m_devices.cbegin(); it != m_devices.cend(); ++it)
        all.insert(it.key());
    return QList<QString>(all.cbegin(), all.cend());
}

} // namespace dt::workbench
