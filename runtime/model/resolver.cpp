// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder so the library builds while resolver is being written.
#include "resolver.h"
