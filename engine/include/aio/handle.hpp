#pragma once
// asyncio.Handle and asyncio.TimerHandle: what call_soon / call_later /
// call_at return, so a scheduled callback can be cancelled before it runs.

#include <cstdint>
#include <functional>
#include <string>

#include "aio/detail/pool.hpp"
#include "aio/detail/ref.hpp"

namespace aio {

class EventLoop;

namespace detail {

// The shared state behind a Handle. Internal users (sleep's timer) set
// `fn`/`ctx` instead of `callback` to avoid a std::function.
struct HandleState : Pooled {  // pooled: sleep makes one per timer
    std::uint32_t refs = 0;
    bool cancelled = false;
    bool scheduled = false;  // still in the timer heap
    double when = 0;         // loop time, seconds (timers only)
    std::uint64_t id = 0;    // timer id for the observer; 0 for plain handles
    EventLoop* loop = nullptr;
    std::function<void()> callback;   // user callback
    void (*fn)(void* ctx) = nullptr;  // internal callback
    void* ctx = nullptr;
    std::string name;  // for "Exception in callback NAME" and the inspector

    void add_ref() noexcept { ++refs; }
    void release() noexcept {
        if (--refs == 0) delete this;
    }
    void cancel() noexcept;
    void run();
};

}  // namespace detail

class Handle {
public:
    Handle() = default;
    explicit Handle(detail::Ref<detail::HandleState> s) : m_state(std::move(s)) {}
    // Cancel the callback; a no-op once it has run.
    void cancel() {
        if (m_state) m_state->cancel();
    }
    bool cancelled() const { return m_state && m_state->cancelled; }
    explicit operator bool() const { return bool(m_state); }

protected:
    detail::Ref<detail::HandleState> m_state;
};

class TimerHandle : public Handle {
public:
    using Handle::Handle;
    // Absolute loop time at which the callback is scheduled.
    double when() const { return m_state ? m_state->when : 0; }
};

}  // namespace aio
