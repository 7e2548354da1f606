// SPDX-License-Identifier: GPL-3.0-or-later
#include "twinclient.h"

#include "modbus/modbusdevice.h"

namespace dt::runtime {

QString TwinClient::deviceStateName(int state)
{
    return connectionStateName(static_cast<ConnectionState>(state));
}

} // namespace dt::runtime
