// SPDX-License-Identifier: GPL-3.0-or-later
#include "deployreport.h"

using namespace Qt::StringLiterals;

namespace dt::runtime {

QString DeployReport::toText() const
{
    QStringList lines;
    lines.append(u"deploy %1: %2"_s.arg(
        file, ok() ? (started ? u"started"_s : u"valid"_s) : u"FAILED, nothing started"_s));
    for (const Twin &t : twins) {
        lines.append(u"twin %1 (root %2): %3 device(s), %4 binding(s), %5 event(s), %6 method(s), "
                     "storage %7, access control %8"_s.arg(t.name, t.root)
                         .arg(t.devices.size())
                         .arg(t.bindings.size())
                         .arg(t.events.size())
                         .arg(t.methods.size())
                         .arg(t.storage.isEmpty() ? u"none"_s : t.storage,
                             t.accessControl ? u"on"_s : u"off"_s));
        for (const Device &d : t.devices)
            lines.append(u"  device %1 %2: %3 variable(s), %4 bound"_s.arg(d.name, d.endpoint)
                             .arg(d.variables)
                             .arg(d.bindings));
    }
    for (const QString &e : errors)
        lines.append(u"error: "_s + e);
    for (const QString &w : warnings)
        lines.append(u"warning: "_s + w);
    return lines.join(u'\n');
}

} // namespace dt::runtime
