# SPDX-License-Identifier: GPL-3.0-or-later
"""Modbus TCP server for tst_modbuspeers: a third-party peer (pymodbus 3.0) serving the valve
register map of dt-valvesim with fixed values.

    /usr/bin/python3 pymodbus_valve_server.py PORT [--sparse]

Input 2 torque 37, input 3 position 523 (52.3 %), holding 5 state 2, holding 56-57 operation
counter 123456 low word first (CDAB), holding 60-80 opening profile 40, 41, ..., 60,
holding 81-101 closing profile 80, 79, ..., 60; coils 0-3 and discrete inputs 0-11 zero except
discrete 2 (open limit). Prints "ready PORT" once the socket listens. Unit id 1 (pymodbus answers
every unit id in single mode). With --sparse only the mapped registers exist (holding 5, 56-57,
60-101; input 2-3): reading the unmapped 58-59 is refused with "illegal data address", as strict
devices do.
"""
import asyncio
import sys

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext, ModbusSparseDataBlock)
from pymodbus.server import StartAsyncTcpServer

COUNTER = 123456


def registers():
    holding = [0] * 110
    holding[5] = 2
    holding[56] = COUNTER & 0xFFFF
    holding[57] = COUNTER >> 16
    for i in range(21):
        holding[60 + i] = 40 + i
        holding[81 + i] = 80 - i
    inputs = [0] * 10
    inputs[2] = 37
    inputs[3] = 523
    discrete = [0] * 16
    discrete[2] = 1
    return holding, inputs, discrete


def sparse(values, addresses):
    return ModbusSparseDataBlock({address: values[address] for address in addresses})


async def main(port, strict):
    holding, inputs, discrete = registers()
    if strict:
        hr = sparse(holding, [5, 56, 57] + list(range(60, 102)))
        ir = sparse(inputs, [2, 3])
    else:
        hr = ModbusSequentialDataBlock(0, holding)
        ir = ModbusSequentialDataBlock(0, inputs)
    # zero_mode: address 0 is register 0 (without it pymodbus shifts every address by one).
    slave = ModbusSlaveContext(
        di=ModbusSequentialDataBlock(0, discrete),
        co=ModbusSequentialDataBlock(0, [0] * 16),
        ir=ir,
        hr=hr,
        zero_mode=True)
    context = ModbusServerContext(slaves=slave, single=True)
    server = await StartAsyncTcpServer(context=context, address=("127.0.0.1", port),
                                       defer_start=True, allow_reuse_address=True)
    serving = asyncio.create_task(server.serve_forever())
    await server.serving
    print("ready", port, flush=True)
    await serving


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), "--sparse" in sys.argv[2:]))
