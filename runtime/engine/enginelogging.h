// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace dt::runtime {
/// "dt.runtime": deploy, device connection changes, events; info and above by default so that
/// the headless dt-runtime logs them to stderr.
Q_DECLARE_LOGGING_CATEGORY(lcRuntime)
} // namespace dt::runtime
