// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace dt::runtime {

/// PBKDF2 with HMAC-SHA256 (RFC 8018 §5.2), built on QMessageAuthenticationCode.
QByteArray pbkdf2Sha256(
    const QByteArray &password, const QByteArray &salt, int iterations, int keyLength);

/// Checks a password against a stored hash "pbkdf2-sha256$<iterations>$<base64 salt>$<base64
/// key>" (the AccessControl component's PasswordHash). False for any malformed hash; the key
/// comparison takes the same time wherever the first difference is.
bool verifyPasswordHash(const QString &storedHash, const QString &password);

/// Makes a stored hash in that format (random 16-byte salt, 32-byte key), for tools and tests.
QString makePasswordHash(const QString &password, int iterations = 100000);

/// Checks an API token against "sha256$<hex digest of the token>" (TokenHash).
bool verifyTokenHash(const QString &storedHash, const QString &token);

} // namespace dt::runtime
