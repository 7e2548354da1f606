// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while query is being written.
#include "query.h"
