// SPDX-License-Identifier: GPL-3.0-or-later
// The Resolver's external files: ExternalReference aliases loaded on demand, each file once,
// with reference cycles and load failures recorded for externalErrors().
#include "resolverstate.h"

#include "caexreader.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace dt::model {

namespace {

QString displayChain(const QStringList &chain)
{
    QStringList names;
    for (const QString &path : chain)
        names << QFileInfo(path).fileName();
    return names.join(u" -> "_s);
}

// ExternalReference paths come from Windows tools too: "file:" URLs and backslashes.
QString localPath(const QString &raw)
{
    QString path = raw.trimmed();
    if (path.startsWith(u"file:"_s, Qt::CaseInsensitive))
        path = QUrl(path).toLocalFile();
    path.replace(u'\\', u'/');
    return path;
}

QString absoluteReferencePath(const QString &directory, const QString &raw)
{
    const QString path = localPath(raw);
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    if (directory.isEmpty())
        return QString();
    return QDir::cleanPath(QDir(directory).absoluteFilePath(path));
}

} // namespace

Resolver::Document *Resolver::aliasTarget(Document &from, const QString &alias, QString *error)
{
    const auto known = from.aliases.constFind(alias);
    if (known != from.aliases.constEnd()) {
        if (!known.value() && error)
            *error = from.aliasErrors.value(alias);
        return known.value();
    }

    auto fail = [&](const QString &message, bool external) -> Document * {
        from.aliases.insert(alias, nullptr);
        from.aliasErrors.insert(alias, message);
        if (external)
            m_external->addError(message);
        if (error)
            *error = message;
        return nullptr;
    };

    const ExternalReference *reference = nullptr;
    for (const ExternalReference &candidate : from.file->externalReferences)
        if (candidate.alias == alias) {
            reference = &candidate;
            break;
        }
    if (!reference)
        return fail(u"no ExternalReference with alias '%1'"_s.arg(alias), false);

    const QString what = u"external reference '%1' (%2)"_s.arg(alias, reference->path);
    const QString absolute = absoluteReferencePath(from.directory, reference->path);
    if (absolute.isEmpty())
        return fail(u"%1: cannot load a relative path without a base directory"_s.arg(what), true);
    const QFileInfo info(absolute);
    if (!info.isFile())
        return fail(u"%1: file not found: %2"_s.arg(what, absolute), true);
    const QString canonical = info.canonicalFilePath();

    Document *target = nullptr;
    if (canonical == index().main.canonicalPath)
        target = &index().main;
    else
        target = m_external->byPath.value(canonical);
    if (from.chain.contains(canonical)) {
        m_external->addError(u"external reference cycle: %1"_s.arg(
            displayChain(QStringList(from.chain) << canonical)));
    }
    if (!target) {
        if (m_external->failedPaths.contains(canonical))
            return fail(u"%1: %2"_s.arg(what, m_external->failedPaths.value(canonical)), true);
        CaexReader reader;
        Result<CaexFile> read = reader.readFile(canonical);
        if (!read) {
            m_external->failedPaths.insert(canonical, read.error());
            return fail(u"%1: cannot read: %2"_s.arg(what, read.error()), true);
        }
        auto doc = std::make_unique<Document>();
        doc->owned = std::make_unique<CaexFile>(read.takeValue());
        doc->file = doc->owned.get();
        doc->canonicalPath = canonical;
        doc->directory = info.absolutePath();
        doc->chain = QStringList(from.chain) << canonical;
        // Report a cycle as soon as the file that closes it is loaded, without loading more.
        for (const ExternalReference &next : doc->file->externalReferences) {
            const QFileInfo nextInfo(absoluteReferencePath(doc->directory, next.path));
            if (nextInfo.isFile() && doc->chain.contains(nextInfo.canonicalFilePath()))
                m_external->addError(u"external reference cycle: %1"_s.arg(
                    displayChain(QStringList(doc->chain) << nextInfo.canonicalFilePath())));
        }
        target = doc.get();
        m_external->byPath.insert(canonical, target);
        m_external->byFile.insert(target->file, target);
        m_external->documents.push_back(std::move(doc));
    }
    from.aliases.insert(alias, target);
    return target;
}

QStringList Resolver::externalErrors() const
{
    return m_external->errors;
}

const CaexFile *Resolver::externalFile(const QString &alias, QString *error)
{
    const Document *target = aliasTarget(index().main, alias, error);
    return target ? target->file : nullptr;
}

QString Resolver::referencePath(const ElementRef &cls)
{
    if (cls.kind != ElementKind::RoleClass && cls.kind != ElementKind::SystemUnitClass
        && cls.kind != ElementKind::InterfaceClass && cls.kind != ElementKind::AttributeType)
        return QString();
    if (!cls.file || cls.file == &m_file)
        return cls.path;
    Document &main = index().main;
    const Document &owner = documentOf(cls);
    for (auto it = main.aliases.cbegin(); it != main.aliases.cend(); ++it)
        if (it.value() == &owner)
            return it.key() + u'@' + cls.path; // cls.path is already an escaped class path
    return cls.path;
}

} // namespace dt::model
