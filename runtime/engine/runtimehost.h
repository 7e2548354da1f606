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
#include <QObject>
#include <QPointer>

#include <functional>

class QThread;

namespace dt::runtime {

class Engine;

/// The in-process runtime as the GUI (or dt-runtime's main) sees it: owns a QThread running an
/// Engine, where every Modbus client, history store and event rule lives. All functions are
/// thread-safe and return without waiting for devices or databases; signals and callbacks arrive
/// on the thread the host lives in (queued), so handlers never race the engine.
///
/// Callbacks: when a context object is given and destroyed before the answer arrives, the
/// callback is dropped. The context must live in the host's thread.
class RuntimeHost : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<void> &)>;
    using HistoryCallback = std::function<void(const Result<QList<HistoryRecord>> &)>;
    using EventsCallback = std::function<void(const Result<QList<EventRecord>> &)>;

    explicit RuntimeHost(QObject *parent = nullptr);
    ~RuntimeHost() override; ///< stops the twins and joins the engine thread

    /// Reads, validates and checks the model, then (when clean) replaces the running twins with
    /// the new ones. Waits for the engine thread only while it plans and constructs (no network
    /// or database waits: devices connect and stores open asynchronously). Fails, with every
    /// error one per line, when anything stops the deploy; nothing is started then and a running
    /// twin keeps running. lastDeployReport() has the structured report either way.
    Result<DeployReport> deploy(const QString &amlFile, const DeployOptions &options = {});
    /// The same without waiting at all: deployFinished(report) follows.
    void deployAsync(const QString &amlFile, const DeployOptions &options = {});
    /// Deploys a model already in memory (e.g. a copy of the editor's document, saved or not);
    /// fileName locates relative ExternalReferences and storage files.
    Result<DeployReport> deploy(
        const model::CaexFile &file, const QString &fileName, const DeployOptions &options = {});
    void deployAsync(
        const model::CaexFile &file, const QString &fileName, const DeployOptions &options = {});
    /// Stops every twin (flushes history); waits for the engine thread.
    void stop();
    /// The same without waiting: runningChanged(false) follows.
    void stopAsync();

    bool isRunning() const;
    DeployReport lastDeployReport() const;
    /// Current value, quality and timestamp of every attribute (cached, never blocks on I/O).
    QList<AttributeUpdate> currentValues() const;
    /// Device name ("RefineryTwin/Valve1Modbus") -> ConnectionState as int.
    QHash<QString, int> deviceStates() const;

    void writeAttribute(const QString &path, const QString &attribute, const QString &value,
        const Source &source, QObject *context, Done done);
    void invokeMethod(const QString &path, const QString &action, const Source &source,
        QObject *context, Done done);
    void history(const QString &path, const QString &attribute, int n, QObject *context,
        HistoryCallback callback);
    void events(int n, QObject *context, EventsCallback callback);
    void snapshot(const QString &file, QObject *context, Done done);
    /// Synchronous snapshot (waits for the engine thread to write the file).
    Result<void> snapshot(const QString &file);

    /// The engine, for code that runs on the engine thread (e.g. a future REST API server).
    Engine *engine() const { return m_engine; }

Q_SIGNALS:
    void attributesChanged(const QList<dt::runtime::AttributeUpdate> &updates);
    void eventRaised(const dt::runtime::EventRecord &event);
    void deviceStateChanged(const QString &device, int state, const QString &detail);
    void runningChanged(bool running);
    void deployFinished(const dt::runtime::DeployReport &report);

private:
    /// Runs f on the engine thread; its result comes back on the host's thread to callback.
    template<typename T>
    std::function<void(const T &)> deliverer(
        QObject *context, std::function<void(const T &)> callback);
    void post(std::function<void()> f);
    void runBlocking(const std::function<void()> &f);

    QThread *m_thread = nullptr;
    Engine *m_engine = nullptr;
};

} // namespace dt::runtime
