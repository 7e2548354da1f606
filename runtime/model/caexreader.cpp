// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while caexreader is being written.
#include "caexreader.h"
