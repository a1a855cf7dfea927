#include "engine_view.h"

#include "aio/event_loop.hpp"

#include <cstdio>
#include <string_view>

namespace aio::web {

std::string describe_sleep(double until_shown) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "sleep until %.3f s", until_shown);
    return buf;
}

void ViewObserver::on_event(const aio::LoopEvent& e) {
    ++m_events;
    LoopView& v = *m_view;
    double t = shown(e.time);
    if (t > v.time) v.time = t;
    if (e.iteration > v.iteration) v.iteration = e.iteration;
    switch (e.kind) {
    case aio::LoopEventKind::task_created:
        v.task_created(e.task_id, e.task_name, t);
        m_by_name[std::string(e.task_name)] = e.task_id;
        break;
    case aio::LoopEventKind::task_step:
        m_steps[e.task_id] = StepNote{};
        v.task_state(e.task_id, TaskState::running, t);
        break;
    case aio::LoopEventKind::task_suspended:
        suspended(e, t);
        break;
    case aio::LoopEventKind::task_done:
    case aio::LoopEventKind::task_cancelled:
    case aio::LoopEventKind::task_failed: {
        TaskState s = e.kind == aio::LoopEventKind::task_done        ? TaskState::done
                      : e.kind == aio::LoopEventKind::task_cancelled ? TaskState::cancelled
                                                                     : TaskState::failed;
        v.task_finished(e.task_id, s, t, e.what);
        m_steps.erase(e.task_id);
        auto it = m_by_name.find(std::string(e.task_name));
        if (it != m_by_name.end() && it->second == e.task_id) m_by_name.erase(it);
        break;
    }
    case aio::LoopEventKind::timer_armed:
        // A "sleep" timer armed by a running task: remember it in case the
        // step ends waiting on its future. That is how the script layer's
        // asyncio.sleep looks (as CPython's: a future completed by a timer);
        // C++ sleeps report their deadline directly (`until`).
        if (e.task_id != 0 && e.what == "sleep") {
            StepNote& n = m_steps[e.task_id];
            n.sleep_until = e.until;
            n.sleep_timer = e.timer_id;
            m_timer_task[e.timer_id] = e.task_id;
        }
        break;
    case aio::LoopEventKind::timer_fired: {
        // A sleeper's deadline: its task is ready from now on (its step runs
        // in this iteration or the next).
        auto it = m_timer_task.find(e.timer_id);
        if (it == m_timer_task.end()) break;
        const TaskLane* lane = v.find(it->second);
        if (lane && lane->state == TaskState::sleeping) v.task_state(it->second, TaskState::ready, t);
        m_timer_task.erase(it);
        break;
    }
    case aio::LoopEventKind::timer_cancelled:
        m_timer_task.erase(e.timer_id);
        break;
    case aio::LoopEventKind::callback:
        break;
    }
}

void ViewObserver::suspended(const aio::LoopEvent& e, double t) {
    LoopView& v = *m_view;
    std::string_view what = e.what;
    if (e.until > 0) {  // a C++ sleep
        v.task_state(e.task_id, TaskState::sleeping, t, describe_sleep(shown(e.until)));
        return;
    }
    if (what == "yield") {  // sleep(0): already back in the ready queue
        v.task_state(e.task_id, TaskState::ready, t, "sleep(0)");
        return;
    }
    if (what == "error") {  // an exception to throw in at the next step
        v.task_state(e.task_id, TaskState::ready, t, "resumes to raise");
        return;
    }
    auto it = m_steps.find(e.task_id);
    if (it != m_steps.end() && it->second.sleep_until >= 0 && what == "future") {
        v.task_state(e.task_id, TaskState::sleeping, t, describe_sleep(shown(it->second.sleep_until)));
        return;
    }
    if (it != m_steps.end() && it->second.sleep_timer) m_timer_task.erase(it->second.sleep_timer);
    v.task_state(e.task_id, TaskState::waiting, t, what.empty() ? std::string_view("something") : what);
}

void ViewObserver::refresh(aio::EventLoop& loop, double wall_ms) {
    LoopView& v = *m_view;
    double now = shown(loop.time());
    if (now > v.time) v.time = now;
    v.iteration = loop.iteration();
    // Describing 10,000 ready steps and timers costs milliseconds a frame
    // does not have: big queues are described a few times a second.
    bool big = v.ready.size() + v.timers.size() > kBigQueues;
    if (big && wall_ms >= 0 && wall_ms - m_described_ms < kBigQueuesEveryMs) return;
    m_described_ms = wall_ms;

    v.ready.clear();
    for (std::string& what : loop.describe_ready()) {
        ReadyItem item;
        // Task steps read "step <task name>".
        if (what.rfind("step ", 0) == 0) {
            auto it = m_by_name.find(what.substr(5));
            if (it != m_by_name.end()) {
                item.task_id = it->second;
                const TaskLane* lane = v.find(item.task_id);
                if (lane && (lane->state == TaskState::waiting || lane->state == TaskState::sleeping)) {
                    std::string detail = lane->detail;  // task_state replaces the lane's own copy
                    v.task_state(item.task_id, TaskState::ready, v.time, detail);
                }
            }
        }
        item.what = std::move(what);
        v.ready.push_back(std::move(item));
    }

    v.timers.clear();
    for (auto& [when, what] : loop.describe_timers()) {
        TimerItem item;
        item.when = shown(when);
        item.what = std::move(what);
        v.timers.push_back(std::move(item));
    }
    ++v.generation;
}

}  // namespace aio::web
