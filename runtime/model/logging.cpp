// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"
#include "dtassert.h"

namespace dt {
Q_LOGGING_CATEGORY(lcAssert, "dt.assert")
}

namespace dt::model {
Q_LOGGING_CATEGORY(lcModel, "dt.model", QtWarningMsg)
}
