#pragma once
// What a run writes and the panels read: the playground owns one RunState
// and draws it; the Runner (run/runner.h) writes into it.

#include "model/console_log.h"
#include "model/loop_view.h"
#include "run/diagnostic.h"

#include <cstdint>
#include <string>

namespace aio::web {

// Where the playground's run is, as the toolbar shows it. (Not the
// interpreter's aio::script::RunStatus, which says how one VM::run ended.)
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

struct RunState {
    RunStatus status = RunStatus::idle;
    ConsoleLog console;      // the script's output (and the playground's notes)
    ConsoleLog cpp_console;  // the C++ twin's, shown beside the script's
    LoopView loop;
    Diagnostic error;
    int exec_line = 0;    // 1-based line the script is on while paused; 0 = none
    std::string program;  // what runs: "01_event_loop.py", "01_event_loop.cpp"
};

}  // namespace aio::web
