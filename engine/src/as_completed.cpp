// asyncio.as_completed's shared state (CPython 3.11 Lib/asyncio/tasks.py:
// as_completed's _on_timeout, _on_completion; the asyncio.Queue it uses).

#include "aio/as_completed.hpp"

namespace aio::detail {

AsCompletedState::AsCompletedState(EventLoop& loop, std::size_t n) : m_loop(loop) {
    m_todo.reserve(n);
    m_callbacks.reserve(n);
}

AsCompletedState::~AsCompletedState() {
    // Nobody can await what is left: stop listening.
    m_timeout_handle.cancel();
    for (auto& cb : m_callbacks) cb->detach();
}

void AsCompletedState::watch(Ref<FutureCore> f) {
    if (!m_todo.insert(f.get()).second) return;  // set(fs)
    ++m_count;
    m_callbacks.push_back(add_done_callback(*f, [this](FutureCore& done) { on_completion(done); }));
}

void AsCompletedState::start(std::optional<double> timeout) {
    if (!m_todo.empty() && timeout)
        m_timeout_handle = m_loop.call_later(
            *timeout, [this] { on_timeout(); }, "as_completed._on_timeout");
}

void AsCompletedState::on_completion(FutureCore& f) {
    if (m_todo.empty()) return;  // _on_timeout() was here first
    m_todo.erase(&f);
    put_nowait(Ref<FutureCore>(&f));
    if (m_todo.empty()) m_timeout_handle.cancel();
}

void AsCompletedState::on_timeout() {
    for (auto& cb : m_callbacks) cb->remove();                       // f.remove_done_callback(_on_completion)
    for (std::size_t i = 0; i < m_todo.size(); ++i) put_nowait({});  // a dummy per unfinished future
    m_todo.clear();
}

// asyncio: Queue.put_nowait on an unbounded queue.
void AsCompletedState::put_nowait(Ref<FutureCore> f) {
    m_done.push_back(std::move(f));
    wakeup_next();
}

void AsCompletedState::wakeup_next() {
    while (!m_getters.empty()) {
        Future<> waiter = std::move(m_getters.front());
        m_getters.pop_front();
        if (!waiter.done()) {
            waiter.set_result();
            break;
        }
    }
}

// asyncio: Queue.get.
Coroutine<Ref<FutureCore>> AsCompletedState::get() {
    Ref<AsCompletedState> self(this);  // the queue outlives this await
    while (m_done.empty()) {
        Future<> getter(m_loop);
        m_getters.push_back(getter);
        std::exception_ptr error;
        try {
            co_await getter;
        } catch (...) {
            error = std::current_exception();
        }
        if (error) {
            getter.cancel();  // just in case getter is not done yet
            for (auto it = m_getters.begin(); it != m_getters.end(); ++it) {
                if (*it == getter) {
                    m_getters.erase(it);
                    break;
                }
            }
            // Woken by put_nowait() but cannot take the item: wake the next in line.
            if (!m_done.empty() && !getter.cancelled()) wakeup_next();
            std::rethrow_exception(error);
        }
    }
    Ref<FutureCore> f = std::move(m_done.front());
    m_done.pop_front();
    co_return f;
}

}  // namespace aio::detail
