#include "aio/observer.hpp"

#include <atomic>

namespace aio {

namespace {
// Atomic only so that a loop built on another thread reads a whole pointer.
std::atomic<Observer*> g_default_observer{nullptr};
}  // namespace

void set_default_observer(Observer* observer) noexcept { g_default_observer.store(observer, std::memory_order_relaxed); }
Observer* default_observer() noexcept { return g_default_observer.load(std::memory_order_relaxed); }

const char* to_string(LoopEventKind kind) {
    switch (kind) {
    case LoopEventKind::task_created: return "task_created";
    case LoopEventKind::task_step: return "task_step";
    case LoopEventKind::task_suspended: return "task_suspended";
    case LoopEventKind::task_done: return "task_done";
    case LoopEventKind::task_cancelled: return "task_cancelled";
    case LoopEventKind::task_failed: return "task_failed";
    case LoopEventKind::timer_armed: return "timer_armed";
    case LoopEventKind::timer_fired: return "timer_fired";
    case LoopEventKind::timer_cancelled: return "timer_cancelled";
    case LoopEventKind::callback: return "callback";
    }
    return "?";
}

}  // namespace aio
