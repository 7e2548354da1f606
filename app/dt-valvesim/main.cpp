// SPDX-License-Identifier: GPL-3.0-or-later
// dt-valvesim: simulated motor-operated valves served over Modbus (see PlantConfig::usage()).
#include "eventloop/epolleventdispatcher.h"
#include "valvesim/plantconfig.h"
#include "valvesim/valveplant.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

/// SIGINT/SIGTERM quit the event loop, so servers close and the process exits with 0.
void installStopSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier, &app] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[1], &byte, 1);
        notifier->setEnabled(false);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

/// A thousand valves need a thousand listening sockets plus the clients' connections.
void raiseFileLimit(int valves)
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = rlim_t(valves) * 3 + 64;
    if (limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    ::setrlimit(RLIMIT_NOFILE, &limit);
}

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char **argv)
{
    // One process may serve a thousand valves, each with a listening and a connected socket.
    if (QAbstractEventDispatcher *dispatcher = dt::runtime::createDeviceEventDispatcher())
        QCoreApplication::setEventDispatcher(dispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dt-valvesim"_s);

    const dt::Result<dt::runtime::PlantConfig> config
        = dt::runtime::PlantConfig::fromArguments(QCoreApplication::arguments());
    if (!config) {
        printLine(stderr, u"dt-valvesim: %1 (see --help)"_s.arg(config.error()));
        return 2;
    }
    if (config->helpRequested) {
        printLine(stdout, dt::runtime::PlantConfig::usage());
        return 0;
    }

    raiseFileLimit(config->valves);
    installStopSignals(app);
    dt::runtime::ValvePlant plant(*config);
    const dt::Result<void> started = plant.start();
    if (!started) {
        printLine(stderr, u"dt-valvesim: %1"_s.arg(started.error()));
        return 1;
    }
    printLine(stdout, plant.listeningLine());
    const int code = QCoreApplication::exec();
    plant.stop();
    return code;
}
