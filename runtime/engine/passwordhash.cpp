// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordhash.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

// Above this a single login would keep the engine thread busy for many seconds.
constexpr int MaxIterations = 10000000;

bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray decodeBase64(const QString &text, bool *ok)
{
    const auto decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(decoded);
    return decoded.decoded;
}

} // namespace

QByteArray pbkdf2Sha256(
    const QByteArray &password, const QByteArray &salt, int iterations, int keyLength)
{
    if (iterations < 1 || keyLength < 1)
        return {};
    constexpr int BlockSize = 32; // SHA-256 output
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    QByteArray key;
    key.reserve(keyLength);
    for (quint32 block = 1; key.size() < keyLength; ++block) {
        // U1 = HMAC(P, S || INT(i)); Ui = HMAC(P, Ui-1); T = U1 ^ ... ^ Uc
        QByteArray counter(4, '\0');
        counter[0] = char((block >> 24) & 0xff);
        counter[1] = char((block >> 16) & 0xff);
        counter[2] = char((block >> 8) & 0xff);
        counter[3] = char(block & 0xff);
        mac.reset();
        mac.addData(salt);
        mac.addData(counter);
        QByteArray u = mac.result();
        QByteArray t = u;
        for (int i = 1; i < iterations; ++i) {
            mac.reset();
            mac.addData(u);
            u = mac.result();
            for (int j = 0; j < BlockSize; ++j)
                t[j] = char(t[j] ^ u[j]);
        }
        key.append(t);
    }
    key.truncate(keyLength);
    return key;
}

bool verifyPasswordHash(const QString &storedHash, const QString &password)
{
    const QStringList parts = storedHash.trimmed().split(u'$');
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256"_L1)
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations)
        return false;
    const QByteArray salt = decodeBase64(parts[2], &ok);
    if (!ok || salt.isEmpty())
        return false;
    const QByteArray expected = decodeBase64(parts[3], &ok);
    if (!ok || expected.isEmpty() || expected.size() > 1024)
        return false;
    const QByteArray actual
        = pbkdf2Sha256(password.toUtf8(), salt, iterations, int(expected.size()));
    return equalInConstantTime(actual, expected);
}

QString makePasswordHash(const QString &password, int iterations)
{
    QByteArray salt(16, '\0');
    for (qsizetype i = 0; i < salt.size(); ++i)
        salt[i] = char(QRandomGenerator::system()->bounded(256));
    const QByteArray key = pbkdf2Sha256(password.toUtf8(), salt, iterations, 32);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool verifyTokenHash(const QString &storedHash, const QString &token)
{
    const QString trimmed = storedHash.trimmed();
    if (!trimmed.startsWith("sha256$"_L1) || token.isEmpty())
        return false;
    const QByteArray expected = QByteArray::fromHex(trimmed.mid(7).toLatin1());
    if (expected.size() != 32)
        return false;
    const QByteArray actual = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return equalInConstantTime(actual, expected);
}

} // namespace dt::runtime
