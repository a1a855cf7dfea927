#pragma once
// asyncio.wait and asyncio.wait_for (CPython 3.11 Lib/asyncio/tasks.py), plus
// the plumbing every task-combining function shares: which arguments count as
// awaitables, turning one into a future (asyncio: _ensure_future), and done
// callbacks that can be removed again (add_done_callback /
// remove_done_callback).
//
//     auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_COMPLETED, 1.5);
//     int n = co_await aio::wait_for(fetch(), 0.5);   // TimeoutError after 0.5 s
//
// Both are coroutines, as in Python (`async def`): nothing happens until they
// are awaited (inline, no loop iteration) or wrapped in a task.

#include <cstdint>
#include <exception>
#include <optional>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/future.hpp"
#include "aio/task.hpp"

namespace aio {

// asyncio.FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED.
enum class ReturnWhen : std::uint8_t { first_completed, first_exception, all_completed };
inline constexpr ReturnWhen FIRST_COMPLETED = ReturnWhen::first_completed;
inline constexpr ReturnWhen FIRST_EXCEPTION = ReturnWhen::first_exception;
inline constexpr ReturnWhen ALL_COMPLETED = ReturnWhen::all_completed;

namespace detail {

// [SECTION] What the combinators accept ------------------------------------------

// Coroutine<T>, Task<T> and Future<T>: the C++ spelling of Python's
// "awaitable" as far as gather/wait_for/shield/as_completed are concerned.
template <class A>
struct AwaitableTraits {
    static constexpr bool valid = false;
};
template <class T>
struct AwaitableTraits<Coroutine<T>> {
    static constexpr bool valid = true;
    static constexpr bool is_coroutine = true;
    using value_type = T;
};
template <class T>
struct AwaitableTraits<Task<T>> {
    static constexpr bool valid = true;
    static constexpr bool is_coroutine = false;
    using value_type = T;
};
template <class T>
struct AwaitableTraits<Future<T>> {
    static constexpr bool valid = true;
    static constexpr bool is_coroutine = false;
    using value_type = T;
};

template <class A>
concept Awaitable = AwaitableTraits<std::remove_cvref_t<A>>::valid;
// A Task or Future (what asyncio.wait accepts since 3.11).
template <class A>
concept FutureArg = Awaitable<A> && !AwaitableTraits<std::remove_cvref_t<A>>::is_coroutine;
template <class A>
inline constexpr bool is_coroutine_v = AwaitableTraits<std::remove_cvref_t<A>>::is_coroutine;

template <Awaitable A>
using await_result_t = typename AwaitableTraits<std::remove_cvref_t<A>>::value_type;

// The loop an argument belongs to; a coroutine belongs to the running loop,
// else the current event loop (asyncio: events._get_event_loop()).
template <Awaitable A>
EventLoop& loop_of(const A& a) {
    if constexpr (is_coroutine_v<A>) {
        return get_event_loop();
    } else {
        return a.core().get_loop();
    }
}

// A future for one argument (asyncio: _ensure_future(arg, loop=loop)).
// `own` says the future was made here (a coroutine wrapped in a Task), so
// nobody else can read its result and it may be moved out.
struct EnsuredFuture {
    Ref<FutureCore> future;
    bool own = false;
};
[[noreturn]] void throw_different_loop();
template <Awaitable A>
EnsuredFuture ensure_future_on(EventLoop& loop, A&& a) {
    if constexpr (is_coroutine_v<A>) {
        return {Ref<FutureCore>(&create_task(loop, std::move(a)).core()), true};
    } else {
        if (&a.core().get_loop() != &loop) throw_different_loop();
        return {Ref<FutureCore>(&a.core()), false};
    }
}

// The result of a done future, moved out when `own` (or when T cannot be
// copied), copied otherwise. Throws what result() throws.
template <class T>
requires(!std::is_void_v<T>) T take_value(FutureCore& f, bool own) {
    f.check_result();
    auto& v = *static_cast<ResultSlot<T>*>(f.result_slot())->value;
    if constexpr (std::is_copy_constructible_v<T>) {
        if (!own) return v;
    }
    return std::move(v);
}

// outer.set_result(inner.result()) for a finished inner with a result.
template <class T>
void copy_result(FutureCore& from, FutureCore& to, bool own) {
    if constexpr (!std::is_void_v<T>) {
        static_cast<ResultSlot<T>*>(to.result_slot())->value.emplace(take_value<T>(from, own));
    } else {
        from.check_result();
    }
    to.set_finished();
}

// Spots repeated futures in an argument list (Python dedups them by
// identity): a linear scan for short lists, and for long ones a hash table
// of pointers in one allocation (open addressing, at most half full) — a
// node-based set cost a malloc and a free per gathered task.
class DistinctFutures {
public:
    explicit DistinctFutures(std::size_t expected);
    bool insert(const FutureCore* f);  // false if seen before
private:
    void grow();
    std::vector<const FutureCore*> m_slots;  // short: the entries; long: the table (null = free)
    std::size_t m_count = 0;                 // entries in the table
    unsigned m_shift = 0;                    // long: 64 - log2(table size)
    bool m_hashed;
};

bool is_cancelled_error(const std::exception_ptr& e) noexcept;
// The CancelledError a cancelled future holds (asyncio: _make_cancelled_error).
std::exception_ptr cancelled_error_of(FutureCore& cancelled);

// [SECTION] Removable done callbacks ------------------------------------------------

// A done callback added with asyncio's add_done_callback: when the future
// completes, run() is scheduled with call_soon. remove() is
// remove_done_callback: it takes the callback off a pending future; once the
// callback is scheduled it still runs, exactly as in CPython. The function
// (and whatever it captured) is dropped as soon as it can no longer run, so
// reference cycles through captures end when the future does.
//
// Reference counted: the future's list holds one reference while linked and
// the ready queue one while scheduled; whoever may call remove() holds another.
class DoneCallback : public CallbackNode {
public:
    DoneCallback(const DoneCallback&) = delete;
    DoneCallback& operator=(const DoneCallback&) = delete;
    void add_ref() noexcept { ++m_refs; }
    void release() noexcept {
        if (--m_refs == 0) delete this;
    }
    // asyncio: future.remove_done_callback(fn).
    void remove() noexcept;
    // Never run, even if already scheduled: the owner of what the callback
    // points at is going away.
    void detach() noexcept;

protected:
    DoneCallback() = default;
    virtual ~DoneCallback() = default;
    virtual void run(FutureCore& future) = 0;
    virtual void drop() noexcept = 0;  // destroy the function and its captures

private:
    void on_done(FutureCore& future) override;
    void on_future_destroyed() noexcept override;
    static void run_entry(void* ctx, bool run);
    Ref<FutureCore> m_fired;  // the completed future, while scheduled
    std::uint32_t m_refs = 0;
    bool m_detached = false;
};

template <class Fn>
class DoneFunction final : public DoneCallback {
public:
    explicit DoneFunction(Fn fn) : m_fn(std::move(fn)) {}

private:
    void run(FutureCore& future) override {
        if (m_fn) (*m_fn)(future);
    }
    void drop() noexcept override { m_fn.reset(); }
    std::optional<Fn> m_fn;
};

// asyncio: future.add_done_callback(fn); fn(FutureCore&) runs from the ready
// queue. Keep the returned reference to remove the callback later.
template <class Fn>
Ref<DoneCallback> add_done_callback(FutureCore& future, Fn fn) {
    Ref<DoneCallback> cb(new DoneFunction<Fn>(std::move(fn)));
    cb->add_ref();  // the future's list (or, if already done, the ready queue)
    future.add_callback(*cb);
    return cb;
}

// asyncio: _release_waiter(waiter) — a timeout or a done callback ends a wait.
inline void release_waiter(FutureCore& waiter) {
    if (!waiter.done()) waiter.set_finished();
}

// asyncio: _cancel_and_wait(fut) — cancel and wait until it is really done,
// without awaiting fut itself so that the wait stays cancellable.
Coroutine<> cancel_and_wait(Ref<FutureCore> fut);

// asyncio: _wait(fs, timeout, return_when, loop) on distinct futures.
Coroutine<> wait_futures(EventLoop& loop, std::vector<FutureCore*> fs, std::optional<double> timeout,
                         ReturnWhen return_when);

// The rest of wait_for once the waiter, its timer and the future exist:
// returns when fut is done (wait_for returns fut.result()); throws
// TimeoutError or CancelledError otherwise. Cancels the timer on the way out.
Coroutine<> wait_for_future(Ref<FutureCore> fut, Future<> waiter, TimerHandle timeout_handle);
// `try: return fut.result() except CancelledError: raise TimeoutError`.
void timeout_if_cancelled(FutureCore& fut);

}  // namespace detail

// [SECTION] asyncio.wait ----------------------------------------------------------------

// What wait() returns: `auto [done, pending] = co_await aio::wait(...)`.
// Deliberate difference: CPython returns two sets, which have no order; these
// are vectors in argument order (duplicates dropped, as set(fs) would).
//
// g++ 12 note: a braced list inside the co_await expression
// (`co_await aio::wait(std::vector{a, b})`) fails to compile with "array used
// as initializer" (a g++ coroutine bug); build the vector first.
template <class F>
struct WaitResult {
    std::vector<F> done;
    std::vector<F> pending;
};

// asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED): wait until the
// condition holds or the timeout passes; never raises TimeoutError and never
// cancels anything. Raises ValueError for an empty fs. Coroutines are not
// accepted (3.11 raises TypeError for them): make tasks first.
template <detail::FutureArg F>
Coroutine<WaitResult<F>> wait(std::vector<F> fs, ReturnWhen return_when = ALL_COMPLETED,
                              std::optional<double> timeout = std::nullopt) {
    if (fs.empty()) throw ValueError("Set of Tasks/Futures is empty.");
    EventLoop& loop = get_running_loop();
    std::vector<F> unique;  // fs = set(fs), kept in argument order
    std::vector<detail::FutureCore*> cores;
    unique.reserve(fs.size());
    cores.reserve(fs.size());
    detail::DistinctFutures distinct(fs.size());
    for (auto& f : fs) {
        if (!distinct.insert(&f.core())) continue;
        cores.push_back(&f.core());
        unique.push_back(std::move(f));
    }
    co_await detail::wait_futures(loop, std::move(cores), timeout, return_when);
    WaitResult<F> r;
    for (auto& f : unique) (f.done() ? r.done : r.pending).push_back(std::move(f));
    co_return r;
}
// wait(fs, timeout, return_when): the timeout first, as a keyword-less spelling.
template <detail::FutureArg F>
Coroutine<WaitResult<F>> wait(std::vector<F> fs, double timeout, ReturnWhen return_when = ALL_COMPLETED) {
    return wait(std::move(fs), return_when, std::optional<double>(timeout));
}

// [SECTION] asyncio.wait_for --------------------------------------------------------

// asyncio.wait_for(aw, timeout) as in 3.11: a coroutine is wrapped in a Task;
// at the deadline that task is cancelled, wait_for waits until the
// cancellation has finished and raises TimeoutError. Cancelling wait_for
// cancels the task too. No timeout (nullopt) awaits aw directly.
template <detail::Awaitable A>
Coroutine<detail::await_result_t<A>> wait_for(A aw, std::optional<double> timeout) {
    using T = detail::await_result_t<A>;
    EventLoop& loop = get_running_loop();
    if (!timeout) {  // return await fut
        if constexpr (std::is_void_v<T>) {
            co_await std::move(aw);
            co_return;
        } else {
            co_return co_await std::move(aw);
        }
    }
    detail::EnsuredFuture fut;
    if (*timeout <= 0) {
        fut = detail::ensure_future_on(loop, std::move(aw));
        if (!fut.future->done()) {
            co_await detail::cancel_and_wait(fut.future);
            detail::timeout_if_cancelled(*fut.future);
        }
    } else {
        Future<> waiter(loop);
        TimerHandle timeout_handle = loop.call_later(
            *timeout, [w = waiter] { detail::release_waiter(w.core()); }, "_release_waiter");
        try {
            fut = detail::ensure_future_on(loop, std::move(aw));
        } catch (...) {
            timeout_handle.cancel();
            throw;
        }
        co_await detail::wait_for_future(fut.future, std::move(waiter), std::move(timeout_handle));
    }
    if constexpr (std::is_void_v<T>) {
        fut.future->check_result();
    } else {
        co_return detail::take_value<T>(*fut.future, fut.own);
    }
}

}  // namespace aio
