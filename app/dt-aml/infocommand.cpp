// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml info FILE: one JSON object with the counts of every CAEX element kind.
#include "command.h"

#include <model/modelwalker.h>

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dt::aml {

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints one JSON object: the number of each CAEX element kind anywhere in the "
           "document (nested ones included), the schema version and the reader's warnings."));
    parser.addPositionalArgument(u"FILE"_s, tr("the AutomationML file"));
    if (const auto exit = parseCommandLine(parser, arguments, { u"FILE"_s }))
        return *exit;

    const QString path = parser.positionalArguments().at(0);
    model::CaexReader reader;
    const std::optional<model::CaexFile> file = loadDocument(path, reader);
    if (!file)
        return ExitUnusable;

    qint64 warnings = 0;
    for (const model::Diagnostic &d : reader.diagnostics())
        warnings += d.severity == model::Severity::Warning ? 1 : 0;

    const model::ModelStatistics s = model::countElements(*file);
    QJsonObject info;
    info.insert(u"fileName"_s, path);
    info.insert(u"caexFileName"_s, file->fileName);
    info.insert(u"schemaVersion"_s, model::schemaVersionName(file->schemaVersion));
    info.insert(u"instanceHierarchies"_s, s.instanceHierarchies);
    info.insert(u"internalElements"_s, s.internalElements);
    info.insert(u"systemUnitClassLibs"_s, s.systemUnitClassLibs);
    info.insert(u"systemUnitClasses"_s, s.systemUnitClasses);
    info.insert(u"roleClassLibs"_s, s.roleClassLibs);
    info.insert(u"roleClasses"_s, s.roleClasses);
    info.insert(u"interfaceClassLibs"_s, s.interfaceClassLibs);
    info.insert(u"interfaceClasses"_s, s.interfaceClasses);
    info.insert(u"attributeTypeLibs"_s, s.attributeTypeLibs);
    info.insert(u"attributeTypes"_s, s.attributeTypes);
    info.insert(u"externalInterfaces"_s, s.externalInterfaces);
    info.insert(u"internalLinks"_s, s.internalLinks);
    info.insert(u"attributes"_s, s.attributes);
    info.insert(u"externalReferences"_s, qint64(file->externalReferences.size()));
    info.insert(u"warnings"_s, warnings);
    printBytes(QJsonDocument(info).toJson(QJsonDocument::Indented));
    return ExitOk;
}

} // namespace dt::aml
