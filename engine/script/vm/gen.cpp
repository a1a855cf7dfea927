// gen.cpp — generators, coroutines, async generators and their awaitables.
//
// Contents
//   [SECTION] Creation, finishing, freeing
//   [SECTION] Resuming from C++ (send / throw / close, with yield-from delegation)
//   [SECTION] Generator and coroutine methods
//   [SECTION] Async generators: asend/athrow awaitables
//   [SECTION] await / async for helpers
//
// A generator owns a suspended Frame. The loop resumes it inline for
// FOR_ITER and SEND; everything else (next(), .send(), a task step) enters
// through gen_resume, which runs the loop with the generator's frame as the
// entry frame. Throwing into a generator suspended in `await`/`yield from`
// first throws into the object it delegates to (CPython's _gen_throw).
#include "vm/native.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

// [SECTION] Creation, finishing, freeing

Value gen_new(VM& vm, Frame* f, FunctionObject* fn) {
    uint32_t flags = fn->m_code->m_flags;
    GenKind k = (flags & CO_ASYNC_GENERATOR) ? GenKind::AsyncGenerator
                : (flags & CO_COROUTINE)     ? GenKind::Coroutine
                                             : GenKind::Generator;
    TypeObject* t = k == GenKind::Generator   ? vm.t_generator
                    : k == GenKind::Coroutine ? vm.t_coroutine
                                              : vm.t_async_generator;
    auto* g = vm.alloc<GenObject>(t, ObjKind::Generator);
    g->m_frame = f;
    g->m_genkind = k;
    g->m_name = fn->m_name;
    g->m_qualname = fn->m_qualname;
    f->m_gen = g;
    return Value::steal(g);
}

void gen_finish(VM& vm, GenObject* g) {
    g->m_state = GenState::Closed;
    if (vm.m_exc_state == &g->m_exc_state) vm.m_exc_state = g->m_exc_state.prev;
    g->m_exc_state.prev = nullptr;
    g->m_exc_state.handled = Value();
}

static void gen_drop_frame(VM& vm, GenObject* g) {
    if (g->m_frame) {
        vm.free_frame(g->m_frame);
        g->m_frame = nullptr;
    }
    g->m_state = GenState::Closed;
}

Value gen_repr(VM& vm, GenObject* g) {
    const char* what = g->m_genkind == GenKind::Generator   ? "generator"
                       : g->m_genkind == GenKind::Coroutine ? "coroutine"
                                                            : "async_generator";
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
    return vm.str(std::string("<") + what + " object " + as_str(g->m_qualname)->str() + buf);
}

void print_unraisable(VM& vm, const std::string& context) {
    Value exc = vm.take_exc();
    std::string out = "Exception ignored in: " + context + "\n" + vm.format_exception(exc);
    vm.write(2, out);
}

// Called when the last reference goes: warn about never-awaited coroutines,
// run pending finally blocks of abandoned generators (close()).
void warn_never_awaited(VM& vm, const std::string& qualname) {
    Value saved = vm.take_exc();
    if (vm.warn(vm.e_RuntimeWarning, "coroutine '" + qualname + "' was never awaited"))
        vm.write(2, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    vm.set_exc(std::move(saved));
}

bool CoroOp::can_send(VM& vm, const Value& v) {
    if (m_state == St::Done) {
        vm.raise(vm.e_RuntimeError, "cannot reuse already awaited coroutine");
        return false;
    }
    if (m_state == St::Created && !v.is_none()) {
        vm.raise(vm.e_TypeError, "can't send non-None value to a just-started coroutine");
        return false;
    }
    return true;
}

bool CoroOp::close(VM& vm) {
    St was = m_state;
    m_state = St::Done;
    return was != St::Running || close_suspended(vm);
}

void CoroOp::finalize(VM& vm) {
    if (vm.m_tearing_down) return;
    if (m_state == St::Created) {
        m_state = St::Done;
        if (!m_quiet) warn_never_awaited(vm, name());
    } else if (m_state == St::Running) {
        Value saved = vm.take_exc();
        if (!close(vm)) vm.clear_exc();
        vm.set_exc(std::move(saved));
    }
}

void gen_on_free(VM& vm, GenObject* g) {
    if (g->m_genkind == GenKind::Coroutine && g->m_state == GenState::Created && !g->m_awaited) {
        if (vm.m_on_unawaited) {
            vm.m_on_unawaited(vm, g);
        } else {
            Value saved = vm.take_exc();
            if (vm.warn(vm.e_RuntimeWarning, "coroutine '" + as_str(g->m_qualname)->str() + "' was never awaited"))
                vm.write(2, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
            vm.set_exc(std::move(saved));
        }
    }
    if (g->m_state == GenState::Suspended && g->m_frame && !vm.m_tearing_down) {
        g->m_refcount = 1;  // alive while close() runs
        Value saved = vm.take_exc();
        Value r = gen_close(vm, g);
        if (r.is_null()) {
            Value rv = gen_repr(vm, g);
            print_unraisable(vm, as_str(rv)->str());
        }
        vm.set_exc(std::move(saved));
        g->m_refcount = 0;
    }
    gen_drop_frame(vm, g);
    g->m_exc_state.handled = Value();
}

// [SECTION] Resuming from C++

SendStatus gen_resume(VM& vm, GenObject* g, int mode, Value v, Value& out) {
    if (vm.m_depth >= vm.m_limits.max_depth) {
        vm.raise(vm.e_RecursionError, "maximum recursion depth exceeded");
        return SendStatus::Error;
    }
    Frame* f = g->m_frame;
    if (mode == 0 && g->m_state == GenState::Suspended) *f->m_sp++ = std::move(v);
    f->m_back = vm.m_frame;
    f->m_entry = true;
    f->m_retmode = RetMode::Normal;
    g->m_state = GenState::Running;
    g->m_awaited = true;
    g->m_exc_state.prev = vm.m_exc_state;
    vm.m_exc_state = &g->m_exc_state;
    ++vm.m_depth;
    vm.m_frame = f;
    Value result;
    RunStatus st = vm.execute(f, result, mode == 2);
    switch (st) {
    case RunStatus::Returned:
        out = std::move(result);
        return SendStatus::Return;
    case RunStatus::Yielded:
        out = std::move(result);
        return SendStatus::Yield;
    case RunStatus::Paused:
        return SendStatus::Paused;
    default:
        return SendStatus::Error;
    }
}

static const char* gen_word(GenObject* g) {
    return g->m_genkind == GenKind::Generator   ? "generator"
           : g->m_genkind == GenKind::Coroutine ? "coroutine"
                                                : "async generator";
}

SendStatus VM::gen_send(GenObject* g, Value v, Value exc, Value& out) {
    if (!exc.is_null()) return gen_throw(*this, g, std::move(exc), out, false);
    if (g->m_state == GenState::Running) {
        raisef(e_ValueError, "%s already executing", gen_word(g));
        return SendStatus::Error;
    }
    if (g->m_state == GenState::Closed || !g->m_frame) {
        if (g->m_genkind == GenKind::Coroutine) {
            raise(e_RuntimeError, "cannot reuse already awaited coroutine");
            return SendStatus::Error;
        }
        out = Value::none();
        return SendStatus::Return;
    }
    if (g->m_state == GenState::Created && !v.is_none()) {
        raisef(e_TypeError, "can't send non-None value to a just-started %s", gen_word(g));
        return SendStatus::Error;
    }
    return gen_resume(*this, g, 0, std::move(v), out);
}

// Closes a delegate (yield-from target): generators via close(), other
// objects via their close() method if any. False with an exception set on error.
static bool close_delegate(VM& vm, const Value& d) {
    if (is_kind(d, ObjKind::Generator)) return !gen_close(vm, d.as<GenObject>()).is_null();
    if (NativeIter* it = as_native_iter(d)) return it->close(vm);
    Value m = vm.getattr_opt(d, vm.names().close);
    if (m.is_null()) return !vm.has_exc();
    return !vm.call(m, nullptr, 0).is_null();
}

SendStatus gen_throw(VM& vm, GenObject* g, Value exc, Value& out, bool closing) {
    if (g->m_state == GenState::Running) {
        vm.raisef(vm.e_ValueError, "%s already executing", gen_word(g));
        return SendStatus::Error;
    }
    if (g->m_state == GenState::Closed || !g->m_frame) {
        vm.set_exc(std::move(exc));
        return SendStatus::Error;
    }
    if (g->m_state == GenState::Created) {
        // Never started: the exception is raised at its first line and it closes.
        CodeObject* code = g->m_frame->m_code;
        g->m_awaited = true;
        gen_drop_frame(vm, g);
        vm.set_exc(std::move(exc));
        if (code) {
            (void)code;
        }
        return SendStatus::Error;
    }
    Frame* fr = g->m_frame;
    uint32_t yw = fr->m_ip[-1];
    if (decode_op(yw) == Op::YIELD_VALUE && decode_arg(yw) == 1) {
        Value delegate = fr->m_sp[-1];
        // The delegate runs from here, not from g's frame: a pause inside it
        // could not be continued as part of g, so it runs its step whole; g's
        // own frame (resumed below) may pause again.
        const bool pausable = vm.m_pausable;
        vm.m_pausable = false;
        if (closing || vm.isinstance(exc, vm.e_GeneratorExit)) {
            g->m_state = GenState::Running;  // (CPython marks the frame running while closing the delegate)
            bool ok = close_delegate(vm, delegate);
            g->m_state = GenState::Suspended;
            vm.m_pausable = pausable;
            if (!ok) return gen_resume(vm, g, 2, Value(), out);
        } else {
            Value r;
            SendStatus st;
            g->m_state = GenState::Running;
            if (is_kind(delegate, ObjKind::Generator)) {
                st = gen_throw(vm, delegate.as<GenObject>(), exc, r, false);
            } else if (NativeIter* it = as_native_iter(delegate)) {
                st = it->throw_(vm, exc, r);
            } else {
                Value m = vm.getattr_opt(delegate, vm.names().throw_);
                if (m.is_null()) {
                    g->m_state = GenState::Suspended;
                    vm.m_pausable = pausable;
                    if (vm.has_exc()) return gen_resume(vm, g, 2, Value(), out);
                    goto throw_here;
                }
                r = vm.call(m, {exc});
                if (!r.is_null()) {
                    st = SendStatus::Yield;
                } else if (vm.exc_matches(vm.e_StopIteration)) {
                    r = stop_iteration_value(vm, vm.take_exc());
                    st = SendStatus::Return;
                } else {
                    st = SendStatus::Error;
                }
            }
            g->m_state = GenState::Suspended;
            vm.m_pausable = pausable;
            if (st == SendStatus::Yield) {
                out = std::move(r);
                return SendStatus::Yield;
            }
            // The delegate finished: leave the await loop (jump to SEND's target).
            uint32_t sendw = fr->m_ip[-2];
            *--fr->m_sp = Value();
            fr->m_ip = fr->m_code->m_code.data() + decode_arg(sendw);
            if (st == SendStatus::Return) {
                *fr->m_sp++ = std::move(r);
                return gen_resume(vm, g, 1, Value(), out);
            }
            return gen_resume(vm, g, 2, Value(), out);
        }
    }
throw_here:
    vm.set_exc(std::move(exc));
    return gen_resume(vm, g, 2, Value(), out);
}

Value gen_close(VM& vm, GenObject* g) {
    if (g->m_state == GenState::Created) {
        g->m_awaited = true;
        gen_drop_frame(vm, g);
        return Value::none();
    }
    if (g->m_state == GenState::Closed || !g->m_frame) return Value::none();
    Value exc = vm.new_exception(vm.e_GeneratorExit, vm.m_empty_tuple);
    Value out;
    SendStatus st = gen_throw(vm, g, exc, out, true);
    if (st == SendStatus::Yield) {
        return vm.raisef(vm.e_RuntimeError, "%s ignored GeneratorExit", gen_word(g));
    }
    if (st == SendStatus::Error) {
        if (vm.exc_matches(vm.e_GeneratorExit) || vm.exc_matches(vm.e_StopIteration)) {
            vm.clear_exc();
            return Value::none();
        }
        return Value();
    }
    return Value::none();
}

Value normalize_throw(VM& vm, Value* args, int nargs) {
    if (nargs < 1) {
        vm.raise(vm.e_TypeError, "throw expected at least 1 argument, got 0");
        return Value();
    }
    const Value& typ = args[0];
    if (is_kind(typ, ObjKind::Type) && (typ.as<TypeObject>()->m_tflags & TF_EXCEPTION)) {
        if (nargs >= 2 && !args[1].is_none()) {
            if (vm.isinstance(args[1], typ.as<TypeObject>())) return args[1];
            Value a = args[1];
            return vm.call(typ, &a, 1);
        }
        return vm.call(typ, nullptr, 0);
    }
    if (vm.isinstance(typ, vm.e_BaseException)) {
        if (nargs >= 2 && !args[1].is_none()) {
            vm.raise(vm.e_TypeError, "instance exception may not have a separate value");
            return Value();
        }
        return typ;
    }
    vm.raisef(vm.e_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
              type_name(typ).c_str());
    return Value();
}

// Turns a send outcome into a Python-level return (StopIteration on Return).
static Value send_result(VM& vm, SendStatus st, Value& out) {
    switch (st) {
    case SendStatus::Yield:
        return std::move(out);
    case SendStatus::Return:
        if (out.is_none()) return vm.raise_value(Value::object(vm.e_StopIteration));
        return vm.raise_args(vm.e_StopIteration, out);
    default:
        return Value();
    }
}

// [SECTION] Generator and coroutine methods

namespace {

GenObject* self_gen(Value* a) { return a[0].as<GenObject>(); }

Value g_next(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value out;
    SendStatus st = vm.gen_send(self_gen(a), Value::none(), Value(), out);
    if (st == SendStatus::Return) return vm.raise_value(Value::object(vm.e_StopIteration));
    return send_result(vm, st, out);
}
Value g_send(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "send() takes exactly one argument (%d given)", n - 1);
    Value out;
    SendStatus st = vm.gen_send(self_gen(a), a[1], Value(), out);
    return send_result(vm, st, out);
}
Value g_throw(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value exc = normalize_throw(vm, a + 1, n - 1);
    if (exc.is_null()) return Value();
    Value out;
    SendStatus st = gen_throw(vm, self_gen(a), exc, out, false);
    return send_result(vm, st, out);
}
Value g_close(VM& vm, Value* a, int, TupleObject*, Value&) { return gen_close(vm, self_gen(a)); }
Value g_iter(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }
Value g_name(VM&, Value* a, int, TupleObject*, Value&) { return self_gen(a)->m_name; }
Value g_qualname(VM&, Value* a, int, TupleObject*, Value&) { return self_gen(a)->m_qualname; }
Value g_running(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::boolean(self_gen(a)->m_state == GenState::Running);
}
Value g_suspended(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::boolean(self_gen(a)->m_state == GenState::Suspended);
}
Value g_frame(VM&, Value* a, int, TupleObject*, Value&) {
    return self_gen(a)->m_frame ? Value::boolean(true) : Value::none();
}

// coroutine.__await__() returns this wrapper (an iterator over the coroutine).
struct CoroWrapper : NativeIter {
    Value m_coro;
    SendStatus send(VM& vm, Value v, Value& out) override {
        return vm.gen_send(m_coro.as<GenObject>(), std::move(v), Value(), out);
    }
    SendStatus throw_(VM& vm, Value exc, Value& out) override {
        return gen_throw(vm, m_coro.as<GenObject>(), std::move(exc), out, false);
    }
    bool close(VM& vm) override { return !gen_close(vm, m_coro.as<GenObject>()).is_null(); }
    void clear_refs() override { m_coro = Value(); }
};

Value c_await(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* w = new_native_iter<CoroWrapper>(
        vm, vm.type_lookup(vm.t_coroutine, vm.intern("__wrapper_type__")).as<TypeObject>());
    w->m_coro = a[0];
    return Value::steal(w);
}

// Methods every NativeIter type shares: __next__, send, throw, close, __iter__, __await__.
Value ni_next(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value out;
    SendStatus st = as_native_iter(a[0])->send(vm, Value::none(), out);
    return send_result(vm, st, out);
}
Value ni_send(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value out;
    SendStatus st = as_native_iter(a[0])->send(vm, n > 1 ? a[1] : Value::none(), out);
    return send_result(vm, st, out);
}
Value ni_throw(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value exc = normalize_throw(vm, a + 1, n - 1);
    if (exc.is_null()) return Value();
    Value out;
    SendStatus st = as_native_iter(a[0])->throw_(vm, exc, out);
    return send_result(vm, st, out);
}
Value ni_close(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!as_native_iter(a[0])->close(vm)) return Value();
    return Value::none();
}
Value ni_self(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }

}  // namespace

void add_native_iter_methods(VM& vm, TypeObject* t) {
    vm.add_method(t, "__next__", ni_next);
    vm.add_method(t, "send", ni_send);
    vm.add_method(t, "throw", ni_throw);
    vm.add_method(t, "close", ni_close);
    vm.add_method(t, "__iter__", ni_self);
    vm.add_method(t, "__await__", ni_self);
}

// [SECTION] Async generators

namespace {

// Unwraps what the async generator's frame produced for an awaitable that
// drives it: a value yield ends the awaitable (StopIteration(value)); an
// await passthrough is yielded on to the event loop.
SendStatus ag_unwrap(VM& vm, GenObject* g, SendStatus st, Value& out) {
    if (st == SendStatus::Yield) {
        if (g->m_yield_wrapped) {
            g->m_yield_wrapped = false;
            g->m_ag_running = false;
            return SendStatus::Return;
        }
        return SendStatus::Yield;
    }
    g->m_ag_running = false;
    if (st == SendStatus::Return) {
        // The generator finished: async iteration stops.
        out = Value();
        vm.raise_value(Value::object(vm.e_StopAsyncIteration));
        g->m_ag_closed = true;
        return SendStatus::Error;
    }
    if (st == SendStatus::Error) g->m_ag_closed = true;
    return st;
}

struct ASend : NativeIter {
    Value m_gen;
    Value m_value;
    int m_state = 0;  // 0 init, 1 iterating, 2 done
    SendStatus send(VM& vm, Value v, Value& out) override {
        auto* g = m_gen.as<GenObject>();
        if (m_state == 2) {
            vm.raise(vm.e_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
            return SendStatus::Error;
        }
        if (m_state == 0) {
            if (g->m_ag_running) {
                vm.raise(vm.e_RuntimeError, "anext(): asynchronous generator is already running");
                return SendStatus::Error;
            }
            if (v.is_none()) v = m_value;
            m_state = 1;
        }
        g->m_ag_running = true;
        SendStatus st = vm.gen_send(g, std::move(v), Value(), out);
        st = ag_unwrap(vm, g, st, out);
        if (st != SendStatus::Yield) m_state = 2;
        return st;
    }
    SendStatus throw_(VM& vm, Value exc, Value& out) override {
        auto* g = m_gen.as<GenObject>();
        if (m_state == 2) {
            vm.raise(vm.e_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
            return SendStatus::Error;
        }
        SendStatus st = gen_throw(vm, g, std::move(exc), out, false);
        st = ag_unwrap(vm, g, st, out);
        if (st != SendStatus::Yield) m_state = 2;
        return st;
    }
    bool close(VM&) override {
        m_state = 2;
        return true;
    }
    void clear_refs() override { m_gen = m_value = Value(); }
};

struct AThrow : NativeIter {
    Value m_gen;
    Value m_exc;  // Null: aclose()
    int m_state = 0;
    SendStatus send(VM& vm, Value v, Value& out) override {
        auto* g = m_gen.as<GenObject>();
        if (m_state == 2) {
            vm.raise(vm.e_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
            return SendStatus::Error;
        }
        if (g->m_ag_closed || g->m_state == GenState::Closed) {
            m_state = 2;
            if (m_exc.is_null()) {
                out = Value::none();
                return SendStatus::Return;
            }
            vm.raise_value(Value::object(vm.e_StopAsyncIteration));
            return SendStatus::Error;
        }
        SendStatus st;
        if (m_state == 0) {
            if (g->m_ag_running) {
                vm.raise(vm.e_RuntimeError, m_exc.is_null() ? "aclose(): asynchronous generator is already running"
                                                            : "athrow(): asynchronous generator is already running");
                return SendStatus::Error;
            }
            m_state = 1;
            g->m_ag_running = true;
            if (g->m_state == GenState::Created && m_exc.is_null()) {
                gen_close(vm, g);
                g->m_ag_closed = true;
                g->m_ag_running = false;
                m_state = 2;
                out = Value::none();
                return SendStatus::Return;
            }
            Value exc = m_exc.is_null() ? vm.new_exception(vm.e_GeneratorExit, vm.m_empty_tuple) : m_exc;
            st = gen_throw(vm, g, exc, out, m_exc.is_null());
        } else {
            st = vm.gen_send(g, std::move(v), Value(), out);
        }
        return finish(vm, g, st, out);
    }
    SendStatus finish(VM& vm, GenObject* g, SendStatus st, Value& out) {
        if (m_exc.is_null()) {
            // aclose(): a value yield means the generator ignored GeneratorExit.
            if (st == SendStatus::Yield && g->m_yield_wrapped) {
                g->m_yield_wrapped = false;
                g->m_ag_running = false;
                m_state = 2;
                vm.raise(vm.e_RuntimeError, "async generator ignored GeneratorExit");
                return SendStatus::Error;
            }
            if (st == SendStatus::Yield) return st;
            g->m_ag_running = false;
            g->m_ag_closed = true;
            m_state = 2;
            if (st == SendStatus::Return || (st == SendStatus::Error && (vm.exc_matches(vm.e_StopAsyncIteration) ||
                                                                         vm.exc_matches(vm.e_GeneratorExit)))) {
                vm.clear_exc();
                out = Value::none();
                return SendStatus::Return;
            }
            return st;
        }
        SendStatus r = ag_unwrap(vm, g, st, out);
        if (r != SendStatus::Yield) m_state = 2;
        return r;
    }
    SendStatus throw_(VM& vm, Value exc, Value& out) override {
        auto* g = m_gen.as<GenObject>();
        if (m_state == 2) {
            vm.raise(vm.e_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
            return SendStatus::Error;
        }
        SendStatus st = gen_throw(vm, g, std::move(exc), out, false);
        return finish(vm, g, st, out);
    }
    bool close(VM&) override {
        m_state = 2;
        return true;
    }
    void clear_refs() override { m_gen = m_exc = Value(); }
};

TypeObject* asend_type(VM& vm) {
    return vm.type_lookup(vm.t_async_generator, vm.intern("__asend_type__")).as<TypeObject>();
}
TypeObject* athrow_type(VM& vm) {
    return vm.type_lookup(vm.t_async_generator, vm.intern("__athrow_type__")).as<TypeObject>();
}

Value ag_asend(VM& vm, Value* a, int n, TupleObject*, Value&) {
    auto* s = new_native_iter<ASend>(vm, asend_type(vm));
    s->m_gen = a[0];
    s->m_value = n > 1 ? a[1] : Value::none();
    return Value::steal(s);
}
Value ag_anext(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value args[1] = {a[0]};
    Value d;
    return ag_asend(vm, args, 1, nullptr, d);
}
Value ag_athrow(VM& vm, Value* a, int n, TupleObject*, Value&) {
    Value exc = normalize_throw(vm, a + 1, n - 1);
    if (exc.is_null()) return Value();
    auto* t = new_native_iter<AThrow>(vm, athrow_type(vm));
    t->m_gen = a[0];
    t->m_exc = exc;
    return Value::steal(t);
}
Value ag_aclose(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* t = new_native_iter<AThrow>(vm, athrow_type(vm));
    t->m_gen = a[0];
    return Value::steal(t);
}
Value ag_running(VM&, Value* a, int, TupleObject*, Value&) { return Value::boolean(self_gen(a)->m_ag_running); }

}  // namespace

// [SECTION] await / async for helpers

Value get_awaitable(VM& vm, const Value& v, int where) {
    if (is_kind(v, ObjKind::Generator)) {
        auto* g = v.as<GenObject>();
        if (g->m_genkind == GenKind::Coroutine) {
            if (g->m_state == GenState::Running || (g->m_state == GenState::Suspended && g->m_frame &&
                                                    decode_op(g->m_frame->m_ip[-1]) == Op::YIELD_VALUE &&
                                                    decode_arg(g->m_frame->m_ip[-1]) == 1 && false)) {
                return vm.raise(vm.e_RuntimeError, "coroutine is being awaited already");
            }
            if (g->m_state == GenState::Closed && g->m_awaited)
                return vm.raise(vm.e_RuntimeError, "cannot reuse already awaited coroutine");
            return v;
        }
    }
    if (as_native_iter(v)) return v;
    TypeObject* t = vm.type_of(v);
    Value aw = vm.type_lookup(t, vm.names().d_await);
    if (aw.is_null()) {
        if (where == 1)
            return vm.raisef(vm.e_TypeError,
                             "'async with' received an object from __aenter__ that does not implement __await__: %s",
                             type_name(v).c_str());
        if (where == 2)
            return vm.raisef(vm.e_TypeError,
                             "'async with' received an object from __aexit__ that does not implement __await__: %s",
                             type_name(v).c_str());
        return vm.raisef(vm.e_TypeError, "object %s can't be used in 'await' expression", type_name(v).c_str());
    }
    Value it = vm.call(aw, {v});
    if (it.is_null()) return Value();
    if (is_kind(it, ObjKind::Generator) && it.as<GenObject>()->m_genkind == GenKind::Coroutine)
        return vm.raise(vm.e_TypeError, "__await__() returned a coroutine");
    if (!is_kind(it, ObjKind::Generator) && !as_native_iter(it) &&
        vm.type_lookup(vm.type_of(it), vm.names().d_next).is_null())
        return vm.raisef(vm.e_TypeError, "__await__() returned non-iterator of type '%s'", type_name(it).c_str());
    return it;
}

Value get_aiter(VM& vm, const Value& v) {
    Value f = vm.type_lookup(vm.type_of(v), vm.names().d_aiter);
    if (f.is_null())
        return vm.raisef(vm.e_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                         type_name(v).c_str());
    Value it = vm.call(f, {v});
    if (it.is_null()) return Value();
    if (vm.type_lookup(vm.type_of(it), vm.names().d_anext).is_null())
        return vm.raisef(vm.e_TypeError,
                         "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                         type_name(it).c_str());
    return it;
}

Value get_anext(VM& vm, const Value& v) {
    Value f = vm.type_lookup(vm.type_of(v), vm.names().d_anext);
    if (f.is_null())
        return vm.raisef(vm.e_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                         type_name(v).c_str());
    Value aw = vm.call(f, {v});
    if (aw.is_null()) return Value();
    Value r = get_awaitable(vm, aw, 0);
    if (r.is_null() && vm.exc_matches(vm.e_TypeError)) {
        vm.clear_exc();
        return vm.raisef(vm.e_TypeError, "'async for' received an invalid object from __anext__: %s",
                         type_name(aw).c_str());
    }
    return r;
}

SendStatus VM::send(const Value& recv, Value v, Value& out) {
    if (is_kind(recv, ObjKind::Generator)) return gen_send(recv.as<GenObject>(), std::move(v), Value(), out);
    if (NativeIter* it = as_native_iter(recv)) return it->send(*this, std::move(v), out);
    Value r;
    if (v.is_none()) {
        r = iter_next(recv);
        if (r.is_null() && !has_exc()) {
            out = Value::none();
            return SendStatus::Return;
        }
    } else {
        r = call_method(recv, "send", {v});
    }
    if (!r.is_null()) {
        out = std::move(r);
        return SendStatus::Yield;
    }
    if (exc_matches(e_StopIteration)) {
        out = stop_iteration_value(*this, take_exc());
        return SendStatus::Return;
    }
    return SendStatus::Error;
}

void init_gen_types(VM& vm) {
    for (TypeObject* t : {vm.t_generator, vm.t_coroutine}) {
        vm.add_method(t, "send", g_send);
        vm.add_method(t, "throw", g_throw);
        vm.add_method(t, "close", g_close);
        vm.add_property(t, "__name__", g_name);
        vm.add_property(t, "__qualname__", g_qualname);
    }
    vm.add_method(vm.t_generator, "__next__", g_next);
    vm.add_method(vm.t_generator, "__iter__", g_iter);
    vm.add_property(vm.t_generator, "gi_running", g_running);
    vm.add_property(vm.t_generator, "gi_suspended", g_suspended);
    vm.add_property(vm.t_generator, "gi_frame", g_frame);
    vm.add_method(vm.t_coroutine, "__await__", c_await);
    vm.add_property(vm.t_coroutine, "cr_running", g_running);
    vm.add_property(vm.t_coroutine, "cr_suspended", g_suspended);
    vm.add_property(vm.t_coroutine, "cr_frame", g_frame);
    TypeObject* wrap = vm.new_builtin_type("coroutine_wrapper", vm.t_object, ObjKind::Cxx);
    add_native_iter_methods(vm, wrap);
    vm.dict_set_str(vm.t_coroutine->m_dict, "__wrapper_type__", Value::steal(wrap));

    TypeObject* ag = vm.t_async_generator;
    vm.add_method(ag, "__aiter__", g_iter);
    vm.add_method(ag, "__anext__", ag_anext);
    vm.add_method(ag, "asend", ag_asend);
    vm.add_method(ag, "athrow", ag_athrow);
    vm.add_method(ag, "aclose", ag_aclose);
    vm.add_property(ag, "__name__", g_name);
    vm.add_property(ag, "__qualname__", g_qualname);
    vm.add_property(ag, "ag_running", ag_running);
    TypeObject* asend = vm.new_builtin_type("async_generator_asend", vm.t_object, ObjKind::Cxx);
    add_native_iter_methods(vm, asend);
    vm.dict_set_str(ag->m_dict, "__asend_type__", Value::steal(asend));
    TypeObject* athrow = vm.new_builtin_type("async_generator_athrow", vm.t_object, ObjKind::Cxx);
    add_native_iter_methods(vm, athrow);
    vm.dict_set_str(ag->m_dict, "__athrow_type__", Value::steal(athrow));
}

}  // namespace aio::script
