#pragma once
// asyncio.Barrier (3.11): `parties` tasks wait until all of them have arrived,
// then all go on together; each gets a distinct index 0..parties-1.
//
//     aio::Barrier barrier(3);
//     int index = co_await barrier.wait();
//
// Built, as CPython builds it, on a Condition; wait(), reset() and abort()
// are coroutines. reset() and abort() make current waiters raise
// BrokenBarrierError; after abort() every wait() raises it. Like a
// Condition, a Barrier must outlive the tasks waiting on it.

#include "aio/condition.hpp"
#include "aio/coroutine.hpp"

namespace aio {

class Barrier {
public:
    // ValueError("parties must be > 0") when parties < 1.
    explicit Barrier(int parties);
    Barrier(const Barrier&) = delete;
    Barrier& operator=(const Barrier&) = delete;

    // Wait for the barrier; returns this task's arrival index.
    Coroutine<int> wait();
    // Back to the initial state; tasks waiting now get BrokenBarrierError.
    Coroutine<void> reset();
    // Break the barrier: current and future waiters get BrokenBarrierError.
    Coroutine<void> abort();

    int parties() const noexcept { return m_parties; }
    // Tasks currently waiting to trip the barrier (0 while it drains).
    int n_waiting() const noexcept { return m_state == State::filling ? m_count : 0; }
    bool broken() const noexcept { return m_state == State::broken; }

    // "<asyncio.locks.Barrier object at 0x... [filling, waiters:1/3]>"
    std::string repr() const;

private:
    enum class State { filling, draining, resetting, broken };  // asyncio: _BarrierState
    Coroutine<void> block();
    Coroutine<void> wait_released();
    void release_all();
    void exit();

    Condition m_cond;  // notifies all waiters when the state changes
    int m_parties;
    int m_count = 0;  // tasks inside wait()
    State m_state = State::filling;
};

}  // namespace aio
