// SPDX-License-Identifier: GPL-3.0-or-later
// Event rules: ThresholdEvent (each condition, limit, hysteresis: raise, hold inside the band,
// clear past it, raise again) and ChangeEvent.
#include "engine/eventrules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

class TestEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseCondition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        for (const char *c : { ">", ">=", "<", "<=", "==", "!=", " > " })
            QTest::newRow(c) << QString::fromLatin1(c) << true;
        for (const char *c : { "", "=>", "gt", "<>" })
            QTest::newRow(c[0] ? c : "empty") << QString::fromLatin1(c) << false;
    }

    void parseCondition()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<ThresholdCondition> c = parseThresholdCondition(text);
        QCOMPARE(c.has_value(), valid);
        if (c)
            QCOMPARE(thresholdConditionText(*c), text.trimmed());
    }

    // A value sequence and the expected transitions: "R" raised, "C" cleared, "-" none.
    void threshold_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<double>("limit");
        QTest::addColumn<double>("hysteresis");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<QString>("expected");
        QTest::newRow("> with hysteresis (refinery torque)")
            << u">"_s << 90.0 << 5.0 << QList<double> { 50, 90, 91, 95, 89, 86, 85, 84, 91, 120 }
            << u"--R---C-R-"_s;
        QTest::newRow("> no hysteresis")
            << u">"_s << 10.0 << 0.0 << QList<double> { 10, 10.5, 10, 11, 9 } << u"-RCRC"_s;
        QTest::newRow(">= at the limit")
            << u">="_s << 10.0 << 1.0 << QList<double> { 9.9, 10, 9.5, 9, 8.9, 10 } << u"-R--CR"_s;
        QTest::newRow("< low alarm")
            << u"<"_s << 5.0 << 2.0 << QList<double> { 6, 4.9, 6, 7, 7.1, 1 } << u"-R-C-R"_s;
        QTest::newRow("<= at the limit")
            << u"<="_s << 5.0 << 0.0 << QList<double> { 6, 5, 5.1, 4 } << u"-RCR"_s;
        QTest::newRow("== with band")
            << u"=="_s << 3.0 << 0.5 << QList<double> { 2, 3, 3.4, 3.6, 3 } << u"-R-CR"_s;
        QTest::newRow("!= back within band")
            << u"!="_s << 0.0 << 0.1 << QList<double> { 0, 2, 0.05, 0, 1 } << u"-RC-R"_s;
        QTest::newRow("scaled register noise equals limit")
            << u">"_s << 90.5 << 0.0 << QList<double> { 0.1 * 905, 0.1 * 906 } << u"-R"_s;
    }

    void threshold()
    {
        QFETCH(QString, condition);
        QFETCH(double, limit);
        QFETCH(double, hysteresis);
        QFETCH(QList<double>, values);
        QFETCH(QString, expected);
        const std::optional<ThresholdCondition> c = parseThresholdCondition(condition);
        QVERIFY(c);
        ThresholdRule rule(*c, limit, hysteresis);
        QString actual;
        for (double v : values) {
            const std::optional<EventTransition> t = rule.update(v);
            if (!t)
                actual += u'-';
            else if (t->state == EventTransition::State::Raised)
                actual += u'R';
            else if (t->state == EventTransition::State::Cleared)
                actual += u'C';
            else
                actual += u'?';
            if (t)
                QVERIFY(!t->message.isEmpty());
        }
        QCOMPARE(actual, expected);
        QCOMPARE(rule.isActive(), expected.lastIndexOf(u'R') > expected.lastIndexOf(u'C'));
    }

    void thresholdMessages()
    {
        ThresholdRule rule(ThresholdCondition::Greater, 90, 5);
        const std::optional<EventTransition> raised = rule.update(95);
        QVERIFY(raised);
        QCOMPARE(eventStateName(raised->state), u"raised"_s);
        QCOMPARE(raised->message, u"95 > 90"_s);
        const std::optional<EventTransition> cleared = rule.update(80);
        QVERIFY(cleared);
        QCOMPARE(eventStateName(cleared->state), u"cleared"_s);
        QVERIFY2(cleared->message.contains(u"80"_s) && cleared->message.contains(u"hysteresis 5"_s),
            qPrintable(cleared->message));
    }

    void thresholdIgnoresNonFinite()
    {
        ThresholdRule rule(ThresholdCondition::Greater, 1, 0);
        QVERIFY(!rule.update(std::numeric_limits<double>::quiet_NaN()));
        QVERIFY(!rule.update(std::numeric_limits<double>::infinity()));
        QVERIFY(!rule.isActive());
    }

    void change()
    {
        ChangeRule rule(u"OK"_s);
        QVERIFY(!rule.update(u"OK"_s));
        const std::optional<EventTransition> t = rule.update(u"Maintenance required"_s);
        QVERIFY(t);
        QCOMPARE(eventStateName(t->state), u"changed"_s);
        QVERIFY2(t->message.contains(u"'OK'"_s) && t->message.contains(u"'Maintenance required'"_s),
            qPrintable(t->message));
        QVERIFY(!rule.update(u"Maintenance required"_s));
        QVERIFY(rule.update(u"OK"_s));
    }

    void changeWithoutInitialValue()
    {
        ChangeRule rule;
        QVERIFY(rule.update(u"1"_s));
        QVERIFY(!rule.update(u"1"_s));
        QVERIFY(rule.update(QString()));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
