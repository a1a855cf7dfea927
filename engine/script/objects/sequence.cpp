// sequence.cpp — tuple, list, range and slice: storage, indexing, methods.
//
// Contents
//   [SECTION] Indices and slices
//   [SECTION] Tuple
//   [SECTION] List storage and sorting
//   [SECTION] List methods
//   [SECTION] Range and slice objects
#include <algorithm>
#include <cstring>

#include "objects/runtime.hpp"

namespace aio::script {

// [SECTION] Indices and slices

bool normalize_index(VM& vm, const Value& key, int64_t len, int64_t& out, const char* what) {
    int64_t i;
    if (key.is_intlike()) {
        i = key.as_intlike();
    } else if (is_bigint(key)) {
        vm.raise(vm.e_IndexError, "cannot fit 'int' into an index-sized integer");
        return false;
    } else if (!vm.index_of(key, i)) {
        if (!vm.has_exc()) {
            if (std::strcmp(what, "string") == 0)
                vm.raisef(vm.e_TypeError, "string indices must be integers, not '%s'", type_name(key).c_str());
            else
                vm.raisef(vm.e_TypeError, "%s indices must be integers or slices, not %s", what,
                          type_name(key).c_str());
        }
        return false;
    }
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        vm.raisef(vm.e_IndexError, "%s index out of range", what);
        return false;
    }
    out = i;
    return true;
}

static bool slice_part(VM& vm, const Value& v, int64_t& out) {
    if (v.is_intlike()) {
        out = v.as_intlike();
        return true;
    }
    if (vm.index_of(v, out)) return true;
    if (!vm.has_exc()) vm.raise(vm.e_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

bool slice_indices(VM& vm, SliceObject* s, int64_t len, int64_t& start, int64_t& stop, int64_t& step, int64_t& count) {
    step = 1;
    if (!s->m_step.is_none() && !s->m_step.is_null()) {
        if (!slice_part(vm, s->m_step, step)) return false;
        if (step == 0) {
            vm.raise(vm.e_ValueError, "slice step cannot be zero");
            return false;
        }
    }
    int64_t def_start = step < 0 ? len - 1 : 0;
    int64_t def_stop = step < 0 ? -1 : len;
    if (s->m_start.is_none() || s->m_start.is_null()) {
        start = def_start;
    } else {
        if (!slice_part(vm, s->m_start, start)) return false;
        if (start < 0) {
            start += len;
            if (start < 0) start = step < 0 ? -1 : 0;
        } else if (start >= len) {
            start = step < 0 ? len - 1 : len;
        }
    }
    if (s->m_stop.is_none() || s->m_stop.is_null()) {
        stop = def_stop;
    } else {
        if (!slice_part(vm, s->m_stop, stop)) return false;
        if (stop < 0) {
            stop += len;
            if (stop < 0) stop = step < 0 ? -1 : 0;
        } else if (stop >= len) {
            stop = step < 0 ? len - 1 : len;
        }
    }
    if (step < 0)
        count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    else
        count = start < stop ? (stop - start - 1) / step + 1 : 0;
    return true;
}

Value seq_compare(VM& vm, const Value* a, size_t na, const Value* b, size_t nb, int op) {
    // Find the first differing element (by ==), then compare it with op.
    size_t n = std::min(na, nb);
    for (size_t i = 0; i < n; ++i) {
        if (a[i].identical(b[i])) continue;
        int e = vm.eq(a[i], b[i]);
        if (e < 0) return Value();
        if (!e) {
            if (op == 0) return Value::boolean(false);  // Eq
            if (op == 1) return Value::boolean(true);   // NotEq
            return vm.compare(op, a[i], b[i]);
        }
    }
    bool r;
    switch (op) {
    case 0:
        r = na == nb;
        break;
    case 1:
        r = na != nb;
        break;
    case 2:
        r = na < nb;
        break;
    case 3:
        r = na <= nb;
        break;
    case 4:
        r = na > nb;
        break;
    default:
        r = na >= nb;
        break;
    }
    return Value::boolean(r);
}

// [SECTION] Tuple

TupleObject* VM::new_tuple(size_t n) {
    auto* t = alloc<TupleObject>(t_tuple, ObjKind::Tuple, n * sizeof(Value));
    t->m_size = static_cast<uint32_t>(n);
    t->m_hash = -1;
    for (size_t i = 0; i < n; ++i) new (&t->items()[i]) Value();
    return t;
}

Value VM::tuple(std::initializer_list<Value> items) {
    TupleObject* t = new_tuple(items.size());
    size_t i = 0;
    for (const Value& v : items) t->items()[i++] = v;
    return Value::steal(t);
}

Value tuple_from_vector(VM& vm, std::vector<Value>& items) {
    if (items.empty() && !vm.m_empty_tuple.is_null()) return vm.m_empty_tuple;
    TupleObject* t = vm.new_tuple(items.size());
    for (size_t i = 0; i < items.size(); ++i) t->items()[i] = std::move(items[i]);
    return Value::steal(t);
}

Value tuple_getitem(VM& vm, TupleObject* t, const Value& key) {
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), t->m_size, start, stop, step, count)) return Value();
        if (step == 1 && start == 0 && count == t->m_size) return Value::object(t);
        TupleObject* r = vm.new_tuple(count);
        for (int64_t i = 0, j = start; i < count; ++i, j += step) r->items()[i] = t->items()[j];
        return Value::steal(r);
    }
    int64_t i;
    if (!normalize_index(vm, key, t->m_size, i, "tuple")) return Value();
    return t->items()[i];
}

int64_t tuple_hash(VM& vm, TupleObject* t) {
    // CPython's xxHash-based tuplehash (3.8+).
    if (t->m_hash != -1) return t->m_hash;
    const uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull, P5 = 2870177450012600261ull;
    uint64_t acc = P5;
    for (uint32_t i = 0; i < t->m_size; ++i) {
        int64_t h = vm.hash(t->items()[i]);
        if (h == -1 && vm.has_exc()) return -1;
        acc += static_cast<uint64_t>(h) * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += t->m_size ^ (P5 ^ 3527539ull);
    if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
    t->m_hash = static_cast<int64_t>(acc);
    return t->m_hash;
}

namespace {

Value t_index(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "index", kw)) return Value();
    if (n < 2) return vm.raise(vm.e_TypeError, "index expected at least 1 argument, got 0");
    auto* t = a[0].as<TupleObject>();
    for (uint32_t i = 0; i < t->m_size; ++i) {
        int e = vm.eq(t->items()[i], a[1]);
        if (e < 0) return Value();
        if (e) return Value::integer(i);
    }
    return vm.raise(vm.e_ValueError, "tuple.index(x): x not in tuple");
}

Value t_count(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "count", kw)) return Value();
    if (n != 2) return vm.raise(vm.e_TypeError, "count() takes exactly one argument");
    auto* t = a[0].as<TupleObject>();
    int64_t c = 0;
    for (uint32_t i = 0; i < t->m_size; ++i) {
        int e = vm.eq(t->items()[i], a[1]);
        if (e < 0) return Value();
        c += e;
    }
    return Value::integer(c);
}

Value tuple_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "tuple", kw)) return Value();
    if (nargs > 1) return vm.raisef(vm.e_TypeError, "tuple expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return vm.m_empty_tuple;
    if (is_kind(args[0], ObjKind::Tuple)) return args[0];
    std::vector<Value> items;
    if (!vm.to_list(args[0], items)) return Value();
    return tuple_from_vector(vm, items);
}

}  // namespace

// [SECTION] List storage and sorting

ListObject* VM::new_list(size_t reserve) {
    auto* l = alloc<ListObject>(t_list, ObjKind::List);
    if (reserve) list_reserve(*this, l, static_cast<uint32_t>(reserve));
    return l;
}

void list_reserve(VM& vm, ListObject* l, uint32_t cap) {
    if (cap <= l->m_cap) return;
    l->m_items = static_cast<Value*>(vm.raw_realloc(l->m_items, l->m_cap * sizeof(Value), cap * sizeof(Value)));
    // Values are relocatable (no self-pointers), so realloc is safe.
    for (uint32_t i = l->m_cap; i < cap; ++i) new (&l->m_items[i]) Value();
    l->m_cap = cap;
}

bool list_append(VM& vm, ListObject* l, Value v) {
    if (l->m_size == l->m_cap) {
        uint32_t cap = l->m_cap < 4 ? 4 : l->m_cap + (l->m_cap >> 1) + 1;
        list_reserve(vm, l, cap);
    }
    l->m_items[l->m_size++] = std::move(v);
    return true;
}

// Small growth is left to the loop's memory checks (back edges, calls): a check
// per append would cost the common case, and overshooting by 64 KB is harmless.
constexpr uint64_t kCheckedGrowthBytes = 64 * 1024;

bool list_growth_fits(VM& vm, const ListObject* l, uint64_t cap) {
    if (cap <= l->m_cap) return true;
    uint64_t extra = (cap - l->m_cap) * sizeof(Value);
    if (cap > UINT32_MAX) {  // past what m_cap can count, and far past any limit
        vm.raise(vm.e_MemoryError, "");
        return false;
    }
    if (extra < kCheckedGrowthBytes) return true;
    return vm.reserve_memory(static_cast<size_t>(extra));
}

bool list_append_checked(VM& vm, ListObject* l, Value v) {
    if (l->m_size == l->m_cap && !list_growth_fits(vm, l, uint64_t(l->m_cap) + (l->m_cap >> 1) + 1)) return false;
    return list_append(vm, l, std::move(v));
}

bool list_extend(VM& vm, ListObject* l, const Value& iterable) {
    if (is_kind(iterable, ObjKind::List) || is_kind(iterable, ObjKind::Tuple)) {
        bool is_list = is_kind(iterable, ObjKind::List);
        uint32_t n = is_list ? iterable.as<ListObject>()->m_size : iterable.as<TupleObject>()->m_size;
        if (!list_growth_fits(vm, l, uint64_t(l->m_size) + n)) return false;
        list_reserve(vm, l, l->m_size + n);
        // The source is read after the reserve: for x.extend(x) the realloc
        // has moved the very items being copied. Only the original n are read.
        const Value* src = is_list ? iterable.as<ListObject>()->m_items : iterable.as<TupleObject>()->items();
        for (uint32_t i = 0; i < n; ++i) l->m_items[l->m_size++] = src[i];
        return true;
    }
    Value it = vm.get_iter(iterable);
    if (it.is_null()) return false;
    for (;;) {
        Value v = vm.iter_next(it);
        if (v.is_null()) return !vm.has_exc();
        if (!list_append_checked(vm, l, std::move(v))) return false;
        if (vm.memory_exceeded()) {
            vm.raise(vm.e_MemoryError, "");
            return false;
        }
    }
}

Value list_from_iterable(VM& vm, const Value& iterable) {
    ListObject* l = vm.new_list();
    Value lv = Value::steal(l);
    if (!list_extend(vm, l, iterable)) return Value();
    return lv;
}

Value list_getitem(VM& vm, ListObject* l, const Value& key) {
    if (key.is_int()) {
        int64_t i = key.as_int();
        if (i < 0) i += l->m_size;
        if (i < 0 || i >= l->m_size) return vm.raise(vm.e_IndexError, "list index out of range");
        return l->m_items[i];
    }
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), l->m_size, start, stop, step, count)) return Value();
        ListObject* r = vm.new_list(count);
        for (int64_t i = 0, j = start; i < count; ++i, j += step) r->m_items[i] = l->m_items[j];
        r->m_size = static_cast<uint32_t>(count);
        return Value::steal(r);
    }
    int64_t i;
    if (!normalize_index(vm, key, l->m_size, i, "list")) return Value();
    return l->m_items[i];
}

bool list_setitem(VM& vm, ListObject* l, const Value& key, const Value& v) {
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), l->m_size, start, stop, step, count)) return false;
        std::vector<Value> items;
        if (!vm.to_list(v, items)) {
            if (vm.exc_matches(vm.e_TypeError)) {
                vm.clear_exc();
                vm.raise(vm.e_TypeError, "can only assign an iterable");
            }
            return false;
        }
        if (step == 1) {
            if (stop < start) stop = start;
            std::vector<Value> all(l->m_items, l->m_items + l->m_size);
            std::vector<Value> out;
            out.reserve(all.size() - (stop - start) + items.size());
            for (int64_t i = 0; i < start; ++i) out.push_back(std::move(all[i]));
            for (auto& x : items) out.push_back(std::move(x));
            for (int64_t i = stop; i < static_cast<int64_t>(all.size()); ++i) out.push_back(std::move(all[i]));
            for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i] = Value();
            l->m_size = 0;
            list_reserve(vm, l, static_cast<uint32_t>(out.size()));
            for (auto& x : out) l->m_items[l->m_size++] = std::move(x);
            return true;
        }
        if (static_cast<int64_t>(items.size()) != count) {
            vm.raisef(vm.e_ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld",
                      items.size(), static_cast<long long>(count));
            return false;
        }
        for (int64_t i = 0, j = start; i < count; ++i, j += step) l->m_items[j] = items[i];
        return true;
    }
    int64_t i;
    if (!normalize_index(vm, key, l->m_size, i, "list")) {
        if (vm.exc_matches(vm.e_IndexError)) {
            vm.clear_exc();
            vm.raise(vm.e_IndexError, "list assignment index out of range");
        }
        return false;
    }
    l->m_items[i] = v;
    return true;
}

static void list_remove_range(ListObject* l, int64_t start, int64_t n) {
    for (int64_t i = start; i + n < l->m_size; ++i) l->m_items[i] = std::move(l->m_items[i + n]);
    for (int64_t i = l->m_size - n; i < l->m_size; ++i) l->m_items[i] = Value();
    l->m_size -= static_cast<uint32_t>(n);
}

bool list_delitem(VM& vm, ListObject* l, const Value& key) {
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), l->m_size, start, stop, step, count)) return false;
        if (count == 0) return true;
        if (step < 0) {
            start = start + step * (count - 1);
            step = -step;
        }
        std::vector<bool> del(l->m_size, false);
        for (int64_t i = 0, j = start; i < count; ++i, j += step) del[j] = true;
        uint32_t w = 0;
        std::vector<Value> dropped;
        for (uint32_t r = 0; r < l->m_size; ++r) {
            if (del[r])
                dropped.push_back(std::move(l->m_items[r]));
            else
                l->m_items[w++] = std::move(l->m_items[r]);
        }
        for (uint32_t i = w; i < l->m_size; ++i) l->m_items[i] = Value();
        l->m_size = w;
        return true;
    }
    int64_t i;
    if (!normalize_index(vm, key, l->m_size, i, "list")) {
        if (vm.exc_matches(vm.e_IndexError)) {
            vm.clear_exc();
            vm.raise(vm.e_IndexError, "list assignment index out of range");
        }
        return false;
    }
    Value old = std::move(l->m_items[i]);
    list_remove_range(l, i, 1);
    return true;
}

namespace {

// Stable merge sort where `less` may fail (returns -1).
template <class Less>
bool merge_sort(std::vector<size_t>& idx, Less less) {
    std::vector<size_t> tmp(idx.size());
    for (size_t width = 1; width < idx.size(); width *= 2) {
        for (size_t lo = 0; lo < idx.size(); lo += 2 * width) {
            size_t mid = std::min(lo + width, idx.size()), hi = std::min(lo + 2 * width, idx.size());
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int r = less(idx[j], idx[i]);  // take right only if strictly less (stability)
                if (r < 0) return false;
                tmp[k++] = r ? idx[j++] : idx[i++];
            }
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
        }
        idx.swap(tmp);
    }
    return true;
}

}  // namespace

bool list_sort(VM& vm, ListObject* l, const Value& key, bool reverse) {
    // Take the items out while sorting (CPython does the same, and reports
    // mutation during the sort).
    std::vector<Value> items(l->m_size);
    for (uint32_t i = 0; i < l->m_size; ++i) items[i] = std::move(l->m_items[i]);
    uint32_t n = l->m_size;
    l->m_size = 0;
    auto restore = [&](std::vector<Value>& src) {
        bool modified = l->m_size != 0;
        for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i] = Value();
        l->m_size = 0;
        list_reserve(vm, l, static_cast<uint32_t>(src.size()));
        for (auto& v : src) l->m_items[l->m_size++] = std::move(v);
        return modified;
    };
    std::vector<Value> keys;
    if (!key.is_null() && !key.is_none()) {
        keys.reserve(n);
        for (uint32_t i = 0; i < n; ++i) {
            Value k = vm.call(key, &items[i], 1);
            if (k.is_null()) {
                restore(items);
                return false;
            }
            keys.push_back(std::move(k));
        }
    }
    std::vector<Value>& ks = keys.empty() ? items : keys;
    if (reverse) {
        std::reverse(items.begin(), items.end());
        if (!keys.empty()) std::reverse(keys.begin(), keys.end());
    }
    std::vector<size_t> idx(n);
    for (size_t i = 0; i < n; ++i) idx[i] = i;
    bool all_int = true, all_float = true, all_str = true;
    for (auto& k : ks) {
        if (!k.is_int()) all_int = false;
        if (!k.is_float()) all_float = false;
        if (!is_str(k)) all_str = false;
    }
    bool ok;
    if (all_int)
        ok = merge_sort(idx, [&](size_t a, size_t b) { return ks[a].as_int() < ks[b].as_int() ? 1 : 0; });
    else if (all_float)
        ok = merge_sort(idx, [&](size_t a, size_t b) { return ks[a].as_float() < ks[b].as_float() ? 1 : 0; });
    else if (all_str)
        ok = merge_sort(idx, [&](size_t a, size_t b) { return str_compare(as_str(ks[a]), as_str(ks[b])) < 0 ? 1 : 0; });
    else
        ok = merge_sort(idx, [&](size_t a, size_t b) { return vm.compare_bool(2, ks[a], ks[b]); });
    if (!ok) {
        if (reverse) std::reverse(items.begin(), items.end());
        restore(items);
        return false;
    }
    std::vector<Value> sorted(n);
    for (size_t i = 0; i < n; ++i) sorted[i] = std::move(items[idx[i]]);
    if (reverse) std::reverse(sorted.begin(), sorted.end());
    if (restore(sorted)) {
        vm.raise(vm.e_ValueError, "list modified during sort");
        return false;
    }
    return true;
}

// [SECTION] List methods

namespace {

ListObject* self_list(Value* a) { return a[0].as<ListObject>(); }

bool arity(VM& vm, const char* name, int got, int lo, int hi, TupleObject* kw) {
    if (!no_kwargs(vm, name, kw)) return false;
    if (got >= lo && got <= hi) return true;
    if (lo == hi && lo == 0)
        vm.raisef(vm.e_TypeError, "list.%s() takes no arguments (%d given)", name, got);
    else if (lo == hi)
        vm.raisef(vm.e_TypeError, "list.%s() takes exactly one argument (%d given)", name, got);
    else if (got < lo)
        vm.raisef(vm.e_TypeError, "%s expected at least %d argument%s, got %d", name, lo, lo == 1 ? "" : "s", got);
    else
        vm.raisef(vm.e_TypeError, "%s expected at most %d argument%s, got %d", name, hi, hi == 1 ? "" : "s", got);
    return false;
}

Value l_append(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "append", n - 1, 1, 1, kw)) return Value();
    if (!list_append_checked(vm, self_list(a), a[1])) return Value();
    return Value::none();
}
Value l_extend(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "extend", n - 1, 1, 1, kw)) return Value();
    if (!list_extend(vm, self_list(a), a[1])) return Value();
    return Value::none();
}
Value l_insert(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "insert", kw)) return Value();
    if (n - 1 != 2) return vm.raisef(vm.e_TypeError, "insert expected 2 arguments, got %d", n - 1);
    ListObject* l = self_list(a);
    int64_t i;
    if (!int_from_value(vm, a[1], i, "index")) return Value();
    if (i < 0) i = std::max<int64_t>(0, i + l->m_size);
    if (i > l->m_size) i = l->m_size;
    if (!list_append_checked(vm, l, Value::none())) return Value();
    for (int64_t k = l->m_size - 1; k > i; --k) l->m_items[k] = std::move(l->m_items[k - 1]);
    l->m_items[i] = a[2];
    return Value::none();
}
Value l_pop(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "pop", n - 1, 0, 1, kw)) return Value();
    ListObject* l = self_list(a);
    if (l->m_size == 0) return vm.raise(vm.e_IndexError, "pop from empty list");
    int64_t i = l->m_size - 1;
    if (n > 1) {
        if (!int_from_value(vm, a[1], i, "index")) return Value();
        if (i < 0) i += l->m_size;
        if (i < 0 || i >= l->m_size) return vm.raise(vm.e_IndexError, "pop index out of range");
    }
    Value v = std::move(l->m_items[i]);
    list_remove_range(l, i, 1);
    return v;
}
Value l_remove(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "remove", n - 1, 1, 1, kw)) return Value();
    ListObject* l = self_list(a);
    for (uint32_t i = 0; i < l->m_size; ++i) {
        Value item = l->m_items[i];
        int e = vm.eq(item, a[1]);
        if (e < 0) return Value();
        if (e) {
            if (i < l->m_size) {
                Value old = std::move(l->m_items[i]);
                list_remove_range(l, i, 1);
            }
            return Value::none();
        }
    }
    return vm.raise(vm.e_ValueError, "list.remove(x): x not in list");
}
Value l_index(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "index", n - 1, 1, 3, kw)) return Value();
    ListObject* l = self_list(a);
    int64_t start = 0, stop = l->m_size;
    if (n > 2 && !int_from_value(vm, a[2], start, "start")) return Value();
    if (n > 3 && !int_from_value(vm, a[3], stop, "stop")) return Value();
    if (start < 0) start = std::max<int64_t>(0, start + l->m_size);
    if (stop < 0) stop = std::max<int64_t>(0, stop + l->m_size);
    for (int64_t i = start; i < stop && i < l->m_size; ++i) {
        Value item = l->m_items[i];
        int e = vm.eq(item, a[1]);
        if (e < 0) return Value();
        if (e) return Value::integer(i);
    }
    std::string r;
    if (!vm.repr_into(a[1], r)) return Value();
    return vm.raisef(vm.e_ValueError, "%s is not in list", r.c_str());
}
Value l_count(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "count", n - 1, 1, 1, kw)) return Value();
    ListObject* l = self_list(a);
    int64_t c = 0;
    for (uint32_t i = 0; i < l->m_size; ++i) {
        Value item = l->m_items[i];
        int e = vm.eq(item, a[1]);
        if (e < 0) return Value();
        c += e;
    }
    return Value::integer(c);
}
Value l_clear(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "clear", n - 1, 0, 0, kw)) return Value();
    ListObject* l = self_list(a);
    std::vector<Value> old(l->m_items, l->m_items + l->m_size);
    for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i] = Value();
    l->m_size = 0;
    return Value::none();
}
Value l_copy(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "copy", n - 1, 0, 0, kw)) return Value();
    return list_from_iterable(vm, a[0]);
}
Value l_reverse(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "reverse", n - 1, 0, 0, kw)) return Value();
    ListObject* l = self_list(a);
    std::reverse(l->m_items, l->m_items + l->m_size);
    return Value::none();
}
Value l_sort(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    if (n - nkw > 1) return vm.raise(vm.e_TypeError, "sort() takes no positional arguments");
    Value args[2];
    if (!parse_args(vm, "sort", a + 1, n - 1, kw, {"key", "reverse"}, 0, args, 0)) return Value();
    bool rev = false;
    if (!args[1].is_null()) {
        int t = vm.truthy(args[1]);
        if (t < 0) return Value();
        rev = t;
    }
    if (!list_sort(vm, self_list(a), args[0], rev)) return Value();
    return Value::none();
}

Value l_init(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "list", kw)) return Value();
    ListObject* l = self_list(a);
    std::vector<Value> old(l->m_items, l->m_items + l->m_size);
    for (uint32_t i = 0; i < l->m_size; ++i) l->m_items[i] = Value();
    l->m_size = 0;
    if (n > 1 && !list_extend(vm, l, a[1])) return Value();
    return Value::none();
}

Value list_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    if (t != vm.t_list) return Value::steal(vm.alloc<ListObject>(t, ObjKind::List));
    if (!no_kwargs(vm, "list", kw)) return Value();
    if (nargs > 1) return vm.raisef(vm.e_TypeError, "list expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return Value::steal(vm.new_list());
    return list_from_iterable(vm, args[0]);
}

}  // namespace

// [SECTION] Range and slice objects

int64_t range_len(int64_t start, int64_t stop, int64_t step) {
    if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

Value range_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "range", kw)) return Value();
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0) return vm.raise(vm.e_TypeError, "range expected at least 1 argument, got 0");
        return vm.raisef(vm.e_TypeError, "range expected at most 3 arguments, got %d", nargs);
    }
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; ++i) {
        if (args[i].is_intlike()) {
            v[i] = args[i].as_intlike();
        } else if (!vm.index_of(args[i], v[i])) {
            if (!vm.has_exc())
                vm.raisef(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                          type_name(args[i]).c_str());
            return Value();
        }
    }
    auto* r = vm.alloc<RangeObject>(vm.t_range, ObjKind::Range);
    if (nargs == 1) {
        r->m_start = 0;
        r->m_stop = v[0];
        r->m_step = 1;
    } else {
        r->m_start = v[0];
        r->m_stop = v[1];
        r->m_step = nargs == 3 ? v[2] : 1;
    }
    Value rv = Value::steal(r);
    if (r->m_step == 0) return vm.raise(vm.e_ValueError, "range() arg 3 must not be zero");
    r->m_len = range_len(r->m_start, r->m_stop, r->m_step);
    return rv;
}

namespace {

RangeObject* self_range(Value* a) { return a[0].as<RangeObject>(); }
Value r_start(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(self_range(a)->m_start); }
Value r_stop(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(self_range(a)->m_stop); }
Value r_step(VM&, Value* a, int, TupleObject*, Value&) { return Value::integer(self_range(a)->m_step); }
Value r_index(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "index", n - 1, 1, 1, kw)) return Value();
    RangeObject* r = self_range(a);
    if (a[1].is_intlike()) {
        int64_t x = a[1].as_intlike();
        int64_t d = x - r->m_start;
        if (d % r->m_step == 0) {
            int64_t i = d / r->m_step;
            if (i >= 0 && i < r->m_len) return Value::integer(i);
        }
    }
    std::string s;
    if (!vm.repr_into(a[1], s)) return Value();
    return vm.raisef(vm.e_ValueError, "%s is not in range", s.c_str());
}
Value r_count(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "count", n - 1, 1, 1, kw)) return Value();
    int c = vm.contains(a[0], a[1]);
    if (c < 0) return Value();
    return Value::integer(c);
}

SliceObject* self_slice(Value* a) { return a[0].as<SliceObject>(); }
Value sl_start(VM&, Value* a, int, TupleObject*, Value&) { return self_slice(a)->m_start; }
Value sl_stop(VM&, Value* a, int, TupleObject*, Value&) { return self_slice(a)->m_stop; }
Value sl_step(VM&, Value* a, int, TupleObject*, Value&) { return self_slice(a)->m_step; }
Value sl_indices(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!arity(vm, "indices", n - 1, 1, 1, kw)) return Value();
    int64_t len;
    if (!int_from_value(vm, a[1], len, "length")) return Value();
    int64_t start, stop, step, count;
    if (!slice_indices(vm, self_slice(a), len, start, stop, step, count)) return Value();
    return vm.tuple({Value::integer(start), Value::integer(stop), Value::integer(step)});
}

Value slice_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "slice", kw)) return Value();
    if (nargs < 1 || nargs > 3)
        return vm.raisef(vm.e_TypeError, "slice expected at %s 1 argument%s, got %d", nargs < 1 ? "least" : "most",
                         nargs < 1 ? "" : "s", nargs);
    auto* s = vm.alloc<SliceObject>(vm.t_slice, ObjKind::Slice);
    if (nargs == 1) {
        s->m_start = Value::none();
        s->m_stop = args[0];
        s->m_step = Value::none();
    } else {
        s->m_start = args[0];
        s->m_stop = args[1];
        s->m_step = nargs == 3 ? args[2] : Value::none();
    }
    return Value::steal(s);
}

}  // namespace

void init_sequence_types(VM& vm) {
    vm.t_tuple->m_new = tuple_new;
    vm.add_method(vm.t_tuple, "index", t_index);
    vm.add_method(vm.t_tuple, "count", t_count);
    vm.t_list->m_new = list_new;
    struct {
        const char* n;
        NativeFn f;
    } lm[] = {
        {"append", l_append}, {"extend", l_extend},   {"insert", l_insert}, {"pop", l_pop},
        {"remove", l_remove}, {"index", l_index},     {"count", l_count},   {"clear", l_clear},
        {"copy", l_copy},     {"reverse", l_reverse}, {"sort", l_sort},     {"__init__", l_init},
    };
    for (auto& m : lm) vm.add_method(vm.t_list, m.n, m.f);
    vm.t_range->m_new = range_new;
    vm.add_property(vm.t_range, "start", r_start);
    vm.add_property(vm.t_range, "stop", r_stop);
    vm.add_property(vm.t_range, "step", r_step);
    vm.add_method(vm.t_range, "index", r_index);
    vm.add_method(vm.t_range, "count", r_count);
    vm.t_slice->m_new = slice_new;
    vm.add_property(vm.t_slice, "start", sl_start);
    vm.add_property(vm.t_slice, "stop", sl_stop);
    vm.add_property(vm.t_slice, "step", sl_step);
    vm.add_method(vm.t_slice, "indices", sl_indices);
}

}  // namespace aio::script
