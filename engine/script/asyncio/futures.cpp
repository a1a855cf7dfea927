// futures.cpp — asyncio.Future for scripts: ScriptFuture (the engine side, an
// aio::detail::FutureCore holding Python values), the Future object's methods,
// done callbacks, and the timer future asyncio.sleep awaits.
//
// Mirrors CPython's Lib/asyncio/futures.py where behaviour is visible to programs.
#include <algorithm>

#include "asyncio/asyncio.hpp"
#include "modules/modules.hpp"

namespace aio::script {

using aio::detail::FutureCore;
template <class T>
using DRef = aio::detail::Ref<T>;

// [SECTION] ScriptFuture and ScriptTask

ScriptFuture::ScriptFuture(aio::EventLoop& loop, AsyncioState* st) : FutureCore(loop) {
    m_st = st;
    st->link(this);
}

ScriptFuture::~ScriptFuture() {
    if (m_timer) m_timer.cancel();  // a sleep's timer never outlives its future
    if (m_st) m_st->unlink(this);
}

void ScriptFuture::clear_values() {
    ScriptCoreBase::clear_values();
    m_sleep_result = Value();
    if (m_timer) {
        m_timer.cancel();
        m_timer = aio::TimerHandle();
    }
    m_exception = nullptr;
}

bool ScriptFuture::cancel(const std::string& msg) {
    if (done()) return false;
    if (m_timer) {  // a sleep's future: its timer goes too
        m_timer.cancel();
        m_timer = aio::TimerHandle();
    }
    if (!msg.empty()) {
        m_cancel_msg = msg;
        m_has_cancel_msg = true;
    }
    return FutureCore::cancel(msg);
}

void ScriptFuture::finish_result(Value v) {
    m_result = std::move(v);
    set_finished();
}

void ScriptFuture::finish_exception(Value exc) {
    m_exc = exc;
    set_exception(m_st->to_engine(exc));
    // The Python object reports "never retrieved" when it dies, not the engine.
    m_log_tb = true;
    m_log_traceback = false;
}

std::string describe_callbacks(const ScriptCoreBase* sc) {
    if (sc->m_cbs.empty()) return "";
    // asyncio's _format_callbacks: one, two, or first + count + last.
    std::vector<std::string> d;
    for (auto& [node, fn] : sc->m_cbs)
        d.push_back(fn.is_null() ? std::string("Task.task_wakeup()")
                    : is_str(fn) ? as_str(fn)->str()
                                 : callback_desc(sc->m_st->vm, fn));
    std::string inner;
    if (d.size() == 1)
        inner = d[0];
    else if (d.size() == 2)
        inner = d[0] + ", " + d[1];
    else
        inner = d[0] + ", <" + std::to_string(d.size() - 2) + " more>, " + d.back();
    return " cb=[" + inner + "]";
}

// " exception=<repr>" or " result=<repr>": what a finished future or task
// shows in its repr.
void append_outcome(VM& vm, const ScriptCoreBase& c, std::string& s) {
    std::string r;
    if (!c.m_exc.is_null()) {
        s += " exception=";
        if (!vm.repr_into(c.m_exc, r)) vm.clear_exc();
    } else {
        s += " result=";
        if (!vm.repr_into(c.m_result, r)) vm.clear_exc();
    }
    s += r;
}

std::string ScriptFuture::repr() const {
    if (!m_st) return "<Future>";
    VM& vm = m_st->vm;
    std::string s = "<Future ";
    switch (state()) {
    case State::pending:
        s += "pending";
        break;
    case State::cancelled:
        s += "cancelled";
        break;
    case State::finished:
        s += "finished";
        break;
    }
    if (state() == State::finished) {
        append_outcome(vm, *this, s);
    }
    if (state() == State::pending) s += describe_callbacks(this);
    return s + ">";
}

ScriptTask::ScriptTask(aio::EventLoop& loop, AsyncioState* st, Value coro, std::string name, uint64_t number)
    : TaskCore(loop, name), m_number(number), m_coro(std::move(coro)) {
    if (name.empty() && !number) set_name(std::string());  // an explicit empty name stays empty
    m_st = st;
    st->link(this);
    if (is_kind(m_coro, ObjKind::Generator)) {
        auto* g = m_coro.as<GenObject>();
        if (g->m_frame) {
            m_def_file = g->m_frame->m_code->m_filename;
            m_def_line = g->m_frame->m_code->m_firstline;
        }
    }
}

// [SECTION] Future / Task objects

FutureObject::~FutureObject() {
    if (m_script && m_script->m_wrapper == this) m_script->m_wrapper = nullptr;
}

void FutureObject::clear_refs() {
    if (m_script && m_script->m_wrapper == this) m_script->m_wrapper = nullptr;
    m_script = nullptr;
    m_core = DRef<FutureCore>();
}

// asyncio: Future.__del__ / Task.__del__ reporting an unretrieved exception.
void FutureObject::finalize(VM& vm) {
    if (!m_script || !m_core || !m_script->m_log_tb || !m_core->done() || m_core->cancelled()) return;
    m_script->m_log_tb = false;
    AsyncioState& st = asyncio_state(vm);
    DictObject* d = vm.new_dict();
    Value dv = Value::steal(d);
    vm.dict_set_str(d, "message",
                    vm.str(is_task() ? "Task exception was never retrieved" : "Future exception was never retrieved"));
    vm.dict_set_str(d, "exception", m_script->m_exc);
    vm.dict_set_str(d, "future", Value::object(this));
    st.report_dict(st.loop_of(&m_core->get_loop()), dv);
}

Value cancelled_error_for(AsyncioState& st, ScriptCoreBase* sc) {
    Value e = make_cancelled(st, sc->m_has_cancel_msg, sc->m_cancel_msg);
    if (!sc->m_cancelled_exc.is_null()) as_exc(e)->m_context = sc->m_cancelled_exc;
    return e;
}

// Future.result(): the value, or raises the stored exception.
SendStatus future_result(AsyncioState& st, FutureObject* f, Value& out) {
    VM& vm = st.vm;
    FutureCore* c = f->m_core.get();
    ScriptCoreBase* sc = f->m_script;
    if (c->state() == FutureCore::State::pending) {
        vm.set_exc(vm.new_exception(st.e_InvalidStateError, vm.tuple({vm.str("Result is not set.")})));
        return SendStatus::Error;
    }
    if (c->cancelled()) {
        vm.set_exc(cancelled_error_for(st, sc));
        return SendStatus::Error;
    }
    sc->m_log_tb = false;
    c->mark_retrieved();
    if (!sc->m_exc.is_null()) {
        vm.set_exc(sc->m_exc);
        return SendStatus::Error;
    }
    out = sc->m_result;
    return SendStatus::Return;
}

SendStatus FutureObject::send(VM& vm, Value, Value& out) {
    if (!m_core) {
        vm.raise(vm.e_RuntimeError, "Future object is not initialized.");
        return SendStatus::Error;
    }
    if (!m_core->done()) {
        m_blocking = true;
        out = Value::object(this);
        return SendStatus::Yield;
    }
    return future_result(asyncio_state(vm), this, out);
}

bool uninitialized(VM& vm, Value* a) {
    if (self_fut(a)->m_core) return false;
    vm.raise(vm.e_RuntimeError, "Future object is not initialized.");
    return true;
}
LoopObject* as_loop(AsyncioState& st, const Value& v) {
    if (!is_kind(v, ObjKind::Cxx) || !VM::is_subtype(st.vm.type_of(v), st.t_loop)) return nullptr;
    return static_cast<LoopObject*>(v.as<CxxObject>());
}

namespace {

Value f_result(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    Value out;
    if (future_result(asyncio_state(vm), self_fut(a), out) == SendStatus::Error) return Value();
    return out;
}

Value f_exception(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    AsyncioState& st = asyncio_state(vm);
    FutureObject* f = self_fut(a);
    FutureCore* c = f->m_core.get();
    if (c->state() == FutureCore::State::pending)
        return vm.raise_value(vm.new_exception(st.e_InvalidStateError, vm.tuple({vm.str("Exception is not set.")})));
    if (c->cancelled()) return vm.raise_value(cancelled_error_for(st, f->m_script));
    f->m_script->m_log_tb = false;
    c->mark_retrieved();
    return f->m_script->m_exc.is_null() ? Value::none() : f->m_script->m_exc;
}

Value f_done(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    return Value::boolean(self_fut(a)->m_core->done());
}
Value f_cancelled(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    return Value::boolean(self_fut(a)->m_core->cancelled());
}

Value f_cancel(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (uninitialized(vm, a)) return Value();
    Value args[1];
    if (!parse_args(vm, "cancel", a + 1, n - 1, kw, {"msg"}, 0, args)) return Value();
    FutureObject* f = self_fut(a);
    std::string msg;
    bool has = !args[0].is_null() && !args[0].is_none();
    if (has && !vm.str_into(args[0], msg)) return Value();
    f->m_script->m_log_tb = false;
    if (f->m_core->done()) return Value::boolean(false);
    if (has) {
        f->m_script->m_has_cancel_msg = true;
        f->m_script->m_cancel_msg = msg;
    }
    bool r;
    try {
        r = f->m_core->cancel(msg);
    } catch (const std::exception& e) {
        return vm.raise(vm.e_RuntimeError, e.what());
    }
    return Value::boolean(r);
}

Value f_set_result(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    AsyncioState& st = asyncio_state(vm);
    FutureObject* f = self_fut(a);
    if (f->is_task()) return vm.raise(vm.e_RuntimeError, "Task does not support set_result operation");
    if (n != 2) return vm.raise(vm.e_TypeError, "set_result() takes exactly one argument");
    if (f->m_core->done())
        return vm.raise_value(vm.new_exception(st.e_InvalidStateError, vm.tuple({vm.str("invalid state")})));
    static_cast<ScriptFuture*>(f->m_core.get())->finish_result(a[1]);
    return Value::none();
}

Value f_set_exception(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    AsyncioState& st = asyncio_state(vm);
    FutureObject* f = self_fut(a);
    if (f->is_task()) return vm.raise(vm.e_RuntimeError, "Task does not support set_exception operation");
    if (n != 2) return vm.raise(vm.e_TypeError, "set_exception() takes exactly one argument");
    if (f->m_core->done())
        return vm.raise_value(vm.new_exception(st.e_InvalidStateError, vm.tuple({vm.str("invalid state")})));
    Value exc = a[1];
    if (is_kind(exc, ObjKind::Type) && (exc.as<TypeObject>()->m_tflags & TF_EXCEPTION)) {
        exc = vm.call(exc, nullptr, 0);
        if (exc.is_null()) return Value();
    }
    if (!vm.isinstance(exc, vm.e_BaseException))
        return vm.raisef(vm.e_TypeError, "invalid exception object %s", type_name(exc).c_str());
    if (vm.isinstance(exc, vm.e_StopIteration))
        return vm.raise(vm.e_TypeError,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    static_cast<ScriptFuture*>(f->m_core.get())->finish_exception(exc);
    return Value::none();
}

// A Python done callback: scheduled with call_soon when the future completes.
struct DoneCallback final : aio::detail::CallbackNode, aio::detail::Pooled {
    AsyncioState* st;
    Value fn;
    Value fut;      // the Python future, passed to fn
    Value context;  // contextvars.Context fn runs in, or Null
    ScriptCoreBase* owner;
    void on_done(FutureCore& future) override {
        auto& cbs = owner->m_cbs;
        cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [this](auto& p) { return p.first == this; }), cbs.end());
        AsyncioState* s = st;
        std::vector<Value> args{std::move(fut)};
        Value f = std::move(fn), ctx = std::move(context);
        std::string name;
        if (future.get_loop().observer()) {
            name = "done callback";
            if (is_kind(f, ObjKind::Function)) name = as_str(f.as<FunctionObject>()->m_qualname)->str();
        }
        try {
            future.get_loop().call_soon([s, f, args, ctx]() { invoke_callback(*s, f, args, ctx); }, name);
        } catch (...) {}
        delete this;
    }
    void on_future_destroyed() noexcept override { delete this; }
};

}  // namespace

std::string callback_desc(VM& vm, const Value& fn) {
    if (is_kind(fn, ObjKind::Function)) {
        auto* f = fn.as<FunctionObject>();
        return as_str(f->m_qualname)->str() + "() at " + as_str(f->m_code->m_filename)->str() + ":" +
               std::to_string(f->m_code->m_firstline);
    }
    if (is_kind(fn, ObjKind::BoundMethod)) {
        auto* m = fn.as<BoundMethodObject>();
        if (is_kind(m->m_func, ObjKind::Function)) return callback_desc(vm, m->m_func);
    }
    std::string r;
    if (!vm.repr_into(fn, r)) vm.clear_exc();
    return r + "()";
}

namespace {

Value f_add_done_callback(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (uninitialized(vm, a)) return Value();
    Value args[2];
    if (!parse_args(vm, "add_done_callback", a + 1, n - 1, kw, {"fn", "context"}, 1, args, 1)) return Value();
    FutureObject* f = self_fut(a);
    Value ctx = capture_context(vm, args[1]);
    if (ctx.is_null() && vm.has_exc()) return Value();
    auto* node = new DoneCallback();
    node->st = &asyncio_state(vm);
    node->fn = args[0];
    node->context = std::move(ctx);
    node->fut = a[0];
    node->owner = f->m_script;
    if (!f->m_core->done()) f->m_script->m_cbs.push_back({node, args[0]});
    f->m_core->add_callback(*node);
    return Value::none();
}

Value f_remove_done_callback(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    if (n != 2) return vm.raise(vm.e_TypeError, "remove_done_callback() takes exactly one argument");
    FutureObject* f = self_fut(a);
    auto& cbs = f->m_script->m_cbs;
    int removed = 0;
    for (size_t i = 0; i < cbs.size();) {
        if (cbs[i].second.is_null() || is_str(cbs[i].second)) {  // a task waiting, gather's own callback
            ++i;
            continue;
        }
        auto* node = static_cast<DoneCallback*>(cbs[i].first);
        int e = vm.eq(node->fn, a[1]);
        if (e < 0) return Value();
        if (e) {
            cbs.erase(cbs.begin() + static_cast<std::ptrdiff_t>(i));
            node->unlink();
            delete node;
            ++removed;
        } else {
            ++i;
        }
    }
    return Value::integer(removed);
}

Value f_get_loop(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    LoopObject* lo = asyncio_state(vm).loop_of(&self_fut(a)->m_core->get_loop());
    return lo ? Value::object(lo) : Value::none();
}

Value f_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    return vm.str(self_fut(a)->m_core->repr());
}
Value f_blocking(VM&, Value* a, int, TupleObject*, Value&) { return Value::boolean(self_fut(a)->m_blocking); }
Value f_set_blocking(VM& vm, Value* a, int, TupleObject*, Value&) {
    int t = vm.truthy(a[1]);
    if (t < 0) return Value();
    self_fut(a)->m_blocking = t;
    return Value::none();
}
Value f_state(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    switch (self_fut(a)->m_core->state()) {
    case FutureCore::State::pending:
        return vm.str("PENDING");
    case FutureCore::State::cancelled:
        return vm.str("CANCELLED");
    default:
        return vm.str("FINISHED");
    }
}
Value f_self(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }

// Future(): subclasses get an empty object that their __init__ (through
// Future.__init__) fills; Future itself is built here.
Value future_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    if (t != asyncio_state(vm).t_future) return Value::steal(new_native_iter<FutureObject>(vm, t));
    Value a[1];
    if (!parse_args(vm, "Future", args, nargs, kw, {"loop"}, 0, a, 0)) return Value();
    AsyncioState& st = asyncio_state(vm);
    Value lv = (!a[0].is_null() && !a[0].is_none()) ? a[0] : get_event_loop_value(vm);
    if (lv.is_null()) return lv;
    LoopObject* lo = as_loop(st, lv);
    if (!lo || !lo->m_loop) return vm.raise(vm.e_TypeError, "loop must be an event loop");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    auto* f = new_native_iter<FutureObject>(vm, t);
    f->m_core = DRef<FutureCore>(core);
    f->m_script = core;
    core->m_wrapper = f;
    return Value::steal(f);
}

Value f_init(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    FutureObject* f = self_fut(a);
    if (f->m_core) return Value::none();
    AsyncioState& st = asyncio_state(vm);
    Value args[1];
    if (!parse_args(vm, "Future", a + 1, n - 1, kw, {"loop"}, 0, args, 0)) return Value();
    Value lv = (!args[0].is_null() && !args[0].is_none()) ? args[0] : get_event_loop_value(vm);
    if (lv.is_null()) return lv;
    LoopObject* lo = as_loop(st, lv);
    if (!lo || !lo->m_loop) return vm.raise(vm.e_TypeError, "loop must be an event loop");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    f->m_core = DRef<FutureCore>(core);
    f->m_script = core;
    core->m_wrapper = f;
    return Value::none();
}
Value f_make_cancelled_error(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    return cancelled_error_for(asyncio_state(vm), self_fut(a)->m_script);
}
Value f_cancel_message(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    ScriptCoreBase* sc = self_fut(a)->m_script;
    return sc->m_has_cancel_msg ? vm.str(sc->m_cancel_msg) : Value::none();
}

}  // namespace

// The future asyncio.sleep awaits, completed by an engine timer (asyncio:
// call_later(delay, _set_result_unless_cancelled, future, result));
// cancelling the future cancels the timer (sleep's `finally: h.cancel()`).
Value sleep_future(AsyncioState& st, double delay, Value result) {
    VM& vm = st.vm;
    LoopObject* lo = st.running();
    if (!lo) return vm.raise(vm.e_RuntimeError, "no running event loop");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    Value fut = st.wrap(core);
    core->m_sleep_result = std::move(result);
    try {
        lo->m_loop->check_open("call_later");
        // The engine's internal timer form (fn/ctx, no std::function): the
        // future cancels the timer before it can outlive it.
        DRef<aio::detail::HandleState> h(new aio::detail::HandleState);
        h->loop = lo->m_loop.get();
        h->fn = &ScriptFuture::sleep_fired;
        h->ctx = core;
        if (lo->m_loop->observer()) h->name = "sleep";
        core->m_timer = aio::TimerHandle(lo->m_loop->schedule_timer(lo->m_loop->time() + delay, std::move(h)));
    } catch (const std::exception& e) {
        return vm.raise(vm.e_RuntimeError, e.what());
    }
    return fut;
}

// asyncio: futures._set_result_unless_cancelled(future, result)
void ScriptFuture::sleep_fired(void* ctx) {
    auto* f = static_cast<ScriptFuture*>(ctx);
    f->m_timer = aio::TimerHandle();
    Value r = std::move(f->m_sleep_result);
    f->m_sleep_result = Value();
    if (!f->done()) f->finish_result(std::move(r));
}

namespace {

Value m_isfuture(VM& vm, Value* a, int n, TupleObject*, Value&) {
    return Value::boolean(n == 1 && is_future_object(asyncio_state(vm), a[0]));
}

}  // namespace

// CancelledError, InvalidStateError and Future, added to _asyncio.
void init_future_types(VM& vm, ModuleObject* m) {
    AsyncioState& st = asyncio_state(vm);
    // Exceptions (asyncio.exceptions).
    st.e_CancelledError = vm.new_builtin_type("CancelledError", vm.e_BaseException, ObjKind::Exception, nullptr,
                                              TF_BASETYPE | TF_EXCEPTION, "asyncio.exceptions");
    st.e_InvalidStateError = vm.new_builtin_type("InvalidStateError", vm.e_Exception, ObjKind::Exception, nullptr,
                                                 TF_BASETYPE | TF_EXCEPTION, "asyncio.exceptions");
    module_add(vm, m, "CancelledError", Value::steal(st.e_CancelledError));
    module_add(vm, m, "InvalidStateError", Value::steal(st.e_InvalidStateError));
    st.t_future = vm.new_builtin_type("Future", vm.t_object, ObjKind::Cxx, future_new, TF_BASETYPE, "_asyncio");
    struct {
        const char* n;
        NativeFn f;
    } fm[] = {
        {"result", f_result},
        {"exception", f_exception},
        {"done", f_done},
        {"cancelled", f_cancelled},
        {"cancel", f_cancel},
        {"set_result", f_set_result},
        {"set_exception", f_set_exception},
        {"add_done_callback", f_add_done_callback},
        {"remove_done_callback", f_remove_done_callback},
        {"get_loop", f_get_loop},
        {"__repr__", f_repr},
        {"__await__", f_self},
        {"__iter__", f_self},
        {"__init__", f_init},
        {"_make_cancelled_error", f_make_cancelled_error},
    };
    for (auto& f : fm) vm.add_method(st.t_future, f.n, f.f);
    vm.add_property(st.t_future, "_asyncio_future_blocking", f_blocking, f_set_blocking);
    vm.add_property(st.t_future, "_state", f_state);
    vm.add_property(st.t_future, "_cancel_message", f_cancel_message);
    st.t_future->m_tflags |= TF_NEW_INITS;
    module_add(vm, m, "Future", Value::steal(st.t_future));
    struct {
        const char* n;
        NativeFn f;
    } mf[] = {
        {"isfuture", m_isfuture},
    };
    for (auto& f : mf) module_add_fn(vm, m, f.n, f.f);
}

}  // namespace aio::script
