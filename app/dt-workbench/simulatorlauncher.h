// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <vector>

class QProcess;

namespace dt::workbench {

/// Starts dt-valvesim for the local Modbus TCP devices of a model that nothing serves yet, so
/// "Deploy locally" gives live valves without a plant. One child process per run of consecutive
/// ports (`--valves N --port FIRST`); started() once every process printed its `listening` line.
class SimulatorLauncher : public QObject
{
    Q_OBJECT

public:
    /// A device endpoint as the deploy report names it ("tcp://127.0.0.1:1502 unit 1").
    struct Endpoint
    {
        QString host;
        quint16 port = 0;
        int unitId = 1;
    };
    /// One simulator process: N valves on ports first..first+N-1.
    struct Range
    {
        QString host;
        quint16 first = 0;
        int count = 0;
        int unitId = 1;
    };

    explicit SimulatorLauncher(QObject *parent = nullptr);
    ~SimulatorLauncher() override; ///< stops the processes

    /// "tcp://HOST:PORT unit N" -> endpoint; false for anything else (RTU, remote schemes).
    static bool parseEndpoint(const QString &text, Endpoint *endpoint);
    /// The ranges to simulate: loopback endpoints whose port nobody listens on, grouped into
    /// runs of consecutive ports with the same host and unit id.
    static QList<Range> rangesToSimulate(const QList<Endpoint> &endpoints);
    /// dt-valvesim: $DT_VALVESIM, next to this binary's build folder (../dt-valvesim/), in the
    /// same folder, then PATH. Empty when not found.
    static QString findProgram();

    /// The program (default: findProgram()).
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }
    /// --cycle-s for the simulators (0: valves move only when commanded).
    void setCycleSeconds(double seconds) { m_cycleSeconds = seconds; }
    double cycleSeconds() const { return m_cycleSeconds; }
    /// Appended to every simulator's command line (faults, noise, seed...).
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    QStringList extraArguments() const { return m_extraArguments; }
    /// How long start() waits for the `listening` lines.
    void setStartTimeoutMs(int ms) { m_timeoutMs = ms; }

    /// Starts one process per range; started() or failed() follows (never both).
    void start(const QList<Range> &ranges);
    /// Stops every process (SIGTERM, then kill), waiting briefly for each.
    void stop();
    bool isRunning() const;
    bool isStarting() const { return m_starting; }
    /// Process ids of the running simulators (for the status text and tests).
    QList<qint64> processIds() const;
    /// "127.0.0.1:1502-1505" per range, for messages.
    QStringList describe() const;

Q_SIGNALS:
    void started();
    void failed(const QString &error);
    /// A simulator ended while it was meant to run.
    void crashed(const QString &error);

private:
    struct Child
    {
        QProcess *process = nullptr;
        Range range;
        QByteArray output;
        bool listening = false;
    };

    void readOutput(Child &child);
    void childFinished(QProcess *process);
    void fail(const QString &error);
    static QString rangeText(const Range &range);

    QString m_program;
    double m_cycleSeconds = 10;
    QStringList m_extraArguments;
    int m_timeoutMs = 15000;
    bool m_starting = false;
    bool m_stopping = false;
    std::vector<Child> m_children;
    QTimer m_timeout;
};

} // namespace dt::workbench
