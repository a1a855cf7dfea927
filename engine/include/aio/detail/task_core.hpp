#pragma once
// TaskCore: asyncio.Task without knowing what it runs. The loop schedules
// its steps; a subclass runs the task's code in run_step() — C++ coroutines
// (CoroTask in task.hpp) or script frames (the interpreter's tasks) — so
// there is one scheduler for both.

#include <cstdint>
#include <exception>
#include <memory>
#include <string>

#include "aio/coro_compat.hpp"
#include "aio/detail/future_core.hpp"
#include "aio/observer.hpp"

namespace aio::detail {

class TaskCore : public FutureCore {
public:
    explicit TaskCore(EventLoop& loop);
    TaskCore(EventLoop& loop, std::string name);
    // Register with the loop and schedule the first step. Called once the
    // object is fully built, so a constructor that throws leaves no trace.
    void start();

    std::uint64_t id() const noexcept { return m_id; }
    // "Task-N" unless a name was given (asyncio's default names). Made on
    // first use: most tasks are never asked their name.
    const std::string& get_name() const {
        if (!m_name) m_name = std::make_unique<std::string>("Task-" + std::to_string(m_id));
        return *m_name;
    }
    void set_name(std::string name) { m_name = std::make_unique<std::string>(std::move(name)); }

    // asyncio: Task.cancel(msg). Cancels what the task waits on, or arranges
    // for CancelledError to be thrown in at its next step.
    bool cancel(const std::string& msg = {}) override;
    // asyncio 3.11: Task.cancelling() / uncancel().
    int cancelling() const noexcept { return m_num_cancels_requested; }
    int uncancel() noexcept { return m_num_cancels_requested > 0 ? --m_num_cancels_requested : 0; }
    bool is_task() const noexcept override { return true; }
    std::string repr() const override;
    // What the task is waiting on, for the inspector ("sleep", "Task-3", ...).
    const char* waiting_on() const noexcept { return m_wait_what; }
    double waiting_until() const noexcept { return m_wait_until; }
    // Set when the loop ran this task's step and no await has consumed it yet.
    bool has_injected_exception() const noexcept { return bool(m_injected); }

    // -- The suspension protocol, used by awaiters and script tasks ----------------
    // Wait for `future`; the task's next step is scheduled one iteration after
    // it completes (asyncio: Task.__wakeup added as a done callback).
    void wait_on(FutureCore& future, CallbackNode& node, const char* what, double until = 0);
    // Yield for exactly one iteration (asyncio: a bare `yield` / sleep(0)).
    void yield_now();
    // Throws the exception the loop threw in at this step (cancellation), if any.
    void rethrow_injected() {
        if (m_injected) std::rethrow_exception(std::exchange(m_injected, nullptr));
    }
    // Schedule a step that raises `e` at the current await point.
    void throw_in_next_step(std::exception_ptr e);
    // Schedule the next step with call_soon (asyncio: the __wakeup callback).
    void schedule_step();

    // The frame chain of a C++ coroutine task is resumed at this handle.
    stdcoro::coroutine_handle<> m_resume_point;
    // The frame to continue next within the current step, when frames hand
    // control to each other through the step's loop rather than by tail
    // calls (detail/transfer.hpp: the Wasm build). Null otherwise.
    stdcoro::coroutine_handle<> m_handoff;

protected:
    ~TaskCore() override;
    // Run the task's code until it suspends (it has called wait_on/yield_now)
    // or finishes (it has called finish_*). Exceptions must not escape.
    virtual void run_step() = 0;
    // Run at the end of the task (after done callbacks are scheduled).
    virtual void release_frame() noexcept {}
    // Called by run_step before returning when the task's code was paused
    // mid-step (not waiting on anything, not finished): the loop runs no
    // other callback until this task's run_step is called again to go on.
    void hold_step() noexcept { m_held = true; }
    // Finishing: a result stored in result_slot(), an exception, or cancelled.
    void finish_result();
    void finish_exception(std::exception_ptr e);
    // The message inside a CancelledError exception_ptr.
    static std::string cancel_message(const std::exception_ptr& e);
    void destroy() noexcept override;

    ExceptionSlot m_injected;  // thrown at the await point on the next resume

private:
    friend class aio::EventLoop;
    static void step_entry(void* ctx, bool run);  // ReadyItem callback
    void step();                                  // asyncio: Task.__step
    void run_held_step();                         // run_step, then hold or report
    void finish_common(LoopEventKind kind, std::string_view what);
    // Loop closing with this task pending: free the frame, mark cancelled.
    void abandon() noexcept;

    std::uint64_t m_id;
    mutable std::unique_ptr<std::string> m_name;  // null until asked: then "Task-<id>"
    ExceptionSlot m_must_cancel;                  // CancelledError(msg) to throw in at the next step
    FutureCore* m_fut_waiter = nullptr;           // what the task waits on (asyncio: _fut_waiter)
    const char* m_wait_what = "";                 // static description of the wait
    double m_wait_until = 0;                      // deadline of a sleep, for the timeline
    int m_num_cancels_requested = 0;
    bool m_registered = false;     // in the loop's pending-task list
    bool m_held = false;           // run_step paused mid-step (hold_step)
    bool m_resuming_held = false;  // the next step continues a held one
protected:
    bool m_begun = false;        // the first step has run
    TaskCore* m_prev = nullptr;  // loop's pending-task list
    TaskCore* m_next = nullptr;
};

// The awaiter side of wait_on: wakes its task when the future completes.
class WakeNode final : public CallbackNode {
public:
    explicit WakeNode(TaskCore* task = nullptr) : m_task(task) {}
    void on_done(FutureCore& future) override;
    TaskCore* m_task;
};

}  // namespace aio::detail
