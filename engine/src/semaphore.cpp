// asyncio.Semaphore / BoundedSemaphore. Mirrors Lib/asyncio/locks.py
// (CPython 3.11), classes Semaphore and BoundedSemaphore.

#include "aio/semaphore.hpp"

namespace aio {

Semaphore::Semaphore(int value) : m_value(value) {
    if (value < 0) throw ValueError("Semaphore initial value must be >= 0");
}

void Semaphore::suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task) {
    detail::bind_loop(m_loop, task, *this);
    w.emplace(task);
    w->wait(m_waiters, "Semaphore.acquire");
}

// asyncio: the part of Semaphore.acquire after `await fut`:
//     try:
//         try: await fut
//         finally: self._waiters.remove(fut)
//     except CancelledError:
//         if not fut.cancelled():      # woken, then cancelled: give it back
//             self._value += 1
//             self._wake_up_next()
//         raise
//     if self._value > 0: self._wake_up_next()
void Semaphore::finish_wait(detail::Waiter& w) {
    m_waiters.remove(w);
    try {
        w.check();
    } catch (const CancelledError&) {
        if (!w.cancelled()) {
            ++m_value;
            wake_up_next();
        }
        throw;
    }
    if (m_value > 0) wake_up_next();
}

void Semaphore::release() {
    ++m_value;
    wake_up_next();
}

// asyncio: Semaphore._wake_up_next — the counter is taken on the woken
// waiter's behalf right away, so nobody can barge in before it resumes.
void Semaphore::wake_up_next() {
    for (detail::Waiter* w = m_waiters.front(); w; w = w->next_in_list()) {
        if (!w->done()) {
            --m_value;
            w->set_result();
            return;
        }
    }
}

std::string Semaphore::repr() const {
    std::string extra = locked() ? std::string("locked") : "unlocked, value:" + std::to_string(m_value);
    if (!m_waiters.empty()) extra += ", waiters:" + std::to_string(m_waiters.size());
    return detail::primitive_repr(type_name(), this, extra);
}

void BoundedSemaphore::release() {
    if (m_value >= m_bound_value) throw ValueError("BoundedSemaphore released too many times");
    Semaphore::release();
}

}  // namespace aio
