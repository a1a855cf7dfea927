#pragma once
// AsyncGenerator<T>: an `async def` with `yield` in it (Python's async
// generator), written as a coroutine that uses both co_yield and co_await.
//
//     aio::AsyncGenerator<int> ticks(int n) {
//         for (int i = 0; i < n; ++i) {
//             co_await aio::sleep(1);   // suspends the task that is consuming us
//             co_yield i;
//         }
//     }
//     ...
//     auto gen = ticks(3);
//     while (auto i = co_await gen.anext()) std::cout << *i << "\n";
//     // or, cppcoro-style:
//     for (auto it = co_await gen.begin(); it != gen.end(); co_await ++it) use(*it);
//
// Like Python's async generators, the body runs inline in whichever task
// awaits anext() (no loop iteration is spent entering or leaving it), and its
// awaits suspend that task. The generator's end is Python's
// StopAsyncIteration: anext() returns std::nullopt and the iterator becomes
// end(). An exception escaping the body reaches the consumer's await and
// finishes the generator.
//
// Also as Python (3.11): asend(v) resumes the body with co_yield evaluating
// to v (AsyncGenerator<T, S> with a send type S; plain anext() sends
// nullopt); athrow(e) raises e at the co_yield; aclose() raises GeneratorExit
// there so the body's cleanup runs (cleanup may await). Driving a generator
// that is already running in another task raises RuntimeError.
//
// Deliberate difference: destroying an AsyncGenerator that is suspended at a
// co_yield destroys its frame at once, so destructors of its locals run but no
// code after the co_yield does. asyncio instead schedules aclose() in a new
// task when the generator is garbage-collected (and in shutdown_asyncgens).
// Call aclose() when the body has cleanup that awaits.
//
// C++ forbids co_await and co_yield inside a catch block, so a `finally` that
// awaits is written by keeping the exception and rethrowing it afterwards:
//
//     std::exception_ptr error;
//     try { ... co_yield x; ... } catch (...) { error = std::current_exception(); }
//     co_await release();
//     if (error) std::rethrow_exception(error);
//
// g++ 12 note: a conditional expression of class type inside a co_yield or
// co_await operand (`co_yield ok ? std::string("a") : std::string("b");`) is
// miscompiled — the temporary is copied bitwise, and a std::string then
// points into freed memory. clang is fine. Name the value first.

#include <cstdint>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "aio/coro_compat.hpp"
#include "aio/coroutine.hpp"
#include "aio/exceptions.hpp"

namespace aio {

// Python's GeneratorExit: what aclose() raises at the paused co_yield. Like
// Python's (a BaseException, not an Exception) it does not derive from
// std::exception, so `catch (const std::exception&)` in a body lets it pass;
// `catch (...)` sees it and must rethrow it.
class GeneratorExit {
public:
    const char* what() const noexcept { return "GeneratorExit"; }
};

template <class T, class S = void>
class AsyncGenerator;

namespace detail {

// Errors shared by every instantiation (src/async_generator.cpp).
[[noreturn]] void throw_async_generator_running(const char* op);
[[noreturn]] void throw_async_generator_empty();
[[noreturn]] void throw_send_to_just_started();

// The value sent in by asend(); nothing for generators without a send type.
template <class S>
struct SentSlot {
    std::optional<S> value;
};
template <>
struct SentSlot<void> {};

template <class T, class S>
class AsyncGeneratorPromise : public PromiseBase {
public:
    using Handle = stdcoro::coroutine_handle<AsyncGeneratorPromise>;
    enum class State : std::uint8_t {
        created,    // body not entered yet (Python: ag_frame.f_lasti == -1)
        suspended,  // paused at a co_yield
        running,    // entered by anext/asend/athrow/aclose and not yet back
        finished,   // returned, raised, or closed before it started
    };

    AsyncGenerator<T, S> get_return_object() noexcept;

    // `co_yield v` stores v and returns control to the consumer at once
    // (symmetric transfer); the consumer's await_resume picks v up. The
    // co_yield expression then evaluates to what asend() sent, or raises what
    // athrow()/aclose() threw in.
    class YieldAwaiter {
    public:
        explicit YieldAwaiter(AsyncGeneratorPromise& p) noexcept : m_p(&p) {}
        bool await_ready() const noexcept { return false; }
        Transfer await_suspend(Handle) noexcept { return transfer_to(*m_p->m_task, m_p->m_continuation); }
        auto await_resume() {
            if (m_p->m_throw_in) std::rethrow_exception(std::exchange(m_p->m_throw_in, nullptr));
            if constexpr (!std::is_void_v<S>) return std::exchange(m_p->m_sent.value, std::nullopt);
        }

    private:
        AsyncGeneratorPromise* m_p;
    };
    YieldAwaiter yield_value(const T& v) {
        m_value.emplace(v);
        return YieldAwaiter(*this);
    }
    YieldAwaiter yield_value(T&& v) {
        m_value.emplace(std::move(v));
        return YieldAwaiter(*this);
    }
    void return_void() noexcept {}

    std::optional<T> m_value;       // the last yielded value, until the consumer takes it
    std::exception_ptr m_throw_in;  // raised at the co_yield on resume (athrow, aclose)
    SentSlot<S> m_sent;             // what co_yield evaluates to on resume (asend)
    State m_state = State::created;
};

}  // namespace detail

template <class T, class S>
class [[nodiscard]] AsyncGenerator {
    static_assert(std::is_object_v<T> && !std::is_array_v<T>, "AsyncGenerator<T>: T must be a value type");

public:
    using promise_type = detail::AsyncGeneratorPromise<T, S>;
    using Handle = stdcoro::coroutine_handle<promise_type>;
    using State = typename promise_type::State;
    using value_type = T;

    AsyncGenerator() noexcept = default;
    explicit AsyncGenerator(Handle h) noexcept : m_h(h) {}
    AsyncGenerator(AsyncGenerator&& o) noexcept : m_h(std::exchange(o.m_h, {})) {}
    AsyncGenerator& operator=(AsyncGenerator&& o) noexcept {
        if (this != &o) {
            reset();
            m_h = std::exchange(o.m_h, {});
        }
        return *this;
    }
    ~AsyncGenerator() { reset(); }

    explicit operator bool() const noexcept { return bool(m_h); }
    // Python: ag_running.
    bool running() const noexcept { return m_h && m_h.promise().m_state == State::running; }
    // The body returned or raised, or the generator was closed: anext() gives nullopt.
    bool finished() const noexcept { return !m_h || m_h.promise().m_state == State::finished; }

private:
    enum class Op : std::uint8_t { next, send, throw_in, close };

    // One step of the body on behalf of one await: anext, asend, athrow,
    // aclose, begin or ++iterator (asyncio: the async_generator_asend and
    // async_generator_athrow awaitables). Runs the body inline in the
    // awaiting task and comes back at its next co_yield or its end.
    class StepAwaiter {
    public:
        StepAwaiter(AsyncGenerator& gen, Op op) : m_gen(&gen), m_op(op) {}
        StepAwaiter(StepAwaiter&& o) noexcept
            : m_gen(o.m_gen), m_op(o.m_op), m_in_flight(std::exchange(o.m_in_flight, false)),
              m_raise_error(o.m_raise_error), m_error(std::move(o.m_error)), m_send(std::move(o.m_send)) {}
        // The awaiting frame was destroyed while the body ran for it (its task
        // was freed with the loop): the body can never be resumed, so free it.
        ~StepAwaiter() {
            if (m_in_flight) m_gen->reset();
        }

        bool await_ready() {
            if (!m_gen->m_h) {
                if (m_op == Op::close) return true;  // nothing to close
                detail::throw_async_generator_empty();
            }
            promise_type& p = m_gen->m_h.promise();
            switch (p.m_state) {
            case State::running:
                // CPython 3.11 words asend's error as anext's.
                detail::throw_async_generator_running(m_op == Op::throw_in ? "athrow"
                                                      : m_op == Op::close  ? "aclose"
                                                                           : "anext");
            case State::finished:
                return true;  // StopAsyncIteration (athrow, aclose: nothing happens)
            case State::created:
                if (m_op == Op::throw_in) {
                    // The body never starts: the exception comes straight back
                    // and the generator is finished (as CPython's athrow).
                    p.m_state = State::finished;
                    m_raise_error = true;
                    return true;
                }
                if (m_op == Op::close) {
                    p.m_state = State::finished;
                    return true;
                }
                if (m_op == Op::send) detail::throw_send_to_just_started();
                return false;
            case State::suspended:
                return false;
            }
            return false;
        }

        template <class P>
        detail::Transfer await_suspend(stdcoro::coroutine_handle<P> consumer) {
            promise_type& p = m_gen->m_h.promise();
            // The body's awaits suspend the consumer's task (PromiseBase protocol).
            p.m_task = &consumer.promise().task_for_await();
            p.m_continuation = consumer;
            p.m_started = true;
            p.m_state = State::running;
            if (m_op == Op::throw_in) p.m_throw_in = std::exchange(m_error, nullptr);
            if (m_op == Op::close) p.m_throw_in = std::make_exception_ptr(GeneratorExit());
            if constexpr (!std::is_void_v<S>) p.m_sent.value = std::exchange(m_send.value, std::nullopt);
            m_in_flight = true;
            return detail::transfer_to(*p.m_task, m_gen->m_h);  // run the body now, in the consumer's task
        }

        // After the step: true if the body yielded a value (it sits in the
        // promise); false at its end. Rethrows what escaped the body.
        bool finish_step() {
            m_in_flight = false;
            if (m_raise_error) std::rethrow_exception(std::exchange(m_error, nullptr));  // athrow before the start
            if (!m_gen->m_h) return false;
            promise_type& p = m_gen->m_h.promise();
            if (p.m_state != State::running) return false;  // was ready: finished, nothing ran
            p.m_continuation = {};
            if (!m_gen->m_h.done()) {
                p.m_state = State::suspended;
                return true;
            }
            p.m_state = State::finished;
            p.m_value.reset();
            if (std::exception_ptr e = std::exchange(p.m_exception, nullptr)) std::rethrow_exception(e);
            return false;
        }

        AsyncGenerator* m_gen;
        Op m_op;
        bool m_in_flight = false;    // the body is running on behalf of this await
        bool m_raise_error = false;  // athrow on a generator that never started
        std::exception_ptr m_error;  // athrow's exception, until thrown in
        detail::SentSlot<S> m_send;  // asend's value, until sent in
    };

public:
    // asyncio: `await agen.__anext__()`. The next value, or nullopt at the end.
    class NextAwaiter : public StepAwaiter {
    public:
        using StepAwaiter::StepAwaiter;
        std::optional<T> await_resume() {
            if (!this->finish_step()) return std::nullopt;
            return std::exchange(this->m_gen->m_h.promise().m_value, std::nullopt);
        }
    };

    // asyncio: `await agen.aclose()`. Raises GeneratorExit at the paused
    // co_yield and runs the body to its end; an exception other than
    // GeneratorExit propagates; yielding instead raises RuntimeError.
    class CloseAwaiter : public StepAwaiter {
    public:
        using StepAwaiter::StepAwaiter;
        void await_resume() {
            bool yielded;
            try {
                yielded = this->finish_step();
            } catch (const GeneratorExit&) {
                return;
            }
            if (yielded) {
                this->m_gen->m_h.promise().m_value.reset();
                throw RuntimeError("async generator ignored GeneratorExit");
            }
        }
    };

    NextAwaiter anext() { return NextAwaiter(*this, Op::next); }

    // asyncio: `await agen.asend(value)`; co_yield in the body evaluates to
    // std::optional<S>{value} (nullopt when resumed by anext). Like CPython,
    // a generator that has not started cannot receive a value: start it with
    // anext() first.
    template <class U = S>
    requires(!std::is_void_v<U>) NextAwaiter asend(U value) {
        NextAwaiter a(*this, Op::send);
        a.m_send.value.emplace(std::move(value));
        return a;
    }

    // asyncio: `await agen.athrow(exc)`: raises `e` at the paused co_yield.
    // The next yielded value, or nullopt if the body then ends; an exception
    // the body does not handle comes back out. A generator that has not
    // started is finished at once and the exception is raised to the caller.
    NextAwaiter athrow(std::exception_ptr e) {
        NextAwaiter a(*this, Op::throw_in);
        a.m_error = std::move(e);
        return a;
    }
    template <class E>
    requires(!std::is_same_v<std::decay_t<E>, std::exception_ptr>) NextAwaiter athrow(E e) {
        return athrow(std::make_exception_ptr(std::move(e)));
    }

    CloseAwaiter aclose() { return CloseAwaiter(*this, Op::close); }

    // -- Iteration: for (auto it = co_await gen.begin(); it != gen.end(); co_await ++it)
    class iterator {
    public:
        using value_type = T;
        iterator() noexcept = default;
        // The current value; valid until the iterator is advanced.
        T& operator*() const { return *m_gen->m_h.promise().m_value; }
        T* operator->() const { return &**this; }
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.m_gen == b.m_gen; }
        friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.m_gen != b.m_gen; }

        class AdvanceAwaiter : public StepAwaiter {
        public:
            AdvanceAwaiter(iterator& it) : StepAwaiter(*it.m_gen, Op::next), m_it(&it) {}
            iterator& await_resume() {
                if (!this->finish_step()) m_it->m_gen = nullptr;
                return *m_it;
            }

        private:
            iterator* m_it;
        };
        // Resumes the body up to its next co_yield; the iterator becomes end()
        // when the body ends.
        AdvanceAwaiter operator++() { return AdvanceAwaiter(*this); }

    private:
        friend class AsyncGenerator;
        explicit iterator(AsyncGenerator* gen) noexcept : m_gen(gen) {}
        AsyncGenerator* m_gen = nullptr;  // null: end()
    };

    class BeginAwaiter : public StepAwaiter {
    public:
        using StepAwaiter::StepAwaiter;
        iterator await_resume() { return iterator(this->finish_step() ? this->m_gen : nullptr); }
    };
    // Starts (or continues) the body up to its next co_yield.
    BeginAwaiter begin() { return BeginAwaiter(*this, Op::next); }
    iterator end() noexcept { return iterator(); }

private:
    void reset() noexcept {
        if (m_h) std::exchange(m_h, {}).destroy();
    }
    Handle m_h;
};

namespace detail {
template <class T, class S>
AsyncGenerator<T, S> AsyncGeneratorPromise<T, S>::get_return_object() noexcept {
    return AsyncGenerator<T, S>(Handle::from_promise(*this));
}
}  // namespace detail

}  // namespace aio
