// mod_contextvars.cpp — _contextvars, the native half of lib/contextvars.py:
// which Context is current (VM::m_context) and how new work captures one.
//
// Context, ContextVar and Token are Python (lib/contextvars.py); the VM only
// holds the current Context and switches it where asyncio runs code on a
// task's or a callback's behalf (asyncio/tasks.cpp, events.cpp, futures.cpp),
// as CPython's Task.__step and Handle._run enter their context.
#include "modules/modules.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

Value capture_context(VM& vm, const Value& given) {
    if (!given.is_null() && !given.is_none()) return given;
    if (vm.m_context.is_null() || vm.m_context_copy.is_null()) return Value();
    return vm.call(vm.m_context_copy, {});
}

namespace {

// current() -> the current Context, or None before the first one exists.
Value cv_current(VM& vm, Value*, int, TupleObject*, Value&) {
    return vm.m_context.is_null() ? Value::none() : vm.m_context;
}

// enter(ctx) -> the previous one (None for none): makes ctx current.
Value cv_enter(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "enter(context)");
    Value prev = vm.m_context.is_null() ? Value::none() : vm.m_context;
    vm.m_context = a[0].is_none() ? Value() : a[0];
    return prev;
}

// install(copy_context): how the VM copies the current context for new work.
Value cv_install(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raise(vm.e_TypeError, "install(copy_context)");
    vm.m_context_copy = a[0];
    return Value::none();
}

Value init_contextvars(VM& vm) {
    Value mv = new_module(vm, "_contextvars");
    auto* m = mv.as<ModuleObject>();
    module_add_fn(vm, m, "current", cv_current);
    module_add_fn(vm, m, "enter", cv_enter);
    module_add_fn(vm, m, "install", cv_install);
    return mv;
}

}  // namespace

void register_contextvars_module(VM& vm) { vm.register_module("_contextvars", init_contextvars); }

}  // namespace aio::script
