// set.cpp — set and frozenset, reproducing CPython's setobject.c table.
//
// The probing (9 linear probes, then perturbed jumps), the resize policy and
// the merge/copy paths follow CPython 3.11 so that a set of ints iterates —
// and prints — in the same order under both interpreters.
#include <cstring>

#include "objects/runtime.hpp"

namespace aio::script {

namespace {

constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kMinSize = 8;

bool is_dummy(const SetEntry& e) { return e.key.is_null() && e.hash == -1; }
bool is_empty(const SetEntry& e) { return e.key.is_null() && e.hash == 0; }

void alloc_table(VM& vm, SetObject* s, int64_t size) {
    s->m_table = static_cast<SetEntry*>(vm.raw_alloc(size * sizeof(SetEntry)));
    for (int64_t i = 0; i < size; ++i) new (&s->m_table[i]) SetEntry{Value(), 0};
    s->m_mask = size - 1;
}

void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
    uint64_t perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    for (;;) {
        SetEntry* entry = &table[i];
        if (entry->key.is_null()) goto found;
        if (i + kLinearProbes <= mask) {
            for (int j = 0; j < kLinearProbes; ++j) {
                ++entry;
                if (entry->key.is_null()) goto found;
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = std::move(key);
        entry->hash = hash;
        return;
    }
}

void table_resize(VM& vm, SetObject* s, int64_t minused) {
    int64_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    SetEntry* old = s->m_table;
    int64_t oldmask = s->m_mask;
    alloc_table(vm, s, newsize);
    if (old) {
        if (s->m_fill != s->m_used) s->m_fill = s->m_used;
        for (int64_t i = 0; i <= oldmask; ++i) {
            if (!old[i].key.is_null()) insert_clean(s->m_table, s->m_mask, std::move(old[i].key), old[i].hash);
            old[i].~SetEntry();
        }
        vm.raw_free(old, (oldmask + 1) * sizeof(SetEntry));
    }
}

void ensure_table(VM& vm, SetObject* s) {
    if (!s->m_table) alloc_table(vm, s, kMinSize);
}

// set_lookkey: the active entry equal to key, or null. -1 on error via err.
SetEntry* lookkey(VM& vm, SetObject* s, const Value& key, int64_t hash, bool& err) {
    err = false;
    if (!s->m_table) return nullptr;
restart:
    uint64_t mask = s->m_mask;
    uint64_t perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    for (;;) {
        SetEntry* entry = &s->m_table[i];
        int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (is_empty(*entry)) return nullptr;
            if (entry->hash == hash && !entry->key.is_null()) {
                if (entry->key.identical(key)) return entry;
                if (is_str(entry->key) && is_str(key)) {
                    if (str_eq(as_str(entry->key), as_str(key))) return entry;
                } else {
                    SetEntry* table = s->m_table;
                    Value start = entry->key;
                    int c = vm.eq(start, key);
                    if (c < 0) {
                        err = true;
                        return nullptr;
                    }
                    if (table != s->m_table || !entry->key.identical(start)) goto restart;
                    if (c) return entry;
                    mask = s->m_mask;
                }
            }
            ++entry;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool add_entry(VM& vm, SetObject* s, const Value& key, int64_t hash) {
    ensure_table(vm, s);
restart:
    uint64_t mask = s->m_mask;
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    SetEntry* freeslot = nullptr;
    uint64_t perturb = static_cast<uint64_t>(hash);
    for (;;) {
        SetEntry* entry = &s->m_table[i];
        int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (is_empty(*entry)) {
                if (freeslot) {
                    ++s->m_used;
                    freeslot->key = key;
                    freeslot->hash = hash;
                    return true;
                }
                ++s->m_fill;
                ++s->m_used;
                entry->key = key;
                entry->hash = hash;
                if (static_cast<uint64_t>(s->m_fill) * 5 < mask * 3) return true;
                table_resize(vm, s, s->m_used > 50000 ? s->m_used * 2 : s->m_used * 4);
                return true;
            }
            if (entry->hash == hash && !entry->key.is_null()) {
                if (entry->key.identical(key)) return true;
                if (is_str(entry->key) && is_str(key)) {
                    if (str_eq(as_str(entry->key), as_str(key))) return true;
                } else {
                    SetEntry* table = s->m_table;
                    Value start = entry->key;
                    int c = vm.eq(start, key);
                    if (c > 0) return true;
                    if (c < 0) return false;
                    if (table != s->m_table || !entry->key.identical(start)) goto restart;
                    mask = s->m_mask;
                }
            } else if (is_dummy(*entry)) {
                if (!freeslot) freeslot = entry;
            }
            ++entry;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool merge(VM& vm, SetObject* s, SetObject* other) {
    if (other == s || other->m_used == 0) return true;
    ensure_table(vm, s);
    if ((s->m_fill + other->m_used) * 5 >= s->m_mask * 3) table_resize(vm, s, (s->m_used + other->m_used) * 2);
    if (s->m_fill == 0 && s->m_mask == other->m_mask && other->m_fill == other->m_used) {
        for (int64_t i = 0; i <= other->m_mask; ++i) {
            if (!other->m_table[i].key.is_null()) {
                s->m_table[i].key = other->m_table[i].key;
                s->m_table[i].hash = other->m_table[i].hash;
            }
        }
        s->m_fill = other->m_fill;
        s->m_used = other->m_used;
        return true;
    }
    if (s->m_fill == 0) {
        s->m_fill = other->m_used;
        s->m_used = other->m_used;
        for (int64_t i = 0; i <= other->m_mask; ++i) {
            const SetEntry& e = other->m_table[i];
            if (!e.key.is_null()) insert_clean(s->m_table, s->m_mask, e.key, e.hash);
        }
        return true;
    }
    for (int64_t i = 0; i <= other->m_mask; ++i) {
        Value k = other->m_table[i].key;
        if (!k.is_null() && !add_entry(vm, s, k, other->m_table[i].hash)) return false;
    }
    return true;
}

bool is_anyset(const Value& v) { return is_kind(v, ObjKind::Set) || is_kind(v, ObjKind::FrozenSet); }

}  // namespace

SetObject* VM::new_set(bool frozen) {
    return alloc<SetObject>(frozen ? t_frozenset : t_set, frozen ? ObjKind::FrozenSet : ObjKind::Set);
}

bool set_add(VM& vm, SetObject* s, const Value& key) {
    int64_t h = vm.hash(key);
    if (h == -1 && vm.has_exc()) return false;
    return add_entry(vm, s, key, h);
}

int set_contains(VM& vm, SetObject* s, const Value& key) {
    int64_t h = vm.hash(key);
    if (h == -1 && vm.has_exc()) {
        // CPython retries an unhashable set key as a frozenset.
        if (is_kind(key, ObjKind::Set) && vm.exc_matches(vm.e_TypeError)) {
            vm.clear_exc();
            SetObject* f = vm.new_set(true);
            Value fv = Value::steal(f);
            merge(vm, f, key.as<SetObject>());
            return set_contains(vm, s, fv);
        }
        return -1;
    }
    bool err;
    SetEntry* e = lookkey(vm, s, key, h, err);
    if (err) return -1;
    return e ? 1 : 0;
}

int set_discard(VM& vm, SetObject* s, const Value& key) {
    int64_t h = vm.hash(key);
    if (h == -1 && vm.has_exc()) return -1;
    bool err;
    SetEntry* e = lookkey(vm, s, key, h, err);
    if (err) return -1;
    if (!e) return 0;
    Value old = std::move(e->key);
    e->key = Value();
    e->hash = -1;
    --s->m_used;
    return 1;
}

bool set_update(VM& vm, SetObject* s, const Value& iterable) {
    if (is_anyset(iterable)) return merge(vm, s, iterable.as<SetObject>());
    if (is_kind(iterable, ObjKind::Dict)) {
        auto* d = iterable.as<DictObject>();
        ensure_table(vm, s);
        if ((s->m_fill + d->m_used) * 5 >= s->m_mask * 3) table_resize(vm, s, (s->m_used + d->m_used) * 2);
        uint32_t pos = 0;
        Value *k, *v;
        while (dict_next(d, pos, k, v)) {
            Value kk = *k;
            if (!add_entry(vm, s, kk, d->m_entries[pos - 1].hash)) return false;
        }
        return true;
    }
    Value it = vm.get_iter(iterable);
    if (it.is_null()) return false;
    for (;;) {
        Value v = vm.iter_next(it);
        if (v.is_null()) return !vm.has_exc();
        if (!set_add(vm, s, v)) return false;
        if (vm.memory_exceeded()) {  // set(range(10**10)) ends here, not after
            vm.raise(vm.e_MemoryError, "");
            return false;
        }
    }
}

bool set_next(SetObject* s, int64_t& pos, Value*& key) {
    if (!s->m_table) return false;
    while (pos <= s->m_mask) {
        SetEntry& e = s->m_table[pos++];
        if (!e.key.is_null()) {
            key = &e.key;
            return true;
        }
    }
    return false;
}

static SetObject* copy_of(VM& vm, SetObject* s, bool frozen) {
    SetObject* r = vm.new_set(frozen);
    merge(vm, r, s);
    return r;
}

static bool contains_entry(VM& vm, SetObject* s, const Value& key, int64_t hash, int& out) {
    bool err;
    SetEntry* e = lookkey(vm, s, key, hash, err);
    if (err) return false;
    out = e ? 1 : 0;
    return true;
}

static Value intersection(VM& vm, SetObject* so, SetObject* other, bool frozen) {
    SetObject* result = vm.new_set(frozen);
    Value rv = Value::steal(result);
    if (so == other) {
        merge(vm, result, so);
        return rv;
    }
    if (other->m_used > so->m_used) std::swap(so, other);
    int64_t pos = 0;
    Value* k;
    while (set_next(other, pos, k)) {
        Value key = *k;
        int64_t h = other->m_table[pos - 1].hash;
        int c;
        if (!contains_entry(vm, so, key, h, c)) return Value();
        if (c && !add_entry(vm, result, key, h)) return Value();
    }
    return rv;
}

static Value difference(VM& vm, SetObject* so, SetObject* other, bool frozen) {
    if ((so->m_used >> 2) > other->m_used) {
        SetObject* r = copy_of(vm, so, frozen);
        Value rv = Value::steal(r);
        int64_t pos = 0;
        Value* k;
        while (set_next(other, pos, k)) {
            Value key = *k;
            if (set_discard(vm, r, key) < 0) return Value();
        }
        return rv;
    }
    SetObject* result = vm.new_set(frozen);
    Value rv = Value::steal(result);
    int64_t pos = 0;
    Value* k;
    while (set_next(so, pos, k)) {
        Value key = *k;
        int64_t h = so->m_table[pos - 1].hash;
        int c;
        if (!contains_entry(vm, other, key, h, c)) return Value();
        if (!c && !add_entry(vm, result, key, h)) return Value();
    }
    return rv;
}

static bool symmetric_update(VM& vm, SetObject* so, SetObject* other) {
    if (so == other) {
        std::vector<Value> keys;
        int64_t pos = 0;
        Value* k;
        while (set_next(so, pos, k)) keys.push_back(*k);
        for (auto& key : keys) set_discard(vm, so, key);
        return true;
    }
    int64_t pos = 0;
    Value* k;
    while (set_next(other, pos, k)) {
        Value key = *k;
        int64_t h = other->m_table[pos - 1].hash;
        bool err;
        SetEntry* e = lookkey(vm, so, key, h, err);
        if (err) return false;
        if (e) {
            Value old = std::move(e->key);
            e->key = Value();
            e->hash = -1;
            --so->m_used;
        } else if (!add_entry(vm, so, key, h)) {
            return false;
        }
    }
    return true;
}

static void replace_contents(VM& vm, SetObject* dst, SetObject* src) {
    // Swap tables (set_intersection_update's set_swap_bodies).
    std::swap(dst->m_table, src->m_table);
    std::swap(dst->m_fill, src->m_fill);
    std::swap(dst->m_used, src->m_used);
    std::swap(dst->m_mask, src->m_mask);
    (void)vm;
}

Value set_binop(VM& vm, BinOp op, SetObject* a, SetObject* b, bool inplace) {
    bool frozen = kind_of(a) == ObjKind::FrozenSet;
    switch (op) {
    case BinOp::Or: {
        if (inplace) {
            if (!merge(vm, a, b)) return Value();
            return Value::object(a);
        }
        SetObject* r = copy_of(vm, a, frozen);
        Value rv = Value::steal(r);
        if (!merge(vm, r, b)) return Value();
        return rv;
    }
    case BinOp::And: {
        Value r = intersection(vm, a, b, frozen);
        if (r.is_null() || !inplace) return r;
        replace_contents(vm, a, r.as<SetObject>());
        return Value::object(a);
    }
    case BinOp::Sub: {
        if (inplace) {
            if (a == b) {
                SetObject* empty = vm.new_set(false);
                Value ev = Value::steal(empty);
                replace_contents(vm, a, empty);
                return Value::object(a);
            }
            int64_t pos = 0;
            Value* k;
            while (set_next(b, pos, k)) {
                Value key = *k;
                if (set_discard(vm, a, key) < 0) return Value();
            }
            return Value::object(a);
        }
        return difference(vm, a, b, frozen);
    }
    case BinOp::Xor: {
        if (inplace) {
            if (!symmetric_update(vm, a, b)) return Value();
            return Value::object(a);
        }
        SetObject* r = copy_of(vm, b, frozen);
        Value rv = Value::steal(r);
        if (!symmetric_update(vm, r, a)) return Value();
        return rv;
    }
    default:
        return vm.m_notimplemented;
    }
}

// issubset: every element of a is in b.
static int subset(VM& vm, SetObject* a, SetObject* b) {
    if (a->m_used > b->m_used) return 0;
    int64_t pos = 0;
    Value* k;
    while (set_next(a, pos, k)) {
        Value key = *k;
        int c;
        if (!contains_entry(vm, b, key, a->m_table[pos - 1].hash, c)) return -1;
        if (!c) return 0;
    }
    return 1;
}

Value set_compare(VM& vm, SetObject* a, SetObject* b, int op) {
    int r;
    switch (op) {
    case 0:  // ==
        if (a->m_used != b->m_used) return Value::boolean(false);
        r = subset(vm, a, b);
        break;
    case 1:
        if (a->m_used != b->m_used) return Value::boolean(true);
        r = subset(vm, a, b);
        if (r >= 0) r = !r;
        break;
    case 2:
        r = a->m_used < b->m_used ? subset(vm, a, b) : 0;
        break;
    case 3:
        r = subset(vm, a, b);
        break;
    case 4:
        r = b->m_used < a->m_used ? subset(vm, b, a) : 0;
        break;
    default:
        r = subset(vm, b, a);
        break;
    }
    if (r < 0) return Value();
    return Value::boolean(r != 0);
}

int64_t set_hash(VM& vm, SetObject* s) {
    // CPython's frozenset_hash.
    (void)vm;
    uint64_t hash = 0;
    int64_t pos = 0;
    Value* k;
    while (set_next(s, pos, k)) {
        uint64_t h = static_cast<uint64_t>(s->m_table[pos - 1].hash);
        hash ^= ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
    }
    hash ^= (static_cast<uint64_t>(s->m_used) + 1) * 1927868237ull;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923ull;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713ull;
    return static_cast<int64_t>(hash);
}

// [SECTION] Methods

namespace {

SetObject* self_set(Value* a) { return a[0].as<SetObject>(); }

// Converts an arbitrary iterable argument to a (temporary) set.
Value as_set(VM& vm, const Value& v) {
    if (is_anyset(v)) return v;
    SetObject* s = vm.new_set(false);
    Value sv = Value::steal(s);
    if (!set_update(vm, s, v)) return Value();
    return sv;
}

Value st_add(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "add", kw)) return Value();
    if (n != 2) return vm.raisef(vm.e_TypeError, "set.add() takes exactly one argument (%d given)", n - 1);
    if (!set_add(vm, self_set(a), a[1])) return Value();
    return Value::none();
}
Value st_remove(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "remove", kw)) return Value();
    if (n != 2) return vm.raisef(vm.e_TypeError, "set.remove() takes exactly one argument (%d given)", n - 1);
    int r = set_discard(vm, self_set(a), a[1]);
    if (r < 0) return Value();
    if (r == 0) return vm.raise_args(vm.e_KeyError, a[1]);
    return Value::none();
}
Value st_discard(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "discard", kw)) return Value();
    if (n != 2) return vm.raisef(vm.e_TypeError, "set.discard() takes exactly one argument (%d given)", n - 1);
    if (set_discard(vm, self_set(a), a[1]) < 0) return Value();
    return Value::none();
}
Value st_pop(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "pop", kw)) return Value();
    SetObject* s = self_set(a);
    if (s->m_used == 0) return vm.raise(vm.e_KeyError, "pop from an empty set");
    int64_t i = s->m_finger & s->m_mask;
    while (s->m_table[i].key.is_null()) {
        ++i;
        if (i > s->m_mask) i = 0;
    }
    Value key = std::move(s->m_table[i].key);
    s->m_table[i].key = Value();
    s->m_table[i].hash = -1;
    --s->m_used;
    s->m_finger = i + 1;
    return key;
}
Value st_clear(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "clear", kw)) return Value();
    SetObject* s = self_set(a);
    SetObject* empty = vm.new_set(false);
    Value ev = Value::steal(empty);
    replace_contents(vm, s, empty);
    return Value::none();
}
Value st_copy(VM& vm, Value* a, int, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "copy", kw)) return Value();
    if (kind_of(a[0].as_obj()) == ObjKind::FrozenSet) return a[0];
    return Value::steal(copy_of(vm, self_set(a), false));
}
Value st_update(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "update", kw)) return Value();
    for (int i = 1; i < n; ++i)
        if (!set_update(vm, self_set(a), a[i])) return Value();
    return Value::none();
}
Value st_union(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "union", kw)) return Value();
    SetObject* r = copy_of(vm, self_set(a), kind_of(a[0].as_obj()) == ObjKind::FrozenSet);
    Value rv = Value::steal(r);
    for (int i = 1; i < n; ++i)
        if (!set_update(vm, r, a[i])) return Value();
    return rv;
}
Value st_intersection(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "intersection", kw)) return Value();
    Value cur = Value::steal(copy_of(vm, self_set(a), kind_of(a[0].as_obj()) == ObjKind::FrozenSet));
    for (int i = 1; i < n; ++i) {
        Value o = as_set(vm, a[i]);
        if (o.is_null()) return Value();
        cur = intersection(vm, cur.as<SetObject>(), o.as<SetObject>(), kind_of(a[0].as_obj()) == ObjKind::FrozenSet);
        if (cur.is_null()) return Value();
    }
    return cur;
}
Value st_difference(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "difference", kw)) return Value();
    Value cur = Value::steal(copy_of(vm, self_set(a), kind_of(a[0].as_obj()) == ObjKind::FrozenSet));
    for (int i = 1; i < n; ++i) {
        Value o = as_set(vm, a[i]);
        if (o.is_null()) return Value();
        cur = difference(vm, cur.as<SetObject>(), o.as<SetObject>(), kind_of(a[0].as_obj()) == ObjKind::FrozenSet);
        if (cur.is_null()) return Value();
    }
    return cur;
}
Value st_symdiff(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "symmetric_difference", kw)) return Value();
    if (n != 2) return vm.raise(vm.e_TypeError, "symmetric_difference() takes exactly one argument");
    Value o = as_set(vm, a[1]);
    if (o.is_null()) return Value();
    return set_binop(vm, BinOp::Xor, self_set(a), o.as<SetObject>(), false);
}
Value st_intersection_update(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "intersection_update", kw)) return Value();
    for (int i = 1; i < n; ++i) {
        Value o = as_set(vm, a[i]);
        if (o.is_null() || set_binop(vm, BinOp::And, self_set(a), o.as<SetObject>(), true).is_null()) return Value();
    }
    return Value::none();
}
Value st_difference_update(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "difference_update", kw)) return Value();
    for (int i = 1; i < n; ++i) {
        Value o = as_set(vm, a[i]);
        if (o.is_null() || set_binop(vm, BinOp::Sub, self_set(a), o.as<SetObject>(), true).is_null()) return Value();
    }
    return Value::none();
}
Value st_symdiff_update(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "symmetric_difference_update", kw)) return Value();
    if (n != 2) return vm.raise(vm.e_TypeError, "symmetric_difference_update() takes exactly one argument");
    Value o = as_set(vm, a[1]);
    if (o.is_null() || set_binop(vm, BinOp::Xor, self_set(a), o.as<SetObject>(), true).is_null()) return Value();
    return Value::none();
}
Value st_issubset(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "issubset", kw) || n != 2)
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "issubset() takes exactly one argument");
    Value o = as_set(vm, a[1]);
    if (o.is_null()) return Value();
    return set_compare(vm, self_set(a), o.as<SetObject>(), 3);
}
Value st_issuperset(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "issuperset", kw) || n != 2)
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "issuperset() takes exactly one argument");
    Value o = as_set(vm, a[1]);
    if (o.is_null()) return Value();
    return set_compare(vm, self_set(a), o.as<SetObject>(), 5);
}
Value st_isdisjoint(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "isdisjoint", kw) || n != 2)
        return vm.has_exc() ? Value() : vm.raise(vm.e_TypeError, "isdisjoint() takes exactly one argument");
    Value o = as_set(vm, a[1]);
    if (o.is_null()) return Value();
    Value r = intersection(vm, self_set(a), o.as<SetObject>(), false);
    if (r.is_null()) return Value();
    return Value::boolean(r.as<SetObject>()->m_used == 0);
}

Value set_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    bool frozen = VM::is_subtype(t, vm.t_frozenset);
    if (!no_kwargs(vm, frozen ? "frozenset" : "set", kw)) return Value();
    if (nargs > 1)
        return vm.raisef(vm.e_TypeError, "%s expected at most 1 argument, got %d", frozen ? "frozenset" : "set", nargs);
    if (frozen && nargs == 1 && is_kind(args[0], ObjKind::FrozenSet) && t == vm.t_frozenset) return args[0];
    SetObject* s = vm.alloc<SetObject>(t, frozen ? ObjKind::FrozenSet : ObjKind::Set);
    Value sv = Value::steal(s);
    if (t != vm.t_set && !frozen) return sv;  // subclasses fill in __init__
    if (nargs == 1 && !set_update(vm, s, args[0])) return Value();
    return sv;
}

Value st_init(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n > 1 && !set_update(vm, self_set(a), a[1])) return Value();
    return Value::none();
}

}  // namespace

void init_set_type(VM& vm) {
    vm.t_set->m_new = set_new;
    vm.t_frozenset->m_new = set_new;
    struct {
        const char* n;
        NativeFn f;
        bool mut;
    } methods[] = {
        {"add", st_add, true},
        {"remove", st_remove, true},
        {"discard", st_discard, true},
        {"pop", st_pop, true},
        {"clear", st_clear, true},
        {"copy", st_copy, false},
        {"update", st_update, true},
        {"union", st_union, false},
        {"intersection", st_intersection, false},
        {"difference", st_difference, false},
        {"symmetric_difference", st_symdiff, false},
        {"intersection_update", st_intersection_update, true},
        {"difference_update", st_difference_update, true},
        {"symmetric_difference_update", st_symdiff_update, true},
        {"issubset", st_issubset, false},
        {"issuperset", st_issuperset, false},
        {"isdisjoint", st_isdisjoint, false},
    };
    vm.add_method(vm.t_set, "__init__", st_init);
    for (auto& m : methods) {
        vm.add_method(vm.t_set, m.n, m.f);
        if (!m.mut) vm.add_method(vm.t_frozenset, m.n, m.f);
    }
}

}  // namespace aio::script
