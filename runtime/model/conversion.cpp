// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while conversion is being written.
#include "conversion.h"
