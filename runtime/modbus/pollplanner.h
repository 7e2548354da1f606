// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registermap.h"

#include <QList>

namespace dt::runtime {

/// One read request of a poll: a run of one table covering the variables listed.
struct PollBlock
{
    RegisterType registerType = RegisterType::HoldingRegister;
    quint16 start = 0;
    quint16 count = 0; ///< registers or bits
    QList<int> variables; ///< indexes into the device's variable list, by address
    bool hasGaps = false; ///< reads addresses no variable asked for (merged small gaps)

    int end() const { return int(start) + int(count); } ///< one past the last address
};

struct PollPlanOptions
{
    int maxRegisters = MaxReadRegisters;
    int maxBits = MaxReadBits;
    /// Largest run of unrequested registers (bits) read to save a request: reading a few extra
    /// words is cheaper than a round trip, but strict devices refuse unmapped addresses (the device
    /// splits such a block on an "illegal data address" reply).
    int maxRegisterGap = 8;
    int maxBitGap = 64;
};

/// Groups the readable variables into as few requests as the limits allow: per table, sorted by
/// address, a variable joins the current block when it overlaps it or follows within the gap
/// limit and the block stays within one request. Blocks come in table order (coil, discrete,
/// input, holding), then by address. Variables that fit no request (invalid) are left out.
QList<PollBlock> planPolls(
    const QList<ModbusVariable> &variables, const PollPlanOptions &options = {});

/// One block per readable variable (no merging), for devices that refuse merged reads.
QList<PollBlock> splitBlock(const PollBlock &block, const QList<ModbusVariable> &variables);

} // namespace dt::runtime
