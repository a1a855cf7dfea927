// modules.hpp — the modules stage: one register_*_module per native module
// (mod_*.cpp) and the library written in Python (lib/*.py, embedded by the
// build; lib.cpp imports it). Enum's native half (mod_enum.cpp) is part of the
// object model: objects/runtime.hpp. Each adds its
// module(s) to the VM's table; VM::init_modules (vm/import.cpp) calls them.
#pragma once

#include <cstddef>
#include <string_view>

#include "vm/vm.hpp"

namespace aio::script {

void register_sys_module(VM& vm);          // mod_sys.cpp
void register_time_module(VM& vm);         // mod_time.cpp
void register_math_module(VM& vm);         // mod_math.cpp
void register_random_module(VM& vm);       // mod_random.cpp
void register_functools_module(VM& vm);    // mod_functools.cpp
void register_host_module(VM& vm);         // mod_host.cpp
void register_collections_module(VM& vm);  // mod_collections.cpp
void register_os_module(VM& vm);           // mod_os.cpp
void register_re_module(VM& vm);           // mod_re.cpp: _sre
void register_hashlib_module(VM& vm);      // mod_hashlib.cpp
void register_contextvars_module(VM& vm);  // mod_contextvars.cpp
// The Context new work (a task, a callback) runs in: `given` when the program
// passed context=, else a copy of the current one; Null while no program has
// used contextvars (mod_contextvars.cpp).
Value capture_context(VM& vm, const Value& given);
void register_lib_builtins(VM& vm);  // lib.cpp: __aio_hidden__, for lib/*.py

// A text stream object writing to fd 1 or 2 (sys.stdout/stderr; builtins.cpp).
Value new_stream(VM& vm, int fd);

// One file of engine/script/lib, as cmake/embed_files.cmake writes it.
struct EmbeddedFile {
    const char* name;           // path under lib/, e.g. "asyncio/tasks.py"
    const unsigned char* data;  // contents (NUL-terminated)
    std::size_t size;           // bytes, without the NUL

    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

struct EmbeddedFileList {
    const EmbeddedFile* files;
    std::size_t count;

    const EmbeddedFile* begin() const { return files; }
    const EmbeddedFile* end() const { return files + count; }
};

extern const EmbeddedFileList kScriptLib;  // engine/script/lib/**/*.py (generated)

// The file of lib/ that defines module `name` ("asyncio.tasks": asyncio/tasks.py,
// "asyncio": asyncio/__init__.py), or null.
const EmbeddedFile* find_lib_module(std::string_view name);
// Whether `import name` finds it in lib/ by itself (asyncio waits for its stage).
bool lib_module_is_public(VM& vm, std::string_view name);
// Runs lib/'s source for `name` as a new module `<frozen name>` in sys.modules.
Value init_lib_module(VM& vm, std::string_view name);

}  // namespace aio::script
