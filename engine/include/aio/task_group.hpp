#pragma once
// asyncio.TaskGroup with Python 3.11 semantics (CPython Lib/asyncio/taskgroups.py).
//
//     // async with asyncio.TaskGroup() as tg:
//     //     a = tg.create_task(fetch("a"))
//     //     b = tg.create_task(fetch("b"))
//     co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coroutine<> {
//         a = tg.create_task(fetch("a"));
//         b = tg.create_task(fetch("b"));
//         co_return;
//     });
//     // both are done here
//
// Leaving the block waits for every task of the group. The first task that
// fails cancels the other tasks and the block itself (the task running it);
// once all have finished, every error is raised together as
// aio::ExceptionGroup("unhandled errors in a TaskGroup", [...]), in the order
// they happened, with an error that left the block itself last. A
// cancellation of the task running the group from outside cancels the tasks
// and propagates as CancelledError. Once the group is shutting down or
// finished, create_task raises RuntimeError.
//
// The shape: C++ cannot co_await in a destructor, and leaving the scope must
// wait for the tasks and see the exception leaving the block, so the block is
// a coroutine (usually a lambda) that task_group() awaits inline between
// TaskGroup::enter() and TaskGroup::exit() — asyncio's __aenter__ and
// __aexit__, also public for other drivers (the script layer). The block's
// return value, if any, is task_group()'s.
//
// Deliberate differences: CPython keeps the tasks in a set, so the order in
// which it cancels siblings is arbitrary; here it is creation order. C++ has
// no SystemExit/KeyboardInterrupt, so no error is a "base error" that
// overrides the group.

#include <concepts>
#include <exception>
#include <list>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "aio/wait.hpp"

namespace aio {

class TaskGroup {
public:
    TaskGroup() = default;
    TaskGroup(const TaskGroup&) = delete;
    TaskGroup& operator=(const TaskGroup&) = delete;
    ~TaskGroup();

    // asyncio: TaskGroup.create_task(coro, name=None). RuntimeError when the
    // group has not been entered, is shutting down, or is finished.
    template <class T>
    Task<T> create_task(Coroutine<T> coro, std::string name = {}) {
        check_can_create();
        Task<T> task = aio::create_task(*m_loop, std::move(coro), std::move(name));
        track(task.core());
        return task;
    }

    // "<TaskGroup tasks=2 errors=1 cancelling>", as Python's repr.
    std::string repr() const;

    // asyncio: __aenter__ — binds the group to the current task.
    void enter();
    // asyncio: __aexit__ — `error` is what leaves the block (null if nothing).
    // Waits for the tasks; throws ExceptionGroup, or CancelledError, or returns
    // (the caller then re-raises `error` if there was one, as `async with` does).
    Coroutine<> exit(std::exception_ptr error);

    // create_task in two halves, for drivers that make their own tasks (the
    // script layer): check first (RuntimeError as create_task), make the
    // task on the group's loop, then hand it to track().
    void check_can_create() const;
    void track(detail::TaskCore& task);
    EventLoop& get_loop() const { return *m_loop; }  // after enter()

private:
    struct Entry {
        detail::Ref<detail::TaskCore> task;
        detail::Ref<detail::DoneCallback> callback;
    };
    using Tasks = std::list<Entry>;            // creation order
    void on_task_done(Tasks::iterator entry);  // asyncio: _on_task_done
    void abort();                              // asyncio: _abort

    bool m_entered = false;
    bool m_exiting = false;
    bool m_aborting = false;
    bool m_parent_cancel_requested = false;
    EventLoop* m_loop = nullptr;
    detail::Ref<detail::TaskCore> m_parent_task;
    Tasks m_tasks;
    std::vector<std::exception_ptr> m_errors;
    std::optional<Future<>> m_on_completed_fut;
};

namespace detail {

template <class Fn>
using group_result_t = typename std::invoke_result_t<Fn&, TaskGroup&>::value_type;

template <class Fn>
concept TaskGroupBlock = std::invocable<Fn&, TaskGroup&> &&
    std::same_as<std::invoke_result_t<Fn&, TaskGroup&>, Coroutine<group_result_t<Fn>>>;

template <class T, class Block>
Coroutine<T> task_group_scope(Block block) {
    TaskGroup tg;
    tg.enter();
    std::exception_ptr error;
    std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> result;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await block(tg);
        } else {
            result.emplace(co_await block(tg));
        }
    } catch (...) {
        error = std::current_exception();
    }
    co_await tg.exit(error);
    if (error) std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>) co_return std::move(*result);
}

}  // namespace detail

// `async with asyncio.TaskGroup() as tg:` around `block(tg)`.
template <detail::TaskGroupBlock Fn>
Coroutine<detail::group_result_t<Fn>> task_group(Fn block) {
    return detail::task_group_scope<detail::group_result_t<Fn>>(std::move(block));
}

}  // namespace aio
