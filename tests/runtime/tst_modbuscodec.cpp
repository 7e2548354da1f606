// SPDX-License-Identifier: GPL-3.0-or-later
// The Modbus value codec: every data type in every word order, scale and offset, arrays, encode
// and decode round trips, and the range errors of writes.
#include "modbus/modbuscodec.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {

ModbusVariable variable(ModbusDataType type, WordOrder order = WordOrder::ABCD,
    RegisterType table = RegisterType::HoldingRegister, quint16 count = 1)
{
    ModbusVariable v;
    v.name = u"V"_s;
    v.registerType = table;
    v.address = 10;
    v.count = count;
    v.dataType = type;
    v.wordOrder = order;
    v.access = table == RegisterType::InputRegister || table == RegisterType::DiscreteInput
        ? Access::Read
        : Access::ReadWrite;
    return v;
}

} // namespace

class TestModbusCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void sixteenBitIgnoresWordOrder();
    void roundTrip_data();
    void roundTrip();
    void arrays();
    void oneElement();
    void bits();
    void encodeErrors_data();
    void encodeErrors();
    void shortInput();
    void sameValue();
};

void TestModbusCodec::decode_data()
{
    QTest::addColumn<ModbusDataType>("type");
    QTest::addColumn<WordOrder>("order");
    QTest::addColumn<QVector<quint16>>("words");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("expected");

    using T = ModbusDataType;
    using W = WordOrder;
    QTest::newRow("uint16 max") << T::UInt16 << W::ABCD << QVector<quint16> { 0xffff } << 1.0 << 0.0
                                << 65535.0;
    QTest::newRow("int16 -1") << T::Int16 << W::ABCD << QVector<quint16> { 0xffff } << 1.0 << 0.0
                              << -1.0;
    QTest::newRow("int16 min") << T::Int16 << W::ABCD << QVector<quint16> { 0x8000 } << 1.0 << 0.0
                               << -32768.0;
    QTest::newRow("uint16 x0.1") << T::UInt16 << W::ABCD << QVector<quint16> { 523 } << 0.1 << 0.0
                                 << 52.3;
    QTest::newRow("int16 x0.5 -40")
        << T::Int16 << W::ABCD << QVector<quint16> { 0xfff6 } << 0.5 << -40.0 << -45.0;
    QTest::newRow("bool in a register")
        << T::Bool << W::ABCD << QVector<quint16> { 7 } << 10.0 << 3.0 << 1.0;

    // 0x12345678: bytes A=12 B=34 C=56 D=78.
    QTest::newRow("uint32 ABCD") << T::UInt32 << W::ABCD << QVector<quint16> { 0x1234, 0x5678 }
                                 << 1.0 << 0.0 << 305419896.0;
    QTest::newRow("uint32 CDAB") << T::UInt32 << W::CDAB << QVector<quint16> { 0x5678, 0x1234 }
                                 << 1.0 << 0.0 << 305419896.0;
    QTest::newRow("uint32 BADC") << T::UInt32 << W::BADC << QVector<quint16> { 0x3412, 0x7856 }
                                 << 1.0 << 0.0 << 305419896.0;
    QTest::newRow("uint32 DCBA") << T::UInt32 << W::DCBA << QVector<quint16> { 0x7856, 0x3412 }
                                 << 1.0 << 0.0 << 305419896.0;
    QTest::newRow("uint32 max") << T::UInt32 << W::ABCD << QVector<quint16> { 0xffff, 0xffff }
                                << 1.0 << 0.0 << 4294967295.0;
    QTest::newRow("uint32 valve counter CDAB")
        << T::UInt32 << W::CDAB << QVector<quint16> { 57920, 1 } << 1.0 << 0.0 << 123456.0;
    // -2 = 0xFFFFFFFE.
    QTest::newRow("int32 ABCD") << T::Int32 << W::ABCD << QVector<quint16> { 0xffff, 0xfffe } << 1.0
                                << 0.0 << -2.0;
    QTest::newRow("int32 CDAB") << T::Int32 << W::CDAB << QVector<quint16> { 0xfffe, 0xffff } << 1.0
                                << 0.0 << -2.0;
    QTest::newRow("int32 BADC") << T::Int32 << W::BADC << QVector<quint16> { 0xffff, 0xfeff } << 1.0
                                << 0.0 << -2.0;
    QTest::newRow("int32 DCBA") << T::Int32 << W::DCBA << QVector<quint16> { 0xfeff, 0xffff } << 1.0
                                << 0.0 << -2.0;
    QTest::newRow("int32 min") << T::Int32 << W::ABCD << QVector<quint16> { 0x8000, 0x0000 } << 1.0
                               << 0.0 << -2147483648.0;
    // 1.5f = 0x3FC00000; -118.625f = 0xC2ED4000.
    QTest::newRow("float32 ABCD") << T::Float32 << W::ABCD << QVector<quint16> { 0x3fc0, 0x0000 }
                                  << 1.0 << 0.0 << 1.5;
    QTest::newRow("float32 CDAB") << T::Float32 << W::CDAB << QVector<quint16> { 0x0000, 0x3fc0 }
                                  << 1.0 << 0.0 << 1.5;
    QTest::newRow("float32 BADC") << T::Float32 << W::BADC << QVector<quint16> { 0xedc2, 0x0040 }
                                  << 1.0 << 0.0 << -118.625;
    QTest::newRow("float32 DCBA") << T::Float32 << W::DCBA << QVector<quint16> { 0x0040, 0xedc2 }
                                  << 1.0 << 0.0 << -118.625;
    QTest::newRow("float32 scaled")
        << T::Float32 << W::ABCD << QVector<quint16> { 0x3fc0, 0x0000 } << 2.0 << 1.0 << 4.0;
}

void TestModbusCodec::decode()
{
    QFETCH(ModbusDataType, type);
    QFETCH(WordOrder, order);
    QFETCH(QVector<quint16>, words);
    QFETCH(double, scale);
    QFETCH(double, offset);
    QFETCH(double, expected);

    ModbusVariable v = variable(type, order);
    v.scale = scale;
    v.offset = offset;
    QCOMPARE(words.size(), v.span());
    dt::Result<QVariant> decoded = decodeVariable(v, words);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(decoded->typeId(), int(QMetaType::Double));
    QCOMPARE(decoded->toDouble(), expected);
}

void TestModbusCodec::sixteenBitIgnoresWordOrder()
{
    for (WordOrder order : { WordOrder::ABCD, WordOrder::CDAB, WordOrder::BADC, WordOrder::DCBA }) {
        dt::Result<QVariant> decoded
            = decodeVariable(variable(ModbusDataType::UInt16, order), QVector<quint16> { 0x1234 });
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->toDouble(), 4660.0);
        dt::Result<QVector<quint16>> encoded
            = encodeVariable(variable(ModbusDataType::UInt16, order), 4660);
        QVERIFY(encoded.ok());
        QCOMPARE(*encoded, QVector<quint16> { 0x1234 });
    }
}

void TestModbusCodec::roundTrip_data()
{
    QTest::addColumn<ModbusDataType>("type");
    QTest::addColumn<WordOrder>("order");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("value");

    const struct
    {
        ModbusDataType type;
        QList<double> values;
    } cases[] = {
        { ModbusDataType::UInt16, { 0, 1, 4660, 65535 } },
        { ModbusDataType::Int16, { -32768, -1, 0, 32767 } },
        { ModbusDataType::UInt32, { 0, 65536, 305419896, 4294967295.0 } },
        { ModbusDataType::Int32, { -2147483648.0, -70000, 70000, 2147483647 } },
        { ModbusDataType::Float32, { 0, -118.625, 1.5, 3.0e38 } },
        { ModbusDataType::Bool, { 0, 1 } },
    };
    const WordOrder orders[]
        = { WordOrder::ABCD, WordOrder::CDAB, WordOrder::BADC, WordOrder::DCBA };
    for (const auto &c : cases) {
        for (WordOrder order : orders) {
            for (double value : c.values) {
                const QByteArray name = (dataTypeName(c.type) + u' ' + wordOrderName(order) + u' '
                    + QString::number(value))
                                            .toUtf8();
                QTest::newRow(name.constData()) << c.type << order << 1.0 << 0.0 << value;
            }
        }
    }
    // Scale and offset: engineering = raw × scale + offset, writes invert it.
    QTest::newRow("uint16 x0.1") << ModbusDataType::UInt16 << WordOrder::ABCD << 0.1 << 0.0 << 52.3;
    QTest::newRow("int16 x0.01 +20")
        << ModbusDataType::Int16 << WordOrder::ABCD << 0.01 << 20.0 << -7.5;
    QTest::newRow("int32 CDAB x0.001 -5")
        << ModbusDataType::Int32 << WordOrder::CDAB << 0.001 << -5.0 << 1234.567;
    QTest::newRow("uint32 DCBA x10")
        << ModbusDataType::UInt32 << WordOrder::DCBA << 10.0 << 0.0 << 42949672950.0;
    QTest::newRow("float32 BADC x2 +1")
        << ModbusDataType::Float32 << WordOrder::BADC << 2.0 << 1.0 << 4.0;
}

void TestModbusCodec::roundTrip()
{
    QFETCH(ModbusDataType, type);
    QFETCH(WordOrder, order);
    QFETCH(double, scale);
    QFETCH(double, offset);
    QFETCH(double, value);

    ModbusVariable v = variable(type, order);
    v.scale = scale;
    v.offset = offset;
    dt::Result<QVector<quint16>> encoded = encodeVariable(v, value);
    QVERIFY2(encoded.ok(), qPrintable(encoded.error()));
    QCOMPARE(encoded->size(), v.span());
    dt::Result<QVariant> decoded = decodeVariable(v, *encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    const double back = decoded->toDouble();
    if (type == ModbusDataType::Float32)
        QVERIFY2(
            std::abs(back - value) <= std::abs(value) * 1e-6, qPrintable(QString::number(back)));
    else
        QVERIFY2(std::abs(back - value) <= std::abs(scale) / 2 + 1e-9,
            qPrintable(QString::number(back, 'g', 17)));
}

void TestModbusCodec::arrays()
{
    ModbusVariable profile
        = variable(ModbusDataType::UInt16, WordOrder::ABCD, RegisterType::HoldingRegister, 3);
    dt::Result<QVariant> decoded = decodeVariable(profile, QVector<quint16> { 40, 41, 42 });
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->typeId(), int(QMetaType::QVariantList));
    QCOMPARE(decoded->toList(), (QVariantList { 40.0, 41.0, 42.0 }));

    // Two int32 in CDAB: each value takes two registers.
    ModbusVariable pair
        = variable(ModbusDataType::Int32, WordOrder::CDAB, RegisterType::HoldingRegister, 2);
    QCOMPARE(pair.span(), 4);
    dt::Result<QVector<quint16>> words = encodeVariable(pair, QVariantList { -2, 65536 });
    QVERIFY2(words.ok(), qPrintable(words.error()));
    QCOMPARE(*words, (QVector<quint16> { 0xfffe, 0xffff, 0x0000, 0x0001 }));
    QCOMPARE(decodeVariable(pair, *words)->toList(), (QVariantList { -2.0, 65536.0 }));

    // Text lists encode too (values from the model are text).
    dt::Result<QVector<quint16>> fromText
        = encodeVariable(profile, QStringList { u"1"_s, u" 2 "_s, u"3"_s });
    QVERIFY2(fromText.ok(), qPrintable(fromText.error()));
    QCOMPARE(*fromText, (QVector<quint16> { 1, 2, 3 }));
}

void TestModbusCodec::oneElement()
{
    // One value of an array on its own: step() words, written at address + element × step().
    ModbusVariable pair
        = variable(ModbusDataType::Int32, WordOrder::CDAB, RegisterType::HoldingRegister, 3);
    pair.scale = 0.5;
    QCOMPARE(pair.step(), 2);
    dt::Result<QVector<quint16>> words = encodeElement(pair, 2, u"-1"_s); // raw -2
    QVERIFY2(words.ok(), qPrintable(words.error()));
    QCOMPARE(*words, (QVector<quint16> { 0xfffe, 0xffff }));

    ModbusVariable coils = variable(ModbusDataType::Bool, WordOrder::ABCD, RegisterType::Coil, 4);
    QCOMPARE(coils.step(), 1);
    QCOMPARE(*encodeElement(coils, 3, true), (QVector<quint16> { 1 }));

    // Errors name the variable and the element; nothing encodes for a read-only table.
    const dt::Result<QVector<quint16>> beyond = encodeElement(pair, 3, 1);
    QVERIFY(!beyond.ok());
    QVERIFY2(beyond.error().contains(u"no element 3"_s), qPrintable(beyond.error()));
    QVERIFY(!encodeElement(pair, -1, 1).ok());
    const dt::Result<QVector<quint16>> tooBig = encodeElement(pair, 1, 2e10);
    QVERIFY(!tooBig.ok());
    QVERIFY2(tooBig.error().startsWith(u"V[1]"_s), qPrintable(tooBig.error()));
    ModbusVariable inputs
        = variable(ModbusDataType::UInt16, WordOrder::ABCD, RegisterType::InputRegister, 3);
    QVERIFY(!encodeElement(inputs, 0, 1).ok());
}

void TestModbusCodec::bits()
{
    ModbusVariable coils = variable(ModbusDataType::Bool, WordOrder::ABCD, RegisterType::Coil, 4);
    coils.scale = 5; // ignored for bool
    QCOMPARE(coils.span(), 4);
    QCOMPARE(decodeVariable(coils, QVector<quint16> { 1, 0, 0, 1 })->toList(),
        (QVariantList { 1.0, 0.0, 0.0, 1.0 }));
    dt::Result<QVector<quint16>> words
        = encodeVariable(coils, QVariantList { true, u"false"_s, 7, u"1"_s });
    QVERIFY2(words.ok(), qPrintable(words.error()));
    QCOMPARE(*words, (QVector<quint16> { 1, 0, 1, 1 }));

    ModbusVariable discrete
        = variable(ModbusDataType::Bool, WordOrder::ABCD, RegisterType::DiscreteInput);
    QCOMPARE(decodeVariable(discrete, QVector<quint16> { 1 })->toDouble(), 1.0);
    // Discrete inputs are read-only: nothing encodes for them.
    QVERIFY(!encodeVariable(discrete, true).ok());
}

void TestModbusCodec::encodeErrors_data()
{
    QTest::addColumn<ModbusDataType>("type");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("offset");
    QTest::addColumn<quint16>("count");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");

    using T = ModbusDataType;
    QTest::newRow("uint16 too big")
        << T::UInt16 << 1.0 << 0.0 << quint16(1) << QVariant(65536) << u"out of range for uint16"_s;
    QTest::newRow("uint16 negative")
        << T::UInt16 << 1.0 << 0.0 << quint16(1) << QVariant(-1) << u"out of range for uint16"_s;
    QTest::newRow("int16 too big")
        << T::Int16 << 1.0 << 0.0 << quint16(1) << QVariant(32768) << u"out of range for int16"_s;
    QTest::newRow("int16 too small")
        << T::Int16 << 1.0 << 0.0 << quint16(1) << QVariant(-32769) << u"out of range for int16"_s;
    QTest::newRow("uint32 negative")
        << T::UInt32 << 1.0 << 0.0 << quint16(1) << QVariant(-1) << u"out of range for uint32"_s;
    QTest::newRow("int32 too big")
        << T::Int32 << 1.0 << 0.0 << quint16(1) << QVariant(3.0e9) << u"out of range for int32"_s;
    QTest::newRow("float32 too big") << T::Float32 << 1.0 << 0.0 << quint16(1) << QVariant(1e39)
                                     << u"out of range for float32"_s;
    QTest::newRow("scaled out of range")
        << T::UInt16 << 0.1 << 0.0 << quint16(1) << QVariant(6553.6) << u"raw 65536"_s;
    QTest::newRow("offset out of range")
        << T::UInt16 << 1.0 << 10.0 << quint16(1) << QVariant(9) << u"raw -1"_s;
    QTest::newRow("not a number") << T::UInt16 << 1.0 << 0.0 << quint16(1) << QVariant(u"abc"_s)
                                  << u"not a number"_s;
    QTest::newRow("infinite integer")
        << T::Int32 << 1.0 << 0.0 << quint16(1) << QVariant(std::numeric_limits<double>::infinity())
        << u"cannot be written"_s;
    QTest::newRow("not a bool") << T::Bool << 1.0 << 0.0 << quint16(1) << QVariant(u"maybe"_s)
                                << u"not a bool"_s;
    QTest::newRow("too few values") << T::UInt16 << 1.0 << 0.0 << quint16(3)
                                    << QVariant(QVariantList { 1, 2 }) << u"2 values given, 3"_s;
    QTest::newRow("list for one") << T::UInt16 << 1.0 << 0.0 << quint16(1)
                                  << QVariant(QVariantList { 1, 2 }) << u"2 values given, 1"_s;
    QTest::newRow("bad element") << T::Int16 << 1.0 << 0.0 << quint16(2)
                                 << QVariant(QVariantList { 1, 40000 }) << u"V[1]"_s;
    QTest::newRow("zero scale") << T::UInt16 << 0.0 << 0.0 << quint16(1) << QVariant(1)
                                << u"Scale"_s;
}

void TestModbusCodec::encodeErrors()
{
    QFETCH(ModbusDataType, type);
    QFETCH(double, scale);
    QFETCH(double, offset);
    QFETCH(quint16, count);
    QFETCH(QVariant, value);
    QFETCH(QString, expected);

    ModbusVariable v = variable(type, WordOrder::ABCD, RegisterType::HoldingRegister, count);
    v.scale = scale;
    v.offset = offset;
    dt::Result<QVector<quint16>> encoded = encodeVariable(v, value);
    QVERIFY2(!encoded.ok(), "encoding should fail");
    QVERIFY2(encoded.error().contains(expected), qPrintable(encoded.error()));
}

void TestModbusCodec::shortInput()
{
    ModbusVariable v
        = variable(ModbusDataType::Float32, WordOrder::ABCD, RegisterType::HoldingRegister, 2);
    dt::Result<QVariant> decoded = decodeVariable(v, QVector<quint16> { 1, 2, 3 });
    QVERIFY(!decoded.ok());
    QVERIFY2(
        decoded.error().contains(u"3 words received, 4 needed"_s), qPrintable(decoded.error()));
}

void TestModbusCodec::sameValue()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(dt::runtime::sameValue(QVariant(nan), QVariant(nan)));
    QVERIFY(dt::runtime::sameValue(QVariant(1.5), QVariant(1.5)));
    QVERIFY(!dt::runtime::sameValue(QVariant(1.5), QVariant(1.25)));
    QVERIFY(!dt::runtime::sameValue(QVariant(), QVariant(0.0)));
    QVERIFY(dt::runtime::sameValue(
        QVariant(QVariantList { 1.0, nan }), QVariant(QVariantList { 1.0, nan })));
    QVERIFY(!dt::runtime::sameValue(
        QVariant(QVariantList { 1.0, 2.0 }), QVariant(QVariantList { 1.0, 3.0 })));
    QVERIFY(!dt::runtime::sameValue(QVariant(QVariantList { 1.0 }), QVariant(1.0)));
}

QTEST_GUILESS_MAIN(TestModbusCodec)
#include "tst_modbuscodec.moc"
