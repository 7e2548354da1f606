// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace dt::runtime {

/// Deadlines of everything that polls on one thread, driven by ONE single-shot precise QTimer
/// armed at the earliest deadline. Qt 6.4 keeps its timers in a sorted array with linear insert
/// and removal; a thousand devices with a poll timer and a watchdog each made that list the
/// runtime's hottest code. Here a deadline costs a push into a binary heap, a cancel costs O(1)
/// (the heap entry is left behind and skipped when it surfaces: lazy cancellation), and the Qt
/// timer is re-armed at most once per firing pass, i.e. at most once per millisecond.
///
/// Ownership: users hold a std::shared_ptr from forCurrentThread(); the thread itself keeps only
/// a weak reference, so the scheduler lives exactly as long as something on that thread uses it
/// and needs no thread-exit hook. It must only be used on the thread that created it.
///
/// Firing: entries whose deadline has passed fire in deadline order (equal deadlines in the
/// order they were scheduled). A callback may schedule or cancel any entry (cancelling one due
/// in the same pass keeps it from firing) and may drop the last reference to the scheduler.
/// Entries scheduled during a pass fire in a later pass even when already due, so a callback
/// that re-schedules itself at "now" cannot spin the pass forever.
class PollScheduler : public std::enable_shared_from_this<PollScheduler>
{
public:
    /// Identifies one scheduled entry; 0 is "none". Stale handles are harmless.
    using Handle = quint64;

    /// The scheduler of the calling thread, created on first use.
    static std::shared_ptr<PollScheduler> forCurrentThread();

    PollScheduler();
    ~PollScheduler();
    PollScheduler(const PollScheduler &) = delete;
    PollScheduler &operator=(const PollScheduler &) = delete;

    /// Monotonic milliseconds, the time base of deadlines.
    static qint64 nowMs();

    /// Calls callback once, on this thread's event loop, when nowMs() >= deadlineMs (at once, in
    /// the next pass, for a deadline in the past).
    Handle schedule(qint64 deadlineMs, std::function<void()> callback);
    /// Forgets a pending entry; returns whether it was pending. A fired entry is no longer
    /// pending (its handle is stale from the moment its callback is called).
    bool cancel(Handle handle);
    bool isPending(Handle handle) const;
    /// Entries scheduled and not yet fired or cancelled.
    int pendingCount() const { return m_pending; }
    QThread *thread() const { return m_thread; }

    /// The next deadline of a periodic task that was due at previousDeadlineMs: one interval
    /// later, keeping the phase. When that is not after nowMs (the loop was blocked for a whole
    /// interval or more), the missed polls are dropped, not made up in a burst: the next slot of
    /// the same phase after nowMs.
    static qint64 nextPeriodicDeadline(qint64 previousDeadlineMs, qint64 intervalMs, qint64 nowMs);
    /// The first deadline for a periodic task with this phase (a fraction of the interval, in
    /// [0, 1)): the first slot of the phase at least half an interval after nowMs (the caller
    /// has just done the work itself). Slots are aligned to the scheduler's clock, so tasks with
    /// the same interval and spread phases stay spread however they start.
    static qint64 firstPeriodicDeadline(double phase, qint64 intervalMs, qint64 nowMs);
    /// Hands out phases for periodic tasks: 0, 0.618, 0.236, 0.854, ... (golden-ratio steps),
    /// so any number of tasks sharing a period are spread evenly over it, however many come.
    double nextPhase();

private:
    struct Entry
    {
        qint64 deadline;
        quint64 sequence; ///< order of scheduling: ties fire first-come first-served
        quint32 slot;
        quint32 generation;
    };
    struct Slot
    {
        std::function<void()> callback;
        quint32 generation = 1; ///< bumped when the entry fires or is cancelled
        bool pending = false;
    };
    // std::push_heap keeps the largest on top: "later" compares as smaller.
    struct Later
    {
        bool operator()(const Entry &a, const Entry &b) const
        {
            return a.deadline != b.deadline ? a.deadline > b.deadline : a.sequence > b.sequence;
        }
    };

    bool isLive(const Entry &entry) const;
    void release(quint32 slot);
    void fire();
    void arm();
    void compact();

    QThread *m_thread = nullptr;
    QTimer *m_timer = nullptr;
    std::vector<Entry> m_heap;
    std::vector<Slot> m_slots;
    std::vector<quint32> m_freeSlots;
    quint64 m_nextSequence = 0;
    qint64 m_armedFor = -1; ///< deadline the timer is running for, -1 when idle
    int m_pending = 0;
    int m_stale = 0; ///< cancelled entries still in the heap
    bool m_firing = false;
    quint64 m_phaseCounter = 0;
};

} // namespace dt::runtime
