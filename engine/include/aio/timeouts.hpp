#pragma once
// asyncio.timeout / asyncio.timeout_at / asyncio.Timeout (CPython 3.11
// Lib/asyncio/timeouts.py): a deadline over a block of awaits. At the deadline
// the current task is cancelled; when the resulting CancelledError leaves the
// block, the scope turns it into TimeoutError.
//
//     // async with asyncio.timeout(0.5): await fetch()
//     std::string page = co_await aio::timeout(0.5, fetch());
//
//     // async with asyncio.timeout(0.5) as cm: ... (a block, with the Timeout)
//     co_await aio::timeout(0.5, [&](aio::Timeout& cm) -> aio::Coroutine<> {
//         co_await connect();
//         cm.reschedule(aio::get_running_loop().time() + 2);  // more time for the transfer
//         co_await transfer();
//     });
//
// Why not an RAII guard (`aio::Timeout t(0.5); co_await ...;`)? Leaving the
// scope must look at the exception that leaves it (CancelledError caused by
// this deadline becomes TimeoutError), and a C++ destructor can neither see
// nor replace an exception in flight, nor co_await. So the block is a
// coroutine the scope awaits inline, between asyncio's __aenter__ and
// __aexit__: no extra loop iteration, the same ordering as `async with`.
// Timeout::enter()/exit() are that __aenter__/__aexit__, for other drivers
// (the script layer's `async with`). To read the Timeout after the scope, own
// it: `auto cm = aio::timeout(0.5); co_await cm.run(...); cm.expired();`.

#include <concepts>
#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/handle.hpp"
#include "aio/task.hpp"

namespace aio {

// asyncio.Timeout: use timeout()/timeout_at() rather than making one.
class Timeout {
public:
    // A deadline in loop time; nullopt never triggers; a deadline already
    // past triggers on the next loop iteration.
    explicit Timeout(std::optional<double> when) noexcept : m_when(when) {}
    Timeout(const Timeout&) = delete;
    Timeout& operator=(const Timeout&) = delete;
    ~Timeout() { m_timeout_handler.cancel(); }

    // The current deadline (nullopt: none).
    std::optional<double> when() const noexcept { return m_when; }
    // Move the deadline (nullopt: remove it). Only inside the scope.
    void reschedule(std::optional<double> when);
    // Did the deadline pass while the scope was active?
    bool expired() const noexcept { return m_state == State::expiring || m_state == State::expired; }
    // "<Timeout [active] when=0.5>", as Python's repr.
    std::string repr() const;

    // `async with cm:` — run a coroutine, or a block taking this Timeout,
    // under this deadline; the Timeout stays readable afterwards.
    template <class T>
    Coroutine<T> run(Coroutine<T> body);
    template <class Fn>
    auto run(Fn block);

    // asyncio: __aenter__. Binds the scope to the current task and arms the
    // deadline. Throws RuntimeError outside a task or when entered twice.
    void enter();
    // asyncio: __aexit__. `error` is what leaves the block (null if nothing);
    // a CancelledError caused by this deadline is replaced by TimeoutError.
    void exit(std::exception_ptr& error);

private:
    enum class State : unsigned char { created, entered, expiring, expired, exited };
    static const char* name(State s);
    void on_timeout();  // asyncio: _on_timeout

    State m_state = State::created;
    std::optional<double> m_when;  // loop time, seconds
    Handle m_timeout_handler;      // call_at's timer, or call_soon's handle for a past deadline
    detail::Ref<detail::TaskCore> m_task;
    int m_cancelling = 0;  // the task's cancelling() when entered
};

namespace detail {

// `async with cm:` around `block(cm)`: __aenter__, the block awaited inline,
// __aexit__.
template <class T, class Block>
Coroutine<T> run_in_timeout(Timeout& cm, Block block) {
    cm.enter();
    std::exception_ptr error;
    std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> result;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await block(cm);
        } else {
            result.emplace(co_await block(cm));
        }
    } catch (...) {
        error = std::current_exception();
    }
    cm.exit(error);
    if (error) std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>) co_return std::move(*result);
}

// The same with a Timeout that lives just as long as the scope.
template <class T, class Block>
Coroutine<T> timeout_scope(std::optional<double> when, Block block) {
    Timeout cm(when);
    if constexpr (std::is_void_v<T>) {
        co_await run_in_timeout<T>(cm, std::move(block));
    } else {
        co_return co_await run_in_timeout<T>(cm, std::move(block));
    }
}

template <class Fn>
using block_result_t = typename std::invoke_result_t<Fn&, Timeout&>::value_type;

template <class Fn>
concept TimeoutBlock =
    std::invocable<Fn&, Timeout&> && std::same_as<std::invoke_result_t<Fn&, Timeout&>, Coroutine<block_result_t<Fn>>>;

double deadline_after(double delay);  // get_running_loop().time() + delay

}  // namespace detail

template <class T>
Coroutine<T> Timeout::run(Coroutine<T> body) {
    return detail::run_in_timeout<T>(*this, [c = std::move(body)](Timeout&) mutable { return std::move(c); });
}
template <class Fn>
auto Timeout::run(Fn block) {
    static_assert(detail::TimeoutBlock<Fn>, "Timeout::run needs a Coroutine or a callable(Timeout&) returning one");
    return detail::run_in_timeout<detail::block_result_t<Fn>>(*this, std::move(block));
}

// asyncio.timeout_at(when): `co_await aio::timeout_at(when, coro)` returns
// what coro returns, or raises TimeoutError if the deadline passed first.
template <class T>
Coroutine<T> timeout_at(std::optional<double> when, Coroutine<T> body) {
    return detail::timeout_scope<T>(when, [c = std::move(body)](Timeout&) mutable { return std::move(c); });
}
// The block form: `block` is called with the Timeout (for reschedule/expired)
// and returns the Coroutine to run under it, typically a lambda.
template <detail::TimeoutBlock Fn>
Coroutine<detail::block_result_t<Fn>> timeout_at(std::optional<double> when, Fn block) {
    return detail::timeout_scope<detail::block_result_t<Fn>>(when, std::move(block));
}

// asyncio.timeout(delay): the same with a deadline `delay` seconds from now
// (read when timeout() is called, as in Python); nullopt for no deadline.
// Needs a running loop.
//
// With no body it returns the Timeout itself, for code that reads it after
// the scope (Python's `async with asyncio.timeout(1) as cm: ...` then
// `cm.expired()`):
//     auto cm = aio::timeout(1.0);
//     co_await cm.run(fetch());
//     if (cm.expired()) ...
inline Timeout timeout_at(std::optional<double> when) { return Timeout(when); }
inline Timeout timeout(std::optional<double> delay) {
    return Timeout(delay ? std::optional<double>(detail::deadline_after(*delay)) : std::nullopt);
}
template <class T>
Coroutine<T> timeout(std::optional<double> delay, Coroutine<T> body) {
    return timeout_at(delay ? std::optional<double>(detail::deadline_after(*delay)) : std::nullopt, std::move(body));
}
template <detail::TimeoutBlock Fn>
Coroutine<detail::block_result_t<Fn>> timeout(std::optional<double> delay, Fn block) {
    return timeout_at(delay ? std::optional<double>(detail::deadline_after(*delay)) : std::nullopt, std::move(block));
}

}  // namespace aio
