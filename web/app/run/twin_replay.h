#pragma once
// The C++ twin's replay: a TwinRecording (run/twin_recording.h) played into
// the Console and the Timeline at the toolbar's clock: in real time, scaled,
// or all at once.

#include "run/engine_run.h"
#include "run/run_state.h"
#include "run/twin_recording.h"
#include "run/view_observer.h"

#include "aio/clock.hpp"

#include <memory>
#include <string>

namespace aio::web {

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
