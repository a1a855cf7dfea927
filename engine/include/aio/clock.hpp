#pragma once
// The clocks a loop can read. The loop never reads time directly: it is
// given a Clock, so tests run on a virtual clock (instant, deterministic) and
// the playground can watch a program in slow motion (scaled).

#include <memory>

namespace aio {

class Clock {
public:
    virtual ~Clock() = default;
    // Loop time in seconds (asyncio: loop.time()).
    virtual double now() const = 0;
    // A virtual clock does not wait: when nothing is ready the loop jumps it
    // to the next deadline instead of sleeping.
    virtual bool is_virtual() const { return false; }
    virtual void jump_to(double /*when*/) {}
    // Real seconds a blocking driver must sleep until loop time `when`.
    virtual double real_delay_until(double when) const { return when - now(); }
    // Continue counting from `t`: used when a loop switches clocks.
    virtual void set_now(double t) = 0;
};

// Monotonic wall time (std::chrono::steady_clock), as asyncio's time.monotonic().
class RealClock : public Clock {
public:
    RealClock();
    double now() const override;
    void set_now(double t) override;

private:
    double m_offset = 0;  // seconds added to the steady clock reading
};

// Time that only moves when the loop has nothing ready: it then jumps to the
// next timer's deadline. Starts at 0.
class VirtualClock : public Clock {
public:
    explicit VirtualClock(double start = 0) : m_now(start) {}
    double now() const override { return m_now; }
    bool is_virtual() const override { return true; }
    void jump_to(double when) override {
        if (when > m_now) m_now = when;
    }
    void set_now(double t) override { m_now = t; }

private:
    double m_now;  // loop time, seconds
};

// Real time multiplied by a factor: 0.1 plays a program ten times slower,
// 10 ten times faster. The factor can change while the loop runs.
class ScaledClock : public Clock {
public:
    explicit ScaledClock(double factor = 1.0);
    double now() const override;
    double real_delay_until(double when) const override;
    void set_now(double t) override;
    void set_factor(double factor);
    double factor() const { return m_factor; }

private:
    double m_factor;     // loop seconds per real second
    double m_base_loop;  // loop time at the last rebase
    double m_base_real;  // steady-clock seconds at the last rebase
};

enum class ClockKind { real, virtual_, scaled };

// The clock new loops get (new_event_loop, aio::run). Real unless changed;
// the example runner and the tests switch it to virtual.
std::unique_ptr<Clock> make_default_clock();
void set_default_clock(ClockKind kind, double factor = 1.0);
ClockKind default_clock_kind();

}  // namespace aio
