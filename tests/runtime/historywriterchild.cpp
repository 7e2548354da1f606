// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_historycrash: ingests numbered samples into a SQLite history as fast as the
// store takes them and prints "committed N" (the highest sequence number committed so far)
// after each commit, until it is killed.
//   historywriterchild FILE FIRST_SEQ PATH_PREFIX
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using dt::runtime::HistoryRecord;
using dt::runtime::HistoryStore;
using dt::runtime::StorageConfig;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: historywriterchild FILE FIRST_SEQ PATH_PREFIX\n");
        return 2;
    }
    StorageConfig config;
    config.backend = StorageConfig::Backend::SQLite;
    config.file = args.at(1);
    config.batchSize = 1000;
    config.flushIntervalMs = 20;
    const qint64 first = args.at(2).toLongLong();
    const QString prefix = args.at(3);

    auto opened = HistoryStore::open(config);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    std::unique_ptr<HistoryStore> store = opened.takeValue();
    qint64 next = first;
    qint64 reported = 0;

    QTimer ingest;
    QObject::connect(&ingest, &QTimer::timeout, [&] {
        // Keep the buffer short so commits follow appends closely.
        if (store->stats().buffered > 20'000)
            return;
        QList<HistoryRecord> chunk;
        for (int i = 0; i < 200; ++i, ++next) {
            chunk.append(HistoryRecord { u"%1/P%2"_s.arg(prefix).arg(next % 8), u"Seq"_s,
                QString::number(next), next, dt::runtime::Quality::Good, u"child"_s });
        }
        store->append(chunk);
    });
    ingest.start(1);

    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        // Records commit in order, so the committed count gives the highest committed number.
        const qint64 committed = store->stats().committed;
        if (committed != reported) {
            reported = committed;
            std::printf("committed %lld\n", static_cast<long long>(first + committed - 1));
            std::fflush(stdout);
        }
    });
    report.start(2);
    return app.exec();
}
