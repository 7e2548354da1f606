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
#include <QSet>

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
class Twin : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<void> &)>;

    explicit Twin(TwinPlan plan, QObject *parent = nullptr);
    ~Twin() override;

    /// Opens the history store (config errors fail; an unreachable server only buffers) and
    /// starts the devices.
    Result<void> start();
    /// Stops the devices (without recording their going bad) and flushes the history.
    void stop();

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
    struct Change
    {
        AttributeStore::Slot *slot = nullptr;
        QString value;
        Quality quality = Quality::Good;
        qint64 timestampMs = 0;
    };
    struct Target
    {
        int device = -1;
        int variable = -1;
        int element = 0; ///< index of the value within the variable (arrays)
    };

    bool mayChange(const Source &source, const QString &path, const QString &attribute,
        Permission permission) const;
    void process(QList<Change> changes, const Source &source);
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
    QMultiHash<QString, int> m_watches; ///< attribute key -> event index
    QMultiHash<QString, Target> m_targets; ///< attribute key -> device variable feeding it
    QHash<QString, QSet<QString>> m_allowed; ///< component name -> attribute keys it may change
    QHash<std::pair<int, int>, Done> m_pendingWrites; ///< (device, request id)
    QHash<int, int> m_deviceUp; ///< device -> 1 up, 0 down (logged), absent: not yet seen
    bool m_running = false;
};

} // namespace dt::runtime
