// SPDX-License-Identifier: GPL-3.0-or-later
// Latency probes of bench_runtime: a few valves get a marker written to their SetPoint register
// by raw clients of their own; the loop under test (the pipeline, or the raw baseline loop)
// reports when it sees the marker.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <vector>

class QModbusTcpClient;
class QTimer;

namespace dt::bench {

struct ProbeOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int basePort = 20000; ///< valve v listens on basePort + v - 1
    int devices = 1;
    int pollIntervalMs = 100; ///< pauses between probes are uniform in [0, poll interval]
    /// Valves probed at once (spread over the fleet); 0: no probes.
    int probeDevices = 8;
    /// A probe not seen within this time counts as lost.
    int probeTimeoutMs = 10000;
};

struct LatencyFigures
{
    int sent = 0; ///< marker writes confirmed by the device
    int seen = 0; ///< ... and then seen by the loop under test
    int lost = 0; ///< not seen within the timeout (e.g. the simulator's cycle overwrote it)
    int failed = 0; ///< the marker write itself failed
    std::vector<double> fromWriteMs; ///< write sent -> marker seen (upper bound)
    std::vector<double> fromReplyMs; ///< write confirmed -> marker seen (lower bound)
    double writeRoundTripMedianMs = 0;

    static double percentile(std::vector<double> values, double p);
    bool measured() const { return !fromWriteMs.empty(); }
    double p50() const { return percentile(fromWriteMs, 50); }
    double p99() const { return percentile(fromWriteMs, 99); }
    double max() const { return percentile(fromWriteMs, 100); }
    double p50FromReply() const { return percentile(fromReplyMs, 50); }
    double p99FromReply() const { return percentile(fromReplyMs, 99); }
};

/// Writes the SetPoint register of a few valves through its own raw clients and waits until the
/// loop under test reports the new value; one probe per valve at a time, with a random pause
/// between probes so their phase against the poll timer is uniform. Lives on the thread that
/// calls observed().
class LatencyProber : public QObject
{
public:
    LatencyProber(const ProbeOptions &options, LatencyFigures *figures);

    bool allConnected() const;
    /// Whether a probe writes to this valve (1-based).
    bool isProbed(int valve) const { return m_byValve.contains(valve); }
    void start();
    void stop();
    /// The loop under test saw this SetPoint value (engineering units) of this valve.
    void observed(int valve, double value);

private:
    struct Probe
    {
        int valve = 0;
        QModbusTcpClient *client = nullptr;
        QTimer *timeout = nullptr;
        int serial = 0;
        bool pending = false;
        double expected = 0;
        qint64 sentNs = 0;
        qint64 replyNs = 0;
    };

    void scheduleNext(int j);
    void write(int j);
    void onTimeout(int j);

    ProbeOptions m_options;
    LatencyFigures *m_figures;
    std::vector<Probe> m_probes;
    QHash<int, int> m_byValve; ///< valve -> probe index
    std::vector<double> m_writeRoundTrips;
    bool m_running = false;
    QElapsedTimer m_clock;
};

} // namespace dt::bench
