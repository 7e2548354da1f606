// SPDX-License-Identifier: GPL-3.0-or-later
// Free loopback TCP ports for tests that start servers (needs Qt Network). Tests run in
// parallel. Ports are picked below the kernel's ephemeral range (32768-60999 on Linux): a port
// the OS handed out and we released can be taken again at once as the local port of any
// outgoing connection (a test opening hundreds of clients does that), so a server started on it
// a moment later would find it in use. freePort and freePortRange share one range; a test file
// may use a range of its own with freePortBlock.
#pragma once

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>

#include <memory>
#include <vector>

namespace dt::test {

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

/// The range freePort() and freePortRange() pick from (below the ranges test files reserve).
constexpr quint16 SharedPortsFirst = 28000;
constexpr quint16 SharedPortsLast = 31999;

/// A port nobody listens on right now, or 0.
inline quint16 freePort()
{
    return freePortBlock(SharedPortsFirst, SharedPortsLast, 1);
}

/// A base port with `count` free consecutive ports, or 0.
inline quint16 freePortRange(int count)
{
    return freePortBlock(SharedPortsFirst, SharedPortsLast, count);
}

} // namespace dt::test
