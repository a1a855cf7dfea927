// mod_host.cpp — `_aio_host`: the few facts about the machine that the
// Python-level `io`, `resource` and `gc` modules (lib/*.py) stand on.
// Reading files is off unless the host allows it (aio-py does; the browser
// playground has no files).
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/resource.h>

#include "objects/runtime.hpp"

namespace aio::script {

namespace {

TypeObject* builtin_type(VM& vm, const char* name) {
    Value* v = dict_get_str(vm.builtins(), vm.intern(name));
    return v && is_kind(*v, ObjKind::Type) ? v->as<TypeObject>() : vm.e_OSError;
}

bool utf8_valid(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + len > n) return false;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

// read_text(path) -> str: the whole file, decoded as UTF-8.
Value h_read_text(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "read_text(path)");
    std::string path = as_str(a[0])->str();
    std::string shown;
    vm.repr_into(a[0], shown);
    if (!vm.m_allow_file_reads)
        return vm.raisef(builtin_type(vm, "PermissionError"), "[Errno 1] Operation not permitted (no files here): %s",
                         shown.c_str());
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        int e = errno;
        if (e == ENOENT)
            return vm.raisef(vm.e_FileNotFoundError, "[Errno 2] No such file or directory: %s", shown.c_str());
        return vm.raisef(vm.e_OSError, "[Errno %d] %s: %s", e, std::strerror(e), shown.c_str());
    }
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() > vm.limits().max_memory / 2) return vm.raise(vm.e_MemoryError, "");
    if (!utf8_valid(data))
        return vm.raisef(builtin_type(vm, "UnicodeDecodeError"), "'utf-8' codec can't decode the contents of %s",
                         shown.c_str());
    return vm.str(data);
}

// rusage() -> (ru_utime, ru_stime, ru_maxrss): this process, KiB for maxrss.
Value h_rusage(VM& vm, Value*, int, TupleObject*, Value&) {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    double ut = static_cast<double>(ru.ru_utime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec) * 1e-6;
    double st = static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) * 1e-6;
    return vm.tuple({Value::real(ut), Value::real(st), Value::integer(static_cast<int64_t>(ru.ru_maxrss))});
}

// heap_bytes() -> int: bytes of objects the run holds now.
Value h_heap_bytes(VM& vm, Value*, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(vm.bytes_in_use()));
}

Value init_host(VM& vm) {
    Value mv = new_module(vm, "_aio_host");
    auto* m = mv.as<ModuleObject>();
    module_add_fn(vm, m, "read_text", h_read_text);
    module_add_fn(vm, m, "rusage", h_rusage);
    module_add_fn(vm, m, "heap_bytes", h_heap_bytes);
    return mv;
}

}  // namespace

void register_host_module(VM& vm) { vm.register_module("_aio_host", init_host); }

}  // namespace aio::script
