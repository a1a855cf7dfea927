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

namespace {
// Fibonacci hashing: the top bits of pointer * 2^64/phi spread the
// 16-byte-aligned addresses of neighbouring allocations over the table.
std::size_t slot_of(const FutureCore* f, unsigned shift) noexcept {
    return std::size_t((std::uint64_t(reinterpret_cast<std::uintptr_t>(f)) * 0x9E3779B97F4A7C15ull) >> shift);
}
}  // namespace

DistinctFutures::DistinctFutures(std::size_t expected) : m_hashed(expected > 32) {
    if (!m_hashed) {
        m_slots.reserve(expected);
        return;
    }
    unsigned bits = 1;
    while ((std::size_t(1) << bits) < 2 * expected) ++bits;
    m_slots.assign(std::size_t(1) << bits, nullptr);
    m_shift = 64 - bits;
}

bool DistinctFutures::insert(const FutureCore* f) {
    if (!m_hashed) {
        for (const FutureCore* g : m_slots)
            if (g == f) return false;
        m_slots.push_back(f);
        return true;
    }
    if (2 * (m_count + 1) > m_slots.size()) grow();
    std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = slot_of(f, m_shift);; i = (i + 1) & mask) {
        if (m_slots[i] == f) return false;
        if (!m_slots[i]) {
            m_slots[i] = f;
            ++m_count;
            return true;
        }
    }
}

// More entries than announced: double the table and re-insert.
void DistinctFutures::grow() {
    std::vector<const FutureCore*> old(m_slots.size() * 2, nullptr);
    old.swap(m_slots);
    --m_shift;
    std::size_t mask = m_slots.size() - 1;
    for (const FutureCore* f : old) {
        if (!f) continue;
        std::size_t i = slot_of(f, m_shift);
        while (m_slots[i]) i = (i + 1) & mask;
        m_slots[i] = f;
    }
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
        st->timeout_handle = loop.call_later(
            *timeout, [w = st->waiter] { release_waiter(w.core()); }, "_release_waiter");

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
