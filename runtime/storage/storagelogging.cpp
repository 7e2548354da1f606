// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagelogging.h"

namespace dt::runtime {
// Outages and recoveries are worth seeing in a headless runtime's log; per-batch chatter is not.
Q_LOGGING_CATEGORY(lcStorage, "dt.runtime.storage", QtInfoMsg)
} // namespace dt::runtime
