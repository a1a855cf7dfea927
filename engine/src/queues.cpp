// asyncio queues: the parts that do not depend on the item type. Mirrors
// Lib/asyncio/queues.py (CPython 3.11, plus 3.13's shutdown).
//
// Contents
//   [SECTION] QueueTrampoline  resumes woken getters/putters via a re-check
//   [SECTION] QueueBase

#include "aio/queues.hpp"

#include <cstdio>
#include <exception>

#include "aio/detail/transfer.hpp"
#include "aio/event_loop.hpp"

namespace aio::detail {

// [SECTION] QueueTrampoline ------------------------------------------------------------

// A woken QueueWaiter's task resumes at this coroutine instead of its own
// frame. On each resumption it finds the waiter whose task is running, asks
// it to re-check the queue (asyncio: the `while self.empty():` test after
// `await getter`), and either leaves the task suspended on its new wait or
// transfers straight into the task's frame. One frame per thread, made once.
struct QueueTrampoline {
    struct promise_type {
        QueueTrampoline get_return_object() noexcept {
            return {stdcoro::coroutine_handle<promise_type>::from_promise(*this)};
        }
        stdcoro::suspend_always initial_suspend() noexcept { return {}; }
        stdcoro::suspend_always final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { std::terminate(); }
    };
    stdcoro::coroutine_handle<promise_type> handle;

    // Woken waiters whose task step is pending, in wake order (which is the
    // order their steps run, so the match is almost always the head).
    struct Armed {
        QueueWaiter* head = nullptr;
        QueueWaiter* tail = nullptr;
    };

    static Armed& armed() noexcept {
        thread_local Armed list;
        return list;
    }
    static stdcoro::coroutine_handle<> handle_for_thread();
    static void arm(QueueWaiter& w) noexcept;
    static void disarm(QueueWaiter& w) noexcept;
    static Transfer dispatch() noexcept;

    struct Dispatch {
        bool await_ready() const noexcept { return false; }
        Transfer await_suspend(stdcoro::coroutine_handle<>) noexcept { return dispatch(); }
        void await_resume() const noexcept {}
    };
};

namespace {
QueueTrampoline trampoline_body() {
    for (;;) co_await QueueTrampoline::Dispatch{};
}

struct TrampolineFrame {
    stdcoro::coroutine_handle<> handle = trampoline_body().handle;
    TrampolineFrame() = default;
    TrampolineFrame(const TrampolineFrame&) = delete;
    ~TrampolineFrame() { handle.destroy(); }
};
}  // namespace

stdcoro::coroutine_handle<> QueueTrampoline::handle_for_thread() {
    thread_local TrampolineFrame frame;
    return frame.handle;
}

void QueueTrampoline::arm(QueueWaiter& w) noexcept {
    Armed& a = armed();
    w.m_armed = true;
    w.m_armed_prev = a.tail;
    w.m_armed_next = nullptr;
    if (a.tail)
        a.tail->m_armed_next = &w;
    else
        a.head = &w;
    a.tail = &w;
}

void QueueTrampoline::disarm(QueueWaiter& w) noexcept {
    if (!w.m_armed) return;
    Armed& a = armed();
    if (w.m_armed_prev)
        w.m_armed_prev->m_armed_next = w.m_armed_next;
    else
        a.head = w.m_armed_next;
    if (w.m_armed_next)
        w.m_armed_next->m_armed_prev = w.m_armed_prev;
    else
        a.tail = w.m_armed_prev;
    w.m_armed_prev = w.m_armed_next = nullptr;
    w.m_armed = false;
}

Transfer QueueTrampoline::dispatch() noexcept {
    QueueWaiter* w = armed().head;
    while (w && w->task().get_loop().current_task() != &w->task()) w = w->m_armed_next;
    if (!w) {
        std::fputs("aio: queue trampoline resumed with no woken waiter for the running task\n", stderr);
        std::terminate();
    }
    disarm(*w);
    TaskCore& task = w->task();
    task.m_resume_point = w->m_resume;
    // A pending cancellation, or a cancelled future, goes to the frame's
    // except block, and so does a waiter whose queue is gone; otherwise
    // re-check, and maybe wait again.
    if (w->orphaned() || task.has_injected_exception() || w->cancelled()) return transfer_to(task, w->m_resume);
    w->leave_list();
    if (w->m_recheck(*w)) return transfer_back();
    return transfer_to(task, w->m_resume);
}

QueueWaiter::~QueueWaiter() { QueueTrampoline::disarm(*this); }

// The future completed (woken, cancelled or shut down): route the task's next
// step through the trampoline.
void QueueWaiter::on_done(FutureCore&) {
    QueueTrampoline::arm(*this);
    task().m_resume_point = QueueTrampoline::handle_for_thread();
    task().schedule_step();
}

// [SECTION] QueueBase ----------------------------------------------------------------------

void QueueBase::task_done() {
    if (m_unfinished_tasks == 0) throw ValueError("task_done() called too many times");
    if (--m_unfinished_tasks == 0) m_finished.set();
}

void QueueBase::wakeup_next(WaiterList& waiters) {
    while (Waiter* w = waiters.pop_front()) {
        m_in_transit.push_back(*w);
        if (!w->done()) {
            w->set_result();
            break;
        }
    }
}

// asyncio 3.13 shutdown: `while self._getters: getter = popleft(); if not
// getter.done(): getter.set_result(None)`.
void QueueBase::wakeup_all(WaiterList& waiters) {
    while (Waiter* w = waiters.pop_front()) {
        m_in_transit.push_back(*w);
        if (!w->done()) w->set_result();
    }
}

std::string QueueBase::format_waiters() const {
    std::string s;
    if (!m_getters.empty()) s += " _getters[" + std::to_string(m_getters.size()) + "]";
    if (!m_putters.empty()) s += " _putters[" + std::to_string(m_putters.size()) + "]";
    if (m_unfinished_tasks) s += " tasks=" + std::to_string(m_unfinished_tasks);
    if (m_is_shutdown) s += " shutdown";
    return s;
}

}  // namespace aio::detail
