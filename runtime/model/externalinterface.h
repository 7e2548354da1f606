// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attribute.h"

namespace dt::model {

/// ExternalInterface (CAEX InterfaceClassType); nested interfaces are CAEX 3.0.
struct ExternalInterface : CaexObject
{
    QString refBaseClassPath;
    NodeList<Attribute> attributes;
    NodeList<ExternalInterface> interfaces;
};

/// Finds an interface by name in a list (not nested ones); nullptr when absent.
ExternalInterface *findInterface(NodeList<ExternalInterface> &list, QStringView name);
const ExternalInterface *findInterface(const NodeList<ExternalInterface> &list, QStringView name);

} // namespace dt::model
