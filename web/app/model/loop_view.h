#pragma once
// What the Timeline and Loop inspector panels draw: a plain picture of the
// event loop, filled by whoever watches the engine (an aio::Observer in the
// playground, a fixture in tests). No ImGui and no engine headers here.
//
// Tasks are kept as lanes of state segments over loop time. Feed it with the
// three calls below as the loop reports events; ready queue and timers are
// snapshots, replaced whenever the loop changes them.
//
//   task_created(id, name, t)            -> lane opens in `ready`
//   task_state(id, running, t)           -> a step starts
//   task_state(id, waiting, t, "Future") -> suspended on something
//   task_state(id, sleeping, t, "sleep(0.5) until 1.5")
//   task_state(id, ready, t)             -> woken, waiting for its turn
//   task_finished(id, done|cancelled|failed, t, detail)

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aio::web {

enum class TaskState : std::uint8_t {
    ready,      // scheduled, waiting in the ready queue for its next step
    running,    // a step is running
    waiting,    // suspended on a future, task, queue, lock, ...
    sleeping,   // suspended on a timer
    done,       // finished with a result
    cancelled,  // finished by cancellation
    failed,     // finished with an exception
};
const char* to_string(TaskState s);
inline bool is_finished(TaskState s) { return s >= TaskState::done; }

struct TaskSegment {
    double start;  // loop time, seconds
    double end;    // loop time, seconds; == start while `open`
    TaskState state;
    bool open;           // still going: drawn up to the current loop time
    std::string detail;  // what it waits on / the error; may be empty
};

struct TaskLane {
    std::uint64_t id = 0;
    std::string name;  // Task-1, or the name given to create_task
    TaskState state = TaskState::ready;
    std::string detail;                 // current detail: awaiting what / the error
    double created = 0;                 // loop time
    double finished = -1;               // loop time; < 0 while alive
    std::uint32_t steps = 0;            // steps run so far
    std::vector<TaskSegment> segments;  // in time order; the last may be open
    double trimmed_before = -1;         // older segments were dropped (long runs)
};

struct ReadyItem {
    std::string what;           // task name or callback description
    std::uint64_t task_id = 0;  // 0 for plain callbacks
};

struct TimerItem {
    double when = 0;            // deadline, loop time, seconds
    std::string what;           // "sleep(0.5)", "call_later(...)"
    std::uint64_t task_id = 0;  // task woken by it, 0 if none
    bool cancelled = false;     // cancelled timers stay in the heap until due (asyncio drops them lazily)
};

enum class ClockMode : std::uint8_t { real, virtual_time, scaled };
const char* to_string(ClockMode m);

struct LoopView {
    double time = 0;              // loop time now, seconds
    std::uint64_t iteration = 0;  // run_once calls so far
    ClockMode clock = ClockMode::real;
    double speed = 1.0;            // for ClockMode::scaled
    std::vector<TaskLane> tasks;   // one lane per task, creation order
    std::vector<ReadyItem> ready;  // ready queue, front first
    // The timer heap, earliest deadline first: all of it, or for a long list
    // only a window of it, rows [timers_first, timers_first + timers.size())
    // of timers_total. 10,000 timers cost milliseconds to copy; whoever fills
    // the view copies the rows a panel shows (show_timer_rows) instead.
    std::vector<TimerItem> timers;
    size_t timers_first = 0;       // row of timers[0] in the whole list
    size_t timers_total = 0;       // rows in the whole list; ignored while `timers` is empty
    std::uint64_t generation = 0;  // bumped by every change

    // Rows in the whole timer list (0 when `timers` is empty).
    size_t timer_count() const;
    // Row `i` of the whole timer list, or nullptr outside the copied window.
    const TimerItem* timer_at(size_t i) const;
    // A panel shows rows [from, to) of the timer list: a long list is copied
    // from there on the next refresh. Const: panels draw a const view.
    void show_timer_rows(size_t from, size_t to) const;
    size_t timer_rows_from() const { return m_timer_rows_from; }
    size_t timer_rows_to() const { return m_timer_rows_to; }
    static constexpr size_t kTimerRowsDefault = 64;  // shown before any panel asks

    void clear();
    // Lane for a task id, or nullptr.
    TaskLane* find(std::uint64_t id);
    const TaskLane* find(std::uint64_t id) const;

    void task_created(std::uint64_t id, std::string_view name, double t);
    // Closes the open segment and opens one in `state` (not a finished state).
    void task_state(std::uint64_t id, TaskState state, double t, std::string_view detail = {});
    // Closes the lane with a finished state.
    void task_finished(std::uint64_t id, TaskState state, double t, std::string_view detail = {});

    // Number of tasks in each state, indexed by TaskState.
    std::vector<int> counts() const;
    // Earliest segment start and latest end (or `time`), for "fit".
    double first_time() const;

    static constexpr size_t kMaxSegmentsPerLane = 4096;  // older half dropped beyond this

private:
    TaskLane& lane(std::uint64_t id, double t);
    std::unordered_map<std::uint64_t, size_t> m_index;  // task id -> index in tasks
    mutable size_t m_timer_rows_from = 0;               // timer rows a panel shows
    mutable size_t m_timer_rows_to = kTimerRowsDefault;
};

}  // namespace aio::web
