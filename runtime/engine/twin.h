// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attributestore.h"
#include "attributeupdate.h"
#include "eventrules.h"
#include "source.h"
#include "twinplan.h"

#include "modbus/modbusdevice.h"
#include "storage/historyrecord.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace dt::runtime {

class HistoryStore;

/// One running digital twin (engine thread): its devices, attribute store, history, event rules,
/// methods and access control, and the paper's data path (§IV-C) for every change:
///   source -> access control -> model update (value, timestamp, quality) -> history ->
///   event evaluation -> events stored and emitted -> notification (attributesChanged).
/// Writes go the other way: access control -> device write -> confirmation; the model follows
/// when the device reports the new value.
///
/// Device samples are batched: each value or quality report is queued (the (device, variable) ->
/// attribute slots were resolved at construction, so nothing is looked up by name) and one
/// flush per event-loop pass runs the data path over the whole batch, in arrival order, with one
/// history append and one attributesChanged. Changes from users and methods are immediate; they
/// flush the queued samples first, so a later change is never overwritten by an earlier one.
class Twin : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<void> &)>;
    /// Sees every batch right before attributesChanged, with the store index (Slot::index) of
    /// each update's slot: lets the engine keep its value cache without hashing names.
    using UpdateObserver = std::function<void(
        const QList<AttributeUpdate> &updates, const std::vector<int> &slotIndices)>;

    explicit Twin(TwinPlan plan, QObject *parent = nullptr);
    ~Twin() override;

    /// Opens the history store (config errors fail; an unreachable server only buffers) and
    /// starts the devices.
    Result<void> start();
    /// Stops the devices (without recording their going bad), runs the data path over the samples
    /// still queued (they are stored and notified like any other) and flushes the history.
    void stop();
    /// Runs the data path over the queued device samples now (normally the event loop does).
    void flush();
    void setUpdateObserver(UpdateObserver observer) { m_observer = std::move(observer); }

    const QString &name() const { return m_plan.name; }
    const QString &prefix() const { return m_plan.prefix; }
    const TwinPlan &plan() const { return m_plan; }
    AttributeStore &store() { return m_store; }
    bool hasHistory() const { return bool(m_history); }
    HistoryStore *history() const { return m_history.get(); }
    /// The running devices in plan order (empty when stopped); for statistics.
    const std::vector<std::unique_ptr<ModbusDevice>> &devices() const { return m_devices; }
    /// The update clients see for a slot (path made relative to the outermost twin root).
    AttributeUpdate updateFor(const AttributeStore::Slot &slot) const;

    /// A change from any source through the whole data path. Denied or unknown attributes fail.
    Result<void> change(
        const QString &path, const QString &attribute, const QString &value, const Source &source);
    /// Writes an attribute: to its device when a writable variable feeds it (done after the
    /// device confirms), else through change(). done is called on the engine thread.
    void write(const QString &path, const QString &attribute, const QString &value,
        const Source &source, Done done);
    /// Runs the Method component offering this action on this element.
    void invoke(const QString &path, const QString &action, const Source &source, Done done);

Q_SIGNALS:
    void attributesChanged(const QList<dt::runtime::AttributeUpdate> &updates);
    void eventRaised(const dt::runtime::EventRecord &event);
    void deviceStateChanged(const QString &device, int state, const QString &detail);

private:
    /// One queued change: a device sample or quality report, or a change from change().
    struct Pending
    {
        AttributeStore::Slot *slot = nullptr;
        QString value; ///< unused when qualityOnly
        QString source; ///< what history records as the source
        qint64 timestampMs = 0;
        /// The component (index into m_componentNames) making the change, checked against the
        /// slot's writers; -1 when the caller already checked the source (change()).
        int component = -1;
        Quality quality = Quality::Good;
        bool qualityOnly = false;
    };
    /// A (device, variable) -> attribute link resolved at construction.
    struct Feed
    {
        AttributeStore::Slot *slot = nullptr;
        int element = 0; ///< index of the value within the variable (arrays)
        ValueFormat format = ValueFormat::Decimal;
    };
    /// Per slot (indexed by Slot::index): what the per-sample path needs without a lookup.
    struct SlotInfo
    {
        QString clientPath; ///< slot path relative to the outermost twin root
        std::vector<int> writers; ///< components that may change it (usually zero or one)
        std::vector<int> events; ///< indices into m_plan.events watching it
    };
    struct Target
    {
        int device = -1;
        int variable = -1;
        int element = 0; ///< index of the value within the variable (arrays)
    };

    int componentId(const QString &name);
    bool mayChange(const Source &source, const AttributeStore::Slot &slot) const;
    bool componentMayChange(int component, const AttributeStore::Slot &slot) const;
    void enqueue(Pending pending);
    void process(std::vector<Pending> &batch);
    void onValue(int device, int variable, const QVariant &value, qint64 timestampMs);
    void onQuality(int device, int variable, Quality quality, qint64 timestampMs);
    void onWriteFinished(int device, int requestId, bool ok, const QString &error);
    void logConnection(int device, ConnectionState state, const QString &detail);
    static QString key(const QString &path, const QString &attribute);

    TwinPlan m_plan;
    AttributeStore m_store;
    std::unique_ptr<HistoryStore> m_history;
    std::vector<std::unique_ptr<ModbusDevice>> m_devices;
    std::vector<ThresholdRule> m_thresholds; ///< per event plan (unused for change events)
    std::vector<ChangeRule> m_changes;
    QMultiHash<QString, Target> m_targets; ///< attribute key -> device variable feeding it
    QStringList m_componentNames; ///< devices' and methods' component names
    QHash<QString, int> m_componentIds; ///< name -> index in m_componentNames
    std::vector<int> m_deviceComponent; ///< device -> component index
    std::vector<std::vector<std::vector<Feed>>> m_feeds; ///< [device][variable] -> slots fed
    std::vector<SlotInfo> m_slotInfo; ///< by Slot::index
    std::vector<Pending> m_pending; ///< device samples waiting for flush()
    bool m_flushQueued = false;
    UpdateObserver m_observer;
    QHash<std::pair<int, int>, Done> m_pendingWrites; ///< (device, request id)
    QHash<int, int> m_deviceUp; ///< device -> 1 up, 0 down (logged), absent: not yet seen
    bool m_running = false;
};

} // namespace dt::runtime
