// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timerheap.h"

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>

#include <functional>
#include <vector>

#include <sys/epoll.h>

namespace dt::runtime {

/// An event dispatcher for a thread that serves many sockets: Linux epoll for socket notifiers
/// (each loop pass costs O(ready sockets), where Qt 6.4's glib and UNIX dispatchers poll() every
/// registered socket and its glib one also walks a list per notifier change) and a TimerHeap for
/// timers (O(log n) where Qt's sorted array costs O(n) per timer started or killed). With 1,000
/// Modbus connections on one thread those linear costs dominate the CPU profile.
///
/// Install it before the thread's event loop exists: QThread::setEventDispatcher() before
/// start(), or QCoreApplication::setEventDispatcher() before the application object is built.
/// It delivers the same events as Qt's dispatchers (posted events first, then socket
/// activations, then due timers, each pass) with four differences: it cannot see Qt's private
/// "events pending" flag, so it relies on the wake-up every posted event triggers; a pass takes
/// at most ReadyPerPass ready sockets; events posted by socket handlers are also delivered right
/// after the sockets, before the timers; and a write notifier enabled on an established stream
/// (one that also has a read notifier) is activated without asking the kernel first, after the
/// sockets and again after the timers of the pass that enabled it. A socket enables its write
/// notifier when it has buffered data and disables it once the data is written, which is almost
/// always at the first try: two epoll_ctl calls per request saved on both ends of every Modbus
/// exchange. When the data does not all go (the notifier stays enabled), epoll watches for
/// writability as usual.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    /// Ready descriptors taken from epoll per pass. A small batch keeps a pass short when many
    /// replies arrive at once: the timers due meanwhile (the next polls) and the writes they
    /// queue go out between batches instead of after all of them, so requests keep flowing to
    /// the devices while replies are read. The rest stay ready for the next pass.
    static constexpr int ReadyPerPass = 16;

    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// False when the kernel refused an epoll or eventfd descriptor (then do not install it).
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(
        int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    int socketCount() const { return int(m_watches.size()); }
    int timerCount() const { return m_timers.size(); }
    /// Write notifiers activated without asking epoll, and those of them that then needed it.
    quint64 optimisticWrites() const { return m_optimisticTried; }
    quint64 optimisticFallbacks() const { return m_optimisticFallbacks; }

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0; ///< what epoll watches for this descriptor now
        /// The write notifier is activated later in the pass without asking epoll (see
        /// registerSocketNotifier); epoll watches EPOLLOUT only when that did not drain it.
        bool optimisticWrite = false;
    };

    static qint64 nowNs();
    static QSocketNotifier *&slotFor(Watch &watch, int type);
    void updateWatch(int fd, Watch &watch);
    int waitTimeoutMs(bool canWait);
    int activateSockets(int ready);
    int activateTimers();
    int activateOptimisticWrites();
    int sendActivations(std::vector<QSocketNotifier *> &pending,
        const std::function<void(QSocketNotifier *, int)> &afterEach);
    void drainWakeUp();

    int m_epoll = -1;
    int m_wake = -1; ///< eventfd written by wakeUp() from any thread
    QAtomicInt m_wakePending;
    QAtomicInt m_interrupted;
    QHash<int, Watch> m_watches;
    TimerHeap m_timers;
    /// Notifiers about to be activated in each (possibly nested) pass; unregistering one clears
    /// its entries so a notifier deleted by an earlier handler is never touched.
    std::vector<std::vector<QSocketNotifier *> *> m_activations;
    std::vector<epoll_event> m_events;
    std::vector<int> m_optimisticWrites; ///< descriptors whose write notifier is due a try
    quint64 m_optimisticTried = 0;
    quint64 m_optimisticFallbacks = 0;
};

/// The dispatcher for a thread that serves many devices: an EpollEventDispatcher, or nullptr
/// (keep Qt's default) when the environment says DT_EVENT_DISPATCHER=qt or epoll is unavailable.
/// The caller owns the result until it installs it.
QAbstractEventDispatcher *createDeviceEventDispatcher();

} // namespace dt::runtime
