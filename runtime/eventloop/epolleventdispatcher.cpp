// SPDX-License-Identifier: GPL-3.0-or-later
#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <functional>
#include <memory>
#include <utility>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace dt::runtime {

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_events(ReadyPerPass)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epoll < 0 || m_wake < 0) {
        qErrnoWarning("EpollEventDispatcher: cannot create its descriptors");
        return;
    }
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wake;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event) != 0)
        qErrnoWarning("EpollEventDispatcher: cannot watch its wake-up descriptor");
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowNs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

QSocketNotifier *&EpollEventDispatcher::slotFor(Watch &watch, int type)
{
    switch (QSocketNotifier::Type(type)) {
    case QSocketNotifier::Read:
        return watch.read;
    case QSocketNotifier::Write:
        return watch.write;
    case QSocketNotifier::Exception:
        break;
    }
    return watch.exception;
}

// Tells epoll what the descriptor's notifiers want now. The kernel forgets a descriptor when it
// is closed, so MOD may find nothing (ENOENT) and ADD may find a stale registration (EEXIST).
void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    quint32 wanted = 0;
    if (watch.read)
        wanted |= EPOLLIN;
    if (watch.write && !watch.optimisticWrite)
        wanted |= EPOLLOUT;
    if (watch.exception)
        wanted |= EPOLLPRI;
    if (wanted == watch.events)
        return;
    epoll_event event {};
    event.events = wanted;
    event.data.fd = fd;
    int result = 0;
    if (wanted == 0) {
        result = epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event);
        if (result != 0 && (errno == ENOENT || errno == EBADF))
            result = 0; // already gone with the closed descriptor
    } else if (watch.events == 0) {
        result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        if (result != 0 && errno == EEXIST)
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    } else {
        result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        if (result != 0 && errno == ENOENT)
            result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
    if (result != 0)
        qErrnoWarning("EpollEventDispatcher: cannot watch socket %d", fd);
    watch.events = result == 0 ? wanted : 0;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    QSocketNotifier *&slot = slotFor(watch, notifier->type());
    if (slot && slot != notifier)
        qWarning(
            "EpollEventDispatcher: a second socket notifier of the same type for socket %d", fd);
    slot = notifier;
    if (notifier->type() == QSocketNotifier::Write && watch.read && !watch.optimisticWrite
        && !(watch.events & EPOLLOUT)) {
        watch.optimisticWrite = true;
        m_optimisticWrites.push_back(fd);
        return;
    }
    updateWatch(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    for (std::vector<QSocketNotifier *> *pending : m_activations) {
        for (QSocketNotifier *&entry : *pending) {
            if (entry == notifier)
                entry = nullptr;
        }
    }
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    QSocketNotifier *&slot = slotFor(*it, notifier->type());
    if (slot != notifier)
        return;
    slot = nullptr;
    if (notifier->type() == QSocketNotifier::Write)
        it->optimisticWrite = false; // its entry in m_optimisticWrites is skipped
    updateWatch(fd, *it);
    if (!it->read && !it->write && !it->exception)
        m_watches.erase(it);
}

void EpollEventDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    m_timers.add(timerId, interval, timerType, object, nowNs());
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(
    QObject *object) const
{
    return m_timers.timersOf(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingMs(timerId, nowNs());
}

void EpollEventDispatcher::wakeUp()
{
    // Any thread. One write until the loop has seen it: the counter needs no more.
    if (m_wakePending.testAndSetAcquire(0, 1)) {
        const quint64 one = 1;
        while (::write(m_wake, &one, sizeof one) < 0 && errno == EINTR) { }
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelease(1);
    wakeUp();
}

void EpollEventDispatcher::drainWakeUp()
{
    quint64 count = 0;
    while (::read(m_wake, &count, sizeof count) < 0 && errno == EINTR) { }
    m_wakePending.storeRelease(0);
}

int EpollEventDispatcher::waitTimeoutMs(bool canWait)
{
    if (!canWait)
        return 0;
    const qint64 deadline = m_timers.nextDeadlineNs();
    if (deadline < 0)
        return -1;
    const qint64 left = deadline - nowNs();
    if (left <= 0)
        return 0;
    // Round up: waking a little late fires the timer; waking early would only spin.
    return int(std::min<qint64>((left + 999999) / 1000000, 24 * 3600 * 1000));
}

int EpollEventDispatcher::activateSockets(int ready)
{
    std::vector<QSocketNotifier *> pending;
    pending.reserve(size_t(ready) * 2);
    for (int i = 0; i < ready; ++i) {
        const epoll_event &event = m_events[size_t(i)];
        const int fd = event.data.fd;
        if (fd == m_wake)
            continue;
        const auto it = m_watches.constFind(fd);
        if (it == m_watches.cend())
            continue;
        // As Qt's own dispatcher: a hang-up or an error wakes every notifier of the socket.
        const quint32 broken = EPOLLHUP | EPOLLERR;
        if (it->read && (event.events & (EPOLLIN | EPOLLRDHUP | broken)))
            pending.push_back(it->read);
        if (it->write && (event.events & (EPOLLOUT | broken)))
            pending.push_back(it->write);
        if (it->exception && (event.events & (EPOLLPRI | broken)))
            pending.push_back(it->exception);
    }
    return sendActivations(pending, {});
}

// Sends SockAct to each notifier in turn. An earlier handler may unregister (or delete) a later
// one: unregisterSocketNotifier() clears its entries here, so it is skipped.
int EpollEventDispatcher::sendActivations(std::vector<QSocketNotifier *> &pending,
    const std::function<void(QSocketNotifier *, int)> &afterEach)
{
    m_activations.push_back(&pending);
    int activated = 0;
    for (QSocketNotifier *&notifier : pending) {
        QSocketNotifier *target = std::exchange(notifier, nullptr);
        if (!target)
            continue;
        const int fd = int(target->socket());
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(target, &event);
        ++activated;
        if (afterEach)
            afterEach(target, fd); // target may be deleted now: compare, never dereference
    }
    m_activations.pop_back();
    return activated;
}

// Write notifiers enabled since the last pass, tried without epoll. One that is still enabled
// after its activation did not get all its data out: from now on epoll watches it.
int EpollEventDispatcher::activateOptimisticWrites()
{
    if (m_optimisticWrites.empty())
        return 0;
    std::vector<int> due;
    due.swap(m_optimisticWrites);
    std::vector<QSocketNotifier *> pending;
    pending.reserve(due.size());
    for (int fd : due) {
        const auto it = m_watches.constFind(fd);
        if (it != m_watches.cend() && it->optimisticWrite && it->write)
            pending.push_back(it->write);
    }
    return sendActivations(pending, [this](QSocketNotifier *target, int fd) {
        ++m_optimisticTried;
        const auto it = m_watches.find(fd);
        if (it != m_watches.end() && it->write == target && it->optimisticWrite) {
            it->optimisticWrite = false;
            updateWatch(fd, *it);
            ++m_optimisticFallbacks;
        }
    });
}

int EpollEventDispatcher::activateTimers()
{
    const std::vector<TimerHeap::Due> due = m_timers.takeDue(nowNs());
    int fired = 0;
    for (const TimerHeap::Due &timer : due) {
        // Killed (or killed and its id reused) by an earlier handler of this pass: no event.
        if (!m_timers.isFiring(timer.id))
            continue;
        QTimerEvent event(timer.id);
        QCoreApplication::sendEvent(timer.object, &event);
        m_timers.finished(timer.id);
        ++fired;
    }
    return fired;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool includeSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool canWait
        = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupted.loadRelaxed())
        return false;

    // Write notifiers waiting for their optimistic try are work for this pass: do not block.
    const bool writesDue = includeSockets && !m_optimisticWrites.empty();
    int timeout
        = includeTimers ? waitTimeoutMs(canWait && !writesDue) : (canWait && !writesDue ? -1 : 0);
    int handled = 0;
    if (includeSockets) {
        const int ready = epoll_wait(m_epoll, m_events.data(), int(m_events.size()), timeout);
        if (ready < 0 && errno != EINTR)
            qErrnoWarning("EpollEventDispatcher: epoll_wait");
        for (int i = 0; i < ready; ++i) {
            if (m_events[size_t(i)].data.fd == m_wake) {
                drainWakeUp();
                ++handled;
            }
        }
        if (ready > 0) {
            handled += activateSockets(ready);
            // What the socket handlers posted (a twin's flush of the replies just read) before
            // the timers: their results leave this pass instead of waiting for the next one.
            QCoreApplication::sendPostedEvents();
        }
        handled += activateOptimisticWrites();
    } else {
        // Sockets excluded: wait for a wake-up or a timer only (ready sockets would spin epoll).
        pollfd wake { m_wake, POLLIN, 0 };
        if (::poll(&wake, 1, timeout) > 0) {
            drainWakeUp();
            ++handled;
        }
    }
    if (includeTimers)
        handled += activateTimers();
    // Again after the timers, so the requests they queued (polls) are written in this pass.
    if (includeSockets)
        handled += activateOptimisticWrites();
    return handled > 0;
}

QAbstractEventDispatcher *createDeviceEventDispatcher()
{
    if (qEnvironmentVariable("DT_EVENT_DISPATCHER") == QLatin1StringView("qt"))
        return nullptr;
    auto dispatcher = std::make_unique<EpollEventDispatcher>();
    return dispatcher->isValid() ? dispatcher.release() : nullptr;
}

} // namespace dt::runtime
