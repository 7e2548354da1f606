// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace dt::runtime {

/// Reads commands from standard input, one per line, without blocking the event loop. End of
/// input just stops reading (dt-runtime keeps running when started with stdin closed).
class CommandReader : public QObject
{
    Q_OBJECT

public:
    explicit CommandReader(QObject *parent = nullptr);

Q_SIGNALS:
    void command(const QString &line);

private:
    void readInput();

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_pending;
};

} // namespace dt::runtime
