// asyncio.Runner: the loop's life around a main coroutine.

#include "aio/runners.hpp"

namespace aio {

Runner::Runner(std::unique_ptr<Clock> clock) : m_loop(std::make_unique<EventLoop>(std::move(clock))) {
    set_event_loop(m_loop.get());
}

void Runner::check_runnable() const {
    try {
        get_running_loop();
    } catch (const RuntimeError&) {
        if (m_loop->is_closed()) throw RuntimeError("Runner is closed");
        return;
    }
    throw RuntimeError("asyncio.run() cannot be called from a running event loop");
}

void Runner::close() {
    if (!m_loop || m_loop->is_closed()) return;
    // asyncio: _cancel_all_tasks — cancel what is left and let it clean up.
    auto leftovers = all_tasks(*m_loop);
    if (!leftovers.empty()) {
        for (auto& t : leftovers) t.cancel();
        auto all_done = [&] {
            for (auto& t : leftovers)
                if (!t.done()) return false;
            return true;
        };
        try {
            while (!all_done() && (m_loop->has_ready() || m_loop->next_deadline() >= 0))
                m_loop->run_once(/*wait=*/true);
        } catch (...) {}
        for (auto& t : leftovers) {
            if (!t.done() || t.cancelled()) continue;
            if (auto e = t.exception())
                m_loop->call_exception_handler(
                    {"unhandled exception during asyncio.run() shutdown", e, "task: " + t.repr()});
        }
    }
    leftovers.clear();
    set_event_loop(nullptr);
    m_loop->close();
}

}  // namespace aio
