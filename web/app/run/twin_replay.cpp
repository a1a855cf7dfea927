// The C++ twin's replay (run/twin_replay.h).

#include "run/twin_replay.h"

#include "run/clock_choice.h"

#include <algorithm>
#include <cstdio>

namespace aio::web {

TwinReplay::TwinReplay(TwinRecording recording, RunState& state, ClockMode mode, double speed)
    : m_rec(std::move(recording)), m_state(&state), m_observer(state.loop, 0.0), m_clock(make_clock(mode, speed)) {
    m_clock->set_now(0);
}

void TwinReplay::apply(const TwinItem& item) {
    if (item.kind == TwinItem::Kind::event) {
        aio::LoopEvent e{item.event, item.t,     item.task_id,  item.task_name,
                         item.what,  item.until, item.timer_id, item.iteration};
        m_observer.on_event(e);
        return;
    }
    m_state->cpp_console.write(item.kind == TwinItem::Kind::err ? Stream::err : Stream::out, item.text, item.t);
}

bool TwinReplay::is_step_start(const TwinItem& item) const {
    return item.kind == TwinItem::Kind::event &&
           (item.event == aio::LoopEventKind::task_step || item.event == aio::LoopEventKind::callback);
}

void TwinReplay::finish() {
    m_finished = true;
    m_state->loop.time = std::max(m_state->loop.time, m_rec.end_time);
}

DriveTarget::Status TwinReplay::advance() {
    if (m_finished) return Status::finished;
    double target = m_next < m_rec.items.size() ? m_rec.items[m_next].t : m_rec.end_time;
    if (m_clock->is_virtual()) m_clock->jump_to(target);  // fast-forward: no waiting at all
    if (m_clock->now() < target) return Status::waiting;
    if (m_next == m_rec.items.size()) {
        finish();
        return Status::finished;
    }
    apply(m_rec.items[m_next++]);
    return Status::ready;
}

double TwinReplay::wake_delay_ms() const {
    if (m_finished) return -1;
    double target = m_next < m_rec.items.size() ? m_rec.items[m_next].t : m_rec.end_time;
    return std::max(0.0, m_clock->real_delay_until(target) * 1000.0);
}

void TwinReplay::step_one() {
    if (m_finished) return;
    // One callback's worth: up to and including the next step's events,
    // stopping before the step after it.
    bool began = false;
    while (m_next < m_rec.items.size()) {
        const TwinItem& it = m_rec.items[m_next];
        if (is_step_start(it)) {
            if (began) break;
            began = true;
        }
        m_clock->set_now(std::max(m_clock->now(), it.t));
        apply(it);
        ++m_next;
    }
    if (m_next == m_rec.items.size()) finish();
}

void TwinReplay::stop() {
    m_stopped = true;
    m_finished = true;
}

void TwinReplay::set_clock(ClockMode mode, double speed) {
    if (clock_matches(*m_clock, mode, speed)) return;
    double now = m_clock->now();
    if (mode == ClockMode::scaled) {
        if (auto* scaled = dynamic_cast<aio::ScaledClock*>(m_clock.get())) {
            scaled->set_factor(clamp_speed(speed));
            return;
        }
    }
    m_clock = make_clock(mode, speed);
    m_clock->set_now(now);
}

void TwinReplay::refresh(Snapshot /*what*/) {
    if (m_finished) return;
    // The replayed loop's "now" follows the replay clock, up to the next item.
    double next = m_next < m_rec.items.size() ? m_rec.items[m_next].t : m_rec.end_time;
    double now = std::min(m_clock->now(), next);
    if (now > m_state->loop.time) m_state->loop.time = now;
}

std::string TwinReplay::outcome() const {
    char buf[160];
    if (m_stopped)
        std::snprintf(buf, sizeof buf, "C++ replay stopped at loop time %.3f s", m_state->loop.time);
    else if (m_rec.status == 0)
        std::snprintf(buf, sizeof buf, "C++ example finished at loop time %.3f s", m_rec.end_time);
    else
        std::snprintf(buf, sizeof buf, "C++ example ended with status %d at loop time %.3f s", m_rec.status,
                      m_rec.end_time);
    return buf;
}

}  // namespace aio::web
