#pragma once
// One run the engine-backed runner drives: a script on the interpreter
// (run/script_run.h) or the replay of a C++ example (run/twin_replay.h). The
// driver runs it unit by unit (DriveTarget); the runner adds what the
// toolbar needs: one step, stop, clock changes, and a snapshot for the panels.

#include "model/loop_view.h"
#include "run/driver.h"

#include <cstdint>
#include <string>

namespace aio::web {

class EngineRun : public DriveTarget {
public:
    // Step: one loop callback (or one slice of a script's top-level code).
    virtual void step_one() = 0;
    // Stop: ends the run now; nothing of it runs afterwards.
    virtual void stop() = 0;
    // Pause holds loop time still (a real clock would run on while nobody
    // watches, and every timer would be due at once on Continue); resume
    // carries on from there. Steps taken while paused move it as they need.
    virtual void pause() {}
    virtual void resume() {}
    // The toolbar's clock, switched while running.
    virtual void set_clock(ClockMode mode, double speed) = 0;
    // After work: loop time, ready queue and timers into the RunState.
    enum class Snapshot : std::uint8_t {
        time,   // only move "now" forward (every frame while the loop sleeps)
        frame,  // after a slice: big queues are described a few times a second
        all,    // now, whatever it costs (Pause, Step)
    };
    virtual void refresh(Snapshot what) = 0;

    virtual bool finished() const = 0;
    virtual bool failed() const = 0;
    // 1-based line the script is paused on, 0 if none.
    virtual int current_line() const { return 0; }
    // A one-line summary for the console when the run ends.
    virtual std::string outcome() const = 0;
    // The driver's view of the loop, as JSON members ("loopTime":..,...),
    // for the page's test bridge.
    virtual std::string describe() const { return {}; }
};

}  // namespace aio::web
