// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/deployreport.h"

#include <QObject>
#include <QString>

namespace dt::runtime {
class LocalTwinClient;
class RuntimeHost;
class TwinClient;
} // namespace dt::runtime

namespace dt::workbench {

class SimulatorLauncher;

/// "Deploy locally" without blocking the GUI: check the model (validator and runtime checks,
/// nothing started), start dt-valvesim for local Modbus TCP devices nobody serves, then deploy
/// in-process. Owns the RuntimeHost, the TwinClient over it and the simulators; stop() ends all.
class LocalDeployer : public QObject
{
    Q_OBJECT

public:
    enum class Phase { Idle, Checking, StartingSimulators, Deploying, Running };
    Q_ENUM(Phase)

    explicit LocalDeployer(QObject *parent = nullptr);
    ~LocalDeployer() override; ///< stops the twin and the simulators

    runtime::RuntimeHost *host() const { return m_host; }
    runtime::TwinClient *client() const;
    SimulatorLauncher *simulators() const { return m_simulators; }

    /// Start simulators for unserved local devices (default true).
    void setUseSimulator(bool use) { m_useSimulator = use; }
    bool useSimulator() const { return m_useSimulator; }

    /// Starts deploying amlFile with history in dataDir; false when busy or running.
    bool deploy(const QString &amlFile, const QString &dataDir);
    /// Stops the twin and the simulators (also cancels a deploy in progress).
    void stop();

    Phase phase() const { return m_phase; }
    bool isBusy() const { return m_phase != Phase::Idle && m_phase != Phase::Running; }
    bool isRunning() const { return m_phase == Phase::Running; }
    /// The last deploy's report (of the check when it stopped there).
    const runtime::DeployReport &lastReport() const { return m_report; }
    QString lastError() const { return m_error; }
    /// Something the user should know about a deploy that went ahead (e.g. no simulator).
    QString note() const { return m_note; }

Q_SIGNALS:
    void phaseChanged(dt::workbench::LocalDeployer::Phase phase);
    /// What is happening now, for the status bar.
    void progress(const QString &text);
    void deployed(const dt::runtime::DeployReport &report);
    /// Nothing runs; error says why in a sentence, the report has the details.
    void deployFailed(const QString &error, const dt::runtime::DeployReport &report);
    void stopped();
    /// A simulator died while the twin ran (the twin keeps running; its devices go bad).
    void simulatorCrashed(const QString &error);

private:
    void setPhase(Phase phase);
    void deployFinished(const runtime::DeployReport &report);
    void checked(const runtime::DeployReport &report);
    void simulatorsStarted();
    void fail(const QString &error);

    runtime::RuntimeHost *m_host;
    runtime::LocalTwinClient *m_client;
    SimulatorLauncher *m_simulators;
    bool m_useSimulator = true;
    Phase m_phase = Phase::Idle;
    QString m_file;
    QString m_dataDir;
    runtime::DeployReport m_report;
    QString m_error;
    QString m_note;
};

} // namespace dt::workbench
