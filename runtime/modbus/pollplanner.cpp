// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollplanner.h"

#include <algorithm>

namespace dt::runtime {

QList<PollBlock> planPolls(const QList<ModbusVariable> &variables, const PollPlanOptions &options)
{
    QList<int> order;
    for (int i = 0; i < variables.size(); ++i) {
        const ModbusVariable &variable = variables.at(i);
        const int limit
            = isBitTable(variable.registerType) ? options.maxBits : options.maxRegisters;
        if (variable.isReadable() && variable.count > 0 && variable.span() <= limit
            && int(variable.address) + variable.span() <= 65536) {
            order.append(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&variables](int a, int b) {
        const ModbusVariable &x = variables.at(a);
        const ModbusVariable &y = variables.at(b);
        if (x.registerType != y.registerType)
            return int(x.registerType) < int(y.registerType);
        return x.address < y.address;
    });

    QList<PollBlock> blocks;
    for (int index : std::as_const(order)) {
        const ModbusVariable &variable = variables.at(index);
        const bool bits = isBitTable(variable.registerType);
        const int limit = bits ? options.maxBits : options.maxRegisters;
        const int gapLimit = bits ? options.maxBitGap : options.maxRegisterGap;
        const int begin = variable.address;
        const int end = begin + variable.span();
        if (!blocks.isEmpty()) {
            PollBlock &last = blocks.last();
            const int gap = begin - last.end();
            const int newEnd = std::max(last.end(), end);
            if (last.registerType == variable.registerType && gap <= gapLimit
                && newEnd - int(last.start) <= limit) {
                if (gap > 0)
                    last.hasGaps = true;
                last.count = quint16(newEnd - int(last.start));
                last.variables.append(index);
                continue;
            }
        }
        PollBlock block;
        block.registerType = variable.registerType;
        block.start = variable.address;
        block.count = quint16(variable.span());
        block.variables.append(index);
        blocks.append(block);
    }
    return blocks;
}

QList<PollBlock> splitBlock(const PollBlock &block, const QList<ModbusVariable> &variables)
{
    QList<PollBlock> pieces;
    for (int index : block.variables) {
        const ModbusVariable &variable = variables.at(index);
        PollBlock piece;
        piece.registerType = block.registerType;
        piece.start = variable.address;
        piece.count = quint16(variable.span());
        piece.variables.append(index);
        pieces.append(piece);
    }
    return pieces;
}

} // namespace dt::runtime
