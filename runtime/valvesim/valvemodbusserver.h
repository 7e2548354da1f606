// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/result.h"

#include <QModbusDataUnit>
#include <QObject>
#include <QString>

class QModbusServer;

namespace dt::runtime {

class SimulatedValve;

/// Serves one SimulatedValve over Modbus TCP (its own port) or Modbus RTU (a serial device),
/// with the map of ValveRegisterMap. The Qt server's register store is bypassed: reads are
/// computed from the valve, writes become commands. Unit id = the server address; like every
/// QModbusServer it ignores requests for another unit id (the client times out).
class ValveModbusServer : public QObject
{
    Q_OBJECT
public:
    struct SerialSettings
    {
        QString device;
        int baudRate = 19200;
        QChar parity = u'N'; ///< 'N', 'E' or 'O'
        int dataBits = 8;
        int stopBits = 1;
    };

    /// \a valve is not owned and must outlive the server.
    explicit ValveModbusServer(SimulatedValve *valve, QObject *parent = nullptr);
    ~ValveModbusServer() override;

    /// Listens on \a host (an IP address, or "localhost") and \a port; port 0 picks a free one
    /// (see port()). Fails with a message naming the address when it is invalid or busy.
    Result<void> listenTcp(const QString &host, quint16 port, int unitId = 1);
    /// Opens the serial device as an RTU server.
    Result<void> openSerial(const SerialSettings &settings, int unitId = 1);
    void close();

    bool isOpen() const;
    /// The TCP port actually listened on (0 for RTU or when closed).
    quint16 port() const;
    SimulatedValve *valve() const { return m_valve; }
    QModbusServer *device() const { return m_device; }

Q_SIGNALS:
    /// A client wrote (and the valve accepted) \a size values at \a address of \a table.
    void clientWrote(QModbusDataUnit::RegisterType table, int address, int size);

private:
    Result<void> start(QModbusServer *device, int unitId, const QString &what);

    SimulatedValve *m_valve;
    QModbusServer *m_device = nullptr;
};

} // namespace dt::runtime
