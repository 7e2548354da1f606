// SPDX-License-Identifier: GPL-3.0-or-later
// The command table and the top level of dt-aml: --help, --version and dispatch by name.
#include "command.h"

using namespace Qt::StringLiterals;

namespace dt::aml {

const QList<Command> &commands()
{
    static const QList<Command> table = {
        { "info", "info FILE",
            QT_TRANSLATE_NOOP("dt-aml", "one JSON object of element counts and the schema version"),
            &runInfo },
        { "validate", "validate FILE [--schema XSD]",
            QT_TRANSLATE_NOOP("dt-aml",
                "problems as file:line:col: severity: message (exit 0 clean "
                "or warnings only, 1 errors, 2 unreadable)"),
            &runValidate },
        { "convert", "convert FILE -o OUT [--to 3.0|2.15]",
            QT_TRANSLATE_NOOP("dt-aml", "write the document in CAEX 3.0 or 2.15"), &runConvert },
        { "dump", "dump FILE",
            QT_TRANSLATE_NOOP("dt-aml", "canonical JSON of the whole model (round-trip equality)"),
            &runDump },
        { "query", "query FILE XPATH",
            QT_TRANSLATE_NOOP("dt-aml", "paths of the elements an XPath matches, one per line"),
            &runQuery },
        { "generate", "generate --elements N [--seed S] -o OUT",
            QT_TRANSLATE_NOOP("dt-aml", "write a synthetic plant model for benchmarks"),
            &runGenerate },
    };
    return table;
}

namespace {

QString usage()
{
    QString text = tr("Usage: dt-aml COMMAND [options] ARGS\n\n"
                      "AutomationML (CAEX 2.15 / 3.0) command line of DT Workbench.\n\n"
                      "Commands:\n");
    for (const Command &c : commands()) {
        text += u"  "_s + QString::fromLatin1(c.synopsis).leftJustified(42) + u' ' + tr(c.summary)
            + u'\n';
    }
    text += tr("\nOptions:\n"
               "  -h, --help     show this help (also 'dt-aml COMMAND --help')\n"
               "  -v, --version  show the version\n\n"
               "Exit codes: 0 success, 1 errors found or output not written, "
               "2 usage error or unreadable input.\n");
    return text;
}

} // namespace

int dispatch(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        printError(tr("no command given (see 'dt-aml --help')"));
        return ExitUnusable;
    }
    const QString &first = arguments.at(1);
    if (first == u"-h"_s || first == u"--help"_s || first == u"help"_s) {
        printBytes(usage().toUtf8());
        return ExitOk;
    }
    if (first == u"-v"_s || first == u"--version"_s) {
        printLine(u"dt-aml "_s + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    for (const Command &c : commands()) {
        if (first == QLatin1StringView(c.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(u"dt-aml "_s + first);
            return c.run(rest);
        }
    }
    if (first.startsWith(u'-'))
        printError(tr("unknown option '%1' (see 'dt-aml --help')").arg(first));
    else
        printError(tr("unknown command '%1' (see 'dt-aml --help')").arg(first));
    return ExitUnusable;
}

} // namespace dt::aml
