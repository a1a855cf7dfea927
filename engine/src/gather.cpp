// asyncio.gather: the gathering future and its per-child done callback
// (CPython 3.11 Lib/asyncio/tasks.py: gather._done_callback, _GatheringFuture).

#include "aio/gather.hpp"

namespace aio::detail {

GatherCore::GatherCore(EventLoop& loop, std::size_t nargs, bool return_exceptions)
    : FutureCore(loop), m_children(new Child[nargs]), m_distinct(nargs), m_return_exceptions(return_exceptions) {
    m_arg_child.reserve(nargs);
}

GatherCore::~GatherCore() {
    // Every linked node holds a reference to us, so none is linked now.
}

void GatherCore::add_child(EnsuredFuture child) {
    FutureCore* f = child.future.get();
    if (!child.own && !m_distinct.insert(f)) {
        // A duplicate argument shares the earlier child (arg_to_fut).
        for (std::size_t i = 0; i < m_nchildren; ++i) {
            if (m_children[i].m_future == f) {
                m_arg_child.push_back(std::uint32_t(i));
                return;
            }
        }
    }
    Child& c = m_children[m_nchildren];
    c.m_outer = this;
    c.m_own = child.own;
    c.m_future = f;  // not owned while pending: a child never keeps its gather alive in a cycle
    m_arg_child.push_back(std::uint32_t(m_nchildren));
    ++m_nchildren;
    add_ref();  // the node's reference, held while linked or queued
    f->add_callback(c);
}

// asyncio: fut.add_done_callback(_done_callback) — schedule, never run inline.
void GatherCore::Child::on_done(FutureCore& future) {
    m_done = Ref<FutureCore>(&future);
    future.get_loop().push_ready(&Child::run_entry, this);
}

void GatherCore::Child::run_entry(void* ctx, bool run) {
    auto* c = static_cast<Child*>(ctx);
    GatherCore* outer = c->m_outer;
    if (run) {
        try {
            outer->on_child_done(*c);
        } catch (...) {
            outer->get_loop().call_exception_handler({"Exception in callback gather._done_callback",
                                                      std::current_exception(),
                                                      "handle: <Handle gather.<locals>._done_callback>"});
        }
    }
    outer->release();  // may free the outer future and this node with it
}

void GatherCore::Child::on_future_destroyed() noexcept {
    // The child went away pending (a dropped Future, or a Task freed by a
    // closing loop): it can never finish, so the gather never will either.
    m_future = nullptr;
    m_outer->release();
}

void GatherCore::on_child_done(Child& c) {
    ++m_nfinished;
    FutureCore& fut = *c.m_done;
    if (m_abandoned || done()) {
        if (!fut.cancelled()) fut.exception();  // mark the exception retrieved
        return;
    }
    if (!m_return_exceptions) {
        if (fut.cancelled()) {
            // A cancelled child counts as raising CancelledError; the outer
            // future is not itself cancelled (so siblings keep running).
            set_exception(cancelled_error_of(fut));
            return;
        }
        if (std::exception_ptr exc = fut.exception()) {
            set_exception(exc);
            return;
        }
    }
    if (m_nfinished != m_nchildren) return;
    if (m_cancel_requested) {
        // Cancelled while the children still ran: propagate the cancellation
        // whatever return_exceptions says (bpo-32684). CPython builds the
        // results first (marking exceptions retrieved), then uses the last child.
        for (std::size_t i = 0; i < m_nchildren; ++i)
            if (!m_children[i].m_done->cancelled()) m_children[i].m_done->exception();
        FutureCore& last = child(size() - 1);
        set_exception(last.cancelled() ? cancelled_error_of(last) : std::make_exception_ptr(CancelledError()));
        return;
    }
    set_results();
}

bool GatherCore::cancel(const std::string& msg) {
    if (done()) return false;
    bool ret = false;
    for (std::uint32_t c : m_arg_child) {  // per argument, duplicates included
        FutureCore* f = m_children[c].m_future;
        if (f && f->cancel(msg)) ret = true;
    }
    if (ret) m_cancel_requested = true;
    return ret;
}

std::string GatherCore::repr() const {
    std::string s = FutureCore::repr();  // "<Future pending>" ...
    return "<_GatheringFuture" + s.substr(std::string("<Future").size());
}

}  // namespace aio::detail
