// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"

#include <QHash>

namespace dt::model {

/// Where each model node started in its source file, keyed by the node's address. Filled by the
/// reader on request; valid while the nodes are neither moved nor destroyed (NodeList keeps
/// addresses stable).
class SourceMap
{
public:
    void record(const void *node, SourcePosition position) { m_positions.insert(node, position); }
    SourcePosition positionOf(const void *node) const { return m_positions.value(node); }
    bool contains(const void *node) const { return m_positions.contains(node); }
    bool isEmpty() const { return m_positions.isEmpty(); }
    void clear() { m_positions.clear(); }

private:
    QHash<const void *, SourcePosition> m_positions;
};

} // namespace dt::model
