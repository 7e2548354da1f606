# SPDX-License-Identifier: GPL-3.0-or-later
# bench_runtime: the runtime pipeline (Modbus -> model -> history) on 1 to 1,000 simulated valves
# against a raw QModbusTcpClient loop and a raw QSqlQuery::execBatch, same run. Not a ctest test.
# Included by tests/bench/CMakeLists.txt when the runtime targets exist.
if(NOT TARGET dt::runtime OR NOT TARGET dt-valvesim)
    message(STATUS "bench_runtime: dt::runtime or dt-valvesim missing, benchmark not built")
    return()
endif()

add_executable(bench_runtime
    bench_runtime.cpp
    bench_runtime_model.cpp
    bench_runtime_model.h
    bench_runtime_pipeline.cpp
    bench_runtime_pipeline.h
    bench_runtime_probe.cpp
    bench_runtime_probe.h
    bench_runtime_raw.cpp
    bench_runtime_raw.h
    bench_runtime_report.cpp
    bench_runtime_report.h
    bench_runtime_support.cpp
    bench_runtime_support.h
    benchreport.cpp
)
target_link_libraries(bench_runtime PRIVATE
    dt::runtime dt::runtime_eventloop dt::runtime_modbus dt::runtime_storage dt::model dt::allocator
    Qt6::Core Qt6::Network Qt6::SerialBus Qt6::Sql)
target_compile_definitions(bench_runtime PRIVATE
    DT_BUILD_TYPE="$<IF:$<BOOL:${CMAKE_BUILD_TYPE}>,${CMAKE_BUILD_TYPE},unspecified>"
    DT_VALVESIM_BINARY="$<TARGET_FILE:dt-valvesim>"
    DT_LIBRARY_DIR="${CMAKE_SOURCE_DIR}/resources/libraries")
# The simulator is started by the benchmark: build it with it.
add_dependencies(bench_runtime dt-valvesim)

# The full run (1, 10, 100 and 1,000 devices, 30 s windows: about 10 minutes).
add_custom_target(bench_runtime_run
    COMMAND bench_runtime --out-json ${CMAKE_CURRENT_BINARY_DIR}/bench_runtime.json
                          --markdown=${CMAKE_CURRENT_BINARY_DIR}/bench_runtime.md
    DEPENDS bench_runtime dt-valvesim
    USES_TERMINAL
    COMMENT "Running bench_runtime (1 to 1,000 simulated valves; about 10 minutes)")
