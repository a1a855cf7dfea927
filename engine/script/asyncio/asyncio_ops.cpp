// asyncio_ops.cpp — asyncio coroutines written in C++: Queue.put() / get()
// and sleep(). Each call returns a CoroOp, a coroutine-like awaitable that
// does the work when awaited (and warns if it never is).
//
// [SECTION] Queue.put / Queue.get
//
// asyncio.Queue stays a Python class (lib/asyncio.py), with CPython's
// attributes (_queue, _maxsize, _getters, _putters, _unfinished_tasks,
// _finished) and its other methods, so subclasses (PriorityQueue,
// LifoQueue, user classes) work unchanged. Only put() and get() are native:
// each returns a QueueOp, a coroutine-like awaitable that runs CPython's
// `async def put/get` bodies when first awaited:
//
//     while self.full():                     # get: while self.empty():
//         putter = self._get_loop().create_future()
//         self._putters.append(putter)
//         try:
//             await putter
//         except:
//             putter.cancel()
//             try: self._putters.remove(putter)
//             except ValueError: pass
//             if not self.full() and not putter.cancelled():
//                 self._wakeup_next(self._putters)
//             raise
//     return self.put_nowait(item)           # get: return self.get_nowait()
//
// For a Queue whose class overrides none of the methods involved, the
// steps work on the attributes directly (the deque, the counters, the
// waiter futures); otherwise they call the Python methods, in the same order.

#include <cstddef>

#include "compile/ast.hpp"
#include "asyncio/asyncio.hpp"
#include "modules/collections.hpp"
#include "vm/native.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

void add_native_iter_methods(VM& vm, TypeObject* t);  // gen.cpp

namespace {

// What the Queue class looked like when asyncio set it up.
struct QueueSetup {
    TypeObject* queue = nullptr;  // asyncio.Queue (borrowed: asyncio's module keeps it)
    TypeObject* event = nullptr;  // asyncio.Event
    TypeObject* op_type = nullptr;
    // A class that overrides none of these gets the direct path.
    static constexpr const char* kMethods[] = {"full",       "empty",      "qsize",        "_put",     "_get",
                                               "put_nowait", "get_nowait", "_wakeup_next", "_get_loop"};
    Value base[sizeof(kMethods) / sizeof(kMethods[0])];
    const TypeObject* fast_type = nullptr;  // last class found direct-capable
    uint64_t fast_epoch = 0;
    // Attribute names, interned once.
    StrObject *n_queue = nullptr, *n_getters = nullptr, *n_putters = nullptr, *n_maxsize = nullptr,
              *n_unfinished = nullptr, *n_finished = nullptr, *n_value = nullptr;
    StrObject* n_methods[sizeof(kMethods) / sizeof(kMethods[0])] = {};
    // Where the attributes sit in the last queue's dict, valid while that dict
    // keeps its version (no key added or removed).
    const DictObject* view_dict = nullptr;
    uint64_t view_version = 0;
    int32_t ix_queue = -1, ix_getters = -1, ix_putters = -1, ix_maxsize = -1, ix_unfinished = -1, ix_finished = -1;
    bool view_ok = false;                 // the last view_of succeeded (so the indices above are all valid)
    DictSlot event_value;                 // `_value` in the last _finished Event's dict
    const Object* seen[3] = {};           // the objects last found there, known to be deques
    const TypeObject* seen_type[3] = {};  // (and their classes: an address can be reused)
};

int32_t entry_index(DictObject* d, StrObject* name) {
    Value* v = dict_get_str(d, name);
    if (!v) return -1;
    return dict_entry_index(d, v);
}

QueueSetup& setup_of(AsyncioState& st) {
    if (!st.queue_setup) st.queue_setup = std::make_shared<QueueSetup>();
    return *static_cast<QueueSetup*>(st.queue_setup.get());
}

bool direct_class(VM& vm, QueueSetup& qs, TypeObject* t) {
    if (t == qs.fast_type && qs.fast_epoch == type_epoch()) return true;
    if (!qs.queue || !VM::is_subtype(t, qs.queue)) return false;
    size_t i = 0;
    for (StrObject* name : qs.n_methods) {
        Value m = vm.type_lookup(t, name);
        if (m.is_null() || m.as_obj() != qs.base[i].as_obj()) return false;
        ++i;
    }
    qs.fast_type = t;
    qs.fast_epoch = type_epoch();
    return true;
}

// The attributes the direct path reads, checked.
struct QueueView {
    DictObject* d = nullptr;
    DequeObject* queue = nullptr;
    DequeObject* getters = nullptr;
    DequeObject* putters = nullptr;
    int64_t maxsize = 0;
};

// Whether _queue, _getters and _putters hold the deques the last view found
// (the same objects of the same classes: an address can be reused).
inline bool seen_deques(const QueueSetup& qs, const Value& q, const Value& g, const Value& p) {
    return q.is_obj() && g.is_obj() && p.is_obj() && q.as_obj() == qs.seen[0] && g.as_obj() == qs.seen[1] &&
           p.as_obj() == qs.seen[2] && q.as_obj()->m_type == qs.seen_type[0] && g.as_obj()->m_type == qs.seen_type[1] &&
           p.as_obj()->m_type == qs.seen_type[2];
}

bool view_of(VM& vm, QueueSetup& qs, const Value& q, QueueView& v) {
    if (!is_kind(q, ObjKind::Instance)) return false;
    v.d = q.as<InstanceObject>()->m_dict;
    if (!v.d) return false;
    if (qs.view_dict != v.d || qs.view_version != v.d->m_version) {
        qs.view_dict = v.d;
        qs.view_version = v.d->m_version;
        qs.ix_queue = entry_index(v.d, qs.n_queue);
        qs.ix_getters = entry_index(v.d, qs.n_getters);
        qs.ix_putters = entry_index(v.d, qs.n_putters);
        qs.ix_maxsize = entry_index(v.d, qs.n_maxsize);
        qs.ix_unfinished = entry_index(v.d, qs.n_unfinished);
        qs.ix_finished = entry_index(v.d, qs.n_finished);
    }
    qs.view_ok = false;
    if (qs.ix_queue < 0 || qs.ix_getters < 0 || qs.ix_putters < 0 || qs.ix_maxsize < 0) return false;
    Value* qq = &v.d->m_entries[qs.ix_queue].value;
    Value* g = &v.d->m_entries[qs.ix_getters].value;
    Value* p = &v.d->m_entries[qs.ix_putters].value;
    Value* m = &v.d->m_entries[qs.ix_maxsize].value;
    if (!m->is_int()) return false;
    v.maxsize = m->as_int();
    if (seen_deques(qs, *qq, *g, *p)) {
        v.queue = static_cast<DequeObject*>(qq->as<CxxObject>());
        v.getters = static_cast<DequeObject*>(g->as<CxxObject>());
        v.putters = static_cast<DequeObject*>(p->as<CxxObject>());
        qs.view_ok = true;
        return true;
    }
    v.queue = as_deque(vm, *qq);
    v.getters = as_deque(vm, *g);
    v.putters = as_deque(vm, *p);
    if (!v.queue || !v.getters || !v.putters) return false;
    qs.seen[0] = v.queue;
    qs.seen[1] = v.getters;
    qs.seen[2] = v.putters;
    for (int i = 0; i < 3; ++i) qs.seen_type[i] = qs.seen[i]->m_type;
    qs.view_ok = true;
    return true;
}

// direct_class() && view_of(), answered in a few loads and compares when
// nothing changed since the last queue operation: the same class at the
// same type epoch, the same dict at the same version, the same deques.
inline bool direct_view(VM& vm, QueueSetup& qs, const Value& q, QueueView& v) {
    if (is_kind(q, ObjKind::Instance)) {
        auto* inst = q.as<InstanceObject>();
        DictObject* d = inst->m_dict;
        if (inst->m_type == qs.fast_type && d == qs.view_dict && qs.view_ok && d->m_version == qs.view_version &&
            qs.fast_epoch == type_epoch()) {
            const DictEntry* e = d->m_entries;
            const Value& qq = e[qs.ix_queue].value;
            const Value& g = e[qs.ix_getters].value;
            const Value& p = e[qs.ix_putters].value;
            const Value& m = e[qs.ix_maxsize].value;
            if (m.is_int() && seen_deques(qs, qq, g, p)) {
                v.d = d;
                v.queue = static_cast<DequeObject*>(qq.as<CxxObject>());
                v.getters = static_cast<DequeObject*>(g.as<CxxObject>());
                v.putters = static_cast<DequeObject*>(p.as<CxxObject>());
                v.maxsize = m.as_int();
                return true;
            }
        }
    }
    return direct_class(vm, qs, vm.type_of(q)) && view_of(vm, qs, q, v);
}

bool view_full(const QueueView& v) { return v.maxsize > 0 && static_cast<int64_t>(v.queue->items.size()) >= v.maxsize; }

// _wakeup_next(waiters): the first waiter not done gets None.
bool wakeup_next(VM& vm, AsyncioState& st, DequeObject* waiters) {
    while (!waiters->items.empty()) {
        Value w = std::move(waiters->items.front());
        waiters->items.pop_front();
        if (is_future_object(st, w) && !w.as<FutureObject>()->is_task()) {
            auto* f = static_cast<FutureObject*>(w.as<CxxObject>());
            if (!f->m_core || f->m_core->done()) continue;
            static_cast<ScriptFuture*>(f->m_core.get())->finish_result(Value::none());
            return true;
        }
        Value done = vm.call_method(w, "done", {});
        if (done.is_null()) return false;
        int t = vm.truthy(done);
        if (t < 0) return false;
        if (!t) return !vm.call_method(w, "set_result", {Value::none()}).is_null();
    }
    return true;
}

// put_nowait on the direct path (the queue has room):
//     _put(item); _unfinished_tasks += 1; _finished.clear(); _wakeup_next(_getters)
inline bool direct_put(VM& vm, AsyncioState& st, QueueSetup& qs, QueueView& v, const Value& queue, Value item) {
    v.queue->items.push_back(std::move(item));
    Value* n = qs.ix_unfinished >= 0 ? &v.d->m_entries[qs.ix_unfinished].value : nullptr;
    if (n && n->is_int() && n->as_int() < INT64_MAX) {
        *n = Value::integer(n->as_int() + 1);
    } else {
        StrObject* k = qs.n_unfinished;
        Value cur = vm.getattr(queue, k);
        if (cur.is_null()) return false;
        Value next = vm.binary_op(BinOp::Add, cur, Value::integer(1));
        if (next.is_null() || !vm.setattr(queue, k, next)) return false;
    }
    Value* fin = qs.ix_finished >= 0 ? &v.d->m_entries[qs.ix_finished].value : nullptr;
    if (fin && is_kind(*fin, ObjKind::Instance) && vm.type_of(*fin) == qs.event && fin->as<InstanceObject>()->m_dict) {
        // Event.clear(): self._value = False (already False in a busy queue).
        DictObject* ed = fin->as<InstanceObject>()->m_dict;
        Value* flag = dict_get_str_slot(ed, qs.n_value, qs.event_value);
        if (flag)
            *flag = Value::boolean(false);
        else
            dict_set_str(vm, ed, qs.n_value, Value::boolean(false));
    } else if (fin) {
        if (vm.call_method(*fin, "clear", {}).is_null()) return false;
    }
    return v.getters->items.empty() || wakeup_next(vm, st, v.getters);
}

// get_nowait on the direct path (the queue has an item):
//     item = _get(); _wakeup_next(_putters); return item
inline bool direct_get(VM& vm, AsyncioState& st, QueueView& v, Value& out) {
    out = std::move(v.queue->items.front());
    v.queue->items.pop_front();
    return v.putters->items.empty() || wakeup_next(vm, st, v.putters);
}

// `await q.put(item)` / `await q.get()` when it would not block: the VM's
// AwaitNowFn (object.hpp). Only the direct path; anything else (a subclass
// overriding a method, a full or empty queue, odd arguments) takes the op.
inline int await_now(VM& vm, const Value& queue, bool put, Value* item, Value& out) {
    AsyncioState& st = asyncio_state(vm);
    QueueSetup& qs = setup_of(st);
    QueueView v;
    if (!direct_view(vm, qs, queue, v)) return 0;
    if (put ? view_full(v) : v.queue->items.empty()) return 0;
    if (put) {
        if (!direct_put(vm, st, qs, v, queue, *item)) return -1;
        out = Value::none();
        return 1;
    }
    return direct_get(vm, st, v, out) ? 1 : -1;
}

int q_put_now(VM& vm, Value* a, int n, Value& out) { return n == 2 ? await_now(vm, a[0], true, &a[1], out) : 0; }
int q_get_now(VM& vm, Value* a, int n, Value& out) { return n == 1 ? await_now(vm, a[0], false, nullptr, out) : 0; }

}  // namespace

// put()/get() in progress. Created: not started; Waiting: suspended in
// `await putter`; Done: finished (awaiting it again raises).
struct QueueOp : CoroOp {
    Value m_queue;
    Value m_item;    // put: the item
    Value m_waiter;  // the future awaited while blocked
    bool m_put = true;

    void clear_refs() override { m_queue = m_item = m_waiter = Value(); }
    SendStatus send(VM& vm, Value v, Value& out) override;
    SendStatus throw_(VM& vm, Value exc, Value& out) override;
    bool close_suspended(VM& vm) override { return cleanup_after(vm, asyncio_state(vm)); }
    const char* name() const override { return m_put ? "Queue.put" : "Queue.get"; }

    int full_or_empty(VM& vm, bool direct, QueueView& v);
    SendStatus run(VM& vm, Value& out);
    bool cleanup_after(VM& vm, AsyncioState& st);
};

// put: self.full(); get: self.empty(). 1 / 0, -1 on error.
int QueueOp::full_or_empty(VM& vm, bool direct, QueueView& v) {
    if (direct) return m_put ? (view_full(v) ? 1 : 0) : (v.queue->items.empty() ? 1 : 0);
    Value r = vm.call_method(m_queue, m_put ? "full" : "empty", {});
    if (r.is_null()) return -1;
    return vm.truthy(r);
}

SendStatus QueueOp::run(VM& vm, Value& out) {
    AsyncioState& st = asyncio_state(vm);
    QueueSetup& qs = setup_of(st);
    for (;;) {
        QueueView v;
        bool direct = direct_view(vm, qs, m_queue, v);
        int blocked = full_or_empty(vm, direct, v);
        if (blocked < 0) break;
        if (!blocked) {
            m_state = St::Done;
            if (!direct) {
                Value r =
                    m_put ? vm.call_method(m_queue, "put_nowait", {m_item}) : vm.call_method(m_queue, "get_nowait", {});
                if (r.is_null()) return SendStatus::Error;
                out = std::move(r);
                m_item = Value();
                return SendStatus::Return;
            }
            bool ok = m_put ? direct_put(vm, st, qs, v, m_queue, std::move(m_item)) : direct_get(vm, st, v, out);
            m_item = Value();
            if (!ok) return SendStatus::Error;
            if (m_put) out = Value::none();
            return SendStatus::Return;
        }
        // Blocked: waiter = self._get_loop().create_future(); self._putters.append(waiter)
        Value loop = vm.call_method(m_queue, "_get_loop", {});
        if (loop.is_null()) break;
        Value fut = vm.call_method(loop, "create_future", {});
        if (fut.is_null()) break;
        Value waiters = vm.getattr(m_queue, vm.intern(m_put ? "_putters" : "_getters"));
        if (waiters.is_null()) break;
        if (DequeObject* dq = as_deque(vm, waiters)) {
            dq->items.push_back(fut);
        } else if (vm.call_method(waiters, "append", {fut}).is_null()) {
            break;
        }
        m_waiter = fut;
        m_state = St::Running;
        // `await waiter`: a future yields itself to the task.
        if (is_future_object(st, fut)) {
            auto* f = static_cast<FutureObject*>(fut.as<CxxObject>());
            if (!f->m_core->done()) {
                f->m_blocking = true;
                out = fut;
                return SendStatus::Yield;
            }
        }
        // (A done or foreign future: go round again, as `await` on it would.)
        Value r;
        SendStatus s = vm.send(fut, Value::none(), r);
        if (s == SendStatus::Yield) {
            out = std::move(r);
            return s;
        }
        m_waiter = Value();
        m_state = St::Created;
        if (s == SendStatus::Error) {
            Value exc = vm.take_exc();
            Value ignored;
            return throw_(vm, exc, ignored);
        }
    }
    m_state = St::Done;
    return SendStatus::Error;
}

SendStatus QueueOp::send(VM& vm, Value v, Value& out) {
    if (!can_send(vm, v)) return SendStatus::Error;
    switch (m_state) {
    case St::Done:
        break;  // (can_send raised)
    case St::Created:
        return run(vm, out);
    case St::Running: {
        // Resumed: `await waiter` returns its result or raises.
        AsyncioState& st = asyncio_state(vm);
        Value w = m_waiter;
        if (is_future_object(st, w)) {
            auto* f = static_cast<FutureObject*>(w.as<CxxObject>());
            if (!f->m_core->done()) {  // woken early (asyncio would yield it again)
                f->m_blocking = true;
                out = w;
                return SendStatus::Yield;
            }
            Value r;
            if (future_result(st, f, r) == SendStatus::Error) {
                Value exc = vm.take_exc();
                return throw_(vm, exc, out);
            }
        } else {
            Value r;
            SendStatus s = vm.send(w, std::move(v), r);
            if (s == SendStatus::Yield) {
                out = std::move(r);
                return s;
            }
            if (s == SendStatus::Error) {
                Value exc = vm.take_exc();
                return throw_(vm, exc, out);
            }
        }
        m_waiter = Value();
        m_state = St::Created;
        return run(vm, out);
    }
    }
    return SendStatus::Error;
}

// The `except:` clause around `await waiter`.
bool QueueOp::cleanup_after(VM& vm, AsyncioState& st) {
    Value w = std::move(m_waiter);
    m_waiter = Value();
    if (vm.call_method(w, "cancel", {}).is_null()) return false;
    Value waiters = vm.getattr(m_queue, vm.intern(m_put ? "_putters" : "_getters"));
    if (waiters.is_null()) return false;
    if (DequeObject* dq = as_deque(vm, waiters)) {
        for (auto it = dq->items.begin(); it != dq->items.end(); ++it) {
            if (it->is_obj() && it->as_obj() == w.as_obj()) {
                dq->items.erase(it);
                break;
            }
        }
    } else if (vm.call_method(waiters, "remove", {w}).is_null()) {
        if (!vm.exc_matches(vm.e_ValueError)) return false;
        vm.clear_exc();
    }
    QueueView v;
    QueueSetup& qs = setup_of(st);
    bool direct = direct_class(vm, qs, vm.type_of(m_queue)) && view_of(vm, qs, m_queue, v);
    int blocked = full_or_empty(vm, direct, v);
    if (blocked < 0) return false;
    if (blocked) return true;
    Value c = vm.call_method(w, "cancelled", {});
    if (c.is_null()) return false;
    int cancelled = vm.truthy(c);
    if (cancelled < 0) return false;
    if (cancelled) return true;
    if (DequeObject* dq = as_deque(vm, waiters); dq && direct) return wakeup_next(vm, st, dq);
    return !vm.call_method(m_queue, "_wakeup_next", {waiters}).is_null();
}

SendStatus QueueOp::throw_(VM& vm, Value exc, Value& out) {
    (void)out;
    if (m_state == St::Running) {
        m_state = St::Done;
        if (!cleanup_after(vm, asyncio_state(vm))) {
            // An error in the except clause replaces the exception (with it as context).
            Value err = vm.take_exc();
            if (is_kind(err, ObjKind::Exception) && as_exc(err)->m_context.is_none()) as_exc(err)->m_context = exc;
            vm.set_exc(err);
            return SendStatus::Error;
        }
    }
    m_state = St::Done;
    vm.set_exc(std::move(exc));
    return SendStatus::Error;
}

// [SECTION] Event.wait
//
//     async def wait(self):
//         if self._value:
//             return True
//         fut = self._get_loop().create_future()
//         self._waiters.append(fut)
//         try:
//             await fut
//             return True
//         finally:
//             self._waiters.remove(fut)
//
// Native for memory: a task parked in wait() holds this op (about 100 bytes)
// instead of a coroutine object and its frame. The steps go through the
// event's attributes and methods, so subclasses see every call they would.
struct EventWaitOp : CoroOp {
    Value m_event;
    Value m_fut;  // the future awaited (Null before and after)

    void clear_refs() override { m_event = m_fut = Value(); }
    const char* name() const override { return "Event.wait"; }
    bool close_suspended(VM& vm) override { return remove_waiter(vm); }

    // finally: self._waiters.remove(fut)
    bool remove_waiter(VM& vm) {
        Value fut = std::move(m_fut);
        m_fut = Value();
        Value waiters = vm.getattr(m_event, vm.intern("_waiters"));
        if (waiters.is_null()) return false;
        if (DequeObject* dq = as_deque(vm, waiters)) {
            for (auto it = dq->items.begin(); it != dq->items.end(); ++it) {
                if (it->is_obj() && it->as_obj() == fut.as_obj()) {
                    dq->items.erase(it);
                    return true;
                }
            }
            vm.raise(vm.e_ValueError, "deque.remove(x): x not in deque");
            return false;
        }
        return !vm.call_method(waiters, "remove", {fut}).is_null();
    }
    // Leaves the try block with the exception pending (or with `return True`).
    SendStatus finish(VM& vm, bool raised, Value& out) {
        m_state = St::Done;
        Value exc = raised ? vm.take_exc() : Value();
        if (!remove_waiter(vm)) {
            // An error in the finally clause replaces the exception (with it as context).
            Value err = vm.take_exc();
            if (raised && is_kind(err, ObjKind::Exception) && as_exc(err)->m_context.is_none())
                as_exc(err)->m_context = exc;
            vm.set_exc(err);
            return SendStatus::Error;
        }
        if (raised) {
            vm.set_exc(std::move(exc));
            return SendStatus::Error;
        }
        out = Value::boolean(true);
        return SendStatus::Return;
    }
    // `await fut`, first time or resumed with v.
    SendStatus await_fut(VM& vm, Value v, Value& out) {
        AsyncioState& st = asyncio_state(vm);
        Value r;
        if (is_future_object(st, m_fut)) {
            auto* f = static_cast<FutureObject*>(m_fut.as<CxxObject>());
            if (!f->m_core->done()) {  // (also when woken early: asyncio yields it again)
                f->m_blocking = true;
                out = m_fut;
                return SendStatus::Yield;
            }
            return finish(vm, future_result(st, f, r) == SendStatus::Error, out);
        }
        SendStatus s = vm.send(m_fut, std::move(v), r);
        if (s == SendStatus::Yield) {
            out = std::move(r);
            return s;
        }
        return finish(vm, s == SendStatus::Error, out);
    }
    SendStatus send(VM& vm, Value v, Value& out) override {
        if (!can_send(vm, v)) return SendStatus::Error;
        switch (m_state) {
        case St::Done:
            break;  // (can_send raised)
        case St::Created: {
            m_state = St::Done;
            Value value = vm.getattr(m_event, vm.intern("_value"));
            if (value.is_null()) return SendStatus::Error;
            int set = vm.truthy(value);
            if (set < 0) return SendStatus::Error;
            if (set) {
                out = Value::boolean(true);
                return SendStatus::Return;
            }
            Value loop = vm.call_method(m_event, "_get_loop", {});
            if (loop.is_null()) return SendStatus::Error;
            Value fut = vm.call_method(loop, "create_future", {});
            if (fut.is_null()) return SendStatus::Error;
            Value waiters = vm.getattr(m_event, vm.intern("_waiters"));
            if (waiters.is_null()) return SendStatus::Error;
            if (DequeObject* dq = as_deque(vm, waiters)) {
                dq->items.push_back(fut);
            } else if (vm.call_method(waiters, "append", {fut}).is_null()) {
                return SendStatus::Error;
            }
            m_fut = std::move(fut);
            m_state = St::Running;
            return await_fut(vm, Value::none(), out);
        }
        case St::Running:
            return await_fut(vm, std::move(v), out);
        }
        return SendStatus::Error;
    }
    SendStatus throw_(VM& vm, Value exc, Value& out) override {
        if (m_state != St::Running) {
            m_state = St::Done;
            vm.set_exc(std::move(exc));
            return SendStatus::Error;
        }
        // Thrown in at `await fut`: a future's throw() raises it there.
        vm.set_exc(std::move(exc));
        return finish(vm, true, out);
    }
};

// [SECTION] sleep
//
//     async def sleep(delay, result=None):
//         if delay <= 0:
//             await __sleep0()          # a bare yield: one loop iteration
//             return result
//         future = loop.create_future()
//         h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
//         try:
//             return await future
//         finally:
//             h.cancel()
struct SleepOp : CoroOp {
    Value m_delay;
    Value m_result;
    Value m_fut;          // the timer's future while waiting on it
    bool m_zero = false;  // yielded once (delay <= 0)

    void clear_refs() override { m_delay = m_result = m_fut = Value(); }
    const char* name() const override { return "sleep"; }
    void cancel_timer() {
        if (m_fut.is_null()) return;
        auto* f = static_cast<FutureObject*>(m_fut.as<CxxObject>());
        if (f->m_core) {
            auto* sf = static_cast<ScriptFuture*>(f->m_core.get());
            if (sf->m_timer) {
                sf->m_timer.cancel();
                sf->m_timer = aio::TimerHandle();
            }
        }
    }
    bool close_suspended(VM&) override {
        cancel_timer();
        m_fut = Value();
        return true;
    }
    SendStatus send(VM& vm, Value v, Value& out) override {
        if (!can_send(vm, v)) return SendStatus::Error;
        AsyncioState& st = asyncio_state(vm);
        switch (m_state) {
        case St::Done:
            break;  // (can_send raised)
        case St::Created: {
            m_state = St::Running;
            int le = m_delay.is_int()     ? m_delay.as_int() <= 0  // `if delay <= 0`
                     : m_delay.is_float() ? m_delay.as_float() <= 0
                                          : vm.compare_bool(static_cast<int>(CmpOp::LtE), m_delay, Value::integer(0));
            if (le < 0) {
                m_state = St::Done;
                return SendStatus::Error;
            }
            if (le) {
                m_zero = true;
                out = Value::none();
                return SendStatus::Yield;
            }
            double d = 0;
            Value fut;
            if (vm.as_double(m_delay, d)) fut = sleep_future(st, d, m_result);
            if (fut.is_null()) {
                m_state = St::Done;
                return SendStatus::Error;
            }
            m_fut = fut;
            auto* f = static_cast<FutureObject*>(fut.as<CxxObject>());
            f->m_blocking = true;
            out = fut;
            return SendStatus::Yield;
        }
        case St::Running: {
            if (m_zero) {
                m_state = St::Done;
                out = m_result;
                return SendStatus::Return;
            }
            auto* f = static_cast<FutureObject*>(m_fut.as<CxxObject>());
            if (!f->m_core->done()) {  // woken early: wait on
                f->m_blocking = true;
                out = m_fut;
                return SendStatus::Yield;
            }
            m_state = St::Done;
            cancel_timer();
            Value fut = std::move(m_fut);
            m_fut = Value();
            return future_result(st, static_cast<FutureObject*>(fut.as<CxxObject>()), out);
        }
        }
        return SendStatus::Error;
    }
    SendStatus throw_(VM& vm, Value exc, Value& out) override {
        (void)out;
        cancel_timer();  // finally: h.cancel()
        m_fut = Value();
        m_state = St::Done;
        vm.set_exc(std::move(exc));
        return SendStatus::Error;
    }
};

namespace {

// asyncio.sleep(delay, result=None)
Value m_sleep_op(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (n == 1 && !(kw && kw->m_size))
        args[0] = a[0];  // sleep(delay): the usual call
    else if (!parse_args(vm, "sleep", a, n, kw, {"delay", "result"}, 1, args, 2))
        return Value();
    AsyncioState& st = asyncio_state(vm);
    QueueSetup& qs = setup_of(st);
    auto* op = new_native_iter<SleepOp>(vm, qs.op_type);
    op->m_delay = args[0];
    op->m_result = args[1].is_null() ? Value::none() : args[1];
    return Value::steal(op);
}

// Event.wait(self)
Value e_wait(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (n != 1 || (kw && kw->m_size))
        return vm.raisef(vm.e_TypeError, "Event.wait() takes 1 positional argument but %d were given", n);
    QueueSetup& qs = setup_of(asyncio_state(vm));
    auto* op = new_native_iter<EventWaitOp>(vm, qs.op_type);
    op->m_event = a[0];
    return Value::steal(op);
}

Value op_new(VM& vm, const Value& self, bool put, Value item) {
    AsyncioState& st = asyncio_state(vm);
    QueueSetup& qs = setup_of(st);
    auto* op = new_native_iter<QueueOp>(vm, qs.op_type);
    op->m_queue = self;
    op->m_item = std::move(item);
    op->m_put = put;
    return Value::steal(op);
}

Value q_put(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (kw && kw->m_size) {
        if (n == 2 && kw->m_size == 1 && as_str(kw->items()[0])->view() == "item") return op_new(vm, a[0], true, a[1]);
        return vm.raise(vm.e_TypeError, "Queue.put() got an unexpected keyword argument");
    }
    if (n == 1) return vm.raise(vm.e_TypeError, "Queue.put() missing 1 required positional argument: 'item'");
    if (n != 2) return vm.raisef(vm.e_TypeError, "Queue.put() takes 2 positional arguments but %d were given", n);
    return op_new(vm, a[0], true, a[1]);
}

Value q_get(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 1) return vm.raisef(vm.e_TypeError, "Queue.get() takes 1 positional argument but %d were given", n);
    return op_new(vm, a[0], false, Value());
}

CoroOp* self_op(Value* a) { return static_cast<CoroOp*>(a[0].as<CxxObject>()); }

Value op_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "<coroutine object %s at %p>", self_op(a)->name(),
                  static_cast<void*>(a[0].as_obj()));
    return vm.str(buf);
}

// _queue_setup(Queue, Event): makes put/get native for Queue and its subclasses.
Value m_queue_setup(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2 || !is_kind(a[0], ObjKind::Type) || !is_kind(a[1], ObjKind::Type))
        return vm.raise(vm.e_TypeError, "_queue_setup(Queue, Event)");
    AsyncioState& st = asyncio_state(vm);
    QueueSetup& qs = setup_of(st);
    qs.queue = a[0].as<TypeObject>();
    qs.event = a[1].as<TypeObject>();
    size_t i = 0;
    for (const char* name : QueueSetup::kMethods) {
        qs.n_methods[i] = vm.intern(name);
        Value m = vm.type_lookup(qs.queue, qs.n_methods[i]);
        if (m.is_null()) return vm.raisef(vm.e_TypeError, "Queue has no %s", name);
        qs.base[i++] = m;
    }
    qs.n_queue = vm.intern("_queue");
    qs.n_getters = vm.intern("_getters");
    qs.n_putters = vm.intern("_putters");
    qs.n_maxsize = vm.intern("_maxsize");
    qs.n_unfinished = vm.intern("_unfinished_tasks");
    qs.n_finished = vm.intern("_finished");
    qs.n_value = vm.intern("_value");
    vm.add_method(qs.event, "wait", e_wait);
    vm.add_method(qs.queue, "put", q_put);
    vm.add_method(qs.queue, "get", q_get);
    dict_get_str(qs.queue->m_dict, vm.intern("put"))->as<NativeObject>()->m_await_now = q_put_now;
    dict_get_str(qs.queue->m_dict, vm.intern("get"))->as<NativeObject>()->m_await_now = q_get_now;
    type_modified();
    return Value::none();
}

}  // namespace

void register_queue_natives(VM& vm, ModuleObject* m) {
    AsyncioState& st = asyncio_state(vm);
    QueueSetup& qs = setup_of(st);
    qs.op_type = vm.new_builtin_type("coroutine", vm.t_object, ObjKind::Cxx, nullptr, 0, "builtins");
    add_native_iter_methods(vm, qs.op_type);
    vm.add_method(qs.op_type, "__repr__", op_repr);
    module_add(vm, m, "_QueueOp", Value::steal(qs.op_type));
    module_add_fn(vm, m, "_queue_setup", m_queue_setup);
    module_add_fn(vm, m, "sleep", m_sleep_op);
}

}  // namespace aio::script
