// SPDX-License-Identifier: GPL-3.0-or-later
#include "valvesim/valvefault.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::runtime {

QList<FaultKind> allFaultKinds()
{
    return { FaultKind::Packing, FaultKind::SeatDeposit, FaultKind::WornSeat, FaultKind::StemThread,
        FaultKind::Galling, FaultKind::Obstruction, FaultKind::ShearedStem, FaultKind::Gearbox };
}

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Packing:
        return u"packing"_s;
    case FaultKind::SeatDeposit:
        return u"seat-deposit"_s;
    case FaultKind::WornSeat:
        return u"worn-seat"_s;
    case FaultKind::StemThread:
        return u"stem-thread"_s;
    case FaultKind::Galling:
        return u"galling"_s;
    case FaultKind::Obstruction:
        return u"obstruction"_s;
    case FaultKind::ShearedStem:
        return u"sheared-stem"_s;
    case FaultKind::Gearbox:
        break;
    }
    return u"gearbox"_s;
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    QString key = name.trimmed().toString().toLower();
    key.replace(u'_', u'-');
    for (FaultKind kind : allFaultKinds()) {
        if (key == faultKindName(kind))
            return kind;
    }
    struct Synonym
    {
        QLatin1StringView name;
        FaultKind kind;
    };
    static const Synonym synonyms[] = {
        { "sticking"_L1, FaultKind::SeatDeposit },
        { "deposit"_L1, FaultKind::SeatDeposit },
        { "seat"_L1, FaultKind::WornSeat },
        { "stem"_L1, FaultKind::StemThread },
        { "bearing"_L1, FaultKind::Galling },
        { "jam"_L1, FaultKind::Obstruction },
        { "decoupled"_L1, FaultKind::ShearedStem },
        { "sheared"_L1, FaultKind::ShearedStem },
    };
    for (const Synonym &synonym : synonyms) {
        if (key == synonym.name)
            return synonym.kind;
    }
    return std::nullopt;
}

double faultSeverity(const FaultList &faults, FaultKind kind)
{
    double sum = 0;
    for (const Fault &fault : faults) {
        if (fault.kind == kind)
            sum += std::max(0.0, fault.severity);
    }
    return std::min(sum, 1.0);
}

} // namespace dt::runtime
