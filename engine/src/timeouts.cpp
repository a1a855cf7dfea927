// asyncio.Timeout (CPython 3.11 Lib/asyncio/timeouts.py).

#include "aio/timeouts.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aio {

namespace {
// Python's repr(float): the shortest text that reads back the same value.
std::string float_repr(double x) {
    char buf[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    std::string s = buf;
    if (s.find_first_of(".en") == std::string::npos) s += ".0";
    return s;
}

bool is_cancelled(const std::exception_ptr& e) {
    if (!e) return false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}
}  // namespace

const char* Timeout::name(State s) {
    switch (s) {
    case State::created:
        return "created";
    case State::entered:
        return "active";
    case State::expiring:
        return "expiring";
    case State::expired:
        return "expired";
    case State::exited:
        return "finished";
    }
    return "?";
}

void Timeout::reschedule(std::optional<double> when) {
    if (m_state != State::entered) {
        if (m_state == State::created) throw RuntimeError("Timeout has not been entered");
        throw RuntimeError(std::string("Cannot change state of ") + name(m_state) + " Timeout");
    }
    m_when = when;
    m_timeout_handler.cancel();
    if (!when) {
        m_timeout_handler = Handle();
        return;
    }
    EventLoop& loop = get_running_loop();
    if (*when <= loop.time()) {
        m_timeout_handler = loop.call_soon([this] { on_timeout(); }, "Timeout._on_timeout");
    } else {
        m_timeout_handler = loop.call_at(
            *when, [this] { on_timeout(); }, "Timeout._on_timeout");
    }
}

std::string Timeout::repr() const {
    std::string info;
    if (m_state == State::entered)
        info = " when=" + (m_when ? float_repr(std::round(*m_when * 1000) / 1000) : std::string("None"));
    return std::string("<Timeout [") + name(m_state) + "]" + info + ">";
}

void Timeout::enter() {
    if (m_state != State::created) throw RuntimeError("Timeout has already been entered");
    EventLoop& loop = get_running_loop();
    detail::TaskCore* task = loop.current_task();
    if (!task) throw RuntimeError("Timeout should be used inside a task");
    m_state = State::entered;
    m_task = detail::Ref<detail::TaskCore>(task);
    m_cancelling = task->cancelling();
    reschedule(m_when);
}

void Timeout::exit(std::exception_ptr& error) {
    m_timeout_handler.cancel();
    m_timeout_handler = Handle();
    if (m_state == State::expiring) {
        m_state = State::expired;
        // No new cancel requests since we cancelled: the CancelledError is ours.
        if (m_task->uncancel() <= m_cancelling && is_cancelled(error))
            error = std::make_exception_ptr(TimeoutError());  // raise TimeoutError from exc_val
    } else if (m_state == State::entered) {
        m_state = State::exited;
    }
}

void Timeout::on_timeout() {
    m_task->cancel();
    m_state = State::expiring;
    m_timeout_handler = Handle();  // drop the reference early
}

namespace detail {
double deadline_after(double delay) { return get_running_loop().time() + delay; }
}  // namespace detail

}  // namespace aio
