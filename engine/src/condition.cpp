// asyncio.Condition. Mirrors Lib/asyncio/locks.py (CPython 3.11), class
// Condition.

#include "aio/condition.hpp"

namespace aio {

// asyncio: Condition.wait
//     self.release()
//     try:
//         fut = create_future(); self._waiters.append(fut)
//         try: await fut; return True
//         finally: self._waiters.remove(fut)
//     finally:
//         cancelled = False
//         while True:            # must re-acquire even if cancelled
//             try: await self.acquire(); break
//             except CancelledError: cancelled = True
//         if cancelled: raise CancelledError
Coroutine<bool> Condition::wait() {
    if (!locked()) throw RuntimeError("cannot wait on un-acquired lock");
    release();
    std::exception_ptr error;
    try {
        co_await NotifiedAwaiter(*this);
    } catch (...) {
        error = std::current_exception();  // re-raised after the lock is back
    }
    bool cancelled = false;
    for (;;) {
        try {
            co_await acquire();
            break;
        } catch (const CancelledError&) {
            cancelled = true;
        }
    }
    if (cancelled) throw CancelledError();
    if (error) std::rethrow_exception(error);
    co_return true;
}

void Condition::suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task) {
    detail::bind_loop(m_loop, task, *this);
    w.emplace(task);
    w->wait(m_waiters, "Condition.wait");
}

void Condition::finish_wait(detail::Waiter& w) {
    m_waiters.remove(w);
    w.check();
}

void Condition::notify(std::size_t n) {
    if (!locked()) throw RuntimeError("cannot notify on un-acquired lock");
    std::size_t idx = 0;
    for (detail::Waiter* w = m_waiters.front(); w && idx < n; w = w->next_in_list()) {
        if (!w->done()) {
            ++idx;
            w->set_result();
        }
    }
}

std::string Condition::repr() const {
    std::string extra = locked() ? "locked" : "unlocked";
    if (!m_waiters.empty()) extra += ", waiters:" + std::to_string(m_waiters.size());
    return detail::primitive_repr("asyncio.locks.Condition", this, extra);
}

}  // namespace aio
