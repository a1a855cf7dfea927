#pragma once
// asyncio.as_completed (CPython 3.11 Lib/asyncio/tasks.py).
//
//     for (auto next : aio::as_completed(std::move(coros), 5.0)) {
//         int r = co_await next;   // results in completion order; may raise
//     }
//
// Yields one Coroutine<T> per distinct argument; awaiting the k-th gives the
// result (or raises the exception) of the k-th argument to finish. With a
// timeout, the awaits that are still waiting when it passes raise
// TimeoutError (nothing is cancelled). Coroutines are wrapped in Tasks at the
// call, in argument order (CPython walks a set, so its order is arbitrary),
// on the running loop or else the current event loop.

#include <cstddef>
#include <deque>
#include <optional>
#include <unordered_set>
#include <vector>

#include "aio/wait.hpp"

namespace aio {

namespace detail {

// The closure of CPython's as_completed: the futures not done yet (todo), a
// queue of finished ones (`done`, an asyncio.Queue there; null = the timeout's
// dummy), its waiting getters, and the timeout. Shared by the range and the
// coroutines it hands out; the done callbacks and the timer point back here
// without owning it, and are detached when it goes.
class AsCompletedState {
public:
    AsCompletedState(EventLoop& loop, std::size_t n);
    AsCompletedState(const AsCompletedState&) = delete;
    AsCompletedState& operator=(const AsCompletedState&) = delete;
    void add_ref() noexcept { ++m_refs; }
    void release() noexcept {
        if (--m_refs == 0) delete this;
    }

    void watch(Ref<FutureCore> f);  // a distinct future, in argument order
    void start(std::optional<double> timeout);
    std::size_t size() const noexcept { return m_count; }
    // asyncio: `await done.get()` — the next finished future, null on timeout.
    Coroutine<Ref<FutureCore>> get();

private:
    ~AsCompletedState();
    void on_completion(FutureCore& f);  // asyncio: _on_completion
    void on_timeout();                  // asyncio: _on_timeout
    void put_nowait(Ref<FutureCore> f);
    void wakeup_next();  // asyncio: Queue._wakeup_next(getters)

    EventLoop& m_loop;
    std::uint32_t m_refs = 0;
    std::size_t m_count = 0;  // len(todo) at the start
    std::unordered_set<const FutureCore*> m_todo;
    std::vector<Ref<DoneCallback>> m_callbacks;  // every callback added, to detach
    std::deque<Ref<FutureCore>> m_done;
    std::deque<Future<>> m_getters;
    TimerHandle m_timeout_handle;
};

// asyncio: _wait_for_one().
template <class T>
Coroutine<T> wait_for_one(Ref<AsCompletedState> state) {
    Ref<FutureCore> f = co_await state->get();
    if (!f) throw TimeoutError();  // the dummy from _on_timeout
    if constexpr (std::is_void_v<T>) {
        f->check_result();
    } else {
        co_return take_value<T>(*f, false);
    }
}

}  // namespace detail

// What as_completed returns: a range of Coroutine<T>, one per distinct argument.
template <class T>
class AsCompleted {
public:
    struct Sentinel {};
    class Iterator {
    public:
        Coroutine<T> operator*() const { return detail::wait_for_one<T>(m_state); }
        Iterator& operator++() {
            --m_left;
            return *this;
        }
        friend bool operator==(const Iterator& i, Sentinel) { return i.m_left == 0; }
        friend bool operator!=(const Iterator& i, Sentinel) { return i.m_left != 0; }

    private:
        friend class AsCompleted;
        Iterator(detail::Ref<detail::AsCompletedState> s, std::size_t n) : m_state(std::move(s)), m_left(n) {}
        detail::Ref<detail::AsCompletedState> m_state;
        std::size_t m_left;
    };

    explicit AsCompleted(detail::Ref<detail::AsCompletedState> s) : m_state(std::move(s)) {}
    Iterator begin() const { return Iterator(m_state, m_state->size()); }
    Sentinel end() const { return {}; }
    std::size_t size() const { return m_state->size(); }

private:
    detail::Ref<detail::AsCompletedState> m_state;
};

// asyncio.as_completed(fs, timeout=None).
template <detail::Awaitable A>
AsCompleted<detail::await_result_t<A>> as_completed(std::vector<A> fs, std::optional<double> timeout = std::nullopt) {
    EventLoop& loop = get_event_loop();  // asyncio: events._get_event_loop()
    detail::Ref<detail::AsCompletedState> state(new detail::AsCompletedState(loop, fs.size()));
    for (auto& f : fs) state->watch(detail::ensure_future_on(loop, std::move(f)).future);
    state->start(timeout);
    return AsCompleted<detail::await_result_t<A>>(std::move(state));
}

}  // namespace aio
