// SPDX-License-Identifier: GPL-3.0-or-later
#include "timerheap.h"

#include <algorithm>

namespace dt::runtime {

namespace {

constexpr qint64 NsPerMs = 1000000;

} // namespace

bool TimerHeap::later(const Entry &a, const Entry &b)
{
    // std::push_heap builds a max-heap for "less": "later" puts the earliest deadline on top.
    if (a.deadlineNs != b.deadlineNs)
        return a.deadlineNs > b.deadlineNs;
    return a.sequence > b.sequence; // equal deadlines fire in registration order
}

void TimerHeap::push(int id, Timer &timer)
{
    timer.sequence = m_nextSequence++;
    m_heap.push_back(Entry { timer.deadlineNs, timer.sequence, id });
    std::push_heap(m_heap.begin(), m_heap.end(), later);
    compact();
}

bool TimerHeap::isLive(const Entry &entry) const
{
    const auto it = m_timers.constFind(entry.id);
    return it != m_timers.cend() && !it->firing && it->sequence == entry.sequence;
}

// Killed timers leave their entry behind; rebuild once they outnumber the live ones.
void TimerHeap::compact()
{
    if (m_heap.size() < 64 || m_heap.size() <= 2 * size_t(m_timers.size()))
        return;
    m_heap.erase(std::remove_if(m_heap.begin(), m_heap.end(),
                     [this](const Entry &entry) { return !isLive(entry); }),
        m_heap.end());
    std::make_heap(m_heap.begin(), m_heap.end(), later);
}

void TimerHeap::add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object, qint64 nowNs)
{
    remove(id);
    Timer timer;
    timer.intervalMs = std::max<qint64>(0, intervalMs);
    timer.intervalNs = timer.intervalMs * NsPerMs;
    timer.deadlineNs = nowNs + timer.intervalNs;
    timer.object = object;
    timer.type = type;
    Timer &stored = *m_timers.insert(id, timer);
    m_byObject.insert(object, id);
    push(id, stored);
}

bool TimerHeap::remove(int id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return false;
    m_byObject.remove(it->object, id);
    m_timers.erase(it);
    return true;
}

bool TimerHeap::removeAll(QObject *object)
{
    const QList<int> ids = m_byObject.values(object);
    for (int id : ids)
        m_timers.remove(id);
    m_byObject.remove(object);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> TimerHeap::timersOf(QObject *object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> infos;
    for (auto it = m_byObject.constFind(object); it != m_byObject.cend() && it.key() == object;
         ++it) {
        const Timer &timer = m_timers[it.value()];
        infos.append(
            QAbstractEventDispatcher::TimerInfo(it.value(), int(timer.intervalMs), timer.type));
    }
    return infos;
}

int TimerHeap::remainingMs(int id, qint64 nowNs) const
{
    const auto it = m_timers.constFind(id);
    if (it == m_timers.cend())
        return -1;
    const qint64 left = std::max<qint64>(0, it->deadlineNs - nowNs);
    return int((left + NsPerMs - 1) / NsPerMs);
}

qint64 TimerHeap::nextDeadlineNs()
{
    while (!m_heap.empty() && !isLive(m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        m_heap.pop_back();
    }
    return m_heap.empty() ? -1 : m_heap.front().deadlineNs;
}

std::vector<TimerHeap::Due> TimerHeap::takeDue(qint64 nowNs)
{
    std::vector<Due> due;
    while (!m_heap.empty() && m_heap.front().deadlineNs <= nowNs) {
        const Entry entry = m_heap.front();
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        m_heap.pop_back();
        if (!isLive(entry))
            continue;
        Timer &timer = m_timers[entry.id];
        timer.deadlineNs += timer.intervalNs;
        if (timer.deadlineNs < nowNs)
            timer.deadlineNs = nowNs + timer.intervalNs;
        // Out of the heap until finished(): a nested loop in its handler must not fire it again.
        timer.firing = true;
        due.push_back(Due { entry.id, timer.object });
    }
    return due;
}

void TimerHeap::finished(int id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end() || !it->firing)
        return; // killed by its handler, or killed and registered anew under the same id
    it->firing = false;
    push(id, *it);
}

bool TimerHeap::isFiring(int id) const
{
    const auto it = m_timers.constFind(id);
    return it != m_timers.cend() && it->firing;
}

} // namespace dt::runtime
