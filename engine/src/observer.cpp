#include "aio/observer.hpp"

namespace aio {

// set_default_observer / default_observer live in event_loop.cpp, beside the
// registry of live loops they need.

const char* to_string(LoopEventKind kind) {
    switch (kind) {
    case LoopEventKind::task_created:
        return "task_created";
    case LoopEventKind::task_step:
        return "task_step";
    case LoopEventKind::task_suspended:
        return "task_suspended";
    case LoopEventKind::task_done:
        return "task_done";
    case LoopEventKind::task_cancelled:
        return "task_cancelled";
    case LoopEventKind::task_failed:
        return "task_failed";
    case LoopEventKind::timer_armed:
        return "timer_armed";
    case LoopEventKind::timer_fired:
        return "timer_fired";
    case LoopEventKind::timer_cancelled:
        return "timer_cancelled";
    case LoopEventKind::callback:
        return "callback";
    }
    return "?";
}

}  // namespace aio
