// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginelogging.h"

namespace dt::runtime {
Q_LOGGING_CATEGORY(lcRuntime, "dt.runtime", QtInfoMsg)
}
