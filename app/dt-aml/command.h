// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <model/caexfile.h>
#include <model/caexreader.h>
#include <model/result.h>

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace dt::aml {

/// Exit codes shared by all commands.
enum ExitCode : int {
    ExitOk = 0, ///< done (validate: no errors, warnings allowed)
    ExitFailed = 1, ///< validate found errors, or an output could not be written
    ExitUnusable = 2, ///< usage error, unreadable or unparsable input, missing tool
};

/// One sub-command: `dt-aml <name> ...`. 'run' gets the arguments after the command name,
/// preceded by "dt-aml <name>" as the program name for QCommandLineParser.
struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

/// The command table, in the order `dt-aml --help` lists them.
const QList<Command> &commands();

/// Runs dt-aml with the full argument list (program name first); returns the exit code.
int dispatch(const QStringList &arguments);

int runInfo(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runConvert(const QStringList &arguments);
int runDump(const QStringList &arguments);
int runQuery(const QStringList &arguments);
int runGenerate(const QStringList &arguments);

/// Translated user-visible text (context "dt-aml").
inline QString tr(const char *text)
{
    return QCoreApplication::translate("dt-aml", text);
}

/// Writes text and a newline to stdout.
void printLine(const QString &text);
/// Writes raw bytes to stdout.
void printBytes(const QByteArray &bytes);
/// Writes "dt-aml: <message>" as one line to stderr (newlines inside are flattened).
void printError(const QString &message);
/// Writes a line to stderr as it is (a diagnostic that already names its file).
void printErrorLine(const QString &line);

/// Parses a command's arguments. Returns an exit code when the command must stop now (help was
/// shown, or a usage error was reported), std::nullopt to go on. 'positionals' names the
/// required positional arguments, checked for their count.
std::optional<int> parseCommandLine(
    QCommandLineParser &parser, const QStringList &arguments, const QStringList &positionals);

/// Reads a CAEX file, reporting an unreadable or unparsable input on stderr as one line.
std::optional<model::CaexFile> loadDocument(const QString &path, model::CaexReader &reader);

} // namespace dt::aml
