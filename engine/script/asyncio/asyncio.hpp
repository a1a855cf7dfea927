// asyncio.hpp — the asyncio stage: script futures and tasks are engine
// futures and tasks.
//
// A script `asyncio.Future` wraps an aio::detail::FutureCore; a script
// `asyncio.Task` wraps a TaskCore subclass whose run_step() drives the task's
// coroutine frame chain through the VM. The engine's loop schedules both
// kinds of task the same way, so there is one scheduler.
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "aio/clock.hpp"
#include "aio/detail/task_core.hpp"
#include "aio/event_loop.hpp"
#include "aio/exceptions.hpp"
#include "vm/native.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

struct AsyncioState;
struct FutureObject;

// A Python exception travelling through the engine (stored in a
// FutureCore's exception_ptr). Cleared before the VM dies.
struct ScriptError : ForeignException {
    Value exc;
    std::string desc;  // repr(exc), for the engine's observer
    const char* what() const noexcept override { return desc.c_str(); }
    std::string repr() const override { return desc; }
};

// What script futures and tasks add to the engine's cores.
struct ScriptCoreBase {
    AsyncioState* m_st = nullptr;
    FutureObject* m_wrapper = nullptr;  // the Python object, while alive (borrowed)
    Value m_result;
    Value m_exc;               // the Python exception when failed
    Value m_cancelled_exc;     // the CancelledError that ended it, if any
    std::string m_cancel_msg;  // message given to cancel()
    bool m_has_cancel_msg = false;
    bool m_log_tb = false;   // report "exception was never retrieved" when the object dies
    bool m_cleared = false;  // values dropped at shutdown
    // Callbacks in registration order, for repr and remove_done_callback:
    // (node, description); a task's wake-up is described as Task.task_wakeup().
    std::vector<std::pair<void*, Value>> m_cbs;  // done callbacks for repr: node, fn (Null: a task's wakeup)
    ScriptCoreBase* m_prev = nullptr;            // AsyncioState's list of live cores
    ScriptCoreBase* m_next = nullptr;
    virtual ~ScriptCoreBase() = default;
    virtual aio::detail::FutureCore& core() = 0;
    virtual void clear_values() {
        m_result = m_exc = m_cancelled_exc = Value();
        for (auto& cb : m_cbs) cb.second = Value();
    }
};

class ScriptFuture final : public aio::detail::FutureCore, public ScriptCoreBase {
public:
    ScriptFuture(aio::EventLoop& loop, AsyncioState* st);
    ~ScriptFuture() override;
    void* result_slot() noexcept override { return &m_result; }
    std::string repr() const override;
    aio::detail::FutureCore& core() override { return *this; }
    bool cancel(const std::string& msg = {}) override;
    void clear_values() override;
    void finish_result(Value v);
    void finish_exception(Value exc);
    aio::TimerHandle m_timer;  // asyncio.sleep's timer, cancelled with the future
    Value m_sleep_result;      // what the timer sets
    static void sleep_fired(void* ctx);
};

class ScriptTask final : public aio::detail::TaskCore, public ScriptCoreBase {
public:
    ScriptTask(aio::EventLoop& loop, AsyncioState* st, Value coro, std::string name, uint64_t number = 0);
    // The task's name; a default one ("Task-N") is made on first use.
    const std::string& name() {
        if (m_number) {
            set_name("Task-" + std::to_string(m_number));
            m_number = 0;
        }
        return get_name();
    }
    uint64_t m_number = 0;  // default name's number, until the name is made
    ~ScriptTask() override;
    void* result_slot() noexcept override { return &m_result; }
    std::string repr() const override;
    aio::detail::FutureCore& core() override { return *this; }
    bool cancel(const std::string& msg = {}) override;
    void clear_values() override;
    // Runs one more step now (used by the driver to finish a paused slice).
    void step_paused() { run_step(); }

    Value m_coro;       // the coroutine (Null once finished)
    Value m_coro_done;  // kept for get_coro() after finishing
    Value m_def_file;   // where the coroutine function was defined
    int m_def_line = 0;
    aio::detail::Ref<aio::detail::FutureCore> m_waiting;  // for repr's wait_for=
    bool m_paused = false;                                // the last step ran out of its instruction slice
    Value m_context;                                      // the contextvars.Context each step runs in (Null: none yet)

protected:
    void run_step() override;
    void release_frame() noexcept override;

private:
    void on_yield(Value out);
    aio::detail::WakeNode m_wake{this};
};

// The Python object for a Future or a Task (one layout; a Task's core is a
// ScriptTask). It is its own await iterator.
struct FutureObject : NativeIter {
    aio::detail::Ref<aio::detail::FutureCore> m_core;
    ScriptCoreBase* m_script = nullptr;  // m_core's script side
    bool m_blocking = false;             // asyncio's _asyncio_future_blocking
    ~FutureObject() override;
    SendStatus send(VM& vm, Value v, Value& out) override;
    void clear_refs() override;
    void finalize(VM& vm) override;
    bool is_task() const { return m_core && m_core->is_task(); }
};

// The Python object for an event loop.
struct LoopObject : CxxObject {
    std::unique_ptr<aio::EventLoop> m_loop;
    AsyncioState* m_st = nullptr;
    Value m_handler;  // set_exception_handler's callable (Null: default)
    bool m_debug = false;
    ~LoopObject() override;
    void clear_refs() override;
};

struct AsyncioState : Clock {
    VM& vm;
    explicit AsyncioState(VM& v);
    ~AsyncioState() override;

    bool virtual_clock = false;
    double wall_base = 0;               // time.time() = wall_base + virtual time
    double idle_clock = 0;              // virtual time when no loop exists yet
    uint64_t task_counter = 0;          // default task names: Task-1, Task-2, ... in each run
    std::shared_ptr<void> queue_setup;  // asyncio_ops.cpp's view of asyncio.Queue
    TypeObject *t_loop = nullptr, *t_future = nullptr, *t_task = nullptr, *t_handle = nullptr,
               *t_timer_handle = nullptr;
    TypeObject *e_CancelledError = nullptr, *e_InvalidStateError = nullptr;
    Value running_loop;                 // LoopObject being run (asyncio's _running_loop)
    Value set_loop;                     // set_event_loop()'s loop
    bool set_called = false;            // set_event_loop() was called (no implicit loop afterwards)
    Value last_loop;                    // the loop whose clock `time` follows
    Value host_loop;                    // the loop the host is driving (HostRequest), or Null
    bool host_stop = false;             // stop() was called on the host-driven loop
    bool quiet = false;                 // the host stopped the run: close loops without reports
    std::vector<LoopObject*> loops;     // live loop objects
    ScriptCoreBase* cores = nullptr;    // live script futures and tasks
    Value fatal;                        // SystemExit/KeyboardInterrupt escaping a task or callback
    aio::Observer* observer = nullptr;  // installed on every new loop (--trace)

    // Clock (the `time` module follows the loop's clock).
    double monotonic() override;
    double wall() override;
    bool is_virtual() override;
    void sleep(double seconds) override;

    void link(ScriptCoreBase* c);
    void unlink(ScriptCoreBase* c);
    Value to_python(const std::exception_ptr& e);
    std::exception_ptr to_engine(const Value& exc);
    Value wrap(aio::detail::FutureCore* core);
    LoopObject* loop_of(aio::EventLoop* loop);
    LoopObject* running();
    void report_dict(LoopObject* lo, const Value& context);
    void shutdown();
};

AsyncioState& asyncio_state(VM& vm);
void request_stop(AsyncioState& st, aio::EventLoop* loop);
void install_asyncio(VM& vm, bool virtual_clock);
void register_asyncio_modules(VM& vm);

// Each part of the `_asyncio` module adds its types and functions to it
// (called in this order by state.cpp's init).
void init_future_types(VM& vm, ModuleObject* m);               // futures.cpp: exceptions, Future, isfuture
void init_task_type(VM& vm, ModuleObject* m);                  // tasks.cpp: Task, current_task, all_tasks, ...
void init_loop_types(VM& vm, ModuleObject* m);                 // events.cpp: the loop, handles, get_event_loop, ...
void init_gather(VM& vm, ModuleObject* m);                     // gather.cpp: _gather
void register_queue_natives(VM& vm, ModuleObject* asyncio_c);  // asyncio_ops.cpp

// state.cpp
Value make_cancelled(AsyncioState& st, bool has_msg, const std::string& msg);  // a CancelledError(msg)
ScriptCoreBase* script_of(aio::detail::FutureCore* core);                      // a core's script side, or null

// futures.cpp
SendStatus future_result(AsyncioState& st, FutureObject* f, Value& out);  // Future.result()
// The future asyncio.sleep(delay, result) awaits on the running loop.
Value sleep_future(AsyncioState& st, double delay, Value result);
std::string describe_callbacks(const ScriptCoreBase* sc);              // repr's " cb=[...]"
void append_outcome(VM& vm, const ScriptCoreBase& c, std::string& s);  // repr's " result=..."/" exception=..."
Value cancelled_error_for(AsyncioState& st, ScriptCoreBase* sc);       // the CancelledError a cancelled future raises
inline FutureObject* self_fut(Value* a) { return static_cast<FutureObject*>(a[0].as<CxxObject>()); }
bool uninitialized(VM& vm, Value* a);                   // raises for a Future whose __init__ did not run
LoopObject* as_loop(AsyncioState& st, const Value& v);  // the loop object in v, or null
std::string callback_desc(VM& vm, const Value& fn);     // a done callback's name in reprs

// tasks.cpp
bool is_future_object(AsyncioState& st, const Value& v);  // a Future or Task (or subclass) instance
// loop.create_task; `context` is the context= argument (Null or None: a copy of the current one).
Value new_task_value(AsyncioState& st, LoopObject* lo, const Value& coro_in, const Value& name,
                     const Value& context = Value());

// events.cpp
inline LoopObject* self_loop(Value* a) { return static_cast<LoopObject*>(a[0].as<CxxObject>()); }
bool check_open(VM& vm, LoopObject* lo);  // raises "Event loop is closed"
// asyncio.format_helpers._format_callback_source: "name(args) at file:line".
std::string call_desc(VM& vm, const Value& fn, const std::vector<Value>& args, const std::string& suffix);
bool is_callable(VM& vm, const Value& v);
Value ensure_future_py(VM& vm, const Value& obj, const Value& loop);  // asyncio.ensure_future
Value new_loop_object(VM& vm);                                        // new_event_loop()
Value get_event_loop_value(VM& vm);                                   // get_event_loop()
// Calls a script callback from the loop; errors go to the exception handler.
// Runs fn(*args) for the loop; in `context` when one is given (a contextvars.Context).
void invoke_callback(AsyncioState& st, const Value& fn, const std::vector<Value>& args, const Value& context = Value());
void held_callback_entry(void* ctx, bool run);  // resumes or drops a callback paused mid-way

}  // namespace aio::script
