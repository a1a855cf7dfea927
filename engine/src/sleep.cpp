// asyncio.sleep: a timer that completes a private future.

#include "aio/sleep.hpp"

#include "aio/event_loop.hpp"

namespace aio::detail {

void SleepAwaiter::suspend(TaskCore& task) {
    m_task = &task;
    m_node.m_task = &task;
    EventLoop& loop = task.get_loop();
    if (m_delay <= 0) {  // asyncio: __sleep0, a bare yield
        task.yield_now();
        return;
    }
    m_future.emplace(loop);
    Ref<HandleState> h(new HandleState);
    h->fn = &SleepAwaiter::fire;
    h->ctx = this;
    h->name = "sleep";
    double when = loop.time() + m_delay;
    m_timer = loop.schedule_timer(when, std::move(h));
    task.wait_on(*m_future, m_node, "sleep", when);
}

// asyncio: futures._set_result_unless_cancelled(future, None)
void SleepAwaiter::fire(void* self) {
    auto* s = static_cast<SleepAwaiter*>(self);
    s->m_future->set_result();
}

void SleepAwaiter::await_resume() {
    if (m_timer) {  // asyncio: finally: h.cancel()
        m_timer->cancel();
        m_timer = {};
    }
    m_task->rethrow_injected();
    if (m_future) m_future->check_result();  // CancelledError if the sleep was cancelled
}

SleepAwaiter::~SleepAwaiter() {
    if (m_timer) m_timer->cancel();  // frame destroyed mid-sleep
    m_node.unlink();
}

}  // namespace aio::detail
