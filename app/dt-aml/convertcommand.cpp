// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml convert FILE -o OUT [--to 3.0|2.15]: rewrites a document canonically, converting it
// between CAEX versions; what the target cannot hold is reported on stderr.
#include "command.h"

#include <model/caexwriter.h>
#include <model/conversion.h>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace dt::aml {

int runConvert(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the document as canonical CAEX 3.0 (default) or 2.15. Data the target "
           "version cannot hold is reported on stderr."));
    parser.addPositionalArgument(u"FILE"_s, tr("the AutomationML file"));
    const QCommandLineOption outOption({ u"o"_s, u"output"_s }, tr("the file to write"), u"OUT"_s);
    const QCommandLineOption toOption(
        u"to"_s, tr("target CAEX version: 3.0 or 2.15"), u"VERSION"_s, u"3.0"_s);
    parser.addOption(outOption);
    parser.addOption(toOption);
    if (const auto exit = parseCommandLine(parser, arguments, { u"FILE"_s }))
        return *exit;

    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty()) {
        printError(tr("missing -o OUT (see 'dt-aml convert --help')"));
        return ExitUnusable;
    }
    const QString to = parser.value(toOption);
    model::SchemaVersion target;
    if (to == u"3.0"_s || to == u"3"_s) {
        target = model::SchemaVersion::V3_0;
    } else if (to == u"2.15"_s) {
        target = model::SchemaVersion::V2_15;
    } else {
        printError(tr("unknown CAEX version '%1' (use 3.0 or 2.15)").arg(to));
        return ExitUnusable;
    }

    const QString path = parser.positionalArguments().at(0);
    model::CaexReader reader;
    const std::optional<model::CaexFile> file = loadDocument(path, reader);
    if (!file)
        return ExitUnusable;

    model::Diagnostics lost;
    model::CaexFile converted = model::convertTo(*file, target, &lost);
    for (model::Diagnostic d : lost) {
        if (d.file.isEmpty())
            d.file = path;
        printErrorLine(d.toString());
    }
    model::CaexWriter::Options options;
    options.version = target;
    const QString out = parser.value(outOption);
    const Result<void> written = model::CaexWriter(options).writeFile(converted, out);
    if (!written.ok()) {
        printError(tr("cannot write %1: %2").arg(out, written.error()));
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace dt::aml
