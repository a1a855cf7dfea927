#pragma once
// What the loop reports as it works, for the playground's timeline, the loop
// inspector, trace export and tests. Reporting costs one branch per event
// when no observer is installed.

#include <cstdint>
#include <string>
#include <string_view>

namespace aio {

enum class LoopEventKind : std::uint8_t {
    task_created,     // a Task was created (its first step is scheduled)
    task_step,        // the loop started running one step of a task
    task_suspended,   // the step ended with the task waiting (`what`, `until`)
    task_done,        // finished with a result
    task_cancelled,   // finished cancelled
    task_failed,      // finished with an exception (`what` describes it)
    timer_armed,      // call_later/call_at/sleep armed a timer (`until` = deadline)
    timer_fired,      // a timer came due and its callback was made ready
    timer_cancelled,  // a timer was cancelled before it fired
    callback,         // a plain call_soon/timer callback ran (`what` names it)
};

const char* to_string(LoopEventKind kind);

struct LoopEvent {
    LoopEventKind kind;
    double time;            // loop time when it happened, seconds
    std::uint64_t task_id;  // 0 when not about a task
    std::string_view task_name;
    std::string_view what;    // what a task waits on / error text / callback name
    double until;             // deadline for timers and sleeping tasks; 0 otherwise
    std::uint64_t timer_id;   // 0 when not about a timer
    std::uint64_t iteration;  // loop iteration number (run_once calls so far)
};

class Observer {
public:
    virtual ~Observer() = default;
    virtual void on_event(const LoopEvent& event) = 0;
};

// The observer every EventLoop constructed from now on starts with (null:
// none, the default). Process-wide like the default clock, so that loops made
// inside aio::run, new_event_loop or get_event_loop — which a program creates
// itself — report to a host that installed one beforehand (the playground's
// C++ twin records examples this way). A loop can still change its own with
// set_observer.
//
// Replacing the default releases the previous one: every live loop that
// still reports to it stops reporting (its observer becomes null), so the
// host may destroy it right after — even though a loop that get_event_loop()
// made may live on. Other loops keep their observers. Call it while none of
// those loops runs on another thread.
void set_default_observer(Observer* observer);
Observer* default_observer();

}  // namespace aio
