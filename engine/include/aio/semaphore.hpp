#pragma once
// asyncio.Semaphore and asyncio.BoundedSemaphore: a counter that acquire()
// decrements and release() increments; acquire() waits while it is zero.
//
//     aio::Semaphore slots(3);
//     auto guard = co_await slots.hold();   // async with slots:

#include <optional>
#include <string>

#include "aio/event.hpp"
#include "aio/lock.hpp"

namespace aio {

class Semaphore {
public:
    // ValueError("Semaphore initial value must be >= 0") when value < 0.
    explicit Semaphore(int value = 1);
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;
    virtual ~Semaphore() = default;

    // True if acquire() would wait: the counter is zero, or tasks that were
    // not cancelled are already waiting (asyncio 3.11: no barging).
    bool locked() const noexcept { return m_value == 0 || (!m_waiters.empty() && !m_waiters.all_cancelled()); }

    // `co_await sem.acquire()` → true.
    class [[nodiscard]] AcquireAwaiter {
    public:
        explicit AcquireAwaiter(Semaphore& s) noexcept : m_sem(&s) {}
        bool await_ready() noexcept {
            if (m_sem->locked()) return false;
            --m_sem->m_value;
            return true;
        }
        template <class P>
        void await_suspend(stdcoro::coroutine_handle<P> h) {
            detail::TaskCore& task = h.promise().task_for_await();
            m_sem->suspend(m_wait, task);
            task.m_resume_point = h;
        }
        bool await_resume() {
            if (m_wait) {
                if (m_wait->orphaned())
                    m_wait->check();  // the semaphore is gone
                else
                    m_sem->finish_wait(*m_wait);
            }
            return true;
        }

    private:
        Semaphore* m_sem;
        std::optional<detail::Waiter> m_wait;  // engaged only when suspended
    };
    AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

    // Increment the counter and wake the first waiter that is not done.
    virtual void release();

    // `auto guard = co_await sem.hold();` — `async with sem:`.
    detail::HoldAwaiter<Semaphore> hold() { return detail::HoldAwaiter<Semaphore>(*this); }

    // "<asyncio.locks.Semaphore object at 0x... [unlocked, value:2]>"
    std::string repr() const;
    std::size_t waiter_count() const noexcept { return m_waiters.size(); }

protected:
    virtual const char* type_name() const noexcept { return "asyncio.locks.Semaphore"; }
    int m_value;  // the counter (asyncio: _value)

private:
    void suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task);
    void finish_wait(detail::Waiter& w);
    void wake_up_next();

    detail::WaiterList m_waiters;
    EventLoop* m_loop = nullptr;  // bound on first wait
};

// asyncio.BoundedSemaphore: release() beyond the initial value raises
// ValueError("BoundedSemaphore released too many times").
class BoundedSemaphore final : public Semaphore {
public:
    explicit BoundedSemaphore(int value = 1) : Semaphore(value), m_bound_value(value) {}
    void release() override;
    detail::HoldAwaiter<BoundedSemaphore> hold() { return detail::HoldAwaiter<BoundedSemaphore>(*this); }

private:
    const char* type_name() const noexcept override { return "asyncio.locks.BoundedSemaphore"; }
    int m_bound_value;
};

}  // namespace aio
