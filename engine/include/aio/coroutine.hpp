#pragma once
// Coroutine<T>: the return type of an `async def` written in C++.
//
//     aio::Coroutine<int> answer() { co_await aio::sleep(1); co_return 42; }
//
// Lazy like a Python coroutine object: calling answer() runs nothing. It runs
// when awaited — inline, in the awaiting task, with no loop iteration in
// between (symmetric transfer) — or when wrapped in a Task by create_task.
// A coroutine can be awaited once; a second await raises RuntimeError
// "cannot reuse already awaited coroutine", as in Python.

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "aio/coro_compat.hpp"
#include "aio/detail/exception_slot.hpp"
#include "aio/detail/pool.hpp"
#include "aio/detail/task_core.hpp"
#include "aio/detail/transfer.hpp"
#include "aio/exceptions.hpp"

namespace aio {

template <class T = void>
class Coroutine;

namespace detail {

// What every aio coroutine frame knows: the task running it and the frame
// to continue when it finishes (null for a task's outermost frame).
class PromiseBase : public Pooled {  // frames come from the pool
public:
    TaskCore& task_for_await() const {
        if (!m_task)
            throw RuntimeError(
                "await outside of a task: run the coroutine with aio::run, create_task or run_until_complete");
        return *m_task;
    }
    TaskCore* m_task = nullptr;
    stdcoro::coroutine_handle<> m_continuation;
    ExceptionSlot m_exception;
    bool m_started = false;  // awaited or wrapped in a task already

    stdcoro::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        template <class P>
        Transfer await_suspend(stdcoro::coroutine_handle<P> h) noexcept {
            // Inline await: jump straight back into the awaiting frame.
            // Outermost frame of a task: return to the task's step.
            auto& p = h.promise();
            if (p.m_continuation) return transfer_to(*p.m_task, p.m_continuation);
            return transfer_back();
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { m_exception = std::current_exception(); }
};

template <class T>
class Promise : public PromiseBase {
public:
    Coroutine<T> get_return_object() noexcept;
    template <class U>
    void return_value(U&& v) {
        m_value.emplace(std::forward<U>(v));
    }
    T take() {
        if (m_exception) std::rethrow_exception(m_exception);
        return std::move(*m_value);
    }
    std::optional<T> m_value;
};

template <>
class Promise<void> : public PromiseBase {
public:
    Coroutine<void> get_return_object() noexcept;
    void return_void() noexcept {}
    void take() {
        if (m_exception) std::rethrow_exception(m_exception);
    }
};

}  // namespace detail

template <class T>
class [[nodiscard]] Coroutine {
public:
    using promise_type = detail::Promise<T>;
    using value_type = T;
    using Handle = stdcoro::coroutine_handle<promise_type>;

    Coroutine() noexcept = default;
    explicit Coroutine(Handle h) noexcept : m_h(h) {}
    Coroutine(Coroutine&& o) noexcept : m_h(std::exchange(o.m_h, {})) {}
    Coroutine& operator=(Coroutine&& o) noexcept {
        if (this != &o) {
            reset();
            m_h = std::exchange(o.m_h, {});
        }
        return *this;
    }
    ~Coroutine() { reset(); }

    explicit operator bool() const noexcept { return bool(m_h); }
    bool started() const noexcept { return m_h && m_h.promise().m_started; }
    // Release the frame to a new owner (create_task).
    Handle release() noexcept { return std::exchange(m_h, {}); }

    class Awaiter {
    public:
        explicit Awaiter(Handle h) : m_h(h) {}
        bool await_ready() const {
            if (!m_h) throw RuntimeError("cannot await an empty Coroutine");
            if (m_h.promise().m_started) throw RuntimeError("cannot reuse already awaited coroutine");
            return false;
        }
        template <class P>
        detail::Transfer await_suspend(stdcoro::coroutine_handle<P> parent) {
            auto& child = m_h.promise();
            child.m_task = &parent.promise().task_for_await();
            child.m_continuation = parent;
            child.m_started = true;
            return detail::transfer_to(*child.m_task, m_h);  // run the child now, in this task
        }
        T await_resume() { return m_h.promise().take(); }

    private:
        Handle m_h;
    };
    // Awaiting by lvalue keeps the object, so a second await can report reuse.
    Awaiter operator co_await() & { return Awaiter(m_h); }
    Awaiter operator co_await() && { return Awaiter(m_h); }

private:
    void reset() noexcept {
        if (m_h) std::exchange(m_h, {}).destroy();
    }
    Handle m_h;
};

namespace detail {
template <class T>
Coroutine<T> Promise<T>::get_return_object() noexcept {
    return Coroutine<T>(stdcoro::coroutine_handle<Promise<T>>::from_promise(*this));
}
inline Coroutine<void> Promise<void>::get_return_object() noexcept {
    return Coroutine<void>(stdcoro::coroutine_handle<Promise<void>>::from_promise(*this));
}
}  // namespace detail

}  // namespace aio
