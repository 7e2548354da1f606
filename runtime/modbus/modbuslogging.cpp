// SPDX-License-Identifier: GPL-3.0-or-later
#include "modbuslogging.h"

namespace dt::runtime {
Q_LOGGING_CATEGORY(lcModbus, "dt.runtime.modbus", QtWarningMsg)
}
