// TaskCore: the step protocol shared by C++ coroutine tasks and script tasks.
// Mirrors asyncio's Task.__step / __wakeup / cancel.

#include "aio/detail/task_core.hpp"

#include <atomic>

#include "aio/event_loop.hpp"
#include "aio/exceptions.hpp"

namespace aio::detail {

namespace {
// asyncio: _task_name_counter, shared by every loop in the process.
std::atomic<std::uint64_t> g_task_counter{0};
}  // namespace

TaskCore::TaskCore(EventLoop& loop) : FutureCore(loop), m_id(++g_task_counter) {}

TaskCore::TaskCore(EventLoop& loop, std::string name) : TaskCore(loop) {
    if (!name.empty()) m_name = std::make_unique<std::string>(std::move(name));
}

void TaskCore::start() {
    m_loop->check_open("create_task");
    m_loop->register_task(*this);
    schedule_step();  // asyncio: create_task → call_soon(self.__step)
    m_loop->emit(LoopEventKind::task_created, this);
}

TaskCore::~TaskCore() = default;

void TaskCore::destroy() noexcept { delete this; }

void TaskCore::schedule_step() {
    add_ref();  // the ready queue's reference, released in step_entry
    m_loop->push_ready(&TaskCore::step_entry, this);
}

void TaskCore::step_entry(void* ctx, bool run) {
    auto* task = static_cast<TaskCore*>(ctx);
    if (run) task->step();
    task->release();
}

void TaskCore::step() {
    if (done()) return;  // abandoned while a step was queued
    EventLoop& loop = *m_loop;
    if (m_resuming_held) {  // the same step, continued: no new wake-up logic
        m_resuming_held = false;
        loop.set_current_task(this);
        run_held_step();
        return;
    }
    if (m_must_cancel) {
        // asyncio keeps a CancelledError the awaited future already raises
        // (so the first cancel message wins); anything else is replaced.
        std::exception_ptr e = std::exchange(m_must_cancel, nullptr);
        if (!(m_fut_waiter && m_fut_waiter->cancelled())) m_injected = std::move(e);
    }
    m_fut_waiter = nullptr;
    m_wait_what = "";
    m_wait_until = 0;
    loop.set_current_task(this);
    loop.emit(LoopEventKind::task_step, this);
    run_held_step();
}

void TaskCore::run_held_step() {
    EventLoop& loop = *m_loop;
    run_step();
    loop.set_current_task(nullptr);
    if (m_held && !done()) {
        m_held = false;
        m_resuming_held = true;
        m_wait_what = "paused";
        add_ref();  // the ready queue's reference, as in schedule_step
        loop.hold_step(&TaskCore::step_entry, this);
        return;
    }
    m_held = false;
    if (!done()) loop.emit(LoopEventKind::task_suspended, this, m_wait_what, m_wait_until);
}

void TaskCore::wait_on(FutureCore& future, CallbackNode& node, const char* what, double until) {
    m_fut_waiter = &future;
    m_wait_what = what;
    m_wait_until = until;
    future.add_callback(node);
    // asyncio: cancel() called during this very step cancels what we now wait on.
    if (m_must_cancel && future.cancel(cancel_message(m_must_cancel))) m_must_cancel = nullptr;
}

void TaskCore::yield_now() {
    m_wait_what = "yield";
    schedule_step();
}

void TaskCore::throw_in_next_step(std::exception_ptr e) {
    m_injected = std::move(e);
    m_wait_what = "error";
    schedule_step();
}

bool TaskCore::cancel(const std::string& msg) {
    m_log_traceback = false;
    if (done()) return false;
    ++m_num_cancels_requested;
    if (m_fut_waiter && m_fut_waiter->cancel(msg)) return true;
    m_must_cancel = std::make_exception_ptr(CancelledError(msg));
    return true;
}

std::string TaskCore::cancel_message(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError& c) {
        return c.message();
    } catch (...) {}
    return {};
}

void TaskCore::finish_result() {
    if (m_must_cancel) {
        // Cancelled right before the coroutine returned: asyncio still
        // reports the task as cancelled.
        m_state = State::cancelled;
        m_exception = std::exchange(m_must_cancel, nullptr);
        finish_common(LoopEventKind::task_cancelled, {});
        return;
    }
    m_state = State::finished;
    finish_common(LoopEventKind::task_done, {});
}

void TaskCore::finish_exception(std::exception_ptr e) {
    bool is_cancel = false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        is_cancel = true;
    } catch (...) {}
    m_exception = std::move(e);
    if (is_cancel) {
        m_state = State::cancelled;
        finish_common(LoopEventKind::task_cancelled, {});
    } else {
        m_state = State::finished;
        m_log_traceback = true;
        std::string what = m_loop->observer() ? describe_exception(m_exception) : std::string();
        finish_common(LoopEventKind::task_failed, what);
    }
}

void TaskCore::finish_common(LoopEventKind kind, std::string_view what) {
    m_fut_waiter = nullptr;
    m_wait_what = "";
    m_loop->emit(kind, this, what);
    schedule_callbacks();
    release_frame();                 // the coroutine is finished: its locals die now
    m_loop->unregister_task(*this);  // may drop the last reference but for the step's
}

void TaskCore::abandon() noexcept {
    m_fut_waiter = nullptr;
    release_frame();
    m_state = State::cancelled;
    m_exception = std::make_exception_ptr(CancelledError("event loop closed while the task was pending"));
    while (CallbackNode* node = m_cb_head) {
        node->unlink();
        node->on_future_destroyed();
    }
    m_loop->unregister_task(*this);
}

std::string TaskCore::repr() const {
    std::string s = "<Task ";
    switch (m_state) {
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
    s += " name='" + get_name() + "'";
    if (m_state == State::finished && m_exception) s += " exception=" + describe_exception(m_exception);
    if (m_state == State::pending && *m_wait_what) s += std::string(" waiting on ") + m_wait_what;
    return s + ">";
}

void WakeNode::on_done(FutureCore&) { m_task->schedule_step(); }

}  // namespace aio::detail
