// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace dt::runtime {
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
}
