// SPDX-License-Identifier: GPL-3.0-or-later
// The engine in-process against four simulated valves (dt-valvesim): deploy a copy of the
// refinery example, command strokes through its Method components, check that the model follows
// the simulator register for register, writes and access control, that the history holds every
// change the engine notified, events, and a snapshot re-read with the CAEX reader.
#include "tst_enginesupport.h"

#include "client/localtwinclient.h"
#include "engine/runtimehost.h"
#include "engine/snapshot.h"

#include "model/caexreader.h"

#include <QModbusReply>
#include <QModbusTcpClient>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {
constexpr quint16 PortsFirst = 23100; // this file's port range
constexpr quint16 PortsLast = 23999;
constexpr int Long = 20000; // generous: the machine is shared and loaded
} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    quint16 m_base = 0;
    dt::test::Simulator m_sim;
    RuntimeHost *m_host = nullptr;
    LocalTwinClient *m_client = nullptr;
    QList<AttributeUpdate> m_updates;
    QList<EventRecord> m_events;

    AttributeUpdate current(const QString &path, const QString &attribute) const
    {
        const QList<AttributeUpdate> values = m_client->currentValues();
        for (const AttributeUpdate &u : values) {
            if (u.path == path && u.attribute == attribute)
                return u;
        }
        return {};
    }
    QString value(const QString &path, const QString &attribute) const
    {
        return current(path, attribute).value;
    }

    // Waits for a TwinClient callback.
    static dt::Result<void> wait(const std::function<void(TwinClient::Done)> &call)
    {
        std::optional<dt::Result<void>> result;
        call([&result](const dt::Result<void> &r) { result = r; });
        (void)QTest::qWaitFor([&result]() { return result.has_value(); }, Long);
        return result ? *result : dt::Result<void>::failure(u"no answer"_s);
    }

    // Reads registers of valve n straight from the simulator, as a second opinion.
    QList<quint16> readDevice(int valve, QModbusDataUnit::RegisterType type, int address, int count)
    {
        QModbusTcpClient client;
        client.setConnectionParameter(QModbusDevice::NetworkAddressParameter, u"127.0.0.1"_s);
        client.setConnectionParameter(QModbusDevice::NetworkPortParameter, m_base + valve - 1);
        if (!client.connectDevice())
            return {};
        if (!QTest::qWaitFor(
                [&]() { return client.state() == QModbusDevice::ConnectedState; }, Long))
            return {};
        QModbusReply *reply = client.sendReadRequest(QModbusDataUnit(type, address, count), 1);
        if (!reply)
            return {};
        (void)QTest::qWaitFor([reply]() { return reply->isFinished(); }, Long);
        QList<quint16> values;
        if (reply->isFinished() && reply->error() == QModbusDevice::NoError)
            values = reply->result().values();
        delete reply;
        client.disconnectDevice();
        return values;
    }

    bool allConnected() const
    {
        const QHash<QString, int> states = m_client->deviceStates();
        return states.size() == 4
            && std::all_of(states.cbegin(), states.cend(), [](int s) { return s == 2; });
    }

    std::optional<QList<EventRecord>> storedEvents(int n)
    {
        std::optional<dt::Result<QList<EventRecord>>> stored;
        m_client->events(n, [&](const dt::Result<QList<EventRecord>> &r) { stored = r; });
        (void)QTest::qWaitFor([&]() { return stored.has_value(); }, Long);
        if (!stored || !*stored)
            return std::nullopt;
        return stored->value();
    }

    // True when the model shows exactly what valve n's registers hold now.
    bool modelMatchesDevice(int valve, QString *why)
    {
        const QString v = u"Valve%1"_s.arg(valve);
        const QList<quint16> input = readDevice(valve, QModbusDataUnit::InputRegisters, 2, 2);
        const QList<quint16> holding = readDevice(valve, QModbusDataUnit::HoldingRegisters, 56, 46);
        const QList<quint16> state = readDevice(valve, QModbusDataUnit::HoldingRegisters, 5, 1);
        if (input.size() != 2 || holding.size() != 46 || state.size() != 1) {
            *why = u"device read failed"_s;
            return false;
        }
        QStringList mismatches;
        const auto check = [&](const QString &attribute, const QString &expected) {
            const QString actual = value(v, attribute);
            if (actual != expected)
                mismatches.append(u"%1 model %2 device %3"_s.arg(attribute, actual, expected));
        };
        check(u"Torque"_s, QString::number(input[0]));
        check(u"Position"_s, QString::number(input[1] * 0.1, 'g', 15));
        check(u"State"_s, QString::number(state[0]));
        check(
            u"OperationCount"_s, QString::number(quint32(holding[0]) | quint32(holding[1]) << 16));
        for (int i = 0; i < 21; ++i) {
            check(u"TorqueProfileOpen/P%1"_s.arg(i * 5), QString::number(holding[4 + i]));
            check(u"TorqueProfileClose/P%1"_s.arg(i * 5), QString::number(holding[25 + i]));
        }
        *why = mismatches.join(u"; "_s);
        return mismatches.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(dt::test::dtValvesimBinary()))
            QSKIP("dt-valvesim is not built");
        QVERIFY(m_dir.isValid());
        m_base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(m_base);
        QVERIFY(m_sim.start({ u"--valves"_s, u"4"_s, u"--port"_s, QString::number(m_base),
            u"--stroke-s"_s, u"1"_s, u"--seed"_s, u"11"_s }));
        const QString file = dt::test::refineryCopy(m_dir.path(), m_base, 100);
        QVERIFY(!file.isEmpty());

        m_host = new RuntimeHost(this);
        m_client = new LocalTwinClient(m_host, this);
        connect(m_client, &TwinClient::attributeChanged, this,
            [this](const AttributeUpdate &u) { m_updates.append(u); });
        connect(m_client, &TwinClient::eventRaised, this,
            [this](const EventRecord &e) { m_events.append(e); });
        DeployOptions options;
        options.dataDir = m_dir.path() + u"/data"_s;
        const dt::Result<DeployReport> deployed = m_host->deploy(file, options);
        QVERIFY2(deployed, qPrintable(deployed.error()));
        QVERIFY(m_client->isRunning());
    }

    void devicesConnect()
    {
        QTRY_VERIFY_WITH_TIMEOUT(allConnected(), Long);
        for (int v = 1; v <= 4; ++v) {
            const QString path = u"Valve%1"_s.arg(v);
            QTRY_COMPARE_WITH_TIMEOUT(current(path, u"Position"_s).quality, Quality::Good, Long);
            QTRY_COMPARE_WITH_TIMEOUT(
                current(path, u"TorqueProfileClose/P100"_s).quality, Quality::Good, Long);
            QCOMPARE(current(path, u"Position"_s).source, u"Valve%1Modbus"_s.arg(v));
        }
    }

    void openStroke()
    {
        const int countBefore = value(u"Valve1"_s, u"OperationCount"_s).toInt();
        QCOMPARE(value(u"Valve1"_s, u"Position"_s), u"0"_s);
        m_updates.clear();
        const dt::Result<void> invoked = wait(
            [this](TwinClient::Done d) { m_client->invokeMethod(u"Valve1"_s, u"Open"_s, d); });
        QVERIFY2(invoked, qPrintable(invoked.error()));
        QTRY_COMPARE_WITH_TIMEOUT(value(u"Valve1"_s, u"State"_s), u"2"_s, Long);
        QTRY_COMPARE_WITH_TIMEOUT(value(u"Valve1"_s, u"Position"_s), u"100"_s, Long);
        QTRY_COMPARE_WITH_TIMEOUT(
            value(u"Valve1"_s, u"OperationCount"_s).toInt(), countBefore + 1, Long);
        QTRY_VERIFY_WITH_TIMEOUT(
            value(u"Valve1"_s, u"TorqueProfileOpen/P50"_s).toDouble() > 0, Long);
        // The stroke was seen in between: intermediate positions and torque under load.
        bool midway = false;
        bool torque = false;
        for (const AttributeUpdate &u : std::as_const(m_updates)) {
            if (u.path != u"Valve1"_s)
                continue;
            const double d = u.value.toDouble();
            midway = midway || (u.attribute == u"Position"_s && d > 0 && d < 100);
            torque = torque || (u.attribute == u"Torque"_s && d > 0);
        }
        QVERIFY(midway);
        QVERIFY(torque);
        // The other valves did not move.
        QCOMPARE(value(u"Valve2"_s, u"Position"_s), u"0"_s);
    }

    void modelFollowsSimulator()
    {
        QString why;
        // The model lags the device by at most a poll; the valve is at rest now.
        QVERIFY2(
            QTest::qWaitFor([&]() { return modelMatchesDevice(1, &why); }, Long), qPrintable(why));
        QVERIFY2(modelMatchesDevice(2, &why), qPrintable(why));
    }

    void closeStroke()
    {
        const dt::Result<void> invoked = wait(
            [this](TwinClient::Done d) { m_client->invokeMethod(u"Valve1"_s, u"Close"_s, d); });
        QVERIFY2(invoked, qPrintable(invoked.error()));
        QTRY_COMPARE_WITH_TIMEOUT(value(u"Valve1"_s, u"Position"_s), u"0"_s, Long);
        QTRY_VERIFY_WITH_TIMEOUT(
            value(u"Valve1"_s, u"TorqueProfileClose/P50"_s).toDouble() > 0, Long);
        QString why;
        QVERIFY2(
            QTest::qWaitFor([&]() { return modelMatchesDevice(1, &why); }, Long), qPrintable(why));
    }

    void writes()
    {
        // Linked to a read-only register: refused, the model keeps the device's value.
        dt::Result<void> r = wait([this](TwinClient::Done d) {
            m_client->writeAttribute(u"Valve1"_s, u"Torque"_s, u"5"_s, d);
        });
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"not writable"_s), qPrintable(r.error()));
        // Not linked: the model is the state.
        r = wait([this](TwinClient::Done d) {
            m_client->writeAttribute(u"Valve1"_s, u"Health"_s, u"0.5"_s, d);
        });
        QVERIFY2(r, qPrintable(r.error()));
        QTRY_COMPARE(value(u"Valve1"_s, u"Health"_s), u"0.5"_s);
        QCOMPARE(current(u"Valve1"_s, u"Health"_s).source, u"local:workbench"_s);
        // Linked to a writable register: goes to the device, the model follows its answer.
        r = wait([this](TwinClient::Done d) {
            m_client->writeAttribute(u"Valve3"_s, u"State"_s, u"2"_s, d);
        });
        QVERIFY2(r, qPrintable(r.error()));
        QTRY_COMPARE_WITH_TIMEOUT(value(u"Valve3"_s, u"Position"_s), u"100"_s, Long);
        QCOMPARE(current(u"Valve3"_s, u"Position"_s).source, u"Valve3Modbus"_s);
        // Unknown addresses.
        QVERIFY(!wait([this](TwinClient::Done d) {
            m_client->writeAttribute(u"Valve9"_s, u"State"_s, u"2"_s, d);
        }));
        QVERIFY(!wait(
            [this](TwinClient::Done d) { m_client->invokeMethod(u"Valve1"_s, u"Explode"_s, d); }));
    }

    void accessControl()
    {
        m_client->setSource(Source::user(u"mallory"_s));
        dt::Result<void> r = wait(
            [this](TwinClient::Done d) { m_client->invokeMethod(u"Valve2"_s, u"Open"_s, d); });
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"access denied"_s), qPrintable(r.error()));

        m_client->setSource(Source::user(u"operator"_s));
        r = wait([this](TwinClient::Done d) {
            m_client->writeAttribute(u"RefineryTwin/History"_s, u"File"_s, u"x.sqlite"_s, d);
        });
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"access denied"_s), qPrintable(r.error()));
        r = wait([this](TwinClient::Done d) { m_client->invokeMethod(u"Valve2"_s, u"Open"_s, d); });
        QVERIFY2(r, qPrintable(r.error()));
        QTRY_COMPARE_WITH_TIMEOUT(value(u"Valve2"_s, u"State"_s), u"2"_s, Long);
        m_client->setSource(Source::local(u"workbench"_s));
    }

    void events()
    {
        m_events.clear();
        const dt::Result<void> r = wait([this](TwinClient::Done d) {
            m_client->writeAttribute(u"Valve1"_s, u"Status"_s, u"Maintenance required"_s, d);
        });
        QVERIFY2(r, qPrintable(r.error()));
        QTRY_COMPARE(m_events.size(), 1);
        const EventRecord e = m_events.first();
        QCOMPARE(e.event, u"Valve1StatusChange"_s);
        QCOMPARE(e.state, u"changed"_s);
        QCOMPARE(e.path, u"Valve1"_s);
        QCOMPARE(e.attribute, u"Status"_s);
        QCOMPARE(e.value, u"Maintenance required"_s);

        std::optional<QList<EventRecord>> stored;
        QVERIFY(QTest::qWaitFor(
            [&]() {
                stored = storedEvents(10);
                return stored && !stored->isEmpty();
            },
            Long));
        QCOMPARE(stored->first(), e);
    }

    void historyHasEveryChange()
    {
        QList<AttributeUpdate> notified;
        for (const AttributeUpdate &u : std::as_const(m_updates)) {
            if (u.path == u"Valve1"_s)
                notified.append(u);
        }
        QVERIFY(notified.size() > 20);
        QString missing;
        const auto allStored = [&]() {
            std::optional<dt::Result<QList<HistoryRecord>>> records;
            m_client->history(u"Valve1"_s, QString(), 1000000,
                [&](const dt::Result<QList<HistoryRecord>> &r) { records = r; });
            (void)QTest::qWaitFor([&]() { return records.has_value(); }, Long);
            if (!records || !*records) {
                missing = records ? records->error() : u"no answer"_s;
                return false;
            }
            QSet<QString> stored;
            for (const HistoryRecord &h : std::as_const(**records))
                stored.insert(u"%1|%2|%3|%4|%5"_s.arg(h.attribute, h.value)
                                  .arg(h.timestampMs)
                                  .arg(qualityName(h.quality), h.source));
            for (const AttributeUpdate &u : std::as_const(notified)) {
                const QString k = u"%1|%2|%3|%4|%5"_s.arg(u.attribute, u.value)
                                      .arg(u.timestampMs)
                                      .arg(qualityName(u.quality), u.source);
                if (!stored.contains(k)) {
                    missing = k;
                    return false;
                }
            }
            return true;
        };
        QVERIFY2(QTest::qWaitFor(allStored, Long), qPrintable(u"not in history: "_s + missing));
    }

    void snapshot()
    {
        const QString file = m_dir.path() + u"/snapshots/live.aml"_s;
        QVERIFY(QDir().mkpath(m_dir.path() + u"/snapshots"_s));
        const dt::Result<void> written = m_host->snapshot(file);
        QVERIFY2(written, qPrintable(written.error()));
        // What the engine held at that instant (the valves are at rest, Valve2 may still move).
        const QString position = value(u"Valve1"_s, u"Position"_s);
        const QString profile = value(u"Valve1"_s, u"TorqueProfileOpen/P50"_s);

        dt::model::CaexReader reader;
        dt::Result<dt::model::CaexFile> doc = reader.readFile(file);
        QVERIFY2(doc, qPrintable(doc.error()));
        dt::model::InternalElement *refinery
            = dt::model::findChild(doc->instanceHierarchies.first().internalElements, u"Refinery");
        QVERIFY(refinery);
        dt::model::InternalElement *valve1
            = dt::model::findChild(refinery->internalElements, u"Valve1");
        QVERIFY(valve1);
        const dt::model::Attribute *p = dt::model::findAttribute(valve1->attributes, u"Position");
        QVERIFY(p && p->value);
        QCOMPARE(*p->value, position);
        QCOMPARE(*dt::model::findAttribute(valve1->attributes, u"TorqueProfileOpen")
                      ->attribute(u"P50")
                      ->value,
            profile);
        QCOMPARE(*dt::model::findAttribute(valve1->attributes, u"Status")->value,
            u"Maintenance required"_s);
        // The library references still resolve from the snapshot's folder.
        for (const dt::model::ExternalReference &ref : doc->externalReferences)
            QVERIFY2(QFileInfo::exists(QFileInfo(file).absoluteDir().absoluteFilePath(ref.path)),
                qPrintable(ref.path));

        // Timestamps and qualities in the live-values block on the twin root.
        QVERIFY(refinery->header);
        QString block;
        for (const dt::model::XmlFragment &f : refinery->header->additionalInformation)
            block = f.xml.contains(SnapshotNamespace) ? f.xml : block;
        QVERIFY(!block.isEmpty());
        QXmlStreamReader xml(block);
        int values = 0;
        bool found = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"Value"
                && xml.namespaceUri() == SnapshotNamespace) {
                ++values;
                const auto a = xml.attributes();
                if (a.value(u"path"_s) == u"Valve1" && a.value(u"attribute"_s) == u"Position") {
                    found = true;
                    QCOMPARE(a.value(u"value"_s).toString(), position);
                    QCOMPARE(a.value(u"quality"_s).toString(), u"good"_s);
                    QVERIFY(
                        QDateTime::fromString(a.value(u"timestamp"_s).toString(), Qt::ISODateWithMs)
                            .isValid());
                    QCOMPARE(a.value(u"source"_s).toString(), u"Valve1Modbus"_s);
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(found);
        QCOMPARE(values, int(m_client->currentValues().size()));
    }

    void cleanupTestCase()
    {
        if (m_host)
            m_host->stop();
        QVERIFY(!m_client || !m_client->isRunning());
        m_sim.kill();
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
