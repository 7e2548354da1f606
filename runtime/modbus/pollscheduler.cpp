// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollscheduler.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <utility>

namespace dt::runtime {

namespace {

// Only a weak reference: the users own the scheduler, and an expired weak_ptr is all that is left
// for the thread-exit destructors (nothing of Qt runs there).
thread_local std::weak_ptr<PollScheduler> t_scheduler;

constexpr quint32 SlotBits = 32;

quint32 slotOf(PollScheduler::Handle handle)
{
    return quint32(handle & 0xffffffffu);
}

quint32 generationOf(PollScheduler::Handle handle)
{
    return quint32(handle >> SlotBits);
}

} // namespace

std::shared_ptr<PollScheduler> PollScheduler::forCurrentThread()
{
    std::shared_ptr<PollScheduler> scheduler = t_scheduler.lock();
    if (!scheduler) {
        scheduler = std::make_shared<PollScheduler>();
        t_scheduler = scheduler;
    }
    return scheduler;
}

PollScheduler::PollScheduler()
    : m_thread(QThread::currentThread())
    , m_timer(new QTimer)
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] { fire(); });
}

PollScheduler::~PollScheduler()
{
    m_timer->stop();
    // Destroyed from inside fire() (a callback dropped the last user): the timer is still
    // emitting its timeout, so it goes once the emission is over.
    if (m_firing)
        m_timer->deleteLater();
    else
        delete m_timer;
}

qint64 PollScheduler::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

PollScheduler::Handle PollScheduler::schedule(qint64 deadlineMs, std::function<void()> callback)
{
    quint32 slot = 0;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = quint32(m_slots.size());
        m_slots.emplace_back();
    }
    Slot &s = m_slots[slot];
    s.callback = std::move(callback);
    s.pending = true;
    m_heap.push_back(Entry { deadlineMs, m_nextSequence++, slot, s.generation });
    std::push_heap(m_heap.begin(), m_heap.end(), Later());
    ++m_pending;
    // Inside a pass the timer is armed once at its end.
    if (!m_firing && (m_armedFor < 0 || deadlineMs < m_armedFor))
        arm();
    return (Handle(s.generation) << SlotBits) | slot;
}

bool PollScheduler::cancel(Handle handle)
{
    if (!isPending(handle))
        return false;
    const quint32 slot = slotOf(handle);
    m_slots[slot].callback = nullptr; // what it captured goes now, not when the entry surfaces
    release(slot);
    --m_pending;
    ++m_stale;
    compact();
    // The timer is left alone: at worst it wakes once for nothing and re-arms.
    return true;
}

bool PollScheduler::isPending(Handle handle) const
{
    if (handle == 0)
        return false;
    const quint32 slot = slotOf(handle);
    return slot < m_slots.size() && m_slots[slot].pending
        && m_slots[slot].generation == generationOf(handle);
}

bool PollScheduler::isLive(const Entry &entry) const
{
    const Slot &slot = m_slots[entry.slot];
    return slot.pending && slot.generation == entry.generation;
}

void PollScheduler::release(quint32 slot)
{
    Slot &s = m_slots[slot];
    s.pending = false;
    if (++s.generation == 0)
        s.generation = 1; // handle 0 stays "none"
    m_freeSlots.push_back(slot);
}

void PollScheduler::fire()
{
    m_armedFor = -1;
    // A callback may drop the last user of the scheduler; it stays alive until the pass is over.
    const std::shared_ptr<PollScheduler> self = weak_from_this().lock();
    m_firing = true;
    const qint64 now = nowMs();
    const quint64 sequenceLimit = m_nextSequence;
    while (!m_heap.empty()) {
        const Entry top = m_heap.front();
        if (top.deadline > now || top.sequence >= sequenceLimit)
            break; // not due, or scheduled during this pass: next pass
        std::pop_heap(m_heap.begin(), m_heap.end(), Later());
        m_heap.pop_back();
        if (!isLive(top)) {
            --m_stale;
            continue;
        }
        // The slot is free (and the handle stale) before the callback runs: it may schedule anew.
        std::function<void()> callback = std::move(m_slots[top.slot].callback);
        m_slots[top.slot].callback = nullptr;
        release(top.slot);
        --m_pending;
        callback();
    }
    if (self && self.use_count() == 1)
        return; // the last user went: ~PollScheduler follows with m_firing still set
    m_firing = false;
    arm();
}

void PollScheduler::arm()
{
    // Cancelled entries on top would only cause empty wake-ups.
    while (!m_heap.empty() && !isLive(m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(), Later());
        m_heap.pop_back();
        --m_stale;
    }
    if (m_heap.empty()) {
        if (m_armedFor >= 0)
            m_timer->stop();
        m_armedFor = -1;
        return;
    }
    const qint64 deadline = m_heap.front().deadline;
    if (deadline == m_armedFor && m_timer->isActive())
        return;
    m_armedFor = deadline;
    const qint64 delay = std::clamp<qint64>(deadline - nowMs(), 0, std::numeric_limits<int>::max());
    m_timer->start(int(delay));
}

// Lazy cancellation leaves dead entries in the heap until their deadline; when they outnumber
// the live ones (a burst of cancels, e.g. many devices stopped), drop them in one sweep.
void PollScheduler::compact()
{
    if (m_stale < 256 || size_t(m_stale) * 2 < m_heap.size())
        return;
    m_heap.erase(std::remove_if(m_heap.begin(), m_heap.end(),
                     [this](const Entry &entry) { return !isLive(entry); }),
        m_heap.end());
    std::make_heap(m_heap.begin(), m_heap.end(), Later());
    m_stale = 0;
}

qint64 PollScheduler::nextPeriodicDeadline(
    qint64 previousDeadlineMs, qint64 intervalMs, qint64 nowMs)
{
    const qint64 interval = std::max<qint64>(1, intervalMs);
    qint64 next = previousDeadlineMs + interval;
    if (next <= nowMs)
        next += ((nowMs - next) / interval + 1) * interval;
    return next;
}

qint64 PollScheduler::firstPeriodicDeadline(double phase, qint64 intervalMs, qint64 nowMs)
{
    const qint64 interval = std::max<qint64>(1, intervalMs);
    const qint64 offset = std::clamp<qint64>(qint64(phase * double(interval)), 0, interval - 1);
    const qint64 earliest = nowMs + (interval + 1) / 2;
    const qint64 past = ((earliest - offset) % interval + interval) % interval;
    return past == 0 ? earliest : earliest + interval - past;
}

double PollScheduler::nextPhase()
{
    constexpr double GoldenRatioFraction = 0.6180339887498949;
    double whole = 0;
    return std::modf(double(m_phaseCounter++) * GoldenRatioFraction, &whole);
}

} // namespace dt::runtime
