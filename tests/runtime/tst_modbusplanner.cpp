// SPDX-License-Identifier: GPL-3.0-or-later
// The poll planner: contiguous variables of one table share a read request, small gaps are
// merged, requests stay within 125 registers / 2000 bits, write-only variables are not polled.
#include "modbus/pollplanner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {

ModbusVariable var(const QString &name, RegisterType table, int address, int count = 1,
    ModbusDataType type = ModbusDataType::UInt16, Access access = Access::Read)
{
    ModbusVariable v;
    v.name = name;
    v.registerType = table;
    v.address = quint16(address);
    v.count = quint16(count);
    v.dataType = (table == RegisterType::Coil || table == RegisterType::DiscreteInput)
        ? ModbusDataType::Bool
        : type;
    v.access = access;
    return v;
}

// "holding 56+46 [3,4,5] gaps" — compact, so a failing comparison shows the whole plan.
QStringList describe(const QList<PollBlock> &blocks)
{
    QStringList lines;
    for (const PollBlock &block : blocks) {
        QStringList indexes;
        for (int v : block.variables)
            indexes << QString::number(v);
        lines << u"%1 %2+%3 [%4]%5"_s.arg(registerTypeName(block.registerType))
                     .arg(block.start)
                     .arg(block.count)
                     .arg(indexes.join(u','))
                     .arg(block.hasGaps ? u" gaps"_s : QString());
    }
    return lines;
}

} // namespace

class TestModbusPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valveMap();
    void gaps_data();
    void gaps();
    void registerLimit();
    void thirtyTwoBitAtTheLimit();
    void bitLimit();
    void tablesApart();
    void unsortedAndOverlapping();
    void notPolled();
    void split();
    void empty();
};

void TestModbusPlanner::valveMap()
{
    // The map refinery-centralized.aml polls per valve.
    using R = RegisterType;
    const QList<ModbusVariable> vars = {
        var(u"Position"_s, R::InputRegister, 3),
        var(u"Torque"_s, R::InputRegister, 2),
        var(u"State"_s, R::HoldingRegister, 5, 1, ModbusDataType::UInt16, Access::ReadWrite),
        var(u"OperationCount"_s, R::HoldingRegister, 56, 1, ModbusDataType::UInt32),
        var(u"TorqueProfileOpen"_s, R::HoldingRegister, 60, 21),
        var(u"TorqueProfileClose"_s, R::HoldingRegister, 81, 21),
    };
    QCOMPARE(describe(planPolls(vars)),
        (QStringList {
            u"input 2+2 [1,0]"_s, u"holding 5+1 [2]"_s, u"holding 56+46 [3,4,5] gaps"_s }));
}

void TestModbusPlanner::gaps_data()
{
    QTest::addColumn<int>("secondAddress");
    QTest::addColumn<int>("maxGap");
    QTest::addColumn<int>("blocks");

    // The first variable covers 10..11; a gap of g registers puts the second at 12 + g.
    QTest::newRow("adjacent") << 12 << 8 << 1;
    QTest::newRow("gap 1") << 13 << 8 << 1;
    QTest::newRow("gap 8 = limit") << 20 << 8 << 1;
    QTest::newRow("gap 9 > limit") << 21 << 8 << 2;
    QTest::newRow("no merging, adjacent") << 12 << 0 << 1;
    QTest::newRow("no merging, gap 1") << 13 << 0 << 2;
}

void TestModbusPlanner::gaps()
{
    QFETCH(int, secondAddress);
    QFETCH(int, maxGap);
    QFETCH(int, blocks);

    const QList<ModbusVariable> vars = {
        var(u"A"_s, RegisterType::HoldingRegister, 10, 1, ModbusDataType::Float32),
        var(u"B"_s, RegisterType::HoldingRegister, secondAddress),
    };
    PollPlanOptions options;
    options.maxRegisterGap = maxGap;
    const QList<PollBlock> plan = planPolls(vars, options);
    QCOMPARE(plan.size(), blocks);
    if (blocks == 1) {
        QCOMPARE(plan.first().start, quint16(10));
        QCOMPARE(plan.first().count, quint16(secondAddress + 1 - 10));
        QCOMPARE(plan.first().hasGaps, secondAddress > 12);
    }
}

void TestModbusPlanner::registerLimit()
{
    // 130 adjacent registers: 125 in the first request, 5 in the second.
    QList<ModbusVariable> vars;
    for (int i = 0; i < 130; ++i)
        vars << var(u"R%1"_s.arg(i), RegisterType::InputRegister, 1000 + i);
    const QList<PollBlock> plan = planPolls(vars);
    QCOMPARE(plan.size(), 2);
    QCOMPARE(plan.at(0).start, quint16(1000));
    QCOMPARE(plan.at(0).count, quint16(125));
    QCOMPARE(plan.at(0).variables.size(), 125);
    QCOMPARE(plan.at(1).start, quint16(1125));
    QCOMPARE(plan.at(1).count, quint16(5));

    // A smaller limit is honoured too (some devices accept fewer registers per request).
    PollPlanOptions options;
    options.maxRegisters = 32;
    const QList<PollBlock> small = planPolls(vars, options);
    QCOMPARE(small.size(), 5);
    for (const PollBlock &block : small)
        QVERIFY(block.count <= 32);
}

void TestModbusPlanner::thirtyTwoBitAtTheLimit()
{
    // 124 registers, then a 32-bit value that would make 126: it starts a new request, never
    // split across two.
    const QList<ModbusVariable> vars = {
        var(u"Table"_s, RegisterType::HoldingRegister, 0, 124),
        var(u"Counter"_s, RegisterType::HoldingRegister, 124, 1, ModbusDataType::UInt32),
        var(u"Last"_s, RegisterType::HoldingRegister, 126),
    };
    QCOMPARE(describe(planPolls(vars)),
        (QStringList { u"holding 0+124 [0]"_s, u"holding 124+3 [1,2]"_s }));
}

void TestModbusPlanner::bitLimit()
{
    QList<ModbusVariable> vars;
    for (int i = 0; i < 2100; ++i)
        vars << var(u"C%1"_s.arg(i), RegisterType::Coil, i);
    const QList<PollBlock> plan = planPolls(vars);
    QCOMPARE(plan.size(), 2);
    QCOMPARE(plan.at(0).count, quint16(2000));
    QCOMPARE(plan.at(1).start, quint16(2000));
    QCOMPARE(plan.at(1).count, quint16(100));

    // Bits merge over larger gaps than registers (a gap of 40 bits is 5 bytes on the wire).
    const QList<ModbusVariable> sparse = { var(u"A"_s, RegisterType::DiscreteInput, 0),
        var(u"B"_s, RegisterType::DiscreteInput, 41) };
    QCOMPARE(describe(planPolls(sparse)), (QStringList { u"discrete 0+42 [0,1] gaps"_s }));
}

void TestModbusPlanner::tablesApart()
{
    using R = RegisterType;
    const QList<ModbusVariable> vars = {
        var(u"H"_s, R::HoldingRegister, 0),
        var(u"I"_s, R::InputRegister, 0),
        var(u"D"_s, R::DiscreteInput, 0),
        var(u"C"_s, R::Coil, 0),
        var(u"H1"_s, R::HoldingRegister, 1),
        var(u"C1"_s, R::Coil, 1),
    };
    QCOMPARE(describe(planPolls(vars)),
        (QStringList { u"coil 0+2 [3,5]"_s, u"discrete 0+1 [2]"_s, u"input 0+1 [1]"_s,
            u"holding 0+2 [0,4]"_s }));
}

void TestModbusPlanner::unsortedAndOverlapping()
{
    using R = RegisterType;
    const QList<ModbusVariable> vars = {
        var(u"Late"_s, R::HoldingRegister, 30, 2),
        var(u"Whole"_s, R::HoldingRegister, 20, 1, ModbusDataType::Int32),
        var(u"LowWord"_s, R::HoldingRegister, 21), // inside Whole
        var(u"Early"_s, R::HoldingRegister, 18),
    };
    QCOMPARE(describe(planPolls(vars)), (QStringList { u"holding 18+14 [3,1,2,0] gaps"_s }));
}

void TestModbusPlanner::notPolled()
{
    using R = RegisterType;
    QList<ModbusVariable> vars = {
        var(u"Command"_s, R::HoldingRegister, 5, 1, ModbusDataType::UInt16, Access::Write),
        var(u"Status"_s, R::HoldingRegister, 6),
        var(u"TooBig"_s, R::HoldingRegister, 100, 126),
        var(u"Empty"_s, R::HoldingRegister, 300, 0),
        var(u"PastTheEnd"_s, R::HoldingRegister, 65535, 1, ModbusDataType::UInt32),
    };
    QCOMPARE(describe(planPolls(vars)), (QStringList { u"holding 6+1 [1]"_s }));
}

void TestModbusPlanner::split()
{
    using R = RegisterType;
    const QList<ModbusVariable> vars = {
        var(u"A"_s, R::HoldingRegister, 56, 1, ModbusDataType::UInt32),
        var(u"B"_s, R::HoldingRegister, 60, 21),
    };
    const QList<PollBlock> plan = planPolls(vars);
    QCOMPARE(plan.size(), 1);
    QCOMPARE(describe(splitBlock(plan.first(), vars)),
        (QStringList { u"holding 56+2 [0]"_s, u"holding 60+21 [1]"_s }));
}

void TestModbusPlanner::empty()
{
    QVERIFY(planPolls({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestModbusPlanner)
#include "tst_modbusplanner.moc"
