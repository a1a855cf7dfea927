#pragma once
// A script run in the page: the interpreter's host-driven mode
// (aio::script::ScriptProgram) under the browser driver.
//
// Top-level code runs in instruction slices. When it reaches
// asyncio.run(main()) or loop.run_until_complete(...), the interpreter does
// not block in the loop: the module frame suspends and hands the loop over
// (HostWait), and advance() runs it one callback at a time. The loop is
// "adopted" when it is handed over: it is put on the playground's clock and
// watched by a ViewObserver (the timeline). A task step that runs out of its
// instruction slice is held by the engine, so `while True: pass` in a task
// pauses between frames and Stop can end it.
//
// print() goes to the Console stamped with loop time; when the run ends with
// a traceback, the innermost line of the script it names is marked in the
// editor (a SyntaxError also gives the column).

#include "run/engine_run.h"
#include "run/runner.h"
#include "run/view_observer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace aio {
class EventLoop;
}
namespace aio::script {
class ScriptProgram;
}

namespace aio::web {

// Instructions per slice: small enough that one slice stays well inside the
// 5 ms frame budget in Wasm (about 1 ms: see web/README.md), large enough
// that the per-slice bookkeeping does not show.
constexpr std::uint64_t kScriptSliceInstructions = 20000;

class ScriptRun final : public EngineRun {
public:
    ScriptRun(const RunRequest& request, RunState& state);
    ~ScriptRun() override;

    Status advance() override;
    double wake_delay_ms() const override;
    void step_one() override;
    void stop() override;
    void pause() override;
    void resume() override;
    void set_clock(ClockMode mode, double speed) override;
    void refresh(Snapshot what) override;
    bool finished() const override { return m_finished; }
    bool failed() const override { return m_finished && m_status != 0; }
    int current_line() const override;
    std::string outcome() const override;
    std::string describe() const override;

private:
    Status run_unit(bool one_callback);
    aio::EventLoop* adopt();
    void write(int stream, std::string_view text);
    void end(int status);
    double shown_time();

    RunState* m_state;
    std::string m_filename;
    std::string m_source;
    ClockMode m_mode;
    double m_speed;
    ViewObserver m_observer;  // also keeps the origin: loop time shown as 0
    std::unique_ptr<aio::script::ScriptProgram> m_program;
    aio::EventLoop* m_loop = nullptr;         // the loop handed to us; valid while the program drives it
    double m_wake_at = -1;                    // loop time of the next deadline while waiting
    bool m_idle = false;                      // the last unit found the loop idle until m_wake_at
    double m_lag = 0;                         // loop seconds the clock is held back after a late wake-up
    double m_last_time = 0;                   // last loop time seen (shown), for output outside a loop
    aio::EventLoop* m_frozen_loop = nullptr;  // pause: the loop whose time is held...
    double m_frozen_at = 0;                   // ...and its time (loop time, not shown time)
    bool m_finished = false;
    bool m_stopped = false;
    int m_status = 0;      // exit status, as CPython's
    std::string m_stderr;  // the tail of stderr: the traceback to mark
};

}  // namespace aio::web
