// Real, virtual and scaled clocks, and the default clock for new loops.

#include "aio/clock.hpp"

#include <chrono>

namespace aio {

namespace {
double steady_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}
ClockKind g_default_kind = ClockKind::real;
double g_default_factor = 1.0;
}  // namespace

RealClock::RealClock() = default;
double RealClock::now() const { return steady_seconds() + m_offset; }
void RealClock::set_now(double t) { m_offset = t - steady_seconds(); }

ScaledClock::ScaledClock(double factor) : m_factor(factor), m_base_loop(0), m_base_real(steady_seconds()) {}
double ScaledClock::now() const { return m_base_loop + (steady_seconds() - m_base_real) * m_factor; }
double ScaledClock::real_delay_until(double when) const { return (when - now()) / m_factor; }
void ScaledClock::set_now(double t) {
    m_base_loop = t;
    m_base_real = steady_seconds();
}
void ScaledClock::set_factor(double factor) {
    set_now(now());  // rebase so loop time stays continuous
    m_factor = factor;
}

std::unique_ptr<Clock> make_default_clock() {
    switch (g_default_kind) {
    case ClockKind::virtual_:
        return std::make_unique<VirtualClock>();
    case ClockKind::scaled:
        return std::make_unique<ScaledClock>(g_default_factor);
    case ClockKind::real:
        break;
    }
    return std::make_unique<RealClock>();
}

void set_default_clock(ClockKind kind, double factor) {
    g_default_kind = kind;
    g_default_factor = factor;
}

ClockKind default_clock_kind() { return g_default_kind; }

}  // namespace aio
