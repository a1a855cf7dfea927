#include "run/clock_choice.h"

#include "aio/event_loop.hpp"

#include <algorithm>

namespace aio::web {

double clamp_speed(double speed) {
    if (!(speed > 0)) return 1.0;
    return std::clamp(speed, kMinSpeed, kMaxSpeed);
}

std::unique_ptr<aio::Clock> make_clock(ClockMode mode, double speed) {
    switch (mode) {
    case ClockMode::virtual_time:
        return std::make_unique<aio::VirtualClock>();
    case ClockMode::scaled:
        return std::make_unique<aio::ScaledClock>(clamp_speed(speed));
    case ClockMode::real:
        break;
    }
    return std::make_unique<aio::RealClock>();
}

bool clock_matches(const aio::Clock& clock, ClockMode mode, double speed) {
    switch (mode) {
    case ClockMode::virtual_time:
        return clock.is_virtual();
    case ClockMode::scaled: {
        auto* scaled = dynamic_cast<const aio::ScaledClock*>(&clock);
        return scaled && scaled->factor() == clamp_speed(speed);
    }
    case ClockMode::real:
        return dynamic_cast<const aio::RealClock*>(&clock) != nullptr;
    }
    return false;
}

void apply_clock(aio::EventLoop& loop, ClockMode mode, double speed) {
    if (clock_matches(loop.clock(), mode, speed)) return;
    // Same mode, new speed: rebase the clock we have rather than swap it.
    if (mode == ClockMode::scaled) {
        if (auto* scaled = dynamic_cast<aio::ScaledClock*>(&loop.clock())) {
            scaled->set_factor(clamp_speed(speed));
            return;
        }
    }
    loop.set_clock(make_clock(mode, speed));  // continues from loop.time()
}

}  // namespace aio::web
