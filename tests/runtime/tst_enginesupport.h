// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the engine, deploy and dt-runtime tests: a copy of the refinery example
// pointed at test ports, free port blocks, and dt-valvesim processes.
#pragma once

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include "testports.h"

#include <functional>
#include <memory>

namespace dt::test {


/// refinery-centralized.aml copied into dir with the four Modbus ports set to base..base+3, the
/// library references made absolute (the copy lives elsewhere), the poll interval set, and an
/// optional text edit (for the broken variants). Returns the copy's path, or empty.
inline QString refineryCopy(const QString &dir, quint16 base, int pollMs = 100,
    const std::function<void(QString &)> &edit = {},
    const QString &name = QStringLiteral("refinery.aml"))
{
    QFile in(exampleFile(QStringLiteral("refinery-centralized.aml")));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(in.readAll());
    text.replace(QStringLiteral("Path=\"../libraries/"),
        QStringLiteral("Path=\"") + sourceDir() + QStringLiteral("/resources/libraries/"));
    for (int i = 0; i < 4; ++i)
        text.replace(QStringLiteral("<Value>%1</Value>").arg(1502 + i),
            QStringLiteral("<Value>%1</Value>").arg(base + i));
    static const QRegularExpression poll(QStringLiteral(
        "(<Attribute Name=\"PollIntervalMs\"[^>]*>\\s*<Description>[^<]*</Description>\\s*"
        "(?:<DefaultValue>[^<]*</DefaultValue>\\s*)?<Value>)\\d+(</Value>)"));
    for (qsizetype from = 0;;) {
        const QRegularExpressionMatch m = poll.match(text, from);
        if (!m.hasMatch())
            break;
        const QString replacement = m.captured(1) + QString::number(pollMs) + m.captured(2);
        text.replace(m.capturedStart(), m.capturedLength(), replacement);
        from = m.capturedStart() + replacement.size();
    }
    if (edit)
        edit(text);
    const QString path = QDir(dir).absoluteFilePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    out.write(text.toUtf8());
    return path;
}

/// Replaces the first match of pattern after the first occurrence of anchor (a unique ID or
/// name) by replacement; false when either is missing.
inline bool replaceAfter(
    QString &text, const QString &anchor, const QString &pattern, const QString &replacement)
{
    const qsizetype at = text.indexOf(anchor);
    if (at < 0)
        return false;
    const qsizetype hit = text.indexOf(pattern, at);
    if (hit < 0)
        return false;
    text.replace(hit, pattern.size(), replacement);
    return true;
}

/// A dt-valvesim process; started() waits for its "listening" line.
class Simulator
{
public:
    ~Simulator() { kill(); }

    bool start(const QStringList &arguments, int timeoutMs = 20000)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(dtValvesimBinary(), arguments);
        if (!m_process->waitForStarted(timeoutMs))
            return false;
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("listening") && timer.elapsed() < timeoutMs) {
            if (m_process->state() != QProcess::Running)
                return false;
            m_process->waitForReadyRead(200);
            out += m_process->readAllStandardOutput();
        }
        return out.contains("listening");
    }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
};

} // namespace dt::test
