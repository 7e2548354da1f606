// SPDX-License-Identifier: GPL-3.0-or-later
// Figures of the running process from /proc/self (Linux only; -1 elsewhere): memory from
// status, bytes written to storage from io, CPU time of named threads from task/*/stat.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <dirent.h>
#include <unistd.h>

namespace dt::bench {

/// The number after "field:" in a /proc/self file of "name: value" lines, or -1.
inline long long procFieldValue(const char *path, const char *field)
{
    std::FILE *file = std::fopen(path, "r");
    if (!file)
        return -1;
    const size_t fieldLength = std::strlen(field);
    char line[256];
    long long value = -1;
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, field, fieldLength) == 0 && line[fieldLength] == ':') {
            value = std::strtoll(line + fieldLength + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return value;
}

/// The value in kB of a /proc/self/status field such as "VmRSS" or "VmHWM", or -1.
inline long long procStatusKb(const char *field)
{
    return procFieldValue("/proc/self/status", field);
}

/// Bytes this process has caused to be written to storage so far (its own writes and the
/// page cache write-back charged to it), or -1 when /proc/self/io cannot be read.
inline long long processStorageWriteBytes()
{
    return procFieldValue("/proc/self/io", "write_bytes");
}

/// CPU seconds (user + system) used so far by this process's threads named `name` (the kernel
/// keeps 15 characters of a thread name), or -1 when /proc cannot be read.
inline double threadCpuSeconds(const char *name)
{
    DIR *tasks = opendir("/proc/self/task");
    if (!tasks)
        return -1;
    const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    double seconds = 0;
    while (const dirent *task = readdir(tasks)) {
        if (task->d_name[0] == '.')
            continue;
        const std::string dir = std::string("/proc/self/task/") + task->d_name;
        char comm[64] = {};
        if (std::FILE *file = std::fopen((dir + "/comm").c_str(), "r")) {
            if (!std::fgets(comm, sizeof comm, file))
                comm[0] = 0;
            std::fclose(file);
        }
        comm[std::strcspn(comm, "\n")] = 0;
        if (std::strcmp(comm, name) != 0)
            continue;
        char stat[1024] = {};
        if (std::FILE *file = std::fopen((dir + "/stat").c_str(), "r")) {
            if (!std::fgets(stat, sizeof stat, file))
                stat[0] = 0;
            std::fclose(file);
        }
        // After the ")" that closes the name: field 3 (state) onwards; utime and stime are
        // fields 14 and 15, i.e. the 12th and 13th after the state.
        const char *rest = std::strrchr(stat, ')');
        if (!rest)
            continue;
        unsigned long long utime = 0;
        unsigned long long stime = 0;
        if (std::sscanf(
                rest + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime)
            == 2)
            seconds += double(utime + stime) / ticksPerSecond;
    }
    closedir(tasks);
    return seconds;
}

} // namespace dt::bench
