// SPDX-License-Identifier: GPL-3.0-or-later
#include "runfile.h"

#include "document/amldocument.h"

#include "model/caexwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dt::workbench {

bool documentIsSaved(const editor::AmlDocument &document)
{
    return !document.fileName().isEmpty() && !document.isModified()
        && QFileInfo::exists(document.fileName());
}

Result<QString> writeRunFile(const editor::AmlDocument &document, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Result<QString>::failure(
            QCoreApplication::translate("dt::workbench", "Cannot create %1").arg(dir));
    model::CaexFile copy = document.file();
    const QDir base(
        document.baseDirectory().isEmpty() ? QDir::currentPath() : document.baseDirectory());
    for (model::ExternalReference &reference : copy.externalReferences) {
        if (!reference.path.isEmpty() && QFileInfo(reference.path).isRelative()
            && !reference.path.contains(u"://"_s))
            reference.path = QDir::cleanPath(base.absoluteFilePath(reference.path));
    }
    const QString name = document.fileName().isEmpty() ? u"untitled.aml"_s
                                                       : QFileInfo(document.fileName()).fileName();
    const QString path = QDir(dir).absoluteFilePath(name);
    copy.fileName = path;
    model::CaexWriter::Options options;
    options.version = copy.schemaVersion;
    const Result<void> written = model::CaexWriter(options).writeFile(copy, path);
    if (!written)
        return Result<QString>::failure(written.error());
    return path;
}

} // namespace dt::workbench
