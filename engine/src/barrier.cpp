// asyncio.Barrier. Mirrors Lib/asyncio/locks.py (CPython 3.11), class
// Barrier, method for method.

#include "aio/barrier.hpp"

namespace aio {

Barrier::Barrier(int parties) : m_parties(parties) {
    if (parties < 1) throw ValueError("parties must be > 0");
}

// asyncio: Barrier.wait
//     async with self._cond:
//         await self._block()
//         try:
//             index = self._count; self._count += 1
//             if index + 1 == self._parties: await self._release()
//             else: await self._wait()
//             return index
//         finally:
//             self._count -= 1; self._exit()
Coroutine<int> Barrier::wait() {
    auto guard = co_await m_cond.hold();
    co_await block();
    int index = m_count++;
    try {
        if (index + 1 == m_parties)
            release_all();
        else
            co_await wait_released();
    } catch (...) {
        --m_count;
        exit();
        throw;
    }
    --m_count;
    exit();
    co_return index;
}

// asyncio: Barrier._block — wait while the barrier drains or resets.
Coroutine<void> Barrier::block() {
    co_await m_cond.wait_for([this] { return m_state != State::draining && m_state != State::resetting; });
    if (m_state == State::broken) throw BrokenBarrierError("Barrier aborted");
}

// asyncio: Barrier._release — the last party arrived: start draining.
void Barrier::release_all() {
    m_state = State::draining;
    m_cond.notify_all();
}

// asyncio: Barrier._wait — wait for the filling to end.
Coroutine<void> Barrier::wait_released() {
    co_await m_cond.wait_for([this] { return m_state != State::filling; });
    if (m_state == State::broken || m_state == State::resetting) throw BrokenBarrierError("Abort or reset of barrier");
}

// asyncio: Barrier._exit — the last task out lets new arrivals in.
void Barrier::exit() {
    if (m_count == 0) {
        if (m_state == State::resetting || m_state == State::draining) m_state = State::filling;
        m_cond.notify_all();
    }
}

Coroutine<void> Barrier::reset() {
    auto guard = co_await m_cond.hold();
    if (m_count > 0) {
        if (m_state != State::resetting) m_state = State::resetting;
    } else {
        m_state = State::filling;
    }
    m_cond.notify_all();
}

Coroutine<void> Barrier::abort() {
    auto guard = co_await m_cond.hold();
    m_state = State::broken;
    m_cond.notify_all();
}

std::string Barrier::repr() const {
    static const char* const names[] = {"filling", "draining", "resetting", "broken"};
    std::string extra = names[static_cast<int>(m_state)];
    if (!broken()) extra += ", waiters:" + std::to_string(n_waiting()) + "/" + std::to_string(m_parties);
    return detail::primitive_repr("asyncio.locks.Barrier", this, extra);
}

}  // namespace aio
