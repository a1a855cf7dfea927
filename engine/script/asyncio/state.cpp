// state.cpp — the per-VM asyncio state (AsyncioState): live cores, exception
// conversion between Python and the engine, reporting to the loop's exception
// handler, the clocks `time` follows, and installing the `_asyncio` module.
#include <algorithm>
#include <chrono>
#include <thread>

#include "asyncio/asyncio.hpp"
#include "modules/modules.hpp"

namespace aio::script {

using aio::detail::FutureCore;
template <class T>
using DRef = aio::detail::Ref<T>;

// loop.stop(): the engine's stop for loops in run_forever; a flag the host
// driver reads (after the current iteration) for host-driven loops.
void request_stop(AsyncioState& st, aio::EventLoop* loop) {
    if (!st.host_loop.is_null()) {
        auto* lo = static_cast<LoopObject*>(st.host_loop.as<CxxObject>());
        if (lo->m_loop.get() == loop) {
            st.host_stop = true;
            return;
        }
    }
    loop->stop();
}

// [SECTION] State

AsyncioState& asyncio_state(VM& vm) { return *static_cast<AsyncioState*>(vm.m_asyncio); }

AsyncioState::AsyncioState(VM& v) : vm(v) {
    using namespace std::chrono;
    // Whole seconds: a virtual run's time.time() is then base + loop time with
    // no fraction of its own, so times derived from it (datetime's
    // microseconds) round the same way on every run.
    wall_base = static_cast<double>(duration_cast<seconds>(system_clock::now().time_since_epoch()).count());
}

AsyncioState::~AsyncioState() = default;

double AsyncioState::monotonic() {
    if (!last_loop.is_null()) {
        auto* lo = static_cast<LoopObject*>(last_loop.as<CxxObject>());
        if (lo->m_loop) return lo->m_loop->time();
    }
    if (virtual_clock) return idle_clock;
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double AsyncioState::wall() {
    if (virtual_clock) return wall_base + monotonic();
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

bool AsyncioState::is_virtual() {
    if (!last_loop.is_null()) {
        auto* lo = static_cast<LoopObject*>(last_loop.as<CxxObject>());
        if (lo->m_loop) return lo->m_loop->clock().is_virtual();
    }
    return virtual_clock;
}

void AsyncioState::sleep(double s) {
    if (virtual_clock) {
        // time.sleep blocks the loop: on the virtual clock, time simply moves.
        if (!last_loop.is_null()) {
            auto* lo = static_cast<LoopObject*>(last_loop.as<CxxObject>());
            if (lo->m_loop) {
                lo->m_loop->clock().set_now(lo->m_loop->time() + s);
                return;
            }
        }
        idle_clock += s;
        return;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

void AsyncioState::link(ScriptCoreBase* c) {
    c->m_next = cores;
    c->m_prev = nullptr;
    if (cores) cores->m_prev = c;
    cores = c;
}

void AsyncioState::unlink(ScriptCoreBase* c) {
    if (c->m_prev)
        c->m_prev->m_next = c->m_next;
    else if (cores == c)
        cores = c->m_next;
    if (c->m_next) c->m_next->m_prev = c->m_prev;
    c->m_prev = c->m_next = nullptr;
}

Value make_cancelled(AsyncioState& st, bool has_msg, const std::string& msg) {
    VM& vm = st.vm;
    return vm.new_exception(st.e_CancelledError, has_msg ? vm.tuple({vm.str(msg)}) : vm.m_empty_tuple);
}

Value AsyncioState::to_python(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const ScriptError& s) {
        return s.exc;
    } catch (const aio::CancelledError& c) {
        return make_cancelled(*this, !c.message().empty(), c.message());
    } catch (const aio::InvalidStateError& x) {
        return vm.new_exception(e_InvalidStateError, vm.tuple({vm.str(x.what())}));
    } catch (const aio::TimeoutError&) {
        return vm.new_exception(vm.e_TimeoutError, vm.m_empty_tuple);
    } catch (const aio::ValueError& x) {
        return vm.new_exception(vm.e_ValueError, vm.tuple({vm.str(x.what())}));
    } catch (const std::exception& x) {
        return vm.new_exception(vm.e_RuntimeError, vm.tuple({vm.str(x.what())}));
    } catch (...) {
        return vm.new_exception(vm.e_RuntimeError, vm.tuple({vm.str("unknown C++ exception")}));
    }
}

std::exception_ptr AsyncioState::to_engine(const Value& exc) {
    if (vm.isinstance(exc, e_CancelledError)) {
        auto* args = as_exc(exc)->m_args.as<TupleObject>();
        std::string msg;
        if (args->m_size && is_str(args->items()[0])) msg = as_str(args->items()[0])->str();
        return std::make_exception_ptr(aio::CancelledError(msg));
    }
    ScriptError err;
    err.exc = exc;
    if (!vm.repr_into(exc, err.desc)) vm.clear_exc();
    return std::make_exception_ptr(std::move(err));
}

ScriptCoreBase* script_of(FutureCore* core) {
    if (core->is_task()) return static_cast<ScriptTask*>(core);
    return static_cast<ScriptFuture*>(core);
}

Value AsyncioState::wrap(FutureCore* core) {
    ScriptCoreBase* sc = script_of(core);
    if (sc->m_wrapper) return Value::object(sc->m_wrapper);
    auto* f = new_native_iter<FutureObject>(vm, core->is_task() ? t_task : t_future);
    f->m_core = DRef<FutureCore>(core);
    f->m_script = sc;
    sc->m_wrapper = f;
    return Value::steal(f);
}

LoopObject* AsyncioState::loop_of(aio::EventLoop* loop) {
    for (LoopObject* lo : loops)
        if (lo->m_loop.get() == loop) return lo;
    return nullptr;
}

LoopObject* AsyncioState::running() {
    return running_loop.is_null() ? nullptr : static_cast<LoopObject*>(running_loop.as<CxxObject>());
}

// asyncio's default exception handler: what `logging` prints for it.
static void print_context(AsyncioState& st, const std::string& message, const Value& exc,
                          std::vector<std::pair<std::string, Value>> extra) {
    VM& vm = st.vm;
    std::string out = (message.empty() ? std::string("Unhandled exception in event loop") : message) + "\n";
    std::sort(extra.begin(), extra.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [k, v] : extra) {
        std::string r;
        if (!vm.repr_into(v, r)) {
            vm.clear_exc();
            r = "<repr failed>";
        }
        out += k + ": " + r + "\n";
    }
    if (!exc.is_null() && !exc.is_none()) out += vm.format_exception(exc);
    if (!vm.write(2, out)) vm.clear_exc();
}

void AsyncioState::report_dict(LoopObject* lo, const Value& context) {
    Value saved = vm.take_exc();
    if (lo && !lo->m_handler.is_null() && !lo->m_handler.is_none()) {
        Value r = vm.call(lo->m_handler, {Value::object(lo), context});
        if (r.is_null()) {
            Value err = vm.take_exc();
            if (vm.isinstance(err, vm.e_SystemExit) || vm.isinstance(err, vm.e_KeyboardInterrupt)) {
                fatal = err;
            } else {
                print_context(*this, "Unhandled error in exception handler", err, {{"context", context}});
            }
        }
        vm.set_exc(std::move(saved));
        return;
    }
    auto* d = context.as<DictObject>();
    Value* msg = dict_get_str(d, vm.intern("message"));
    Value* exc = dict_get_str(d, vm.intern("exception"));
    std::vector<std::pair<std::string, Value>> extra;
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(d, pos, k, v)) {
        if (!is_str(*k)) continue;
        std::string key = as_str(*k)->str();
        if (key == "message" || key == "exception") continue;
        extra.push_back({key, *v});
    }
    std::string m;
    if (msg && !vm.str_into(*msg, m)) vm.clear_exc();
    print_context(*this, m, exc ? *exc : Value(), extra);
    vm.set_exc(std::move(saved));
}

// Runs before the VM is torn down: closes loops (reporting pending tasks),
// then cuts every tie between engine objects and script values.
void AsyncioState::shutdown() {
    std::vector<LoopObject*> ls = loops;
    for (LoopObject* lo : ls) {
        if (!lo->m_loop) continue;
        incref(lo);
        Value keep = Value::steal(lo);
        if (!lo->m_loop->is_closed() && !lo->m_loop->is_running()) {
            Value r = vm.call_method(keep, "close", {});
            if (r.is_null()) vm.clear_exc();
        }
    }
    running_loop = set_loop = last_loop = fatal = Value();
    // Clearing values can free other cores: restart the walk after each one.
    for (;;) {
        ScriptCoreBase* c = cores;
        while (c && c->m_cleared) c = c->m_next;
        if (!c) break;
        c->m_cleared = true;
        FutureCore& fc = c->core();
        fc.add_ref();
        c->clear_values();
        fc.release();
    }
    for (LoopObject* lo : loops) {
        lo->m_loop.reset();
        lo->m_st = nullptr;
    }
    loops.clear();
    // Cores still alive (held by objects the VM frees later) forget the state.
    while (ScriptCoreBase* c = cores) {
        unlink(c);
        c->m_st = nullptr;
    }
}

namespace {

Value m_is_virtual(VM& vm, Value*, int, TupleObject*, Value&) {
    return Value::boolean(asyncio_state(vm).virtual_clock);
}

// The _asyncio module: each part adds its types and functions.
Value init_asyncio_c(VM& vm) {
    Value mv = new_module(vm, "_asyncio");
    auto* m = mv.as<ModuleObject>();
    init_future_types(vm, m);
    init_task_type(vm, m);
    init_loop_types(vm, m);
    init_gather(vm, m);
    module_add_fn(vm, m, "_virtual_clock", m_is_virtual);
    register_queue_natives(vm, m);
    return mv;
}

void free_asyncio_state(void* p) {
    auto* st = static_cast<AsyncioState*>(p);
    st->shutdown();
    st->vm.m_clock = nullptr;
    delete st;
}

}  // namespace

void install_asyncio(VM& vm, bool virtual_clock) {
    if (vm.m_asyncio) {
        asyncio_state(vm).virtual_clock = virtual_clock;
        return;
    }
    auto* st = new AsyncioState(vm);
    st->virtual_clock = virtual_clock;
    vm.m_asyncio = st;
    vm.m_asyncio_free = free_asyncio_state;
    vm.m_clock = st;
    vm.register_module("_asyncio", init_asyncio_c);
}

// `asyncio` itself is the package lib/asyncio/, importable once asyncio is installed.
void register_asyncio_modules(VM& vm) {
    vm.register_module("asyncio", [](VM& vm2) { return init_lib_module(vm2, "asyncio"); });
}

}  // namespace aio::script
