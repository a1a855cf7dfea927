// Tasks that run C++ coroutines, and the task queries (current_task, all_tasks).

#include "aio/task.hpp"

namespace aio {

namespace detail {

void CoroTaskBase::run_step() {
    if (!m_begun) {
        m_begun = true;
        if (m_injected) {
            // Cancelled before its first step: the body never runs (asyncio
            // throws into the unstarted coroutine, which ends at once).
            finish_exception(std::exchange(m_injected, nullptr));
            return;
        }
    }
    m_resume_point.resume();
    // Transfers made as hand-offs (detail/transfer.hpp) continue here, so
    // they cost no stack however many happen in this step.
    while (m_handoff) std::exchange(m_handoff, {}).resume();
    if (m_root.done()) take_outcome();
}

void CoroTaskBase::release_frame() noexcept {
    if (m_root) {
        m_resume_point = {};
        m_handoff = {};
        std::exchange(m_root, {}).destroy();
    }
}

}  // namespace detail

Task<> current_task() {
    EventLoop& loop = get_running_loop();
    detail::TaskCore* t = loop.current_task();
    return t ? Task<>(detail::Ref<detail::TaskCore>(t)) : Task<>();
}

std::vector<Task<>> all_tasks(EventLoop& loop) {
    std::vector<Task<>> out;
    for (detail::TaskCore* t : loop.pending_tasks()) out.emplace_back(detail::Ref<detail::TaskCore>(t));
    return out;
}

std::vector<Task<>> all_tasks() { return all_tasks(get_running_loop()); }

}  // namespace aio
