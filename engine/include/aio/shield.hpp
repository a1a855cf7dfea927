#pragma once
// asyncio.shield (CPython 3.11 Lib/asyncio/tasks.py).
//
//     std::string r = co_await aio::shield(task);   // like co_await task, except...
//
// ...cancelling the awaiting task (or the returned future) does not cancel
// `task`: the caller still gets CancelledError, while the shielded work runs
// on. If the shielded work is cancelled by other means, the returned future
// is cancelled too. A coroutine argument is wrapped in a Task first (on the
// running loop, else the current event loop).

#include "aio/wait.hpp"

namespace aio {

namespace detail {
// Links inner and outer with the two done callbacks of CPython's shield.
// `copy` moves inner's result into outer (copy_result<T>).
void shield_link(FutureCore& inner, bool own, FutureCore& outer, void (*copy)(FutureCore&, FutureCore&, bool));
}  // namespace detail

template <detail::Awaitable A>
Future<detail::await_result_t<A>> shield(A aw) {
    using T = detail::await_result_t<A>;
    EventLoop& loop = detail::loop_of(aw);
    detail::EnsuredFuture inner = detail::ensure_future_on(loop, std::move(aw));
    if (inner.future->done()) return Future<T>(inner.future);  // shortcut, as CPython
    Future<T> outer(loop);
    detail::shield_link(*inner.future, inner.own, outer.core(), &detail::copy_result<T>);
    return outer;
}

}  // namespace aio
