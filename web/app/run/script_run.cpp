// A script run in the page. Contents:
//   [SECTION] Running   [SECTION] Output and errors

#include "run/script_run.h"

#include "run/clock_choice.h"
#include "run/diagnostic.h"

#include "aio/event_loop.hpp"
#include "host/interp.hpp"
#include "host/program.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>

namespace aio::web {

namespace {

constexpr size_t kStderrKept = 64 * 1024;       // enough for any traceback worth marking
constexpr size_t kMaxOutputBytes = 8u << 20;    // print() beyond this raises (the console keeps 20,000 lines)
constexpr size_t kMaxMemoryBytes = 256u << 20;  // of script objects: MemoryError, not a dead tab

aio::script::ScriptProgram::Options program_options(const RunRequest& r, ViewObserver& observer) {
    aio::script::ScriptProgram::Options o;
    o.limits.slice_instructions = kScriptSliceInstructions;
    o.limits.max_output = kMaxOutputBytes;
    o.limits.max_memory = kMaxMemoryBytes;
    // Loops the script makes start on a virtual or a real clock; adopt() then
    // puts a handed-over loop on the exact clock the toolbar shows.
    o.virtual_clock = r.clock == ClockMode::virtual_time;
    o.observer = &observer;
    o.argv = {r.filename};
    return o;
}

// Puts the loop's clock at a deadline so that the deadline counts as due.
// A real clock reads (monotonic seconds + offset); right after set_now(t) it
// can read a few ulps below t, and with the browser's coarse timer it keeps
// reading that until the next tick, so a timer at exactly t would not be
// due yet. A nanosecond past it is.
void set_time_at_deadline(aio::EventLoop& loop, double when) { loop.clock().set_now(when + 1e-9); }

}  // namespace

// [SECTION] Running ------------------------------------------------------------------

ScriptRun::ScriptRun(const RunRequest& request, RunState& state)
    : m_state(&state), m_filename(request.filename), m_source(request.source), m_mode(request.clock),
      m_speed(request.speed),
      // A virtual clock starts at 0; on a real one the run's first loop
      // event is shown as 0 (its loop.time() is the machine's uptime).
      m_observer(request.clock == ClockMode::virtual_time ? ViewObserver(state.loop, 0.0) : ViewObserver(state.loop)) {
    auto options = program_options(request, m_observer);
    options.write = [this](int stream, std::string_view text) { write(stream, text); };
    m_program = std::make_unique<aio::script::ScriptProgram>(std::move(options));
    m_program->start(m_source, m_filename);
}

ScriptRun::~ScriptRun() = default;  // ~ScriptProgram stops a run still going

aio::EventLoop* ScriptRun::adopt() {
    // Checked by clock rather than by address: a new loop can be allocated
    // where the last one (closed by asyncio.run) was.
    aio::EventLoop* before = m_loop;
    m_loop = m_program->loop();
    if (m_loop != before) m_lag = 0;  // a lag belongs to the loop it was measured on
    if (m_loop && !clock_matches(m_loop->clock(), m_mode, m_speed)) apply_clock(*m_loop, m_mode, m_speed);
    return m_loop;
}

DriveTarget::Status ScriptRun::advance() { return run_unit(false); }

void ScriptRun::step_one() {
    if (m_finished) return;
    resume();  // from the time the last step (or Pause) left
    // Step always moves: when every task sleeps, time jumps to the next
    // deadline as on the virtual clock, instead of the step doing nothing.
    if (aio::EventLoop* loop = adopt()) {
        if (!loop->in_iteration() && !loop->has_ready()) {
            double next = loop->next_deadline();
            if (next > loop->time()) set_time_at_deadline(*loop, next);
        }
    }
    run_unit(true);
    pause();  // time stays where the step left it
}

void ScriptRun::pause() {
    m_frozen_loop = m_finished ? nullptr : m_program->loop();
    if (m_frozen_loop) m_frozen_at = m_frozen_loop->time();
}

void ScriptRun::resume() {
    if (m_finished || !m_frozen_loop) return;
    if (aio::EventLoop* loop = m_program->loop(); loop == m_frozen_loop) loop->clock().set_now(m_frozen_at);
    m_frozen_loop = nullptr;
}

// Late wake-ups. The page may be drawing a frame when a deadline comes, so
// the timer fires late. Natively the program would have woken at each of its
// deadlines in turn; here, once woken, it catches up: loop time goes back to
// the first deadline it slept through and then jumps from deadline to
// deadline, as on the virtual clock, until it reaches the clock's reading
// again (m_lag is the distance left). Sleeps and printed times therefore
// match a native run, and loop time never runs ahead of the clock.
DriveTarget::Status ScriptRun::run_unit(bool one_callback) {
    if (m_finished) return Status::finished;
    aio::EventLoop* loop = adopt();
    bool real = loop && !loop->clock().is_virtual();
    if (real && m_idle && m_wake_at >= 0 && loop->time() > m_wake_at) {
        m_lag += loop->time() - m_wake_at;
        set_time_at_deadline(*loop, m_wake_at);
    }
    m_idle = false;
    if (loop && !one_callback) {
        // Idle until a deadline: say so without touching the loop, so waiting
        // costs nothing and starts no empty iterations. (A stop() request
        // must still reach the program: it ends run_until_complete.)
        if (!m_program->stop_requested() && !loop->in_iteration() && !loop->has_ready()) {
            double next = loop->next_deadline();
            bool due = next >= 0 && (!real || next <= loop->time());
            if (real && m_lag > 0) {
                double now = loop->time();
                if (next >= 0 && next <= now + m_lag) {  // slept through it: wake at it
                    if (!due) {
                        m_lag = std::max(0.0, m_lag - (next - now));
                        set_time_at_deadline(*loop, next);
                    }
                    due = true;
                } else {  // caught up: back to the clock's own reading
                    loop->clock().set_now(now + m_lag);
                    m_lag = 0;
                    due = next >= 0 && next <= loop->time();
                }
            }
            if (!due) {
                m_wake_at = next;
                m_idle = true;
                return Status::waiting;
            }
        }
    }
    aio::script::ScriptProgram::State s;
    try {
        // One callback, or one slice of top-level code: the unit that lets a
        // frame end in the middle of a 10,000-callback iteration.
        s = m_program->step();
    } catch (const std::exception& e) {
        write(2, std::string("playground: the run failed inside the engine: ") + e.what() + "\n");
        m_program->stop();
        end(1);
        return Status::finished;
    }
    switch (s) {
    case aio::script::ScriptProgram::State::finished:
        end(m_program->exit_status());
        return Status::finished;
    case aio::script::ScriptProgram::State::waiting:
        adopt();  // the unit may have handed over a new loop (never keep a stale one)
        m_wake_at = std::isfinite(m_program->wake_at()) ? m_program->wake_at() : -1;
        m_idle = true;
        return Status::waiting;
    case aio::script::ScriptProgram::State::ready:
        break;
    }
    if (aio::EventLoop* loop = adopt()) m_last_time = std::max(m_last_time, m_observer.shown(loop->time()));
    return Status::ready;
}

double ScriptRun::wake_delay_ms() const {
    if (m_finished || !m_loop || m_wake_at < 0) return -1;
    return std::max(0.0, m_loop->clock().real_delay_until(m_wake_at) * 1000.0);
}

void ScriptRun::stop() {
    if (m_finished) return;
    m_stopped = true;
    m_program->stop();  // drops the paused frames, closes the loops quietly
    m_loop = nullptr;
    m_finished = true;
    m_status = 1;
}

void ScriptRun::set_clock(ClockMode mode, double speed) {
    m_mode = mode;
    m_speed = speed;
    if (m_finished) return;
    if (aio::EventLoop* loop = m_program->loop()) {
        if (m_lag > 0) loop->clock().set_now(loop->time() + m_lag);  // the new clock starts from the true reading
        apply_clock(*loop, mode, speed);
    }
    m_lag = 0;
}

void ScriptRun::refresh(Snapshot what) {
    if (m_finished) return;
    aio::EventLoop* loop = m_program->loop();
    if (!loop) return;
    m_last_time = std::max(m_last_time, m_observer.shown(loop->time()));
    if (what != Snapshot::time) {
        m_observer.refresh(*loop, what == Snapshot::frame ? Driver::now_ms() : -1);
    } else if (m_last_time > m_state->loop.time) {
        m_state->loop.time = m_last_time;  // open segments grow to "now"
    }
}

int ScriptRun::current_line() const { return m_finished ? 0 : m_program->current_line(); }

void ScriptRun::end(int status) {
    m_finished = true;
    m_status = status;
    m_loop = nullptr;
    // The loop is gone: its queues are empty now.
    m_state->loop.ready.clear();
    m_state->loop.timers.clear();
    if (status != 0) m_state->error = diagnostic_from_traceback(m_stderr, m_filename, m_source);
    // The traceback stays CPython's; the playground adds what aio-py can import.
    if (status != 0 && m_stderr.find("ModuleNotFoundError: No module named") != std::string::npos) {
        std::string note = "aio-py's modules:";
        for (const std::string& name : m_program->interpreter().module_names()) note += " " + name;
        m_state->console.write(Stream::info, note + "\n", shown_time());
    }
}

std::string ScriptRun::outcome() const {
    char buf[160];
    if (m_stopped) {
        std::snprintf(buf, sizeof buf, "stopped at loop time %.3f s", m_last_time);
    } else if (m_status == 0) {
        std::snprintf(buf, sizeof buf, "finished at loop time %.3f s", m_last_time);
    } else {
        std::snprintf(buf, sizeof buf, "ended with exit status %d at loop time %.3f s", m_status, m_last_time);
    }
    return buf;
}

std::string ScriptRun::describe() const {
    char buf[200];
    aio::EventLoop* loop = m_finished ? nullptr : m_program->loop();
    std::snprintf(buf, sizeof buf, "\"loopTime\":%.6f,\"nextDeadline\":%.6f,\"wakeAt\":%.6f,\"lag\":%.6f,\"idle\":%s",
                  loop ? loop->time() : -1.0, loop ? loop->next_deadline() : -1.0, m_wake_at, m_lag,
                  m_idle ? "true" : "false");
    return buf;
}

// [SECTION] Output and errors ------------------------------------------------------------

double ScriptRun::shown_time() {
    // Inside a callback of the loop being driven its clock is the truth;
    // top-level code outside any loop prints at the last time seen.
    if (!m_finished) {
        if (aio::EventLoop* loop = m_program ? m_program->loop() : nullptr)
            m_last_time = std::max(m_last_time, m_observer.shown(loop->time()));
    }
    return m_last_time;
}

void ScriptRun::write(int stream, std::string_view text) {
    m_state->console.write(stream == 2 ? Stream::err : Stream::out, text, shown_time());
    if (stream == 2) {
        m_stderr.append(text);
        if (m_stderr.size() > 2 * kStderrKept) m_stderr.erase(0, m_stderr.size() - kStderrKept);
    }
}

}  // namespace aio::web
