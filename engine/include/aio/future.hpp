#pragma once
// asyncio.Future as Future<T> (T may be void): a result that arrives later.
// Awaiting a pending future suspends the task; it resumes one loop iteration
// after the future completes. A Task<T> is a Future<T> too.

#include <optional>
#include <ostream>
#include <sstream>
#include <type_traits>
#include <utility>

#include "aio/detail/future_core.hpp"
#include "aio/detail/task_core.hpp"
#include "aio/event_loop.hpp"
#include "aio/exceptions.hpp"

namespace aio {

namespace detail {

template <class T>
struct ResultSlot {
    std::optional<T> value;
};
template <>
struct ResultSlot<void> {};

template <class T>
concept Printable = requires(std::ostream& os, const T& v) {
    os << v;
};

template <class T>
std::string repr_result(const ResultSlot<T>& slot) {
    if constexpr (std::is_void_v<T>) {
        return "None";
    } else if constexpr (Printable<T>) {
        std::ostringstream os;
        if (slot.value) os << *slot.value;
        return os.str();
    } else {
        return "...";
    }
}

template <class T>
class FutureState final : public FutureCore {
public:
    using FutureCore::FutureCore;
    void* result_slot() noexcept override { return &m_slot; }
    std::string repr() const override {
        if (m_state == State::finished && !m_exception) return "<Future finished result=" + repr_result(m_slot) + ">";
        return FutureCore::repr();
    }
    ResultSlot<T> m_slot;
};

// The result of any future of value type T: rethrows its exception or
// CancelledError, returns the value.
template <class T>
T take_result(FutureCore& core) {
    core.check_result();
    if constexpr (!std::is_void_v<T>) {
        auto* slot = static_cast<ResultSlot<T>*>(core.result_slot());
        return *slot->value;
    }
}

// `co_await future`: suspends the awaiting task until the future is done.
template <class T>
class FutureAwaiter {
public:
    explicit FutureAwaiter(Ref<FutureCore> f) : m_future(std::move(f)) {}
    bool await_ready() const noexcept { return m_future->done(); }
    template <class P>
    void await_suspend(stdcoro::coroutine_handle<P> h) {
        TaskCore& task = h.promise().task_for_await();
        task.m_resume_point = h;
        m_node.m_task = &task;
        if (m_future.get() == &task) {
            // asyncio raises this on the next step, not inline.
            task.throw_in_next_step(
                std::make_exception_ptr(RuntimeError("Task cannot await on itself: " + task.repr())));
            return;
        }
        task.wait_on(*m_future, m_node, m_future->is_task() ? "Task" : "Future");
    }
    T await_resume() {
        if (m_node.m_task) m_node.m_task->rethrow_injected();  // set only if we suspended
        return take_result<T>(*m_future);
    }

private:
    Ref<FutureCore> m_future;
    WakeNode m_node;  // linked into the future's callbacks while we wait
};

}  // namespace detail

template <class T = void>
class Future {
public:
    // A new pending future on the running loop (asyncio: loop.create_future()).
    Future();
    explicit Future(EventLoop& loop) : m_core(new detail::FutureState<T>(loop)) {}
    explicit Future(detail::Ref<detail::FutureCore> core) : m_core(std::move(core)) {}

    bool done() const { return m_core->done(); }
    bool cancelled() const { return m_core->cancelled(); }
    bool cancel(const std::string& msg = {}) { return m_core->cancel(msg); }
    // The result; throws the future's exception, CancelledError if cancelled,
    // InvalidStateError("Result is not set.") if pending.
    T result() const { return detail::take_result<T>(*m_core); }
    std::exception_ptr exception() const { return m_core->exception(); }

    template <class U = T>
    requires(!std::is_void_v<U>) void set_result(U value) {
        check_settable("set_result");
        slot().value.emplace(std::move(value));
        m_core->set_finished();
    }
    void set_result() requires std::is_void_v<T> {
        check_settable("set_result");
        m_core->set_finished();
    }
    void set_exception(std::exception_ptr e) {
        check_settable("set_exception");
        m_core->set_exception(std::move(e));
    }
    template <class E>
    requires std::is_base_of_v<std::exception, E>
    void set_exception(E e) { set_exception(std::make_exception_ptr(std::move(e))); }

    // asyncio: add_done_callback(fn) — fn(future) is scheduled with
    // call_soon when the future completes (at once if already done).
    void add_done_callback(std::function<void(Future<T>&)> fn);

    EventLoop& get_loop() const { return m_core->get_loop(); }
    std::string repr() const { return m_core->repr(); }
    detail::FutureCore& core() const { return *m_core; }
    detail::FutureAwaiter<T> operator co_await() const { return detail::FutureAwaiter<T>(m_core); }
    friend bool operator==(const Future& a, const Future& b) { return a.m_core == b.m_core; }

private:
    detail::ResultSlot<T>& slot() const { return *static_cast<detail::ResultSlot<T>*>(m_core->result_slot()); }
    void check_settable(const char*) const {
        if (m_core->done()) throw InvalidStateError("invalid state");  // CPython's message
    }
    detail::Ref<detail::FutureCore> m_core;
};

namespace detail {
// A heap callback node for add_done_callback: holds the user function until
// the future completes, then runs it from the ready queue.
class FunctionNode final : public CallbackNode {
public:
    explicit FunctionNode(std::function<void(FutureCore&)> fn) : m_fn(std::move(fn)) {}
    void on_done(FutureCore& future) override;
    void on_future_destroyed() noexcept override { delete this; }

private:
    static void run_entry(void* ctx, bool run);
    std::function<void(FutureCore&)> m_fn;
    Ref<FutureCore> m_future;  // taken when scheduled, so the future outlives the call
};
void add_function_callback(FutureCore& core, std::function<void(FutureCore&)> fn);
}  // namespace detail

template <class T>
Future<T>::Future() : Future(get_running_loop()) {}

template <class T>
void Future<T>::add_done_callback(std::function<void(Future<T>&)> fn) {
    detail::add_function_callback(*m_core, [fn = std::move(fn)](detail::FutureCore& core) {
        Future<T> f{detail::Ref<detail::FutureCore>(&core)};
        fn(f);
    });
}

}  // namespace aio
