// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace dt::workbench {

/// How a workbench window starts: `dt-workbench [FILE] [--settings FILE] [--no-restore]
/// [--recovery-dir DIR] [--lang de|pt_BR|en] [--deploy] [--data DIR] [--sim-args ARGS]`. Tests build one directly.
struct WorkbenchOptions
{
    QString fileToOpen;
    /// An INI file for all settings (empty: the user's normal settings).
    QString settingsFile;
    /// Do not restore window geometry and dock layout from the settings.
    bool noRestore = false;
    /// Where recovery files go (empty: DT_RECOVERY_DIR, else the default location).
    QString recoveryDir;
    /// Language for this run, overriding the preference (empty: the preference).
    QString language;
    // Runtime (MonitorController):
    /// Deploy the opened file locally right after start (--deploy).
    bool deploy = false;
    /// Folder for the runtime's storage files (--data; empty: next to the model).
    QString dataDir;
    /// Extra arguments for every dt-valvesim the workbench starts (--sim-args, split on spaces),
    /// e.g. a fault for the demo: "--fault 3:obstruction:1:0.5".
    QStringList simulatorArguments;

    /// Declares the options on a parser (plus --help and --version).
    static void addTo(QCommandLineParser &parser);
    /// Reads a processed parser; *error is set for an unknown language.
    static WorkbenchOptions from(const QCommandLineParser &parser, QString *error);
};

} // namespace dt::workbench
