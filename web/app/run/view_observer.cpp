#include "run/view_observer.h"

#include "aio/event_loop.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string_view>

namespace aio::web {

std::string describe_sleep(double until_shown) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "sleep until %.3f s", until_shown);
    return buf;
}

void ViewObserver::on_event(const aio::LoopEvent& e) {
    ++m_events;
    if (e.iteration < m_last_iteration) new_loop_seen();
    m_last_iteration = e.iteration;
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
        m_step = StepNote{e.task_id, -1, 0};
        v.task_state(e.task_id, TaskState::running, t);
        break;
    case aio::LoopEventKind::task_suspended:
        suspended(e, t);
        m_step = StepNote{};
        break;
    case aio::LoopEventKind::task_done:
    case aio::LoopEventKind::task_cancelled:
    case aio::LoopEventKind::task_failed: {
        TaskState s = e.kind == aio::LoopEventKind::task_done        ? TaskState::done
                      : e.kind == aio::LoopEventKind::task_cancelled ? TaskState::cancelled
                                                                     : TaskState::failed;
        v.task_finished(e.task_id, s, t, e.what);
        if (m_step.task == e.task_id) m_step = StepNote{};
        auto it = m_by_name.find(std::string(e.task_name));
        if (it != m_by_name.end() && it->second == e.task_id) m_by_name.erase(it);
        break;
    }
    case aio::LoopEventKind::timer_armed: {
        timer_gone(e.timer_id);  // an id seen before belongs to a loop gone since
        LiveTimer& timer = m_timers[{e.until, e.timer_id}];
        timer.what = std::string(e.what);
        timer.task = e.task_id;
        m_timer_when[e.timer_id] = e.until;
        m_timers_changed = true;
        // A "sleep" timer armed by a running task: remember it in case the
        // step ends waiting on its future. That is how the script layer's
        // asyncio.sleep looks (as CPython's: a future completed by a timer);
        // C++ sleeps report their deadline directly (`until`).
        if (e.task_id != 0 && e.what == "sleep") {
            timer.wakes_sleeper = true;
            if (m_step.task == e.task_id) {
                m_step.sleep_until = e.until;
                m_step.sleep_timer = e.timer_id;
            }
        }
        break;
    }
    case aio::LoopEventKind::timer_fired: {
        // A sleeper's deadline: its task is ready from now on (its step runs
        // in this iteration or the next).
        auto when = m_timer_when.find(e.timer_id);
        if (when == m_timer_when.end()) break;
        auto it = m_timers.find({when->second, e.timer_id});
        if (it != m_timers.end() && it->second.wakes_sleeper) {
            const TaskLane* lane = v.find(it->second.task);
            if (lane && lane->state == TaskState::sleeping) v.task_state(it->second.task, TaskState::ready, t);
        }
        timer_gone(e.timer_id);
        break;
    }
    case aio::LoopEventKind::timer_cancelled:
        timer_gone(e.timer_id);
        break;
    case aio::LoopEventKind::callback:
        break;
    }
}

// Loops of one run come one after another (asyncio.run twice; the C++
// twin's loops laid end to end). A closed loop drops its timers without
// events, and a new loop numbers its timers from 1 again: forget the old.
void ViewObserver::new_loop_seen() {
    m_timers.clear();
    m_timer_when.clear();
    m_timers_changed = true;
    m_step = StepNote{};
}

void ViewObserver::timer_gone(std::uint64_t id) {
    auto when = m_timer_when.find(id);
    if (when == m_timer_when.end()) return;
    m_timers.erase({when->second, id});
    m_timer_when.erase(when);
    m_timers_changed = true;
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
    bool noted = m_step.task == e.task_id;
    if (noted && m_step.sleep_until >= 0 && what == "future") {
        v.task_state(e.task_id, TaskState::sleeping, t, describe_sleep(shown(m_step.sleep_until)));
        return;
    }
    // The sleep timer it armed is not what it waits on (a timeout, say):
    // that timer's firing does not make it ready.
    if (noted && m_step.sleep_timer) {
        auto when = m_timer_when.find(m_step.sleep_timer);
        if (when != m_timer_when.end()) {
            auto it = m_timers.find({when->second, m_step.sleep_timer});
            if (it != m_timers.end()) it->second.wakes_sleeper = false;
        }
    }
    v.task_state(e.task_id, TaskState::waiting, t, what.empty() ? std::string_view("something") : what);
}

// A short list is copied whole; of a long one, the rows a panel shows (and
// a few around them), found by walking the ordered table from its nearer end.
void ViewObserver::publish_timers() {
    LoopView& v = *m_view;
    const size_t n = m_timers.size();
    size_t from = 0, to = n;
    if (n > kBigList) {
        from = std::min(v.timer_rows_from() > kWindowSlack ? v.timer_rows_from() - kWindowSlack : 0, n - 1);
        to = std::min(std::max(v.timer_rows_to(), v.timer_rows_from()) + kWindowSlack, n);
    }
    auto it = m_timers.begin();
    if (from <= n / 2) {
        std::advance(it, static_cast<std::ptrdiff_t>(from));
    } else {
        it = m_timers.end();
        std::advance(it, -static_cast<std::ptrdiff_t>(n - from));
    }
    v.timers.clear();
    v.timers.reserve(to - from);
    for (size_t i = from; i < to; ++i, ++it) {
        TimerItem item;
        item.when = shown(it->first.first);
        item.what = it->second.what.empty() ? std::string("timer") : it->second.what;
        item.task_id = it->second.wakes_sleeper ? it->second.task : 0;  // the task it wakes
        v.timers.push_back(std::move(item));
    }
    v.timers_first = from;
    v.timers_total = n;
    m_published_from = v.timer_rows_from();
    m_published_to = v.timer_rows_to();
    m_timers_changed = false;
    ++v.generation;
}

void ViewObserver::refresh(aio::EventLoop& loop, double wall_ms) {
    LoopView& v = *m_view;
    double now = shown(loop.time());
    if (now > v.time) v.time = now;
    v.iteration = loop.iteration();

    bool window_moved = v.timer_rows_from() != m_published_from || v.timer_rows_to() != m_published_to;
    if (m_timers_changed || (window_moved && m_timers.size() > kBigList)) publish_timers();

    // The ready queue has no events of its own: the loop describes it, and
    // a long one (10,000 task steps) a few times a second.
    bool big_ready = v.ready.size() > kBigList;
    if (big_ready && wall_ms >= 0 && wall_ms - m_ready_described_ms < kBigListEveryMs) return;
    m_ready_described_ms = wall_ms;
    if (v.ready.empty() && !loop.has_ready()) return;  // stays empty
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
    ++v.generation;
}

}  // namespace aio::web
