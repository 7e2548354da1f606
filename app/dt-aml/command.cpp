// SPDX-License-Identifier: GPL-3.0-or-later
// What every dt-aml command shares: output, argument parsing and loading a document.
#include "command.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace dt::aml {

namespace {

QString oneLine(QString text)
{
    text.replace(u"\r\n"_s, u" "_s);
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text.trimmed();
}

} // namespace

void printLine(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printBytes(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printError(const QString &message)
{
    printErrorLine(u"dt-aml: "_s + oneLine(message));
}

void printErrorLine(const QString &line)
{
    std::fflush(stdout);
    const QByteArray bytes = oneLine(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

std::optional<int> parseCommandLine(
    QCommandLineParser &parser, const QStringList &arguments, const QStringList &positionals)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUnusable;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the executable's full path; users type "dt-aml <command>".
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        if (!program.isEmpty() && text.startsWith(u"Usage: "_s + program))
            text.replace(7, program.size(), arguments.value(0));
        printBytes(text.toUtf8());
        return ExitOk;
    }
    const QStringList given = parser.positionalArguments();
    if (given.size() < positionals.size()) {
        printError(tr("missing %1 (see '%2 --help')")
                       .arg(positionals.at(given.size()), arguments.value(0)));
        return ExitUnusable;
    }
    if (given.size() > positionals.size()) {
        printError(tr("unexpected argument '%1' (see '%2 --help')")
                       .arg(given.at(positionals.size()), arguments.value(0)));
        return ExitUnusable;
    }
    return std::nullopt;
}

std::optional<model::CaexFile> loadDocument(const QString &path, model::CaexReader &reader)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        printError(tr("%1: no such file").arg(path));
        return std::nullopt;
    }
    if (!info.isFile() || !info.isReadable()) {
        printError(tr("%1: cannot read this file").arg(path));
        return std::nullopt;
    }
    Result<model::CaexFile> read = reader.readFile(path);
    if (!read.ok()) {
        // The reader's message already reads "file:line:column: message".
        const QString message
            = read.error().isEmpty() ? tr("%1: cannot parse").arg(path) : read.error();
        printErrorLine(message.startsWith(path) ? message : path + u": "_s + message);
        return std::nullopt;
    }
    return read.takeValue();
}

} // namespace dt::aml
