// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyrecord.h"

#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <vector>

namespace dt::runtime {

/// The FIFO between the threads that append history and the writer thread, with the counters
/// behind HistoryStore::Stats. Appending only takes a mutex for a moment, so callers never wait
/// for the database. Records that fail to commit go back to the front, so order is kept.
class HistoryBuffer
{
public:
    struct Batch
    {
        std::vector<HistoryRecord> records;
        std::vector<EventRecord> events;

        bool empty() const { return records.empty() && events.empty(); }
        qint64 size() const { return qint64(records.size() + events.size()); }
    };

    struct Counters
    {
        qint64 appended = 0;
        qint64 committed = 0;
        qint64 rejected = 0;
        qint64 dropped = 0;
        qint64 failedCommits = 0;
        /// Records the writer is done with: committed, refused or dropped.
        qint64 handled() const { return committed + rejected + dropped; }
    };

    explicit HistoryBuffer(qint64 maxRecords);

    /// Each returns the number of records and events now waiting (not counting a batch the
    /// writer holds), so the caller can wake the writer when a batch is full.
    qint64 append(const HistoryRecord &record);
    qint64 append(const QList<HistoryRecord> &records);
    qint64 appendEvent(const EventRecord &event);

    /// Takes up to the given numbers from the front.
    Batch take(int maxRecords, int maxEvents);
    /// Puts a batch that could not be committed back at the front.
    void giveBack(Batch &&batch);
    void markCommitted(qint64 count);
    /// Items the database refused for their content; they will never be committed.
    void markRejected(qint64 count);
    void markFailedCommit();

    qint64 waiting() const;
    Counters counters() const;
    /// Waits until every item appended before `target` was counted (committed, rejected or
    /// dropped); false on timeout.
    bool waitHandled(qint64 target, int timeoutMs);

private:
    qint64 waitingLocked() const { return qint64(m_records.size() + m_events.size()); }
    void dropOverflowLocked();

    mutable QMutex m_mutex;
    QWaitCondition m_progress;
    const qint64 m_maxRecords;
    std::deque<HistoryRecord> m_records;
    std::deque<EventRecord> m_events;
    Counters m_counters;
    bool m_warnedOverflow = false;
};

} // namespace dt::runtime
