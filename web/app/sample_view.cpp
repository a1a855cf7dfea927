#include "sample_view.h"

#include <algorithm>
#include <string>

namespace aio::web {

void load_sample_view(RunState& s) {
    LoopView& v = s.loop;
    v.clear();
    s.console.clear();
    // main: runs, waits on the queue's join, then finishes.
    v.task_created(1, "main", 0.000);
    v.task_state(1, TaskState::running, 0.000);
    v.task_state(1, TaskState::waiting, 0.002, "Queue.join()");
    // Three cooks taking tickets off a queue, each sleeping while it cooks.
    const double starts[3] = {0.002, 0.003, 0.004};
    const double cook[3][3] = {{0.20, 0.30, 0.10}, {0.10, 0.20, 0.30}, {0.20, 0.10, 0.30}};
    const char* names[3] = {"cook-Ana", "cook-Ben", "cook-Cy"};
    for (int c = 0; c < 3; ++c) {
        std::uint64_t id = static_cast<std::uint64_t>(2 + c);
        v.task_created(id, names[c], 0.001);
        double t = starts[c];
        for (int k = 0; k < 3; ++k) {
            v.task_state(id, TaskState::running, t);
            v.task_state(id, TaskState::sleeping, t + 0.001, "sleep(" + std::to_string(cook[c][k]).substr(0, 3) + ")");
            t += 0.001 + cook[c][k];
            v.task_state(id, TaskState::ready, t);
            t += 0.001;
        }
        v.task_state(id, TaskState::running, t);
        v.task_state(id, TaskState::waiting, t + 0.001, "Queue.get()");
    }
    // A watchdog that is cancelled and one that fails.
    v.task_created(5, "watchdog", 0.001);
    v.task_state(5, TaskState::running, 0.003);
    v.task_state(5, TaskState::sleeping, 0.003, "sleep(10)");
    v.task_finished(5, TaskState::cancelled, 0.640, "CancelledError");
    v.task_created(6, "fetch", 0.100);
    v.task_state(6, TaskState::running, 0.101);
    v.task_state(6, TaskState::waiting, 0.102, "Future pending");
    v.task_state(6, TaskState::running, 0.350);
    v.task_finished(6, TaskState::failed, 0.351, "ValueError: bad reply");
    v.task_state(1, TaskState::ready, 0.640);
    v.task_state(1, TaskState::running, 0.641);
    v.task_finished(1, TaskState::done, 0.642);
    v.time = 0.700;
    v.iteration = 57;
    v.ready = {{"Task-2 cook-Ana step", 2}, {"Task-3 cook-Ben step", 3}};
    v.timers = {{0.900, "sleep(0.2) -> cook-Cy", 4, false}, {10.003, "sleep(10) -> watchdog", 5, true}};
    s.console.write(Stream::info, "sample picture loaded (no engine ran)\n", 0);
    s.console.write(Stream::out, "Ana starts margherita at 0.0\nBen starts funghi at 0.0\n", 0.002);
    s.console.write(
        Stream::err,
        "Traceback (most recent call last):\n  File \"sample.py\", line 9, in fetch\nValueError: bad reply\n", 0.351);
    s.status = RunStatus::finished;
    s.program = "sample";
}

void load_stress_view(RunState& s, int tasks, int segments) {
    LoopView& v = s.loop;
    v.clear();
    s.console.clear();
    double t_end = 0;
    for (int i = 0; i < tasks; ++i) {
        auto id = static_cast<std::uint64_t>(i + 1);
        double t = 0.0001 * i;
        v.task_created(id, "worker-" + std::to_string(i + 1), t);
        for (int k = 0; k < segments; ++k) {
            v.task_state(id, TaskState::running, t);
            v.task_state(id, TaskState::sleeping, t + 0.0002, "sleep(0.01)");
            t += 0.0102 + 0.00001 * (i % 7);
            v.task_state(id, TaskState::ready, t);
            t += 0.0003;
        }
        v.task_state(id, TaskState::waiting, t, "Queue.get()");
        t_end = std::max(t_end, t);
    }
    v.time = t_end;
    s.status = RunStatus::paused;
    s.program = "stress";
    s.console.write(Stream::info, "stress picture: " + std::to_string(tasks) + " tasks (no engine ran)\n", 0);
}

}  // namespace aio::web
