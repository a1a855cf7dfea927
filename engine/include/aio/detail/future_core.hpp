#pragma once
// FutureCore: asyncio.Future without its result value — state, exception,
// and done callbacks. Future<T>, Task<T>, the script layer's futures and the
// private futures inside awaiters (sleep, Event.wait, Queue.get, ...) all
// share it, so there is one notion of "done" and one way to wake a waiter.

#include <cstdint>
#include <exception>
#include <string>

#include "aio/detail/exception_slot.hpp"
#include "aio/detail/pool.hpp"
#include "aio/detail/ref.hpp"

namespace aio {
class EventLoop;
}

namespace aio::detail {

class FutureCore;
class TaskCore;

// A done callback registered on a FutureCore. Intrusive: a task awaiting a
// future links a node that lives in its own coroutine frame, so awaiting
// allocates nothing. When the future completes, on_done runs and schedules
// the real work with call_soon (asyncio: Future.__schedule_callbacks).
class CallbackNode {
public:
    virtual void on_done(FutureCore& future) = 0;
    // The future is being destroyed while this node is still linked (it
    // never completed). Heap-owned nodes free themselves here.
    virtual void on_future_destroyed() noexcept {}
    bool linked() const noexcept { return m_owner != nullptr; }
    void unlink() noexcept;  // remove from the owner's list, if linked
protected:
    ~CallbackNode() { unlink(); }

private:
    friend class FutureCore;
    CallbackNode* m_prev = nullptr;
    CallbackNode* m_next = nullptr;
    FutureCore* m_owner = nullptr;  // the future whose list holds this node
};

class FutureCore : public Pooled {
    friend class CallbackNode;

public:
    enum class State : std::uint8_t { pending, cancelled, finished };

    explicit FutureCore(EventLoop& loop) noexcept : m_loop(&loop) {}
    FutureCore(const FutureCore&) = delete;
    FutureCore& operator=(const FutureCore&) = delete;

    EventLoop& get_loop() const noexcept { return *m_loop; }
    State state() const noexcept { return m_state; }
    bool done() const noexcept { return m_state != State::pending; }
    bool cancelled() const noexcept { return m_state == State::cancelled; }

    // asyncio: Future.cancel(msg). Returns false if already done.
    virtual bool cancel(const std::string& msg = {});

    // asyncio: Future.exception(). Null when finished with a result.
    // Throws CancelledError if cancelled, InvalidStateError if pending.
    std::exception_ptr exception();
    // What exception() returns, without the checks or a copy of the pointer
    // (a copy is an out-of-line call in libc++): null unless failed/cancelled.
    const std::exception_ptr& stored_exception() const noexcept { return m_exception; }
    // Throws what result() would throw, or returns normally when a result is set.
    void check_result() {
        if (m_state == State::finished && !m_exception) {  // the common case, inline
            m_log_traceback = false;
            return;
        }
        check_result_slow();
    }

    void set_exception(std::exception_ptr e);
    // Finish with the value already stored in the subclass's slot.
    void set_finished();

    void add_callback(CallbackNode& node) noexcept;  // FIFO: callbacks run in registration order
    // The callback linked last (null when none is linked).
    const CallbackNode* last_callback() const noexcept { return m_cb_tail; }
    // Where a result of the future's value type lives (ResultSlot<T>).
    virtual void* result_slot() noexcept = 0;
    // Short description for reprs and the inspector ("<Future pending>").
    virtual std::string repr() const;
    virtual bool is_task() const noexcept { return false; }

    // Intrusive reference counting (see Ref). Private futures embedded in
    // awaiters are never counted.
    void add_ref() noexcept { ++m_refs; }
    void release() noexcept {
        if (--m_refs == 0) {
            if (m_log_traceback) report_unretrieved();
            destroy();
        }
    }

    // Turns off "exception was never retrieved" (asyncio: _log_traceback).
    void mark_retrieved() noexcept { m_log_traceback = false; }

protected:
    virtual ~FutureCore();
    virtual void destroy() noexcept { delete this; }
    void set_cancelled(std::exception_ptr cancelled_error);
    void schedule_callbacks() noexcept;
    // asyncio: "Future/Task exception was never retrieved", from __del__.
    void report_unretrieved() noexcept;
    [[noreturn]] void throw_invalid_state(const char* what) const;
    void check_result_slow();

    EventLoop* m_loop;
    std::uint32_t m_refs = 0;
    State m_state = State::pending;
    bool m_log_traceback = false;  // exception set and nobody asked for it yet
    ExceptionSlot m_exception;     // set when failed, or the CancelledError when cancelled
    CallbackNode* m_cb_head = nullptr;
    CallbackNode* m_cb_tail = nullptr;
};

// A future that lives inside an awaiter: sleep's, Event.wait's, a queue
// getter's. Never reference counted; its owner keeps it alive until the
// waiting task has resumed. Carries no value (like CPython's `True`/`None`).
class PrivateFuture final : public FutureCore {
public:
    using FutureCore::FutureCore;
    ~PrivateFuture() override = default;
    void* result_slot() noexcept override { return nullptr; }
    void set_result() {
        if (!done()) set_finished();
    }

private:
    void destroy() noexcept override {}
};

}  // namespace aio::detail
