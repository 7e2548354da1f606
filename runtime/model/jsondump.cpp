// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while jsondump is being written.
#include "jsondump.h"
