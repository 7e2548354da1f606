// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attributeupdate.h"
#include "deployoptions.h"
#include "deployreport.h"
#include "source.h"

#include "model/caexfile.h"
#include "model/result.h"
#include "storage/historyrecord.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace dt::runtime {

struct DeployPlan;
class Twin;

/// The twin engine: the runtime's own copy of the model and one Twin per DigitalTwin element.
/// Lives on the engine thread (RuntimeHost owns that thread); call its functions there, except
/// currentValues() and deviceStates(), which are thread-safe.
///
/// Addresses: an element path relative to the outermost twin root ("Valve1"). A path that falls
/// in a nested twin's subtree (distributed topology) is forwarded to that twin, so clients cannot
/// tell the topologies apart.
class Engine : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<void> &)>;

    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    /// Plans (read, validate, check); when the plan is clean and options.start, stops the
    /// running twins and starts the new ones. A bad model never stops a running twin.
    DeployReport deploy(const QString &amlFile, const DeployOptions &options);
    DeployReport deploy(DeployPlan plan, const DeployOptions &options);
    void stop();
    /// Thread-safe.
    bool isRunning() const { return m_running.load(); }

    /// Paper §IV-C data path for a change from outside a device (the API's POST, the GUI).
    void writeAttribute(const QString &path, const QString &attribute, const QString &value,
        const Source &source, Done done);
    void invokeMethod(const QString &path, const QString &action, const Source &source, Done done);
    using HistoryDone = std::function<void(const Result<QList<HistoryRecord>> &)>;
    using EventsDone = std::function<void(const Result<QList<EventRecord>> &)>;
    /// Last n history records of an element (attribute empty: all its attributes), newest first.
    /// The database is read on the storage's reader thread, never on the engine thread (its
    /// devices keep being polled meanwhile): `done` is called there, or at once for a path that
    /// names no element. It must be callable from any thread.
    void history(const QString &path, const QString &attribute, int n, HistoryDone done);
    /// Last n events of all twins, newest first; `done` as for history().
    void events(int n, EventsDone done);
    /// Writes the model with current values (CAEX 3.0, see snapshot.h).
    Result<void> snapshot(const QString &file);

    /// Thread-safe: the current state of every attribute, in model order.
    QList<AttributeUpdate> currentValues() const;
    /// Thread-safe: device name -> ConnectionState (as int).
    QHash<QString, int> deviceStates() const;
    /// Thread-safe: the report of the last deploy (failed ones too).
    DeployReport lastReport() const;
    /// Engine thread only: the running twins (their devices' and history's counters are what
    /// tests/bench/bench_runtime reports).
    const std::vector<std::unique_ptr<Twin>> &twins() const { return m_twins; }

Q_SIGNALS:
    void attributesChanged(const QList<dt::runtime::AttributeUpdate> &updates);
    void eventRaised(const dt::runtime::EventRecord &event);
    void deviceStateChanged(const QString &device, int state, const QString &detail);
    void runningChanged(bool running);

private:
    struct Route
    {
        Twin *twin = nullptr;
        QString local;
    };
    std::optional<Route> route(const QString &path) const;
    /// Stores a twin's batch in m_current; the twin's slot i is at base + i there.
    void cacheUpdates(
        qsizetype base, const QList<AttributeUpdate> &updates, const std::vector<int> &slotIndices);

    std::unique_ptr<model::CaexFile> m_file;
    QString m_fileName;
    std::vector<std::unique_ptr<Twin>> m_twins;
    std::atomic_bool m_running = false;

    mutable QMutex m_mutex; // guards the members below
    QList<AttributeUpdate> m_current; ///< every twin's slots in store order, twin after twin
    QHash<QString, int> m_deviceStates;
    DeployReport m_lastReport;
};

} // namespace dt::runtime
