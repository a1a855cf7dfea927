// mod_os.cpp — _os, the native half of lib/os.py: the process environment, pid, cwd and
// whether a path exists. A host that keeps scripts away from the machine (the browser:
// VM::m_allow_file_reads is false) gives an empty environment, "/" as the cwd, and
// makes path queries raise, rather than inventing answers.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <string>

#include "modules/modules.hpp"
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

extern char** environ;

namespace aio::script {

namespace {

// environ() -> list of (key, value) pairs of the real environment (empty when sandboxed).
Value os_environ(VM& vm, Value*, int, TupleObject*, Value&) {
    ListObject* l = vm.new_list();
    Value lv = Value::steal(l);
    if (!vm.m_allow_file_reads) return lv;
    for (char** e = environ; e && *e; ++e) {
        std::string_view kv(*e);
        size_t eq = kv.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        Value k = vm.str(std::string(kv.substr(0, eq)));
        Value v = vm.str(std::string(kv.substr(eq + 1)));
        if (k.is_null() || v.is_null()) return Value();
        Value items[2] = {k, v};
        std::vector<Value> pair(items, items + 2);
        if (!list_append(vm, l, tuple_from_vector(vm, pair))) return Value();
    }
    return lv;
}

Value os_getpid(VM&, Value*, int, TupleObject*, Value&) { return Value::integer(static_cast<int64_t>(::getpid())); }

Value os_getcwd(VM& vm, Value*, int, TupleObject*, Value&) {
    if (!vm.m_allow_file_reads) return vm.str("/");
    char buf[PATH_MAX];
    if (!::getcwd(buf, sizeof buf)) return vm.raise(vm.e_OSError, "getcwd() failed");
    return vm.str(std::string(buf));
}

Value os_cpu_count(VM&, Value*, int, TupleObject*, Value&) {
#ifdef _SC_NPROCESSORS_ONLN
    long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    if (n > 0) return Value::integer(static_cast<int64_t>(n));
#endif
    return Value::none();
}

// stat_kind(path) -> 0 missing, 1 file, 2 directory, 3 other.
Value os_stat_kind(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "stat_kind(path: str)");
    if (!vm.m_allow_file_reads) return vm.raise(vm.e_NotImplementedError, "this host gives scripts no file system");
    struct stat st;
    if (::stat(as_str(a[0])->data(), &st) != 0) return Value::integer(0);
    if (S_ISREG(st.st_mode)) return Value::integer(1);
    if (S_ISDIR(st.st_mode)) return Value::integer(2);
    return Value::integer(3);
}

// urandom(n): n bytes from the system's CSPRNG (getentropy: the kernel natively,
// crypto.getRandomValues in the page), as secrets and uuid4 need.
Value os_urandom(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t size;
    if (n != 1) return vm.raisef(vm.e_TypeError, "urandom() takes exactly one argument (%d given)", n);
    if (!int_from_value(vm, a[0], size, "size")) return Value();
    if (size < 0) return vm.raise(vm.e_ValueError, "negative argument not allowed");
    if (!vm.reserve_memory(static_cast<size_t>(size))) return Value();
    std::string out(static_cast<size_t>(size), '\0');
    for (size_t done = 0; done < out.size();) {
        size_t chunk = std::min<size_t>(256, out.size() - done);  // getentropy's limit per call
        if (getentropy(&out[done], chunk) != 0) return vm.raise(vm.e_OSError, "getentropy failed");
        done += chunk;
    }
    return new_bytes(vm, out);
}

Value init_os(VM& vm) {
    Value mv = new_module(vm, "_os");
    auto* m = mv.as<ModuleObject>();
    module_add_fn(vm, m, "environ", os_environ);
    module_add_fn(vm, m, "getpid", os_getpid);
    module_add_fn(vm, m, "getcwd", os_getcwd);
    module_add_fn(vm, m, "cpu_count", os_cpu_count);
    module_add_fn(vm, m, "stat_kind", os_stat_kind);
    module_add_fn(vm, m, "urandom", os_urandom);
    return mv;
}

}  // namespace

void register_os_module(VM& vm) { vm.register_module("_os", init_os); }

}  // namespace aio::script
