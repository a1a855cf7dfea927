// asyncio_core.cpp — the `_asyncio` module: Future, Task and the event loop
// for scripts, bound to the C++ engine.
//
// Contents
//   [SECTION] State: live cores, exception conversion, reporting, clocks
//   [SECTION] ScriptFuture and ScriptTask (the engine side)
//   [SECTION] Future / Task objects (the Python side)
//   [SECTION] Loop objects and handles
//   [SECTION] Module functions and installation
//
// Mirrors CPython's Lib/asyncio/futures.py, tasks.py (Task.__step) and
// base_events.py where behaviour is visible to programs.

#include <unordered_map>
#include "asyncio/asyncio_core.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

#include "aio/exceptions.hpp"

namespace aio::script {

using aio::detail::FutureCore;
template <class T>
using DRef = aio::detail::Ref<T>;

void invoke_callback(AsyncioState& st, const Value& fn, const std::vector<Value>& args);
void held_callback_entry(void* ctx, bool run);

// loop.stop(): the engine's stop for loops in run_forever; a flag the host
// driver reads (after the current iteration) for host-driven loops.
void request_stop(AsyncioState& st, aio::EventLoop* loop) {
    if (!st.host_loop.is_null()) {
        auto* lo = static_cast<LoopObject*>(st.host_loop.as<CxxObject>());
        if (lo->m_loop.get() == loop) {
            st.host_stop = true;
            return;
        }
    }
    loop->stop();
}
std::string call_desc(VM& vm, const Value& fn, const std::vector<Value>& args, const std::string& suffix);
namespace {
std::string callback_desc(VM& vm, const Value& fn);
}

// [SECTION] State

AsyncioState& asyncio_state(VM& vm) { return *static_cast<AsyncioState*>(vm.m_asyncio); }

AsyncioState::AsyncioState(VM& v) : vm(v) {
    using namespace std::chrono;
    wall_base = duration<double>(system_clock::now().time_since_epoch()).count();
}

AsyncioState::~AsyncioState() = default;

double AsyncioState::monotonic() {
    if (!last_loop.is_null()) {
        auto* lo = static_cast<LoopObject*>(last_loop.as<CxxObject>());
        if (lo->m_loop) return lo->m_loop->time();
    }
    if (virtual_clock) return idle_clock;
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double AsyncioState::wall() {
    if (virtual_clock) return wall_base + monotonic();
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

bool AsyncioState::is_virtual() {
    if (!last_loop.is_null()) {
        auto* lo = static_cast<LoopObject*>(last_loop.as<CxxObject>());
        if (lo->m_loop) return lo->m_loop->clock().is_virtual();
    }
    return virtual_clock;
}

void AsyncioState::sleep(double s) {
    if (virtual_clock) {
        // time.sleep blocks the loop: on the virtual clock, time simply moves.
        if (!last_loop.is_null()) {
            auto* lo = static_cast<LoopObject*>(last_loop.as<CxxObject>());
            if (lo->m_loop) {
                lo->m_loop->clock().set_now(lo->m_loop->time() + s);
                return;
            }
        }
        idle_clock += s;
        return;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

void AsyncioState::link(ScriptCoreBase* c) {
    c->m_next = cores;
    c->m_prev = nullptr;
    if (cores) cores->m_prev = c;
    cores = c;
}

void AsyncioState::unlink(ScriptCoreBase* c) {
    if (c->m_prev)
        c->m_prev->m_next = c->m_next;
    else if (cores == c)
        cores = c->m_next;
    if (c->m_next) c->m_next->m_prev = c->m_prev;
    c->m_prev = c->m_next = nullptr;
}

static Value make_cancelled(AsyncioState& st, bool has_msg, const std::string& msg) {
    VM& vm = st.vm;
    return vm.new_exception(st.e_CancelledError, has_msg ? vm.tuple({vm.str(msg)}) : vm.m_empty_tuple);
}

Value AsyncioState::to_python(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const ScriptError& s) {
        return s.exc;
    } catch (const aio::CancelledError& c) {
        return make_cancelled(*this, !c.message().empty(), c.message());
    } catch (const aio::InvalidStateError& x) {
        return vm.new_exception(e_InvalidStateError, vm.tuple({vm.str(x.what())}));
    } catch (const aio::TimeoutError&) {
        return vm.new_exception(vm.e_TimeoutError, vm.m_empty_tuple);
    } catch (const aio::ValueError& x) {
        return vm.new_exception(vm.e_ValueError, vm.tuple({vm.str(x.what())}));
    } catch (const std::exception& x) {
        return vm.new_exception(vm.e_RuntimeError, vm.tuple({vm.str(x.what())}));
    } catch (...) {
        return vm.new_exception(vm.e_RuntimeError, vm.tuple({vm.str("unknown C++ exception")}));
    }
}

std::exception_ptr AsyncioState::to_engine(const Value& exc) {
    if (vm.isinstance(exc, e_CancelledError)) {
        auto* args = as_exc(exc)->m_args.as<TupleObject>();
        std::string msg;
        if (args->m_size && is_str(args->items()[0])) msg = as_str(args->items()[0])->str();
        return std::make_exception_ptr(aio::CancelledError(msg));
    }
    ScriptError err;
    err.exc = exc;
    if (!vm.repr_into(exc, err.desc)) vm.clear_exc();
    return std::make_exception_ptr(std::move(err));
}

static ScriptCoreBase* script_of(FutureCore* core) {
    if (core->is_task()) return static_cast<ScriptTask*>(core);
    return static_cast<ScriptFuture*>(core);
}

Value AsyncioState::wrap(FutureCore* core) {
    ScriptCoreBase* sc = script_of(core);
    if (sc->m_wrapper) return Value::object(sc->m_wrapper);
    auto* f = new_native_iter<FutureObject>(vm, core->is_task() ? t_task : t_future);
    f->m_core = DRef<FutureCore>(core);
    f->m_script = sc;
    sc->m_wrapper = f;
    return Value::steal(f);
}

LoopObject* AsyncioState::loop_of(aio::EventLoop* loop) {
    for (LoopObject* lo : loops)
        if (lo->m_loop.get() == loop) return lo;
    return nullptr;
}

LoopObject* AsyncioState::running() {
    return running_loop.is_null() ? nullptr : static_cast<LoopObject*>(running_loop.as<CxxObject>());
}

// asyncio's default exception handler: what `logging` prints for it.
static void print_context(AsyncioState& st, const std::string& message, const Value& exc,
                          std::vector<std::pair<std::string, Value>> extra) {
    VM& vm = st.vm;
    std::string out = (message.empty() ? std::string("Unhandled exception in event loop") : message) + "\n";
    std::sort(extra.begin(), extra.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [k, v] : extra) {
        std::string r;
        if (!vm.repr_into(v, r)) {
            vm.clear_exc();
            r = "<repr failed>";
        }
        out += k + ": " + r + "\n";
    }
    if (!exc.is_null() && !exc.is_none()) out += vm.format_exception(exc);
    if (!vm.write(2, out)) vm.clear_exc();
}

void AsyncioState::report_dict(LoopObject* lo, const Value& context) {
    Value saved = vm.take_exc();
    if (lo && !lo->m_handler.is_null() && !lo->m_handler.is_none()) {
        Value r = vm.call(lo->m_handler, {Value::object(lo), context});
        if (r.is_null()) {
            Value err = vm.take_exc();
            if (vm.isinstance(err, vm.e_SystemExit) || vm.isinstance(err, vm.e_KeyboardInterrupt)) {
                fatal = err;
            } else {
                print_context(*this, "Unhandled error in exception handler", err, {{"context", context}});
            }
        }
        vm.set_exc(std::move(saved));
        return;
    }
    auto* d = context.as<DictObject>();
    Value* msg = dict_get_str(d, vm.intern("message"));
    Value* exc = dict_get_str(d, vm.intern("exception"));
    std::vector<std::pair<std::string, Value>> extra;
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(d, pos, k, v)) {
        if (!is_str(*k)) continue;
        std::string key = as_str(*k)->str();
        if (key == "message" || key == "exception") continue;
        extra.push_back({key, *v});
    }
    std::string m;
    if (msg && !vm.str_into(*msg, m)) vm.clear_exc();
    print_context(*this, m, exc ? *exc : Value(), extra);
    vm.set_exc(std::move(saved));
}

// Runs before the VM is torn down: closes loops (reporting pending tasks),
// then cuts every tie between engine objects and script values.
void AsyncioState::shutdown() {
    std::vector<LoopObject*> ls = loops;
    for (LoopObject* lo : ls) {
        if (!lo->m_loop) continue;
        incref(lo);
        Value keep = Value::steal(lo);
        if (!lo->m_loop->is_closed() && !lo->m_loop->is_running()) {
            Value r = vm.call_method(keep, "close", {});
            if (r.is_null()) vm.clear_exc();
        }
    }
    running_loop = set_loop = last_loop = fatal = Value();
    // Clearing values can free other cores: restart the walk after each one.
    for (;;) {
        ScriptCoreBase* c = cores;
        while (c && c->m_cleared) c = c->m_next;
        if (!c) break;
        c->m_cleared = true;
        FutureCore& fc = c->core();
        fc.add_ref();
        c->clear_values();
        fc.release();
    }
    for (LoopObject* lo : loops) {
        lo->m_loop.reset();
        lo->m_st = nullptr;
    }
    loops.clear();
    // Cores still alive (held by objects the VM frees later) forget the state.
    while (ScriptCoreBase* c = cores) {
        unlink(c);
        c->m_st = nullptr;
    }
}

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

static std::string describe_callbacks(const ScriptCoreBase* sc) {
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
static void append_outcome(VM& vm, const ScriptCoreBase& c, std::string& s) {
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

ScriptTask::~ScriptTask() {
    if (m_st) m_st->unlink(this);
}

void ScriptTask::clear_values() {
    ScriptCoreBase::clear_values();
    m_coro = m_coro_done = m_def_file = Value();
    m_exception = nullptr;
    m_injected = nullptr;
    m_waiting = DRef<FutureCore>();
}

bool ScriptTask::cancel(const std::string& msg) {
    m_log_tb = false;
    if (done()) return false;
    if (!msg.empty()) {
        m_cancel_msg = msg;
        m_has_cancel_msg = true;
    }
    return TaskCore::cancel(msg);
}

void ScriptTask::release_frame() noexcept {
    // The task finished or its loop closed: the coroutine frame goes, and the
    // task stops keeping its Python object alive (which may now die and
    // report an exception nobody retrieved).
    m_waiting = DRef<FutureCore>();
    if (!m_coro.is_null()) m_coro_done = std::move(m_coro);
    if (m_wrapper && m_st && !m_st->vm.m_tearing_down) {
        FutureObject* w = m_wrapper;
        decref(w);  // the reference taken when the task was created
    }
}

std::string ScriptTask::repr() const {
    if (!m_st) return "<Task>";
    VM& vm = m_st->vm;
    std::string s = "<Task ";
    switch (state()) {
    case State::pending:
        s += cancelling() ? "cancelling" : "pending";
        break;
    case State::cancelled:
        s += "cancelled";
        break;
    case State::finished:
        s += "finished";
        break;
    }
    s += " name='" + const_cast<ScriptTask*>(this)->name() + "'";
    const Value& c = m_coro.is_null() ? m_coro_done : m_coro;
    if (is_kind(c, ObjKind::Generator)) {
        auto* g = c.as<GenObject>();
        std::string where;
        std::string file = is_str(m_def_file) ? as_str(m_def_file)->str() : "?";
        if (g->m_frame && g->m_state != GenState::Closed) {
            uint32_t pc = g->m_frame->pc();
            int line =
                g->m_state == GenState::Created ? m_def_line : g->m_frame->m_code->loc_at(pc > 0 ? pc - 1 : 0).line;
            where = "running at " + file + ":" + std::to_string(line);
        } else {
            where = "done, defined at " + file + ":" + std::to_string(m_def_line);
        }
        s += " coro=<" + as_str(g->m_qualname)->str() + "() " + where + ">";
    }
    if (state() == State::finished) {
        append_outcome(vm, *this, s);
    } else if (state() == State::pending) {
        if (m_waiting) s += " wait_for=" + m_waiting->repr();
        s += describe_callbacks(this);
    }
    return s + ">";
}

bool is_future_object(AsyncioState& st, const Value& v) {
    if (!is_kind(v, ObjKind::Cxx)) return false;
    TypeObject* t = st.vm.type_of(v);
    return t == st.t_future || t == st.t_task || VM::is_subtype(t, st.t_future);
}

void ScriptTask::on_yield(Value out) {
    AsyncioState& st = *m_st;
    VM& vm = st.vm;
    auto fail = [&](const std::string& msg) {
        throw_in_next_step(st.to_engine(vm.new_exception(vm.e_RuntimeError, vm.tuple({vm.str(msg)}))));
    };
    if (is_future_object(st, out)) {
        auto* fo = static_cast<FutureObject*>(out.as<CxxObject>());
        FutureCore* fut = fo->m_core.get();
        if (!fut) return fail("Task got bad yield: uninitialized future");
        if (!fo->m_blocking)
            return fail("yield was used instead of yield from in task " + repr() + " with " + fut->repr());
        if (&fut->get_loop() != &get_loop())
            return fail("Task " + repr() + " got Future " + fut->repr() + " attached to a different loop");
        if (fut == this) return fail("Task cannot await on itself: " + repr());
        fo->m_blocking = false;
        m_waiting = DRef<FutureCore>(fut);
        ScriptCoreBase* sc = script_of(fut);
        if (!fut->done()) sc->m_cbs.push_back({this, Value()});  // Task.task_wakeup()
        wait_on(*fut, m_wake, fut->is_task() ? "task" : "future");
        return;
    }
    if (out.is_none()) {
        yield_now();  // a bare yield: sleep(0)
        return;
    }
    std::string r;
    if (!vm.repr_into(out, r)) vm.clear_exc();
    if (is_kind(out, ObjKind::Generator))
        return fail("yield was used instead of yield from for generator in task " + repr() + " with " + r);
    fail("Task got bad yield: " + r);
}

// asyncio: Task.__step. Runs the coroutine until it awaits a pending
// future (wait_on), yields bare (yield_now), or finishes.
void ScriptTask::run_step() {
    AsyncioState& st = *m_st;
    VM& vm = st.vm;
    VMScope scope(vm);
    if (m_waiting) {
        // Woken: the future no longer lists this task among its callbacks.
        ScriptCoreBase* sc = script_of(m_waiting.get());
        auto& cbs = sc->m_cbs;
        cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [this](auto& p) { return p.first == this; }), cbs.end());
        m_waiting = DRef<FutureCore>();
    }
    if (!is_kind(m_coro, ObjKind::Generator)) {
        finish_exception(std::make_exception_ptr(aio::RuntimeError("task has no coroutine")));
        return;
    }
    Value keep = m_wrapper ? Value::object(m_wrapper) : Value();
    Value coro = m_coro;
    auto* g = coro.as<GenObject>();
    Value out;
    SendStatus s;
    {
        // Only the coroutine's own code may pause; callbacks and finalizers the
        // step triggers afterwards run whole.
        VM::PausableScope pausable(vm);
        if (m_paused) {
            m_paused = false;
            Value result;
            RunStatus rs = vm.continue_paused(result);
            s = rs == RunStatus::Returned  ? SendStatus::Return
                : rs == RunStatus::Yielded ? SendStatus::Yield
                : rs == RunStatus::Paused  ? SendStatus::Paused
                                           : SendStatus::Error;
            out = std::move(result);
        } else if (m_injected) {
            std::exception_ptr inj = std::exchange(m_injected, nullptr);
            Value exc = st.to_python(inj);
            if (vm.isinstance(exc, st.e_CancelledError)) exc = make_cancelled(st, m_has_cancel_msg, m_cancel_msg);
            s = gen_throw(vm, g, exc, out, false);
        } else {
            s = vm.gen_send(g, Value::none(), Value(), out);
        }
    }
    switch (s) {
    case SendStatus::Yield:
        on_yield(std::move(out));
        break;
    case SendStatus::Return:
        m_result = std::move(out);
        finish_result();
        break;
    case SendStatus::Error: {
        Value exc = vm.take_exc();
        if (vm.isinstance(exc, st.e_CancelledError)) {
            m_cancelled_exc = exc;
            auto* args = as_exc(exc)->m_args.as<TupleObject>();
            if (args->m_size && is_str(args->items()[0])) {
                m_cancel_msg = as_str(args->items()[0])->str();
                m_has_cancel_msg = true;
            }
            finish_exception(st.to_engine(exc));
        } else {
            if (vm.isinstance(exc, vm.e_SystemExit) || vm.isinstance(exc, vm.e_KeyboardInterrupt)) {
                st.fatal = exc;
                request_stop(st, &get_loop());
            }
            m_exc = exc;
            finish_exception(st.to_engine(exc));
            m_log_tb = m_log_traceback;
            m_log_traceback = false;
        }
        break;
    }
    case SendStatus::Paused:
        // Out of instructions mid-step: the loop holds this step (nothing else
        // runs) until the host lets it continue.
        m_paused = true;
        hold_step();
        break;
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

static Value cancelled_error_for(AsyncioState& st, ScriptCoreBase* sc) {
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

Value get_event_loop_value(VM& vm);
void type_modified_hook();

namespace {

AsyncioState& S(VM& vm) { return asyncio_state(vm); }
FutureObject* self_fut(Value* a) { return static_cast<FutureObject*>(a[0].as<CxxObject>()); }
bool uninitialized(VM& vm, Value* a) {
    if (self_fut(a)->m_core) return false;
    vm.raise(vm.e_RuntimeError, "Future object is not initialized.");
    return true;
}
LoopObject* as_loop(AsyncioState& st, const Value& v) {
    if (!is_kind(v, ObjKind::Cxx) || !VM::is_subtype(st.vm.type_of(v), st.t_loop)) return nullptr;
    return static_cast<LoopObject*>(v.as<CxxObject>());
}

Value f_result(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    Value out;
    if (future_result(S(vm), self_fut(a), out) == SendStatus::Error) return Value();
    return out;
}

Value f_exception(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
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
    Value fut;  // the Python future, passed to fn
    ScriptCoreBase* owner;
    void on_done(FutureCore& future) override {
        auto& cbs = owner->m_cbs;
        cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [this](auto& p) { return p.first == this; }), cbs.end());
        AsyncioState* s = st;
        std::vector<Value> args{std::move(fut)};
        Value f = std::move(fn);
        std::string name;
        if (future.get_loop().observer()) {
            name = "done callback";
            if (is_kind(f, ObjKind::Function)) name = as_str(f.as<FunctionObject>()->m_qualname)->str();
        }
        try {
            future.get_loop().call_soon([s, f, args]() { invoke_callback(*s, f, args); }, name);
        } catch (...) {}
        delete this;
    }
    void on_future_destroyed() noexcept override { delete this; }
};

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

Value f_add_done_callback(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (uninitialized(vm, a)) return Value();
    Value args[2];
    if (!parse_args(vm, "add_done_callback", a + 1, n - 1, kw, {"fn", "context"}, 1, args, 1)) return Value();
    FutureObject* f = self_fut(a);
    auto* node = new DoneCallback();
    node->st = &S(vm);
    node->fn = args[0];
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
    LoopObject* lo = S(vm).loop_of(&self_fut(a)->m_core->get_loop());
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
    if (t != S(vm).t_future) return Value::steal(new_native_iter<FutureObject>(vm, t));
    Value a[1];
    if (!parse_args(vm, "Future", args, nargs, kw, {"loop"}, 0, a, 0)) return Value();
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
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
    return cancelled_error_for(S(vm), self_fut(a)->m_script);
}
Value f_cancel_message(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (uninitialized(vm, a)) return Value();
    ScriptCoreBase* sc = self_fut(a)->m_script;
    return sc->m_has_cancel_msg ? vm.str(sc->m_cancel_msg) : Value::none();
}

ScriptTask* self_task(Value* a) { return static_cast<ScriptTask*>(self_fut(a)->m_core.get()); }
Value t_get_name(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.str(self_task(a)->name()); }
Value t_set_name(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "set_name() takes exactly one argument");
    std::string s;
    if (!vm.str_into(a[1], s)) return Value();
    self_task(a)->m_number = 0;
    self_task(a)->set_name(s);
    return Value::none();
}
Value t_get_coro(VM&, Value* a, int, TupleObject*, Value&) {
    ScriptTask* t = self_task(a);
    return t->m_coro.is_null() ? t->m_coro_done : t->m_coro;
}
Value t_cancelling(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(self_task(a)->cancelling()); }
Value t_uncancel(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(self_task(a)->uncancel()); }
Value t_get_stack(VM& vm, Value*, int, TupleObject*, Value&) { return Value::steal(vm.new_list()); }

}  // namespace

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

void invoke_callback(AsyncioState& st, const Value& fn, const std::vector<Value>& args) {
    VM& vm = st.vm;
    VMScope scope(vm);
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

LoopObject* self_loop(Value* a) { return static_cast<LoopObject*>(a[0].as<CxxObject>()); }

bool check_open(VM& vm, LoopObject* lo) {
    if (!lo->m_loop || lo->m_loop->is_closed()) {
        vm.raise(vm.e_RuntimeError, "Event loop is closed");
        return false;
    }
    return true;
}

}  // namespace

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

namespace {

bool is_callable(VM& vm, const Value& v) {
    if (!v.is_obj()) return false;
    ObjKind k = kind_of(v.as_obj());
    if (k == ObjKind::Function || k == ObjKind::Native || k == ObjKind::BoundMethod || k == ObjKind::Type) return true;
    return !vm.type_lookup(vm.type_of(v), vm.names().d_call).is_null();
}

// call_soon / call_later / call_at share this: which = 0 soon, 1 later, 2 at.
Value schedule(VM& vm, Value* a, int n, TupleObject* kw, int which) {
    AsyncioState& st = S(vm);
    LoopObject* lo = self_loop(a);
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    for (int i = 0; i < nkw; ++i)
        if (as_str(kw->items()[i])->view() != "context")
            return vm.raisef(vm.e_TypeError, "call_soon() got an unexpected keyword argument '%s'",
                             as_str(kw->items()[i])->data());
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
    auto cb = [sp, fn, args]() { invoke_callback(*sp, fn, args); };
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

Value new_task_value(AsyncioState& st, LoopObject* lo, const Value& coro_in, const Value& name) {
    VM& vm = st.vm;
    Value coro = coro_in;
    if (is_coro_op(coro)) {
        // Queue.put()/get(), sleep() and Event.wait() are native awaitables
        // (CoroOps) standing in for coroutines: a task runs them inside a
        // coroutine (asyncio's _wrap_awaitable).
        Value mod = vm.import_module(vm.intern("asyncio"));
        Value wrap = mod.is_null() ? Value() : vm.getattr(mod, vm.intern("_wrap_awaitable"));
        if (wrap.is_null()) return Value();
        coro = vm.call(wrap, {coro_in});
        if (coro.is_null()) return Value();
        static_cast<CoroOp*>(coro_in.as<CxxObject>())->m_quiet = true;
        if (is_kind(coro, ObjKind::Generator)) {  // named after what it runs: coro=<sleep() ...>
            auto* g = coro.as<GenObject>();
            g->m_name = g->m_qualname = vm.str(static_cast<CoroOp*>(coro_in.as<CxxObject>())->name());
        }
    }
    if (!is_kind(coro, ObjKind::Generator) || coro.as<GenObject>()->m_genkind != GenKind::Coroutine) {
        std::string r;
        if (!vm.repr_into(coro, r)) vm.clear_exc();
        return vm.raisef(vm.e_TypeError, "a coroutine was expected, got %s", r.c_str());
    }
    if (!check_open(vm, lo)) return Value();
    std::string nm;
    uint64_t number = 0;
    if (!name.is_null() && !name.is_none()) {
        if (!vm.str_into(name, nm)) return Value();
    } else {
        number = ++st.task_counter;    // Task-N, counted per run as per CPython process
        if (lo->m_loop->observer()) {  // observers read the engine's name: set it now
            nm = "Task-" + std::to_string(number);
            number = 0;
        }
    }
    auto* core = new ScriptTask(*lo->m_loop, &st, coro, nm, number);
    Value w = st.wrap(core);
    incref(w.as_obj());  // a pending task keeps its Python object (released in release_frame)
    try {
        core->start();
    } catch (const std::exception& e) {
        core->clear_values();
        decref(w.as_obj());
        return vm.raise(vm.e_RuntimeError, e.what());
    }
    return w;
}

Value l_create_task(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[3];
    if (!parse_args(vm, "create_task", a + 1, n - 1, kw, {"coro", "name", "context"}, 1, args, 1)) return Value();
    return new_task_value(S(vm), self_loop(a), args[0], args[1]);
}

Value l_create_future(VM& vm, Value* a, int, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
    LoopObject* lo = self_loop(a);
    if (!lo->m_loop) return vm.raise(vm.e_RuntimeError, "Event loop is closed");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    return st.wrap(core);
}

// Runs the engine loop until stop(); converts engine errors and re-raises a
// SystemExit/KeyboardInterrupt that a task or callback raised.
Value run_forever_impl(VM& vm, const Value& lv) {
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
    LoopObject* lo = self_loop(a);
    if (!check_open(vm, lo) || loop_busy(vm, st, lo)) return Value();
    if (vm.can_request_host()) return host_run(vm, a[0], Value());
    return run_forever_impl(vm, a[0]);
}

Value ensure_future_py(VM& vm, const Value& obj, const Value& loop) {
    Value mod = vm.import_module(vm.intern("asyncio"));
    if (mod.is_null()) return mod;
    Value ef = vm.getattr(mod, vm.intern("ensure_future"));
    if (ef.is_null()) return ef;
    Value args[2] = {obj, loop};
    Value kwn = vm.tuple({vm.str("loop")});
    return vm.call(ef, args, 2, kwn.as<TupleObject>());
}

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
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
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
    if (lo->m_loop) request_stop(S(vm), lo->m_loop.get());
    return Value::none();
}

Value l_close(VM& vm, Value* a, int, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
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
    S(vm).report_dict(self_loop(a), a[1]);
    return Value::none();
}
Value l_default_exception_handler(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[1], ObjKind::Dict))
        return vm.raise(vm.e_TypeError, "default_exception_handler() expects a dict");
    S(vm).report_dict(nullptr, a[1]);
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
    AsyncioState& st = S(vm);
    LoopObject* lo = self_loop(a);
    if (!lo->m_loop) return vm.raise(vm.e_RuntimeError, "Event loop is closed");
    auto* core = new ScriptFuture(*lo->m_loop, &st);
    Value f = st.wrap(core);
    core->finish_result(Value::none());
    return f;
}

}  // namespace

// [SECTION] Module functions and installation

namespace {

Value new_loop_object(VM& vm) {
    AsyncioState& st = S(vm);
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

Value m_new_event_loop(VM& vm, Value*, int, TupleObject*, Value&) { return new_loop_object(vm); }

Value m_get_running_loop(VM& vm, Value*, int, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
    if (st.running_loop.is_null()) return vm.raise(vm.e_RuntimeError, "no running event loop");
    return st.running_loop;
}

Value m__get_running_loop(VM& vm, Value*, int, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
    return st.running_loop.is_null() ? Value::none() : st.running_loop;
}

}  // namespace

Value get_event_loop_value(VM& vm) {
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
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
    AsyncioState& st = S(vm);
    st.set_loop = Value::none();
    st.set_called = true;
    return Value::none();
}

Value m_loop_add(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_str(a[0])) return vm.raise(vm.e_TypeError, "_Loop_add(name, function)");
    dict_set_str(vm, S(vm).t_loop->m_dict, as_str(a[0]), a[1]);
    type_modified_hook();
    return Value::none();
}

Value m_current_task(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
    LoopObject* lo = (n > 0 && !a[0].is_none()) ? as_loop(st, a[0]) : st.running();
    if (!lo) return vm.raise(vm.e_RuntimeError, "no running event loop");
    aio::detail::TaskCore* t = lo->m_loop ? lo->m_loop->current_task() : nullptr;
    if (!t) return Value::none();
    return st.wrap(t);
}

Value m_all_tasks(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
    LoopObject* lo = (n > 0 && !a[0].is_none()) ? as_loop(st, a[0]) : st.running();
    if (!lo) return vm.raise(vm.e_RuntimeError, "no running event loop");
    SetObject* s = vm.new_set();
    Value sv = Value::steal(s);
    if (lo->m_loop)
        for (aio::detail::TaskCore* t : lo->m_loop->pending_tasks())
            if (!t->done()) set_add(vm, s, st.wrap(t));
    return sv;
}

Value m_create_task(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    AsyncioState& st = S(vm);
    Value args[3];
    if (!parse_args(vm, "create_task", a, n, kw, {"coro", "name", "context"}, 1, args, 1)) return Value();
    LoopObject* lo = st.running();
    if (!lo) {
        // asyncio: create_task needs a running loop; the coroutine is closed.
        if (is_kind(args[0], ObjKind::Generator)) args[0].as<GenObject>()->m_awaited = true;
        return vm.raise(vm.e_RuntimeError, "no running event loop");
    }
    // asyncio.create_task names the task after making it: a default name
    // (and its number) is used up either way.
    Value t = new_task_value(st, lo, args[0], Value());
    if (t.is_null() || args[1].is_null() || args[1].is_none()) return t;
    std::string nm;
    if (!vm.str_into(args[1], nm)) return Value();
    Value self[1] = {t};
    self_task(self)->m_number = 0;
    self_task(self)->set_name(nm);
    return t;
}

Value m_task_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    AsyncioState& st = S(vm);
    Value a[4];
    if (!parse_args(vm, "Task", args, nargs, kw, {"coro", "loop", "name", "context"}, 1, a, 1)) return Value();
    Value lv = (!a[1].is_null() && !a[1].is_none()) ? a[1] : get_event_loop_value(vm);
    if (lv.is_null()) return lv;
    LoopObject* lo = as_loop(st, lv);
    if (!lo) return vm.raise(vm.e_TypeError, "loop must be an event loop");
    return new_task_value(st, lo, a[0], a[2]);
}

// [SECTION] gather
//
// asyncio.gather's bookkeeping in C++ (the Python `gather` in asyncio_lib
// hands its arguments here, and keeps its own code for arguments this does
// not handle). The steps are CPython 3.11's: each distinct argument becomes
// a future (ensure_future), gets a done callback in argument order, and the
// callback — scheduled with call_soon when the child completes — counts,
// fails the outer future early unless return_exceptions, and sets the list
// of results when the last child is done.

struct GatherState {
    AsyncioState* st;
    Value outer;                  // the _GatheringFuture
    std::vector<Value> children;  // in argument order (duplicates repeated)
    size_t nfuts = 0;             // distinct children
    size_t nfinished = 0;
    bool return_exceptions = false;
};

struct GatherNode final : aio::detail::CallbackNode, aio::detail::Pooled {
    std::shared_ptr<GatherState> state;
    Value fut;  // this child
    ScriptCoreBase* owner = nullptr;
    aio::EventLoop* loop = nullptr;
    void on_done(FutureCore& future) override;
    void on_future_destroyed() noexcept override { delete this; }
    static void run_entry(void* ctx, bool run);
    void run();
};

void GatherNode::on_done(FutureCore& future) {
    auto& cbs = owner->m_cbs;
    cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [this](auto& p) { return p.first == this; }), cbs.end());
    loop = &future.get_loop();
    if (loop->is_closed()) {
        delete this;
        return;
    }
    loop->push_ready(&GatherNode::run_entry, this);  // asyncio: call_soon(_done_callback, fut)
}

void GatherNode::run_entry(void* ctx, bool run) {
    auto* n = static_cast<GatherNode*>(ctx);
    if (run && n->state->st) n->run();
    delete n;
}

// asyncio's gather.<locals>._done_callback(fut).
void GatherNode::run() {
    GatherState& g = *state;
    AsyncioState& st = *g.st;
    VM& vm = st.vm;
    VMScope scope(vm);
    auto* f = static_cast<FutureObject*>(fut.as<CxxObject>());
    FutureCore* c = f->m_core.get();
    ++g.nfinished;
    auto* outer = g.outer.is_null() ? nullptr : static_cast<FutureObject*>(g.outer.as<CxxObject>());
    auto report = [&](const Value& r) {
        if (r.is_null()) {
            Value exc = vm.take_exc();
            std::string out = "Exception in callback gather.<locals>._done_callback()\n" + vm.format_exception(exc);
            if (!vm.write(2, out)) vm.clear_exc();
        }
    };
    if (!outer || !outer->m_core || outer->m_core->done()) {
        if (!c->cancelled()) {  // fut.exception(): marks it retrieved
            f->m_script->m_log_tb = false;
            c->mark_retrieved();
        }
        return;
    }
    if (!g.return_exceptions) {
        if (c->cancelled()) {
            report(vm.call_method(g.outer, "set_exception", {cancelled_error_for(st, f->m_script)}));
            return;
        }
        f->m_script->m_log_tb = false;
        c->mark_retrieved();
        if (!f->m_script->m_exc.is_null()) {
            report(vm.call_method(g.outer, "set_exception", {f->m_script->m_exc}));
            return;
        }
    }
    if (g.nfinished != g.nfuts) return;
    ListObject* results = vm.new_list();
    Value rv = Value::steal(results);
    for (const Value& cv : g.children) {
        auto* cf = static_cast<FutureObject*>(cv.as<CxxObject>());
        FutureCore* cc = cf->m_core.get();
        ScriptCoreBase* sc = cf->m_script;
        Value res;
        if (cc->cancelled()) {
            res = vm.new_exception(st.e_CancelledError,
                                   vm.tuple({vm.str(sc->m_has_cancel_msg ? sc->m_cancel_msg : std::string())}));
        } else {
            sc->m_log_tb = false;
            cc->mark_retrieved();
            res = sc->m_exc.is_null() ? sc->m_result : sc->m_exc;
        }
        list_append(vm, results, res);
    }
    Value cr = vm.getattr_opt(g.outer, vm.intern("_cancel_requested"));
    int cancel_requested = cr.is_null() ? 0 : vm.truthy(cr);
    if (cancel_requested < 0) {
        report(Value());
        return;
    }
    if (cancel_requested)
        report(vm.call_method(g.outer, "set_exception", {cancelled_error_for(st, f->m_script)}));
    else
        report(vm.call_method(g.outer, "set_result", {rv}));
}

// _gather(args, return_exceptions, _GatheringFuture, cb_desc): the outer
// future, or NotImplemented for arguments left to the Python code (anything
// but futures, tasks and coroutines; futures of another loop).
Value m_gather(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = S(vm);
    if (n != 4 || !is_kind(a[0], ObjKind::Tuple))
        return vm.raise(vm.e_TypeError, "_gather(args, return_exceptions, cls, desc)");
    auto* args = a[0].as<TupleObject>();
    for (uint32_t i = 0; i < args->m_size; ++i) {
        const Value& arg = args->items()[i];
        bool coro = is_kind(arg, ObjKind::Generator) && arg.as<GenObject>()->m_genkind == GenKind::Coroutine;
        if (!coro && !is_future_object(st, arg) && !is_coro_op(arg)) return vm.m_notimplemented;
    }
    LoopObject* lo = nullptr;  // the loop: the first future's, else the running one
    for (uint32_t i = 0; i < args->m_size; ++i) {
        const Value& arg = args->items()[i];
        if (!is_future_object(st, arg)) continue;
        auto* f = static_cast<FutureObject*>(arg.as<CxxObject>());
        if (!f->m_core) return vm.m_notimplemented;
        LoopObject* fl = st.loop_of(&f->m_core->get_loop());
        if (!fl || (lo && fl != lo)) return vm.m_notimplemented;
        if (!lo) lo = fl;
    }
    if (!lo) lo = st.running();
    if (!lo || !lo->m_loop) return vm.m_notimplemented;
    auto state = std::make_shared<GatherState>();
    state->st = &st;
    int re = vm.truthy(a[1]);
    if (re < 0) return Value();
    state->return_exceptions = re != 0;
    state->children.reserve(args->m_size);
    // Distinct arguments by identity: an open-addressing table (argument -> child).
    size_t cap = 16;
    while (cap < args->m_size * 2) cap *= 2;
    std::vector<std::pair<const Object*, size_t>> seen(cap, {nullptr, 0});
    auto slot_of = [&](const Object* o) -> std::pair<const Object*, size_t>& {
        size_t h = (reinterpret_cast<uintptr_t>(o) >> 4) * 0x9E3779B97F4A7C15ull;
        for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
            if (seen[i].first == o || !seen[i].first) return seen[i];
    };
    Value desc = a[3];
    for (uint32_t i = 0; i < args->m_size; ++i) {
        const Value& arg = args->items()[i];
        auto& slot = slot_of(arg.as_obj());
        if (slot.first) {
            state->children.push_back(state->children[slot.second]);
            continue;
        }
        Value fut = arg;
        if (!is_future_object(st, arg)) {
            fut = new_task_value(st, lo, arg, Value());  // ensure_future(coro, loop=loop)
            if (fut.is_null()) return Value();
        }
        slot = {arg.as_obj(), state->children.size()};
        state->children.push_back(fut);
        ++state->nfuts;
        auto* f = static_cast<FutureObject*>(fut.as<CxxObject>());
        auto* node = new GatherNode();
        node->state = state;
        node->fut = fut;
        node->owner = f->m_script;
        if (!f->m_core->done()) f->m_script->m_cbs.push_back({node, desc});
        f->m_core->add_callback(*node);
    }
    ListObject* kids = vm.new_list();
    Value kv = Value::steal(kids);
    for (auto& c : state->children) list_append(vm, kids, c);
    Value kw[2] = {kv, Value::object(lo)};
    Value names = vm.tuple({vm.str("loop")});
    Value outer = vm.call(a[2], kw, 2, names.as<TupleObject>());
    if (outer.is_null()) return Value();
    if (!is_future_object(st, outer)) return vm.raise(vm.e_TypeError, "_gather: the outer future must be a Future");
    state->outer = outer;
    return outer;
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

Value m_iscoroutine(VM&, Value* a, int n, TupleObject*, Value&) {
    return Value::boolean(
        n == 1 && ((is_kind(a[0], ObjKind::Generator) && a[0].as<GenObject>()->m_genkind == GenKind::Coroutine) ||
                   is_coro_op(a[0])));
}

Value m_isfuture(VM& vm, Value* a, int n, TupleObject*, Value&) {
    return Value::boolean(n == 1 && is_future_object(S(vm), a[0]));
}

Value m_is_virtual(VM& vm, Value*, int, TupleObject*, Value&) { return Value::boolean(S(vm).virtual_clock); }

Value init_asyncio_c(VM& vm) {
    AsyncioState& st = S(vm);
    Value mv = new_module(vm, "_asyncio");
    auto* m = mv.as<ModuleObject>();
    // Exceptions (asyncio.exceptions).
    st.e_CancelledError = vm.new_builtin_type("CancelledError", vm.e_BaseException, ObjKind::Exception, nullptr,
                                              TF_BASETYPE | TF_EXCEPTION, "asyncio.exceptions");
    st.e_InvalidStateError = vm.new_builtin_type("InvalidStateError", vm.e_Exception, ObjKind::Exception, nullptr,
                                                 TF_BASETYPE | TF_EXCEPTION, "asyncio.exceptions");
    module_add(vm, m, "CancelledError", Value::steal(st.e_CancelledError));
    module_add(vm, m, "InvalidStateError", Value::steal(st.e_InvalidStateError));
    // Future and Task.
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
    st.t_task = vm.new_builtin_type("Task", st.t_future, ObjKind::Cxx, m_task_new, TF_BASETYPE, "_asyncio");
    struct {
        const char* n;
        NativeFn f;
    } tm[] = {
        {"get_name", t_get_name},     {"set_name", t_set_name}, {"get_coro", t_get_coro},
        {"cancelling", t_cancelling}, {"uncancel", t_uncancel}, {"get_stack", t_get_stack},
    };
    for (auto& f : tm) vm.add_method(st.t_task, f.n, f.f);
    module_add(vm, m, "Task", Value::steal(st.t_task));
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
        {"current_task", m_current_task},
        {"all_tasks", m_all_tasks},
        {"create_task", m_create_task},
        {"_gather", m_gather},
        {"iscoroutine", m_iscoroutine},
        {"isfuture", m_isfuture},
        {"_virtual_clock", m_is_virtual},
        {"_clear_event_loop", m_clear_event_loop},
        {"_Loop_add", m_loop_add},
    };
    for (auto& f : mf) module_add_fn(vm, m, f.n, f.f);
    register_queue_natives(vm, m);
    return mv;
}

void free_asyncio_state(void* p) {
    auto* st = static_cast<AsyncioState*>(p);
    st->shutdown();
    st->vm.m_clock = nullptr;
    delete st;
}

}  // namespace

void install_asyncio(VM& vm, bool virtual_clock) {
    if (vm.m_asyncio) {
        asyncio_state(vm).virtual_clock = virtual_clock;
        return;
    }
    auto* st = new AsyncioState(vm);
    st->virtual_clock = virtual_clock;
    vm.m_asyncio = st;
    vm.m_asyncio_free = free_asyncio_state;
    vm.m_clock = st;
    vm.register_module("_asyncio", init_asyncio_c);
}

}  // namespace aio::script
