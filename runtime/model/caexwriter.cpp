// SPDX-License-Identifier: GPL-3.0-or-later
#include "caexwriter.h"

#include "caexserializer.h"
#include "conversion.h"
#include "logging.h"

#include <QBuffer>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace dt::model {

Result<void> CaexWriter::write(const CaexFile &file, QIODevice *device) const
{
    if (!device || !device->isWritable())
        return Result<void>::failure(u"cannot write CAEX: the output device is not writable"_s);

    const SchemaVersion version = m_options.version;
    CaexFile converted;
    const CaexFile *source = &file;
    if (file.schemaVersion != version) {
        Diagnostics warnings;
        converted = convertTo(file, version, &warnings);
        for (const Diagnostic &w : std::as_const(warnings))
            qCInfo(lcModel, "conversion: %s", qUtf8Printable(w.message));
        source = &converted;
    }

    XmlOutput out(device, m_options.indent,
        version == SchemaVersion::V3_0 ? XmlOutput::caexNamespace : QString());
    CaexSerializer(out, version).document(*source);
    if (out.failed())
        return Result<void>::failure(u"cannot write CAEX: "_s + out.error());
    if (out.hasWriteError())
        return Result<void>::failure(u"cannot write CAEX: "_s + device->errorString());
    return {};
}

Result<void> CaexWriter::writeFile(const CaexFile &file, const QString &path) const
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Result<void>::failure(u"cannot write %1: %2"_s.arg(path, out.errorString()));
    const Result<void> written = write(file, &out);
    if (!written) {
        out.cancelWriting(); // the old file stays as it was
        return Result<void>::failure(u"%1: %2"_s.arg(path, written.error()));
    }
    if (!out.commit())
        return Result<void>::failure(u"cannot write %1: %2"_s.arg(path, out.errorString()));
    return {};
}

QByteArray CaexWriter::toByteArray(const CaexFile &file) const
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (!write(file, &buffer))
        return {};
    return data;
}

} // namespace dt::model
