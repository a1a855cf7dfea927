# Compiler flags shared by every target: warnings, sanitizers, and the
# Emscripten settings the engine needs (coroutines, exceptions, tail calls).
# The reasons behind each Wasm flag are written up in cmake/README.md.

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_compile_options(-Wall -Wextra)
endif()

if(AIO_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # clang 14's -fsanitize=function (part of its C++ UBSan, absent from g++'s)
    # cannot emit the split functions of some coroutines: "error: Cannot
    # represent a difference across sections".
    add_compile_options(-fno-sanitize=function)
  endif()
endif()

if(EMSCRIPTEN)
  # Emscripten 3.1.6's libc++ only has <experimental/coroutine>; clang 14 warns
  # that it is deprecated. Symmetric transfer needs Wasm tail calls (without
  # -mtail-call clang refuses to compile it; the engine itself uses a
  # trampoline in Wasm, see aio/detail/transfer.hpp, but user code and
  # tests/wasm/test_toolchain.cpp may transfer directly), and C++ exceptions must be
  # catchable (CancelledError, InvalidStateError, ...): -fwasm-exceptions is
  # needed when compiling *and* linking, or wasm-ld misses __wasm_lpad_context.
  add_compile_options(-Wno-deprecated-experimental-coroutine -fwasm-exceptions -mtail-call)

  # Shadow stack in linear memory. clang 14 places a resume function's
  # shadow-stack epilogue after its tail call, so direct symmetric transfer
  # leaks 16-64 bytes per hop until the step returns; the engine's trampoline
  # (aio/detail/transfer.hpp) keeps its chains in constant stack. 8 MiB is
  # for ordinary recursion and user code that transfers directly.
  set(AIO_WASM_STACK_SIZE 8388608 CACHE STRING "Emscripten TOTAL_STACK in bytes")
  set(AIO_WASM_INITIAL_MEMORY 33554432 CACHE STRING "Emscripten INITIAL_MEMORY in bytes")
  add_link_options(-fwasm-exceptions -mtail-call
    -sTOTAL_STACK=${AIO_WASM_STACK_SIZE}
    -sINITIAL_MEMORY=${AIO_WASM_INITIAL_MEMORY}
    -sALLOW_MEMORY_GROWTH=1)

  # Debian's emscripten runs its JS optimizer (acorn-optimizer.js, used when
  # linking at -O2 and above) with a Node that does not look in
  # /usr/share/nodejs, where node-acorn lives. Wrap every link so a plain
  # `ninja` works without NODE_PATH in the caller's environment.
  find_path(AIO_ACORN_MODULE_DIR acorn/package.json
    PATHS /usr/share/nodejs /usr/lib/nodejs /usr/local/lib/node_modules
    NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(AIO_ACORN_MODULE_DIR)
    set_property(GLOBAL PROPERTY RULE_LAUNCH_LINK
      "${CMAKE_COMMAND} -E env NODE_PATH=${AIO_ACORN_MODULE_DIR}")
  else()
    message(WARNING "acorn (Debian package node-acorn) not found: linking at -O2+ may fail")
  endif()

  # Tests run under Node via CMAKE_CROSSCOMPILING_EMULATOR, so add_test(COMMAND
  # target) works unchanged. Node 20 + this Emscripten: the loader tries fetch()
  # on a file path ("Failed to parse URL from ....wasm") unless fetch is off;
  # -sENVIRONMENT=node does not help in 3.1.6. Node < 20 needs tail calls
  # switched on by hand.
  find_program(AIO_NODE_EXECUTABLE NAMES node nodejs NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  execute_process(COMMAND "${AIO_NODE_EXECUTABLE}" --version
    OUTPUT_VARIABLE _aio_node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "^v([0-9]+).*" "\\1" _aio_node_major "${_aio_node_version}")
  set(_aio_node_flags --no-experimental-fetch)
  if(_aio_node_major LESS 20)
    list(APPEND _aio_node_flags --experimental-wasm-return-call)
  endif()
  set(CMAKE_CROSSCOMPILING_EMULATOR "${AIO_NODE_EXECUTABLE};${_aio_node_flags}")
  message(STATUS "aio: Wasm tests run with ${AIO_NODE_EXECUTABLE} ${_aio_node_version} ${_aio_node_flags}")

  include(${CMAKE_CURRENT_LIST_DIR}/WasmDoctest.cmake)
endif()
