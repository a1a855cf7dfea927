#include "loop_view.h"

#include <algorithm>

namespace aio::web {

const char* to_string(TaskState s) {
    switch (s) {
    case TaskState::ready:
        return "ready";
    case TaskState::running:
        return "running";
    case TaskState::waiting:
        return "waiting";
    case TaskState::sleeping:
        return "sleeping";
    case TaskState::done:
        return "done";
    case TaskState::cancelled:
        return "cancelled";
    case TaskState::failed:
        return "failed";
    }
    return "?";
}

const char* to_string(ClockMode m) {
    switch (m) {
    case ClockMode::real:
        return "real";
    case ClockMode::virtual_time:
        return "virtual";
    case ClockMode::scaled:
        return "scaled";
    }
    return "?";
}

void LoopView::clear() {
    time = 0;
    iteration = 0;
    tasks.clear();
    ready.clear();
    timers.clear();
    timers_first = 0;
    timers_total = 0;
    m_index.clear();
    ++generation;
}

size_t LoopView::timer_count() const {
    return timers.empty() ? 0 : std::max(timers_total, timers_first + timers.size());
}

const TimerItem* LoopView::timer_at(size_t i) const {
    if (i < timers_first || i - timers_first >= timers.size()) return nullptr;
    return &timers[i - timers_first];
}

void LoopView::show_timer_rows(size_t from, size_t to) const {
    m_timer_rows_from = from;
    m_timer_rows_to = std::max(from, to);
}

TaskLane* LoopView::find(std::uint64_t id) {
    auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &tasks[it->second];
}

const TaskLane* LoopView::find(std::uint64_t id) const {
    auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &tasks[it->second];
}

TaskLane& LoopView::lane(std::uint64_t id, double t) {
    if (TaskLane* l = find(id)) return *l;
    // An event for a task we never saw created (observer attached late).
    m_index[id] = tasks.size();
    TaskLane& l = tasks.emplace_back();
    l.id = id;
    l.name = "Task-" + std::to_string(id);
    l.created = t;
    return l;
}

void LoopView::task_created(std::uint64_t id, std::string_view name, double t) {
    TaskLane& l = lane(id, t);
    l.name = std::string(name);
    l.created = t;
    task_state(id, TaskState::ready, t);
}

namespace {

void close_open(TaskLane& l, double t) {
    if (!l.segments.empty() && l.segments.back().open) {
        l.segments.back().end = std::max(t, l.segments.back().start);
        l.segments.back().open = false;
    }
}

void trim(TaskLane& l) {
    if (l.segments.size() <= LoopView::kMaxSegmentsPerLane) return;
    size_t drop = l.segments.size() / 2;
    l.trimmed_before = l.segments[drop].start;
    l.segments.erase(l.segments.begin(), l.segments.begin() + static_cast<std::ptrdiff_t>(drop));
}

}  // namespace

void LoopView::task_state(std::uint64_t id, TaskState state, double t, std::string_view detail) {
    TaskLane& l = lane(id, t);
    if (is_finished(l.state) && l.finished >= 0) return;  // late event for a finished task
    close_open(l, t);
    if (state == TaskState::running) ++l.steps;
    l.state = state;
    l.detail.assign(detail.data(), detail.size());  // keeps its buffer: one allocation fewer a step
    l.segments.push_back({t, t, state, true, std::string(detail)});
    trim(l);
    ++generation;
}

void LoopView::task_finished(std::uint64_t id, TaskState state, double t, std::string_view detail) {
    TaskLane& l = lane(id, t);
    close_open(l, t);
    l.state = state;
    l.detail.assign(detail.data(), detail.size());  // keeps its buffer: one allocation fewer a step
    l.finished = t;
    // A zero-length marker segment carries the outcome for the timeline.
    l.segments.push_back({t, t, state, false, std::string(detail)});
    trim(l);
    ++generation;
}

std::vector<int> LoopView::counts() const {
    std::vector<int> c(static_cast<size_t>(TaskState::failed) + 1, 0);
    for (const TaskLane& l : tasks) ++c[static_cast<size_t>(l.state)];
    return c;
}

double LoopView::first_time() const {
    double t = time;
    for (const TaskLane& l : tasks)
        if (!l.segments.empty()) t = std::min(t, l.segments.front().start);
    return t;
}

}  // namespace aio::web
