// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace dt::runtime {
/// "dt.runtime.modbus": connection changes and errors; warnings and above by default.
Q_DECLARE_LOGGING_CATEGORY(lcModbus)
} // namespace dt::runtime
