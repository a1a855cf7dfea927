// tasks.cpp — asyncio.Task for scripts: ScriptTask, an engine TaskCore whose
// run_step() is Task.__step (it drives the coroutine's frames through the VM),
// the Task object's methods, and the module's task functions.
//
// Mirrors CPython's Lib/asyncio/tasks.py where behaviour is visible to programs.
#include <algorithm>

#include "asyncio/asyncio.hpp"
#include "modules/modules.hpp"

namespace aio::script {

using aio::detail::FutureCore;
template <class T>
using DRef = aio::detail::Ref<T>;

ScriptTask::~ScriptTask() {
    if (m_st) m_st->unlink(this);
}

void ScriptTask::clear_values() {
    ScriptCoreBase::clear_values();
    m_coro = m_coro_done = m_def_file = m_context = Value();
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
    // The step runs in the task's context (CPython: self._context.run(...)).
    // A task made before any Context existed gets one if its code makes one.
    Value outer_context = std::exchange(vm.m_context, m_context);
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
    m_context = std::exchange(vm.m_context, std::move(outer_context));
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

namespace {

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

Value new_task_value(AsyncioState& st, LoopObject* lo, const Value& coro_in, const Value& name, const Value& context) {
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
    Value ctx = capture_context(vm, context);
    if (ctx.is_null() && vm.has_exc()) return Value();
    auto* core = new ScriptTask(*lo->m_loop, &st, coro, nm, number);
    core->m_context = std::move(ctx);
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

namespace {

Value m_current_task(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    LoopObject* lo = (n > 0 && !a[0].is_none()) ? as_loop(st, a[0]) : st.running();
    if (!lo) return vm.raise(vm.e_RuntimeError, "no running event loop");
    aio::detail::TaskCore* t = lo->m_loop ? lo->m_loop->current_task() : nullptr;
    if (!t) return Value::none();
    return st.wrap(t);
}

Value m_all_tasks(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
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
    AsyncioState& st = asyncio_state(vm);
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
    Value t = new_task_value(st, lo, args[0], Value(), args[2]);
    if (t.is_null() || args[1].is_null() || args[1].is_none()) return t;
    std::string nm;
    if (!vm.str_into(args[1], nm)) return Value();
    Value self[1] = {t};
    self_task(self)->m_number = 0;
    self_task(self)->set_name(nm);
    return t;
}

Value m_task_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    AsyncioState& st = asyncio_state(vm);
    Value a[4];
    if (!parse_args(vm, "Task", args, nargs, kw, {"coro", "loop", "name", "context"}, 1, a, 1)) return Value();
    Value lv = (!a[1].is_null() && !a[1].is_none()) ? a[1] : get_event_loop_value(vm);
    if (lv.is_null()) return lv;
    LoopObject* lo = as_loop(st, lv);
    if (!lo) return vm.raise(vm.e_TypeError, "loop must be an event loop");
    return new_task_value(st, lo, a[0], a[2], a[3]);
}

Value m_iscoroutine(VM&, Value* a, int n, TupleObject*, Value&) {
    return Value::boolean(
        n == 1 && ((is_kind(a[0], ObjKind::Generator) && a[0].as<GenObject>()->m_genkind == GenKind::Coroutine) ||
                   is_coro_op(a[0])));
}

}  // namespace

// Task and the task functions (current_task, all_tasks, create_task,
// iscoroutine), added to _asyncio.
void init_task_type(VM& vm, ModuleObject* m) {
    AsyncioState& st = asyncio_state(vm);
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
    struct {
        const char* n;
        NativeFn f;
    } mf[] = {
        {"current_task", m_current_task},
        {"all_tasks", m_all_tasks},
        {"create_task", m_create_task},
        {"iscoroutine", m_iscoroutine},
    };
    for (auto& f : mf) module_add_fn(vm, m, f.n, f.f);
}

}  // namespace aio::script
