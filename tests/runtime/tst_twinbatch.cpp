// SPDX-License-Identifier: GPL-3.0-or-later
// The twin's batched data path: device samples are queued and one flush per event-loop pass runs
// access control, model update, history, events and one notification over the batch. The
// refinery example is deployed in process against ports nobody listens on, and samples are fed
// through the devices' own valueUpdated/qualityChanged signals, so many changes can land in one
// batch deterministically (no simulator, no timing).
#include "tst_enginesupport.h"

#include "engine/engine.h"
#include "engine/twin.h"

#include "storage/historystore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {
constexpr quint16 PortsFirst = 27100; // this file's port range (nothing listens on it)
constexpr quint16 PortsLast = 27999;
constexpr int Long = 20000; // generous: the machine is shared and loaded

struct Link
{
    int device = -1;
    int variable = -1;
};

QList<AttributeUpdate> updatesOf(
    const QSignalSpy &spy, const QString &path, const QString &attribute)
{
    QList<AttributeUpdate> out;
    for (const QList<QVariant> &args : spy) {
        const auto updates = args.at(0).value<QList<AttributeUpdate>>();
        for (const AttributeUpdate &u : updates) {
            if (u.path == path && u.attribute == attribute)
                out.append(u);
        }
    }
    return out;
}

} // namespace

class TestTwinBatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    std::unique_ptr<Engine> m_engine;
    int m_run = 0;

    Twin *twin() const { return m_engine->twins().front().get(); }

    // The device and variable feeding path/attribute (for arrays, attribute is any element).
    Link linkOf(const QString &path, const QString &attribute) const
    {
        const TwinPlan &plan = twin()->plan();
        for (int d = 0; d < plan.devices.size(); ++d) {
            for (const VariableBinding &b : plan.devices[d].bindings) {
                if (b.elementPath == path && b.attributes.contains(attribute))
                    return { d, b.variableIndex };
            }
        }
        return {};
    }

    void inject(const Link &link, const QVariant &value, qint64 ts)
    {
        Q_EMIT twin()->devices()[size_t(link.device)]->valueUpdated(link.variable, value, ts);
    }

    QString modelValue(const QString &path, const QString &attribute) const
    {
        AttributeStore::Slot *slot = twin()->store().find(path, attribute);
        return slot ? slot->value() : u"<missing>"_s;
    }

    AttributeUpdate cached(const QString &path, const QString &attribute) const
    {
        const QList<AttributeUpdate> values = m_engine->currentValues();
        for (const AttributeUpdate &u : values) {
            if (u.path == path && u.attribute == attribute)
                return u;
        }
        return {};
    }

    // Committed history of one attribute, oldest first, only what the device component wrote
    // with quality good (the unreachable devices also report Bad now and then).
    QList<HistoryRecord> goodHistory(
        HistoryStore &store, const QString &path, const QString &attribute, const QString &source)
    {
        if (!store.flush(Long))
            return {};
        const dt::Result<QList<HistoryRecord>> records = store.lastRecords(path, attribute, 10000);
        if (!records)
            return {};
        QList<HistoryRecord> out;
        for (const HistoryRecord &r : *records) {
            if (r.quality == Quality::Good && r.source == source)
                out.prepend(r);
        }
        return out;
    }

    bool allDeviceFedBad() const
    {
        for (const DevicePlan &d : twin()->plan().devices) {
            for (const VariableBinding &b : d.bindings) {
                for (const QString &attribute : b.attributes) {
                    const AttributeStore::Slot *slot
                        = twin()->store().find(b.elementPath, attribute);
                    if (slot && slot->quality != Quality::Bad)
                        return false;
                }
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<AttributeUpdate>>();
        qRegisterMetaType<EventRecord>();
        QVERIFY(m_dir.isValid());
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base);
        m_file = dt::test::refineryCopy(m_dir.path(), base, 100);
        QVERIFY(!m_file.isEmpty());
    }

    // A fresh engine (and history database) per test function.
    void init()
    {
        m_engine = std::make_unique<Engine>();
        DeployOptions options;
        options.dataDir = m_dir.path() + u"/data%1"_s.arg(++m_run);
        QVERIFY(QDir().mkpath(options.dataDir));
        const DeployReport report = m_engine->deploy(m_file, options);
        QVERIFY2(report.ok() && report.started, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(m_engine->twins().size(), size_t(1));
        QVERIFY(twin()->hasHistory());
        // Let the unreachable devices report every variable Bad first (they report quality only
        // when it changes): from then on they stay quiet and the samples below are all there is.
        QTRY_VERIFY_WITH_TIMEOUT(allDeviceFedBad(), Long);
        QTest::qWait(20);
    }

    void cleanup() { m_engine.reset(); }

    void manySamplesOneBatch()
    {
        const Link position = linkOf(u"Valve1"_s, u"Position"_s);
        QVERIFY(position.device >= 0);
        QSignalSpy spy(m_engine.get(), &Engine::attributesChanged);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        QStringList sent;
        for (int i = 0; i < 50; ++i) {
            inject(position, i + 0.5, t0 + i);
            sent.append(QString::number(i + 0.5));
        }
        // Queued, not yet processed: the flush runs on the next event-loop pass.
        QCOMPARE(spy.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(updatesOf(spy, u"Valve1"_s, u"Position"_s).size() >= 50, Long);

        // Every sample notified, in order, all in one emission.
        const QList<AttributeUpdate> notified = updatesOf(spy, u"Valve1"_s, u"Position"_s);
        QStringList values;
        for (const AttributeUpdate &u : notified)
            values.append(u.value);
        QCOMPARE(values, sent);
        QCOMPARE(notified.last().timestampMs, t0 + 49);
        QCOMPARE(notified.last().source, u"Valve1Modbus"_s);
        QCOMPARE(notified.last().quality, Quality::Good);
        qsizetype largest = 0;
        for (const QList<QVariant> &args : std::as_const(spy))
            largest = std::max(largest, args.at(0).value<QList<AttributeUpdate>>().size());
        QVERIFY(largest >= 50);

        // Last value wins in the model and in the engine's cache.
        QCOMPARE(modelValue(u"Valve1"_s, u"Position"_s), u"49.5"_s);
        const AttributeUpdate c = cached(u"Valve1"_s, u"Position"_s);
        QCOMPARE(c.value, u"49.5"_s);
        QCOMPARE(c.timestampMs, t0 + 49);
        QCOMPARE(c.source, u"Valve1Modbus"_s);

        // History has every value, in order, with its own timestamp.
        const QList<HistoryRecord> stored
            = goodHistory(*twin()->history(), u"Valve1"_s, u"Position"_s, u"Valve1Modbus"_s);
        QCOMPARE(stored.size(), 50);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(stored[i].value, sent[i]);
            QCOMPARE(stored[i].timestampMs, t0 + i);
        }
    }

    void arrayAndScalarFormats()
    {
        const QStringList points = [] {
            QStringList p;
            for (int i = 0; i <= 100; i += 5)
                p.append(u"TorqueProfileOpen/P%1"_s.arg(i));
            return p;
        }();
        const Link profile = linkOf(u"Valve1"_s, points.first());
        QVERIFY(profile.device >= 0);
        QVariantList values;
        for (int i = 0; i < points.size(); ++i)
            values.append(double(i * 3));
        const Link state = linkOf(u"Valve1"_s, u"State"_s);
        QVERIFY(state.device >= 0);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        inject(profile, values, t0);
        inject(state, 2.0, t0);
        QTRY_COMPARE_WITH_TIMEOUT(modelValue(u"Valve1"_s, u"State"_s), u"2"_s, Long);
        for (int i = 0; i < points.size(); ++i)
            QCOMPARE(modelValue(u"Valve1"_s, points[i]), QString::number(i * 3));
        QCOMPARE(
            cached(u"Valve1"_s, points.last()).value, QString::number((points.size() - 1) * 3));
    }

    void qualityInBatch()
    {
        const Link position = linkOf(u"Valve1"_s, u"Position"_s);
        QSignalSpy spy(m_engine.get(), &Engine::attributesChanged);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        ModbusDevice *device = twin()->devices()[size_t(position.device)].get();
        inject(position, 1.0, t0);
        Q_EMIT device->qualityChanged(position.variable, Quality::Bad, t0 + 1);
        Q_EMIT device->qualityChanged(position.variable, Quality::Bad, t0 + 2); // no change
        inject(position, 2.0, t0 + 3);
        QTRY_VERIFY_WITH_TIMEOUT(updatesOf(spy, u"Valve1"_s, u"Position"_s).size() >= 3, Long);
        QTest::qWait(50); // anything else in flight arrives too
        QList<AttributeUpdate> got = updatesOf(spy, u"Valve1"_s, u"Position"_s);
        // The unreachable device may add its own Bad reports after ours; look at ours only.
        got.erase(std::remove_if(got.begin(), got.end(),
                      [t0](const AttributeUpdate &u) { return u.timestampMs > t0 + 3; }),
            got.end());
        QCOMPARE(got.size(), 3);
        QCOMPARE(got[0].value, u"1"_s);
        QCOMPARE(got[0].quality, Quality::Good);
        QCOMPARE(got[1].value, u"1"_s);
        QCOMPARE(got[1].quality, Quality::Bad);
        QCOMPARE(got[1].timestampMs, t0 + 1);
        QCOMPARE(got[2].value, u"2"_s);
        QCOMPARE(got[2].quality, Quality::Good);
    }

    void laterChangeWins()
    {
        const Link position = linkOf(u"Valve1"_s, u"Position"_s);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        inject(position, 10.0, t0);
        // The queued sample is older than this change: it must not overwrite it.
        const dt::Result<void> changed
            = twin()->change(u"Valve1"_s, u"Position"_s, u"20"_s, Source::local(u"test"_s));
        QVERIFY2(changed, qPrintable(changed.error()));
        QCOMPARE(modelValue(u"Valve1"_s, u"Position"_s), u"20"_s);
        QTest::qWait(50);
        QCOMPARE(modelValue(u"Valve1"_s, u"Position"_s), u"20"_s);
        QCOMPARE(cached(u"Valve1"_s, u"Position"_s).value, u"20"_s);
        QCOMPARE(cached(u"Valve1"_s, u"Position"_s).source, u"local:test"_s);
        // And a sample after the change wins over it.
        inject(position, 30.0, QDateTime::currentMSecsSinceEpoch());
        QTRY_COMPARE_WITH_TIMEOUT(modelValue(u"Valve1"_s, u"Position"_s), u"30"_s, Long);
        QCOMPARE(cached(u"Valve1"_s, u"Position"_s).value, u"30"_s);

        // History: 10 (device), 20 (local), 30 (device), in that order.
        HistoryStore &history = *twin()->history();
        QVERIFY(history.flush(Long));
        const dt::Result<QList<HistoryRecord>> records
            = history.lastRecords(u"Valve1"_s, u"Position"_s, 1000);
        QVERIFY2(records, qPrintable(records.error()));
        QStringList values;
        for (const HistoryRecord &r : *records) {
            if (r.quality == Quality::Good)
                values.prepend(r.value);
        }
        QCOMPARE(values, QStringList({ u"10"_s, u"20"_s, u"30"_s }));
    }

    void accessControl_data()
    {
        QTest::addColumn<Source>("source");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<bool>("allowed");
        const Source valve1 = Source::component(u"Valve1Modbus"_s);
        QTest::newRow("device its own") << valve1 << u"Valve1"_s << u"Position"_s << true;
        QTest::newRow("device another's") << valve1 << u"Valve2"_s << u"Position"_s << false;
        QTest::newRow("device unlinked") << valve1 << u"Valve1"_s << u"Health"_s << false;
        QTest::newRow("method target")
            << Source::component(u"@Valve1/Open"_s) << u"Valve1"_s << u"State"_s << true;
        QTest::newRow("method elsewhere")
            << Source::component(u"@Valve1/Open"_s) << u"Valve1"_s << u"Position"_s << false;
        QTest::newRow("unknown component")
            << Source::component(u"Nobody"_s) << u"Valve1"_s << u"Position"_s << false;
        QTest::newRow("user allowed")
            << Source::user(u"operator"_s) << u"Valve1"_s << u"Health"_s << true;
        QTest::newRow("user unknown")
            << Source::user(u"mallory"_s) << u"Valve1"_s << u"Health"_s << false;
        QTest::newRow("local") << Source::local() << u"Valve2"_s << u"Position"_s << true;
    }

    void accessControl()
    {
        QFETCH(Source, source);
        QFETCH(QString, path);
        QFETCH(QString, attribute);
        QFETCH(bool, allowed);
        if (source.name.startsWith(u'@')) {
            // A Method component, named by its path in the plan: "@<element>/<action>".
            for (const MethodPlan &m : twin()->plan().methods) {
                if (u"@%1/%2"_s.arg(m.elementPath, m.action) == source.name)
                    source.name = m.name;
            }
            QVERIFY(!source.name.startsWith(u'@'));
        }
        QSignalSpy spy(m_engine.get(), &Engine::attributesChanged);
        const QString before = modelValue(path, attribute);
        QVERIFY(before != u"42"_s);
        const dt::Result<void> r = twin()->change(path, attribute, u"42"_s, source);
        QCOMPARE(bool(r), allowed);
        QList<AttributeUpdate> got = updatesOf(spy, path, attribute);
        got.erase(std::remove_if(got.begin(), got.end(),
                      [](const AttributeUpdate &u) { return u.value != u"42"_s; }),
            got.end());
        if (allowed) {
            QCOMPARE(modelValue(path, attribute), u"42"_s);
            QCOMPARE(got.size(), 1);
            QCOMPARE(got.first().source, source.toString());
        } else {
            QVERIFY2(r.error().contains(u"access denied"_s), qPrintable(r.error()));
            QCOMPARE(modelValue(path, attribute), before);
            QVERIFY(got.isEmpty());
        }
    }

    void thresholdCrossedAndBackInOneBatch()
    {
        // Valve1TorqueHigh: Torque > 90, hysteresis 5.
        const Link torque = linkOf(u"Valve1"_s, u"Torque"_s);
        QVERIFY(torque.device >= 0);
        QSignalSpy events(m_engine.get(), &Engine::eventRaised);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        const QList<double> samples { 50, 95, 88, 80, 96, 84 };
        for (int i = 0; i < samples.size(); ++i)
            inject(torque, samples[i], t0 + i);
        QCOMPARE(events.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(events.count(), 4, Long);
        QTest::qWait(50);
        QCOMPARE(events.count(), 4);
        const QList<std::pair<QString, QString>> expected { { u"raised"_s, u"95"_s },
            { u"cleared"_s, u"80"_s }, { u"raised"_s, u"96"_s }, { u"cleared"_s, u"84"_s } };
        const QList<qint64> times { t0 + 1, t0 + 3, t0 + 4, t0 + 5 };
        QList<EventRecord> emitted;
        for (int i = 0; i < 4; ++i) {
            const EventRecord e = events[i].at(0).value<EventRecord>();
            QCOMPARE(e.event, u"Valve1TorqueHigh"_s);
            QCOMPARE(e.path, u"Valve1"_s);
            QCOMPARE(e.attribute, u"Torque"_s);
            QCOMPARE(e.state, expected[i].first);
            QCOMPARE(e.value, expected[i].second);
            QCOMPARE(e.timestampMs, times[i]);
            emitted.append(e);
        }
        QCOMPARE(modelValue(u"Valve1"_s, u"Torque"_s), u"84"_s);
        // Stored too, same records (newest first there).
        QVERIFY(twin()->history()->flush(Long));
        const dt::Result<QList<EventRecord>> stored = twin()->history()->lastEvents(10);
        QVERIFY2(stored, qPrintable(stored.error()));
        QList<EventRecord> oldestFirst(stored->crbegin(), stored->crend());
        QCOMPARE(oldestFirst, emitted);
    }

    void stopStoresWhatWasQueued()
    {
        const Link position = linkOf(u"Valve1"_s, u"Position"_s);
        const StorageConfig storage = *twin()->plan().storage;
        QSignalSpy spy(m_engine.get(), &Engine::attributesChanged);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 5; ++i)
            inject(position, 100.0 + i, t0 + i);
        QCOMPARE(spy.count(), 0);
        m_engine->stop(); // before the event loop ran the flush
        const QList<AttributeUpdate> notified = updatesOf(spy, u"Valve1"_s, u"Position"_s);
        QCOMPARE(notified.size(), 5);
        QCOMPARE(notified.last().value, u"104"_s);

        // What was notified was stored (stop waits for the history to be written).
        auto reopened = HistoryStore::open(storage);
        QVERIFY2(reopened, qPrintable(reopened.error()));
        const QList<HistoryRecord> stored
            = goodHistory(**reopened, u"Valve1"_s, u"Position"_s, u"Valve1Modbus"_s);
        QCOMPARE(stored.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(stored[i].value, notified[i].value);
            QCOMPARE(stored[i].timestampMs, notified[i].timestampMs);
        }
    }
};

QTEST_GUILESS_MAIN(TestTwinBatch)
#include "tst_twinbatch.moc"
