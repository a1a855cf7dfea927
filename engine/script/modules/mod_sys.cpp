// mod_sys.cpp — the sys module: standard streams, argv, modules, version
// information, exit, the recursion limit and exc_info/exception.

#include "modules/modules.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

Value sys_exit(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value args = n > 0 ? vm.tuple({a[0]}) : vm.m_empty_tuple;
    vm.set_exc(vm.new_exception(vm.e_SystemExit, args));
    return Value();
}
Value sys_getrecursionlimit(VM& vm, Value*, int, TupleObject*, Value&) { return Value::integer(vm.limits().max_depth); }
Value sys_setrecursionlimit(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t v;
    if (n != 1 || !int_from_value(vm, a[0], v, "limit"))
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "setrecursionlimit expects an int");
    if (v < 1) return vm.raise(vm.e_ValueError, "recursion limit must be greater or equal than 1");
    // Bounded so that the host's C stack is never at risk.
    vm.limits().max_depth = static_cast<int>(std::min<int64_t>(v, 20000));
    return Value::none();
}
Value sys_exc_info(VM& vm, Value*, int, TupleObject*, Value&) {
    Value e = vm.handled_exception();
    if (e.is_none()) return vm.tuple({Value::none(), Value::none(), Value::none()});
    return vm.tuple({Value::object(vm.type_of(e)), e, Value::none()});
}
Value sys_exception(VM& vm, Value*, int, TupleObject*, Value&) { return vm.handled_exception(); }
Value sys_getsizeof(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(a[0].is_obj() ? 56 : 28); }
Value sys_intern(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "intern() argument must be str");
    return Value::object(vm.intern(as_str(a[0])->view()));
}

Value init_sys(VM& vm) {
    Value mv = new_module(vm, "sys");
    auto* m = mv.as<ModuleObject>();
    module_add(vm, m, "stdout", new_stream(vm, 1));
    module_add(vm, m, "stderr", new_stream(vm, 2));
    module_add(vm, m, "__stdout__", new_stream(vm, 1));
    module_add(vm, m, "__stderr__", new_stream(vm, 2));
    module_add(vm, m, "stdin", Value::none());
    ListObject* argv = vm.new_list();
    Value argvv = Value::steal(argv);
    for (auto& a : vm.m_argv) list_append(vm, argv, vm.str(a));
    module_add(vm, m, "argv", argvv);
    module_add(vm, m, "modules", Value::object(vm.m_modules));
    module_add(vm, m, "maxsize", Value::integer(INT64_MAX));
    module_add(vm, m, "platform", vm.str("linux"));
    module_add(vm, m, "version", vm.str("3.11.7 (aio-py)"));
    module_add(
        vm, m, "version_info",
        vm.tuple({Value::integer(3), Value::integer(11), Value::integer(7), vm.str("final"), Value::integer(0)}));
    module_add(vm, m, "byteorder", vm.str("little"));
    module_add(vm, m, "implementation", vm.str("aio-py"));
    module_add(vm, m, "path", Value::steal(vm.new_list()));
    module_add_fn(vm, m, "exit", sys_exit);
    module_add_fn(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    module_add_fn(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    module_add_fn(vm, m, "exc_info", sys_exc_info);
    module_add_fn(vm, m, "exception", sys_exception);
    module_add_fn(vm, m, "getsizeof", sys_getsizeof);
    module_add_fn(vm, m, "intern", sys_intern);
    return mv;
}

}  // namespace

void register_sys_module(VM& vm) { vm.register_module("sys", init_sys); }

}  // namespace aio::script
