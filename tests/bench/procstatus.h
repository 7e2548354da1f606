// SPDX-License-Identifier: GPL-3.0-or-later
// Memory figures of the running process from /proc/self/status (Linux only; -1 elsewhere).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace dt::bench {

/// The value in kB of a /proc/self/status field such as "VmRSS" or "VmHWM", or -1.
inline long long procStatusKb(const char *field)
{
    std::FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return -1;
    const size_t fieldLength = std::strlen(field);
    char line[256];
    long long value = -1;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, field, fieldLength) == 0 && line[fieldLength] == ':') {
            value = std::strtoll(line + fieldLength + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(status);
    return value;
}

} // namespace dt::bench
