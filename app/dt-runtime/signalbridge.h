// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace dt::runtime {

/// Turns POSIX signals into a Qt signal on the main thread: the handler only writes the signal
/// number into a socket pair (async-signal-safe); a QSocketNotifier reads it in the event loop.
class SignalBridge : public QObject
{
    Q_OBJECT

public:
    explicit SignalBridge(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalBridge() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace dt::runtime
