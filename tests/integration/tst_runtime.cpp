// SPDX-License-Identifier: GPL-3.0-or-later
// The dt-runtime binary end to end on loopback: deploy the refinery against four dt-valvesim
// processes (one per valve, cycling), snapshots via stdin and SIGUSR1, one simulator killed and
// restarted (its valve goes bad, the others keep updating, it recovers), SIGTERM stops with exit
// code 0, and a bad model exits non-zero with the errors.
#include "runtime/tst_enginesupport.h"

#include "engine/snapshot.h"

#include "model/caexreader.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

constexpr quint16 PortsFirst = 24100; // this file's port range
constexpr quint16 PortsLast = 24999;
constexpr int Long = 20000;
constexpr int PollMs = 100;

struct Live
{
    QString value;
    QString quality;
    qint64 timestampMs = 0;
};

// "path|attribute" -> live state, from a snapshot's live-values block.
QHash<QString, Live> readLiveValues(const QString &file)
{
    QHash<QString, Live> live;
    dt::model::CaexReader reader;
    dt::Result<dt::model::CaexFile> doc = reader.readFile(file);
    if (!doc)
        return live;
    const dt::model::InternalElement *refinery
        = dt::model::findChild(doc->instanceHierarchies.first().internalElements, u"Refinery");
    if (!refinery || !refinery->header)
        return live;
    for (const dt::model::XmlFragment &f : refinery->header->additionalInformation) {
        QXmlStreamReader xml(f.xml);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.name() != u"Value"
                || xml.namespaceUri() != dt::runtime::SnapshotNamespace)
                continue;
            const QXmlStreamAttributes a = xml.attributes();
            live.insert(a.value(u"path"_s).toString() + u'|' + a.value(u"attribute"_s).toString(),
                Live { a.value(u"value"_s).toString(), a.value(u"quality"_s).toString(),
                    QDateTime::fromString(a.value(u"timestamp"_s).toString(), Qt::ISODateWithMs)
                        .toMSecsSinceEpoch() });
        }
    }
    return live;
}

} // namespace

class TestRuntime : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    quint16 m_base = 0;
    dt::test::Simulator m_sims[4];
    QProcess m_runtime;
    QByteArray m_stderr;
    int m_snapshots = 0;

    bool startSimulator(int i)
    {
        return m_sims[i].start({ u"--valves"_s, u"1"_s, u"--port"_s, QString::number(m_base + i),
            u"--stroke-s"_s, u"1"_s, u"--cycle-s"_s, u"1"_s, u"--seed"_s, QString::number(i + 1) });
    }

    bool waitForStderr(const QByteArray &text, int timeoutMs = Long)
    {
        return QTest::qWaitFor(
                   [&]() {
                       m_stderr += m_runtime.readAllStandardError();
                       return m_stderr.contains(text) || m_runtime.state() != QProcess::Running;
                   },
                   timeoutMs)
            && m_stderr.contains(text);
    }

    // Asks the running dt-runtime for a snapshot on stdin and reads its live values.
    QHash<QString, Live> snapshot()
    {
        const QString file = m_dir.path() + u"/snap-%1.aml"_s.arg(++m_snapshots);
        m_runtime.write(u"snapshot %1\n"_s.arg(file).toUtf8());
        if (!waitForStderr(u"snapshot: %1"_s.arg(file).toUtf8()))
            return {};
        return readLiveValues(file);
    }

    static QByteArray runOnce(const QStringList &arguments, int *exitCode)
    {
        QProcess p;
        p.start(dt::test::dtRuntimeBinary(), arguments);
        p.closeWriteChannel();
        if (!p.waitForFinished(Long)) {
            p.kill();
            p.waitForFinished();
        }
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.readAllStandardError();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(dt::test::dtValvesimBinary())
            || !QFileInfo::exists(dt::test::dtRuntimeBinary()))
            QSKIP("dt-valvesim or dt-runtime is not built");
        QVERIFY(m_dir.isValid());
        m_base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(m_base);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(startSimulator(i), "dt-valvesim did not start");
    }

    void deploys()
    {
        const QString model = dt::test::refineryCopy(m_dir.path(), m_base, PollMs);
        m_runtime.start(
            dt::test::dtRuntimeBinary(), { model, u"--data"_s, m_dir.path() + u"/data"_s });
        QVERIFY(m_runtime.waitForStarted(Long));
        QVERIFY2(waitForStderr("dt-runtime: running"), m_stderr.constData());
        QVERIFY(m_stderr.contains("4 device(s), 24 binding(s)"));
        QVERIFY(m_stderr.contains("not active in this build"));
        for (int i = 1; i <= 4; ++i)
            QVERIFY2(
                waitForStderr(u"device RefineryTwin/Valve%1Modbus: connected"_s.arg(i).toUtf8()),
                m_stderr.constData());
    }

    void snapshotOnStdin()
    {
        QHash<QString, Live> live;
        QVERIFY(QTest::qWaitFor(
            [&]() {
                live = snapshot();
                // Each read block turns good at its first answer; under load the blocks of
                // different devices answer in any order.
                return live.value(u"Valve4|Position"_s).quality == u"good"_s
                    && live.value(u"Valve1|TorqueProfileOpen/P100"_s).quality == u"good"_s;
            },
            Long));
        QVERIFY(live.size() > 100);
        QCOMPARE(live.value(u"Valve1|TorqueProfileOpen/P100"_s).quality, u"good"_s);
        QCOMPARE(live.value(u"RefineryTwin/Valve1Modbus|Port"_s).value, QString::number(m_base));
    }

    void snapshotOnSigusr1()
    {
        const QDir data(m_dir.path() + u"/data"_s);
        QVERIFY(data.entryList({ u"snapshot-*.aml"_s }).isEmpty());
        ::kill(pid_t(m_runtime.processId()), SIGUSR1);
        QVERIFY2(waitForStderr("snapshot: "), m_stderr.constData());
        QTRY_COMPARE_WITH_TIMEOUT(data.entryList({ u"snapshot-*.aml"_s }).size(), 1, Long);
        const QHash<QString, Live> live = readLiveValues(
            data.absoluteFilePath(data.entryList({ u"snapshot-*.aml"_s }).first()));
        QCOMPARE(live.value(u"Valve2|Position"_s).quality, u"good"_s);
    }

    void deviceLostAndBack()
    {
        // The valves cycle (1 s strokes), so positions change on every poll.
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        m_sims[1].kill();
        QHash<QString, Live> live;
        QVERIFY(QTest::qWaitFor(
            [&]() {
                live = snapshot();
                return live.value(u"Valve2|Position"_s).quality == u"bad"_s;
            },
            Long));
        const qint64 badAfter = live.value(u"Valve2|Position"_s).timestampMs - killedAt;
        qInfo("Valve2 bad %lld ms after its simulator died (poll period %d ms)", badAfter, PollMs);
        QVERIFY2(badAfter < 2000, "far beyond two poll periods");
        QCOMPARE(live.value(u"Valve2|TorqueProfileOpen/P50"_s).quality, u"bad"_s);

        // The others keep updating meanwhile.
        const QHash<QString, Live> before = live;
        QVERIFY(QTest::qWaitFor(
            [&]() {
                live = snapshot();
                for (const char *v : { "Valve1", "Valve3", "Valve4" }) {
                    const QString k = QString::fromLatin1(v) + u"|Position"_s;
                    if (live.value(k).quality != u"good"_s
                        || live.value(k).timestampMs <= before.value(k).timestampMs)
                        return false;
                }
                return true;
            },
            Long));
        QCOMPARE(live.value(u"Valve2|Position"_s).quality, u"bad"_s);

        // Restarted, it is back within about a second (reconnect backoff is capped at 500 ms).
        QVERIFY(startSimulator(1));
        const qint64 restartedAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(QTest::qWaitFor(
            [&]() {
                live = snapshot();
                return live.value(u"Valve2|Position"_s).quality == u"good"_s;
            },
            Long));
        const qint64 backAfter = live.value(u"Valve2|Position"_s).timestampMs - restartedAt;
        qInfo("Valve2 good again %lld ms after its simulator listened", backAfter);
        QVERIFY2(backAfter < 3000, "recovery far slower than the reconnect backoff allows");
    }

    void deviceStopsAnswering()
    {
        // Frozen, not dead: the connection stays open and requests just go unanswered, so only
        // the runtime's two-poll-period watchdog can notice.
        const auto pid = pid_t(m_sims[2].processId());
        QVERIFY(pid > 0);
        const qint64 frozenAt = QDateTime::currentMSecsSinceEpoch();
        ::kill(pid, SIGSTOP);
        QHash<QString, Live> live;
        const bool bad = QTest::qWaitFor(
            [&]() {
                live = snapshot();
                return live.value(u"Valve3|Position"_s).quality == u"bad"_s;
            },
            Long);
        ::kill(pid, SIGCONT);
        QVERIFY(bad);
        const qint64 badAfter = live.value(u"Valve3|Position"_s).timestampMs - frozenAt;
        qInfo("Valve3 bad %lld ms after its simulator froze (poll period %d ms)", badAfter, PollMs);
        QVERIFY2(badAfter < 2000, "far beyond two poll periods");
        QVERIFY(QTest::qWaitFor(
            [&]() {
                live = snapshot();
                return live.value(u"Valve3|Position"_s).quality == u"good"_s;
            },
            Long));
    }

    void sigtermStopsCleanly()
    {
        m_runtime.terminate(); // SIGTERM
        QVERIFY(m_runtime.waitForFinished(Long));
        m_stderr += m_runtime.readAllStandardError();
        QCOMPARE(m_runtime.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_runtime.exitCode(), 0);
        QVERIFY2(m_stderr.contains("dt-runtime: stopped"), m_stderr.constData());
        QVERIFY(QFileInfo::exists(m_dir.path() + u"/data/refinery-history.sqlite"_s));
    }

    void badModelFails()
    {
        const QString broken = dt::test::refineryCopy(
            m_dir.path(), m_base, PollMs,
            [](QString &text) {
                dt::test::replaceAfter(text, u"Name=\"Valve1Torque\""_s,
                    u"e0010003-0000-4000-8000-000000000003\""_s,
                    u"e0010003-0000-4000-8000-0000000000ff\""_s);
            },
            u"broken.aml"_s);
        int exitCode = 0;
        QByteArray err = runOnce({ broken, u"--data"_s, m_dir.path() + u"/bad"_s }, &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY2(err.contains("InternalLink 'Valve1Torque': RefPartnerSideB "
                              "'e0010003-0000-4000-8000-0000000000ff' does not exist"),
            err.constData());
        QVERIFY(err.contains("nothing started"));
        QVERIFY(!QFileInfo::exists(m_dir.path() + u"/bad/refinery-history.sqlite"_s));

        err = runOnce({ m_dir.path() + u"/missing.aml"_s }, &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY2(err.contains("missing.aml"), err.constData());

        err = runOnce({}, &exitCode);
        QCOMPARE(exitCode, 2);
        QVERIFY(err.contains("usage"));
    }

    void cleanupTestCase()
    {
        if (m_runtime.state() != QProcess::NotRunning) {
            m_runtime.kill();
            m_runtime.waitForFinished();
        }
        for (dt::test::Simulator &sim : m_sims)
            sim.kill();
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
