#pragma once
// asyncio.Event, and the waiter queue that every synchronization primitive
// and queue builds on.
//
// Contents
//   [SECTION] Waiter, WaiterList — asyncio's "one future per waiting task,
//             kept in a deque", without allocating: the future lives in the
//             awaiter, inside the waiting coroutine's frame.
//   [SECTION] Event

#include <cstddef>
#include <optional>
#include <string>

#include "aio/coro_compat.hpp"
#include "aio/detail/task_core.hpp"
#include "aio/exceptions.hpp"

namespace aio {

class EventLoop;

namespace detail {

// [SECTION] Waiter, WaiterList ----------------------------------------------------

class WaiterList;

// One task suspended on a primitive. CPython creates a future per wait and
// appends it to the primitive's deque (`self._waiters.append(fut)`); here the
// future and the callback that wakes the task are one object embedded in the
// awaiter, so it lives exactly as long as the wait. The task resumes one
// iteration after the future completes (set_result or cancel), as in asyncio.
class Waiter : public CallbackNode {
public:
    explicit Waiter(TaskCore& task) noexcept : m_future(task.get_loop()), m_task(&task) {}
    Waiter(const Waiter&) = delete;
    Waiter& operator=(const Waiter&) = delete;
    // The waiting frame is going away (the wait ended, or a closing loop frees
    // the task): leave the primitive's queue and the future's callback list.
    virtual ~Waiter();

    // asyncio: fut.done() / fut.cancelled() / fut.set_result(...)
    bool done() const noexcept { return m_future.done(); }
    bool cancelled() const noexcept { return m_future.cancelled(); }
    void set_result() { m_future.set_result(); }
    // asyncio's `fut.cancel()` in an except block: the task is already
    // running, so nobody is woken.
    void cancel_future();

    // Queue at the back of `list` and suspend the task on the future
    // (asyncio: `waiters.append(fut); await fut`).
    void wait(WaiterList& list, const char* what);
    // The resumed task's side of `await fut`: throws the exception thrown in
    // at this step (cancellation while the future was already done) or the
    // future's CancelledError; returns normally when woken by set_result.
    void check() {
        m_task->rethrow_injected();
        m_future.check_result();
    }

    bool queued() const noexcept;
    // The primitive was destroyed while this waiter was queued or woken (a
    // task cancelled by aio::run after main, whose frame held the primitive,
    // returned). The awaiter then resumes without touching the primitive.
    bool orphaned() const noexcept;
    // Leave whatever list holds this waiter (asyncio: `waiters.remove(fut)`
    // inside `try ... except ValueError: pass`).
    void leave_list() noexcept;
    TaskCore& task() const noexcept { return *m_task; }
    Waiter* next_in_list() const noexcept { return m_next; }

    void on_done(FutureCore& future) override;

protected:
    // A fresh future for a second wait by the same awaiter (Queue.get's
    // `while self.empty():` loop). Only when the previous one is done.
    void renew_future() noexcept;

    PrivateFuture m_future;

private:
    friend class WaiterList;
    TaskCore* m_task;
    Waiter* m_prev = nullptr;  // neighbours in the primitive's queue
    Waiter* m_next = nullptr;
    WaiterList* m_list = nullptr;  // the list holding this waiter, or WaiterList::s_orphaned
};

// A primitive's FIFO of waiters (asyncio: `collections.deque()` of futures).
// Intrusive: pushing and removing never allocate. A list destroyed with
// waiters in it (its primitive died first: a closing loop frees frames in
// creation order, aio::run cancels leftover tasks after main returned)
// marks them orphaned, so they never reach back into it.
class WaiterList {
public:
    WaiterList() = default;
    WaiterList(const WaiterList&) = delete;
    WaiterList& operator=(const WaiterList&) = delete;
    ~WaiterList();

    bool empty() const noexcept { return m_head == nullptr; }
    std::size_t size() const noexcept { return m_size; }
    Waiter* front() const noexcept { return m_head; }

    void push_back(Waiter& w) noexcept;
    // No-op when `w` is not in this list (asyncio's `deque.remove` inside
    // `try: ... except ValueError: pass`).
    void remove(Waiter& w) noexcept;
    Waiter* pop_front() noexcept;

    // asyncio: all(w.cancelled() for w in waiters) / any(not w.cancelled() ...)
    bool all_cancelled() const noexcept;

private:
    friend class Waiter;
    static WaiterList s_orphaned;  // where orphaned waiters point; always empty
    Waiter* m_head = nullptr;
    Waiter* m_tail = nullptr;
    std::size_t m_size = 0;
};

inline bool Waiter::queued() const noexcept { return m_list && m_list != &WaiterList::s_orphaned; }
inline bool Waiter::orphaned() const noexcept { return m_list == &WaiterList::s_orphaned; }
inline void Waiter::leave_list() noexcept {
    if (queued()) m_list->remove(*this);
}

// asyncio's mixins._LoopBoundMixin: a primitive is bound to the loop of the
// first task that waits on it; waiting from another loop is an error.
template <class Primitive>
void bind_loop(EventLoop*& bound, TaskCore& task, const Primitive& self) {
    EventLoop* loop = &task.get_loop();
    if (!bound)
        bound = loop;
    else if (bound != loop)
        throw RuntimeError(self.repr() + " is bound to a different event loop");
}

// "<asyncio.locks.Lock object at 0x55d0c0 [extra]>", as CPython's reprs.
std::string primitive_repr(const char* type, const void* self, const std::string& extra);

}  // namespace detail

// [SECTION] Event --------------------------------------------------------------------

// asyncio.Event: a flag that tasks wait for. set() wakes every waiting task;
// each resumes one loop iteration later, in the order they started waiting.
//
//     aio::Event ready;
//     co_await ready.wait();   // elsewhere: ready.set();
class Event {
public:
    Event() = default;
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    bool is_set() const noexcept { return m_value; }
    // Wakes all waiters; later wait() calls return at once.
    void set();
    // Later wait() calls block until the next set().
    void clear() noexcept { m_value = false; }

    // `co_await event.wait()` → true. Returns without suspending when the
    // flag is set, as asyncio does.
    class [[nodiscard]] WaitAwaiter {
    public:
        explicit WaitAwaiter(Event& e) noexcept : m_event(&e) {}
        bool await_ready() const noexcept { return m_event->m_value; }
        template <class P>
        void await_suspend(stdcoro::coroutine_handle<P> h) {
            detail::TaskCore& task = h.promise().task_for_await();
            m_event->suspend(m_wait, task);
            task.m_resume_point = h;
        }
        bool await_resume() {
            if (m_wait) {
                if (m_wait->orphaned())
                    m_wait->check();  // the event is gone
                else
                    m_event->finish_wait(*m_wait);
            }
            return true;
        }

    private:
        Event* m_event;
        std::optional<detail::Waiter> m_wait;  // engaged only when suspended
    };
    WaitAwaiter wait() noexcept { return WaitAwaiter(*this); }

    // "<asyncio.locks.Event object at 0x... [unset, waiters:1]>"
    std::string repr() const;
    std::size_t waiter_count() const noexcept { return m_waiters.size(); }

private:
    void suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task);
    void finish_wait(detail::Waiter& w);

    detail::WaiterList m_waiters;
    EventLoop* m_loop = nullptr;  // bound on first wait
    bool m_value = false;
};

}  // namespace aio
