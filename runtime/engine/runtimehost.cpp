// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtimehost.h"

#include "deployplanner.h"
#include "engine.h"

#include "eventloop/epolleventdispatcher.h"

#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

void registerTypes()
{
    qRegisterMetaType<AttributeUpdate>();
    qRegisterMetaType<QList<AttributeUpdate>>();
    qRegisterMetaType<EventRecord>();
    qRegisterMetaType<HistoryRecord>();
    qRegisterMetaType<DeployReport>();
    qRegisterMetaType<Source>();
}

} // namespace

RuntimeHost::RuntimeHost(QObject *parent)
    : QObject(parent)
{
    registerTypes();
    m_thread = new QThread(this);
    m_thread->setObjectName(u"dt-engine"_s);
    // The engine thread serves every device's connection and timers: an epoll dispatcher keeps
    // each loop pass O(ready) with a thousand sockets (see EpollEventDispatcher).
    if (QAbstractEventDispatcher *dispatcher = createDeviceEventDispatcher())
        m_thread->setEventDispatcher(dispatcher);
    m_engine = new Engine;
    m_engine->moveToThread(m_thread);
    // Cross-thread signal-to-signal connections: queued onto the host's thread.
    connect(m_engine, &Engine::attributesChanged, this, &RuntimeHost::attributesChanged);
    connect(m_engine, &Engine::eventRaised, this, &RuntimeHost::eventRaised);
    connect(m_engine, &Engine::deviceStateChanged, this, &RuntimeHost::deviceStateChanged);
    connect(m_engine, &Engine::runningChanged, this, &RuntimeHost::runningChanged);
    m_thread->start();
}

RuntimeHost::~RuntimeHost()
{
    Engine *engine = m_engine;
    runBlocking([engine]() { delete engine; });
    m_engine = nullptr;
    m_thread->quit();
    m_thread->wait();
}

void RuntimeHost::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(m_engine, std::move(f), Qt::QueuedConnection);
}

void RuntimeHost::runBlocking(const std::function<void()> &f)
{
    if (QThread::currentThread() == m_thread)
        f();
    else
        QMetaObject::invokeMethod(m_engine, f, Qt::BlockingQueuedConnection);
}

template<typename T>
std::function<void(const T &)> RuntimeHost::deliverer(
    QObject *context, std::function<void(const T &)> callback)
{
    // The host outlives the engine (its destructor joins the engine thread), so posting to it
    // from the engine thread is safe; the context is checked on the host's thread.
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    return [this, hasContext, guard, callback](const T &value) {
        QMetaObject::invokeMethod(
            this,
            [hasContext, guard, callback, value]() {
                if ((hasContext && !guard) || !callback)
                    return;
                callback(value);
            },
            Qt::QueuedConnection);
    };
}

Result<DeployReport> RuntimeHost::deploy(const QString &amlFile, const DeployOptions &options)
{
    DeployReport report;
    Engine *engine = m_engine;
    runBlocking([&]() { report = engine->deploy(amlFile, options); });
    Q_EMIT deployFinished(report);
    if (!report.ok())
        return Result<DeployReport>::failure(report.errors.join(u'\n'));
    return report;
}

void RuntimeHost::deployAsync(const QString &amlFile, const DeployOptions &options)
{
    Engine *engine = m_engine;
    const auto done = deliverer<DeployReport>(
        nullptr, [this](const DeployReport &report) { Q_EMIT deployFinished(report); });
    post([engine, amlFile, options, done]() { done(engine->deploy(amlFile, options)); });
}

Result<DeployReport> RuntimeHost::deploy(
    const model::CaexFile &file, const QString &fileName, const DeployOptions &options)
{
    DeployReport report;
    Engine *engine = m_engine;
    runBlocking([&]() { report = engine->deploy(planDeploy(file, fileName, options), options); });
    Q_EMIT deployFinished(report);
    if (!report.ok())
        return Result<DeployReport>::failure(report.errors.join(u'\n'));
    return report;
}

void RuntimeHost::deployAsync(
    const model::CaexFile &file, const QString &fileName, const DeployOptions &options)
{
    Engine *engine = m_engine;
    const auto done = deliverer<DeployReport>(
        nullptr, [this](const DeployReport &report) { Q_EMIT deployFinished(report); });
    // The copy travels to the engine thread; planning happens there.
    auto copy = std::make_shared<model::CaexFile>(file);
    post([engine, copy, fileName, options, done]() {
        done(engine->deploy(planDeploy(std::move(*copy), fileName, options), options));
    });
}

void RuntimeHost::stopAsync()
{
    Engine *engine = m_engine;
    post([engine]() { engine->stop(); });
}

void RuntimeHost::stop()
{
    Engine *engine = m_engine;
    runBlocking([engine]() { engine->stop(); });
}

bool RuntimeHost::isRunning() const
{
    return m_engine->isRunning();
}

DeployReport RuntimeHost::lastDeployReport() const
{
    return m_engine->lastReport();
}

QList<AttributeUpdate> RuntimeHost::currentValues() const
{
    return m_engine->currentValues();
}

QHash<QString, int> RuntimeHost::deviceStates() const
{
    return m_engine->deviceStates();
}

void RuntimeHost::writeAttribute(const QString &path, const QString &attribute,
    const QString &value, const Source &source, QObject *context, Done done)
{
    Engine *engine = m_engine;
    const auto deliver = deliverer<Result<void>>(context, std::move(done));
    post([=]() { engine->writeAttribute(path, attribute, value, source, deliver); });
}

void RuntimeHost::invokeMethod(
    const QString &path, const QString &action, const Source &source, QObject *context, Done done)
{
    Engine *engine = m_engine;
    const auto deliver = deliverer<Result<void>>(context, std::move(done));
    post([=]() { engine->invokeMethod(path, action, source, deliver); });
}

void RuntimeHost::history(const QString &path, const QString &attribute, int n, QObject *context,
    HistoryCallback callback)
{
    Engine *engine = m_engine;
    const auto deliver = deliverer<Result<QList<HistoryRecord>>>(context, std::move(callback));
    post([=]() { engine->history(path, attribute, n, deliver); });
}

void RuntimeHost::events(int n, QObject *context, EventsCallback callback)
{
    Engine *engine = m_engine;
    const auto deliver = deliverer<Result<QList<EventRecord>>>(context, std::move(callback));
    post([=]() { engine->events(n, deliver); });
}

void RuntimeHost::snapshot(const QString &file, QObject *context, Done done)
{
    Engine *engine = m_engine;
    const auto deliver = deliverer<Result<void>>(context, std::move(done));
    post([=]() { deliver(engine->snapshot(file)); });
}

Result<void> RuntimeHost::snapshot(const QString &file)
{
    Result<void> result;
    Engine *engine = m_engine;
    runBlocking([&]() { result = engine->snapshot(file); });
    return result;
}

} // namespace dt::runtime
