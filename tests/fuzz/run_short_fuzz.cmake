# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DFUZZER=... -DSEEDS=... [-DSAMPLES=...] -DDICT=... -DWORK_DIR=... -DSECONDS=60 -P this
# Fuzzes for SECONDS from a fresh copy of the seeds; fails if libFuzzer reports anything. The
# crashing input, if any, is left in WORK_DIR/artifacts.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/corpus ${WORK_DIR}/artifacts)
file(GLOB _seeds ${SEEDS}/*)
if(SAMPLES AND IS_DIRECTORY ${SAMPLES})
    file(GLOB _samples ${SAMPLES}/*.aml)
    list(APPEND _seeds ${_samples})
endif()
file(COPY ${_seeds} DESTINATION ${WORK_DIR}/corpus)

execute_process(
    COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
            -dict=${DICT} -print_final_stats=1 -artifact_prefix=${WORK_DIR}/artifacts/
            ${WORK_DIR}/corpus
    RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
    message(FATAL_ERROR "fuzz_reader failed (${_result}); reproducer in ${WORK_DIR}/artifacts")
endif()
