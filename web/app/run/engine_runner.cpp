// The engine-backed Runner (run/engine_runner.h).

#include "run/engine_runner.h"

#include "run/script_run.h"
#include "run/twin_recording.h"
#include "run/twin_replay.h"

#include <algorithm>
#include <string>

namespace aio::web {

namespace {

// When the deadline timer wakes us between frames, work gets the same share
// a frame would give it.
constexpr double kWakeBudgetMs = 5.0;

// Line `n` (0-based) of `text`, or "" past the end.
std::string_view nth_line(std::string_view text, size_t n) {
    while (n-- > 0) {
        size_t nl = text.find('\n');
        if (nl == std::string_view::npos) return {};
        text.remove_prefix(nl + 1);
    }
    return text.substr(0, text.find('\n'));
}

size_t count_lines(std::string_view text) {
    size_t n = 0;
    for (char c : text) n += c == '\n';
    return n + (!text.empty() && text.back() != '\n');
}

}  // namespace

bool EngineRunner::has_cpp_twin(std::string_view example) const { return twin_available(example); }

void EngineRunner::start(const RunRequest& request, RunState& state) {
    m_driver.cancel_wake();
    m_run.reset();
    m_starved = false;
    m_state = &state;
    m_program = request.program;
    m_example = request.example;
    if (request.program == RunRequest::Program::cpp_twin) {
        state.cpp_console.note("C++ twin: " + request.example +
                                   ".cpp ran to the end on a virtual clock; this is its replay at the chosen speed.",
                               0);
        m_run = std::make_unique<TwinReplay>(record_twin(request.example), state, request.clock, request.speed);
    } else {
        m_run = std::make_unique<ScriptRun>(request, state);
    }
    if (request.start_paused) {
        state.status = RunStatus::paused;
        m_run->pause();
    } else {
        state.status = RunStatus::running;
        m_driver.wake_in(0);  // frames may not come (hidden page)
    }
}

// Loop time does not run while the loop is starved: when a slice ends with
// work still ready (the budget ran out), its time is held until the next
// slice. The program then sees the time it would have seen with the CPU to
// itself — a busy iteration spread over four frames costs its own few
// milliseconds of loop time, not the 60 ms of drawing in between — so its
// sleeps and printed times match a native run. Idle time (every task
// asleep) runs as the clock says.
void EngineRunner::frame(double budget_ms, RunState& state) {
    if (!m_run || state.status != RunStatus::running) return;
    double t0 = Driver::now_ms();
    if (m_starved) {
        m_run->resume();
        m_starved = false;
    }
    Driver::Slice s = m_driver.run(*m_run, budget_ms);
    if (s.status == DriveTarget::Status::ready) {
        m_run->pause();
        m_starved = true;
    }
    if (m_run) Driver::s_last_state = m_run->describe();
    settle(state, s.units > 0);
    Driver::note_frame_ms(Driver::now_ms() - t0);
}

void EngineRunner::on_wake() {
    if (m_state) frame(kWakeBudgetMs, *m_state);
}

void EngineRunner::settle(RunState& state, bool worked) {
    m_run->refresh(worked ? EngineRun::Snapshot::frame : EngineRun::Snapshot::time);
    if (m_run->finished()) end_run(state);
}

void EngineRunner::end_run(RunState& state) {
    m_driver.cancel_wake();
    bool stopped = state.status == RunStatus::stopped;
    if (!stopped) state.status = m_run->failed() ? RunStatus::failed : RunStatus::finished;
    state.exec_line = 0;
    output(state).note(m_run->outcome(), state.loop.time);
    if (m_program == RunRequest::Program::script && state.status == RunStatus::finished)
        m_script_output[m_example] = state.console.text(true, false, false);
    if (m_program == RunRequest::Program::cpp_twin && state.status == RunStatus::finished) compare_with_script(state);
    m_run.reset();
}

// The twin's output beside the script's (the console's second column): it
// says whether the C++ program printed what the script printed on its last
// finished run.
void EngineRunner::compare_with_script(RunState& state) {
    auto it = m_script_output.find(m_example);
    if (it == m_script_output.end()) {
        state.cpp_console.note("Run the script too to compare: both should print the same lines.", state.loop.time);
        return;
    }
    std::string cpp = state.cpp_console.text(true, false, false);
    const std::string& py = it->second;
    if (cpp == py) {
        state.cpp_console.note(
            "Same output as the script's last run, line for line (" + std::to_string(count_lines(py)) + " lines).",
            state.loop.time);
        return;
    }
    size_t n = std::max(count_lines(cpp), count_lines(py));
    for (size_t i = 0; i < n; ++i) {
        std::string_view a = nth_line(py, i), b = nth_line(cpp, i);
        if (a != b) {
            state.cpp_console.note("Differs from the script's last run at line " + std::to_string(i + 1) +
                                       ": script \"" + std::string(a) + "\", C++ \"" + std::string(b) + "\"",
                                   state.loop.time);
            return;
        }
    }
}

void EngineRunner::pause(RunState& state) {
    if (!m_run || state.status != RunStatus::running) return;
    m_driver.cancel_wake();
    if (!m_starved) m_run->pause();  // else time is held since the last slice already
    m_starved = false;
    state.status = RunStatus::paused;
    m_run->refresh(EngineRun::Snapshot::all);
    state.exec_line = m_run->current_line();
}

void EngineRunner::resume(RunState& state) {
    if (!m_run || state.status != RunStatus::paused) return;
    m_run->resume();
    state.status = RunStatus::running;
    state.exec_line = 0;
    m_driver.wake_in(0);
}

void EngineRunner::step(RunState& state) {
    if (!m_run || state.status != RunStatus::paused) return;
    m_run->step_one();
    m_run->refresh(EngineRun::Snapshot::all);
    if (m_run->finished()) {
        end_run(state);
        return;
    }
    state.exec_line = m_run->current_line();
}

void EngineRunner::stop(RunState& state) {
    if (!m_run || !is_live(state.status)) return;
    m_driver.cancel_wake();
    m_run->stop();
    state.status = RunStatus::stopped;
    end_run(state);
}

void EngineRunner::set_clock(ClockMode mode, double speed, RunState& /*state*/) {
    if (m_run) m_run->set_clock(mode, speed);
}

Runner* create_runner() { return new EngineRunner(); }

}  // namespace aio::web
