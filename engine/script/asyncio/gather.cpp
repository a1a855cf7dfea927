// gather.cpp — asyncio.gather's bookkeeping in C++ (_asyncio._gather).
#include <algorithm>

#include "asyncio/asyncio.hpp"

namespace aio::script {

using aio::detail::FutureCore;
template <class T>
using DRef = aio::detail::Ref<T>;

namespace {

// [SECTION] gather
//
// asyncio.gather's bookkeeping in C++ (the Python `gather` in lib/asyncio.py
// hands its arguments here, and keeps its own code for arguments this does
// not handle). The steps are CPython 3.11's: each distinct argument becomes
// a future (ensure_future), gets a done callback in argument order, and the
// callback — scheduled with call_soon when the child completes — counts,
// fails the outer future early unless return_exceptions, and sets the list
// of results when the last child is done.

struct GatherState {
    AsyncioState* st;
    Value outer;                  // the _GatheringFuture
    std::vector<Value> children;  // in argument order (duplicates repeated)
    size_t nfuts = 0;             // distinct children
    size_t nfinished = 0;
    bool return_exceptions = false;
};

struct GatherNode final : aio::detail::CallbackNode, aio::detail::Pooled {
    std::shared_ptr<GatherState> state;
    Value fut;  // this child
    ScriptCoreBase* owner = nullptr;
    aio::EventLoop* loop = nullptr;
    void on_done(FutureCore& future) override;
    void on_future_destroyed() noexcept override { delete this; }
    static void run_entry(void* ctx, bool run);
    void run();
};

void GatherNode::on_done(FutureCore& future) {
    auto& cbs = owner->m_cbs;
    cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [this](auto& p) { return p.first == this; }), cbs.end());
    loop = &future.get_loop();
    if (loop->is_closed()) {
        delete this;
        return;
    }
    loop->push_ready(&GatherNode::run_entry, this);  // asyncio: call_soon(_done_callback, fut)
}

void GatherNode::run_entry(void* ctx, bool run) {
    auto* n = static_cast<GatherNode*>(ctx);
    if (run && n->state->st) n->run();
    delete n;
}

// asyncio's gather.<locals>._done_callback(fut).
void GatherNode::run() {
    GatherState& g = *state;
    AsyncioState& st = *g.st;
    VM& vm = st.vm;
    VMScope scope(vm);
    auto* f = static_cast<FutureObject*>(fut.as<CxxObject>());
    FutureCore* c = f->m_core.get();
    ++g.nfinished;
    auto* outer = g.outer.is_null() ? nullptr : static_cast<FutureObject*>(g.outer.as<CxxObject>());
    auto report = [&](const Value& r) {
        if (r.is_null()) {
            Value exc = vm.take_exc();
            std::string out = "Exception in callback gather.<locals>._done_callback()\n" + vm.format_exception(exc);
            if (!vm.write(2, out)) vm.clear_exc();
        }
    };
    if (!outer || !outer->m_core || outer->m_core->done()) {
        if (!c->cancelled()) {  // fut.exception(): marks it retrieved
            f->m_script->m_log_tb = false;
            c->mark_retrieved();
        }
        return;
    }
    if (!g.return_exceptions) {
        if (c->cancelled()) {
            report(vm.call_method(g.outer, "set_exception", {cancelled_error_for(st, f->m_script)}));
            return;
        }
        f->m_script->m_log_tb = false;
        c->mark_retrieved();
        if (!f->m_script->m_exc.is_null()) {
            report(vm.call_method(g.outer, "set_exception", {f->m_script->m_exc}));
            return;
        }
    }
    if (g.nfinished != g.nfuts) return;
    ListObject* results = vm.new_list();
    Value rv = Value::steal(results);
    for (const Value& cv : g.children) {
        auto* cf = static_cast<FutureObject*>(cv.as<CxxObject>());
        FutureCore* cc = cf->m_core.get();
        ScriptCoreBase* sc = cf->m_script;
        Value res;
        if (cc->cancelled()) {
            res = vm.new_exception(st.e_CancelledError,
                                   vm.tuple({vm.str(sc->m_has_cancel_msg ? sc->m_cancel_msg : std::string())}));
        } else {
            sc->m_log_tb = false;
            cc->mark_retrieved();
            res = sc->m_exc.is_null() ? sc->m_result : sc->m_exc;
        }
        list_append(vm, results, res);
    }
    Value cr = vm.getattr_opt(g.outer, vm.intern("_cancel_requested"));
    int cancel_requested = cr.is_null() ? 0 : vm.truthy(cr);
    if (cancel_requested < 0) {
        report(Value());
        return;
    }
    if (cancel_requested)
        report(vm.call_method(g.outer, "set_exception", {cancelled_error_for(st, f->m_script)}));
    else
        report(vm.call_method(g.outer, "set_result", {rv}));
}

// _gather(args, return_exceptions, _GatheringFuture, cb_desc): the outer
// future, or NotImplemented for arguments left to the Python code (anything
// but futures, tasks and coroutines; futures of another loop).
Value m_gather(VM& vm, Value* a, int n, TupleObject*, Value&) {
    AsyncioState& st = asyncio_state(vm);
    if (n != 4 || !is_kind(a[0], ObjKind::Tuple))
        return vm.raise(vm.e_TypeError, "_gather(args, return_exceptions, cls, desc)");
    auto* args = a[0].as<TupleObject>();
    for (uint32_t i = 0; i < args->m_size; ++i) {
        const Value& arg = args->items()[i];
        bool coro = is_kind(arg, ObjKind::Generator) && arg.as<GenObject>()->m_genkind == GenKind::Coroutine;
        if (!coro && !is_future_object(st, arg) && !is_coro_op(arg)) return vm.m_notimplemented;
    }
    LoopObject* lo = nullptr;  // the loop: the first future's, else the running one
    for (uint32_t i = 0; i < args->m_size; ++i) {
        const Value& arg = args->items()[i];
        if (!is_future_object(st, arg)) continue;
        auto* f = static_cast<FutureObject*>(arg.as<CxxObject>());
        if (!f->m_core) return vm.m_notimplemented;
        LoopObject* fl = st.loop_of(&f->m_core->get_loop());
        if (!fl || (lo && fl != lo)) return vm.m_notimplemented;
        if (!lo) lo = fl;
    }
    if (!lo) lo = st.running();
    if (!lo || !lo->m_loop) return vm.m_notimplemented;
    auto state = std::make_shared<GatherState>();
    state->st = &st;
    int re = vm.truthy(a[1]);
    if (re < 0) return Value();
    state->return_exceptions = re != 0;
    state->children.reserve(args->m_size);
    // Distinct arguments by identity: an open-addressing table (argument -> child).
    size_t cap = 16;
    while (cap < args->m_size * 2) cap *= 2;
    std::vector<std::pair<const Object*, size_t>> seen(cap, {nullptr, 0});
    auto slot_of = [&](const Object* o) -> std::pair<const Object*, size_t>& {
        size_t h = (reinterpret_cast<uintptr_t>(o) >> 4) * 0x9E3779B97F4A7C15ull;
        for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
            if (seen[i].first == o || !seen[i].first) return seen[i];
    };
    Value desc = a[3];
    for (uint32_t i = 0; i < args->m_size; ++i) {
        const Value& arg = args->items()[i];
        auto& slot = slot_of(arg.as_obj());
        if (slot.first) {
            state->children.push_back(state->children[slot.second]);
            continue;
        }
        Value fut = arg;
        if (!is_future_object(st, arg)) {
            fut = new_task_value(st, lo, arg, Value());  // ensure_future(coro, loop=loop)
            if (fut.is_null()) return Value();
        }
        slot = {arg.as_obj(), state->children.size()};
        state->children.push_back(fut);
        ++state->nfuts;
        auto* f = static_cast<FutureObject*>(fut.as<CxxObject>());
        auto* node = new GatherNode();
        node->state = state;
        node->fut = fut;
        node->owner = f->m_script;
        if (!f->m_core->done()) f->m_script->m_cbs.push_back({node, desc});
        f->m_core->add_callback(*node);
    }
    ListObject* kids = vm.new_list();
    Value kv = Value::steal(kids);
    for (auto& c : state->children) list_append(vm, kids, c);
    Value kw[2] = {kv, Value::object(lo)};
    Value names = vm.tuple({vm.str("loop")});
    Value outer = vm.call(a[2], kw, 2, names.as<TupleObject>());
    if (outer.is_null()) return Value();
    if (!is_future_object(st, outer)) return vm.raise(vm.e_TypeError, "_gather: the outer future must be a Future");
    state->outer = outer;
    return outer;
}

// _inner_callback_desc(func, name): how a repr names the function `name`
// defined inside func ("gather.<locals>._done_callback() at <file>:<line>"),
// from the inner code object that func's code holds.
Value m_inner_callback_desc(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[0], ObjKind::Function) || !is_str(a[1]))
        return vm.raise(vm.e_TypeError, "_inner_callback_desc(function, name)");
    auto* outer = a[0].as<FunctionObject>();
    for (const Value& c : outer->m_code->m_consts) {
        if (!is_kind(c, ObjKind::Code)) continue;
        auto* code = c.as<CodeObject>();
        if (as_str(code->m_name)->view() != as_str(a[1])->view()) continue;
        return vm.str(as_str(code->m_qualname)->str() + "() at " + as_str(code->m_filename)->str() + ":" +
                      std::to_string(code->m_firstline));
    }
    return vm.raisef(vm.e_ValueError, "no function %s in %s", as_str(a[1])->data(), as_str(outer->m_qualname)->data());
}

}  // namespace

void init_gather(VM& vm, ModuleObject* m) {
    module_add_fn(vm, m, "_gather", m_gather);
    module_add_fn(vm, m, "_inner_callback_desc", m_inner_callback_desc);
}

}  // namespace aio::script
