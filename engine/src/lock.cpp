// asyncio.Lock. Mirrors Lib/asyncio/locks.py (CPython 3.11), class Lock.

#include "aio/lock.hpp"

namespace aio {

namespace detail {
void report_guard_error(EventLoop& loop, const char* what, std::exception_ptr e) noexcept {
    try {
        loop.call_exception_handler({std::string("Exception in ") + what, std::move(e), std::string(what)});
    } catch (...) {}
}
}  // namespace detail

void Lock::suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task) {
    detail::bind_loop(m_loop, task, *this);
    w.emplace(task);
    w->wait(m_waiters, "Lock.acquire");
}

// asyncio: the part of Lock.acquire after `await fut`:
//     try:
//         try: await fut
//         finally: self._waiters.remove(fut)
//     except CancelledError:
//         if not self._locked: self._wake_up_first()
//         raise
//     self._locked = True
void Lock::finish_wait(detail::Waiter& w) {
    m_waiters.remove(w);
    try {
        w.check();
    } catch (const CancelledError&) {
        if (!m_locked) wake_up_first();
        throw;
    }
    m_locked = true;
}

void Lock::release() {
    if (!m_locked) throw RuntimeError("Lock is not acquired.");
    m_locked = false;
    wake_up_first();
}

// asyncio: Lock._wake_up_first. Only the first waiter is looked at: if its
// future is done, that waiter will wake up anyway and either take the lock
// or, cancelled, pass the turn on from its except block.
void Lock::wake_up_first() {
    detail::Waiter* first = m_waiters.front();
    if (first && !first->done()) first->set_result();
}

std::string Lock::repr() const {
    std::string extra = m_locked ? "locked" : "unlocked";
    if (!m_waiters.empty()) extra += ", waiters:" + std::to_string(m_waiters.size());
    return detail::primitive_repr("asyncio.locks.Lock", this, extra);
}

}  // namespace aio
