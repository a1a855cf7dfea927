// program.hpp — a script run driven by a host, a slice at a time.
//
// The browser cannot block: it gets a few milliseconds per animation frame.
// A ScriptProgram runs top-level code in instruction slices; when that code
// calls asyncio.run / run_until_complete / run_forever, the VM hands the event
// loop to this driver (HostWait) instead of blocking in it, and the driver
// runs loop iterations within the host's budget. A task step that never
// awaits is paused between slices (TaskCore::hold_step) so no other task
// runs meanwhile. The host can step one callback, pause, stop.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aio/event_loop.hpp"
#include "host/interp.hpp"

namespace aio::script {

class ScriptProgram {
public:
    struct Options {
        Limits limits;  // slice_instructions: 0 picks a default
        bool virtual_clock = false;
        aio::Observer* observer = nullptr;  // borrowed: the loop's events (timeline)
        WriteFn write;                      // stdout (1) / stderr (2)
        std::vector<std::string> argv;
        bool allow_file_reads = false;  // open() may read files
    };
    enum class State : uint8_t {
        ready,     // more work can run now
        waiting,   // idle until loop time wake_at() (real clocks)
        finished,  // the program ended: exit_status()
    };

    explicit ScriptProgram(Options options);
    ~ScriptProgram();
    ScriptProgram(const ScriptProgram&) = delete;
    ScriptProgram& operator=(const ScriptProgram&) = delete;

    // Compiles and starts the program (nothing runs until run_for/step).
    void start(std::string_view source, std::string_view filename);
    // Runs for about `budget_ms` of wall time.
    State run_for(double budget_ms);
    // Runs one unit: one slice of top-level code or one loop callback.
    State step();
    // Ends the program now: paused frames are dropped, loops closed.
    void stop();

    State state() const { return m_state; }
    int exit_status() const { return m_status; }
    double wake_at() const { return m_wake_at; }
    aio::EventLoop* loop() const;  // the loop being driven, if any
    int current_line() const;      // the line the program is at while paused (0: none)
    bool blocked() const;          // in a blocking time.sleep (real clocks)
    // The script called stop() on the loop it handed over: the next unit
    // ends run_until_complete / run_forever, even with nothing ready.
    bool stop_requested() const;
    // Whether loops the script creates from now on run on a virtual clock
    // (Options::virtual_clock, switched while running; the loop being
    // driven keeps its clock: the host changes that one itself).
    void set_virtual_clock(bool on);
    Interpreter& interpreter() { return *m_interp; }

private:
    enum class Phase : uint8_t { not_started, main, loop, done };
    State advance(bool one_callback);
    State resume_main(RunStatus st);
    void finish(int status);

    Options m_options;
    std::unique_ptr<Interpreter> m_interp;
    Phase m_phase = Phase::not_started;
    State m_state = State::ready;
    int m_status = 0;
    double m_wake_at = 0;
    bool m_main_paused = false;  // top-level code is paused mid-slice
    std::string m_source;
    std::string m_filename;
};

}  // namespace aio::script
