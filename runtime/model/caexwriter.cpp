// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while caexwriter is being written.
#include "caexwriter.h"
