// SPDX-License-Identifier: GPL-3.0-or-later
#include "localdeployer.h"

#include "simulatorlauncher.h"

#include "client/localtwinclient.h"
#include "engine/runtimehost.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dt::workbench {

using runtime::DeployOptions;
using runtime::DeployReport;

LocalDeployer::LocalDeployer(QObject *parent)
    : QObject(parent)
    , m_host(new runtime::RuntimeHost(this))
    , m_client(new runtime::LocalTwinClient(m_host, this))
    , m_simulators(new SimulatorLauncher(this))
{
    connect(m_host, &runtime::RuntimeHost::deployFinished, this, &LocalDeployer::deployFinished);
    connect(m_simulators, &SimulatorLauncher::started, this, &LocalDeployer::simulatorsStarted);
    connect(m_simulators, &SimulatorLauncher::failed, this, &LocalDeployer::fail);
    connect(m_simulators, &SimulatorLauncher::crashed, this, &LocalDeployer::simulatorCrashed);
}

LocalDeployer::~LocalDeployer()
{
    // The twin first, so that it does not log the simulators going away.
    m_host->stop();
    m_simulators->stop();
}

runtime::TwinClient *LocalDeployer::client() const
{
    return m_client;
}

void LocalDeployer::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

bool LocalDeployer::deploy(const QString &amlFile, const QString &dataDir)
{
    if (m_phase != Phase::Idle)
        return false;
    m_file = amlFile;
    m_dataDir = dataDir;
    m_error.clear();
    m_note.clear();
    m_report = DeployReport();
    setPhase(Phase::Checking);
    Q_EMIT progress(tr("Checking the model…"));
    DeployOptions options;
    options.dataDir = dataDir;
    options.start = false;
    m_host->deployAsync(amlFile, options);
    return true;
}

void LocalDeployer::deployFinished(const DeployReport &report)
{
    switch (m_phase) {
    case Phase::Checking:
        checked(report);
        return;
    case Phase::Deploying:
        m_report = report;
        if (!report.started) {
            m_simulators->stop();
            fail(report.errors.isEmpty() ? tr("The runtime did not start the twin.")
                                         : report.errors.join(u'\n'));
            return;
        }
        setPhase(Phase::Running);
        Q_EMIT deployed(report);
        return;
    case Phase::Idle:
        // Stopped while the engine was still deploying: the twin it started is not wanted.
        if (report.started)
            m_host->stop();
        return;
    case Phase::StartingSimulators:
    case Phase::Running:
        return;
    }
}

void LocalDeployer::checked(const DeployReport &report)
{
    m_report = report;
    if (!report.ok()) {
        fail(tr(
            "The model has %n error(s); nothing was started.", nullptr, int(report.errors.size())));
        return;
    }
    if (report.twins.isEmpty()) {
        fail(tr("The model has no DigitalTwin component: there is nothing to deploy."));
        return;
    }
    QList<SimulatorLauncher::Range> ranges;
    if (m_useSimulator) {
        QList<SimulatorLauncher::Endpoint> endpoints;
        for (const DeployReport::Twin &twin : report.twins) {
            for (const DeployReport::Device &device : twin.devices) {
                SimulatorLauncher::Endpoint endpoint;
                if (SimulatorLauncher::parseEndpoint(device.endpoint, &endpoint))
                    endpoints.append(endpoint);
            }
        }
        ranges = SimulatorLauncher::rangesToSimulate(endpoints);
        const QString program = m_simulators->program();
        if (!ranges.isEmpty() && (program.isEmpty() || !QFileInfo(program).isExecutable())) {
            // The twin is still worth running: its devices show as disconnected until a plant
            // (or a simulator started by hand) answers.
            m_note = tr("dt-valvesim was not found (DT_VALVESIM names it): local devices are "
                        "not simulated");
            ranges.clear();
        }
    }
    setPhase(Phase::StartingSimulators);
    if (!ranges.isEmpty()) {
        QStringList where;
        for (const SimulatorLauncher::Range &range : std::as_const(ranges))
            where.append(
                u"%1:%2…%3"_s.arg(range.host).arg(range.first).arg(range.first + range.count - 1));
        Q_EMIT progress(tr("Starting dt-valvesim on %1…").arg(where.join(u", "_s)));
    }
    m_simulators->start(ranges); // started() at once when there is nothing to simulate
}

void LocalDeployer::simulatorsStarted()
{
    if (m_phase != Phase::StartingSimulators)
        return;
    setPhase(Phase::Deploying);
    Q_EMIT progress(tr("Deploying…"));
    DeployOptions options;
    options.dataDir = m_dataDir;
    options.start = true;
    m_host->deployAsync(m_file, options);
}

void LocalDeployer::fail(const QString &error)
{
    if (m_phase == Phase::Idle || m_phase == Phase::Running)
        return;
    m_error = error;
    setPhase(Phase::Idle);
    Q_EMIT deployFailed(error, m_report);
}

void LocalDeployer::stop()
{
    const bool wasActive = m_phase != Phase::Idle;
    setPhase(Phase::Idle);
    m_host->stop();
    m_simulators->stop();
    if (wasActive)
        Q_EMIT stopped();
}

} // namespace dt::workbench
