// dict.cpp — insertion-ordered hash table (CPython's compact dict) and the
// dict type's methods and views.
//
// Entries sit in insertion order in m_entries; m_index maps hash slots to
// entry numbers with CPython's probing (perturb >>= 5; i = 5*i + perturb + 1).
// Deleted entries keep their slot (key Null) until the next resize compacts.
#include <cstddef>
#include <cstring>

#include "objects/runtime.hpp"

namespace aio::script {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;

void build_index(VM& vm, DictObject* d, uint32_t size) {
    vm.raw_free(d->m_index, d->m_indexsize * sizeof(int32_t));
    d->m_index = static_cast<int32_t*>(vm.raw_alloc(size * sizeof(int32_t)));
    d->m_indexsize = size;
    std::memset(d->m_index, 0xff, size * sizeof(int32_t));  // all kEmpty
    uint64_t mask = size - 1;
    for (uint32_t e = 0; e < d->m_nentries; ++e) {
        uint64_t perturb = static_cast<uint64_t>(d->m_entries[e].hash);
        uint64_t i = perturb & mask;
        while (d->m_index[i] != kEmpty) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        d->m_index[i] = static_cast<int32_t>(e);
    }
}

// Compacts entries and grows the table so `need` more entries fit.
void resize(VM& vm, DictObject* d, uint32_t need) {
    // Compact deleted entries out.
    uint32_t w = 0;
    for (uint32_t r = 0; r < d->m_nentries; ++r) {
        if (d->m_entries[r].key.is_null()) continue;
        if (w != r) {
            d->m_entries[w].hash = d->m_entries[r].hash;
            d->m_entries[w].key = std::move(d->m_entries[r].key);
            d->m_entries[w].value = std::move(d->m_entries[r].value);
        }
        ++w;
    }
    for (uint32_t i = w; i < d->m_nentries; ++i) {
        d->m_entries[i].key = Value();
        d->m_entries[i].value = Value();
    }
    d->m_nentries = w;
    uint32_t want = d->m_used + need;
    uint32_t size = 8;
    while (size * 2 / 3 < want) size *= 2;
    uint32_t cap = size * 2 / 3;
    if (cap > d->m_entcap) {
        d->m_entries = static_cast<DictEntry*>(
            vm.raw_realloc(d->m_entries, d->m_entcap * sizeof(DictEntry), cap * sizeof(DictEntry)));
        for (uint32_t i = d->m_entcap; i < cap; ++i) new (&d->m_entries[i]) DictEntry{0, Value(), Value()};
        d->m_entcap = cap;
    }
    build_index(vm, d, size);
}

// Finds key; returns the entry number or -1. `slot` receives the index slot
// where an insert should go. Returns -2 on a comparison error.
int64_t lookup(VM& vm, DictObject* d, const Value& key, int64_t hash, uint64_t* slot) {
    if (!d->m_indexsize) {
        if (slot) *slot = 0;
        return -1;
    }
    uint64_t mask = d->m_indexsize - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    uint64_t i = perturb & mask;
    int64_t free_slot = -1;
    bool key_is_str = is_str(key);
    for (;;) {
        int32_t ix = d->m_index[i];
        if (ix == kEmpty) {
            if (slot) *slot = free_slot >= 0 ? static_cast<uint64_t>(free_slot) : i;
            return -1;
        }
        if (ix == kDummy) {
            if (free_slot < 0) free_slot = static_cast<int64_t>(i);
        } else {
            DictEntry& e = d->m_entries[ix];
            if (e.key.identical(key)) return ix;
            if (e.hash == hash) {
                if (key_is_str && is_str(e.key)) {
                    if (str_eq(as_str(e.key), as_str(key))) return ix;
                } else {
                    Value ek = e.key;  // keep alive across a user __eq__
                    uint64_t version = d->m_version;
                    int r = vm.eq(ek, key);
                    if (r < 0) return -2;
                    if (d->m_version != version) return lookup(vm, d, key, hash, slot);  // mutated: retry
                    if (r) return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

bool insert(VM& vm, DictObject* d, const Value& key, int64_t hash, const Value& v) {
    uint64_t slot;
    int64_t ix = lookup(vm, d, key, hash, &slot);
    if (ix == -2) return false;
    if (ix >= 0) {
        d->m_entries[ix].value = v;
        return true;
    }
    if (d->m_nentries >= d->m_entcap) {
        resize(vm, d, 1);
        lookup(vm, d, key, hash, &slot);  // cannot fail: no equal key exists
    }
    uint32_t e = d->m_nentries++;
    d->m_entries[e].hash = hash;
    d->m_entries[e].key = key;
    d->m_entries[e].value = v;
    d->m_index[slot] = static_cast<int32_t>(e);
    ++d->m_used;
    d->m_version = next_dict_version();
    return true;
}

}  // namespace

DictObject* VM::new_dict() { return alloc<DictObject>(t_dict, ObjKind::Dict); }

Value dict_get(VM& vm, DictObject* d, const Value& key) {
    if (is_str(key)) {
        Value* v = dict_get_str(d, as_str(key));
        return v ? *v : Value();
    }
    int64_t h = vm.hash(key);
    if (h == -1 && vm.has_exc()) return Value();
    int64_t ix = lookup(vm, d, key, h, nullptr);
    if (ix < 0) return Value();
    return d->m_entries[ix].value;
}

Value* dict_get_str(DictObject* d, StrObject* key) {
    if (!d->m_indexsize) return nullptr;
    int64_t hash = str_hash(key);
    uint64_t mask = d->m_indexsize - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    uint64_t i = perturb & mask;
    for (;;) {
        int32_t ix = d->m_index[i];
        if (ix == kEmpty) return nullptr;
        if (ix >= 0) {
            DictEntry& e = d->m_entries[ix];
            if (e.key.is_obj() && e.key.as_obj() == key) return &e.value;
            if (e.hash == hash && is_str(e.key) && str_eq(as_str(e.key), key)) return &e.value;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value* dict_get_str_slot(DictObject* d, StrObject* key, DictSlot& slot) {
    if (Value* v = slot.get(d)) return v;
    Value* v = dict_get_str(d, key);
    if (v && d->m_version) {
        slot.version = d->m_version;
        slot.ix = static_cast<uint32_t>(dict_entry_index(d, v));
    }
    return v;
}

bool dict_set(VM& vm, DictObject* d, const Value& key, const Value& v) {
    int64_t h = vm.hash(key);
    if (h == -1 && vm.has_exc()) return false;
    return insert(vm, d, key, h, v);
}

void dict_set_str(VM& vm, DictObject* d, StrObject* key, const Value& v) {
    Value* slot = dict_get_str(d, key);
    if (slot) {
        *slot = v;
        return;
    }
    insert(vm, d, Value::object(key), str_hash(key), v);
}

void VM::dict_set_str(DictObject* d, std::string_view key, const Value& v) {
    aio::script::dict_set_str(*this, d, intern(key), v);
}

static void remove_entry(DictObject* d, int64_t ix) {
    DictEntry& e = d->m_entries[ix];
    // Find the index slot that points at ix and mark it dummy.
    uint64_t mask = d->m_indexsize - 1;
    uint64_t perturb = static_cast<uint64_t>(e.hash);
    uint64_t i = perturb & mask;
    while (d->m_index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->m_index[i] = kDummy;
    Value k = std::move(e.key);
    Value v = std::move(e.value);
    e.key = Value();
    --d->m_used;
    d->m_version = next_dict_version();
}

int dict_del(VM& vm, DictObject* d, const Value& key) {
    int64_t h = vm.hash(key);
    if (h == -1 && vm.has_exc()) return -1;
    int64_t ix = lookup(vm, d, key, h, nullptr);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    remove_entry(d, ix);
    return 1;
}

int dict_del_str(DictObject* d, StrObject* key) {
    Value* v = dict_get_str(d, key);
    if (!v) return 0;
    int64_t ix = dict_entry_index(d, v);
    remove_entry(d, ix);
    return 1;
}

void dict_clear(VM& vm, DictObject* d) {
    // Move the entries out before releasing them: a value's release may run
    // code that looks at this dict.
    std::vector<Value> old;
    for (uint32_t i = 0; i < d->m_nentries; ++i) {
        old.push_back(std::move(d->m_entries[i].key));
        old.push_back(std::move(d->m_entries[i].value));
        d->m_entries[i].key = Value();
        d->m_entries[i].value = Value();
    }
    d->m_nentries = 0;
    d->m_used = 0;
    d->m_version = next_dict_version();
    if (d->m_indexsize) std::memset(d->m_index, 0xff, d->m_indexsize * sizeof(int32_t));
    (void)vm;
}

bool dict_next(DictObject* d, uint32_t& pos, Value*& key, Value*& value) {
    while (pos < d->m_nentries) {
        DictEntry& e = d->m_entries[pos++];
        if (!e.key.is_null()) {
            key = &e.key;
            value = &e.value;
            return true;
        }
    }
    return false;
}

DictObject* dict_copy(VM& vm, DictObject* d) {
    DictObject* r = vm.new_dict();
    if (d->m_used) resize(vm, r, d->m_used);
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(d, pos, k, v)) {
        DictEntry& src = d->m_entries[pos - 1];
        insert(vm, r, *k, src.hash, *v);
    }
    return r;
}

bool dict_update(VM& vm, DictObject* d, const Value& other) {
    if (is_kind(other, ObjKind::Dict)) {
        auto* o = other.as<DictObject>();
        uint32_t pos = 0;
        Value *k, *v;
        while (dict_next(o, pos, k, v)) {
            Value kk = *k, vv = *v;
            if (!insert(vm, d, kk, o->m_entries[pos - 1].hash, vv)) return false;
        }
        return true;
    }
    // A mapping with keys(), or an iterable of pairs.
    Value keys_fn = vm.getattr_opt(other, vm.intern("keys"));
    if (!keys_fn.is_null()) {
        Value keys = vm.call(keys_fn, nullptr, 0);
        if (keys.is_null()) return false;
        std::vector<Value> ks;
        if (!vm.to_list(keys, ks)) return false;
        for (auto& k : ks) {
            Value v = vm.getitem(other, k);
            if (v.is_null() || !dict_set(vm, d, k, v)) return false;
        }
        return true;
    }
    if (vm.has_exc()) return false;
    Value it = vm.get_iter(other);
    if (it.is_null()) return false;
    for (int64_t n = 0;; ++n) {
        Value item = vm.iter_next(it);
        if (item.is_null()) return !vm.has_exc();
        std::vector<Value> pair;
        if (!vm.to_list(item, pair)) {
            if (vm.exc_matches(vm.e_TypeError)) {
                vm.clear_exc();
                vm.raisef(vm.e_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                          static_cast<long long>(n));
            }
            return false;
        }
        if (pair.size() != 2) {
            vm.raisef(vm.e_ValueError, "dictionary update sequence element #%lld has length %zu; 2 is required",
                      static_cast<long long>(n), pair.size());
            return false;
        }
        if (!dict_set(vm, d, pair[0], pair[1])) return false;
        if (vm.memory_exceeded()) {  // dict(zip(range(10**10), ...)) ends here
            vm.raise(vm.e_MemoryError, "");
            return false;
        }
    }
}

// [SECTION] Methods

namespace {

DictObject* self_dict(Value* a) { return a[0].as<DictObject>(); }

Value make_view(VM& vm, const Value& d, DictViewKind k) {
    TypeObject* t = k == DictViewKind::Keys     ? vm.t_dict_keys
                    : k == DictViewKind::Values ? vm.t_dict_values
                                                : vm.t_dict_items;
    auto* v = vm.alloc<DictViewObject>(t, ObjKind::DictView);
    v->m_dk = k;
    v->m_dict = d;
    return Value::steal(v);
}

Value d_keys(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "keys", kw)) return Value();
    (void)n;
    return make_view(vm, a[0], DictViewKind::Keys);
}
Value d_values(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "values", kw)) return Value();
    return make_view(vm, a[0], DictViewKind::Values);
}
Value d_items(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "items", kw)) return Value();
    return make_view(vm, a[0], DictViewKind::Items);
}

Value d_get(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "get", kw)) return Value();
    if (n < 2 || n > 3)
        return vm.raisef(vm.e_TypeError, "get expected at %s, got %d", n < 2 ? "least 1 argument" : "most 2 arguments",
                         n - 1);
    Value v = dict_get(vm, self_dict(a), a[1]);
    if (!v.is_null()) return v;
    if (vm.has_exc()) return Value();
    return n > 2 ? a[2] : Value::none();
}

Value d_setdefault(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "setdefault", kw)) return Value();
    if (n < 2 || n > 3) return vm.raise(vm.e_TypeError, "setdefault expected 1 or 2 arguments");
    Value v = dict_get(vm, self_dict(a), a[1]);
    if (!v.is_null()) return v;
    if (vm.has_exc()) return Value();
    Value def = n > 2 ? a[2] : Value::none();
    if (!dict_set(vm, self_dict(a), a[1], def)) return Value();
    return def;
}

Value d_pop(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "pop", kw)) return Value();
    if (n < 2 || n > 3)
        return vm.raisef(vm.e_TypeError, "pop expected at %s, got %d", n < 2 ? "least 1 argument" : "most 2 arguments",
                         n - 1);
    DictObject* d = self_dict(a);
    Value v = dict_get(vm, d, a[1]);
    if (v.is_null()) {
        if (vm.has_exc()) return Value();
        if (n > 2) return a[2];
        return vm.raise_args(vm.e_KeyError, a[1]);
    }
    if (dict_del(vm, d, a[1]) < 0) return Value();
    return v;
}

Value d_popitem(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "popitem", kw)) return Value();
    (void)n;
    DictObject* d = self_dict(a);
    for (int64_t i = static_cast<int64_t>(d->m_nentries) - 1; i >= 0; --i) {
        if (d->m_entries[i].key.is_null()) continue;
        Value k = d->m_entries[i].key, v = d->m_entries[i].value;
        remove_entry(d, i);
        return vm.tuple({k, v});
    }
    return vm.raise(vm.e_KeyError, "popitem(): dictionary is empty");
}

Value d_update(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (n > 2) return vm.raisef(vm.e_TypeError, "update expected at most 1 argument, got %d", n - 1);
    DictObject* d = self_dict(a);
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = n - nkw;
    if (npos > 1 && !dict_update(vm, d, a[1])) return Value();
    for (int i = 0; i < nkw; ++i)
        if (!dict_set(vm, d, kw->items()[i], a[npos + i])) return Value();
    return Value::none();
}

Value d_clear(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "clear", kw)) return Value();
    dict_clear(vm, self_dict(a));
    return Value::none();
}

Value d_copy(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "copy", kw)) return Value();
    return Value::steal(dict_copy(vm, self_dict(a)));
}

Value d_fromkeys(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "fromkeys", kw)) return Value();
    if (n < 2 || n > 3) return vm.raise(vm.e_TypeError, "fromkeys expected 1 or 2 arguments");
    TypeObject* t = a[0].as<TypeObject>();
    Value dv = vm.call(a[0], nullptr, 0);
    if (dv.is_null()) return Value();
    (void)t;
    std::vector<Value> keys;
    if (!vm.to_list(a[1], keys)) return Value();
    Value val = n > 2 ? a[2] : Value::none();
    for (auto& k : keys) {
        if (!vm.setitem(dv, k, val)) return Value();
        if (vm.memory_exceeded()) return vm.raise(vm.e_MemoryError, "");
    }
    return dv;
}

Value d_getitem(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "__getitem__", kw) || n != 2)
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "expected 1 argument");
    return dict_subscript(vm, a[0], a[1]);
}

Value d_setitem(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 3) return vm.raise(vm.e_TypeError, "expected 2 arguments");
    if (!dict_set(vm, self_dict(a), a[1], a[2])) return Value();
    return Value::none();
}

Value d_delitem(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "expected 1 argument");
    int r = dict_del(vm, self_dict(a), a[1]);
    if (r < 0) return Value();
    if (r == 0) return vm.raise_args(vm.e_KeyError, a[1]);
    return Value::none();
}

Value d_contains(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "expected 1 argument");
    Value v = dict_get(vm, self_dict(a), a[1]);
    if (v.is_null() && vm.has_exc()) return Value();
    return Value::boolean(!v.is_null());
}

Value d_len(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(self_dict(a)->m_used); }

Value d_iter(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value it = iter_new(vm, vm.t_dict_keyiterator, IterKind::Dict, a[0]);
    it.as<IterObject>()->m_n = a[0].as<DictObject>()->m_used;  // the size a change is checked against
    return it;
}

// dict.__repr__, for super().__repr__() in a subclass that defines its own.
Value d_repr(VM& vm, Value* a, int, TupleObject*, Value&) { return dict_repr(vm, a[0].as<DictObject>()); }

Value d_init(VM& vm, Value* a, int n, TupleObject* kw, Value& data) {
    Value r = d_update(vm, a, n, kw, data);
    return r;
}

Value dict_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    DictObject* d = vm.alloc<DictObject>(t, ObjKind::Dict);
    Value dv = Value::steal(d);
    if (t != vm.t_dict) return dv;  // subclasses: __init__ fills it
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = nargs - nkw;
    if (npos > 1) return vm.raisef(vm.e_TypeError, "dict expected at most 1 argument, got %d", npos);
    if (npos == 1 && !dict_update(vm, d, args[0])) return Value();
    for (int i = 0; i < nkw; ++i)
        if (!dict_set(vm, d, kw->items()[i], args[npos + i])) return Value();
    return dv;
}

// [SECTION] Views

Value view_len(VM& vm, Value* a, int, TupleObject*, Value&) {
    return Value::integer(a[0].as<DictViewObject>()->m_dict.as<DictObject>()->m_used);
    (void)vm;
}

Value view_iter(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.get_iter(a[0]); }

Value view_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* v = a[0].as<DictViewObject>();
    const char* name = v->m_dk == DictViewKind::Keys     ? "dict_keys"
                       : v->m_dk == DictViewKind::Values ? "dict_values"
                                                         : "dict_items";
    Value lst = list_from_iterable(vm, a[0]);
    if (lst.is_null()) return Value();
    std::string s = name;
    s += "(";
    if (!vm.repr_into(lst, s)) return Value();
    s += ")";
    return vm.str(s);
}

Value view_isdisjoint(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "isdisjoint() takes exactly one argument");
    std::vector<Value> items;
    if (!vm.to_list(a[1], items)) return Value();
    for (auto& x : items) {
        int c = vm.contains(a[0], x);
        if (c < 0) return Value();
        if (c) return Value::boolean(false);
    }
    return Value::boolean(true);
}

}  // namespace

Value dict_repr(VM& vm, DictObject* d) {
    std::string s = "{";
    uint32_t pos = 0;
    Value *k, *v;
    bool first = true;
    while (dict_next(d, pos, k, v)) {
        Value kk = *k, vv = *v;
        if (!first) s += ", ";
        first = false;
        if (!vm.repr_into(kk, s)) return Value();
        s += ": ";
        if (!vm.repr_into(vv, s)) return Value();
    }
    s += "}";
    return vm.str(s);
}

void init_dict_type(VM& vm) {
    TypeObject* t = vm.t_dict;
    t->m_new = dict_new;
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"keys", d_keys},
        {"values", d_values},
        {"items", d_items},
        {"get", d_get},
        {"setdefault", d_setdefault},
        {"pop", d_pop},
        {"popitem", d_popitem},
        {"update", d_update},
        {"clear", d_clear},
        {"copy", d_copy},
        {"__getitem__", d_getitem},
        {"__setitem__", d_setitem},
        {"__delitem__", d_delitem},
        {"__contains__", d_contains},
        {"__len__", d_len},
        {"__iter__", d_iter},
        {"__init__", d_init},
        {"__repr__", d_repr},
    };
    for (auto& m : methods) vm.add_method(t, m.n, m.f);
    vm.add_method(t, "fromkeys", d_fromkeys, NF_CLASSMETHOD);
    for (TypeObject* vt : {vm.t_dict_keys, vm.t_dict_values, vm.t_dict_items}) {
        vm.add_method(vt, "__len__", view_len);
        vm.add_method(vt, "__iter__", view_iter);
        vm.add_method(vt, "__repr__", view_repr);
        vm.add_method(vt, "isdisjoint", view_isdisjoint);
    }
}

}  // namespace aio::script
