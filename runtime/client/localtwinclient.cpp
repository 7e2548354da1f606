// SPDX-License-Identifier: GPL-3.0-or-later
#include "localtwinclient.h"

#include "engine/runtimehost.h"

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

Result<void> noHost()
{
    return Result<void>::failure(u"the runtime is gone"_s);
}

} // namespace

LocalTwinClient::LocalTwinClient(RuntimeHost *host, QObject *parent)
    : TwinClient(parent)
    , m_host(host)
{
    if (!host)
        return;
    // The host emits on its own thread (the GUI's); AutoConnection queues if this client lives
    // elsewhere.
    connect(
        host, &RuntimeHost::attributesChanged, this, [this](const QList<AttributeUpdate> &updates) {
            Q_EMIT attributesChanged(updates);
            for (const AttributeUpdate &u : updates)
                Q_EMIT attributeChanged(u);
        });
    connect(host, &RuntimeHost::eventRaised, this, &TwinClient::eventRaised);
    connect(host, &RuntimeHost::deviceStateChanged, this, &TwinClient::deviceStateChanged);
    connect(host, &RuntimeHost::runningChanged, this, &TwinClient::runningChanged);
}

bool LocalTwinClient::isRunning() const
{
    return m_host && m_host->isRunning();
}

QList<AttributeUpdate> LocalTwinClient::currentValues() const
{
    return m_host ? m_host->currentValues() : QList<AttributeUpdate>();
}

QHash<QString, int> LocalTwinClient::deviceStates() const
{
    return m_host ? m_host->deviceStates() : QHash<QString, int>();
}

void LocalTwinClient::writeAttribute(
    const QString &path, const QString &attribute, const QString &value, Done done)
{
    if (!m_host) {
        if (done)
            done(noHost());
        return;
    }
    m_host->writeAttribute(path, attribute, value, m_source, this, std::move(done));
}

void LocalTwinClient::invokeMethod(const QString &path, const QString &action, Done done)
{
    if (!m_host) {
        if (done)
            done(noHost());
        return;
    }
    m_host->invokeMethod(path, action, m_source, this, std::move(done));
}

void LocalTwinClient::history(
    const QString &path, const QString &attribute, int n, HistoryCallback callback)
{
    if (!m_host) {
        if (callback)
            callback(Result<QList<HistoryRecord>>::failure(noHost().error()));
        return;
    }
    m_host->history(path, attribute, n, this, std::move(callback));
}

void LocalTwinClient::events(int n, EventsCallback callback)
{
    if (!m_host) {
        if (callback)
            callback(Result<QList<EventRecord>>::failure(noHost().error()));
        return;
    }
    m_host->events(n, this, std::move(callback));
}

void LocalTwinClient::snapshot(const QString &file, Done done)
{
    if (!m_host) {
        if (done)
            done(noHost());
        return;
    }
    m_host->snapshot(file, this, std::move(done));
}

} // namespace dt::runtime
