#pragma once
// asyncio.Condition: tasks wait (releasing a lock) until another task
// notifies them; each woken task re-acquires the lock before wait() returns.
//
//     aio::Condition cond;
//     auto guard = co_await cond.hold();              // async with cond:
//     co_await cond.wait_for([&] { return ready; });  //     await cond.wait_for(...)
//
// wait() and wait_for() are coroutines, as in asyncio: a wait can suspend
// twice (for the notification, then for the lock), so each call has a frame.
// Unlike Event, Lock, Semaphore and the queues, whose waiters survive their
// primitive's destruction (see detail::WaiterList), a Condition and its lock
// must outlive the tasks waiting on it: wait() re-acquires the lock.

#include <optional>
#include <string>
#include <type_traits>

#include "aio/coroutine.hpp"
#include "aio/event.hpp"
#include "aio/lock.hpp"

namespace aio {

class Condition {
public:
    // With a Lock of its own.
    Condition() noexcept : m_lock(&m_own_lock) {}
    // Using `lock`, which must outlive the condition (asyncio: Condition(lock)).
    explicit Condition(Lock& lock) noexcept : m_lock(&lock) {}
    Condition(const Condition&) = delete;
    Condition& operator=(const Condition&) = delete;

    // The underlying lock's locked() / acquire() / release() / hold().
    bool locked() const noexcept { return m_lock->locked(); }
    Lock::AcquireAwaiter acquire() noexcept { return m_lock->acquire(); }
    void release() { m_lock->release(); }
    detail::HoldAwaiter<Lock> hold() { return m_lock->hold(); }
    Lock& lock() const noexcept { return *m_lock; }

    // Release the lock, wait until notified, re-acquire the lock; → true.
    // RuntimeError("cannot wait on un-acquired lock") when not locked. If
    // cancelled, the lock is still re-acquired before CancelledError leaves.
    Coroutine<bool> wait();

    // Wait until predicate() is truthy; returns its last value.
    template <class Predicate>
    Coroutine<std::decay_t<std::invoke_result_t<Predicate&>>> wait_for(Predicate predicate) {
        auto result = predicate();
        while (!result) {
            co_await wait();
            result = predicate();
        }
        co_return result;
    }

    // Wake up to n waiters that are not done yet, oldest first. The caller
    // must hold the lock: RuntimeError("cannot notify on un-acquired lock").
    void notify(std::size_t n = 1);
    void notify_all() { notify(m_waiters.size()); }

    // "<asyncio.locks.Condition object at 0x... [locked, waiters:1]>"
    std::string repr() const;
    std::size_t waiter_count() const noexcept { return m_waiters.size(); }

private:
    // The `await fut` inside wait(): a waiter in m_waiters.
    class NotifiedAwaiter {
    public:
        explicit NotifiedAwaiter(Condition& c) noexcept : m_cond(&c) {}
        bool await_ready() const noexcept { return false; }
        template <class P>
        void await_suspend(stdcoro::coroutine_handle<P> h) {
            detail::TaskCore& task = h.promise().task_for_await();
            m_cond->suspend(m_wait, task);
            task.m_resume_point = h;
        }
        void await_resume() { m_cond->finish_wait(*m_wait); }

    private:
        Condition* m_cond;
        std::optional<detail::Waiter> m_wait;
    };
    void suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task);
    void finish_wait(detail::Waiter& w);

    Lock m_own_lock;  // used unless a lock was given
    Lock* m_lock;
    detail::WaiterList m_waiters;
    EventLoop* m_loop = nullptr;  // bound on first wait
};

}  // namespace aio
