# Runs PROGRAM (through RUNNER, the cross-compiling emulator, if any) on its
# deliberately failing test case and passes only if it exits non-zero with
# doctest's report of exactly that one failure.
execute_process(
  COMMAND ${RUNNER} ${PROGRAM} --test-case=*deliberately* --no-colors
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "expected a non-zero exit code, got 0")
endif()
if(NOT out MATCHES "test cases: +1 \\| +0 passed \\| +1 failed")
  message(FATAL_ERROR "exit code ${rc}, but doctest did not report the one failing case")
endif()
message(STATUS "failed as expected (exit code ${rc})")
