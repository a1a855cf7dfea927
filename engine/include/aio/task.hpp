#pragma once
// Task<T>: a coroutine scheduled on the loop (asyncio.Task). create_task
// schedules the first step with call_soon — nothing runs inline. A Task is a
// Future: it can be awaited any number of times, cancelled, and queried.

#include <string>
#include <type_traits>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/future.hpp"

namespace aio {

namespace detail {

// Non-template part of a task that runs a C++ coroutine.
class CoroTaskBase : public TaskCore {
public:
    using TaskCore::TaskCore;

protected:
    void run_step() override;
    void release_frame() noexcept override;
    virtual void take_outcome() = 0;     // move the root's result into the slot
    stdcoro::coroutine_handle<> m_root;  // the outermost frame; null once finished
};

template <class T>
class CoroTask final : public CoroTaskBase {
public:
    // Unnamed ("Task-N" on first use): no string is made or moved.
    CoroTask(EventLoop& loop, Coroutine<T>&& coro) : CoroTaskBase(loop) {
        if (!coro) throw RuntimeError("create_task() needs a coroutine");
        if (coro.started()) throw RuntimeError("cannot reuse already awaited coroutine");
        auto h = coro.release();
        h.promise().m_task = this;
        h.promise().m_started = true;
        m_root = h;
        m_resume_point = h;
    }
    void* result_slot() noexcept override { return &m_slot; }
    std::string repr() const override {
        if (m_state == State::finished && !m_exception)
            return "<Task finished name='" + get_name() + "' result=" + repr_result(m_slot) + ">";
        return TaskCore::repr();
    }

private:
    void take_outcome() override {
        auto& p = stdcoro::coroutine_handle<Promise<T>>::from_address(m_root.address()).promise();
        if (p.m_exception) {
            finish_exception(p.m_exception);
            return;
        }
        if constexpr (!std::is_void_v<T>) m_slot.value.emplace(std::move(*p.m_value));
        finish_result();
    }
    ResultSlot<T> m_slot;
};

}  // namespace detail

template <class T = void>
class Task {
public:
    Task() = default;
    explicit Task(detail::Ref<detail::TaskCore> core) : m_core(std::move(core)) {}

    bool done() const { return m_core->done(); }
    bool cancelled() const { return m_core->cancelled(); }
    bool cancel(const std::string& msg = {}) { return m_core->cancel(msg); }
    int cancelling() const { return m_core->cancelling(); }
    int uncancel() { return m_core->uncancel(); }
    T result() const { return detail::take_result<T>(*m_core); }
    std::exception_ptr exception() const { return m_core->exception(); }
    void add_done_callback(std::function<void(Task<T>&)> fn) {
        detail::add_function_callback(*m_core, [fn = std::move(fn)](detail::FutureCore& core) {
            Task<T> t{detail::Ref<detail::TaskCore>(static_cast<detail::TaskCore*>(&core))};
            fn(t);
        });
    }
    const std::string& get_name() const { return m_core->get_name(); }
    void set_name(std::string name) { m_core->set_name(std::move(name)); }
    std::uint64_t id() const { return m_core->id(); }
    EventLoop& get_loop() const { return m_core->get_loop(); }
    std::string repr() const { return m_core->repr(); }
    explicit operator bool() const { return bool(m_core); }

    // A Task is a Future.
    operator Future<T>() const { return Future<T>(detail::Ref<detail::FutureCore>(m_core.get())); }
    detail::TaskCore& core() const { return *m_core; }
    detail::FutureAwaiter<T> operator co_await() const {
        return detail::FutureAwaiter<T>(detail::Ref<detail::FutureCore>(m_core.get()));
    }
    friend bool operator==(const Task& a, const Task& b) { return a.m_core == b.m_core; }

private:
    detail::Ref<detail::TaskCore> m_core;
};

namespace detail {
template <class T>
Task<T> start_task(EventLoop& loop, Coroutine<T>&& coro, std::string* name) {
    loop.check_open("create_task");
    Task<T> task(Ref<TaskCore>(new CoroTask<T>(loop, std::move(coro))));
    if (name && !name->empty()) task.core().set_name(std::move(*name));  // before start() reports it
    task.core().start();
    return task;
}
}  // namespace detail

// Wrap a coroutine in a Task on `loop`; its first step runs on the next
// iteration (asyncio: loop.create_task). Overloads rather than a default
// name: an unnamed task (the common case) moves no string around.
template <class T>
Task<T> create_task(EventLoop& loop, Coroutine<T> coro) {
    return detail::start_task(loop, std::move(coro), nullptr);
}
template <class T>
Task<T> create_task(EventLoop& loop, Coroutine<T> coro, std::string name) {
    return detail::start_task(loop, std::move(coro), &name);
}
// On the running loop (asyncio.create_task).
template <class T>
Task<T> create_task(Coroutine<T> coro) {
    return detail::start_task(get_running_loop(), std::move(coro), nullptr);
}
template <class T>
Task<T> create_task(Coroutine<T> coro, std::string name) {
    return detail::start_task(get_running_loop(), std::move(coro), &name);
}

// asyncio.ensure_future: a coroutine becomes a Task (on the running loop, or
// the current event loop when none runs, as tutorials rely on); futures and
// tasks are returned as they are.
template <class T>
Task<T> ensure_future(Coroutine<T> coro) {
    return create_task(get_event_loop(), std::move(coro));
}
template <class T>
Task<T> ensure_future(EventLoop& loop, Coroutine<T> coro) {
    return create_task(loop, std::move(coro));
}
template <class T>
Task<T> ensure_future(Task<T> t) {
    return t;
}
template <class T>
Future<T> ensure_future(Future<T> f) {
    return f;
}

// The task running now, or an empty handle (asyncio.current_task).
Task<> current_task();
// Tasks of the running loop that are not done (asyncio.all_tasks).
std::vector<Task<>> all_tasks();
std::vector<Task<>> all_tasks(EventLoop& loop);

// Run until the future/task/coroutine is done and return its result
// (asyncio: loop.run_until_complete). A coroutine is wrapped in a Task.
template <class T>
T run_until_complete(EventLoop& loop, Future<T> f) {
    loop.run_until_done(f.core());
    return f.result();
}
template <class T>
T run_until_complete(EventLoop& loop, Task<T> t) {
    loop.run_until_done(t.core());
    return t.result();
}
template <class T>
T run_until_complete(EventLoop& loop, Coroutine<T> coro) {
    return run_until_complete(loop, create_task(loop, std::move(coro)));
}

// Awaitable anything that yields a Future-like handle: used by gather/wait.
template <class A>
concept FutureLike = requires(const A& a) {
    { a.core() } -> std::convertible_to<detail::FutureCore&>;
    a.result();
};

}  // namespace aio
