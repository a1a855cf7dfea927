// modules.hpp — the modules stage: one register_*_module per native module
// (mod_*.cpp) and the embedded pure-Python library (stdlib.cpp). Enum's native
// half (mod_enum.cpp) is part of the object model: objects/runtime.hpp. Each adds its
// module(s) to the VM's table; VM::init_modules (vm/import.cpp) calls them.
#pragma once

#include "vm/vm.hpp"

namespace aio::script {

void register_sys_module(VM& vm);          // mod_sys.cpp
void register_time_module(VM& vm);         // mod_time.cpp
void register_math_module(VM& vm);         // mod_math.cpp
void register_random_module(VM& vm);       // mod_random.cpp
void register_functools_module(VM& vm);    // mod_functools.cpp
void register_host_module(VM& vm);         // mod_host.cpp
void register_collections_module(VM& vm);  // mod_collections.cpp
void register_stdlib_modules(VM& vm);      // stdlib.cpp

// A text stream object writing to fd 1 or 2 (sys.stdout/stderr; builtins.cpp).
Value new_stream(VM& vm, int fd);

}  // namespace aio::script
