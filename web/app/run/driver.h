#pragma once
// The browser driver: runs an event loop's work inside the page without ever
// blocking it.
//
// Every animation frame the runner hands the driver a time budget (5 ms of
// the 8 ms a 60 Hz frame leaves us; the UI takes the rest). The driver runs
// units of work — one loop callback, one slice of a script's top-level code,
// one replayed event — until the budget is used or nothing is ready. Running
// callback by callback rather than whole iterations is what keeps a frame
// short when one iteration holds 10,000 task steps; splitting an iteration
// between frames changes nothing the program can see, since nothing else
// runs on its loop in between (EventLoop::run_one_callback continues the
// iteration it began; a task step that ran out of instructions is held and
// continued first, so a script that never awaits pauses between frames).
//
// When the loop is idle until a deadline (every task sleeping), the driver
// arms one timer (emscripten_set_timeout) for that deadline, converted to
// real time by the loop's clock (Clock::real_delay_until: a x0.1 clock waits
// ten times longer). That timer, not the next animation frame, wakes the
// work: while the page is hidden browsers stop animation frames but keep
// timers — throttled to about one per second in a background tab, and in
// Chrome to one per minute after five minutes hidden — so a hidden page
// still makes progress, late. A slice that ends with work left arms a 50 ms
// backstop, cancelled by the next frame while frames flow. Natively (the
// desktop app) frames never stop and no timer is needed.

#include <cstdint>
#include <functional>
#include <string>

namespace aio::web {

// Something the driver can run a unit at a time.
class DriveTarget {
public:
    enum class Status : std::uint8_t {
        ready,     // more work can run now
        waiting,   // idle until a deadline (wake_delay_ms) or forever
        finished,  // nothing more will ever run
    };
    virtual ~DriveTarget() = default;
    // Runs one unit of work if one is ready, and says what is left. Returns
    // `waiting` without running anything when it is idle.
    virtual Status advance() = 0;
    // While waiting: real milliseconds until the earliest deadline, < 0 if
    // there is none (only an outside event could wake it).
    virtual double wake_delay_ms() const = 0;
};

class Driver {
public:
    // `on_wake` runs when the deadline timer fires (the runner then gives the
    // target another budget, as a frame would).
    explicit Driver(std::function<void()> on_wake);
    ~Driver();
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    struct Slice {
        DriveTarget::Status status = DriveTarget::Status::waiting;
        std::uint32_t units = 0;  // units of work run
        double ms = 0;            // wall time spent
    };
    // Runs units until `budget_ms` of wall time is used or the target is not
    // ready; then, if it waits for a deadline, arms the wake-up timer.
    Slice run(DriveTarget& target, double budget_ms);
    // Wakes the work after `delay_ms` even if no frame comes (a run started
    // or resumed while the page is hidden). One timer: the earlier wins.
    void wake_in(double delay_ms) { arm_wake(delay_ms); }
    // Forgets the pending wake-up (the run was stopped or paused).
    void cancel_wake();
    bool wake_armed() const { return m_timer != 0; }

    // Wall-clock milliseconds (performance.now() in the browser).
    static double now_ms();
    // The most recent slice any driver ran, and the whole of the runner's
    // last frame (slice + snapshot for the panels): the test bridge reports them.
    static const Slice& last_slice() { return s_last; }
    static double last_frame_ms() { return s_last_frame_ms; }
    static void note_frame_ms(double ms) { s_last_frame_ms = ms; }
    static std::string s_last_state;  // the run's describe() after the last frame

private:
    static void timer_fired(void* self);
    void arm_wake(double delay_ms);

    static Slice s_last;
    static double s_last_frame_ms;
    std::function<void()> m_on_wake;
    long m_timer = 0;        // emscripten_set_timeout id; 0 = none
    double m_timer_due = 0;  // now_ms() when it fires
};

}  // namespace aio::web
