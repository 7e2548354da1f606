// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while generator is being written.
#include "generator.h"
