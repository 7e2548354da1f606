// SPDX-License-Identifier: GPL-3.0-or-later
// AccessControl: the rule matcher (* within a segment, ** across segments), the refinery's rules,
// and PBKDF2-SHA256 password hashes (RFC vectors, Qt's own implementation, the demo hash).
#include "testsupport.h"

#include "engine/accesscontrol.h"
#include "engine/passwordhash.h"

#include "model/caexreader.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

class TestAccessControl : public QObject
{
    Q_OBJECT

private:
    // The Access element of the refinery example.
    static std::optional<AccessControl> refineryAccess()
    {
        dt::model::CaexReader reader;
        dt::Result<dt::model::CaexFile> file
            = reader.readFile(dt::test::exampleFile(u"refinery-centralized.aml"_s));
        if (!file)
            return std::nullopt;
        dt::model::InternalElement *refinery
            = dt::model::findChild(file->instanceHierarchies.first().internalElements, u"Refinery");
        dt::model::InternalElement *twin = refinery
            ? dt::model::findChild(refinery->internalElements, u"RefineryTwin")
            : nullptr;
        dt::model::InternalElement *access
            = twin ? dt::model::findChild(twin->internalElements, u"Access") : nullptr;
        if (!access)
            return std::nullopt;
        dt::Result<AccessControl> ac = AccessControl::fromElement(*access);
        if (!ac)
            return std::nullopt;
        return ac.takeValue();
    }

private Q_SLOTS:
    void pathMatches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("** root") << u"**"_s << QString() << true;
        QTest::newRow("** one") << u"**"_s << u"Valve1"_s << true;
        QTest::newRow("** deep") << u"**"_s << u"Valve1/Motor/Coil"_s << true;
        QTest::newRow("* root") << u"*"_s << QString() << false;
        QTest::newRow("* one") << u"*"_s << u"Valve1"_s << true;
        QTest::newRow("* not two") << u"*"_s << u"Valve1/State"_s << false;
        QTest::newRow("prefix*") << u"Valve*"_s << u"Valve1"_s << true;
        QTest::newRow("prefix* other") << u"Valve*"_s << u"Pump1"_s << false;
        QTest::newRow("prefix* not deeper") << u"Valve*"_s << u"Valve1/State"_s << false;
        QTest::newRow("inner *") << u"V*e1"_s << u"Valve1"_s << true;
        QTest::newRow("inner * no") << u"V*e1"_s << u"Valve2"_s << false;
        QTest::newRow("** tail") << u"Valve*/**"_s << u"Valve1/State"_s << true;
        QTest::newRow("** tail zero") << u"Valve*/**"_s << u"Valve1"_s << true;
        QTest::newRow("** head") << u"**/State"_s << u"Valve1/State"_s << true;
        QTest::newRow("** middle zero") << u"a/**/b"_s << u"a/b"_s << true;
        QTest::newRow("** middle many") << u"a/**/b"_s << u"a/x/y/b"_s << true;
        QTest::newRow("** middle wrong end") << u"a/**/b"_s << u"a/x/y/c"_s << false;
        QTest::newRow("literal") << u"Valve1/State"_s << u"Valve1/State"_s << true;
        QTest::newRow("literal case") << u"valve1"_s << u"Valve1"_s << false;
        QTest::newRow("no ? wildcard") << u"Valve?"_s << u"Valve1"_s << false;
        QTest::newRow("** ** ") << u"**/**"_s << u"a/b/c"_s << true;
    }

    void pathMatches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QCOMPARE(AccessControl::pathMatches(pattern, path), matches);
    }

    void pbkdf2RfcVectors()
    {
        // RFC 7914 §11 (PBKDF2-HMAC-SHA256 test vectors).
        QCOMPARE(pbkdf2Sha256("passwd", "salt", 1, 64).toHex(),
            QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                       "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
        QCOMPARE(pbkdf2Sha256("Password", "NaCl", 80000, 64).toHex(),
            QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                       "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"));
    }

    void pbkdf2AgreesWithQt_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("length");
        QTest::newRow("short") << QByteArray("a") << QByteArray("b") << 2 << 16;
        QTest::newRow("two blocks")
            << QByteArray("refinery-demo") << QByteArray("0123456789abcdef") << 1000 << 48;
        QTest::newRow("long password") << QByteArray(200, 'x') << QByteArray("s") << 10 << 32;
    }

    void pbkdf2AgreesWithQt()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(int, length);
        QCOMPARE(pbkdf2Sha256(password, salt, iterations, length),
            QPasswordDigestor::deriveKeyPbkdf2(
                QCryptographicHash::Sha256, password, salt, iterations, quint64(length)));
    }

    void demoHash()
    {
        const std::optional<AccessControl> ac = refineryAccess();
        QVERIFY(ac);
        QCOMPARE(ac->users().size(), 1);
        QCOMPARE(ac->users().first().name, u"operator"_s);
        QVERIFY(ac->checkPassword(u"operator"_s, u"refinery-demo"_s));
        QVERIFY(!ac->checkPassword(u"operator"_s, u"refinery-dem0"_s));
        QVERIFY(!ac->checkPassword(u"operator"_s, QString()));
        QVERIFY(!ac->checkPassword(u"viewer"_s, u"refinery-demo"_s));
    }

    void refineryRules()
    {
        const std::optional<AccessControl> ac = refineryAccess();
        QVERIFY(ac);
        QCOMPARE(ac->rules().size(), 4);
        // operator: read everything, write and invoke on valves only.
        QVERIFY(ac->allowsUser(u"operator"_s, QString(), u"Name"_s, Permission::Read));
        QVERIFY(
            ac->allowsUser(u"operator"_s, u"RefineryTwin/History"_s, QString(), Permission::Read));
        QVERIFY(ac->allowsUser(u"operator"_s, u"Valve1"_s, u"State"_s, Permission::Write));
        QVERIFY(ac->allowsUser(u"operator"_s, u"Valve4"_s, QString(), Permission::Invoke));
        QVERIFY(!ac->allowsUser(
            u"operator"_s, u"RefineryTwin/History"_s, u"File"_s, Permission::Write));
        QVERIFY(!ac->allowsUser(u"operator"_s, QString(), u"Name"_s, Permission::Write));
        // viewer (no user has it): read only.
        QVERIFY(ac->allows({ u"viewer"_s }, u"Valve1"_s, u"Torque"_s, Permission::Read));
        QVERIFY(!ac->allows({ u"viewer"_s }, u"Valve1"_s, u"State"_s, Permission::Write));
        QVERIFY(!ac->allows({ u"viewer"_s }, u"Valve1"_s, QString(), Permission::Invoke));
        // Unknown users get nothing.
        QVERIFY(!ac->allowsUser(u"mallory"_s, u"Valve1"_s, QString(), Permission::Read));
    }

    void malformedHashes_data()
    {
        QTest::addColumn<QString>("hash");
        QTest::newRow("empty") << QString();
        QTest::newRow("other scheme") << u"bcrypt$10$abc$def"_s;
        QTest::newRow("too few parts") << u"pbkdf2-sha256$1000$c2FsdA=="_s;
        QTest::newRow("zero iterations") << u"pbkdf2-sha256$0$c2FsdA==$AAAA"_s;
        QTest::newRow("bad iterations") << u"pbkdf2-sha256$many$c2FsdA==$AAAA"_s;
        QTest::newRow("bad base64 salt") << u"pbkdf2-sha256$10$!!!$AAAA"_s;
        QTest::newRow("empty key") << u"pbkdf2-sha256$10$c2FsdA==$"_s;
        QTest::newRow("absurd iterations") << u"pbkdf2-sha256$2000000000$c2FsdA==$AAAA"_s;
    }

    void malformedHashes()
    {
        QFETCH(QString, hash);
        QVERIFY(!verifyPasswordHash(hash, u"secret"_s));
    }

    void madeHashVerifies()
    {
        const QString hash = makePasswordHash(u"s3cret"_s, 1000);
        QVERIFY(hash.startsWith(u"pbkdf2-sha256$1000$"_s));
        QVERIFY(verifyPasswordHash(hash, u"s3cret"_s));
        QVERIFY(!verifyPasswordHash(hash, u"s3cret "_s));
        QVERIFY(makePasswordHash(u"s3cret"_s, 1000) != hash); // fresh salt each time
    }

    void tokenHash()
    {
        const QString hash = u"sha256$"_s
            + QString::fromLatin1(
                QCryptographicHash::hash("tok-123", QCryptographicHash::Sha256).toHex());
        QVERIFY(verifyTokenHash(hash, u"tok-123"_s));
        QVERIFY(!verifyTokenHash(hash, u"tok-124"_s));
        QVERIFY(!verifyTokenHash(u"sha256$00"_s, u"tok-123"_s));
        QVERIFY(!verifyTokenHash(hash, QString()));
    }

    void badRuleIsAnError()
    {
        dt::model::InternalElement access;
        access.name = u"Access"_s;
        dt::model::Attribute &rules = access.attributes.append();
        rules.name = u"Rules"_s;
        dt::model::Attribute &rule = rules.attributes.append();
        rule.name = u"Rule7"_s;
        for (const auto &[name, value] : { std::pair { u"Role"_s, u"operator"_s },
                 std::pair { u"Path"_s, u"**"_s }, std::pair { u"Permission"_s, u"delete"_s } }) {
            dt::model::Attribute &a = rule.attributes.append();
            a.name = name;
            a.value = value;
        }
        const dt::Result<AccessControl> ac = AccessControl::fromElement(access);
        QVERIFY(!ac);
        QVERIFY2(ac.error().contains(u"Rule7"_s) && ac.error().contains(u"delete"_s),
            qPrintable(ac.error()));
    }
};

QTEST_GUILESS_MAIN(TestAccessControl)
#include "tst_accesscontrol.moc"
