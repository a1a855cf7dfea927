#pragma once
// The playground's clock choices (real, virtual, scaled) as engine clocks.
// A run's loops take the chosen clock when the driver adopts them, and the
// toolbar can switch it while they run: loop time stays continuous because
// EventLoop::set_clock continues from the current time, and a scaled clock
// that only changes speed keeps its own base (ScaledClock::set_factor).

#include "model/loop_view.h"

#include "aio/clock.hpp"

#include <memory>

namespace aio {
class EventLoop;
}

namespace aio::web {

// Speeds the toolbar offers for the scaled clock are clamped into this range.
constexpr double kMinSpeed = 0.1;
constexpr double kMaxSpeed = 10.0;
double clamp_speed(double speed);

std::unique_ptr<aio::Clock> make_clock(ClockMode mode, double speed);
// Puts `loop` on the chosen clock, keeping its current time.
void apply_clock(aio::EventLoop& loop, ClockMode mode, double speed);
// Whether `clock` already is what (mode, speed) asks for.
bool clock_matches(const aio::Clock& clock, ClockMode mode, double speed);

}  // namespace aio::web
