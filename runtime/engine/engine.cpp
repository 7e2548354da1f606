// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine.h"

#include "deployplanner.h"
#include "enginelogging.h"
#include "modelpaths.h"
#include "snapshot.h"
#include "twin.h"

#include "storage/historystore.h"

#include <QDateTime>
#include <QMutexLocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::runtime {

Engine::Engine(QObject *parent)
    : QObject(parent)
{
}

Engine::~Engine()
{
    stop();
}

DeployReport Engine::deploy(const QString &amlFile, const DeployOptions &options)
{
    return deploy(planDeploy(amlFile, options), options);
}

DeployReport Engine::deploy(DeployPlan plan, const DeployOptions &options)
{
    DeployReport report = plan.report;
    const auto finish = [this, &report]() {
        QMutexLocker lock(&m_mutex);
        m_lastReport = report;
        return report;
    };
    if (!report.ok() || !options.start)
        return finish();

    // In process, the old twins go first: the new ones may reuse their history files.
    stop();
    m_file = std::move(plan.file);
    m_fileName = plan.fileName;
    for (TwinPlan &tp : plan.twins) {
        auto twin = std::make_unique<Twin>(std::move(tp));
        connect(twin.get(), &Twin::attributesChanged, this, &Engine::attributesChanged);
        connect(twin.get(), &Twin::eventRaised, this, &Engine::eventRaised);
        connect(twin.get(), &Twin::deviceStateChanged, this,
            [this](const QString &device, int state, const QString &detail) {
                {
                    QMutexLocker lock(&m_mutex);
                    m_deviceStates.insert(device, state);
                }
                Q_EMIT deviceStateChanged(device, state, detail);
            });
        m_twins.push_back(std::move(twin));
    }
    {
        QMutexLocker lock(&m_mutex);
        m_current.clear();
        m_deviceStates.clear();
        for (const auto &twin : m_twins) {
            // The twin's slots sit at base + Slot::index: its batches update the cache by index.
            const qsizetype base = m_current.size();
            for (const AttributeStore::Slot *slot : twin->store().all())
                m_current.append(twin->updateFor(*slot));
            twin->setUpdateObserver([this, base](const QList<AttributeUpdate> &updates,
                                        const std::vector<int> &slotIndices) {
                cacheUpdates(base, updates, slotIndices);
            });
            for (const DevicePlan &d : twin->plan().devices)
                m_deviceStates.insert(d.config.name, 0);
        }
    }
    for (const auto &twin : m_twins) {
        if (Result<void> started = twin->start(); !started) {
            report.errors.append(started.error());
            m_twins.clear();
            m_file.reset();
            return finish();
        }
    }
    report.started = true;
    m_running = true;
    qCInfo(lcRuntime, "deployed %s: %d twin(s)", qUtf8Printable(m_fileName), int(m_twins.size()));
    Q_EMIT runningChanged(true);
    return finish();
}

void Engine::stop()
{
    if (m_twins.empty())
        return;
    for (const auto &twin : m_twins)
        twin->stop();
    m_twins.clear();
    m_file.reset();
    m_running = false;
    {
        QMutexLocker lock(&m_mutex);
        m_deviceStates.clear();
        m_current.clear();
    }
    qCInfo(lcRuntime, "stopped");
    Q_EMIT runningChanged(false);
}

std::optional<Engine::Route> Engine::route(const QString &path) const
{
    std::optional<Route> best;
    qsizetype bestLength = -1;
    for (const auto &twin : m_twins) {
        const QString &prefix = twin->prefix();
        QString local;
        if (prefix.isEmpty())
            local = path;
        else if (path == prefix)
            local = QString();
        else if (path.startsWith(prefix + u'/'))
            local = path.mid(prefix.size() + 1);
        else
            continue;
        if (prefix.size() > bestLength && twin->store().hasElement(local)) {
            best = Route { twin.get(), local };
            bestLength = prefix.size();
        }
    }
    return best;
}

void Engine::writeAttribute(const QString &path, const QString &attribute, const QString &value,
    const Source &source, Done done)
{
    const std::optional<Route> r = route(path);
    if (!r) {
        done(Result<void>::failure(
            isRunning() ? u"no element '%1' in any twin"_s.arg(path) : u"no twin is running"_s));
        return;
    }
    r->twin->write(r->local, attribute, value, source, std::move(done));
}

void Engine::invokeMethod(
    const QString &path, const QString &action, const Source &source, Done done)
{
    const std::optional<Route> r = route(path);
    if (!r) {
        done(Result<void>::failure(
            isRunning() ? u"no element '%1' in any twin"_s.arg(path) : u"no twin is running"_s));
        return;
    }
    r->twin->invoke(r->local, action, source, std::move(done));
}

void Engine::history(const QString &path, const QString &attribute, int n, HistoryDone done)
{
    using R = Result<QList<HistoryRecord>>;
    const std::optional<Route> r = route(path);
    if (!r) {
        done(R::failure(
            isRunning() ? u"no element '%1' in any twin"_s.arg(path) : u"no twin is running"_s));
        return;
    }
    if (!r->twin->history()) {
        done(R::failure(
            u"twin '%1' keeps no history (no storage component)"_s.arg(r->twin->name())));
        return;
    }
    const QString prefix = r->twin->prefix();
    r->twin->history()->lastRecordsAsync(r->local, attribute, n, [prefix, done](R records) {
        if (records) {
            for (HistoryRecord &record : *records)
                record.path = joinPath(prefix, record.path);
        }
        done(records);
    });
}

namespace {

/// The events of several twins' stores, answered on their reader threads: the last answer
/// merges them (newest first, n at most) and calls done once.
struct EventsGathering
{
    QMutex mutex;
    int waiting = 0;
    int n = 0;
    QList<EventRecord> all;
    QString error;
    Engine::EventsDone done;

    void answer(const QString &prefix, const Result<QList<EventRecord>> &events)
    {
        QMutexLocker lock(&mutex);
        if (!events) {
            if (error.isEmpty())
                error = events.error();
        } else {
            for (EventRecord e : *events) {
                e.path = joinPath(prefix, e.path);
                all.append(e);
            }
        }
        if (--waiting > 0)
            return;
        lock.unlock();
        if (!error.isEmpty()) {
            done(Result<QList<EventRecord>>::failure(error));
            return;
        }
        std::stable_sort(all.begin(), all.end(), [](const EventRecord &a, const EventRecord &b) {
            return a.timestampMs > b.timestampMs;
        });
        if (all.size() > n)
            all.resize(qMax(0, n));
        done(all);
    }
};

} // namespace

void Engine::events(int n, EventsDone done)
{
    using R = Result<QList<EventRecord>>;
    if (!isRunning()) {
        done(R::failure(u"no twin is running"_s));
        return;
    }
    auto gathering = std::make_shared<EventsGathering>();
    gathering->n = n;
    gathering->done = std::move(done);
    QList<std::pair<HistoryStore *, QString>> stores;
    for (const auto &twin : m_twins) {
        if (twin->history())
            stores.append({ twin->history(), twin->prefix() });
    }
    if (stores.isEmpty()) {
        gathering->done(QList<EventRecord>());
        return;
    }
    gathering->waiting = int(stores.size());
    for (const auto &[store, prefix] : stores) {
        store->lastEventsAsync(n,
            [gathering, prefix = prefix](const R &events) { gathering->answer(prefix, events); });
    }
}

Result<void> Engine::snapshot(const QString &file)
{
    if (!isRunning() || !m_file)
        return Result<void>::failure(u"snapshot: no twin is running"_s);
    QList<SnapshotTwin> twins;
    for (const auto &twin : m_twins) {
        SnapshotTwin st;
        st.name = twin->name();
        st.rootInstancePath = twin->plan().rootInstancePath;
        for (const AttributeStore::Slot *slot : twin->store().all())
            st.attributes.append(slot);
        twins.append(st);
    }
    Result<void> written
        = writeSnapshot(*m_file, m_fileName, twins, file, QDateTime::currentMSecsSinceEpoch());
    if (written)
        qCInfo(lcRuntime, "snapshot written to %s", qUtf8Printable(file));
    return written;
}

void Engine::cacheUpdates(
    qsizetype base, const QList<AttributeUpdate> &updates, const std::vector<int> &slotIndices)
{
    QMutexLocker lock(&m_mutex);
    const qsizetype n = std::min(updates.size(), qsizetype(slotIndices.size()));
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype at = base + slotIndices[size_t(i)];
        if (at >= 0 && at < m_current.size())
            m_current[at] = updates[i];
    }
}

QList<AttributeUpdate> Engine::currentValues() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

QHash<QString, int> Engine::deviceStates() const
{
    QMutexLocker lock(&m_mutex);
    return m_deviceStates;
}

DeployReport Engine::lastReport() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastReport;
}

} // namespace dt::runtime
