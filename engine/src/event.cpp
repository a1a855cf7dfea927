// asyncio.Event and the waiter queue shared by locks and queues.
// Mirrors Lib/asyncio/locks.py (CPython 3.11), class Event.

#include "aio/event.hpp"

#include <cstdio>
#include <new>

#include "aio/event_loop.hpp"

namespace aio::detail {

// [SECTION] Waiter ---------------------------------------------------------------------

Waiter::~Waiter() {
    leave_list();
    CallbackNode::unlink();  // before m_future dies, so it never calls back into us
}

void Waiter::wait(WaiterList& list, const char* what) {
    list.push_back(*this);
    m_task->wait_on(m_future, *this, what);
}

void Waiter::on_done(FutureCore&) { m_task->schedule_step(); }

void Waiter::cancel_future() {
    if (m_future.done()) return;
    CallbackNode::unlink();
    m_future.cancel();
}

void Waiter::renew_future() noexcept {
    // PrivateFuture cannot be reset; a done one with no callbacks is simply
    // rebuilt in place.
    EventLoop& loop = m_future.get_loop();
    m_future.~PrivateFuture();
    ::new (static_cast<void*>(&m_future)) PrivateFuture(loop);
}

// [SECTION] WaiterList -----------------------------------------------------------------

WaiterList WaiterList::s_orphaned;

WaiterList::~WaiterList() {
    while (Waiter* w = m_head) {
        m_head = w->m_next;
        w->m_prev = w->m_next = nullptr;
        w->m_list = &s_orphaned;
    }
}

void WaiterList::push_back(Waiter& w) noexcept {
    w.m_list = this;
    w.m_prev = m_tail;
    w.m_next = nullptr;
    if (m_tail)
        m_tail->m_next = &w;
    else
        m_head = &w;
    m_tail = &w;
    ++m_size;
}

void WaiterList::remove(Waiter& w) noexcept {
    if (w.m_list != this) return;
    if (w.m_prev)
        w.m_prev->m_next = w.m_next;
    else
        m_head = w.m_next;
    if (w.m_next)
        w.m_next->m_prev = w.m_prev;
    else
        m_tail = w.m_prev;
    w.m_prev = w.m_next = nullptr;
    w.m_list = nullptr;
    --m_size;
}

Waiter* WaiterList::pop_front() noexcept {
    Waiter* w = m_head;
    if (w) remove(*w);
    return w;
}

bool WaiterList::all_cancelled() const noexcept {
    for (Waiter* w = m_head; w; w = w->m_next)
        if (!w->cancelled()) return false;
    return true;
}

std::string primitive_repr(const char* type, const void* self, const std::string& extra) {
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", self);
    return std::string("<") + type + " object at " + addr + " [" + extra + "]>";
}

}  // namespace aio::detail

namespace aio {

// [SECTION] Event ------------------------------------------------------------------------

// asyncio: Event.set — every waiter whose future is not done yet is woken,
// in the order they started waiting.
void Event::set() {
    if (m_value) return;
    m_value = true;
    for (detail::Waiter* w = m_waiters.front(); w; w = w->next_in_list())
        if (!w->done()) w->set_result();
}

void Event::suspend(std::optional<detail::Waiter>& w, detail::TaskCore& task) {
    detail::bind_loop(m_loop, task, *this);
    w.emplace(task);
    w->wait(m_waiters, "Event.wait");
}

// asyncio: `try: await fut; return True  finally: self._waiters.remove(fut)`
void Event::finish_wait(detail::Waiter& w) {
    m_waiters.remove(w);
    w.check();
}

std::string Event::repr() const {
    std::string extra = m_value ? "set" : "unset";
    if (!m_waiters.empty()) extra += ", waiters:" + std::to_string(m_waiters.size());
    return detail::primitive_repr("asyncio.locks.Event", this, extra);
}

}  // namespace aio
