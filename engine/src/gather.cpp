// asyncio.gather: the gathering future and its per-child done callback
// (CPython 3.11 Lib/asyncio/tasks.py: gather._done_callback, _GatheringFuture).

#include "aio/gather.hpp"

#include <cstdint>
#include <new>

namespace aio::detail {

GatherCore::GatherCore(EventLoop& loop, std::size_t nargs, bool return_exceptions)
    : FutureCore(loop), m_children(static_cast<Child*>(::operator new(sizeof(Child) * nargs))), m_nargs(nargs),
      m_return_exceptions(return_exceptions) {}

GatherCore::~GatherCore() {
    // Every linked node holds a reference to us, so none is linked now.
    for (std::size_t i = 0; i < m_nchildren; ++i) m_children[i].~Child();
    ::operator delete(m_children);
}

std::size_t GatherCore::find_child(FutureCore* f) {
    if (!f->done()) {
        // Nothing but this gather links callbacks while the arguments are
        // being added, so a pending future we already watch has our node last.
        // Is that node one of ours? (address arithmetic: O(1) per argument.)
        // Were a node linked in between, the repeat would only be watched
        // twice: each argument still reads its own child, so results agree.
        if (m_nchildren == 0) return 0;
        auto last = reinterpret_cast<std::uintptr_t>(f->last_callback());
        auto first = reinterpret_cast<std::uintptr_t>(static_cast<const CallbackNode*>(&m_children[0]));
        if (last < first) return m_nchildren;
        std::size_t i = (last - first) / sizeof(Child);
        if (i < m_nchildren && static_cast<const CallbackNode*>(&m_children[i]) == f->last_callback()) return i;
        return m_nchildren;
    }
    // A done future keeps no node linked: remember it by identity.
    if (!m_done_seen) m_done_seen = std::make_unique<DistinctFutures>(m_nargs);
    if (m_done_seen->insert(f)) return m_nchildren;
    for (std::size_t i = 0; i < m_nchildren; ++i)
        if (m_children[i].m_future == f) return i;
    return m_nchildren;
}

void GatherCore::add_child(EnsuredFuture child) {
    FutureCore* f = child.future.get();
    std::size_t arg = size();
    if (!child.own) {
        std::size_t i = find_child(f);
        if (i != m_nchildren) {
            // A duplicate argument shares the earlier child (arg_to_fut).
            if (m_arg_child.empty()) {
                m_arg_child.reserve(m_nargs);
                for (std::size_t a = 0; a < arg; ++a) m_arg_child.push_back(std::uint32_t(a));
            }
            m_arg_child.push_back(std::uint32_t(i));
            return;
        }
    }
    Child& c = *::new (&m_children[m_nchildren]) Child;
    c.m_outer = this;
    c.m_own = child.own;
    c.m_future = f;  // not owned while pending: a child never keeps its gather alive in a cycle
    if (!m_arg_child.empty()) m_arg_child.push_back(std::uint32_t(m_nchildren));
    ++m_nchildren;
    add_ref();  // the node's reference, held while linked or queued
    f->add_callback(c);
}

// asyncio: fut.add_done_callback(_done_callback) — schedule, never run inline.
void GatherCore::Child::on_done(FutureCore& future) {
    m_done = Ref<FutureCore>(&future);
    m_ok = !future.cancelled() && !future.stored_exception();  // final once done
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
    if (!m_return_exceptions && !c.m_ok) {
        if (fut.cancelled()) {
            // A cancelled child counts as raising CancelledError; the outer
            // future is not itself cancelled (so siblings keep running).
            set_exception(cancelled_error_of(fut));
            return;
        }
        fut.mark_retrieved();  // asyncio: exc = fut.exception()
        if (const std::exception_ptr& exc = fut.stored_exception()) {
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
    for (std::size_t arg = 0, n = size(); arg < n; ++arg) {  // per argument, duplicates included
        FutureCore* f = m_children[child_of(arg)].m_future;
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
