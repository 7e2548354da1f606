// SPDX-License-Identifier: GPL-3.0-or-later
#include "twin.h"

#include "enginelogging.h"
#include "modelpaths.h"

#include "modbus/modbusdevice.h"
#include "storage/historystore.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

Twin::Twin(TwinPlan plan, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
{
    const qint64 now = nowMs();
    m_store.build(*m_plan.root, m_plan.rootInstancePath, m_plan.excluded, now);
    m_slotInfo.resize(size_t(m_store.size()));
    for (const AttributeStore::Slot *slot : m_store.all())
        m_slotInfo[size_t(slot->index)].clientPath = joinPath(m_plan.prefix, slot->path);
    const auto allow = [this](int component, const AttributeStore::Slot &slot) {
        std::vector<int> &writers = m_slotInfo[size_t(slot.index)].writers;
        if (std::find(writers.begin(), writers.end(), component) == writers.end())
            writers.push_back(component);
    };
    m_feeds.resize(size_t(m_plan.devices.size()));
    for (int d = 0; d < m_plan.devices.size(); ++d) {
        const DevicePlan &device = m_plan.devices[d];
        const int component = componentId(device.componentName);
        m_deviceComponent.push_back(component);
        std::vector<std::vector<Feed>> &feeds = m_feeds[size_t(d)];
        feeds.resize(size_t(device.config.variables.size()));
        for (const VariableBinding &b : device.bindings) {
            for (int i = 0; i < b.attributes.size(); ++i) {
                m_targets.insert(
                    key(b.elementPath, b.attributes[i]), Target { d, b.variableIndex, i });
                AttributeStore::Slot *slot = m_store.find(b.elementPath, b.attributes[i]);
                if (!slot)
                    continue;
                allow(component, *slot);
                if (b.variableIndex >= 0 && size_t(b.variableIndex) < feeds.size())
                    feeds[size_t(b.variableIndex)].push_back(
                        Feed { slot, i, valueFormatFor(slot->attribute->dataType) });
                // Until the device answers, the value is only what the model file said.
                m_store.setQuality(*slot, Quality::Stale, now, device.componentName);
            }
        }
    }
    for (int e = 0; e < m_plan.events.size(); ++e) {
        const EventPlan &event = m_plan.events[e];
        const AttributeStore::Slot *slot = m_store.find(event.elementPath, event.attribute);
        m_thresholds.emplace_back(event.condition, event.limit, event.hysteresis);
        m_changes.emplace_back(slot ? std::optional<QString>(slot->value()) : std::nullopt);
        if (slot)
            m_slotInfo[size_t(slot->index)].events.push_back(e);
    }
    for (const MethodPlan &method : std::as_const(m_plan.methods)) {
        const int component = componentId(method.name);
        if (AttributeStore::Slot *slot = m_store.find(method.elementPath, method.attribute))
            allow(component, *slot);
    }
}

Twin::~Twin()
{
    stop();
}

QString Twin::key(const QString &path, const QString &attribute)
{
    return path + QChar(0x1f) + attribute;
}

int Twin::componentId(const QString &name)
{
    const auto it = m_componentIds.constFind(name);
    if (it != m_componentIds.constEnd())
        return *it;
    m_componentNames.append(name);
    m_componentIds.insert(name, int(m_componentNames.size() - 1));
    return int(m_componentNames.size() - 1);
}

Result<void> Twin::start()
{
    if (m_running)
        return {};
    if (m_plan.storage) {
        Result<std::unique_ptr<HistoryStore>> store = HistoryStore::open(*m_plan.storage);
        if (!store)
            return Result<void>::failure(u"twin '%1': storage '%2': %3"_s.arg(
                m_plan.name, m_plan.storageName, store.error()));
        m_history = store.takeValue();
        connect(m_history.get(), &HistoryStore::availabilityChanged, this,
            [this](bool available, const QString &error) {
                if (available)
                    qCInfo(lcRuntime, "twin %s: history storage available",
                        qUtf8Printable(m_plan.name));
                else
                    qCWarning(lcRuntime,
                        "twin %s: history storage unavailable (%s); "
                        "buffering",
                        qUtf8Printable(m_plan.name), qUtf8Printable(error));
            });
    }
    for (int d = 0; d < m_plan.devices.size(); ++d) {
        auto device = std::make_unique<ModbusDevice>(m_plan.devices[d].config);
        ModbusDevice *dev = device.get();
        connect(dev, &ModbusDevice::valueUpdated, this,
            [this, d](int variable, const QVariant &value, qint64 ts) {
                onValue(d, variable, value, ts);
            });
        connect(dev, &ModbusDevice::qualityChanged, this,
            [this, d](
                int variable, Quality quality, qint64 ts) { onQuality(d, variable, quality, ts); });
        connect(dev, &ModbusDevice::writeFinished, this,
            [this, d](
                int id, bool ok, const QString &error) { onWriteFinished(d, id, ok, error); });
        connect(dev, &ModbusDevice::connectionStateChanged, this,
            [this, dev, d](ConnectionState state, const QString &detail) {
                logConnection(d, state, detail);
                Q_EMIT deviceStateChanged(dev->config().name, int(state), detail);
            });
        m_devices.push_back(std::move(device));
    }
    m_running = true;
    for (const auto &device : m_devices)
        device->start();
    return {};
}

void Twin::logConnection(int device, ConnectionState state, const QString &detail)
{
    // The reconnect loop changes state every few hundred ms while a device is down: log only
    // when it comes up, goes down, or fails for the first time.
    const QString &name = m_plan.devices[device].config.name;
    const bool up = state == ConnectionState::Connected;
    const int previous = m_deviceUp.value(device, -1);
    if (up && previous != 1) {
        qCInfo(lcRuntime, "device %s: connected", qUtf8Printable(name));
        m_deviceUp.insert(device, 1);
    } else if (state == ConnectionState::Backoff && previous != 0) {
        qCWarning(lcRuntime, "device %s: %s (%s); retrying", qUtf8Printable(name),
            previous == 1 ? "connection lost" : "not reachable", qUtf8Printable(detail));
        m_deviceUp.insert(device, 0);
    } else {
        qCDebug(lcRuntime, "device %s: %s %s", qUtf8Printable(name),
            qUtf8Printable(connectionStateName(state)), qUtf8Printable(detail));
    }
}

void Twin::stop()
{
    if (!m_running)
        return;
    m_running = false;
    for (const auto &device : m_devices) {
        // The twin is going away: its devices going "bad" is not news worth storing.
        disconnect(device.get(), nullptr, this, nullptr);
        device->stop();
    }
    // Samples that arrived before the devices stopped are stored and notified like the rest:
    // what clients were told and what history holds stay the same set.
    flush();
    const auto pending = std::exchange(m_pendingWrites, {});
    for (const Done &done : pending)
        done(Result<void>::failure(
            u"twin '%1' stopped before the device answered"_s.arg(m_plan.name)));
    m_devices.clear();
    if (m_history) {
        if (!m_history->flush(5000))
            qCWarning(lcRuntime, "twin %s: history not completely written at stop",
                qUtf8Printable(m_plan.name));
        m_history.reset();
    }
}

AttributeUpdate Twin::updateFor(const AttributeStore::Slot &slot) const
{
    AttributeUpdate u;
    u.twin = m_plan.name;
    u.path = slot.index >= 0 && size_t(slot.index) < m_slotInfo.size()
        ? m_slotInfo[size_t(slot.index)].clientPath
        : joinPath(m_plan.prefix, slot.path);
    u.attribute = slot.name;
    u.value = slot.value();
    u.quality = slot.quality;
    u.timestampMs = slot.timestampMs;
    u.elementId = slot.elementId;
    u.elementPath = slot.elementPath;
    u.source = slot.source;
    return u;
}

bool Twin::componentMayChange(int component, const AttributeStore::Slot &slot) const
{
    // Components act for the device: they may change exactly what the model links them to.
    const std::vector<int> &writers = m_slotInfo[size_t(slot.index)].writers;
    return std::find(writers.begin(), writers.end(), component) != writers.end();
}

bool Twin::mayChange(const Source &source, const AttributeStore::Slot &slot) const
{
    switch (source.kind) {
    case Source::Kind::Local:
        return true;
    case Source::Kind::Component: {
        const auto it = m_componentIds.constFind(source.name);
        return it != m_componentIds.constEnd() && componentMayChange(*it, slot);
    }
    case Source::Kind::User:
        // Without an AccessControl component the twin is open (nobody authenticates).
        return !m_plan.access
            || m_plan.access->allowsUser(source.name, slot.path, slot.name, Permission::Write);
    }
    return false;
}

Result<void> Twin::change(
    const QString &path, const QString &attribute, const QString &value, const Source &source)
{
    AttributeStore::Slot *slot = m_store.find(path, attribute);
    if (!slot)
        return Result<void>::failure(
            u"twin '%1' has no attribute '%2' at '%3'"_s.arg(m_plan.name, attribute, path));
    if (!mayChange(source, *slot))
        return Result<void>::failure(u"access denied: %1 may not change %2"_s.arg(
            source.toString(), joinPath(path, attribute)));
    // Device samples queued before this change happened before it: they go first, so they
    // cannot overwrite it afterwards.
    flush();
    std::vector<Pending> one;
    one.push_back(Pending { slot, value, source.toString(), nowMs(), -1, Quality::Good, false });
    process(one);
    return {};
}

void Twin::enqueue(Pending pending)
{
    if (!m_flushQueued) {
        // One flush per event-loop pass, however many samples arrive in it.
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &Twin::flush, Qt::QueuedConnection);
    }
    m_pending.push_back(std::move(pending));
}

void Twin::flush()
{
    m_flushQueued = false;
    if (m_pending.empty())
        return;
    std::vector<Pending> batch;
    batch.swap(m_pending);
    process(batch);
    batch.clear();
    if (m_pending.empty())
        m_pending.swap(batch); // keeps the capacity for the next pass
}

void Twin::process(std::vector<Pending> &batch)
{
    // 1. Access control: may this source change these attributes?
    for (Pending &p : batch) {
        if (p.component >= 0 && !componentMayChange(p.component, *p.slot)) {
            qCWarning(lcRuntime, "twin %s: %s may not change %s; ignored",
                qUtf8Printable(m_plan.name), qUtf8Printable(p.source),
                qUtf8Printable(joinPath(p.slot->path, p.slot->name)));
            p.slot = nullptr;
        }
    }
    // 2. Model update (value, timestamp, quality), in arrival order.
    QList<HistoryRecord> records;
    QList<AttributeUpdate> updates;
    records.reserve(qsizetype(batch.size()));
    updates.reserve(qsizetype(batch.size()));
    std::vector<int> updatedSlots; // not a member: an event handler may re-enter change()
    updatedSlots.reserve(batch.size());
    std::vector<qsizetype> valueChanged; ///< records whose value changed a watched slot
    for (Pending &p : batch) {
        if (!p.slot)
            continue;
        AttributeStore::Slot &slot = *p.slot;
        bool changed = false;
        if (p.qualityOnly) {
            if (!m_store.setQuality(slot, p.quality, p.timestampMs, p.source))
                continue;
        } else {
            const std::optional<QString> &old = slot.attribute->value;
            changed = old ? *old != p.value : !p.value.isEmpty();
            if (!m_store.set(slot, p.value, p.quality, p.timestampMs, p.source))
                continue;
        }
        if (changed && !m_slotInfo[size_t(slot.index)].events.empty())
            valueChanged.push_back(records.size());
        records.append(HistoryRecord {
            slot.path, slot.name, slot.value(), p.timestampMs, slot.quality, p.source });
        updates.append(updateFor(slot));
        updatedSlots.push_back(slot.index);
    }
    if (records.isEmpty())
        return;
    // 3. History.
    if (m_history)
        m_history->append(records);
    // 4. Event evaluation, on each value as it was at its change (a batch may hold several
    //    values of one attribute: a threshold crossed and crossed back raises and clears).
    QList<EventRecord> events;
    for (const qsizetype r : valueChanged) {
        const HistoryRecord &record = records[r];
        const AttributeStore::Slot &slot = *m_store.all()[updatedSlots[size_t(r)]];
        for (const int e : m_slotInfo[size_t(slot.index)].events) {
            const EventPlan &plan = m_plan.events[e];
            std::optional<EventTransition> t;
            if (plan.kind == EventPlan::Kind::Threshold) {
                bool ok = false;
                const double v = record.value.toDouble(&ok);
                if (ok)
                    t = m_thresholds[size_t(e)].update(v);
            } else {
                t = m_changes[size_t(e)].update(record.value);
            }
            if (!t)
                continue;
            events.append(EventRecord { record.timestampMs, slot.path, plan.name, plan.severity,
                eventStateName(t->state), slot.name, record.value,
                u"%1 %2"_s.arg(joinPath(slot.path, slot.name), t->message) });
        }
    }
    // 5. Events stored and emitted (clients see paths relative to the outermost twin root).
    for (EventRecord &event : events) {
        if (m_history)
            m_history->appendEvent(event);
        qCInfo(lcRuntime, "event %s %s (%s): %s", qUtf8Printable(event.event),
            qUtf8Printable(event.state), qUtf8Printable(event.severity),
            qUtf8Printable(event.message));
        event.path = joinPath(m_plan.prefix, event.path);
        Q_EMIT eventRaised(event);
    }
    // 6. Notification.
    if (m_observer)
        m_observer(updates, updatedSlots);
    Q_EMIT attributesChanged(updates);
}

void Twin::onValue(int device, int variable, const QVariant &value, qint64 timestampMs)
{
    if (size_t(device) >= m_feeds.size() || variable < 0
        || size_t(variable) >= m_feeds[size_t(device)].size())
        return;
    const std::vector<Feed> &feeds = m_feeds[size_t(device)][size_t(variable)];
    if (feeds.empty())
        return;
    const int component = m_deviceComponent[size_t(device)];
    const QString &source = m_componentNames[component];
    if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList values = value.toList();
        for (const Feed &f : feeds) {
            if (f.element < values.size())
                enqueue(Pending { f.slot, formatValue(values[f.element], f.format), source,
                    timestampMs, component, Quality::Good, false });
        }
        return;
    }
    // A scalar is value 0 of the variable.
    for (const Feed &f : feeds) {
        if (f.element == 0)
            enqueue(Pending { f.slot, formatValue(value, f.format), source, timestampMs, component,
                Quality::Good, false });
    }
}

void Twin::onQuality(int device, int variable, Quality quality, qint64 timestampMs)
{
    if (size_t(device) >= m_feeds.size() || variable < 0
        || size_t(variable) >= m_feeds[size_t(device)].size())
        return;
    const int component = m_deviceComponent[size_t(device)];
    const QString &source = m_componentNames[component];
    for (const Feed &f : m_feeds[size_t(device)][size_t(variable)])
        enqueue(Pending { f.slot, QString(), source, timestampMs, component, quality, true });
}

void Twin::write(const QString &path, const QString &attribute, const QString &value,
    const Source &source, Done done)
{
    AttributeStore::Slot *slot = m_store.find(path, attribute);
    if (!slot) {
        done(Result<void>::failure(
            u"twin '%1' has no attribute '%2' at '%3'"_s.arg(m_plan.name, attribute, path)));
        return;
    }
    if (!mayChange(source, *slot)) {
        done(Result<void>::failure(u"access denied: %1 may not write %2"_s.arg(
            source.toString(), joinPath(path, attribute))));
        return;
    }
    const QList<Target> targets = m_targets.values(key(path, attribute));
    if (targets.isEmpty()) {
        // Not linked to a device: the model itself is the state.
        done(change(path, attribute, value, source));
        return;
    }
    for (const Target &t : targets) {
        const ModbusVariable &variable = m_plan.devices[t.device].config.variables[t.variable];
        if (!variable.isWritable())
            continue;
        const QVariant engineering = parseValue(value);
        if (!engineering.isValid()) {
            done(Result<void>::failure(u"'%1' is not a number; %2 is written to device '%3'"_s.arg(
                value, joinPath(path, attribute), m_plan.devices[t.device].componentPath)));
            return;
        }
        if (t.device >= int(m_devices.size())) {
            done(Result<void>::failure(u"twin '%1' is not running"_s.arg(m_plan.name)));
            return;
        }
        // An array's attributes are its elements: each is written on its own.
        QString refusal;
        const int id = m_devices[size_t(t.device)]->write(
            t.variable, engineering, variable.count > 1 ? t.element : -1, &refusal);
        if (id < 0) {
            done(Result<void>::failure(
                u"cannot write %1: %2"_s.arg(joinPath(path, attribute), refusal)));
            return;
        }
        m_pendingWrites.insert({ t.device, id }, std::move(done));
        return;
    }
    const Target &t = targets.first();
    done(Result<void>::failure(u"%1 is read from device '%2' (variable '%3' is not writable)"_s.arg(
        joinPath(path, attribute), m_plan.devices[t.device].componentPath,
        m_plan.devices[t.device].config.variables[t.variable].name)));
}

void Twin::onWriteFinished(int device, int requestId, bool ok, const QString &error)
{
    if (requestId < 0)
        return; // already answered when write() returned -1
    const Done done = m_pendingWrites.take({ device, requestId });
    if (!done)
        return;
    if (ok)
        done(Result<void>());
    else
        done(Result<void>::failure(
            u"device '%1': write failed: %2"_s.arg(m_plan.devices[device].componentPath, error)));
}

void Twin::invoke(const QString &path, const QString &action, const Source &source, Done done)
{
    const MethodPlan *method = nullptr;
    for (const MethodPlan &m : std::as_const(m_plan.methods)) {
        if (m.elementPath == path && m.action.compare(action, Qt::CaseInsensitive) == 0)
            method = &m;
    }
    if (!method) {
        done(Result<void>::failure(u"no method '%1' on '%2'"_s.arg(action, path)));
        return;
    }
    const bool allowed = source.kind == Source::Kind::Local
        || (source.kind == Source::Kind::User
            && (!m_plan.access
                || m_plan.access->allowsUser(source.name, path, QString(), Permission::Invoke)));
    if (!allowed) {
        done(Result<void>::failure(
            u"access denied: %1 may not invoke %2 on %3"_s.arg(source.toString(), action, path)));
        return;
    }
    qCInfo(lcRuntime, "method %s: %s writes %s = %s", qUtf8Printable(method->name),
        qUtf8Printable(source.toString()),
        qUtf8Printable(joinPath(method->elementPath, method->attribute)),
        qUtf8Printable(method->value));
    write(method->elementPath, method->attribute, method->value, Source::component(method->name),
        std::move(done));
}

} // namespace dt::runtime
