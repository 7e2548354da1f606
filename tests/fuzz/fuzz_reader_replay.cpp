// SPDX-License-Identifier: GPL-3.0-or-later
// Replays files through the reader fuzz target without libFuzzer, so every build (and ctest)
// runs the seed corpus and any reproducer found. Seeds named valid-* must be accepted and
// reject-* refused; other names only have to pass the target's own checks.
//
//   fuzz_reader_replay [--strict] DIR|FILE...   (absent paths are skipped with a note)
#include "fuzz_reader.h"

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QStringList filesUnder(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return { path };
    QStringList files;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == u"--strict") {
            dt::fuzz::setStrict(true);
            continue;
        }
        if (!QFileInfo::exists(argument)) {
            std::printf("skipping %s: absent\n", qPrintable(argument));
            continue;
        }
        files += filesUnder(argument);
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: fuzz_reader_replay [--strict] DIR|FILE...: no input files\n");
        return 2;
    }

    int accepted = 0;
    int wrongVerdicts = 0;
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
            ++wrongVerdicts;
            continue;
        }
        const QByteArray bytes = file.readAll();
        // A crash or failed check aborts inside; naming the file first tells which one.
        std::printf("%s\n", qPrintable(path));
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(
            reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
        const bool ok = dt::fuzz::lastInputAccepted();
        accepted += ok ? 1 : 0;
        const QString name = QFileInfo(path).fileName();
        if ((name.startsWith(u"valid-") && !ok) || (name.startsWith(u"reject-") && ok)) {
            std::printf("  WRONG: the reader %s it\n", ok ? "accepted" : "refused");
            ++wrongVerdicts;
        }
    }
    std::printf("replayed %lld files: %d accepted, %lld refused, %d with the wrong verdict\n",
        static_cast<long long>(files.size()), accepted,
        static_cast<long long>(files.size() - accepted), wrongVerdicts);
    return wrongVerdicts == 0 ? 0 : 1;
}
