#pragma once
// The seam between the playground and what runs code. The playground owns a
// RunState and draws it; a Runner (the engine plus the script interpreter,
// run/engine_runner.h) starts, steps and stops programs and
// writes into that RunState: console output, loop events, the error to mark.
// Every call comes from the frame loop, on the one thread there is.

#include "model/loop_view.h"
#include "run/run_state.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace aio::web {

struct RunRequest {
    enum class Program : std::uint8_t { script, cpp_twin };
    Program program = Program::script;
    std::string example;   // example name, e.g. "01_event_loop"
    std::string filename;  // shown in tracebacks, e.g. "01_event_loop.py"
    std::string source;    // the script text (Program::script)
    ClockMode clock = ClockMode::real;
    double speed = 1.0;         // for ClockMode::scaled
    bool start_paused = false;  // Step from idle: start, stop before the first callback
};

class Runner {
public:
    virtual ~Runner() = default;
    virtual void start(const RunRequest& request, RunState& state) = 0;
    virtual void resume(RunState& state) = 0;  // paused -> running
    virtual void pause(RunState& state) = 0;   // running -> paused
    virtual void step(RunState& state) = 0;    // paused: run one callback
    virtual void stop(RunState& state) = 0;
    virtual void set_clock(ClockMode mode, double speed, RunState& state) = 0;
    // Once per frame: run ready work for at most `budget_ms` of wall time.
    virtual void frame(double budget_ms, RunState& state) = 0;
    // Whether "Run C++" can run this example's compiled-in twin.
    virtual bool has_cpp_twin(std::string_view example) const = 0;
};

// The app's runner, made once at start-up: the engine-backed EngineRunner
// (run/engine_runner.h).
Runner* create_runner();

}  // namespace aio::web
