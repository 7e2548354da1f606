// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml generate --elements N [--seed S] -o OUT: a synthetic plant model for benchmarks.
#include "command.h"

#include <model/caexwriter.h>
#include <model/generator.h>

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dt::aml {

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes a synthetic plant (areas, units, devices, libraries) with exactly N "
           "InternalElements as CAEX 3.0. The same N and seed always give the same file."));
    const QCommandLineOption elementsOption(
        u"elements"_s, tr("number of InternalElements"), u"N"_s);
    const QCommandLineOption seedOption(u"seed"_s, tr("random seed (default 1)"), u"S"_s, u"1"_s);
    const QCommandLineOption outOption({ u"o"_s, u"output"_s }, tr("the file to write"), u"OUT"_s);
    parser.addOption(elementsOption);
    parser.addOption(seedOption);
    parser.addOption(outOption);
    if (const auto exit = parseCommandLine(parser, arguments, {}))
        return *exit;

    if (!parser.isSet(elementsOption)) {
        printError(tr("missing --elements N (see 'dt-aml generate --help')"));
        return ExitUnusable;
    }
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty()) {
        printError(tr("missing -o OUT (see 'dt-aml generate --help')"));
        return ExitUnusable;
    }
    bool ok = false;
    const int elements = parser.value(elementsOption).toInt(&ok);
    if (!ok || elements < 0) {
        printError(
            tr("--elements needs a whole number >= 0, not '%1'").arg(parser.value(elementsOption)));
        return ExitUnusable;
    }
    const uint seed = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        printError(tr("--seed needs a whole number from 0 to 4294967295, not '%1'")
                       .arg(parser.value(seedOption)));
        return ExitUnusable;
    }

    model::GeneratorOptions options;
    options.elements = elements;
    options.seed = seed;
    model::CaexFile plant = model::generatePlant(options);
    const QString out = parser.value(outOption);
    plant.fileName = QFileInfo(out).fileName();
    const Result<void> written = model::CaexWriter().writeFile(plant, out);
    if (!written.ok()) {
        printError(tr("cannot write %1: %2").arg(out, written.error()));
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace dt::aml
