#pragma once
// The seam between the playground and what runs code. The playground owns a
// RunState and draws it; a Runner (the engine plus the script interpreter,
// wired in by the app that links them) starts, steps and stops programs and
// writes into that RunState: console output, loop events, the error to mark.
// Every call comes from the frame loop, on the one thread there is.

#include "model/console_log.h"
#include "model/loop_view.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace aio::web {

enum class RunStatus : std::uint8_t {
    idle,      // nothing started since the last reset
    running,   // work runs every frame
    paused,    // started, waiting for Step or Run
    finished,  // the program returned
    failed,    // it raised (a traceback is on stderr; `error` may mark a line)
    stopped,   // Stop ended it
};
const char* to_string(RunStatus s);
inline bool is_live(RunStatus s) { return s == RunStatus::running || s == RunStatus::paused; }

// An error to mark in the editor.
struct Diagnostic {
    int line = 0;         // 1-based; 0 = none
    int column = 0;       // 1-based; 0 = unknown
    std::string message;  // "SyntaxError: invalid syntax"
    bool present() const { return line > 0; }
};

// Everything a run writes and the panels read.
struct RunState {
    RunStatus status = RunStatus::idle;
    ConsoleLog console;      // the script's output (and the playground's notes)
    ConsoleLog cpp_console;  // the C++ twin's, shown beside the script's
    LoopView loop;
    Diagnostic error;
    int exec_line = 0;    // 1-based line the script is on while paused; 0 = none
    std::string program;  // what runs: "01_event_loop.py", "01_event_loop.cpp"
};

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

}  // namespace aio::web

namespace aio::web {

// The app's runner, made once at start-up. The build links exactly one
// definition: no_runner.cpp (returns nullptr: the shell alone) until the
// engine-backed runner replaces it (CMake: AIO_WEB_RUNNER_SOURCES).
Runner* create_runner();

}  // namespace aio::web
