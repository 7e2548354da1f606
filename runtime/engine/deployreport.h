// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace dt::runtime {

/// What a deploy found and built: per twin its devices, bindings and components; every error
/// (any error means nothing was started) and warning (components not active in this build,
/// unlinked variables, validator warnings).
struct DeployReport
{
    struct Device
    {
        QString name; ///< component path relative to the twin root ("RefineryTwin/Valve1Modbus")
        QString endpoint; ///< "tcp://127.0.0.1:1502 unit 1" or "rtu:/dev/ttyS0 unit 1"
        int variables = 0; ///< ModbusVariable interfaces polled
        int bindings = 0; ///< variables linked to device attributes
    };
    struct Twin
    {
        QString name; ///< the DigitalTwin element's name
        QString root; ///< instance path of the twin root ("Plant/Refinery")
        QString prefix; ///< root path relative to the outermost twin's root ("" for that one)
        QList<Device> devices;
        /// "Valve1Modbus.Position -> Valve1/Position" per bound value group.
        QStringList bindings;
        QString storage; ///< "SQLite /data/refinery-history.sqlite" or empty (no history)
        QStringList events;
        QStringList methods;
        bool accessControl = false;
        /// Components accepted but not active in this build (RestAPI, WatchDog, ...).
        QStringList inactive;
    };

    QString file;
    QList<Twin> twins;
    QStringList errors;
    QStringList warnings;
    /// True when the twins were started (errors empty and DeployOptions::start).
    bool started = false;

    bool ok() const { return errors.isEmpty(); }
    /// Human-readable, one line per fact; what dt-runtime logs.
    QString toText() const;
};

} // namespace dt::runtime

Q_DECLARE_METATYPE(dt::runtime::DeployReport)
