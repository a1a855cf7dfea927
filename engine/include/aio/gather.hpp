#pragma once
// asyncio.gather (CPython 3.11 Lib/asyncio/tasks.py: gather, _GatheringFuture).
//
//     auto [a, b] = co_await aio::gather(fetch("x"), sleepy_count());  // tuple, mixed types
//     std::vector<int> all = co_await aio::gather(std::move(coros));   // range form
//     auto outcomes = co_await aio::gather(aio::return_exceptions, f(), g());
//
// gather() returns a Future at once: coroutines are wrapped in Tasks there and
// then, in argument order, on the running loop — or, when no loop runs, on the
// current event loop (tutorials gather before the loop runs and fire it later
// with run_until_complete). Results come in argument order.
//
// - The first exception propagates to the gather's future; the other children
//   keep running (nothing is cancelled), as in CPython.
// - Cancelling the returned future cancels the children that are not done; it
//   then ends with CancelledError once they have finished.
// - A child that is cancelled on its own counts as raising CancelledError.
// - Void results become aio::None (Python's gather lists None for them).
// - return_exceptions: each element is an aio::Outcome<T> — the value or the
//   exception (CancelledError for a cancelled child) — instead of the first
//   error failing the whole gather.

#include <cstdint>
#include <exception>
#include <memory>
#include <ostream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "aio/wait.hpp"

namespace aio {

// Python's None as a value: what a void child contributes to gather's results.
struct None {
    friend bool operator==(None, None) noexcept { return true; }
    friend std::ostream& operator<<(std::ostream& os, None) { return os << "None"; }
};

// What a gathered child of value type T contributes: T, or None for void.
template <class T>
using value_or_none_t = std::conditional_t<std::is_void_v<T>, None, T>;

// One element of gather(return_exceptions, ...): the child's value, or the
// exception it raised (a cancelled child holds its CancelledError), just as
// Python puts the exception object in the result list.
template <class T>
class Outcome {
public:
    Outcome(T value) : m_value(std::move(value)) {}                   // NOLINT: implicit, like a list item
    Outcome(std::exception_ptr error) : m_error(std::move(error)) {}  // NOLINT
    bool has_value() const noexcept { return !m_error; }
    explicit operator bool() const noexcept { return has_value(); }
    // The exception, or null when there is a value.
    const std::exception_ptr& exception() const noexcept { return m_error; }
    bool cancelled() const noexcept { return detail::is_cancelled_error(m_error); }
    // The value; rethrows the exception when there is none.
    T& value() & {
        check();
        return *m_value;
    }
    const T& value() const& {
        check();
        return *m_value;
    }
    T&& value() && {
        check();
        return std::move(*m_value);
    }
    // Prints like Python prints a list item: the value, or `ValueError('boom')`.
    friend std::ostream& operator<<(std::ostream& os, const Outcome& o) requires detail::Printable<T> {
        if (o.m_error) return os << describe_exception(o.m_error);
        return os << *o.m_value;
    }

private:
    void check() const {
        if (m_error) std::rethrow_exception(m_error);
    }
    std::optional<T> m_value;
    std::exception_ptr m_error;
};

// The tag for gather's return_exceptions=True: `gather(aio::return_exceptions, ...)`.
struct ReturnExceptions {};
inline constexpr ReturnExceptions return_exceptions{};

namespace detail {

// The future gather() returns (asyncio: _GatheringFuture plus the closure of
// gather's _done_callback). Each distinct child has a done-callback node here;
// while a node is linked to its child or queued it holds a reference to this
// future, so — as in CPython, where the callbacks close over `outer` — the
// gather lives while any child is pending.
class GatherCore : public FutureCore {
public:
    GatherCore(EventLoop& loop, std::size_t nargs, bool return_exceptions);
    // asyncio: _GatheringFuture.cancel — cancel the children, not ourselves.
    bool cancel(const std::string& msg = {}) override;
    std::string repr() const override;

    // Takes the next argument's future, in argument order. A future that is
    // already a child is not watched twice (CPython's arg_to_fut).
    void add_child(EnsuredFuture child);
    // Creation failed part way (asyncio: bpo-46672, outer stays None): the
    // watched children only have their exceptions marked retrieved.
    void abandon_children() noexcept { m_abandoned = true; }

    std::size_t size() const noexcept { return m_arg_child.empty() ? m_nchildren : m_arg_child.size(); }
    FutureCore& child(std::size_t arg) const { return *m_children[child_of(arg)].m_done; }
    bool owns(std::size_t arg) const { return m_children[child_of(arg)].m_own; }
    bool return_exceptions() const noexcept { return m_return_exceptions; }

protected:
    ~GatherCore() override;
    // Every child is done and the gather succeeds: build the result in the
    // subclass's slot from child(i), then set_finished().
    virtual void set_results() = 0;

private:
    struct Child final : CallbackNode {
        GatherCore* m_outer = nullptr;
        FutureCore* m_future = nullptr;  // the child; null if it was destroyed pending
        Ref<FutureCore> m_done;          // the child again, owned once it has completed
        bool m_own = false;
        // Finished with a result, noted while the child was at hand: the
        // scheduled callback then need not read the child again (in a long
        // gather it has long left the cache by then).
        bool m_ok = false;
        void on_done(FutureCore& future) override;
        void on_future_destroyed() noexcept override;
        static void run_entry(void* ctx, bool run);
    };
    void on_child_done(Child& c);  // asyncio: gather's _done_callback
    std::size_t child_of(std::size_t arg) const { return m_arg_child.empty() ? arg : m_arg_child[arg]; }
    // The child already watching `f`, or m_nchildren if `f` is new.
    std::size_t find_child(FutureCore* f);

    // Distinct children, built in place as arguments arrive (storage for
    // nargs, so a linked node never moves; none is built twice).
    Child* m_children;
    std::size_t m_nargs;
    std::size_t m_nchildren = 0;  // nfuts
    std::size_t m_nfinished = 0;
    // Argument index -> child; left empty while each argument is its own
    // child (no repeats so far), the common case.
    std::vector<std::uint32_t> m_arg_child;
    // Repeats among arguments that were already done when added (a pending
    // one is recognised by our node at the end of its callback list); made
    // on the first such argument.
    std::unique_ptr<DistinctFutures> m_done_seen;
    bool m_return_exceptions;
    bool m_cancel_requested = false;  // asyncio: _cancel_requested
    bool m_abandoned = false;
};

// One element of the result, from a finished child: value (or None) ...
template <class T>
value_or_none_t<T> gathered_value(const GatherCore& g, std::size_t i) {
    if constexpr (std::is_void_v<T>) {
        g.child(i).check_result();
        return None{};
    } else {
        return take_value<T>(g.child(i), g.owns(i));
    }
}
// ... or, with return_exceptions, value-or-exception.
template <class T>
Outcome<value_or_none_t<T>> gathered_outcome(const GatherCore& g, std::size_t i) {
    FutureCore& f = g.child(i);
    if (f.cancelled()) return Outcome<value_or_none_t<T>>(cancelled_error_of(f));
    if (std::exception_ptr e = f.exception()) return Outcome<value_or_none_t<T>>(e);
    return Outcome<value_or_none_t<T>>(gathered_value<T>(g, i));
}

template <class R, class Build>
class GatherFuture final : public GatherCore {
public:
    GatherFuture(EventLoop& loop, std::size_t nargs, bool return_exceptions, Build build)
        : GatherCore(loop, nargs, return_exceptions), m_build(std::move(build)) {}
    void* result_slot() noexcept override { return &m_slot; }

private:
    void set_results() override {
        m_slot.value.emplace(m_build(static_cast<const GatherCore&>(*this)));
        set_finished();
    }
    ResultSlot<R> m_slot;
    Build m_build;
};

// gather over already-known arguments: make the future, then wrap and watch
// each argument in order, exactly as CPython's loop over coros_or_futures.
template <class R, class Build, class Args>
Future<R> make_gather(EventLoop& loop, std::size_t nargs, bool return_exceptions, Build build, Args&& for_each_arg) {
    Ref<GatherCore> outer(new GatherFuture<R, Build>(loop, nargs, return_exceptions, std::move(build)));
    try {
        for_each_arg([&](auto&& arg) { outer->add_child(ensure_future_on(loop, std::move(arg))); });
    } catch (...) {
        outer->abandon_children();
        throw;
    }
    return Future<R>(Ref<FutureCore>(outer.get()));
}

template <class R>
Future<R> finished_future(EventLoop& loop, R value) {
    Future<R> f(loop);
    f.set_result(std::move(value));
    return f;
}

template <class... A>
EventLoop& loop_of_first(const A&... aws) {
    return loop_of(std::get<0>(std::forward_as_tuple(aws...)));
}

}  // namespace detail

// [SECTION] Variadic: a tuple of mixed types -------------------------------------------

// asyncio.gather(*aws): Future<std::tuple<T1, T2, ...>> (void → aio::None).
// Coroutines are taken by value (moved in); Tasks and Futures are shared.
template <detail::Awaitable... A>
Future<std::tuple<value_or_none_t<detail::await_result_t<A>>...>> gather(A... aws) {
    using R = std::tuple<value_or_none_t<detail::await_result_t<A>>...>;
    if constexpr (sizeof...(A) == 0) {
        return detail::finished_future(get_event_loop(), R{});
    } else {
        EventLoop& loop = detail::loop_of_first(aws...);
        auto build = [](const detail::GatherCore& g) {
            return [&]<std::size_t... I>(std::index_sequence<I...>) {
                return R(detail::gathered_value<detail::await_result_t<A>>(g, I)...);
            }
            (std::index_sequence_for<A...>{});
        };
        return detail::make_gather<R>(loop, sizeof...(A), false, build,
                                      [&](auto&& add) { (add(std::move(aws)), ...); });
    }
}

// asyncio.gather(*aws, return_exceptions=True):
// Future<std::tuple<Outcome<T1>, Outcome<T2>, ...>>.
template <detail::Awaitable... A>
Future<std::tuple<Outcome<value_or_none_t<detail::await_result_t<A>>>...>> gather(ReturnExceptions, A... aws) {
    using R = std::tuple<Outcome<value_or_none_t<detail::await_result_t<A>>>...>;
    if constexpr (sizeof...(A) == 0) {
        return detail::finished_future(get_event_loop(), R{});
    } else {
        EventLoop& loop = detail::loop_of_first(aws...);
        auto build = [](const detail::GatherCore& g) {
            return [&]<std::size_t... I>(std::index_sequence<I...>) {
                return R(detail::gathered_outcome<detail::await_result_t<A>>(g, I)...);
            }
            (std::index_sequence_for<A...>{});
        };
        return detail::make_gather<R>(loop, sizeof...(A), true, build, [&](auto&& add) { (add(std::move(aws)), ...); });
    }
}

// [SECTION] Range: a vector -------------------------------------------------------------

// asyncio.gather(*list_of_aws): Future<std::vector<T>> (void → aio::None).
template <detail::Awaitable A>
Future<std::vector<value_or_none_t<detail::await_result_t<A>>>> gather(std::vector<A> aws) {
    using T = detail::await_result_t<A>;
    using R = std::vector<value_or_none_t<T>>;
    if (aws.empty()) return detail::finished_future(get_event_loop(), R{});
    EventLoop& loop = detail::loop_of(aws.front());
    auto build = [](const detail::GatherCore& g) {
        R out;
        out.reserve(g.size());
        for (std::size_t i = 0; i < g.size(); ++i) out.push_back(detail::gathered_value<T>(g, i));
        return out;
    };
    return detail::make_gather<R>(loop, aws.size(), false, build, [&](auto&& add) {
        for (auto& a : aws) add(std::move(a));
    });
}

// asyncio.gather(*list_of_aws, return_exceptions=True): Future<std::vector<Outcome<T>>>.
template <detail::Awaitable A>
Future<std::vector<Outcome<value_or_none_t<detail::await_result_t<A>>>>> gather(ReturnExceptions, std::vector<A> aws) {
    using T = detail::await_result_t<A>;
    using R = std::vector<Outcome<value_or_none_t<T>>>;
    if (aws.empty()) return detail::finished_future(get_event_loop(), R{});
    EventLoop& loop = detail::loop_of(aws.front());
    auto build = [](const detail::GatherCore& g) {
        R out;
        out.reserve(g.size());
        for (std::size_t i = 0; i < g.size(); ++i) out.push_back(detail::gathered_outcome<T>(g, i));
        return out;
    };
    return detail::make_gather<R>(loop, aws.size(), true, build, [&](auto&& add) {
        for (auto& a : aws) add(std::move(a));
    });
}

}  // namespace aio
