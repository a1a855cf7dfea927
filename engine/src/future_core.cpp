// FutureCore: states, done callbacks, "exception was never retrieved".

#include "aio/detail/future_core.hpp"

#include "aio/event_loop.hpp"
#include "aio/exceptions.hpp"
#include "aio/future.hpp"

namespace aio::detail {

void CallbackNode::unlink() noexcept {
    if (!m_owner) return;
    if (m_prev)
        m_prev->m_next = m_next;
    else
        m_owner->m_cb_head = m_next;
    if (m_next)
        m_next->m_prev = m_prev;
    else
        m_owner->m_cb_tail = m_prev;
    m_prev = m_next = nullptr;
    m_owner = nullptr;
}

FutureCore::~FutureCore() {
    // Callbacks still linked belong to waiters that outlive us; detach them.
    while (CallbackNode* node = m_cb_head) {
        node->unlink();
        node->on_future_destroyed();
    }
}

void FutureCore::report_unretrieved() noexcept {
    m_log_traceback = false;
    try {
        const char* what = is_task() ? "Task exception was never retrieved" : "Future exception was never retrieved";
        m_loop->call_exception_handler({what, m_exception, (is_task() ? "future: " : "future: ") + repr()});
    } catch (...) {}
}

void FutureCore::add_callback(CallbackNode& node) noexcept {
    node.unlink();
    if (done()) {  // asyncio: scheduled at once when already done
        node.on_done(*this);
        return;
    }
    node.m_owner = this;
    node.m_prev = m_cb_tail;
    node.m_next = nullptr;
    if (m_cb_tail)
        m_cb_tail->m_next = &node;
    else
        m_cb_head = &node;
    m_cb_tail = &node;
}

void FutureCore::schedule_callbacks() noexcept {
    while (CallbackNode* node = m_cb_head) {
        node->unlink();
        node->on_done(*this);
    }
}

bool FutureCore::cancel(const std::string& msg) {
    m_log_traceback = false;
    if (done()) return false;
    set_cancelled(std::make_exception_ptr(CancelledError(msg)));
    return true;
}

void FutureCore::set_cancelled(std::exception_ptr cancelled_error) {
    m_state = State::cancelled;
    m_exception = std::move(cancelled_error);
    schedule_callbacks();
}

void FutureCore::set_exception(std::exception_ptr e) {
    if (done()) throw_invalid_state("set_exception");
    m_exception = std::move(e);
    m_state = State::finished;
    m_log_traceback = true;
    schedule_callbacks();
}

void FutureCore::set_finished() {
    if (done()) throw_invalid_state("set_result");
    m_state = State::finished;
    schedule_callbacks();
}

void FutureCore::throw_invalid_state(const char*) const {
    throw InvalidStateError("invalid state");  // CPython's message
}

std::exception_ptr FutureCore::exception() {
    if (m_state == State::cancelled) std::rethrow_exception(m_exception);
    if (m_state == State::pending) throw InvalidStateError("Exception is not set.");
    m_log_traceback = false;
    return m_exception;
}

void FutureCore::check_result_slow() {
    if (m_state == State::cancelled) std::rethrow_exception(m_exception);
    if (m_state == State::pending) throw InvalidStateError("Result is not set.");
    m_log_traceback = false;
    if (m_exception) std::rethrow_exception(m_exception);
}

std::string FutureCore::repr() const {
    switch (m_state) {
    case State::pending:
        return "<Future pending>";
    case State::cancelled:
        return "<Future cancelled>";
    case State::finished:
        if (m_exception) return "<Future finished exception=" + describe_exception(m_exception) + ">";
        return "<Future finished>";
    }
    return "<Future>";
}

// -- add_done_callback with a function ------------------------------------------

void FunctionNode::on_done(FutureCore& future) {
    m_future = Ref<FutureCore>(&future);
    future.get_loop().push_ready(&FunctionNode::run_entry, this);
}

void FunctionNode::run_entry(void* ctx, bool run) {
    auto* self = static_cast<FunctionNode*>(ctx);
    if (run) {
        EventLoop& loop = self->m_future->get_loop();
        try {
            self->m_fn(*self->m_future);
        } catch (...) {
            loop.call_exception_handler({"Exception in callback done callback", std::current_exception(),
                                         "handle: <Handle done callback of " + self->m_future->repr() + ">"});
        }
    }
    delete self;
}

void add_function_callback(FutureCore& core, std::function<void(FutureCore&)> fn) {
    // Owned by the future's list until it completes, then by the ready queue.
    // A future destroyed while still pending frees it (see ~FutureCore).
    auto* node = new FunctionNode(std::move(fn));
    core.add_callback(*node);
}

}  // namespace aio::detail
