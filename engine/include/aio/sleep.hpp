#pragma once
// asyncio.sleep. sleep(0) yields for exactly one loop iteration; a positive
// delay arms a timer whose callback completes a private future, and the task
// resumes one iteration after that (as CPython: timer → set_result →
// scheduled wakeup), so ordering against other callbacks matches.

#include "aio/detail/task_core.hpp"
#include "aio/handle.hpp"
#include <optional>

namespace aio {

namespace detail {
class SleepAwaiter {
public:
    explicit SleepAwaiter(double delay) : m_delay(delay) {}
    SleepAwaiter(SleepAwaiter&&) = delete;
    ~SleepAwaiter();
    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(stdcoro::coroutine_handle<P> h) {
        TaskCore& task = h.promise().task_for_await();
        task.m_resume_point = h;
        suspend(task);
    }
    void await_resume();

private:
    void suspend(TaskCore& task);
    static void fire(void* self);
    double m_delay;  // seconds
    TaskCore* m_task = nullptr;
    std::optional<PrivateFuture> m_future;  // only for a positive delay
    WakeNode m_node;
    Ref<HandleState> m_timer;
};
}  // namespace detail

// Suspend the calling task for `seconds` of loop time.
inline detail::SleepAwaiter sleep(double seconds) { return detail::SleepAwaiter(seconds); }

}  // namespace aio
