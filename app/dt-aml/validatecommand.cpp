// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml validate FILE [--schema XSD]: reader warnings, validator problems and, on request, the
// XSD verdict of xmllint, all as "file:line:col: severity: message".
#include "command.h"

#include <model/resolver.h>
#include <model/validator.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace dt::aml {

namespace {

struct SchemaResult
{
    bool usable = true; ///< false: xmllint missing or the schema unusable (exit 2)
    model::Diagnostics diagnostics;
};

// xmllint prints "FILE:LINE: element X: Schemas validity error : Element '...': reason" per
// problem, parser errors as "FILE:LINE: parser error : ..." followed by context lines, and a
// final "FILE validates" / "FILE fails to validate".
model::Diagnostic fromXmllintLine(const QString &path, const QString &line)
{
    model::Diagnostic d;
    d.file = path;
    d.severity = model::Severity::Error;
    QString rest = line.mid(path.size() + 1);
    const qsizetype colon = rest.indexOf(u':');
    bool ok = false;
    const qint64 lineNumber = colon > 0 ? rest.left(colon).toLongLong(&ok) : 0;
    if (ok) {
        d.position.line = lineNumber;
        rest = rest.mid(colon + 1).trimmed();
    }
    // "element Foo: Schemas validity error : Element '...': ..." -> "XSD: Element '...': ..."
    const qsizetype marker = rest.indexOf(u"error : "_s);
    if (marker >= 0)
        rest = rest.mid(marker + 8);
    d.message = u"XSD: "_s + rest.trimmed();
    return d;
}

SchemaResult runXmllint(const QString &path, const QString &schema)
{
    SchemaResult result;
    const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
    if (xmllint.isEmpty()) {
        printError(tr("--schema needs xmllint, which is not installed (package libxml2-utils)"));
        result.usable = false;
        return result;
    }
    if (!QFileInfo(schema).isFile()) {
        printError(tr("%1: no such schema file").arg(schema));
        result.usable = false;
        return result;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(xmllint, { u"--noout"_s, u"--schema"_s, schema, path });
    if (!process.waitForStarted() || !process.waitForFinished(-1)) {
        printError(tr("cannot run xmllint: %1").arg(process.errorString()));
        result.usable = false;
        return result;
    }
    const QString output = QString::fromUtf8(process.readAll());
    const int code = process.exitCode();
    // Exit code 5: the schema itself does not compile; nothing was validated.
    if (code == 5) {
        const QString first = output.section(u'\n', 0, 0);
        printError(tr("cannot use schema %1: %2").arg(schema, first));
        result.usable = false;
        return result;
    }
    const QString prefix = path + u':';
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(prefix))
            result.diagnostics.append(fromXmllintLine(path, line));
    }
    if (code != 0 && result.diagnostics.isEmpty()) {
        model::Diagnostic d;
        d.file = path;
        d.message = tr("XSD: xmllint failed (exit code %1): %2")
                        .arg(code)
                        .arg(output.section(u'\n', 0, 0).trimmed());
        result.diagnostics.append(d);
    }
    return result;
}

} // namespace

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks a model and prints each problem as file:line:col: severity: message.\n"
           "Exit code 0: no errors (warnings allowed); 1: errors; 2: unreadable input."));
    parser.addPositionalArgument(u"FILE"_s, tr("the AutomationML file"));
    const QCommandLineOption schemaOption(
        u"schema"_s, tr("also validate against this XSD with xmllint"), u"XSD"_s);
    parser.addOption(schemaOption);
    if (const auto exit = parseCommandLine(parser, arguments, { u"FILE"_s }))
        return *exit;

    const QString path = parser.positionalArguments().at(0);
    model::CaexReader::Options options;
    options.recordPositions = true;
    model::CaexReader reader(options);
    const std::optional<model::CaexFile> file = loadDocument(path, reader);
    if (!file)
        return ExitUnusable;

    model::Diagnostics problems = reader.diagnostics();
    model::Resolver resolver(*file, QFileInfo(path).absolutePath());
    problems += model::Validator().validate(*file, resolver, &reader.sourceMap(), path);

    if (parser.isSet(schemaOption)) {
        const SchemaResult schema = runXmllint(path, parser.value(schemaOption));
        if (!schema.usable)
            return ExitUnusable;
        problems += schema.diagnostics;
    }

    bool errors = false;
    QString out;
    for (model::Diagnostic &d : problems) {
        d.file = path;
        errors = errors || d.severity == model::Severity::Error;
        out += d.toString() + u'\n';
    }
    printBytes(out.toUtf8());
    return errors ? ExitFailed : ExitOk;
}

} // namespace dt::aml
