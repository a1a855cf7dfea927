#pragma once
// How one frame of a task hands control to another frame of the same task:
// awaiting a Coroutine runs the child now, the child's end continues the
// parent, an async generator's co_yield continues its consumer, a woken queue
// waiter continues its frame. Awaiters return `transfer_to(task, next)` or
// `transfer_back()` from await_suspend, whose return type is `Transfer`.
//
// Natively that is symmetric transfer: await_suspend returns the next handle
// and the compiler tail-calls its resume function, so any number of
// transfers in one step run in constant stack.
//
// In Wasm it is a trampoline. em++ 3.1.6 (clang 14) emits the tail call
// (`return_call_indirect`) but places the function's shadow-stack epilogue
// after it, where it never runs: every resume function that needs
// shadow-stack space leaks it at each transfer until the task's step returns
// (32 bytes per await level of a plain `co_return co_await child() + 1`).
// So there the frame suspends, leaves the next handle in the task's hand-off
// slot and returns normally; CoroTaskBase::run_step resumes hand-offs in a
// loop. tests/wasm/test_engine_stack.cpp shows the leak when this is off.
// Define AIO_SYMMETRIC_TRANSFER=0 or 1 for the whole build to choose.

#include "aio/coro_compat.hpp"
#include "aio/detail/task_core.hpp"

#if !defined(AIO_SYMMETRIC_TRANSFER)
#if defined(__EMSCRIPTEN__)
#define AIO_SYMMETRIC_TRANSFER 0
#else
#define AIO_SYMMETRIC_TRANSFER 1
#endif
#endif

namespace aio::detail {

#if AIO_SYMMETRIC_TRANSFER
using Transfer = stdcoro::coroutine_handle<>;
// Continue `next` (a frame of `task`) now.
inline Transfer transfer_to(TaskCore&, stdcoro::coroutine_handle<> next) noexcept { return next; }
// Suspend and return to whoever resumed the task (its step).
inline Transfer transfer_back() noexcept { return stdcoro::noop_coroutine(); }
#else
using Transfer = bool;  // await_suspend returning true: suspend, return normally
inline Transfer transfer_to(TaskCore& task, stdcoro::coroutine_handle<> next) noexcept {
    task.m_handoff = next;
    return true;
}
inline Transfer transfer_back() noexcept { return true; }
#endif

}  // namespace aio::detail
