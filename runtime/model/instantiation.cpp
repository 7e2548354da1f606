// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while instantiation is being written.
#include "instantiation.h"
