// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for the CAEX reader. Anything the reader accepts is a model the rest of the
// workbench may save, so the writer must turn it into XML the reader accepts again; a failure
// there is as much a bug as a crash, and aborts so libFuzzer keeps the input.
#include "fuzz_reader.h"

#include "model/caexreader.h"
#include "model/caexwriter.h"
#include "model/jsondump.h"

#include <QBuffer>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using dt::model::CaexFile;
using dt::model::CaexReader;
using dt::model::CaexWriter;
using dt::model::SchemaVersion;

namespace dt::fuzz {
namespace {

bool s_accepted = false;
int s_strict = -1; // -1: not decided yet, taken from the environment on first use

bool strict()
{
    if (s_strict < 0)
        s_strict = qEnvironmentVariableIntValue("DT_FUZZ_STRICT") != 0 ? 1 : 0;
    return s_strict == 1;
}

// Warnings about odd input are expected by the thousand; printing them slows fuzzing down and
// buries the one report that matters.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        std::abort();
    }
}

// Messages may quote names with control characters in them (even NUL), which would cut the
// printed text short; show those as \uXXXX.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t')
            out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

[[noreturn]] void fail(const char *what, const QString &detail, const QByteArray &xml)
{
    std::fprintf(stderr, "fuzz_reader: %s\n  %s\n", what, qPrintable(printable(detail)));
    if (!xml.isEmpty()) {
        std::fprintf(stderr, "---- written document (first 4 KiB) ----\n%.*s\n----\n",
            int(qMin<qsizetype>(xml.size(), 4096)), xml.constData());
    }
    std::fflush(stderr);
    std::abort();
}

// Where two dumps start to differ, with a few lines of each, to make a report readable.
QString firstDifference(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> left = a.split('\n');
    const QList<QByteArray> right = b.split('\n');
    qsizetype first = 0;
    while (first < left.size() && first < right.size() && left.at(first) == right.at(first))
        ++first;
    const auto excerpt = [first](const QList<QByteArray> &lines) {
        QStringList shown;
        for (qsizetype i = first; i < qMin(first + 4, lines.size()); ++i)
            shown.append(QString::fromUtf8(lines.at(i).trimmed()));
        return shown.join(u' ');
    };
    return u"dump line %1:\n  before: %2\n  after:  %3"_s.arg(first + 1).arg(
        excerpt(left), excerpt(right));
}

// By design the writer puts verbatim elements in no namespace and in the CAEX namespace both
// into the target's namespace (so 2.15 payloads land in 3.0 and back); a fragment read from a
// 3.0 file without namespace therefore comes back with xmlns="<CAEX>". The dumps compare
// fragments with that declaration taken out, so the two spellings count as one.
QByteArray withoutCaexDeclarations(QByteArray dump)
{
    return dump.replace(R"( xmlns=\"http://www.dke.de/CAEX\")", "");
}

void checkRoundTrip(const CaexFile &model, const QByteArray &dump, SchemaVersion version)
{
    const CaexWriter writer(CaexWriter::Options { version, true });
    QByteArray written;
    {
        QBuffer buffer(&written);
        buffer.open(QIODevice::WriteOnly);
        const Result<void> ok = writer.write(model, &buffer);
        if (!ok) {
            fail("an accepted model cannot be written",
                u"as CAEX %1: %2"_s.arg(dt::model::schemaVersionName(version), ok.error()), {});
        }
    }
    CaexReader reader;
    Result<CaexFile> again = reader.read(written, u"fuzz-rewritten.aml"_s);
    if (!again) {
        fail("an accepted model, once written, does not read back", again.error(), written);
    }
    if (again->schemaVersion != version) {
        fail("the written document reads back in another schema version",
            dt::model::schemaVersionName(again->schemaVersion), written);
    }
    const QByteArray againDump = dt::model::dumpJson(*again);
    if (!strict() || version != model.schemaVersion)
        return;
    if (againDump != dump && withoutCaexDeclarations(againDump) != withoutCaexDeclarations(dump))
        fail("writing and reading back changed the model", firstDifference(dump, againDump),
            written);
    const QByteArray rewritten = writer.toByteArray(*again);
    if (rewritten != written)
        fail("the writer's output is not a fixed point of read + write",
            u"%1 bytes, then %2 bytes"_s.arg(written.size()).arg(rewritten.size()), written);
}

} // namespace

bool lastInputAccepted()
{
    return s_accepted;
}

void setStrict(bool on)
{
    s_strict = on ? 1 : 0;
}

} // namespace dt::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QtMessageHandler previous = qInstallMessageHandler(dt::fuzz::quietMessages);
    Q_UNUSED(previous);
    dt::fuzz::s_accepted = false;

    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    CaexReader reader;
    dt::Result<CaexFile> model = reader.read(input, u"fuzz-input.aml"_s);
    if (!model)
        return 0;
    dt::fuzz::s_accepted = true;

    const QByteArray dump = dt::model::dumpJson(*model);
    dt::fuzz::checkRoundTrip(*model, dump, model->schemaVersion);
    const SchemaVersion other
        = model->schemaVersion == SchemaVersion::V3_0 ? SchemaVersion::V2_15 : SchemaVersion::V3_0;
    dt::fuzz::checkRoundTrip(*model, dump, other);
    return 0;
}
