// SPDX-License-Identifier: GPL-3.0-or-later
// Writes through the twin to array elements: the refinery example with Valve1's and Valve2's
// opening torque profiles made writable, deployed in process against a QModbusTcpServer on
// Valve1's port (the other valves' ports are unreachable), polling once a minute. Writing one
// attribute of the array (one element) changes that register alone, and the model follows the
// device's answer (its read-back, not a poll).
#include "modbustestserver.h"
#include "tst_enginesupport.h"

#include "engine/engine.h"
#include "engine/twin.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {
constexpr quint16 PortsFirst = 21100; // this file's port range
constexpr quint16 PortsLast = 21999;
constexpr int Long = 20000; // generous: the machine is shared and loaded
constexpr quint16 OpenProfile = 60; // holding registers 60-80: P0, P5, ..., P100
constexpr quint16 CloseProfile = 81;

// Valve1's device: every table the refinery reads, the profiles at 40 + i.
std::unique_ptr<QModbusTcpServer> startValve(quint16 port)
{
    auto server = dt::test::startModbusServer(port);
    for (quint16 i = 0; server && i < 42; ++i)
        server->setData(QModbusDataUnit::HoldingRegisters, quint16(OpenProfile + i), 40 + i);
    return server;
}

} // namespace

class TestTwinWrites : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QModbusTcpServer> m_server;
    std::unique_ptr<Engine> m_engine;

    Twin *twin() const { return m_engine->twins().front().get(); }

    AttributeStore::Slot *slot(const QString &attribute) const
    {
        return twin()->store().find(u"Valve1"_s, attribute);
    }

    dt::Result<void> write(const QString &attribute, const QString &value)
    {
        return write(u"Valve1"_s, attribute, value);
    }

    dt::Result<void> write(const QString &path, const QString &attribute, const QString &value)
    {
        std::optional<dt::Result<void>> result;
        twin()->write(path, attribute, value, Source::local(),
            [&result](dt::Result<void> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, Long))
            return dt::Result<void>::failure(u"no answer within %1 ms"_s.arg(Long));
        return *result;
    }

    quint16 holding(quint16 address) const
    {
        quint16 raw = 0;
        return m_server->data(QModbusDataUnit::HoldingRegisters, address, &raw) ? raw : 0xffff;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const quint16 base = dt::test::freePortBlock(PortsFirst, PortsLast, 4);
        QVERIFY(base);
        m_server = startValve(base);
        QVERIFY(m_server);
        int edited = 0;
        // Valve1Modbus's and Valve2Modbus's TorqueProfileOpen variables (their interfaces' IDs)
        // become writable.
        const QString file = dt::test::refineryCopy(m_dir.path(), base, 60000, [&](QString &text) {
            for (const QString &id : { u"e0010003-0000-4000-8000-000000000029"_s,
                     u"e0010003-0000-4000-8000-00000000002f"_s }) {
                edited += dt::test::replaceAfter(text, u"ID=\"%1\""_s.arg(id),
                    u"<Value>read</Value>"_s, u"<Value>readwrite</Value>"_s);
            }
        });
        QCOMPARE(edited, 2);
        QVERIFY(!file.isEmpty());
        m_engine = std::make_unique<Engine>();
        DeployOptions options;
        options.dataDir = m_dir.path() + u"/data"_s;
        const DeployReport report = m_engine->deploy(file, options);
        QVERIFY2(report.ok() && report.started, qPrintable(report.errors.join(u'\n')));
        QTRY_VERIFY_WITH_TIMEOUT(slot(u"TorqueProfileOpen/P25"_s)
                && slot(u"TorqueProfileOpen/P25"_s)->quality == Quality::Good,
            Long);
        QCOMPARE(slot(u"TorqueProfileOpen/P25"_s)->value(), u"45"_s);
    }

    void elementWriteChangesThatRegisterAlone()
    {
        const dt::Result<void> r = write(u"TorqueProfileOpen/P25"_s, u"77"_s);
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(holding(OpenProfile + 5), quint16(77));
        for (quint16 i = 0; i < 21; ++i) {
            if (i != 5)
                QCOMPARE(holding(OpenProfile + i), quint16(40 + i));
        }
        // The model follows the device's answer (read back at once); the neighbours are as read.
        QTRY_COMPARE_WITH_TIMEOUT(slot(u"TorqueProfileOpen/P25"_s)->value(), u"77"_s, Long);
        QCOMPARE(slot(u"TorqueProfileOpen/P20"_s)->value(), u"44"_s);
        QCOMPARE(slot(u"TorqueProfileOpen/P30"_s)->value(), u"46"_s);

        // The first and the last element address the ends of the range.
        const dt::Result<void> first = write(u"TorqueProfileOpen/P0"_s, u"1"_s);
        QVERIFY2(first, qPrintable(first.error()));
        const dt::Result<void> last = write(u"TorqueProfileOpen/P100"_s, u"2"_s);
        QVERIFY2(last, qPrintable(last.error()));
        QCOMPARE(holding(OpenProfile), quint16(1));
        QCOMPARE(holding(OpenProfile + 20), quint16(2));
        QCOMPARE(holding(CloseProfile), quint16(40 + 21)); // the next array is untouched
    }

    void refusals()
    {
        // The closing profile stays read-only: refused, nothing sent.
        dt::Result<void> r = write(u"TorqueProfileClose/P25"_s, u"9"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"not writable"_s), qPrintable(r.error()));
        QCOMPARE(holding(CloseProfile + 5), quint16(40 + 26));
        // Not a number, and out of the register's range.
        r = write(u"TorqueProfileOpen/P50"_s, u"many"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"not a number"_s), qPrintable(r.error()));
        r = write(u"TorqueProfileOpen/P50"_s, u"70000"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"out of range"_s), qPrintable(r.error()));
        QCOMPARE(holding(OpenProfile + 10), quint16(50));
        // A writable element on a device that is not connected: refused, saying so.
        r = write(u"Valve2"_s, u"TorqueProfileOpen/P25"_s, u"9"_s);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"Valve2/TorqueProfileOpen/P25"_s)
                && r.error().contains(u"device 'RefineryTwin/Valve2Modbus'"_s)
                && r.error().contains(u"not connected"_s),
            qPrintable(r.error()));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestTwinWrites)
#include "tst_twinwrites.moc"
