// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/valvemodbusserver.h"

#include "valvesim/simulatedvalve.h"
#include "valvesim/valveregistermap.h"

#include <QHostAddress>
#include <QModbusRtuSerialServer>
#include <QModbusTcpServer>
#include <QSerialPort>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

/// A Qt Modbus server whose register store is the valve itself. A template because the TCP and
/// RTU servers share no base below QModbusServer that we could derive from once.
template<typename Base> class ValveServerDevice final : public Base
{
public:
    using WriteHook = std::function<void(QModbusDataUnit::RegisterType, int, int)>;

    ValveServerDevice(SimulatedValve *valve, WriteHook hook, QObject *parent)
        : Base(parent)
        , m_valve(valve)
        , m_hook(std::move(hook))
    {
    }

protected:
    bool readData(QModbusDataUnit *unit) const override
    {
        return ValveRegisterMap::read(*m_valve, unit);
    }

    bool writeData(const QModbusDataUnit &unit) override
    {
        if (!ValveRegisterMap::write(*m_valve, unit))
            return false;
        m_hook(unit.registerType(), unit.startAddress(), int(unit.valueCount()));
        return true;
    }

private:
    SimulatedValve *m_valve;
    WriteHook m_hook;
};

/// Turns Nagle's algorithm off on every accepted connection: a reply written while the previous
/// one is unacknowledged would otherwise wait for the client's delayed ACK.
class LowDelayObserver final : public QModbusTcpConnectionObserver
{
public:
    bool acceptNewConnection(QTcpSocket *newClient) override
    {
        newClient->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        return true;
    }
};

} // namespace

ValveModbusServer::ValveModbusServer(SimulatedValve *valve, QObject *parent)
    : QObject(parent)
    , m_valve(valve)
{
}

ValveModbusServer::~ValveModbusServer()
{
    close();
}

Result<void> ValveModbusServer::listenTcp(const QString &host, quint16 port, int unitId)
{
    const QString address
        = host.compare("localhost"_L1, Qt::CaseInsensitive) == 0 ? u"127.0.0.1"_s : host;
    if (QHostAddress(address).isNull())
        return Result<void>::failure(u"'%1' is not an IP address"_s.arg(host));
    auto *device = new ValveServerDevice<QModbusTcpServer>(
        m_valve,
        [this](QModbusDataUnit::RegisterType t, int a, int n) { Q_EMIT clientWrote(t, a, n); },
        this);
    device->setConnectionParameter(QModbusDevice::NetworkAddressParameter, address);
    device->setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
    device->installConnectionObserver(new LowDelayObserver); // the server owns it
    return start(device, unitId, u"%1:%2"_s.arg(address).arg(port));
}

Result<void> ValveModbusServer::openSerial(const SerialSettings &settings, int unitId)
{
    QSerialPort::Parity parity = QSerialPort::NoParity;
    switch (settings.parity.toUpper().unicode()) {
    case u'N':
        break;
    case u'E':
        parity = QSerialPort::EvenParity;
        break;
    case u'O':
        parity = QSerialPort::OddParity;
        break;
    default:
        return Result<void>::failure(u"parity must be N, E or O, not '%1'"_s.arg(settings.parity));
    }
    if (settings.dataBits < 5 || settings.dataBits > 8)
        return Result<void>::failure(u"data bits must be 5 to 8"_s);
    if (settings.stopBits != 1 && settings.stopBits != 2)
        return Result<void>::failure(u"stop bits must be 1 or 2"_s);
    if (settings.baudRate <= 0)
        return Result<void>::failure(u"the baud rate must be positive"_s);
    auto *device = new ValveServerDevice<QModbusRtuSerialServer>(
        m_valve,
        [this](QModbusDataUnit::RegisterType t, int a, int n) { Q_EMIT clientWrote(t, a, n); },
        this);
    device->setConnectionParameter(QModbusDevice::SerialPortNameParameter, settings.device);
    device->setConnectionParameter(QModbusDevice::SerialBaudRateParameter, settings.baudRate);
    device->setConnectionParameter(QModbusDevice::SerialParityParameter, parity);
    device->setConnectionParameter(QModbusDevice::SerialDataBitsParameter, settings.dataBits);
    device->setConnectionParameter(QModbusDevice::SerialStopBitsParameter,
        settings.stopBits == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop);
    return start(device, unitId, settings.device);
}

Result<void> ValveModbusServer::start(QModbusServer *device, int unitId, const QString &what)
{
    close();
    if (unitId < 1 || unitId > 247) {
        delete device;
        return Result<void>::failure(u"unit id %1 is outside 1-247"_s.arg(unitId));
    }
    device->setServerAddress(unitId);
    if (!device->connectDevice()) {
        const QString error = device->errorString();
        delete device;
        return Result<void>::failure(u"cannot open %1: %2"_s.arg(what, error));
    }
    m_device = device;
    return {};
}

void ValveModbusServer::close()
{
    if (!m_device)
        return;
    m_device->disconnectDevice();
    delete m_device;
    m_device = nullptr;
}

bool ValveModbusServer::isOpen() const
{
    return m_device && m_device->state() == QModbusDevice::ConnectedState;
}

quint16 ValveModbusServer::port() const
{
    if (!isOpen())
        return 0;
    // QModbusTcpServer keeps its QTcpServer as a child; the only way to learn an OS-chosen port.
    if (const auto *tcp = m_device->findChild<QTcpServer *>())
        return tcp->serverPort();
    return 0;
}

} // namespace dt::runtime
