// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml dump FILE: the canonical JSON of the whole model, for round-trip comparisons.
#include "command.h"

#include <model/jsondump.h>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace dt::aml {

int runDump(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints the canonical JSON of the whole model: two documents with the same content "
           "give identical output whatever their XML formatting or child order."));
    parser.addPositionalArgument(u"FILE"_s, tr("the AutomationML file"));
    if (const auto exit = parseCommandLine(parser, arguments, { u"FILE"_s }))
        return *exit;

    model::CaexReader reader;
    const std::optional<model::CaexFile> file
        = loadDocument(parser.positionalArguments().at(0), reader);
    if (!file)
        return ExitUnusable;
    QByteArray json = model::dumpJson(*file);
    if (!json.endsWith('\n'))
        json += '\n';
    printBytes(json);
    return ExitOk;
}

} // namespace dt::aml
