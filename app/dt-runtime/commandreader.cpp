// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandreader.h"

#include <QSocketNotifier>
#include <QString>

#include <unistd.h>

namespace dt::runtime {

CommandReader::CommandReader(QObject *parent)
    : QObject(parent)
{
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &CommandReader::readInput);
}

void CommandReader::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        m_notifier->setEnabled(false); // end of input (or an error): stop listening
        return;
    }
    m_pending.append(buffer, n);
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(newline)).trimmed();
        m_pending.remove(0, newline + 1);
        if (!line.isEmpty())
            Q_EMIT command(line);
    }
}

} // namespace dt::runtime
