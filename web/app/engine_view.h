#pragma once
// The engine's loop events drawn as a LoopView (web/README.md's mapping):
// an aio::Observer that turns task_created / task_step / task_suspended /
// timer_fired / task_done... into lanes of task states, plus a snapshot of
// the loop's ready queue and timer heap taken after each slice of work.
//
// All times it writes are loop time minus the run's origin, so a run starts
// at 0 whatever clock it is on (a real clock reads the machine's uptime).

#include "model/loop_view.h"

#include "aio/observer.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace aio {
class EventLoop;
}

namespace aio::web {

class ViewObserver final : public aio::Observer {
public:
    // `origin`: the loop time shown as 0. Without one, the first loop time
    // seen becomes it (a real clock's loop starts at the machine's uptime).
    ViewObserver(LoopView& view, double origin) : m_view(&view), m_origin(origin), m_origin_set(true) {}
    explicit ViewObserver(LoopView& view) : m_view(&view) {}

    void on_event(const aio::LoopEvent& e) override;

    // After a slice of work: loop time and iteration, the ready queue (front
    // first) and the timers (earliest first). Tasks found in the ready queue
    // that the view still shows waiting are marked ready: a future's
    // completion schedules its waiters without an event of its own.
    // `wall_ms` (a wall clock reading) lets big queues be described less
    // often; < 0 describes them now.
    void refresh(aio::EventLoop& loop, double wall_ms = -1);

    // Loop time as shown: from the origin (fixing it on first use).
    double shown(double loop_time) {
        if (!m_origin_set) {
            m_origin = loop_time;
            m_origin_set = true;
        }
        return loop_time - m_origin;
    }
    bool origin_set() const { return m_origin_set; }
    std::uint64_t event_count() const { return m_events; }

private:
    // What the task did in its current step that tells how it waits.
    struct StepNote {
        double sleep_until = -1;       // a sleep's timer armed in this step (loop time)
        std::uint64_t sleep_timer = 0; // its id
    };

    void suspended(const aio::LoopEvent& e, double t);

    LoopView* m_view;
    double m_origin = 0;                                    // loop time shown as 0
    bool m_origin_set = false;
    std::uint64_t m_events = 0;
    double m_described_ms = -1e9;  // wall time of the last ready/timer description
    static constexpr size_t kBigQueues = 2000;         // entries, ready + timers
    static constexpr double kBigQueuesEveryMs = 200;   // how often those are described
    std::unordered_map<std::uint64_t, std::uint64_t> m_timer_task;  // sleep timer id -> task it wakes
    std::unordered_map<std::uint64_t, StepNote> m_steps;            // task id -> current step's notes
    std::unordered_map<std::string, std::uint64_t> m_by_name;      // task name -> id (latest of that name)
};

// "sleep until 1.250 s": how a sleeping task's wait is described.
std::string describe_sleep(double until_shown);

}  // namespace aio::web
