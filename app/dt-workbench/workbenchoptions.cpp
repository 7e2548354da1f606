// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbenchoptions.h"

#include "widgets/languagemanager.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace dt::workbench {

void WorkbenchOptions::addTo(QCommandLineParser &parser)
{
    // Parsed before any translator is installed, so these texts stay English.
    parser.setApplicationDescription(u"DT Workbench: model AutomationML digital twins."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"file"_s, u"The .aml file to open."_s, u"[FILE]"_s);
    parser.addOption({u"settings"_s, u"Read and write all settings in this INI file."_s,
                      u"file"_s});
    parser.addOption({u"no-restore"_s,
                      u"Do not restore the window layout of the last session."_s});
    parser.addOption({u"recovery-dir"_s,
                      u"Folder for autosaved recovery files (default: DT_RECOVERY_DIR or the "
                      u"application data folder)."_s,
                      u"dir"_s});
    parser.addOption({u"lang"_s, u"User interface language for this run: en, de or pt_BR."_s,
                      u"code"_s});
    // Runtime (MonitorController):
    parser.addOption({u"deploy"_s, u"Deploy the opened file locally right after start."_s});
    parser.addOption({u"data"_s, u"Folder for the runtime's history database (default: the "
                                 u"model's folder)."_s,
                      u"dir"_s});
    parser.addOption({u"sim-args"_s, u"Extra arguments for the valve simulators the workbench "
                                     u"starts, e.g. \"--fault 3:obstruction:1:0.5\"."_s,
                      u"args"_s});
}

WorkbenchOptions WorkbenchOptions::from(const QCommandLineParser &parser, QString *error)
{
    WorkbenchOptions options;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        options.fileToOpen = positional.first();
    options.settingsFile = parser.value(u"settings"_s);
    options.noRestore = parser.isSet(u"no-restore"_s);
    options.recoveryDir = parser.value(u"recovery-dir"_s);
    options.language = parser.value(u"lang"_s);
    options.deploy = parser.isSet(u"deploy"_s);
    options.dataDir = parser.value(u"data"_s);
    options.simulatorArguments = parser.value(u"sim-args"_s).split(u' ', Qt::SkipEmptyParts);
    if (!options.language.isEmpty()
        && !editor::LanguageManager::availableLanguages().contains(options.language)) {
        if (error)
            *error = u"unknown language '%1' (use en, de or pt_BR)"_s.arg(options.language);
        options.language.clear();
    }
    return options;
}

} // namespace dt::workbench
