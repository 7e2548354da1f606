// SPDX-License-Identifier: GPL-3.0-or-later
// Wall-clock or CPU-time stopwatch for bench_model.
#pragma once

#include <ctime>

namespace dt::bench {

/// Measures wall-clock time, or the process's CPU time (user + system), which stays
/// meaningful when other jobs share the machine's cores and stretch every wall-clock figure.
class Stopwatch
{
public:
    enum class Clock { Wall, Cpu };

    /// The clock every Stopwatch uses; chosen once from the command line.
    static void setClock(Clock clock) { s_clock = clock; }
    static Clock clock() { return s_clock; }

    Stopwatch() { restart(); }
    void restart() { m_start = now(); }
    double seconds() const { return now() - m_start; }

private:
    static double now()
    {
        timespec time {};
        clock_gettime(s_clock == Clock::Cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &time);
        return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
    }

    static inline Clock s_clock = Clock::Wall;
    double m_start = 0;
};

} // namespace dt::bench
