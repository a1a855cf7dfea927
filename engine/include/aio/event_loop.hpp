#pragma once
// The event loop (asyncio: BaseEventLoop). One thread runs it; callbacks run
// one at a time in FIFO order; timers live in a heap ordered by (deadline,
// scheduling order). The loop never reads the time directly — it has a Clock.
//
// Drivers: run_forever()/run_until_complete() block natively, sleeping until
// the next deadline; an external driver (the browser) calls run_once() from
// its own callbacks and asks next_deadline() when to call again.

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aio/clock.hpp"
#include "aio/detail/future_core.hpp"
#include "aio/detail/ring_queue.hpp"
#include "aio/handle.hpp"
#include "aio/observer.hpp"

namespace aio {

namespace detail {
class TaskCore;

// One entry of the ready queue: a plain function and its context. `run` is
// false when the loop is closed with the item still queued, so the item can
// release what it holds without running.
struct ReadyItem {
    void (*fn)(void* ctx, bool run);
    void* ctx;
};

struct TimerEntry {
    double when;          // loop time, seconds
    std::uint64_t seq;    // scheduling order: equal deadlines fire FIFO
    HandleState* handle;  // holds one reference
};
}  // namespace detail

// What the exception handler is given (asyncio passes the same as a dict).
struct ExceptionContext {
    std::string message;           // "Task exception was never retrieved", ...
    std::exception_ptr exception;  // may be null
    std::string source;            // "future: <Task ...>" or "handle: <Handle ...>" line
};

class EventLoop {
public:
    using ExceptionHandler = std::function<void(EventLoop&, const ExceptionContext&)>;

    explicit EventLoop(std::unique_ptr<Clock> clock = make_default_clock());
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;
    // Closes the loop: pending tasks are reported ("Task was destroyed but it
    // is pending!") and freed.
    ~EventLoop();

    // -- Scheduling callbacks (asyncio: call_soon, call_later, call_at) ------
    Handle call_soon(std::function<void()> callback, std::string name = {});
    TimerHandle call_later(double delay, std::function<void()> callback, std::string name = {});
    TimerHandle call_at(double when, std::function<void()> callback, std::string name = {});
    // The one entry point that other threads may call: queues the callback
    // and wakes a loop blocked waiting for its next deadline.
    void call_soon_threadsafe(std::function<void()> callback);

    // Loop time, seconds (asyncio: loop.time()).
    double time() const { return m_clock->now(); }
    Clock& clock() { return *m_clock; }
    // Switch clocks while keeping the current loop time (playground: fast-forward).
    void set_clock(std::unique_ptr<Clock> clock);

    // -- Running ---------------------------------------------------------------
    // Runs until stop() is called (asyncio: run_forever).
    void run_forever();
    // Asks run_forever to return after the current iteration.
    void stop() { m_stopping = true; }
    bool is_running() const { return m_running; }
    bool is_closed() const { return m_closed; }
    // Frees every pending task and callback. Not allowed while running.
    void close();
    // Runs until `future` is done, then returns its outcome: see
    // run_until_complete in task.hpp for the typed versions.
    void run_until_done(detail::FutureCore& future);

    // One iteration (asyncio: _run_once): due timers join the ready queue,
    // then exactly the callbacks ready at that moment run. A virtual clock
    // first jumps to the next deadline when nothing is ready. With wait=false
    // (external drivers) it never blocks; with wait=true it first sleeps until
    // something is ready or due. The loop counts as running meanwhile.
    // Returns the number of callbacks run.
    std::size_t run_once(bool wait = false);
    // Runs the next callback of the current iteration (the playground's Step
    // button), starting a new iteration when the last one is finished.
    // Returns false if nothing was ready.
    bool run_one_callback();
    // True while an iteration is unfinished: a task step was held (see
    // TaskCore::hold_step) or Step stopped between callbacks. The next
    // run_once/run_one_callback continues that same iteration.
    bool in_iteration() const { return m_iteration_left > 0; }
    bool has_ready() const { return !m_ready.empty() || m_threadsafe_pending; }
    // Deadline of the earliest live timer, or a negative number if none.
    double next_deadline();
    std::uint64_t iteration() const { return m_iteration; }

    // -- Errors ------------------------------------------------------------------
    void set_exception_handler(ExceptionHandler handler) { m_exception_handler = std::move(handler); }
    // Reports an error the loop cannot raise anywhere (asyncio: call_exception_handler).
    void call_exception_handler(const ExceptionContext& context);
    static void default_exception_handler(const ExceptionContext& context);

    // -- Observation ------------------------------------------------------------
    void set_observer(Observer* observer) { m_observer = observer; }
    Observer* observer() const { return m_observer; }
    // Reports an event to the observer. Inline so that, without one, hot
    // paths (every task step) pay one test and no call.
    void emit(LoopEventKind kind, const detail::TaskCore* task = nullptr, std::string_view what = {}, double until = 0,
              std::uint64_t timer_id = 0) {
        if (m_observer) report_event(kind, task, what, until, timer_id);
    }

    // Tasks that are not done yet, in creation order (asyncio: all_tasks).
    std::vector<detail::TaskCore*> pending_tasks() const;
    detail::TaskCore* current_task() const { return m_current_task; }
    // Snapshot of the ready queue and timer heap for the inspector.
    std::vector<std::string> describe_ready() const;
    std::vector<std::pair<double, std::string>> describe_timers() const;

    // -- Internal: used by tasks, futures and awaiters ----------------------------
    void push_ready(void (*fn)(void*, bool), void* ctx) { m_ready.push_back({fn, ctx}); }
    // A task step paused mid-way (a script that never awaits, out of its
    // instruction slice): it goes back to the front of the queue and the
    // current iteration ends here, to be continued by the next run_once —
    // so no other callback runs in between and ordering is unchanged.
    void hold_step(void (*fn)(void*, bool), void* ctx);
    detail::Ref<detail::HandleState> schedule_timer(double when, detail::Ref<detail::HandleState> h);
    void timer_cancelled(detail::HandleState& h);
    void register_task(detail::TaskCore& task);
    void unregister_task(detail::TaskCore& task);
    void set_current_task(detail::TaskCore* task) { m_current_task = task; }
    void check_open(const char* what) const;

private:
    void report_event(LoopEventKind kind, const detail::TaskCore* task, std::string_view what, double until,
                      std::uint64_t timer_id);
    class DriverScope;
    std::size_t run_once_impl();
    void begin_iteration();
    void move_due_timers();
    void drain_threadsafe();
    void wait_for_work();  // native driver: block until something is ready or due
    void pop_cancelled_timers();

    std::unique_ptr<Clock> m_clock;
    detail::RingQueue<detail::ReadyItem> m_ready;
    std::vector<detail::TimerEntry> m_scheduled;  // min-heap on (when, seq)
    std::size_t m_cancelled_timers = 0;           // cancelled entries still in the heap
    std::uint64_t m_timer_seq = 0;
    std::uint64_t m_iteration = 0;
    std::size_t m_iteration_left = 0;  // callbacks of the current iteration still to run
    bool m_held = false;               // the callback that just ran held its step
    bool m_stopping = false;
    bool m_running = false;
    bool m_closed = false;
    detail::TaskCore* m_current_task = nullptr;
    detail::TaskCore* m_tasks_head = nullptr;  // pending tasks, creation order
    detail::TaskCore* m_tasks_tail = nullptr;
    Observer* m_observer = nullptr;
    ExceptionHandler m_exception_handler;

    // call_soon_threadsafe
    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    std::vector<std::function<void()>> m_threadsafe;
    bool m_threadsafe_pending = false;  // written under m_mutex; read racily as a hint
};

// -- The current loop (asyncio: get_running_loop, get_event_loop, ...) -----------
// The loop running on this thread; throws RuntimeError("no running event loop").
EventLoop& get_running_loop();
// The running loop, else the loop set for this thread, else a new one that
// is set for this thread (the behaviour tutorials written for 3.6 rely on).
EventLoop& get_event_loop();
void set_event_loop(EventLoop* loop);
std::unique_ptr<EventLoop> new_event_loop();

}  // namespace aio
