// asyncio.wait / wait_for and the shared plumbing of the task-combining
// functions (CPython 3.11 Lib/asyncio/tasks.py: _wait, _cancel_and_wait,
// _release_waiter, wait_for).

#include "aio/wait.hpp"

namespace aio::detail {

// [SECTION] Shared helpers ---------------------------------------------------------

void throw_different_loop() {
    throw ValueError("The future belongs to a different loop than the one specified as the loop argument");
}

bool is_cancelled_error(const std::exception_ptr& e) noexcept {
    if (!e) return false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}

std::exception_ptr cancelled_error_of(FutureCore& cancelled) {
    try {
        cancelled.exception();  // a cancelled future throws its CancelledError
    } catch (...) {
        return std::current_exception();
    }
    return std::make_exception_ptr(CancelledError());
}

void timeout_if_cancelled(FutureCore& fut) {
    try {
        fut.check_result();
    } catch (const CancelledError&) {
        throw TimeoutError();  // asyncio: raise TimeoutError() from exc
    }
}

DistinctFutures::DistinctFutures(std::size_t expected) : m_use_set(expected > 32) {
    if (m_use_set) m_large.reserve(expected);
}

bool DistinctFutures::insert(const FutureCore* f) {
    if (m_use_set) return m_large.insert(f).second;
    for (const FutureCore* g : m_small)
        if (g == f) return false;
    m_small.push_back(f);
    return true;
}

// [SECTION] Removable done callbacks --------------------------------------------------

void DoneCallback::on_done(FutureCore& future) {
    if (m_detached) {  // nobody wants it any more: just let go of the list's reference
        release();
        return;
    }
    m_fired = Ref<FutureCore>(&future);
    future.get_loop().push_ready(&DoneCallback::run_entry, this);  // the list's reference moves here
}

void DoneCallback::run_entry(void* ctx, bool run) {
    auto* self = static_cast<DoneCallback*>(ctx);
    if (run && !self->m_detached) {
        FutureCore& future = *self->m_fired;
        try {
            self->run(future);
        } catch (...) {
            EventLoop& loop = future.get_loop();
            loop.call_exception_handler({"Exception in callback done callback", std::current_exception(),
                                         "handle: <Handle done callback of " + future.repr() + ">"});
        }
    }
    self->m_fired = {};
    self->drop();
    self->release();
}

void DoneCallback::on_future_destroyed() noexcept {
    // The future died pending: the callback can never run.
    drop();
    release();
}

void DoneCallback::remove() noexcept {
    if (!linked()) return;  // already scheduled (it still runs) or never added
    unlink();
    drop();
    release();
}

void DoneCallback::detach() noexcept {
    m_detached = true;
    if (linked()) {
        remove();
    } else {
        drop();
    }
}

// [SECTION] _cancel_and_wait, _wait ---------------------------------------------------

namespace {
// Runs a cleanup when a coroutine frame ends, however it ends (`finally:`).
template <class Fn>
struct Finally {
    Fn fn;
    ~Finally() { fn(); }
};
template <class Fn>
Finally(Fn) -> Finally<Fn>;
}  // namespace

Coroutine<> cancel_and_wait(Ref<FutureCore> fut) {
    Future<> waiter(fut->get_loop());
    Ref<DoneCallback> cb = add_done_callback(*fut, [w = waiter](FutureCore&) { release_waiter(w.core()); });
    Finally finally{[&cb] { cb->remove(); }};
    fut->cancel();
    // Not `await fut`: this wait must stay cancellable on its own.
    co_await waiter;
}

Coroutine<> wait_futures(EventLoop& loop, std::vector<FutureCore*> fs, std::optional<double> timeout,
                         ReturnWhen return_when) {
    // The closure of CPython's _wait, shared by the done callbacks.
    struct State {
        Future<> waiter;
        TimerHandle timeout_handle;
        std::ptrdiff_t counter;
        ReturnWhen return_when;
    };
    auto st = std::make_shared<State>(State{Future<>(loop), {}, std::ptrdiff_t(fs.size()), return_when});
    if (timeout)
        st->timeout_handle =
            loop.call_later(*timeout, [w = st->waiter] { release_waiter(w.core()); }, "_release_waiter");

    std::vector<Ref<DoneCallback>> callbacks;
    callbacks.reserve(fs.size());
    Finally finally{[&] {
        st->timeout_handle.cancel();
        for (auto& cb : callbacks) cb->remove();
    }};
    for (FutureCore* f : fs) {
        callbacks.push_back(add_done_callback(*f, [st](FutureCore& done) {  // asyncio: _on_completion
            st->counter -= 1;
            if (st->counter <= 0 || st->return_when == FIRST_COMPLETED ||
                (st->return_when == FIRST_EXCEPTION && !done.cancelled() && done.exception() != nullptr)) {
                st->timeout_handle.cancel();
                release_waiter(st->waiter.core());
            }
        }));
    }
    co_await st->waiter;
}

// [SECTION] wait_for -------------------------------------------------------------------

Coroutine<> wait_for_future(Ref<FutureCore> fut, Future<> waiter, TimerHandle timeout_handle) {
    Finally finally{[&timeout_handle] { timeout_handle.cancel(); }};
    Ref<DoneCallback> cb = add_done_callback(*fut, [w = waiter](FutureCore&) { release_waiter(w.core()); });

    // Wait until the future completes or the timeout.
    std::exception_ptr cancelled;
    try {
        co_await waiter;
    } catch (const CancelledError&) {
        cancelled = std::current_exception();
    }
    if (cancelled) {
        if (fut->done()) co_return;  // the result wins over the cancellation, as in 3.11
        cb->remove();
        // We must ensure that the task is not running after wait_for() returns
        // (bpo-32751).
        co_await cancel_and_wait(fut);
        std::rethrow_exception(cancelled);
    }
    if (fut->done()) co_return;
    cb->remove();
    co_await cancel_and_wait(fut);
    // A task that turned the cancellation into another exception raises that
    // one (bpo-40607).
    timeout_if_cancelled(*fut);
}

}  // namespace aio::detail
