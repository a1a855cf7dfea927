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
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

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
    // `wall_ms` (a wall clock reading) lets a long ready queue be described
    // less often; < 0 describes it now.
    //
    // The timers come from the observer's own table, kept from timer_armed /
    // timer_fired / timer_cancelled as they happen (O(log n) an event), not
    // from EventLoop::describe_timers, which copies and sorts the whole heap:
    // 10,000 sleeping tasks made that a 1-9 ms stall every 200 ms in Wasm.
    // Of a long list only the rows a panel shows are copied (LoopView::
    // show_timer_rows). The table also knows which task each timer wakes.
    void refresh(aio::EventLoop& loop, double wall_ms = -1);
    // The timer table into the view without a loop to ask (a replay).
    void publish_timers();
    // Live timers the observer knows of.
    size_t timer_count() const { return m_timers.size(); }

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
    // What the task did in its current step that tells how it waits. Steps
    // never interleave (a held step is continued before anything else runs),
    // so one note, for the task whose step runs, is enough.
    struct StepNote {
        std::uint64_t task = 0;         // whose step; 0: none running
        double sleep_until = -1;        // a sleep's timer armed in this step (loop time)
        std::uint64_t sleep_timer = 0;  // its id
    };
    struct LiveTimer {
        std::string what;            // the handle's name: "sleep", a callback's
        std::uint64_t task = 0;      // the task that armed it (0: none)
        bool wakes_sleeper = false;  // its firing makes `task` ready (a sleep)
    };
    using TimerKey = std::pair<double, std::uint64_t>;  // (deadline, id): the heap's order

    void suspended(const aio::LoopEvent& e, double t);
    void new_loop_seen();
    void timer_gone(std::uint64_t id);

    LoopView* m_view;
    double m_origin = 0;  // loop time shown as 0
    bool m_origin_set = false;
    std::uint64_t m_events = 0;
    std::uint64_t m_last_iteration = 0;  // iterations only grow within a loop: a drop is a new loop
    double m_ready_described_ms = -1e9;  // wall time the ready queue was last described
    bool m_timers_changed = true;
    size_t m_published_from = 0, m_published_to = 0;  // the timer rows asked for at the last copy
    static constexpr size_t kBigList = 2000;          // a longer list is copied in part / less often
    static constexpr double kBigListEveryMs = 200;    // a long ready queue is described this often
    static constexpr size_t kWindowSlack = 16;        // timer rows copied beyond those shown
    StepNote m_step;
    std::map<TimerKey, LiveTimer> m_timers;                    // live timers, earliest first
    std::unordered_map<std::uint64_t, double> m_timer_when;    // timer id -> deadline (its key)
    std::unordered_map<std::string, std::uint64_t> m_by_name;  // task name -> id (latest of that name)
};

// "sleep until 1.250 s": how a sleeping task's wait is described.
std::string describe_sleep(double until_shown);

}  // namespace aio::web
