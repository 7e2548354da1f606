// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modbusdeviceconfig.h"
#include "pollplanner.h"
#include "pollscheduler.h"

#include "common/quality.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVariant>

#include <memory>

class QModbusClient;
class QModbusDataUnit;
class QModbusReply;
class QTimer;

namespace dt::runtime {

enum class ConnectionState { Disconnected, Connecting, Connected, Backoff };

/// "disconnected", "connecting", "connected" or "backoff".
QString connectionStateName(ConnectionState state);

/// One Modbus device (TCP or RTU) polled on the caller's thread: one QModbusClient, polls and the
/// watchdog as deadlines of the thread's PollScheduler (one Qt timer for all devices of the
/// thread; each device polls at its own phase of the period, so devices sharing a period are
/// spread over it; the first poll goes at once on connect), the planner's blocks as read requests
/// with at most maxInFlight outstanding (a block still outstanding is not queued again), writes
/// ahead of reads. PollIntervalMs 0 is a continuous scan: each block is read again as soon as its
/// reply arrived. Per variable it reports values (only
/// when they change, and the first read after start or an outage) and quality: Good after a
/// successful read, Bad when no read succeeded for two poll periods (a watchdog, independent of
/// the request timeout; for a continuous scan, for one request timeout), on a refused read, and
/// at once on disconnect. A lost or refused
/// connection is retried after 50 ms, doubling up to 500 ms. Nothing here blocks, so many devices
/// share one thread and a dead one never delays the others.
class ModbusDevice : public QObject
{
    Q_OBJECT

public:
    struct Stats
    {
        quint64 pollsSent = 0; ///< read requests sent
        quint64 pollsSkipped = 0; ///< blocks not queued because still outstanding
        quint64 repliesOk = 0; ///< successful read replies
        quint64 errors = 0; ///< failed requests (protocol + transport)
        quint64 protocolErrors = 0; ///< the device answered with a Modbus exception
        quint64 transportErrors = 0; ///< timeout, connection lost, bad frame
        quint64 writesSent = 0;
        quint64 writesOk = 0;
        quint64 valuesUpdated = 0; ///< valueUpdated emissions
        quint64 wordsRead = 0; ///< registers or bits received
        quint64 connects = 0; ///< connections established
        qint64 lastRoundTripUs = -1; ///< request to reply of the last successful read
        qint64 maxRoundTripUs = 0;
        qint64 totalRoundTripUs = 0; ///< sum over repliesOk, for the mean
    };

    explicit ModbusDevice(ModbusDeviceConfig config, QObject *parent = nullptr);
    ~ModbusDevice() override;

    /// Connects and starts polling; reconnects by itself until stop().
    void start();
    /// Disconnects; pending writes fail, every polled variable turns Bad.
    void stop();

    ConnectionState state() const { return m_state; }
    const ModbusDeviceConfig &config() const { return m_config; }
    /// The read requests one poll sends.
    const QList<PollBlock> &blocks() const { return m_blocks; }
    /// Last decoded value of a variable (invalid before the first read) and its quality.
    QVariant value(int variableIndex) const;
    Quality quality(int variableIndex) const;
    Stats stats() const { return m_stats; }

    /// Writes an engineering value to a holding register or coil variable; with element >= 0,
    /// that one value of an array variable alone (at address + element × step(), the rest of
    /// the array untouched). Returns a request id; writeFinished(id, ...) follows. Returns -1
    /// when the variable or element is unknown or not writable, the value does not encode, or
    /// the device is not connected; writeFinished(-1, false, error) is then emitted from the
    /// event loop, and the error is also stored in *refusal when given.
    int write(
        int variableIndex, const QVariant &value, int element = -1, QString *refusal = nullptr);

Q_SIGNALS:
    void valueUpdated(int variableIndex, const QVariant &value, qint64 timestampMs);
    void qualityChanged(int variableIndex, dt::runtime::Quality quality, qint64 timestampMs);
    void connectionStateChanged(dt::runtime::ConnectionState state, const QString &detail);
    void writeFinished(int requestId, bool ok, const QString &error);

private:
    struct Request
    {
        int block = -1; ///< read: index into m_blocks
        int writeId = -1; ///< write: request id
        int variable = -1; ///< write: the variable written
        int element = -1; ///< write: its element written alone, -1 for all of it
        QVector<quint16> words;
    };
    struct BlockState
    {
        bool busy = false; ///< queued or in flight
        qint64 lastSuccessMs = -1;
    };
    struct VariableState
    {
        QVariant value;
        bool hasQuality = false;
        Quality quality = Quality::Bad;
        bool fresh = true; ///< next read reports the value even if unchanged
    };

    void createClient();
    void connectDevice();
    void onClientStateChanged(int state);
    void onConnected();
    void enterBackoff(const QString &reason);
    void setState(ConnectionState state, const QString &detail);
    void dropOutstanding(const QString &reason);
    void poll();
    void onPollDue();
    void cancelScheduled();
    /// A time of m_clock as a deadline of the scheduler's clock.
    qint64 schedulerTime(qint64 deviceMs) const;
    void queueBlock(int block, bool front);
    void pump();
    void send(const Request &request);
    void onReadFinished(QModbusReply *reply, int block, quint64 generation, qint64 sentUs);
    void onWriteFinished(QModbusReply *reply, int writeId, int variable, quint64 generation);
    void checkWatchdog();
    qint64 watchdogLimitMs() const;
    bool isContinuous() const { return m_config.pollIntervalMs == 0; }
    void checkSilence(const QModbusReply *reply);
    void armWatchdog();
    void setQuality(int variable, Quality quality, qint64 timestampMs);
    void markBad(const QList<int> &variables, qint64 timestampMs);
    void failWrite(int writeId, const QString &error);
    QString replyError(const QModbusReply *reply) const;

    ModbusDeviceConfig m_config;
    QModbusClient *m_client = nullptr;
    QTimer *m_reconnectTimer = nullptr; ///< only active in backoff
    QTimer *m_connectTimer = nullptr; ///< only active while connecting
    std::shared_ptr<PollScheduler> m_scheduler; ///< the thread's, taken at start()
    PollScheduler::Handle m_pollEntry = 0; ///< the next poll while connected
    qint64 m_pollDeadline = 0; ///< its deadline (scheduler time): the phase of the next one
    PollScheduler::Handle m_watchdogEntry = 0; ///< the next watchdog check while running
    double m_phase = -1; ///< fraction of the poll period this device polls at, from the scheduler
    QElapsedTimer m_clock;
    qint64 m_startMs = 0; ///< m_clock time of start(): the watchdog's origin
    qint64 m_lastAnswerMs = 0; ///< m_clock time of the last reply or of the connect
    ConnectionState m_state = ConnectionState::Disconnected;
    bool m_running = false;
    bool m_backoffReset = false; ///< a read succeeded since the last connect
    int m_backoffMs = 50;
    quint64 m_generation = 0; ///< bumped on every disconnect: older replies are stale
    QList<PollBlock> m_blocks;
    QList<BlockState> m_blockStates;
    QList<VariableState> m_variables;
    QList<int> m_variableBlock; ///< block index per variable, -1 when not polled
    QList<Request> m_queue;
    int m_inFlight = 0;
    int m_nextWriteId = 1;
    QList<int> m_pendingWrites; ///< queued or in flight
    Stats m_stats;
};

} // namespace dt::runtime
