// SPDX-License-Identifier: GPL-3.0-or-later
// dt-runtime: the headless twin. Deploys a model (validate, check, start), logs to stderr, stops
// cleanly on Ctrl+C / SIGTERM, writes a snapshot on SIGUSR1 or a "snapshot FILE" line on stdin.
#include "commandreader.h"
#include "signalbridge.h"

#include "engine/runtimehost.h"
#include "modbus/modbusdevice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace dt::runtime;

namespace {

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(text));
    std::fflush(stderr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dt-runtime"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DT_VERSION));
    qSetMessagePattern(u"%{time yyyy-MM-dd hh:mm:ss.zzz} %{if-category}%{category}: %{endif}"
                       "%{message}"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Runs the digital twins of an AutomationML model headless: polls their devices, keeps "
        "the model in sync, stores history, raises events. Ctrl+C or SIGTERM stops; SIGUSR1 or "
        "a line 'snapshot FILE' on stdin writes a snapshot of the live model."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"MODEL.aml"_s, u"The model to deploy."_s);
    const QCommandLineOption dataOption(u"data"_s,
        u"Folder for history databases and snapshots (default: the model's folder "
        "for storage, the current folder for snapshots)."_s,
        u"DIR"_s);
    parser.addOption(dataOption);
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        say(u"usage: dt-runtime MODEL.aml [--data DIR]"_s);
        return 2;
    }

    DeployOptions options;
    if (parser.isSet(dataOption)) {
        options.dataDir = QDir(parser.value(dataOption)).absolutePath();
        if (!QDir().mkpath(options.dataDir)) {
            say(u"dt-runtime: cannot create data folder %1"_s.arg(options.dataDir));
            return 2;
        }
    }
    const QString snapshotDir = options.dataDir.isEmpty() ? QDir::currentPath() : options.dataDir;

    // Before the deploy, so that a signal during startup is queued, not fatal.
    SignalBridge signalBridge({ SIGINT, SIGTERM, SIGUSR1 });
    RuntimeHost host;
    const dt::Result<DeployReport> deployed = host.deploy(args.first(), options);
    say(host.lastDeployReport().toText());
    if (!deployed) {
        say(u"dt-runtime: deploy failed, nothing started"_s);
        return 1;
    }
    say(u"dt-runtime: running (Ctrl+C stops; SIGUSR1 or 'snapshot FILE' on stdin writes a "
        "snapshot)"_s);

    const auto writeSnapshot = [&host, &app](const QString &file) {
        host.snapshot(file, &app, [file](const dt::Result<void> &r) {
            if (r)
                say(u"snapshot: %1"_s.arg(file));
            else
                say(u"snapshot failed: %1"_s.arg(r.error()));
        });
    };
    QObject::connect(&signalBridge, &SignalBridge::received, &app, [&](int signalNumber) {
        if (signalNumber == SIGUSR1) {
            writeSnapshot(
                QDir(snapshotDir)
                    .absoluteFilePath(u"snapshot-%1.aml"_s.arg(
                        QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-hhmmsszzz"_s))));
            return;
        }
        say(u"dt-runtime: signal %1, stopping"_s.arg(signalNumber));
        QCoreApplication::quit();
    });

    CommandReader commands;
    QObject::connect(&commands, &CommandReader::command, &app, [&](const QString &line) {
        const QString verb = line.section(u' ', 0, 0);
        const QString rest = line.section(u' ', 1).trimmed();
        if (verb == "snapshot"_L1) {
            if (rest.isEmpty())
                say(u"usage: snapshot FILE"_s);
            else
                writeSnapshot(QFileInfo(rest).absoluteFilePath());
        } else if (verb == "quit"_L1 || verb == "stop"_L1 || verb == "exit"_L1) {
            QCoreApplication::quit();
        } else if (verb == "status"_L1) {
            const QHash<QString, int> states = host.deviceStates();
            for (auto it = states.cbegin(); it != states.cend(); ++it)
                say(u"device %1: %2"_s.arg(
                    it.key(), connectionStateName(static_cast<ConnectionState>(it.value()))));
        } else {
            say(u"unknown command '%1' (snapshot FILE, status, quit)"_s.arg(verb));
        }
    });

    const int rc = app.exec();
    host.stop();
    say(u"dt-runtime: stopped"_s);
    return rc;
}
