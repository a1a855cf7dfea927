// events.cpp — the event loop for scripts: loop objects bound to an
// aio::EventLoop (call_soon/call_later/call_at, run_forever,
// run_until_complete, host-driven runs), Handle and TimerHandle, running
// Python callbacks from the loop, and get/set/new_event_loop.
//
// Mirrors CPython's Lib/asyncio/events.py and base_events.py where behaviour
// is visible to programs.
#include <algorithm>

#include "asyncio/asyncio.hpp"
#include "modules/modules.hpp"

namespace aio::script {

using aio::detail::FutureCore;
template <class T>
using DRef = aio::detail::Ref<T>;

// Calls a script callback from the loop; errors go to the exception handler.

namespace {

// What a callback's call ended with: errors go to the loop's handler.
void callback_done(AsyncioState& st, const Value& fn, const std::vector<Value>& args, bool ok) {
    VM& vm = st.vm;
    if (ok) return;
    Value exc = vm.take_exc();
    if (vm.isinstance(exc, vm.e_SystemExit) || vm.isinstance(exc, vm.e_KeyboardInterrupt)) {
        st.fatal = exc;
        if (LoopObject* lo = st.running()) request_stop(st, lo->m_loop.get());
        return;
    }
    std::string desc = call_desc(vm, fn, args, "");
    LoopObject* lo = st.running();
    if (lo && (lo->m_handler.is_null() || lo->m_handler.is_none())) {
        std::string out =
            "Exception in callback " + desc + "\nhandle: <Handle " + desc + ">\n" + vm.format_exception(exc);
        if (!vm.write(2, out)) vm.clear_exc();
        return;
    }
    DictObject* d = vm.new_dict();
    Value dv = Value::steal(d);
    vm.dict_set_str(d, "message", vm.str("Exception in callback " + desc));
    vm.dict_set_str(d, "exception", exc);
    vm.dict_set_str(d, "handle", vm.str("<Handle " + desc + ">"));
    st.report_dict(lo, dv);
}

// A Python callback out of instructions mid-way (a host-driven run): the
// loop holds it like a paused task step, so nothing else runs until the host
// lets it go on.
struct HeldCallback {
    AsyncioState* st;
    Value fn;
    std::vector<Value> args;
    Frame* entry;
    aio::EventLoop* loop;
};

void held_callback_done(HeldCallback* h, RunStatus rs) {
    if (rs == RunStatus::Paused) {
        h->entry = h->st->vm.paused_entry();
        h->loop->hold_step(&held_callback_entry, h);
        return;
    }
    std::unique_ptr<HeldCallback> own(h);
    callback_done(*h->st, h->fn, h->args, rs != RunStatus::Raised);
}

}  // namespace

void held_callback_entry(void* ctx, bool run) {
    auto* h = static_cast<HeldCallback*>(ctx);
    VM& vm = h->st->vm;
    VMScope scope(vm);
    if (!run || vm.paused_entry() != h->entry) {
        // Dropped (the loop closed, the program stopped): the frames go unrun.
        if (vm.paused_entry() == h->entry) vm.abandon_paused();
        delete h;
        return;
    }
    Value result;
    RunStatus rs;
    {
        VM::PausableScope pausable(vm);
        rs = vm.continue_paused(result);
    }
    held_callback_done(h, rs);
}

void invoke_callback(AsyncioState& st, const Value& fn, const std::vector<Value>& args, const Value& context) {
    VM& vm = st.vm;
    VMScope scope(vm);
    if (!context.is_null()) {
        // Handle._run: the callback runs whole in its context (never paused
        // across host slices, which would leave the context entered).
        Value outer = std::exchange(vm.m_context, context);
        std::vector<Value> a = args;
        Value r = vm.call(fn, a.data(), static_cast<int>(a.size()));
        vm.m_context = std::move(outer);
        callback_done(st, fn, args, !r.is_null());
        return;
    }
    std::vector<Value> a = args;
    LoopObject* lo = st.running();
    // A plain Python function run for a host can pause between slices.
    const Value* self = nullptr;
    FunctionObject* pyfn = nullptr;
    if (is_kind(fn, ObjKind::Function)) {
        pyfn = fn.as<FunctionObject>();
    } else if (is_kind(fn, ObjKind::BoundMethod) && is_kind(fn.as<BoundMethodObject>()->m_func, ObjKind::Function)) {
        pyfn = fn.as<BoundMethodObject>()->m_func.as<FunctionObject>();
        self = &fn.as<BoundMethodObject>()->m_self;
    }
    if (pyfn && lo && vm.host_driven() && vm.m_limits.slice_instructions && vm.nesting() == 0 &&
        !(pyfn->m_code->m_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
        Value keep = fn;
        Frame* f = vm.make_frame(pyfn, a.data(), static_cast<int>(a.size()), nullptr, self);
        RunStatus rs = RunStatus::Raised;
        Value result;
        if (f) {
            VM::PausableScope pausable(vm);
            rs = vm.run(f, result);
        }
        held_callback_done(new HeldCallback{&st, fn, args, nullptr, lo->m_loop.get()}, rs);
        return;
    }
    Value r = vm.call(fn, a.data(), static_cast<int>(a.size()));
    callback_done(st, fn, args, !r.is_null());
}

// [SECTION] Loop objects and handles

LoopObject::~LoopObject() {
    if (m_st) {
        auto& ls = m_st->loops;
        ls.erase(std::remove(ls.begin(), ls.end(), this), ls.end());
    }
}

void LoopObject::clear_refs() {
    m_handler = Value();
    if (m_loop && !m_loop->is_running()) {
        try {
            m_loop->close();
        } catch (...) {}
    }
}

namespace {

struct HandleObject : CxxObject {
    aio::Handle m_plain;        // call_soon
    aio::TimerHandle m_handle;  // call_later / call_at
    bool m_timer = false;
    Value m_fn;                 // the callback and its arguments, for repr
    std::vector<Value> m_args;  //   (dropped by cancel(), as asyncio does)
    Value m_loop;
    void clear_refs() override {
        m_fn = m_loop = Value();
        m_args.clear();
    }
};

HandleObject* self_handle(Value* a) { return static_cast<HandleObject*>(a[0].as<CxxObject>()); }

Value h_cancel(VM&, Value* a, int, TupleObject*, Value&) {
    HandleObject* h = self_handle(a);
    if (h->m_timer)
        h->m_handle.cancel();
    else
        h->m_plain.cancel();
    h->m_fn = Value();
    h->m_args.clear();
    return Value::none();
}
bool handle_cancelled(HandleObject* h) { return h->m_timer ? h->m_handle.cancelled() : h->m_plain.cancelled(); }
Value h_cancelled(VM&, Value* a, int, TupleObject*, Value&) { return Value::boolean(handle_cancelled(self_handle(a))); }
Value h_when(VM&, Value* a, int, TupleObject*, Value&) { return Value::real(self_handle(a)->m_handle.when()); }
Value h_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    HandleObject* h = self_handle(a);
    std::string s = h->m_timer ? "<TimerHandle " : "<Handle ";
    if (handle_cancelled(h)) s += "cancelled ";
    if (h->m_timer) {
        std::string w;
        vm.repr_into(Value::real(h->m_handle.when()), w);
        s += "when=" + w + " ";
    }
    if (!h->m_fn.is_null()) s += call_desc(vm, h->m_fn, h->m_args, "");
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return vm.str(s + ">");
}
Value h_get_loop(VM&, Value* a, int, TupleObject*, Value&) { return self_handle(a)->m_loop; }

}  // namespace

bool check_open(VM& vm, LoopObject* lo) {
    if (!lo->m_loop || lo->m_loop->is_closed()) {
        vm.raise(vm.e_RuntimeError, "Event loop is closed");
        return false;
    }
    return true;
}

// asyncio.format_helpers._format_callback_source: "name(args) at file:line".
std::string call_desc(VM& vm, const Value& fn, const std::vector<Value>& args, const std::string& suffix) {
    auto arglist = [&](const std::vector<Value>& a, const Value& kw) {
        std::string d = "(";
        bool first = true;
        for (auto& v : a) {
            if (!first) d += ", ";
            first = false;
            if (!vm.repr_into(v, d)) vm.clear_exc();
        }
        if (is_kind(kw, ObjKind::Dict)) {
            uint32_t pos = 0;
            Value *k, *v;
            while (dict_next(kw.as<DictObject>(), pos, k, v)) {
                if (!first) d += ", ";
                first = false;
                if (is_str(*k)) d += as_str(*k)->str();
                d += "=";
                if (!vm.repr_into(*v, d)) vm.clear_exc();
            }
        }
        return d + ")";
    };
    // functools.partial: the wrapped function, its arguments after the call's.
    if (is_kind(fn, ObjKind::Cxx) && as_str(vm.type_of(fn)->m_name)->view() == "partial") {
        Value f = vm.getattr_opt(fn, vm.intern("func"));
        Value pa = vm.getattr_opt(fn, vm.intern("args"));
        Value pk = vm.getattr_opt(fn, vm.intern("keywords"));
        if (!f.is_null() && is_kind(pa, ObjKind::Tuple)) {
            std::vector<Value> inner(pa.as<TupleObject>()->items(),
                                     pa.as<TupleObject>()->items() + pa.as<TupleObject>()->m_size);
            return call_desc(vm, f, inner, arglist(args, Value()) + suffix);
            (void)pk;
        }
    }
    std::string d;
    Value code_fn;
    if (is_kind(fn, ObjKind::Function)) {
        d = as_str(fn.as<FunctionObject>()->m_qualname)->str();
        code_fn = fn;
    } else if (is_kind(fn, ObjKind::BoundMethod) && is_kind(fn.as<BoundMethodObject>()->m_func, ObjKind::Function)) {
        d = as_str(fn.as<BoundMethodObject>()->m_func.as<FunctionObject>()->m_qualname)->str();
    } else if (is_kind(fn, ObjKind::Native)) {
        d = fn.as<NativeObject>()->m_name;
    } else if (!vm.repr_into(fn, d)) {
        vm.clear_exc();
    }
    d += arglist(args, Value()) + suffix;
    if (!code_fn.is_null()) {
        CodeObject* c = code_fn.as<FunctionObject>()->m_code;
        d += " at " + as_str(c->m_filename)->str() + ":" + std::to_string(c->m_firstline);
    }
    return d;
}

bool is_callable(VM& vm, const Value& v) {
    if (!v.is_obj()) return false;
    ObjKind k = kind_of(v.as_obj());
    if (k == ObjKind::Function || k == ObjKind::Native || k == ObjKind::BoundMethod || k == ObjKind::Type) return true;
    return !vm.type_lookup(vm.type_of(v), vm.names().d_call).is_null();
}

namespace {

// call_soon / call_later / call_at share this: which = 0 soon, 1 later, 2 at.
Value schedule(VM& vm, Value* a, int n, TupleObject* kw, int which) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = self_loop(a);
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    Value given_context;
    for (int i = 0; i < nkw; ++i) {
        if (as_str(kw->items()[i])->view() != "context")
            return vm.raisef(vm.e_TypeError, "call_soon() got an unexpected keyword argument '%s'",
                             as_str(kw->items()[i])->data());
        given_context = a[n - nkw + i];
    }
    int npos = n - nkw;
    int first = which == 0 ? 1 : 2;
    const char* name = which == 0 ? "call_soon" : which == 1 ? "call_later" : "call_at";
    if (npos < first + 1) return vm.raisef(vm.e_TypeError, "%s() missing required arguments", name);
    if (!check_open(vm, lo)) return Value();
    double t = 0;
    if (which && !vm.as_double(a[1], t)) return Value();
    Value fn = a[first];
    if (!is_callable(vm, fn) || is_kind(fn, ObjKind::Generator))
        return vm.raisef(vm.e_TypeError, "a callable object was expected by %s(), got %s", name,
                         [&] {
                             std::string r;
                             vm.repr_into(fn, r);
                             return r;
                         }()
                             .c_str());
    if (is_kind(fn, ObjKind::Function) && (fn.as<FunctionObject>()->m_code->m_flags & CO_COROUTINE))
        return vm.raisef(vm.e_TypeError, "coroutines cannot be used with %s()", name);
    std::vector<Value> args(a + first + 1, a + npos);
    // The engine's name for the callback is for observers (the timeline) only.
    std::string desc = lo->m_loop->observer() ? call_desc(vm, fn, args, "") : std::string();
    AsyncioState* sp = &st;
    Value ctx = capture_context(vm, given_context);
    if (ctx.is_null() && vm.has_exc()) return Value();
    auto cb = [sp, fn, args, ctx]() { invoke_callback(*sp, fn, args, ctx); };
    auto* h = vm.alloc<HandleObject>(which ? st.t_timer_handle : st.t_handle, ObjKind::Cxx);
    Value hv = Value::steal(h);
    h->m_fn = fn;
    h->m_args = std::move(args);
    h->m_timer = which != 0;
    h->m_loop = a[0];
    try {
        if (which == 0)
            h->m_plain = lo->m_loop->call_soon(cb, desc);
        else if (which == 1)
            h->m_handle = lo->m_loop->call_later(t, cb, desc);
        else
            h->m_handle = lo->m_loop->call_at(t, cb, desc);
    } catch (const std::exception& e) {
        return vm.raise(vm.e_RuntimeError, e.what());
    }
    return hv;
}

Value l_call_soon(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return schedule(vm, a, n, kw, 0); }
Value l_call_later(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return schedule(vm, a, n, kw, 1); }
Value l_call_at(VM& vm, Value* a, int n, TupleObject* kw, Value&) { return schedule(vm, a, n, kw, 2); }
Value l_time(VM& vm, Value* a, int, TupleObject*, Value&) {
    LoopObject* lo = self_loop(a);
    if (!lo->m_loop) return vm.raise(vm.e_RuntimeError, "Event loop is closed");
    return Value::real(lo->m_loop->time());
}

Value l_create_task(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "create_task", a + 1, n - 1, kw, {"coro", "name", "context"}, 1, args, 1)) return Value();
    return new_task_value(asyncio_state(vm), self_loop(a), args[0], args[1], args[2]);
}

Value l_create_future(VM& vm, Value* a, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = self_loop(a);
    if (!lo->m_loop) return vm.raise(vm.e_RuntimeError, "Event loop is closed");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    return st.wrap(core);
}

// Runs the engine loop until stop(); converts engine errors and re-raises a
// SystemExit/KeyboardInterrupt that a task or callback raised.
Value run_forever_impl(VM& vm, const Value& lv) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = static_cast<LoopObject*>(lv.as<CxxObject>());
    if (!check_open(vm, lo)) return Value();
    if (lo->m_loop->is_running()) return vm.raise(vm.e_RuntimeError, "This event loop is already running");
    if (!st.running_loop.is_null())
        return vm.raise(vm.e_RuntimeError, "Cannot run the event loop while another loop is running");
    Value saved_running = st.running_loop;
    st.running_loop = lv;
    st.last_loop = lv;
    Frame* saved_frame = vm.m_frame;
    try {
        lo->m_loop->run_forever();
    } catch (const std::exception& e) {
        st.running_loop = saved_running;
        vm.m_frame = saved_frame;
        return vm.raise(vm.e_RuntimeError, e.what());
    }
    vm.m_frame = saved_frame;
    st.running_loop = saved_running;
    if (!st.fatal.is_null()) {
        Value f = std::move(st.fatal);
        st.fatal = Value();
        vm.set_exc(f);
        return Value();
    }
    return Value::none();
}

Value host_run(VM& vm, const Value& lv, Value fut);

bool loop_busy(VM& vm, AsyncioState& st, LoopObject* lo) {
    if (lo->m_loop->is_running() || (!st.host_loop.is_null() && st.host_loop.as_obj() == lo)) {
        vm.raise(vm.e_RuntimeError, "This event loop is already running");
        return true;
    }
    if (!st.running_loop.is_null()) {
        vm.raise(vm.e_RuntimeError, "Cannot run the event loop while another loop is running");
        return true;
    }
    return false;
}

Value l_run_forever(VM& vm, Value* a, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = self_loop(a);
    if (!check_open(vm, lo) || loop_busy(vm, st, lo)) return Value();
    if (vm.can_request_host()) return host_run(vm, a[0], Value());
    return run_forever_impl(vm, a[0]);
}

}  // namespace

Value ensure_future_py(VM& vm, const Value& obj, const Value& loop) {
    Value mod = vm.import_module(vm.intern("asyncio"));
    if (mod.is_null()) return mod;
    Value ef = vm.getattr(mod, vm.intern("ensure_future"));
    if (ef.is_null()) return ef;
    Value args[2] = {obj, loop};
    Value kwn = vm.tuple({vm.str("loop")});
    return vm.call(ef, args, 2, kwn.as<TupleObject>());
}

namespace {

struct StopNode final : aio::detail::CallbackNode {
    aio::EventLoop* loop = nullptr;
    AsyncioState* st = nullptr;
    void on_done(FutureCore& fut) override {
        // asyncio: _run_until_complete_cb. A SystemExit/KeyboardInterrupt result
        // already stopped the loop.
        (void)fut;
        aio::EventLoop* l = loop;
        AsyncioState* s = st;
        try {
            l->call_soon([s, l]() { request_stop(*s, l); }, "_run_until_complete_cb");
        } catch (...) {}
    }
};

// Runs `lv` for the host instead of blocking: the VM suspends the calling
// top-level frames (HostWait); the host drives the loop with run_once until
// a stop is requested, then calls finish() for this call's result.
Value host_run(VM& vm, const Value& lv, Value fut) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = static_cast<LoopObject*>(lv.as<CxxObject>());
    std::shared_ptr<StopNode> node;
    if (!fut.is_null()) {
        node = std::make_shared<StopNode>();
        node->loop = lo->m_loop.get();
        node->st = &st;
        static_cast<FutureObject*>(fut.as<CxxObject>())->m_core->add_callback(*node);
    }
    Value saved_running = st.running_loop;
    st.running_loop = lv;
    st.last_loop = lv;
    st.host_loop = lv;
    st.host_stop = false;
    AsyncioState* sp = &st;
    vm.m_host.pending = true;
    vm.m_host.loop = lo->m_loop.get();
    vm.m_host.finish = [sp, node, fut, saved_running](VM& v) -> Value {
        if (node) node->unlink();
        sp->running_loop = saved_running;
        sp->host_loop = Value();
        sp->host_stop = false;
        if (!sp->fatal.is_null()) {
            Value f = std::move(sp->fatal);
            sp->fatal = Value();
            v.set_exc(f);
            return Value();
        }
        if (fut.is_null()) return Value::none();
        auto* fo = static_cast<FutureObject*>(fut.as<CxxObject>());
        if (!fo->m_core->done()) return v.raise(v.e_RuntimeError, "Event loop stopped before Future completed.");
        Value out;
        if (future_result(*sp, fo, out) == SendStatus::Error) return Value();
        return out;
    };
    return Value::none();
}

Value l_run_until_complete(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    if (n != 2) return vm.raise(vm.e_TypeError, "run_until_complete() takes exactly one argument");
    LoopObject* lo = self_loop(a);
    if (!check_open(vm, lo) || loop_busy(vm, st, lo)) return Value();
    Value fut;
    bool new_task = false;
    if (is_future_object(st, a[1])) {
        fut = a[1];
        if (&static_cast<FutureObject*>(fut.as<CxxObject>())->m_core->get_loop() != lo->m_loop.get())
            return vm.raise(vm.e_ValueError,
                            "The future belongs to a different loop than the one specified as the loop argument");
    } else if (is_kind(a[1], ObjKind::Generator) && a[1].as<GenObject>()->m_genkind == GenKind::Coroutine) {
        fut = new_task_value(st, lo, a[1], Value());
        new_task = true;
    } else {
        fut = ensure_future_py(vm, a[1], a[0]);
        new_task = true;
    }
    if (fut.is_null()) return fut;
    if (vm.can_request_host()) return host_run(vm, a[0], fut);
    auto* fo = static_cast<FutureObject*>(fut.as<CxxObject>());
    StopNode node;
    node.loop = lo->m_loop.get();
    node.st = &st;
    fo->m_core->add_callback(node);
    Value r = run_forever_impl(vm, a[0]);
    node.unlink();
    if (r.is_null()) {
        // asyncio: the loop failed; make sure a new task's exception is not reported twice.
        if (new_task && fo->m_core->done() && !fo->m_core->cancelled()) fo->m_script->m_log_tb = false;
        return r;
    }
    if (!fo->m_core->done()) return vm.raise(vm.e_RuntimeError, "Event loop stopped before Future completed.");
    Value out;
    if (future_result(st, fo, out) == SendStatus::Error) return Value();
    return out;
}

Value l_stop(VM& vm, Value* a, int, TupleObject*, Value&) {
    LoopObject* lo = self_loop(a);
    if (lo->m_loop) request_stop(asyncio_state(vm), lo->m_loop.get());
    return Value::none();
}

Value l_close(VM& vm, Value* a, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = self_loop(a);
    if (!lo->m_loop || lo->m_loop->is_closed()) return Value::none();
    if (lo->m_loop->is_running() || (!st.host_loop.is_null() && st.host_loop.as_obj() == lo))
        return vm.raise(vm.e_RuntimeError, "Cannot close a running event loop");
    // Pending tasks are reported with their objects (the engine then frees them).
    for (aio::detail::TaskCore* t : st.quiet ? std::vector<aio::detail::TaskCore*>() : lo->m_loop->pending_tasks()) {
        Value tv = st.wrap(t);
        DictObject* d = vm.new_dict();
        Value dv = Value::steal(d);
        vm.dict_set_str(d, "message", vm.str("Task was destroyed but it is pending!"));
        vm.dict_set_str(d, "task", tv);
        st.report_dict(lo, dv);
    }
    try {
        lo->m_loop->close();
    } catch (const std::exception& e) {
        return vm.raise(vm.e_RuntimeError, e.what());
    }
    return Value::none();
}

Value l_is_running(VM&, Value* a, int, TupleObject*, Value&) {
    LoopObject* lo = self_loop(a);
    return Value::boolean(lo->m_loop && lo->m_loop->is_running());
}
Value l_is_closed(VM&, Value* a, int, TupleObject*, Value&) {
    LoopObject* lo = self_loop(a);
    return Value::boolean(!lo->m_loop || lo->m_loop->is_closed());
}
Value l_set_exception_handler(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "set_exception_handler() takes exactly one argument");
    if (!a[1].is_none() && !is_callable(vm, a[1]))
        return vm.raisef(vm.e_TypeError, "A callable object or None is expected, got %s", type_name(a[1]).c_str());
    self_loop(a)->m_handler = a[1];
    return Value::none();
}
Value l_get_exception_handler(VM&, Value* a, int, TupleObject*, Value&) {
    const Value& h = self_loop(a)->m_handler;
    return h.is_null() ? Value::none() : h;
}
Value l_call_exception_handler(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[1], ObjKind::Dict))
        return vm.raise(vm.e_TypeError, "call_exception_handler() expects a dict");
    asyncio_state(vm).report_dict(self_loop(a), a[1]);
    return Value::none();
}
Value l_default_exception_handler(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[1], ObjKind::Dict))
        return vm.raise(vm.e_TypeError, "default_exception_handler() expects a dict");
    asyncio_state(vm).report_dict(nullptr, a[1]);
    return Value::none();
}
Value l_get_debug(VM&, Value* a, int, TupleObject*, Value&) { return Value::boolean(self_loop(a)->m_debug); }
Value l_set_debug(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n == 2) {
        int t = vm.truthy(a[1]);
        if (t < 0) return Value();
        self_loop(a)->m_debug = t;
    }
    return Value::none();
}
Value l_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    LoopObject* lo = self_loop(a);
    bool running = lo->m_loop && lo->m_loop->is_running();
    bool closed = !lo->m_loop || lo->m_loop->is_closed();
    return vm.str(std::string("<_UnixSelectorEventLoop running=") + (running ? "True" : "False") +
                  " closed=" + (closed ? "True" : "False") + " debug=" + (lo->m_debug ? "True" : "False") + ">");
}
// shutdown_asyncgens / shutdown_default_executor: nothing to wait for here;
// return a finished future so `run_until_complete(loop.shutdown_asyncgens())` works.
Value l_done_future(VM& vm, Value* a, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = self_loop(a);
    if (!lo->m_loop) return vm.raise(vm.e_RuntimeError, "Event loop is closed");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    Value f = st.wrap(core);
    core->finish_result(Value::none());
    return f;
}

}  // namespace

// [SECTION] Module functions and installation

Value new_loop_object(VM& vm) {
    AsyncioState& st = asyncio_state(vm);
    auto* lo = vm.alloc<LoopObject>(st.t_loop, ObjKind::Cxx);
    Value lv = Value::steal(lo);
    lo->m_st = &st;
    std::unique_ptr<aio::Clock> clock;
    if (st.virtual_clock)
        clock = std::make_unique<aio::VirtualClock>(st.monotonic());
    else
        clock = std::make_unique<aio::RealClock>();
    lo->m_loop = std::make_unique<aio::EventLoop>(std::move(clock));
    if (st.observer) lo->m_loop->set_observer(st.observer);
    AsyncioState* sp = &st;
    aio::EventLoop* raw = lo->m_loop.get();
    lo->m_loop->set_exception_handler([sp, raw](aio::EventLoop&, const aio::ExceptionContext& ctx) {
        if (ctx.message == "Task was destroyed but it is pending!") return;
        VM& vm2 = sp->vm;
        VMScope scope(vm2);
        DictObject* d = vm2.new_dict();
        Value dv = Value::steal(d);
        vm2.dict_set_str(d, "message", vm2.str(ctx.message));
        if (ctx.exception) vm2.dict_set_str(d, "exception", sp->to_python(ctx.exception));
        sp->report_dict(sp->loop_of(raw), dv);
    });
    st.loops.push_back(lo);
    st.last_loop = lv;
    return lv;
}

namespace {

Value m_new_event_loop(VM& vm, Value*, int, TupleObject*, Value&) { return new_loop_object(vm); }

Value m_get_running_loop(VM& vm, Value*, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    if (st.running_loop.is_null()) return vm.raise(vm.e_RuntimeError, "no running event loop");
    return st.running_loop;
}

Value m__get_running_loop(VM& vm, Value*, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    return st.running_loop.is_null() ? Value::none() : st.running_loop;
}

}  // namespace

Value get_event_loop_value(VM& vm) {
    AsyncioState& st = asyncio_state(vm);
    if (!st.running_loop.is_null()) return st.running_loop;
    if (!st.set_loop.is_null() && !st.set_loop.is_none()) return st.set_loop;
    if (st.set_called) return vm.raise(vm.e_RuntimeError, "There is no current event loop in thread 'MainThread'.");
    // asyncio's policy: the main thread gets a new loop on first use.
    Value lv = new_loop_object(vm);
    st.set_loop = lv;
    return lv;
}

namespace {

Value m_get_event_loop(VM& vm, Value*, int, TupleObject*, Value&) { return get_event_loop_value(vm); }

Value m_set_event_loop(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    if (n != 1) return vm.raise(vm.e_TypeError, "set_event_loop() takes exactly one argument");
    if (!a[0].is_none() && !as_loop(st, a[0]))
        return vm.raisef(vm.e_TypeError, "loop must be an instance of AbstractEventLoop or None, not '%s'",
                         type_name(a[0]).c_str());
    st.set_loop = a[0];
    st.set_called = true;
    if (!a[0].is_none()) st.last_loop = a[0];
    return Value::none();
}

Value m_clear_event_loop(VM& vm, Value*, int, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    st.set_loop = Value::none();
    st.set_called = true;
    return Value::none();
}

Value m_loop_add(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "_Loop_add(name, function)");
    dict_set_str(vm, asyncio_state(vm).t_loop->m_dict, as_str(a[0]), a[1]);
    type_modified();
    return Value::none();
}

}  // namespace

// The loop type (_Loop), Handle, TimerHandle and the event-loop functions,
// added to _asyncio.
void init_loop_types(VM& vm, ModuleObject* m) {
    AsyncioState& st = asyncio_state(vm);
    // Loop and handles.
    st.t_loop = vm.new_builtin_type("_UnixSelectorEventLoop", vm.t_object, ObjKind::Cxx, nullptr, TF_BASETYPE,
                                    "asyncio.unix_events");
    struct {
        const char* n;
        NativeFn f;
    } lm[] = {
        {"call_soon", l_call_soon},
        {"call_later", l_call_later},
        {"call_at", l_call_at},
        {"time", l_time},
        {"create_task", l_create_task},
        {"create_future", l_create_future},
        {"run_forever", l_run_forever},
        {"run_until_complete", l_run_until_complete},
        {"stop", l_stop},
        {"close", l_close},
        {"is_running", l_is_running},
        {"is_closed", l_is_closed},
        {"set_exception_handler", l_set_exception_handler},
        {"get_exception_handler", l_get_exception_handler},
        {"call_exception_handler", l_call_exception_handler},
        {"default_exception_handler", l_default_exception_handler},
        {"get_debug", l_get_debug},
        {"set_debug", l_set_debug},
        {"__repr__", l_repr},
        {"shutdown_asyncgens", l_done_future},
        {"shutdown_default_executor", l_done_future},
    };
    for (auto& f : lm) vm.add_method(st.t_loop, f.n, f.f);
    module_add(vm, m, "_Loop", Value::steal(st.t_loop));
    st.t_handle = vm.new_builtin_type("Handle", vm.t_object, ObjKind::Cxx, nullptr, 0, "asyncio.events");
    st.t_timer_handle = vm.new_builtin_type("TimerHandle", st.t_handle, ObjKind::Cxx, nullptr, 0, "asyncio.events");
    vm.add_method(st.t_handle, "cancel", h_cancel);
    vm.add_method(st.t_handle, "cancelled", h_cancelled);
    vm.add_method(st.t_handle, "__repr__", h_repr);
    vm.add_method(st.t_handle, "get_loop", h_get_loop);
    vm.add_method(st.t_timer_handle, "when", h_when);
    module_add(vm, m, "Handle", Value::steal(st.t_handle));
    module_add(vm, m, "TimerHandle", Value::steal(st.t_timer_handle));
    struct {
        const char* n;
        NativeFn f;
    } mf[] = {
        {"new_event_loop", m_new_event_loop},
        {"get_running_loop", m_get_running_loop},
        {"_get_running_loop", m__get_running_loop},
        {"get_event_loop", m_get_event_loop},
        {"set_event_loop", m_set_event_loop},
        {"_clear_event_loop", m_clear_event_loop},
        {"_Loop_add", m_loop_add},
    };
    for (auto& f : mf) module_add_fn(vm, m, f.n, f.f);
}

}  // namespace aio::script
