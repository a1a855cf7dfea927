#pragma once
// The C++ twin: the selected example's compiled-in C++ port (examples/, the
// same programs `aio-examples` runs), shown beside the script's run.
//
// Those programs call the blocking aio::run / run_until_complete, which a
// page cannot do. So "Run C++" runs the example to the end at once on a
// virtual clock — instant and deterministic; the example tests check that a
// virtual run prints exactly what a real-time run prints — recording every
// output line with the loop time it was printed at, and the loop's events
// for the timeline. The recording is then replayed into the Console and the
// Timeline at the toolbar's clock: in real time, scaled, or all at once.
//
// std::cout and std::cerr are captured by swapping their stream buffers for
// the duration of the run (the examples print nowhere else).

#include "engine_run.h"
#include "engine_view.h"
#include "runner.h"

#include "aio/clock.hpp"
#include "aio/observer.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aio::web {

// One thing that happened during the recorded run, at replay time `t`.
struct TwinItem {
    enum class Kind : std::uint8_t { event, out, err };
    Kind kind = Kind::event;
    double t = 0;  // seconds from the start; never decreases (see record_twin)
    // Kind::event: the loop event, strings owned.
    aio::LoopEventKind event = aio::LoopEventKind::callback;
    std::uint64_t task_id = 0;
    std::uint64_t timer_id = 0;
    std::uint64_t iteration = 0;
    double until = 0;  // on the same time line as t; 0 if none
    std::string task_name;
    std::string what;
    // Kind::out / Kind::err: text as written (may hold several lines).
    std::string text;
};

struct TwinRecording {
    std::string example;
    std::vector<TwinItem> items;   // in the order they happened
    int status = 0;                // the example's main() result; 1 if it threw
    double end_time = 0;           // replay time when main() returned
    bool events_recorded = false;  // the engine let us observe the example's loops
};

// Whether the example has a compiled-in C++ port.
bool twin_available(std::string_view example);
// Runs it to the end on a virtual clock and records it.
TwinRecording record_twin(std::string_view example);
// Whether this engine build lets the twin's loops be observed (timeline).
bool twin_events_supported();

class TwinReplay final : public EngineRun {
public:
    TwinReplay(TwinRecording recording, RunState& state, ClockMode mode, double speed);

    Status advance() override;
    double wake_delay_ms() const override;
    void step_one() override;
    void stop() override;
    void pause() override { m_frozen_at = m_clock->now(); }
    void resume() override { m_clock->set_now(m_frozen_at); }
    void set_clock(ClockMode mode, double speed) override;
    void refresh(Snapshot what) override;
    bool finished() const override { return m_finished; }
    bool failed() const override { return m_finished && !m_stopped && m_rec.status != 0; }
    std::string outcome() const override;

    const TwinRecording& recording() const { return m_rec; }

private:
    void apply(const TwinItem& item);
    bool is_step_start(const TwinItem& item) const;
    void finish();

    TwinRecording m_rec;
    RunState* m_state;
    ViewObserver m_observer;
    std::unique_ptr<aio::Clock> m_clock;  // replay time
    size_t m_next = 0;                    // next item to replay
    double m_frozen_at = 0;               // replay time when paused
    bool m_finished = false;
    bool m_stopped = false;
};

}  // namespace aio::web
