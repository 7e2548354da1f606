// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml query FILE XPATH: the paths of the matching elements, one per line.
#include "command.h"

#include <model/query.h>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace dt::aml {

int runQuery(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints the path of every element the XPath matches, one per line, e.g.\n"
           "  dt-aml query plant.aml \"//InternalElement[@Name='Valve1']\""));
    parser.addPositionalArgument(u"FILE"_s, tr("the AutomationML file"));
    parser.addPositionalArgument(u"XPATH"_s, tr("the expression (an XPath subset)"));
    if (const auto exit = parseCommandLine(parser, arguments, { u"FILE"_s, u"XPATH"_s }))
        return *exit;

    const QString expression = parser.positionalArguments().at(1);
    // Check the expression first: a typo should not wait for a large file to load.
    Result<model::Query> query = model::Query::parse(expression);
    if (!query.ok()) {
        printError(tr("invalid XPath '%1': %2").arg(expression, query.error()));
        return ExitUnusable;
    }
    model::CaexReader reader;
    const std::optional<model::CaexFile> file
        = loadDocument(parser.positionalArguments().at(0), reader);
    if (!file)
        return ExitUnusable;
    QString out;
    for (const model::ElementRef &match : query->evaluate(*file))
        out += match.path + u'\n';
    printBytes(out.toUtf8());
    return ExitOk;
}

} // namespace dt::aml
