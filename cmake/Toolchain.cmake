# Compiler flags shared by every target: warnings, sanitizers, and the
# Emscripten settings the engine needs (coroutines, exceptions, tail calls).

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_compile_options(-Wall -Wextra)
endif()

if(AIO_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(EMSCRIPTEN)
  # Emscripten 3.1.6's libc++ only has <experimental/coroutine>; clang 14 warns
  # that it is deprecated. Symmetric transfer needs Wasm tail calls, and C++
  # exceptions must be catchable (CancelledError, InvalidStateError, ...).
  add_compile_options(-Wno-deprecated-experimental-coroutine -fwasm-exceptions -mtail-call)
  add_link_options(-fwasm-exceptions -mtail-call)
endif()
