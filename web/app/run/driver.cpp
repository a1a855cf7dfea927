#include "run/driver.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/eventloop.h>
#else
#include <chrono>
#endif

#include <algorithm>

namespace aio::web {

namespace {
// Time is read after every unit: a unit is a few microseconds of Wasm (a
// task step that re-awaits), a clock read (performance.now) a few dozen
// nanoseconds, and reading less often let slices overrun the budget.
constexpr std::uint32_t kUnitsPerClockRead = 1;
// Shortest wake-up: a deadline already due still waits for the browser's next task.
constexpr double kMinWakeMs = 1.0;
// With work left at the end of a slice, when to go on if no frame comes.
constexpr double kBackstopMs = 50.0;
// Browsers keep timeouts in a signed 32-bit millisecond count.
constexpr double kMaxWakeMs = 2147483647.0;
}  // namespace

Driver::Slice Driver::s_last;
double Driver::s_last_frame_ms = 0;
std::string Driver::s_last_state;

Driver::Driver(std::function<void()> on_wake) : m_on_wake(std::move(on_wake)) {}

Driver::~Driver() { cancel_wake(); }

double Driver::now_ms() {
#ifdef __EMSCRIPTEN__
    return emscripten_get_now();
#else
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
#endif
}

Driver::Slice Driver::run(DriveTarget& target, double budget_ms) {
    cancel_wake();  // this slice decides when to wake next
    Slice s;
    double t0 = now_ms();
    double now = t0;
    for (;;) {
        s.status = target.advance();
        if (s.status != DriveTarget::Status::ready) break;
        ++s.units;
        if (s.units % kUnitsPerClockRead == 0) {
            now = now_ms();
            if (now - t0 >= budget_ms) break;
        }
    }
    now = now_ms();
    s.ms = now - t0;
    if (s.status == DriveTarget::Status::waiting) {
        double delay = target.wake_delay_ms();
        if (delay >= 0) arm_wake(delay);
    } else if (s.status == DriveTarget::Status::ready) {
        // Work is left: the next frame goes on with it. Should no frame come
        // (a hidden page), this timer does; frames cancel it while they flow.
        arm_wake(kBackstopMs);
    }
    s_last = s;
    return s;
}

void Driver::arm_wake(double delay_ms) {
    delay_ms = std::min(std::max(delay_ms, 0.0), kMaxWakeMs);
#ifdef __EMSCRIPTEN__
    double due = now_ms() + delay_ms;
    // One timer at a time: keep an armed one that fires no later than needed.
    if (m_timer != 0) {
        if (m_timer_due <= due + 0.5) return;
        emscripten_clear_timeout(m_timer);
        m_timer = 0;
    }
    m_timer_due = due;
    m_timer = emscripten_set_timeout(&Driver::timer_fired, std::max(delay_ms, kMinWakeMs), this);
#else
    (void)delay_ms;  // the desktop app draws frames continuously
#endif
}

void Driver::cancel_wake() {
#ifdef __EMSCRIPTEN__
    if (m_timer != 0) emscripten_clear_timeout(m_timer);
#endif
    m_timer = 0;
}

void Driver::timer_fired(void* self) {
    auto* d = static_cast<Driver*>(self);
    d->m_timer = 0;
    if (d->m_on_wake) d->m_on_wake();
}

}  // namespace aio::web
