// SPDX-License-Identifier: GPL-3.0-or-later
#include "modbusdevice.h"

#include "modbuscodec.h"
#include "modbuslogging.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QModbusReply>
#include <QModbusRtuSerialClient>
#include <QModbusTcpClient>
#include <QSerialPort>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

constexpr int FirstBackoffMs = 50;
constexpr int MaxBackoffMs = 500;

QModbusDataUnit::RegisterType unitType(RegisterType type)
{
    switch (type) {
    case RegisterType::Coil:
        return QModbusDataUnit::Coils;
    case RegisterType::DiscreteInput:
        return QModbusDataUnit::DiscreteInputs;
    case RegisterType::InputRegister:
        return QModbusDataUnit::InputRegisters;
    case RegisterType::HoldingRegister:
        break;
    }
    return QModbusDataUnit::HoldingRegisters;
}

QSerialPort::Parity serialParity(QChar parity)
{
    switch (parity.toUpper().unicode()) {
    case u'N':
        return QSerialPort::NoParity;
    case u'O':
        return QSerialPort::OddParity;
    case u'S':
        return QSerialPort::SpaceParity;
    case u'M':
        return QSerialPort::MarkParity;
    default:
        break;
    }
    return QSerialPort::EvenParity;
}

QSerialPort::StopBits serialStopBits(int stopBits)
{
    if (stopBits == 2)
        return QSerialPort::TwoStop;
    if (stopBits == 3)
        return QSerialPort::OneAndHalfStop;
    return QSerialPort::OneStop;
}

QString exceptionName(QModbusPdu::ExceptionCode code)
{
    switch (code) {
    case QModbusPdu::IllegalFunction:
        return u"illegal function"_s;
    case QModbusPdu::IllegalDataAddress:
        return u"illegal data address"_s;
    case QModbusPdu::IllegalDataValue:
        return u"illegal data value"_s;
    case QModbusPdu::ServerDeviceFailure:
        return u"server device failure"_s;
    case QModbusPdu::ServerDeviceBusy:
        return u"server device busy"_s;
    case QModbusPdu::GatewayPathUnavailable:
        return u"gateway path unavailable"_s;
    case QModbusPdu::GatewayTargetDeviceFailedToRespond:
        return u"gateway target failed to respond"_s;
    default:
        break;
    }
    return u"exception"_s;
}

qint64 wallClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return u"disconnected"_s;
    case ConnectionState::Connecting:
        return u"connecting"_s;
    case ConnectionState::Connected:
        return u"connected"_s;
    case ConnectionState::Backoff:
        break;
    }
    return u"backoff"_s;
}

ModbusDevice::ModbusDevice(ModbusDeviceConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_clock.start();
    m_blocks = planPolls(m_config.variables);
    m_blockStates.resize(m_blocks.size());
    m_variables.resize(m_config.variables.size());
    m_variableBlock.fill(-1, m_config.variables.size());
    for (int b = 0; b < m_blocks.size(); ++b) {
        for (int v : std::as_const(m_blocks.at(b).variables))
            m_variableBlock[v] = b;
    }

    createClient();

    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ModbusDevice::connectDevice);

    // A connect to an unreachable host can hang for minutes in the kernel: give up after the
    // request timeout and retry with backoff instead.
    m_connectTimer = new QTimer(this);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_running && m_state == ConnectionState::Connecting) {
            qCDebug(lcModbus) << m_config.name << "connect timed out";
            enterBackoff(u"connect timed out after %1 ms"_s.arg(m_connectTimer->interval()));
            m_client->disconnectDevice();
        }
    });
}

ModbusDevice::~ModbusDevice()
{
    m_running = false;
    cancelScheduled();
    // Nothing the client does while it goes away may call back into a half-destroyed device.
    m_client->disconnect(this);
}

// A fresh client: at construction, and when the old one is stuck closing a dead connection.
void ModbusDevice::createClient()
{
    if (m_client) {
        m_client->disconnect(this);
        m_client->deleteLater(); // its replies are its children and go with it
    }
    if (m_config.transport == ModbusDeviceConfig::Transport::Rtu) {
        m_client = new QModbusRtuSerialClient(this);
        m_client->setConnectionParameter(
            QModbusDevice::SerialPortNameParameter, m_config.serialPort);
        m_client->setConnectionParameter(QModbusDevice::SerialBaudRateParameter, m_config.baudRate);
        m_client->setConnectionParameter(
            QModbusDevice::SerialParityParameter, serialParity(m_config.parity));
        m_client->setConnectionParameter(QModbusDevice::SerialDataBitsParameter, m_config.dataBits);
        m_client->setConnectionParameter(
            QModbusDevice::SerialStopBitsParameter, serialStopBits(m_config.stopBits));
    } else {
        m_client = new QModbusTcpClient(this);
        m_client->setConnectionParameter(QModbusDevice::NetworkAddressParameter, m_config.host);
        m_client->setConnectionParameter(QModbusDevice::NetworkPortParameter, m_config.port);
    }
    m_client->setTimeout(std::max(10, m_config.timeoutMs));
    m_client->setNumberOfRetries(std::max(0, m_config.retries));
    connect(m_client, &QModbusDevice::stateChanged, this,
        [this](QModbusDevice::State state) { onClientStateChanged(int(state)); });
}

void ModbusDevice::start()
{
    if (m_running)
        return;
    m_running = true;
    // The scheduler of the thread the device runs on (a device may be created on another thread
    // and moved before it starts). The phase stays with the device from then on.
    if (!m_scheduler || m_scheduler->thread() != QThread::currentThread()) {
        cancelScheduled();
        m_scheduler = PollScheduler::forCurrentThread();
        m_phase = m_scheduler->nextPhase();
    }
    m_backoffMs = FirstBackoffMs;
    m_startMs = m_clock.elapsed();
    for (BlockState &block : m_blockStates)
        block.lastSuccessMs = -1;
    armWatchdog();
    connectDevice();
}

void ModbusDevice::stop()
{
    if (!m_running && m_state == ConnectionState::Disconnected)
        return;
    m_running = false;
    cancelScheduled();
    m_reconnectTimer->stop();
    m_connectTimer->stop();
    dropOutstanding(u"device stopped"_s);
    if (m_client->state() != QModbusDevice::UnconnectedState)
        m_client->disconnectDevice();
    setState(ConnectionState::Disconnected, u"stopped"_s);
}

QVariant ModbusDevice::value(int variableIndex) const
{
    if (variableIndex < 0 || variableIndex >= m_variables.size())
        return {};
    return m_variables.at(variableIndex).value;
}

Quality ModbusDevice::quality(int variableIndex) const
{
    if (variableIndex < 0 || variableIndex >= m_variables.size())
        return Quality::Bad;
    const VariableState &variable = m_variables.at(variableIndex);
    return variable.hasQuality ? variable.quality : Quality::Bad;
}

void ModbusDevice::connectDevice()
{
    if (!m_running)
        return;
    const QString where = m_config.transport == ModbusDeviceConfig::Transport::Tcp
        ? u"%1:%2"_s.arg(m_config.host).arg(m_config.port)
        : m_config.serialPort;
    setState(ConnectionState::Connecting, where);
    m_connectTimer->start(std::max(100, m_config.timeoutMs));
    if (m_client->state() != QModbusDevice::UnconnectedState)
        createClient();
    if (!m_client->connectDevice() && m_state == ConnectionState::Connecting)
        enterBackoff(m_client->errorString());
}

void ModbusDevice::onClientStateChanged(int state)
{
    switch (QModbusDevice::State(state)) {
    case QModbusDevice::ConnectedState:
        if (m_running && m_state == ConnectionState::Connecting)
            onConnected();
        break;
    case QModbusDevice::UnconnectedState:
        if (!m_running) {
            setState(ConnectionState::Disconnected, u"stopped"_s);
        } else if (m_state != ConnectionState::Backoff) {
            const QString error = m_client->error() != QModbusDevice::NoError
                ? m_client->errorString()
                : u"connection closed"_s;
            enterBackoff(error);
        }
        break;
    case QModbusDevice::ConnectingState:
    case QModbusDevice::ClosingState:
        break;
    }
}

void ModbusDevice::onConnected()
{
    m_connectTimer->stop();
    ++m_stats.connects;
    m_backoffReset = false;
    m_lastAnswerMs = m_clock.elapsed();
    // Modbus is request/response with small frames: without TCP_NODELAY, Nagle's algorithm holds
    // a request written while an earlier one is unacknowledged until the peer's (possibly
    // delayed) ACK arrives. libmodbus sets the option for the same reason.
    if (auto *socket = qobject_cast<QAbstractSocket *>(m_client->device()))
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    qCInfo(lcModbus) << m_config.name << "connected";
    setState(ConnectionState::Connected, QString());
    if (!m_running || m_state != ConnectionState::Connected)
        return; // a receiver stopped the device
    // Poll now (values as soon as possible after a connect), then at the device's phase of the
    // period, at least half a period later. A continuous scan re-reads on each reply instead.
    if (m_pollEntry)
        m_scheduler->cancel(std::exchange(m_pollEntry, 0));
    if (isContinuous()) {
        poll();
        return;
    }
    m_pollDeadline = PollScheduler::firstPeriodicDeadline(
        m_phase, std::max(1, m_config.pollIntervalMs), PollScheduler::nowMs());
    m_pollEntry = m_scheduler->schedule(m_pollDeadline, [this] { onPollDue(); });
    poll();
}

void ModbusDevice::onPollDue()
{
    m_pollEntry = 0;
    if (m_state != ConnectionState::Connected)
        return;
    // The next one first: poll() may end in a receiver that stops or deletes the device.
    m_pollDeadline = PollScheduler::nextPeriodicDeadline(
        m_pollDeadline, std::max(1, m_config.pollIntervalMs), PollScheduler::nowMs());
    m_pollEntry = m_scheduler->schedule(m_pollDeadline, [this] { onPollDue(); });
    poll();
}

void ModbusDevice::cancelScheduled()
{
    if (!m_scheduler)
        return;
    m_scheduler->cancel(std::exchange(m_pollEntry, 0));
    m_scheduler->cancel(std::exchange(m_watchdogEntry, 0));
}

qint64 ModbusDevice::schedulerTime(qint64 deviceMs) const
{
    return deviceMs - m_clock.elapsed() + PollScheduler::nowMs();
}

void ModbusDevice::enterBackoff(const QString &reason)
{
    if (!m_running || m_state == ConnectionState::Backoff)
        return;
    const bool wasConnected = m_state == ConnectionState::Connected;
    if (m_pollEntry)
        m_scheduler->cancel(std::exchange(m_pollEntry, 0));
    m_connectTimer->stop();
    dropOutstanding(reason);
    const int delay = m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, MaxBackoffMs);
    if (wasConnected)
        qCWarning(lcModbus) << m_config.name << "connection lost:" << reason;
    else
        qCDebug(lcModbus) << m_config.name << "connect failed:" << reason << "retry in" << delay;
    setState(ConnectionState::Backoff, u"%1; retrying in %2 ms"_s.arg(reason).arg(delay));
    m_reconnectTimer->start(delay);
}

void ModbusDevice::setState(ConnectionState state, const QString &detail)
{
    if (m_state == state && state != ConnectionState::Backoff)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state, detail);
}

// Forgets every request: replies still to come belong to an older generation and are ignored.
// Polled values turn Bad at once (a lost connection means nothing is known), writes fail.
void ModbusDevice::dropOutstanding(const QString &reason)
{
    ++m_generation;
    m_inFlight = 0;
    m_queue.clear();
    for (BlockState &block : m_blockStates)
        block.busy = false;
    const qint64 now = wallClockMs();
    QList<int> polled;
    for (int v = 0; v < m_variableBlock.size(); ++v) {
        if (m_variableBlock.at(v) >= 0)
            polled.append(v);
    }
    const quint64 generation = m_generation;
    markBad(polled, now);
    const QList<int> writes = std::exchange(m_pendingWrites, {});
    for (int id : writes) {
        Q_EMIT writeFinished(id, false, u"connection lost: %1"_s.arg(reason));
        if (generation != m_generation)
            return; // a receiver restarted or stopped the device
    }
}

void ModbusDevice::poll()
{
    if (m_state != ConnectionState::Connected)
        return;
    for (int b = 0; b < m_blocks.size(); ++b) {
        if (m_blockStates.at(b).busy)
            ++m_stats.pollsSkipped;
        else
            queueBlock(b, false);
    }
    pump();
}

void ModbusDevice::queueBlock(int block, bool front)
{
    m_blockStates[block].busy = true;
    Request request;
    request.block = block;
    if (front)
        m_queue.prepend(request);
    else
        m_queue.append(request);
}

void ModbusDevice::pump()
{
    const quint64 generation = m_generation;
    while (m_state == ConnectionState::Connected && generation == m_generation
        && m_inFlight < m_config.maxInFlight && !m_queue.isEmpty()) {
        send(m_queue.takeFirst());
    }
}

void ModbusDevice::send(const Request &request)
{
    const quint64 generation = m_generation;
    const qint64 sentUs = m_clock.nsecsElapsed() / 1000;
    QModbusReply *reply = nullptr;
    if (request.block >= 0) {
        const PollBlock &block = m_blocks.at(request.block);
        // A read needs only the range: QModbusDataUnit(type, start, count) would allocate count
        // zero values per request for nothing.
        QModbusDataUnit unit(unitType(block.registerType));
        unit.setStartAddress(block.start);
        unit.setValueCount(block.count);
        reply = m_client->sendReadRequest(unit, m_config.unitId);
        ++m_stats.pollsSent;
    } else {
        const ModbusVariable &variable = m_config.variables.at(request.variable);
        const int offset = request.element < 0 ? 0 : request.element * variable.step();
        reply = m_client->sendWriteRequest(QModbusDataUnit(unitType(variable.registerType),
                                               variable.address + offset, request.words),
            m_config.unitId);
        ++m_stats.writesSent;
    }
    if (!reply) {
        // Only when the client is not connected; its state change follows.
        ++m_stats.errors;
        ++m_stats.transportErrors;
        if (request.block >= 0)
            m_blockStates[request.block].busy = false;
        else
            failWrite(request.writeId, m_client->errorString());
        return;
    }
    ++m_inFlight;
    // Captures what the reply needs, not the request (its write words).
    const int block = request.block;
    const int writeId = request.writeId;
    const int variable = request.variable;
    auto finish = [this, reply, block, writeId, variable, generation, sentUs] {
        if (block >= 0)
            onReadFinished(reply, block, generation, sentUs);
        else
            onWriteFinished(reply, writeId, variable, generation);
    };
    if (reply->isFinished())
        finish(); // broadcasts finish at once
    else
        connect(reply, &QModbusReply::finished, this, finish);
}

void ModbusDevice::onReadFinished(
    QModbusReply *reply, int blockIndex, quint64 generation, qint64 sentUs)
{
    reply->deleteLater();
    if (generation != m_generation)
        return;
    --m_inFlight;
    m_blockStates[blockIndex].busy = false;
    const qint64 elapsedUs = m_clock.nsecsElapsed() / 1000;
    const qint64 elapsedMs = elapsedUs / 1000;
    if (reply->error() == QModbusDevice::NoError || reply->error() == QModbusDevice::ProtocolError)
        m_lastAnswerMs = elapsedMs;
    // One wall-clock reading per reply, and only when something is reported.
    qint64 wallNow = -1;
    auto now = [&wallNow] {
        if (wallNow < 0)
            wallNow = wallClockMs();
        return wallNow;
    };
    // A copy (a reference count): a receiver of the signals below may, through write(), finish
    // another read that splits blocks and reallocates m_blocks.
    const PollBlock block = m_blocks.at(blockIndex);

    if (reply->error() == QModbusDevice::NoError) {
        const qint64 roundTrip = elapsedUs - sentUs;
        ++m_stats.repliesOk;
        m_stats.lastRoundTripUs = roundTrip;
        m_stats.maxRoundTripUs = std::max(m_stats.maxRoundTripUs, roundTrip);
        m_stats.totalRoundTripUs += roundTrip;
        if (!m_backoffReset) {
            m_backoffMs = FirstBackoffMs;
            m_backoffReset = true;
        }
        const QModbusDataUnit unit = reply->result();
        const QList<quint16> words = unit.values();
        m_stats.wordsRead += quint64(words.size());
        m_blockStates[blockIndex].lastSuccessMs = elapsedMs;
        for (int v : block.variables) {
            const ModbusVariable &variable = m_config.variables.at(v);
            const qsizetype offset = qsizetype(variable.address) - qsizetype(unit.startAddress());
            Result<QVariant> decoded = offset < 0
                ? Result<QVariant>::failure(u"reply does not cover the variable"_s)
                : decodeVariable(variable, words.constData() + offset, words.size() - offset);
            if (!decoded) {
                qCWarning(lcModbus) << m_config.name << variable.name << decoded.error();
                markBad({ v }, now());
            } else {
                const VariableState &known = m_variables.at(v);
                if (!known.hasQuality || known.quality != Quality::Good)
                    setQuality(v, Quality::Good, now());
                if (generation != m_generation)
                    return; // a receiver stopped the device
                VariableState &state = m_variables[v];
                if (state.fresh || !sameValue(state.value, *decoded)) {
                    state.fresh = false;
                    state.value = decoded.takeValue();
                    ++m_stats.valuesUpdated;
                    Q_EMIT valueUpdated(v, state.value, now());
                }
            }
            if (generation != m_generation)
                return; // a receiver stopped the device
        }
        armWatchdog();
    } else {
        ++m_stats.errors;
        if (reply->error() == QModbusDevice::ProtocolError) {
            ++m_stats.protocolErrors;
            const QModbusPdu::ExceptionCode code = reply->rawResult().exceptionCode();
            if (code == QModbusPdu::IllegalDataAddress && block.hasGaps
                && block.variables.size() > 1) {
                // A strict device refuses the unrequested addresses merged into the block: read
                // each variable on its own from now on.
                qCInfo(lcModbus) << m_config.name << "refuses merged reads at"
                                 << registerTypeName(block.registerType) << block.start
                                 << "- reading its variables one by one";
                const QList<PollBlock> pieces = splitBlock(block, m_config.variables);
                m_blocks[blockIndex] = pieces.first();
                for (qsizetype i = 1; i < pieces.size(); ++i) {
                    m_blocks.append(pieces.at(i));
                    m_blockStates.append(
                        BlockState { false, m_blockStates.at(blockIndex).lastSuccessMs });
                    for (int v : pieces.at(i).variables)
                        m_variableBlock[v] = int(m_blocks.size() - 1);
                }
            } else {
                // Said once when the values turn Bad, not at every poll of a wrong address.
                const bool news
                    = std::any_of(block.variables.cbegin(), block.variables.cend(), [this](int v) {
                          const VariableState &state = m_variables.at(v);
                          return !state.hasQuality || state.quality != Quality::Bad;
                      });
                if (news) {
                    qCWarning(lcModbus).noquote()
                        << m_config.name << registerTypeName(block.registerType) << block.start
                        << replyError(reply);
                }
                markBad(block.variables, now());
            }
        } else {
            ++m_stats.transportErrors;
            qCDebug(lcModbus).noquote() << m_config.name << "read failed:" << replyError(reply);
            checkSilence(reply);
            if (generation != m_generation)
                return;
        }
    }
    // Continuous scan: this block again at once, behind what is queued (writes go first).
    if (isContinuous() && m_state == ConnectionState::Connected
        && !m_blockStates.at(blockIndex).busy)
        queueBlock(blockIndex, false);
    pump();
}

void ModbusDevice::onWriteFinished(
    QModbusReply *reply, int writeId, int variable, quint64 generation)
{
    reply->deleteLater();
    if (generation != m_generation)
        return; // dropOutstanding() already failed the write
    --m_inFlight;
    m_pendingWrites.removeOne(writeId);
    if (reply->error() == QModbusDevice::NoError || reply->error() == QModbusDevice::ProtocolError)
        m_lastAnswerMs = m_clock.elapsed();
    if (reply->error() == QModbusDevice::NoError) {
        ++m_stats.writesOk;
        // Read the written variable back soon rather than a poll period later.
        const int block = m_variableBlock.value(variable, -1);
        if (block >= 0 && !m_blockStates.at(block).busy)
            queueBlock(block, false);
        Q_EMIT writeFinished(writeId, true, QString());
    } else {
        ++m_stats.errors;
        if (reply->error() == QModbusDevice::ProtocolError)
            ++m_stats.protocolErrors;
        else
            ++m_stats.transportErrors;
        Q_EMIT writeFinished(writeId, false, replyError(reply));
        if (generation == m_generation)
            checkSilence(reply);
    }
    if (generation == m_generation)
        pump();
}

int ModbusDevice::write(int variableIndex, const QVariant &value, int element, QString *refusal)
{
    auto refuse = [this, refusal](const QString &reason) {
        const QString error = u"device '%1': %2"_s.arg(m_config.name, reason);
        if (refusal)
            *refusal = error;
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT writeFinished(-1, false, error); }, Qt::QueuedConnection);
        return -1;
    };
    if (variableIndex < 0 || variableIndex >= m_config.variables.size())
        return refuse(u"no variable %1"_s.arg(variableIndex));
    const ModbusVariable &variable = m_config.variables.at(variableIndex);
    if (!variable.isWritable() || variable.registerType == RegisterType::InputRegister
        || variable.registerType == RegisterType::DiscreteInput) {
        return refuse(u"%1 is not writable (access %2, %3)"_s.arg(
            variable.name, accessName(variable.access), registerTypeName(variable.registerType)));
    }
    Result<QVector<quint16>> words
        = element < 0 ? encodeVariable(variable, value) : encodeElement(variable, element, value);
    if (!words)
        return refuse(words.error());
    if (m_state != ConnectionState::Connected)
        return refuse(u"not connected (%1)"_s.arg(connectionStateName(m_state)));

    Request request;
    request.writeId = m_nextWriteId++;
    if (m_nextWriteId == std::numeric_limits<int>::max())
        m_nextWriteId = 1;
    request.variable = variableIndex;
    request.element = element;
    request.words = words.takeValue();
    // Writes go ahead of queued reads (after earlier writes, which keep their order).
    const auto firstRead = std::find_if(
        m_queue.begin(), m_queue.end(), [](const Request &r) { return r.block >= 0; });
    m_queue.insert(firstRead, request);
    m_pendingWrites.append(request.writeId);
    const int id = request.writeId;
    pump();
    return id;
}

// A request timed out. When the device has not answered anything for a whole request timeout,
// the connection is presumed dead (a peer that vanished without closing it, or a byte stream out
// of step): reconnect instead of timing out forever. A lost frame among good answers is not that.
void ModbusDevice::checkSilence(const QModbusReply *reply)
{
    if (reply->error() != QModbusDevice::TimeoutError || m_state != ConnectionState::Connected)
        return;
    const qint64 silentMs = m_clock.elapsed() - m_lastAnswerMs;
    if (silentMs < m_config.timeoutMs)
        return;
    qCWarning(lcModbus) << m_config.name << "no answer for" << silentMs << "ms: reconnecting";
    enterBackoff(u"no answer for %1 ms"_s.arg(silentMs));
    m_client->disconnectDevice();
}

// Two poll periods; for a continuous scan (no period) the request timeout.
qint64 ModbusDevice::watchdogLimitMs() const
{
    return isContinuous() ? std::max(10, m_config.timeoutMs) : 2 * qint64(m_config.pollIntervalMs);
}

void ModbusDevice::checkWatchdog()
{
    if (!m_running)
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 limit = watchdogLimitMs();
    const qint64 wallNow = wallClockMs();
    for (int b = 0; b < m_blocks.size(); ++b) {
        const qint64 last = m_blockStates.at(b).lastSuccessMs;
        if (now - (last >= 0 ? last : m_startMs) >= limit) {
            const quint64 generation = m_generation;
            markBad(m_blocks.at(b).variables, wallNow);
            if (generation != m_generation)
                return;
        }
    }
    armWatchdog();
}

// Keeps one scheduler entry at the earliest deadline of a block whose variables are not all Bad
// yet; it re-arms itself when it fires, so a healthy device costs one wake-up per two periods.
void ModbusDevice::armWatchdog()
{
    if (!m_running || m_watchdogEntry)
        return;
    const qint64 limit = watchdogLimitMs();
    qint64 earliest = -1;
    for (int b = 0; b < m_blocks.size(); ++b) {
        bool watched = false;
        for (int v : m_blocks.at(b).variables) {
            const VariableState &state = m_variables.at(v);
            if (!state.hasQuality || state.quality != Quality::Bad) {
                watched = true;
                break;
            }
        }
        if (!watched)
            continue;
        const qint64 last = m_blockStates.at(b).lastSuccessMs;
        const qint64 deadline = (last >= 0 ? last : m_startMs) + limit;
        if (earliest < 0 || deadline < earliest)
            earliest = deadline;
    }
    if (earliest >= 0) {
        m_watchdogEntry = m_scheduler->schedule(schedulerTime(earliest), [this] {
            m_watchdogEntry = 0;
            checkWatchdog();
        });
    }
}

void ModbusDevice::setQuality(int variable, Quality quality, qint64 timestampMs)
{
    VariableState &state = m_variables[variable];
    if (state.hasQuality && state.quality == quality)
        return;
    state.hasQuality = true;
    state.quality = quality;
    if (quality != Quality::Good)
        state.fresh = true; // report the value again when it comes back
    Q_EMIT qualityChanged(variable, quality, timestampMs);
}

void ModbusDevice::markBad(const QList<int> &variables, qint64 timestampMs)
{
    const quint64 generation = m_generation;
    for (int v : variables) {
        setQuality(v, Quality::Bad, timestampMs);
        if (generation != m_generation)
            return;
    }
}

void ModbusDevice::failWrite(int writeId, const QString &error)
{
    m_pendingWrites.removeOne(writeId);
    Q_EMIT writeFinished(writeId, false, error);
}

QString ModbusDevice::replyError(const QModbusReply *reply) const
{
    if (reply->error() == QModbusDevice::ProtocolError) {
        const QModbusPdu::ExceptionCode code = reply->rawResult().exceptionCode();
        return u"device refused the request: exception %1 (%2)"_s.arg(int(code)).arg(
            exceptionName(code));
    }
    QString kind;
    switch (reply->error()) {
    case QModbusDevice::TimeoutError:
        kind = u"timeout"_s;
        break;
    case QModbusDevice::ConnectionError:
    case QModbusDevice::ReplyAbortedError:
        kind = u"connection"_s;
        break;
    default:
        kind = u"transport"_s;
        break;
    }
    return u"%1 error: %2"_s.arg(kind, reply->errorString());
}

} // namespace dt::runtime
