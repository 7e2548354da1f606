// SPDX-License-Identifier: GPL-3.0-or-later
// EpollEventDispatcher drives this whole test process (installed before the application object),
// so QtTest's own waiting, QTimer, QTcpSocket, QProcess and QModbus all run on it; one case also
// runs it on a worker QThread.
#include "eventloop/epolleventdispatcher.h"
#include "testports.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QModbusTcpClient>
#include <QModbusTcpServer>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <array>
#include <memory>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using dt::runtime::EpollEventDispatcher;

namespace {

EpollEventDispatcher *dispatcher()
{
    return qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
}

// Records QObject::startTimer events by id.
class TimerSink : public QObject
{
public:
    QList<int> fired;
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        fired.append(event->timerId());
        if (onTimer)
            onTimer(event->timerId());
    }
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installed();
    void singleShotFiresOnce();
    void timersFireInDeadlineOrder();
    void periodicTimerKeepsFiring();
    void killInsideAnotherHandler();
    void restartInsideOwnHandler();
    void registeredTimersAndRemainingTime();
    void tenThousandTimersFireOnceEach();
    void nestedLoopDoesNotReenterTimer();
    void zeroTimerDoesNotStarvePostedEvents();
    void postedEventsFromOtherThreads();
    void tcpEchoManyClients();
    void bigWriteFallsBackToEpoll();
    void replyResultsAndTimerWritesLeaveInOnePass();
    void manyReadySocketsLetDueTimersIn();
    void deleteSocketInsideAnotherHandler();
    void descriptorReuseAfterClose();
    void processFinishes();
    void modbusRoundTrips();
    void workerThread();
};

void TestEpollDispatcher::installed()
{
    QVERIFY2(dispatcher(), "the test's main thread must run on EpollEventDispatcher");
    QVERIFY(dispatcher()->isValid());
}

void TestEpollDispatcher::singleShotFiresOnce()
{
    int count = 0;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setInterval(5);
    connect(&timer, &QTimer::timeout, this, [&count] { ++count; });
    timer.start();
    QTRY_COMPARE(count, 1);
    QTest::qWait(30);
    QCOMPARE(count, 1);
    QVERIFY(!timer.isActive());
}

void TestEpollDispatcher::timersFireInDeadlineOrder()
{
    QList<int> order;
    std::vector<std::unique_ptr<QTimer>> timers;
    const int intervals[] = { 40, 10, 30, 0, 20 };
    for (int interval : intervals) {
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        connect(
            timer.get(), &QTimer::timeout, this, [&order, interval] { order.append(interval); });
        timer->start(interval);
        timers.push_back(std::move(timer));
    }
    QTRY_COMPARE(order.size(), 5);
    QCOMPARE(order, (QList<int> { 0, 10, 20, 30, 40 }));
}

void TestEpollDispatcher::periodicTimerKeepsFiring()
{
    QElapsedTimer clock;
    clock.start();
    QList<qint64> at;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    connect(&timer, &QTimer::timeout, this, [&] { at.append(clock.elapsed()); });
    timer.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(at.size() >= 10, 10000);
    timer.stop();
    const qsizetype seen = at.size();
    QTest::qWait(40);
    QCOMPARE(at.size(), seen);
    // Never early: the n-th tick comes at least n intervals after the start.
    for (qsizetype i = 0; i < at.size(); ++i)
        QVERIFY2(at[i] >= 10 * (i + 1) - 1, qPrintable(u"tick %1 at %2 ms"_s.arg(i).arg(at[i])));
}

void TestEpollDispatcher::killInsideAnotherHandler()
{
    TimerSink sink;
    const int first = sink.startTimer(5, Qt::PreciseTimer);
    const int second = sink.startTimer(5, Qt::PreciseTimer);
    QVERIFY(first > 0 && second > 0);
    sink.onTimer = [&](int id) {
        if (id == first) {
            sink.killTimer(first);
            sink.killTimer(second); // due in the same pass: must not fire now or later
        }
    };
    QTRY_VERIFY(!sink.fired.isEmpty());
    QTest::qWait(40);
    QCOMPARE(sink.fired, QList<int> { first });
    QCOMPARE(dispatcher()->registeredTimers(&sink).size(), 0);
}

void TestEpollDispatcher::restartInsideOwnHandler()
{
    int count = 0;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, this, [&] {
        if (++count < 5)
            timer.start(2);
    });
    timer.start(2);
    QTRY_COMPARE(count, 5);
    QTest::qWait(20);
    QCOMPARE(count, 5);
}

void TestEpollDispatcher::registeredTimersAndRemainingTime()
{
    TimerSink sink;
    const int slow = sink.startTimer(5000, Qt::VeryCoarseTimer);
    const int fast = sink.startTimer(1000, Qt::PreciseTimer);
    const QList<QAbstractEventDispatcher::TimerInfo> infos = dispatcher()->registeredTimers(&sink);
    QCOMPARE(infos.size(), 2);
    for (const QAbstractEventDispatcher::TimerInfo &info : infos) {
        QVERIFY(info.timerId == slow || info.timerId == fast);
        QCOMPARE(info.interval, info.timerId == slow ? 5000 : 1000);
        QCOMPARE(info.timerType, info.timerId == slow ? Qt::VeryCoarseTimer : Qt::PreciseTimer);
    }
    const int left = dispatcher()->remainingTime(fast);
    QVERIFY2(left > 0 && left <= 1000, qPrintable(QString::number(left)));
    QCOMPARE(dispatcher()->remainingTime(123456789), -1);
    sink.killTimer(slow);
    QCOMPARE(dispatcher()->registeredTimers(&sink).size(), 1);
    QVERIFY(dispatcher()->unregisterTimers(&sink));
    QCOMPARE(dispatcher()->registeredTimers(&sink).size(), 0);
}

void TestEpollDispatcher::tenThousandTimersFireOnceEach()
{
    const int before = dispatcher()->timerCount();
    constexpr int Count = 10000;
    std::vector<int> hits(Count, 0);
    std::vector<std::unique_ptr<QTimer>> timers;
    timers.reserve(Count);
    for (int i = 0; i < Count; ++i) {
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        connect(timer.get(), &QTimer::timeout, this, [&hits, i] { ++hits[size_t(i)]; });
        timer->start(i % 50);
        timers.push_back(std::move(timer));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(hits.cbegin(), hits.cend(), [](int h) { return h > 0; }), 20000);
    QTest::qWait(60);
    QVERIFY(std::all_of(hits.cbegin(), hits.cend(), [](int h) { return h == 1; }));
    QCOMPARE(dispatcher()->timerCount(), before);
}

void TestEpollDispatcher::nestedLoopDoesNotReenterTimer()
{
    int outer = 0;
    int other = 0;
    int depth = 0;
    int maxDepth = 0;
    QTimer ticking;
    connect(&ticking, &QTimer::timeout, this, [&] { ++other; });
    QTimer blocking;
    connect(&blocking, &QTimer::timeout, this, [&] {
        ++outer;
        maxDepth = std::max(maxDepth, ++depth);
        if (outer == 1) {
            // A handler that waits in a nested loop for several of its own intervals.
            QEventLoop loop;
            QTimer::singleShot(60, &loop, &QEventLoop::quit);
            loop.exec();
        }
        --depth;
    });
    ticking.start(5);
    blocking.start(10);
    QTRY_VERIFY(outer >= 2);
    QCOMPARE(maxDepth, 1); // never fired inside its own handler
    QVERIFY2(other >= 5, "other timers keep firing inside the nested loop");
}

void TestEpollDispatcher::zeroTimerDoesNotStarvePostedEvents()
{
    int spins = 0;
    QTimer busy;
    connect(&busy, &QTimer::timeout, this, [&spins] { ++spins; });
    busy.start(0);
    bool delivered = false;
    QMetaObject::invokeMethod(
        this, [&delivered] { delivered = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(delivered);
    QTRY_VERIFY(spins > 10);
}

void TestEpollDispatcher::postedEventsFromOtherThreads()
{
    constexpr int PerThread = 2000;
    int received = 0;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([this, &received] {
            for (int i = 0; i < PerThread; ++i) {
                QMetaObject::invokeMethod(
                    this, [&received] { ++received; }, Qt::QueuedConnection);
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(20000));
    QTRY_COMPARE(received, 4 * PerThread);
}

void TestEpollDispatcher::tcpEchoManyClients()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        while (QTcpSocket *peer = server.nextPendingConnection()) {
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
            connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
        }
    });
    constexpr int Clients = 300;
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    std::vector<QByteArray> echoes(Clients);
    for (int i = 0; i < Clients; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        const QByteArray message = "client " + QByteArray::number(i) + '\n';
        connect(s, &QTcpSocket::connected, s, [s, message] { s->write(message); });
        connect(
            s, &QTcpSocket::readyRead, s, [s, &echoes, i] { echoes[size_t(i)] += s->readAll(); });
        s->connectToHost(QHostAddress::LocalHost, server.serverPort());
        clients.push_back(std::move(socket));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(echoes.cbegin(), echoes.cend(),
                                 [](const QByteArray &e) { return e.endsWith('\n'); }),
        20000);
    for (int i = 0; i < Clients; ++i)
        QCOMPARE(echoes[size_t(i)], "client " + QByteArray::number(i) + '\n');
    QVERIFY(dispatcher()->socketCount() >= 2 * Clients);
    for (auto &client : clients)
        client->disconnectFromHost();
    clients.clear();
    QTRY_VERIFY_WITH_TIMEOUT(dispatcher()->socketCount() <= 2, 10000); // the server's listener
}

void TestEpollDispatcher::bigWriteFallsBackToEpoll()
{
    // Small writes go out at the first, optimistic try of the write notifier; 32 MiB to a peer
    // that reads nothing at first cannot, so the socket's write notifier must then be watched
    // by epoll until the peer drains it.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket sender;
    sender.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *receiver = server.nextPendingConnection();
    QTRY_COMPARE(sender.state(), QAbstractSocket::ConnectedState);

    // The first write may still find the write notifier of the connect enabled (then epoll
    // handles it); the later ones start from a drained socket.
    const quint64 triedBefore = dispatcher()->optimisticWrites();
    for (int i = 0; i < 3; ++i) {
        sender.write("small");
        QTRY_COMPARE(receiver->bytesAvailable(), qint64(5));
        QCOMPARE(receiver->readAll(), QByteArray("small"));
    }
    QVERIFY(dispatcher()->optimisticWrites() > triedBefore);

    const quint64 fallbacksBefore = dispatcher()->optimisticFallbacks();
    QByteArray big(32 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < big.size(); i += 4096)
        big[i] = char(i / 4096);
    receiver->setReadBufferSize(64 * 1024); // reads only as fast as the test drains it
    sender.write(big);
    QTest::qWait(200); // the sender is stuck with most of it now
    QVERIFY(sender.bytesToWrite() > 0);
    QVERIFY(dispatcher()->optimisticFallbacks() > fallbacksBefore);
    QByteArray received = receiver->readAll();
    receiver->setReadBufferSize(0); // now drain at full speed
    connect(receiver, &QTcpSocket::readyRead, this, [&] { received += receiver->readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), big.size(), 30000);
    QVERIFY(received == big);
    QTRY_COMPARE(sender.bytesToWrite(), qint64(0));
}

// One loop pass with a readable socket and a due timer: what the socket's handler posts (the
// twin's flush of a Modbus reply) is delivered before the timer, and what the timer writes (the
// next poll's request) is on the wire before the next pass starts.
void TestEpollDispatcher::replyResultsAndTimerWritesLeaveInOnePass()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    QTest::qWait(50); // the connect's own write notifier is done with

    QObject scope; // the handlers below go with the test's locals
    QStringList order;
    int pass = 0;
    int timerPass = -1;
    qint64 unsentAtNextPass = -1;
    connect(dispatcher(), &QAbstractEventDispatcher::awake, &scope, [&] {
        ++pass;
        if (timerPass >= 0 && unsentAtNextPass < 0 && pass > timerPass)
            unsentAtNextPass = client.bytesToWrite();
    });
    connect(peer, &QTcpSocket::readyRead, &scope, [&] {
        peer->readAll();
        order.append(u"read"_s);
        QMetaObject::invokeMethod(
            &scope, [&order] { order.append(u"posted"_s); }, Qt::QueuedConnection);
    });
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    connect(&timer, &QTimer::timeout, &scope, [&] {
        order.append(u"timer"_s);
        timerPass = pass;
        client.write("poll");
    });

    QVERIFY(client.write("reply") == 5);
    QVERIFY(client.waitForBytesWritten(1000)); // on the wire, outside the event loop
    timer.start(20);
    QThread::msleep(40); // both due when the next pass looks
    QCoreApplication::processEvents();
    QCOMPARE(order, (QStringList { u"read"_s, u"posted"_s, u"timer"_s }));
    QTRY_VERIFY(unsentAtNextPass >= 0);
    QCOMPARE(unsentAtNextPass, qint64(0));
    QTRY_COMPARE(order.count(u"read"_s), 2); // and the peer got it
}

// Four batches of readable sockets and a due timer: the timer fires after the first batch, not
// after every socket; the sockets left over are handled in the next passes.
void TestEpollDispatcher::manyReadySocketsLetDueTimersIn()
{
    constexpr int Batch = EpollEventDispatcher::ReadyPerPass;
    constexpr int Count = 4 * Batch;
    std::vector<std::array<int, 2>> pairs(Count);
    std::vector<std::unique_ptr<QSocketNotifier>> notifiers;
    QObject scope; // the handlers below go with the test's locals
    QStringList order;
    for (std::array<int, 2> &pair : pairs) {
        QVERIFY(
            ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair.data()) == 0);
        auto notifier = std::make_unique<QSocketNotifier>(pair[0], QSocketNotifier::Read);
        const int fd = pair[0];
        connect(notifier.get(), &QSocketNotifier::activated, &scope, [fd, &order] {
            char byte = 0;
            if (::read(fd, &byte, 1) == 1)
                order.append(u"read"_s);
        });
        notifiers.push_back(std::move(notifier));
    }
    QCoreApplication::processEvents(); // nothing left over from earlier cases
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    connect(&timer, &QTimer::timeout, &scope, [&order] { order.append(u"timer"_s); });
    timer.start(10);
    for (const std::array<int, 2> &pair : pairs)
        QCOMPARE(::write(pair[1], "x", 1), ssize_t(1));
    QThread::msleep(20); // every socket readable and the timer due when the next pass looks

    QCoreApplication::processEvents();
    // One batch (less one place if a wake-up took it), then the timer, then the pass ends.
    const qsizetype timerAt = order.indexOf(u"timer"_s);
    QVERIFY2(timerAt >= Batch - 1 && timerAt <= Batch, qPrintable(order.join(u' ')));
    QCOMPARE(order.size(), timerAt + 1);
    QTRY_COMPARE(order.count(u"read"_s), Count);

    notifiers.clear();
    for (const std::array<int, 2> &pair : pairs) {
        ::close(pair[0]);
        ::close(pair[1]);
    }
}

void TestEpollDispatcher::deleteSocketInsideAnotherHandler()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QList<QPointer<QTcpSocket>> peers;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *peer = server.nextPendingConnection())
            peers.append(peer);
    });
    QTcpSocket a;
    QTcpSocket b;
    a.connectToHost(QHostAddress::LocalHost, server.serverPort());
    b.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_COMPARE(peers.size(), 2);
    // Both peers become readable in the same pass; whichever is handled first deletes the other.
    int handled = 0;
    for (qsizetype i = 0; i < 2; ++i) {
        QTcpSocket *self = peers[i];
        QPointer<QTcpSocket> other = peers[1 - i];
        connect(self, &QTcpSocket::readyRead, self, [self, other, &handled] {
            ++handled;
            self->readAll();
            delete other.data();
        });
    }
    a.write("x");
    b.write("y");
    QVERIFY(a.waitForBytesWritten(5000) && b.waitForBytesWritten(5000));
    QTRY_VERIFY(handled >= 1);
    QTest::qWait(30);
    QCOMPARE(handled, 1);
    QCOMPARE(std::count_if(peers.cbegin(), peers.cend(), [](const auto &p) { return !p; }), 1);
}

void TestEpollDispatcher::descriptorReuseAfterClose()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int accepted = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *peer = server.nextPendingConnection()) {
            ++accepted;
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
            connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
        }
    });
    // The kernel hands out the lowest free descriptor: each new socket reuses the last one's.
    for (int round = 0; round < 20; ++round) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QByteArray echo;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { echo += socket.readAll(); });
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write("ping");
        QTRY_COMPARE(echo, QByteArray("ping"));
        socket.abort();
    }
    QCOMPARE(accepted, 20);
}

void TestEpollDispatcher::processFinishes()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(u"/bin/sh"_s, { u"-c"_s, u"echo hello; exit 3"_s });
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.exitCode(), 3);
    QCOMPARE(process.readAllStandardOutput(), QByteArray("hello\n"));
}

void TestEpollDispatcher::modbusRoundTrips()
{
    QModbusTcpServer server;
    QModbusDataUnitMap map;
    map.insert(QModbusDataUnit::HoldingRegisters, { QModbusDataUnit::HoldingRegisters, 0, 10 });
    server.setMap(map);
    server.setServerAddress(1);
    const quint16 port = dt::test::freePort();
    QVERIFY(port);
    server.setConnectionParameter(QModbusDevice::NetworkAddressParameter, u"127.0.0.1"_s);
    server.setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
    QVERIFY2(server.connectDevice(), qPrintable(server.errorString()));

    QModbusTcpClient client;
    client.setConnectionParameter(QModbusDevice::NetworkAddressParameter, u"127.0.0.1"_s);
    client.setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
    client.setTimeout(2000);
    QVERIFY(client.connectDevice());
    QTRY_COMPARE(client.state(), QModbusDevice::ConnectedState);
    for (quint16 i = 0; i < 100; ++i) {
        QVERIFY(server.setData(QModbusDataUnit::HoldingRegisters, 3, quint16(1000 + i)));
        QModbusReply *reply
            = client.sendReadRequest({ QModbusDataUnit::HoldingRegisters, 3, 1 }, 1);
        QVERIFY(reply);
        QSignalSpy done(reply, &QModbusReply::finished);
        QVERIFY(reply->isFinished() || done.wait(5000));
        QCOMPARE(reply->error(), QModbusDevice::NoError);
        QCOMPARE(reply->result().value(0), quint16(1000 + i));
        delete reply;
    }
}

void TestEpollDispatcher::workerThread()
{
    QThread thread;
    auto *worker = new EpollEventDispatcher;
    thread.setEventDispatcher(worker);
    int ticks = 0;
    QAtomicInt ranOn;
    QTimer *timer = new QTimer;
    timer->moveToThread(&thread);
    connect(&thread, &QThread::started, timer, [timer] { timer->start(2); });
    connect(
        timer, &QTimer::timeout, this, [&ticks] { ++ticks; }, Qt::QueuedConnection);
    connect(&thread, &QThread::finished, timer, &QObject::deleteLater);
    thread.start();
    QTRY_VERIFY(ticks >= 5);
    QMetaObject::invokeMethod(
        timer,
        [&ranOn] {
            ranOn.storeRelaxed(QAbstractEventDispatcher::instance() != nullptr
                        && qobject_cast<EpollEventDispatcher *>(
                            QAbstractEventDispatcher::instance())
                    ? 1
                    : 2);
        },
        Qt::BlockingQueuedConnection);
    QCOMPARE(ranOn.loadRelaxed(), 1);
    thread.quit(); // interrupt() must end the worker's blocking wait
    QVERIFY(thread.wait(5000));
}

int main(int argc, char **argv)
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
