#pragma once
// The engine-backed Runner: scripts on the interpreter, and the C++ twins,
// driven by the browser driver (run/driver.h) a frame budget at a time.
//
//   Run      -> a ScriptRun (run/script_run.h) or a TwinReplay (run/twin_replay.h)
//   frame()  -> Driver::run(budget): units of work until the budget is used
//   Pause    -> no more work; loop time held; the editor marks the line
//   Step     -> one loop callback (or one slice of top-level code)
//   Stop     -> ScriptProgram::stop(): frames dropped, loops closed quietly
//
// Between frames a deadline timer (Driver) keeps sleeping programs going
// while the page is hidden.

#include "run/driver.h"
#include "run/engine_run.h"
#include "run/runner.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace aio::web {

class EngineRunner final : public Runner {
public:
    EngineRunner() : m_driver([this] { on_wake(); }) {}
    ~EngineRunner() override { m_driver.cancel_wake(); }

    void start(const RunRequest& request, RunState& state) override;
    void resume(RunState& state) override;
    void pause(RunState& state) override;
    void step(RunState& state) override;
    void stop(RunState& state) override;
    void set_clock(ClockMode mode, double speed, RunState& state) override;
    void frame(double budget_ms, RunState& state) override;
    bool has_cpp_twin(std::string_view example) const override;

private:
    void on_wake();
    void settle(RunState& state, bool worked);
    void end_run(RunState& state);
    void compare_with_script(RunState& state);
    // Where this run's notes go: the script's console or the twin's column.
    ConsoleLog& output(RunState& state) const {
        return m_program == RunRequest::Program::cpp_twin ? state.cpp_console : state.console;
    }

    Driver m_driver;
    std::unique_ptr<EngineRun> m_run;
    RunState* m_state = nullptr;  // the playground's; lives as long as the app
    bool m_starved = false;       // the last slice ended with work ready: loop time held
    RunRequest::Program m_program = RunRequest::Program::script;
    std::string m_example;
    // Each example's last finished script stdout, for the twin to compare with.
    std::map<std::string, std::string, std::less<>> m_script_output;
};

}  // namespace aio::web
