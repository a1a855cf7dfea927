// The event loop: ready queue, timer heap, run_once and the native driver.
// Contents: [SECTION] Scheduling  [SECTION] Running  [SECTION] Timers
//           [SECTION] Tasks and errors  [SECTION] Current loop

#include "aio/event_loop.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "aio/detail/task_core.hpp"
#include "aio/exceptions.hpp"

namespace aio {

namespace {
thread_local EventLoop* t_running_loop = nullptr;      // asyncio: _running_loop
thread_local EventLoop* t_event_loop = nullptr;        // set_event_loop()
thread_local std::unique_ptr<EventLoop> t_owned_loop;  // made by get_event_loop()

// Timer heap order: earliest deadline first, then scheduling order. A
// function object, so the heap algorithms inline the comparison.
struct Later {
    bool operator()(const detail::TimerEntry& a, const detail::TimerEntry& b) const {
        return a.when != b.when ? a.when > b.when : a.seq > b.seq;
    }
};
constexpr Later later{};

// Ready-queue trampoline for a public Handle: holds one reference.
void run_handle_entry(void* ctx, bool run) {
    auto* h = static_cast<detail::HandleState*>(ctx);
    if (run && !h->cancelled) h->run();
    h->release();
}

// Timer-heap entry popped when due: its handle joins the ready queue.
void fire_timer_entry(void* ctx, bool run) { run_handle_entry(ctx, run); }

// Every live loop and the default observer, so that replacing the default can
// detach the loops still reporting to the old one. Never destroyed: loops
// owned by statics and thread_locals may be destroyed after any static here.
struct LiveLoops {
    std::mutex mutex;
    std::vector<EventLoop*> loops;
    Observer* default_observer = nullptr;
};
LiveLoops& live_loops() {
    static auto* live = new LiveLoops;
    return *live;
}
}  // namespace

void set_default_observer(Observer* observer) {
    LiveLoops& live = live_loops();
    std::lock_guard<std::mutex> lock(live.mutex);
    Observer* old = std::exchange(live.default_observer, observer);
    if (!old || old == observer) return;
    for (EventLoop* loop : live.loops)
        if (loop->observer() == old) loop->set_observer(nullptr);
}

Observer* default_observer() {
    LiveLoops& live = live_loops();
    std::lock_guard<std::mutex> lock(live.mutex);
    return live.default_observer;
}

// [SECTION] Scheduling -----------------------------------------------------------

EventLoop::EventLoop(std::unique_ptr<Clock> clock) : m_clock(std::move(clock)) {
    if (!m_clock) m_clock = make_default_clock();
    LiveLoops& live = live_loops();
    std::lock_guard<std::mutex> lock(live.mutex);
    m_observer = live.default_observer;
    live.loops.push_back(this);
}

EventLoop::~EventLoop() {
    if (m_running) {
        std::fputs("aio: EventLoop destroyed while running\n", stderr);
        std::terminate();
    }
    close();
    if (t_event_loop == this) t_event_loop = nullptr;
    LiveLoops& live = live_loops();
    std::lock_guard<std::mutex> lock(live.mutex);
    live.loops.erase(std::find(live.loops.begin(), live.loops.end(), this));
}

void EventLoop::check_open(const char* /*what*/) const {
    if (m_closed) throw RuntimeError("Event loop is closed");
}

Handle EventLoop::call_soon(std::function<void()> callback, std::string name) {
    check_open("call_soon");
    auto* h = new detail::HandleState;
    h->loop = this;
    h->callback = std::move(callback);
    h->name = std::move(name);
    h->add_ref();  // the ready queue's reference
    push_ready(&run_handle_entry, h);
    return Handle(detail::Ref<detail::HandleState>(h));
}

TimerHandle EventLoop::call_later(double delay, std::function<void()> callback, std::string name) {
    return call_at(time() + delay, std::move(callback), std::move(name));
}

TimerHandle EventLoop::call_at(double when, std::function<void()> callback, std::string name) {
    check_open("call_at");
    detail::Ref<detail::HandleState> h(new detail::HandleState);
    h->loop = this;
    h->callback = std::move(callback);
    h->name = std::move(name);
    return TimerHandle(schedule_timer(when, std::move(h)));
}

void EventLoop::call_soon_threadsafe(std::function<void()> callback) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_closed) throw RuntimeError("Event loop is closed");
        m_threadsafe.push_back(std::move(callback));
        m_threadsafe_pending = true;
    }
    m_wakeup.notify_one();
}

void EventLoop::drain_threadsafe() {
    std::vector<std::function<void()>> items;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_threadsafe_pending) return;
        items.swap(m_threadsafe);
        m_threadsafe_pending = false;
    }
    for (auto& fn : items) call_soon(std::move(fn));
}

void EventLoop::set_clock(std::unique_ptr<Clock> clock) {
    clock->set_now(time());
    m_clock = std::move(clock);
    m_wakeup.notify_one();
}

// [SECTION] Running --------------------------------------------------------------

// Marks the loop as running on this thread for the duration of a call from
// an external driver (run_once, run_one_callback), so tasks can find it.
class EventLoop::DriverScope {
public:
    explicit DriverScope(EventLoop& loop) : m_loop(loop), m_entered(!loop.m_running) {
        if (!m_entered) {  // called from inside one of the loop's callbacks
            if (t_running_loop != &loop) throw RuntimeError("Cannot run the event loop while another loop is running");
            return;
        }
        loop.check_open("run_once");
        if (t_running_loop) throw RuntimeError("Cannot run the event loop while another loop is running");
        loop.m_running = true;
        t_running_loop = &loop;
    }
    ~DriverScope() {
        if (!m_entered) return;
        m_loop.m_running = false;
        t_running_loop = nullptr;
    }

private:
    EventLoop& m_loop;
    bool m_entered;
};

std::size_t EventLoop::run_once(bool wait) {
    DriverScope scope(*this);
    if (wait) wait_for_work();
    return run_once_impl();
}

// asyncio: the first half of BaseEventLoop._run_once: due timers join the
// ready queue, and the callbacks ready now are this iteration's.
void EventLoop::begin_iteration() {
    ++m_iteration;
    drain_threadsafe();
    if (m_ready.empty() && m_clock->is_virtual()) {
        double next = next_deadline();
        if (next >= 0) m_clock->jump_to(next);
    }
    move_due_timers();
    m_iteration_left = m_ready.size();
}

// asyncio: BaseEventLoop._run_once, minus the blocking select (see wait_for_work).
std::size_t EventLoop::run_once_impl() {
    if (m_iteration_left == 0) begin_iteration();
    // Exactly the callbacks ready at the start: ones they schedule wait for
    // the next iteration.
    std::size_t ran = 0;
    while (m_iteration_left > 0) {
        detail::ReadyItem item = m_ready.pop_front();
        --m_iteration_left;
        item.fn(item.ctx, true);
        ++ran;
        if (m_held) {  // a task step paused: continue this iteration next call
            m_held = false;
            break;
        }
    }
    return ran;
}

bool EventLoop::run_one_callback() {
    DriverScope scope(*this);
    if (m_iteration_left == 0) begin_iteration();
    if (m_iteration_left == 0) return false;
    detail::ReadyItem item = m_ready.pop_front();
    --m_iteration_left;
    item.fn(item.ctx, true);
    m_held = false;
    return true;
}

void EventLoop::hold_step(void (*fn)(void*, bool), void* ctx) {
    m_ready.push_front({fn, ctx});
    ++m_iteration_left;
    m_held = true;
}

// The native driver's wait (asyncio: the selector's select(timeout)).
void EventLoop::wait_for_work() {
    if (!m_ready.empty() || m_stopping) return;
    double next = next_deadline();
    if (m_clock->is_virtual()) {
        if (next >= 0) return;  // run_once jumps the clock
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_threadsafe_pending) return;
        // Nothing can ever happen on a virtual clock unless another thread
        // calls in; CPython would hang here. Say so instead.
        throw RuntimeError("event loop deadlock: nothing is ready and no timer is scheduled (virtual clock)");
    }
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_threadsafe_pending) return;
    if (next < 0) {
        m_wakeup.wait(lock, [&] { return m_threadsafe_pending; });
        return;
    }
    double delay = m_clock->real_delay_until(next);
    if (delay <= 0) return;
    m_wakeup.wait_for(lock, std::chrono::duration<double>(delay), [&] { return m_threadsafe_pending; });
}

void EventLoop::run_forever() {
    check_open("run_forever");
    if (m_running) throw RuntimeError("This event loop is already running");
    if (t_running_loop) throw RuntimeError("Cannot run the event loop while another loop is running");
    m_running = true;
    t_running_loop = this;
    struct Reset {
        EventLoop* self;
        ~Reset() {
            self->m_stopping = false;
            self->m_running = false;
            t_running_loop = nullptr;
        }
    } reset{this};
    for (;;) {
        wait_for_work();
        run_once_impl();
        if (m_stopping) break;
    }
}

void EventLoop::run_until_done(detail::FutureCore& future) {
    check_open("run_until_complete");
    if (m_running) throw RuntimeError("This event loop is already running");
    if (&future.get_loop() != this)
        throw ValueError("The future belongs to a different loop than the one specified as the loop argument");
    // asyncio: the done callback stops the loop after the iteration in which it runs.
    struct StopNode final : detail::CallbackNode {
        EventLoop* loop;
        void on_done(detail::FutureCore&) override {
            loop->push_ready(
                [](void* ctx, bool run) {
                    if (run) static_cast<EventLoop*>(ctx)->stop();
                },
                loop);
        }
    } node;
    node.loop = this;
    if (future.done()) {
        node.on_done(future);
    } else {
        future.add_callback(node);
    }
    run_forever();  // on exception, ~StopNode unlinks it
    if (!future.done()) throw RuntimeError("Event loop stopped before Future completed.");
}

void EventLoop::close() {
    if (m_running) throw RuntimeError("Cannot close a running event loop");
    if (m_closed) return;
    // Pending tasks are reported and freed (CPython: "Task was destroyed but
    // it is pending!" when they are collected).
    while (m_tasks_head) {
        detail::TaskCore* t = m_tasks_head;
        call_exception_handler({"Task was destroyed but it is pending!", nullptr, "task: " + t->repr()});
        t->abandon();  // unregisters it
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_threadsafe.clear();
        m_threadsafe_pending = false;
    }
    while (!m_ready.empty()) {
        detail::ReadyItem item = m_ready.pop_front();
        item.fn(item.ctx, false);
    }
    m_iteration_left = 0;
    for (auto& e : m_scheduled) {
        e.handle->scheduled = false;
        e.handle->release();
    }
    m_scheduled.clear();
}

// [SECTION] Timers ---------------------------------------------------------------

detail::Ref<detail::HandleState> EventLoop::schedule_timer(double when, detail::Ref<detail::HandleState> h) {
    check_open("call_at");
    h->when = when;
    h->loop = this;
    h->scheduled = true;
    h->id = ++m_timer_seq;
    h->add_ref();  // the heap's reference
    m_scheduled.push_back({when, m_timer_seq, h.get()});
    std::push_heap(m_scheduled.begin(), m_scheduled.end(), later);
    if (m_observer) emit(LoopEventKind::timer_armed, m_current_task, h->name, when, h->id);
    return h;
}

void EventLoop::timer_cancelled(detail::HandleState& h) {
    if (!h.scheduled) return;
    ++m_cancelled_timers;
    if (m_observer) emit(LoopEventKind::timer_cancelled, m_current_task, h.name, h.when, h.id);
}

void EventLoop::pop_cancelled_timers() {
    // asyncio: rebuild the heap when most entries are cancelled, else drop
    // cancelled ones from the top.
    if (m_scheduled.size() > 100 && m_cancelled_timers * 2 > m_scheduled.size()) {
        std::vector<detail::TimerEntry> live;
        live.reserve(m_scheduled.size() - m_cancelled_timers);
        for (auto& e : m_scheduled) {
            if (e.handle->cancelled) {
                e.handle->scheduled = false;
                e.handle->release();
            } else {
                live.push_back(e);
            }
        }
        m_scheduled.swap(live);
        std::make_heap(m_scheduled.begin(), m_scheduled.end(), later);
        m_cancelled_timers = 0;
        return;
    }
    while (!m_scheduled.empty() && m_scheduled.front().handle->cancelled) {
        std::pop_heap(m_scheduled.begin(), m_scheduled.end(), later);
        auto* h = m_scheduled.back().handle;
        m_scheduled.pop_back();
        h->scheduled = false;
        --m_cancelled_timers;
        h->release();
    }
}

double EventLoop::next_deadline() {
    pop_cancelled_timers();
    return m_scheduled.empty() ? -1.0 : m_scheduled.front().when;
}

void EventLoop::move_due_timers() {
    pop_cancelled_timers();
    if (m_scheduled.empty()) return;
    double now = time();
    while (!m_scheduled.empty() && m_scheduled.front().when <= now) {
        std::pop_heap(m_scheduled.begin(), m_scheduled.end(), later);
        auto* h = m_scheduled.back().handle;
        m_scheduled.pop_back();
        h->scheduled = false;
        if (h->cancelled) {
            --m_cancelled_timers;
            h->release();
            continue;
        }
        if (m_observer) emit(LoopEventKind::timer_fired, nullptr, h->name, h->when, h->id);
        push_ready(&fire_timer_entry, h);  // the heap's reference moves to the queue
    }
}

// [SECTION] Tasks and errors -----------------------------------------------------

void EventLoop::register_task(detail::TaskCore& t) {
    t.m_prev = m_tasks_tail;
    t.m_next = nullptr;
    if (m_tasks_tail)
        m_tasks_tail->m_next = &t;
    else
        m_tasks_head = &t;
    m_tasks_tail = &t;
    t.m_registered = true;
    t.add_ref();  // the loop owns pending tasks, so fire-and-forget tasks run
}

void EventLoop::unregister_task(detail::TaskCore& t) {
    if (!t.m_registered) return;
    if (t.m_prev)
        t.m_prev->m_next = t.m_next;
    else
        m_tasks_head = t.m_next;
    if (t.m_next)
        t.m_next->m_prev = t.m_prev;
    else
        m_tasks_tail = t.m_prev;
    t.m_prev = t.m_next = nullptr;
    t.m_registered = false;
    t.release();
}

std::vector<detail::TaskCore*> EventLoop::pending_tasks() const {
    std::vector<detail::TaskCore*> out;
    for (auto* t = m_tasks_head; t; t = t->m_next) out.push_back(t);
    return out;
}

void EventLoop::call_exception_handler(const ExceptionContext& context) {
    if (m_exception_handler) {
        try {
            m_exception_handler(*this, context);
            return;
        } catch (...) {
            default_exception_handler({"Unhandled error in exception handler", std::current_exception(), ""});
        }
    }
    default_exception_handler(context);
}

void EventLoop::default_exception_handler(const ExceptionContext& c) {
    // asyncio logs: message, then "source" lines, then the traceback.
    std::string text = c.message + "\n";
    if (!c.source.empty()) text += c.source + "\n";
    if (c.exception) text += describe_exception(c.exception) + "\n";
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
}

void EventLoop::report_event(LoopEventKind kind, const detail::TaskCore* task, std::string_view what, double until,
                             std::uint64_t timer_id) {
    LoopEvent e{kind,
                time(),
                task ? task->id() : 0,
                task ? std::string_view(task->get_name()) : std::string_view(),
                what,
                until,
                timer_id,
                m_iteration};
    m_observer->on_event(e);
}

std::vector<std::string> EventLoop::describe_ready() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_ready.size(); ++i) {
        const auto& item = m_ready[i];
        if (item.fn == &detail::TaskCore::step_entry) {
            out.push_back("step " + static_cast<detail::TaskCore*>(item.ctx)->get_name());
        } else if (item.fn == &run_handle_entry || item.fn == &fire_timer_entry) {
            auto* h = static_cast<detail::HandleState*>(item.ctx);
            out.push_back(h->name.empty() ? std::string("callback") : h->name);
        } else {
            out.push_back("callback");
        }
    }
    return out;
}

std::vector<std::pair<double, std::string>> EventLoop::describe_timers() const {
    std::vector<detail::TimerEntry> sorted(m_scheduled);
    std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return later(b, a); });
    std::vector<std::pair<double, std::string>> out;
    for (auto& e : sorted)
        if (!e.handle->cancelled) out.emplace_back(e.when, e.handle->name.empty() ? "timer" : e.handle->name);
    return out;
}

// [SECTION] Handles ----------------------------------------------------------------

void detail::HandleState::cancel() noexcept {
    if (cancelled) return;
    cancelled = true;
    if (loop) loop->timer_cancelled(*this);
    callback = nullptr;  // drop captured state now, as asyncio does
}

void detail::HandleState::run() {
    if (loop) loop->emit(LoopEventKind::callback, nullptr, name.empty() ? "callback" : name);
    if (fn) {
        fn(ctx);
        return;
    }
    try {
        callback();
    } catch (...) {
        // asyncio: Handle._run reports and the loop keeps going.
        loop->call_exception_handler({"Exception in callback " + (name.empty() ? std::string("<function>") : name),
                                      std::current_exception(),
                                      "handle: <Handle " + (name.empty() ? std::string("<function>") : name) + ">"});
    }
}

// [SECTION] Current loop -----------------------------------------------------------

EventLoop& get_running_loop() {
    if (!t_running_loop) throw RuntimeError("no running event loop");
    return *t_running_loop;
}

EventLoop& get_event_loop() {
    if (t_running_loop) return *t_running_loop;
    if (t_event_loop) return *t_event_loop;  // even if closed, as asyncio
    t_owned_loop = std::make_unique<EventLoop>();
    t_event_loop = t_owned_loop.get();
    return *t_event_loop;
}

void set_event_loop(EventLoop* loop) { t_event_loop = loop; }

std::unique_ptr<EventLoop> new_event_loop() { return std::make_unique<EventLoop>(); }

}  // namespace aio
