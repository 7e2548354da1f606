// SPDX-License-Identifier: GPL-3.0-or-later
#include "historybuffer.h"

#include "storagelogging.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <iterator>

namespace dt::runtime {

HistoryBuffer::HistoryBuffer(qint64 maxRecords)
    : m_maxRecords(std::max<qint64>(1, maxRecords))
{
}

qint64 HistoryBuffer::append(const HistoryRecord &record)
{
    QMutexLocker lock(&m_mutex);
    m_records.push_back(record);
    ++m_counters.appended;
    dropOverflowLocked();
    return waitingLocked();
}

qint64 HistoryBuffer::append(const QList<HistoryRecord> &records)
{
    QMutexLocker lock(&m_mutex);
    m_records.insert(m_records.end(), records.cbegin(), records.cend());
    m_counters.appended += records.size();
    dropOverflowLocked();
    return waitingLocked();
}

qint64 HistoryBuffer::appendEvent(const EventRecord &event)
{
    QMutexLocker lock(&m_mutex);
    m_events.push_back(event);
    ++m_counters.appended;
    return waitingLocked();
}

HistoryBuffer::Batch HistoryBuffer::take(int maxRecords, int maxEvents)
{
    Batch batch;
    QMutexLocker lock(&m_mutex);
    const auto records = std::min<size_t>(m_records.size(), size_t(std::max(0, maxRecords)));
    const auto events = std::min<size_t>(m_events.size(), size_t(std::max(0, maxEvents)));
    batch.records.assign(std::make_move_iterator(m_records.begin()),
        std::make_move_iterator(m_records.begin() + qsizetype(records)));
    m_records.erase(m_records.begin(), m_records.begin() + qsizetype(records));
    batch.events.assign(std::make_move_iterator(m_events.begin()),
        std::make_move_iterator(m_events.begin() + qsizetype(events)));
    m_events.erase(m_events.begin(), m_events.begin() + qsizetype(events));
    return batch;
}

void HistoryBuffer::giveBack(Batch &&batch)
{
    QMutexLocker lock(&m_mutex);
    m_records.insert(m_records.begin(), std::make_move_iterator(batch.records.begin()),
        std::make_move_iterator(batch.records.end()));
    m_events.insert(m_events.begin(), std::make_move_iterator(batch.events.begin()),
        std::make_move_iterator(batch.events.end()));
    dropOverflowLocked();
}

void HistoryBuffer::markCommitted(qint64 count)
{
    QMutexLocker lock(&m_mutex);
    m_counters.committed += count;
    m_warnedOverflow = false;
    m_progress.wakeAll();
}

void HistoryBuffer::markRejected(qint64 count)
{
    QMutexLocker lock(&m_mutex);
    m_counters.rejected += count;
    m_progress.wakeAll();
}

void HistoryBuffer::markFailedCommit()
{
    QMutexLocker lock(&m_mutex);
    ++m_counters.failedCommits;
}

qint64 HistoryBuffer::waiting() const
{
    QMutexLocker lock(&m_mutex);
    return waitingLocked();
}

HistoryBuffer::Counters HistoryBuffer::counters() const
{
    QMutexLocker lock(&m_mutex);
    return m_counters;
}

bool HistoryBuffer::waitHandled(qint64 target, int timeoutMs)
{
    QDeadlineTimer deadline(std::max(0, timeoutMs));
    QMutexLocker lock(&m_mutex);
    while (m_counters.handled() < target) {
        if (!m_progress.wait(&m_mutex, deadline))
            return m_counters.handled() >= target;
    }
    return true;
}

void HistoryBuffer::dropOverflowLocked()
{
    // The bound only matters during a long outage; dropping the oldest keeps the process alive
    // and the newest data, and the count shows in the stats.
    if (qint64(m_records.size()) <= m_maxRecords)
        return;
    const qint64 excess = qint64(m_records.size()) - m_maxRecords;
    m_records.erase(m_records.begin(), m_records.begin() + qsizetype(excess));
    m_counters.dropped += excess;
    m_progress.wakeAll();
    if (!m_warnedOverflow) {
        m_warnedOverflow = true;
        qCWarning(lcStorage) << "history buffer full (" << m_maxRecords
                             << "records): dropping the oldest until the database is back";
    }
}

} // namespace dt::runtime
