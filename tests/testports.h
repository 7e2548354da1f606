// SPDX-License-Identifier: GPL-3.0-or-later
// Free loopback TCP ports for tests that start servers (needs Qt Network). Tests run in
// parallel: either let the OS pick (freePort, freePortRange) or pick within a range that only one
// test file uses (freePortBlock).
#pragma once

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>

#include <memory>
#include <vector>

namespace dt::test {

/// A port nobody listens on right now: the OS picks it, we release it.
inline quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

/// A base port with `count` free consecutive ports (the base asked from the OS, the rest
/// verified by listening on them), or 0.
inline quint16 freePortRange(int count)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const quint16 base = freePort();
        if (base == 0 || int(base) + count > 65535)
            continue;
        std::vector<std::unique_ptr<QTcpServer>> held;
        bool allFree = true;
        for (int i = 0; i < count && allFree; ++i) {
            held.push_back(std::make_unique<QTcpServer>());
            allFree = held.back()->listen(QHostAddress::LocalHost, quint16(base + i));
        }
        if (allFree)
            return base;
    }
    return 0;
}

/// A block of `count` consecutive ports that are free now, picked at random in [first, last]
/// (each test file uses its own range, so parallel tests do not collide), or 0.
inline quint16 freePortBlock(quint16 first, quint16 last, int count)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const auto base
            = quint16(first + QRandomGenerator::global()->bounded(last - first - count));
        bool ok = true;
        for (int i = 0; i < count && ok; ++i) {
            QTcpServer probe;
            ok = probe.listen(QHostAddress::LocalHost, quint16(base + i));
        }
        if (ok)
            return base;
    }
    return 0;
}

} // namespace dt::test
