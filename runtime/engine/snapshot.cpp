// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot.h"

#include "model/caexpath.h"
#include "model/caexwriter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

model::InternalElement *elementByInstancePath(model::CaexFile &file, const QString &path)
{
    const QStringList segments = model::CaexPath::parse(path).segments;
    if (segments.size() < 2)
        return nullptr;
    for (model::InstanceHierarchy &ih : file.instanceHierarchies) {
        if (ih.name != segments.first())
            continue;
        model::NodeList<model::InternalElement> *list = &ih.internalElements;
        model::InternalElement *e = nullptr;
        for (qsizetype i = 1; i < segments.size(); ++i) {
            e = model::findChild(*list, segments[i]);
            if (!e)
                break;
            list = &e->internalElements;
        }
        if (e)
            return e;
    }
    return nullptr;
}

QString liveValuesXml(const SnapshotTwin &twin, qint64 snapshotTimeMs)
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.writeStartElement(u"AdditionalInformation"_s);
    w.writeNamespace(SnapshotNamespace, u"lv"_s);
    w.writeStartElement(SnapshotNamespace, u"LiveValues"_s);
    w.writeAttribute(u"twin"_s, twin.name);
    w.writeAttribute(u"time"_s, isoTime(snapshotTimeMs));
    for (const AttributeStore::Slot *slot : twin.attributes) {
        w.writeEmptyElement(SnapshotNamespace, u"Value"_s);
        w.writeAttribute(u"path"_s, slot->path);
        w.writeAttribute(u"attribute"_s, slot->name);
        w.writeAttribute(u"value"_s, slot->value());
        w.writeAttribute(u"quality"_s, qualityName(slot->quality));
        w.writeAttribute(u"timestamp"_s, isoTime(slot->timestampMs));
        w.writeAttribute(u"source"_s, slot->source);
    }
    w.writeEndElement();
    w.writeEndElement();
    return xml;
}

} // namespace

model::CaexFile snapshotDocument(const model::CaexFile &runtimeModel, const QString &modelFileName,
    const QList<SnapshotTwin> &twins, const QString &targetFile, qint64 snapshotTimeMs)
{
    model::CaexFile copy = runtimeModel;
    copy.schemaVersion = model::SchemaVersion::V3_0;
    copy.fileName = QFileInfo(targetFile).fileName();
    const QDir modelDir = QFileInfo(modelFileName).absoluteDir();
    const QDir targetDir = QFileInfo(targetFile).absoluteDir();
    for (model::ExternalReference &ref : copy.externalReferences) {
        if (QDir::isAbsolutePath(ref.path) || ref.path.contains("://"_L1))
            continue;
        const QString absolute = modelDir.absoluteFilePath(ref.path);
        if (QFileInfo::exists(absolute))
            ref.path = targetDir.relativeFilePath(absolute);
    }
    for (const SnapshotTwin &twin : twins) {
        model::InternalElement *root = elementByInstancePath(copy, twin.rootInstancePath);
        if (!root)
            continue;
        QList<model::XmlFragment> &info = root->header.ensure().additionalInformation;
        for (qsizetype i = info.size() - 1; i >= 0; --i) {
            if (info[i].xml.contains(SnapshotNamespace))
                info.removeAt(i);
        }
        info.append(model::XmlFragment { liveValuesXml(twin, snapshotTimeMs) });
    }
    for (model::SourceDocumentInformation &sdi : copy.sourceDocumentInformation)
        sdi.lastWritingDateTime = isoTime(snapshotTimeMs);
    return copy;
}

Result<void> writeSnapshot(const model::CaexFile &runtimeModel, const QString &modelFileName,
    const QList<SnapshotTwin> &twins, const QString &targetFile, qint64 snapshotTimeMs)
{
    if (targetFile.isEmpty())
        return Result<void>::failure(u"snapshot: no file name given"_s);
    const model::CaexFile doc
        = snapshotDocument(runtimeModel, modelFileName, twins, targetFile, snapshotTimeMs);
    Result<void> written = model::CaexWriter().writeFile(doc, targetFile);
    if (!written)
        return Result<void>::failure(u"snapshot %1: %2"_s.arg(targetFile, written.error()));
    return {};
}

} // namespace dt::runtime
