// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace dt {
Q_DECLARE_LOGGING_CATEGORY(lcAssert)
}

/// Logs a broken programmer assumption and lets the caller recover (never aborts a user's session).
/// Usage: if (!DT_CHECK(ptr)) return;
#define DT_CHECK(cond)                                                                             \
    ((cond) ? true                                                                                 \
            : (qCCritical(dt::lcAssert, "check failed: %s (%s:%d)", #cond, __FILE__, __LINE__),   \
               false))
