// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_runtime_probe.h"

#include "bench_runtime_model.h"

#include <QModbusTcpClient>
#include <QRandomGenerator>
#include <QTimer>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace dt::bench {

double LatencyFigures::percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    const double rank = std::ceil(p / 100.0 * double(values.size()));
    const size_t index = size_t(std::clamp(rank, 1.0, double(values.size()))) - 1;
    return values[index];
}

LatencyProber::LatencyProber(const ProbeOptions &options, LatencyFigures *figures)
    : m_options(options)
    , m_figures(figures)
{
    m_clock.start();
    const int count = std::min(options.probeDevices, options.devices);
    for (int j = 0; j < count; ++j) {
        Probe probe;
        probe.valve = 1 + int(qint64(j) * options.devices / count);
        probe.client = new QModbusTcpClient(this);
        probe.client->setConnectionParameter(QModbusDevice::NetworkAddressParameter, options.host);
        probe.client->setConnectionParameter(
            QModbusDevice::NetworkPortParameter, options.basePort + probe.valve - 1);
        probe.client->setTimeout(2000);
        probe.client->setNumberOfRetries(0);
        probe.timeout = new QTimer(this);
        probe.timeout->setSingleShot(true);
        connect(probe.timeout, &QTimer::timeout, this, [this, j] { onTimeout(j); });
        m_byValve.insert(probe.valve, j);
        m_probes.push_back(probe);
    }
    for (Probe &probe : m_probes)
        probe.client->connectDevice();
}

bool LatencyProber::allConnected() const
{
    return std::all_of(m_probes.begin(), m_probes.end(),
        [](const Probe &p) { return p.client->state() == QModbusDevice::ConnectedState; });
}

void LatencyProber::start()
{
    m_running = true;
    for (size_t j = 0; j < m_probes.size(); ++j)
        scheduleNext(int(j));
}

void LatencyProber::stop()
{
    m_running = false;
    for (Probe &probe : m_probes) {
        probe.pending = false;
        probe.timeout->stop();
    }
    if (!m_writeRoundTrips.empty())
        m_figures->writeRoundTripMedianMs = LatencyFigures::percentile(m_writeRoundTrips, 50);
}

void LatencyProber::observed(int valve, double value)
{
    if (!m_running)
        return;
    const auto found = m_byValve.constFind(valve);
    if (found == m_byValve.cend())
        return;
    Probe &probe = m_probes[size_t(*found)];
    if (!probe.pending || std::abs(value - probe.expected) > 0.01)
        return;
    const qint64 now = m_clock.nsecsElapsed();
    probe.pending = false;
    probe.timeout->stop();
    ++m_figures->seen;
    m_figures->fromWriteMs.push_back(double(now - probe.sentNs) / 1e6);
    // The marker may be seen before the write's own reply is read (other socket).
    m_figures->fromReplyMs.push_back(
        probe.replyNs > 0 ? std::max(0.0, double(now - probe.replyNs) / 1e6) : 0.0);
    scheduleNext(*found);
}

void LatencyProber::scheduleNext(int j)
{
    if (!m_running)
        return;
    const int pauseMs = int(QRandomGenerator::global()->bounded(m_options.pollIntervalMs + 1));
    QTimer::singleShot(pauseMs, this, [this, j] { write(j); });
}

void LatencyProber::write(int j)
{
    if (!m_running)
        return;
    Probe &probe = m_probes[size_t(j)];
    // 101..897 per mille: never the 0 / 1000 the simulator's open/close cycle sets, and
    // different from the previous marker of this valve.
    const quint16 raw = quint16(101 + (probe.serial++ * 13) % 797);
    probe.expected = raw * 0.1;
    probe.pending = true;
    probe.replyNs = 0;
    probe.sentNs = m_clock.nsecsElapsed();
    QModbusReply *reply
        = probe.client->sendWriteRequest(QModbusDataUnit(QModbusDataUnit::HoldingRegisters,
                                             BenchMap::SetPointRegister, QList<quint16> { raw }),
            1);
    if (!reply) {
        probe.pending = false;
        ++m_figures->failed;
        QTimer::singleShot(100, this, [this, j] { scheduleNext(j); });
        return;
    }
    probe.timeout->start(m_options.probeTimeoutMs);
    const int serial = probe.serial;
    connect(reply, &QModbusReply::finished, this, [this, reply, j, serial] {
        reply->deleteLater();
        Probe &p = m_probes[size_t(j)];
        if (p.serial != serial || !m_running)
            return;
        if (reply->error() != QModbusDevice::NoError) {
            ++m_figures->failed;
            if (p.pending) {
                p.pending = false;
                p.timeout->stop();
                scheduleNext(j);
            }
            return;
        }
        ++m_figures->sent;
        p.replyNs = m_clock.nsecsElapsed();
        m_writeRoundTrips.push_back(double(p.replyNs - p.sentNs) / 1e6);
    });
}

void LatencyProber::onTimeout(int j)
{
    Probe &probe = m_probes[size_t(j)];
    if (!probe.pending || !m_running)
        return;
    probe.pending = false;
    ++m_figures->lost;
    scheduleNext(j);
}

} // namespace dt::bench
