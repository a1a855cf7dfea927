#pragma once
// asyncio.Lock (FIFO-fair) and LockGuard, the C++ spelling of `async with`.
//
//     aio::Lock lock;
//     {
//         auto guard = co_await lock.hold();   // async with lock:
//         ...
//     }                                        // released here
//
// As in asyncio, acquiring a free lock that nobody waits for does not
// suspend; otherwise the task queues behind earlier waiters and resumes one
// iteration after release() hands it the lock.

#include <optional>
#include <string>
#include <utility>

#include "aio/event.hpp"
#include "aio/event_loop.hpp"

namespace aio {

// [SECTION] LockGuard -----------------------------------------------------------------

namespace detail {
// Reports a release that failed in a guard's destructor (it cannot throw).
void report_guard_error(EventLoop& loop, const char* what, std::exception_ptr e) noexcept;
}  // namespace detail

// Owns one acquisition of a Lock, Semaphore or Condition and releases it when
// destroyed: the `__aexit__` of `async with`. Move-only.
//
// When a closing loop frees the frame of a task that still holds a guard, the
// guard does not release: no code of that loop runs again, and the primitive
// may already be gone (frames are freed in task-creation order). Otherwise
// the primitive must outlive the guard, as any object a coroutine refers to.
template <class Primitive>
class [[nodiscard]] LockGuard {
public:
    LockGuard(Primitive& p, EventLoop& loop) noexcept : m_p(&p), m_loop(&loop) {}
    LockGuard(LockGuard&& o) noexcept : m_p(std::exchange(o.m_p, nullptr)), m_loop(o.m_loop) {}
    LockGuard& operator=(LockGuard&& o) noexcept {
        if (this != &o) {
            reset();
            m_p = std::exchange(o.m_p, nullptr);
            m_loop = o.m_loop;
        }
        return *this;
    }
    ~LockGuard() { reset(); }

    bool owns() const noexcept { return m_p != nullptr; }
    // Release now (like leaving the `async with` block early). Errors are
    // thrown here, e.g. RuntimeError("Lock is not acquired.").
    void release() { std::exchange(m_p, nullptr)->release(); }

private:
    void reset() noexcept {
        Primitive* p = std::exchange(m_p, nullptr);
        if (!p) return;
        if (!m_loop->is_running() && !m_loop->current_task()) return;  // frame freed by a closing loop
        try {
            p->release();
        } catch (...) {
            detail::report_guard_error(*m_loop, "LockGuard release", std::current_exception());
        }
    }
    Primitive* m_p;
    EventLoop* m_loop;
};

namespace detail {
// `co_await p.hold()`: acquires like `co_await p.acquire()` (suspending only
// where acquire would) and hands back a LockGuard.
template <class Primitive>
class [[nodiscard]] HoldAwaiter {
public:
    explicit HoldAwaiter(Primitive& p) : m_p(&p), m_acquire(p.acquire()) {}
    bool await_ready() const noexcept { return false; }
    // Returning false resumes at once: the fast path never really suspends.
    template <class P>
    bool await_suspend(stdcoro::coroutine_handle<P> h) {
        m_loop = &h.promise().task_for_await().get_loop();
        if (m_acquire.await_ready()) return false;
        m_acquire.await_suspend(h);
        return true;
    }
    LockGuard<Primitive> await_resume() {
        m_acquire.await_resume();
        return LockGuard<Primitive>(*m_p, *m_loop);
    }

private:
    Primitive* m_p;
    typename Primitive::AcquireAwaiter m_acquire;
    EventLoop* m_loop = nullptr;
};
}  // namespace detail

// [SECTION] Lock --------------------------------------------------------------------------

// asyncio.Lock: not owned by a task; release() may be called by anyone, and
// raises RuntimeError("Lock is not acquired.") on an unlocked lock.
class Lock {
public:
    Lock() = default;
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    bool locked() const noexcept { return m_locked; }

    // `co_await lock.acquire()` → true.
    class [[nodiscard]] AcquireAwaiter {
    public:
        explicit AcquireAwaiter(Lock& l) noexcept : m_lock(&l) {}
        // asyncio: a free lock whose waiters (if any) are all cancelled is
        // taken at once, without yielding.
        bool await_ready() noexcept { return m_lock->try_acquire_now(); }
        template <class P>
        void await_suspend(stdcoro::coroutine_handle<P> h) {
            detail::TaskCore& task = h.promise().task_for_await();
            m_lock->suspend(m_wait, task);
            task.m_resume_point = h;
        }
        bool await_resume() {
            if (m_wait) {
                if (m_wait->orphaned())
                    m_wait->check();  // the lock is gone
                else
                    m_lock->finish_wait(*m_wait);
            }
            return true;
        }

    private:
        Lock* m_lock;
        std::optional<detail::Waiter> m_wait;  // engaged only when suspended
    };
    AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

    // Unlock and let the first waiter (if any) take the lock next.
    void release();

    // `auto guard = co_await lock.hold();` — `async with lock:`.
    detail::HoldAwaiter<Lock> hold() { return detail::HoldAwaiter<Lock>(*this); }

    // "<asyncio.locks.Lock object at 0x... [locked, waiters:2]>"
    std::string repr() const;
    std::size_t waiter_count() const noexcept { return m_waiters.size(); }

private:
    bool try_acquire_now() noexcept {
        if (m_locked || !(m_waiters.empty() || m_waiters.all_cancelled())) return false;
        m_locked = true;
        return true;
    }
    void suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task);
    void finish_wait(detail::Waiter& w);
    void wake_up_first();

    detail::WaiterList m_waiters;
    EventLoop* m_loop = nullptr;  // bound on first wait
    bool m_locked = false;
};

}  // namespace aio
