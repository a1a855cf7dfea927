// mod_collections.cpp — `_collections`: deque and defaultdict in C++ (the
// Python-level `collections` in lib/collections.py adds namedtuple, Counter, ...).
#include <deque>

#include "modules/collections.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

// [SECTION] defaultdict: a dict subclass whose missing keys call a factory.

Value dd_new(VM& vm, TypeObject* t, Value*, int, TupleObject*) {
    auto* d = vm.alloc<DictObject>(t, ObjKind::Dict);
    d->m_default = Value::none();
    return Value::steal(d);
}

Value dd_init(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    auto* d = a[0].as<DictObject>();
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = n - 1 - nkw;
    if (npos >= 1) {
        const Value& f = a[1];
        if (!f.is_none()) {
            bool callable = f.is_obj() && (kind_of(f.as_obj()) != ObjKind::Instance ||
                                           !vm.type_lookup(vm.type_of(f), vm.names().d_call).is_null());
            if (!callable) return vm.raise(vm.e_TypeError, "first argument must be callable or None");
        }
        d->m_default = f;
    }
    if (npos >= 2 && !dict_update(vm, d, a[2])) return Value();
    for (int i = 0; i < nkw; ++i)
        if (!dict_set(vm, d, kw->items()[i], a[1 + npos + i])) return Value();
    return Value::none();
}

Value dd_factory(VM&, Value* a, int, TupleObject*, Value&) { return a[0].as<DictObject>()->m_default; }
Value dd_set_factory(VM&, Value* a, int, TupleObject*, Value&) {
    a[0].as<DictObject>()->m_default = a[1];
    return Value::none();
}
Value dd_missing(VM& vm, Value* a, int n, TupleObject*, Value&) {
    auto* d = a[0].as<DictObject>();
    if (n != 2) return vm.raise(vm.e_TypeError, "__missing__ expects one argument");
    if (d->m_default.is_none() || d->m_default.is_null()) return vm.raise_args(vm.e_KeyError, a[1]);
    Value v = vm.call(d->m_default, nullptr, 0);
    if (v.is_null() || !dict_set(vm, d, a[1], v)) return Value();
    return v;
}
Value dd_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* d = a[0].as<DictObject>();
    std::string s = type_name(a[0]) + "(";  // a subclass shows its own name, as in CPython
    if (d->m_default.is_none() || d->m_default.is_null())
        s += "None";
    else if (!vm.repr_into(d->m_default, s))
        return Value();
    s += ", ";
    Value r = dict_repr(vm, d);
    if (r.is_null()) return r;
    s += as_str(r)->view();
    s += ")";
    return vm.str(s);
}
Value dd_copy(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* d = a[0].as<DictObject>();
    auto* c = vm.alloc<DictObject>(d->m_type, ObjKind::Dict);
    Value cv = Value::steal(c);
    c->m_default = d->m_default;
    if (!dict_update(vm, c, a[0])) return Value();
    return cv;
}

// [SECTION] deque

DequeObject* self_dq(Value* a) { return static_cast<DequeObject*>(a[0].as<CxxObject>()); }

void trim_right(DequeObject* d) {
    while (d->maxlen >= 0 && static_cast<int64_t>(d->items.size()) > d->maxlen) d->items.pop_front();
}
void trim_left(DequeObject* d) {
    while (d->maxlen >= 0 && static_cast<int64_t>(d->items.size()) > d->maxlen) d->items.pop_back();
}

Value dq_new(VM& vm, TypeObject* t, Value*, int, TupleObject*) {
    return Value::steal(vm.alloc<DequeObject>(t, ObjKind::Cxx));
}
Value dq_init(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[2];
    if (!parse_args(vm, "deque", a + 1, n - 1, kw, {"iterable", "maxlen"}, 0, args)) return Value();
    DequeObject* d = self_dq(a);
    d->items.clear();
    if (!args[1].is_null() && !args[1].is_none()) {
        if (!int_from_value(vm, args[1], d->maxlen, "maxlen")) return Value();
        if (d->maxlen < 0) return vm.raise(vm.e_ValueError, "maxlen must be non-negative");
    }
    if (!args[0].is_null()) {
        std::vector<Value> items;
        if (!vm.to_list(args[0], items)) return Value();
        for (auto& v : items) {
            d->items.push_back(v);
            trim_right(d);
        }
    }
    return Value::none();
}
Value dq_append(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "append() takes exactly one argument");
    self_dq(a)->items.push_back(a[1]);
    trim_right(self_dq(a));
    return Value::none();
}
Value dq_appendleft(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "appendleft() takes exactly one argument");
    self_dq(a)->items.push_front(a[1]);
    trim_left(self_dq(a));
    return Value::none();
}
Value dq_pop(VM& vm, Value* a, int, TupleObject*, Value&) {
    DequeObject* d = self_dq(a);
    if (d->items.empty()) return vm.raise(vm.e_IndexError, "pop from an empty deque");
    Value v = d->items.back();
    d->items.pop_back();
    return v;
}
Value dq_popleft(VM& vm, Value* a, int, TupleObject*, Value&) {
    DequeObject* d = self_dq(a);
    if (d->items.empty()) return vm.raise(vm.e_IndexError, "pop from an empty deque");
    Value v = d->items.front();
    d->items.pop_front();
    return v;
}
Value dq_extend(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "extend() takes exactly one argument");
    std::vector<Value> items;
    if (!vm.to_list(a[1], items)) return Value();
    for (auto& v : items) {
        self_dq(a)->items.push_back(v);
        trim_right(self_dq(a));
    }
    return Value::none();
}
Value dq_extendleft(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "extendleft() takes exactly one argument");
    std::vector<Value> items;
    if (!vm.to_list(a[1], items)) return Value();
    for (auto& v : items) {
        self_dq(a)->items.push_front(v);
        trim_left(self_dq(a));
    }
    return Value::none();
}
Value dq_clear(VM&, Value* a, int, TupleObject*, Value&) {
    std::deque<Value> old;
    old.swap(self_dq(a)->items);
    return Value::none();
}
Value dq_rotate(VM& vm, Value* a, int n, TupleObject*, Value&) {
    int64_t k = 1;
    if (n > 1 && !int_from_value(vm, a[1], k, "n")) return Value();
    DequeObject* d = self_dq(a);
    if (d->items.empty()) return Value::none();
    int64_t sz = static_cast<int64_t>(d->items.size());
    k %= sz;
    if (k < 0) k += sz;
    for (int64_t i = 0; i < k; ++i) {
        Value v = d->items.back();
        d->items.pop_back();
        d->items.push_front(v);
    }
    return Value::none();
}
Value dq_len(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(self_dq(a)->items.size()));
}
Value dq_getitem(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "expected one argument");
    int64_t i;
    if (!normalize_index(vm, a[1], static_cast<int64_t>(self_dq(a)->items.size()), i, "deque")) return Value();
    return self_dq(a)->items[i];
}
Value dq_setitem(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 3) return vm.raise(vm.e_TypeError, "expected two arguments");
    int64_t i;
    if (!normalize_index(vm, a[1], static_cast<int64_t>(self_dq(a)->items.size()), i, "deque")) return Value();
    self_dq(a)->items[i] = a[2];
    return Value::none();
}
Value dq_delitem(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "expected one argument");
    int64_t i;
    if (!normalize_index(vm, a[1], static_cast<int64_t>(self_dq(a)->items.size()), i, "deque")) return Value();
    self_dq(a)->items.erase(self_dq(a)->items.begin() + i);
    return Value::none();
}
Value dq_iter(VM& vm, Value* a, int, TupleObject*, Value&) {
    ListObject* l = vm.new_list(self_dq(a)->items.size());
    Value lv = Value::steal(l);
    for (auto& v : self_dq(a)->items) list_append(vm, l, v);
    return vm.get_iter(lv);
}
Value dq_contains(VM& vm, Value* a, int, TupleObject*, Value&) {
    for (auto& v : self_dq(a)->items) {
        int e = vm.eq(v, a[1]);
        if (e < 0) return Value();
        if (e) return Value::boolean(true);
    }
    return Value::boolean(false);
}
Value dq_count(VM& vm, Value* a, int, TupleObject*, Value&) {
    int64_t c = 0;
    for (auto& v : self_dq(a)->items) {
        int e = vm.eq(v, a[1]);
        if (e < 0) return Value();
        c += e;
    }
    return Value::integer(c);
}
Value dq_remove(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto& items = self_dq(a)->items;
    for (size_t i = 0; i < items.size(); ++i) {
        int e = vm.eq(items[i], a[1]);
        if (e < 0) return Value();
        if (e) {
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
            return Value::none();
        }
    }
    return vm.raise(vm.e_ValueError, "deque.remove(x): x not in deque");
}
Value dq_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    DequeObject* d = self_dq(a);
    std::string s = "deque([";
    bool first = true;
    for (auto& v : d->items) {
        if (!first) s += ", ";
        first = false;
        if (!vm.repr_into(v, s)) return Value();
    }
    s += "]";
    if (d->maxlen >= 0) s += ", maxlen=" + std::to_string(d->maxlen);
    s += ")";
    return vm.str(s);
}
Value dq_maxlen(VM&, Value* a, int, TupleObject*, Value&) {
    return self_dq(a)->maxlen < 0 ? Value::none() : Value::integer(self_dq(a)->maxlen);
}
Value dq_bool(VM&, Value* a, int, TupleObject*, Value&) { return Value::boolean(!self_dq(a)->items.empty()); }
Value dq_eq(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!is_kind(a[1], ObjKind::Cxx) || vm.type_of(a[1]) != vm.type_of(a[0])) return vm.m_notimplemented;
    auto& x = self_dq(a)->items;
    auto& y = static_cast<DequeObject*>(a[1].as<CxxObject>())->items;
    if (x.size() != y.size()) return Value::boolean(false);
    for (size_t i = 0; i < x.size(); ++i) {
        int e = vm.eq(x[i], y[i]);
        if (e < 0) return Value();
        if (!e) return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value init_collections_c(VM& vm) {
    Value mv = new_module(vm, "_collections");
    auto* m = mv.as<ModuleObject>();
    TypeObject* dd = vm.new_builtin_type("defaultdict", vm.t_dict, ObjKind::Dict, dd_new, TF_BASETYPE, "collections");
    vm.add_method(dd, "__init__", dd_init);
    vm.add_method(dd, "__missing__", dd_missing);
    vm.add_method(dd, "__repr__", dd_repr);
    vm.add_method(dd, "copy", dd_copy);
    vm.add_property(dd, "default_factory", dd_factory, dd_set_factory);
    module_add(vm, m, "defaultdict", Value::steal(dd));
    TypeObject* dq = vm.new_builtin_type("deque", vm.t_object, ObjKind::Cxx, dq_new, TF_BASETYPE, "collections");
    vm.t_deque = dq;  // (borrowed: the module holds it)
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"__init__", dq_init},       {"append", dq_append}, {"appendleft", dq_appendleft}, {"pop", dq_pop},
        {"popleft", dq_popleft},     {"extend", dq_extend}, {"extendleft", dq_extendleft}, {"clear", dq_clear},
        {"rotate", dq_rotate},       {"__len__", dq_len},   {"__getitem__", dq_getitem},   {"__setitem__", dq_setitem},
        {"__delitem__", dq_delitem}, {"__iter__", dq_iter}, {"__contains__", dq_contains}, {"count", dq_count},
        {"remove", dq_remove},       {"__repr__", dq_repr}, {"__bool__", dq_bool},         {"__eq__", dq_eq},
    };
    for (auto& mm : methods) vm.add_method(dq, mm.n, mm.f);
    vm.add_property(dq, "maxlen", dq_maxlen);
    module_add(vm, m, "deque", Value::steal(dq));
    return mv;
}

}  // namespace

void register_collections_module(VM& vm) { vm.register_module("_collections", init_collections_c); }

}  // namespace aio::script
