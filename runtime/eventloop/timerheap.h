// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QList>

#include <vector>

class QObject;

namespace dt::runtime {

/// The timers of one event dispatcher: a binary heap of deadlines with lazy removal beside a hash
/// of the live timers, so registering, killing and finding the next deadline cost O(log n) where
/// Qt's own list is a sorted array scanned linearly (O(n) per insert and per kill). Qt timers are
/// periodic; a due timer is re-armed before its event is sent, at its old deadline plus its
/// interval, or a full interval from now when the loop fell behind (no burst of catch-up events).
/// Times are nanoseconds of a monotonic clock, chosen by the caller. One thread only.
class TimerHeap
{
public:
    struct Due
    {
        int id = 0;
        QObject *object = nullptr;
    };

    void add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object, qint64 nowNs);
    bool remove(int id);
    bool removeAll(QObject *object);
    QList<QAbstractEventDispatcher::TimerInfo> timersOf(QObject *object) const;
    /// Milliseconds until the timer is due (0 when overdue), -1 for an unknown id.
    int remainingMs(int id, qint64 nowNs) const;
    /// The earliest deadline of a timer that may fire now, or -1 when there is none.
    qint64 nextDeadlineNs();
    /// Every timer due at nowNs, once each, in deadline order, already re-armed and marked as
    /// firing: a nested event loop inside one timer's handler does not fire that timer again
    /// until finished(id) is called after its event was sent.
    std::vector<Due> takeDue(qint64 nowNs);
    void finished(int id);
    bool isFiring(int id) const;
    bool isEmpty() const { return m_timers.isEmpty(); }
    int size() const { return int(m_timers.size()); }

private:
    struct Timer
    {
        qint64 intervalNs = 0;
        qint64 deadlineNs = 0;
        quint64 sequence = 0; ///< matches the timer's one live heap entry
        QObject *object = nullptr;
        Qt::TimerType type = Qt::CoarseTimer;
        qint64 intervalMs = 0;
        bool firing = false;
    };
    struct Entry
    {
        qint64 deadlineNs;
        quint64 sequence;
        int id;
    };
    static bool later(const Entry &a, const Entry &b);
    void push(int id, Timer &timer);
    bool isLive(const Entry &entry) const;
    void compact();

    QHash<int, Timer> m_timers;
    QMultiHash<QObject *, int> m_byObject;
    std::vector<Entry> m_heap; ///< min-heap on deadline; entries of killed timers linger
    quint64 m_nextSequence = 1;
};

} // namespace dt::runtime
