// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"

namespace dt::model {

/// Adds a conversion diagnostic when the caller asked for them (private to the conversion).
inline void reportConversion(Diagnostics *out, Severity severity, const QString &message,
    const QString &elementId = QString())
{
    if (!out)
        return;
    Diagnostic d;
    d.severity = severity;
    d.message = message;
    d.elementId = elementId;
    out->append(d);
}

} // namespace dt::model
