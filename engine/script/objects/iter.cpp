// iter.cpp — the builtin iterators (list, tuple, str, range, dict, set,
// sequence-protocol, callable) and enumerate/zip/map/filter/reversed.
#include "objects/runtime.hpp"
#include "compile/unicode.hpp"

namespace aio::script {

Value iter_new(VM& vm, TypeObject* t, IterKind k, Value a, Value b) {
    auto* it = vm.alloc<IterObject>(t, ObjKind::Iter);
    it->m_ik = k;
    it->m_a = std::move(a);
    it->m_b = std::move(b);
    return Value::steal(it);
}

Value iter_next_builtin(VM& vm, IterObject* it) {
    switch (it->m_ik) {
    case IterKind::List: {
        auto* l = it->m_a.as<ListObject>();
        if (it->m_i < l->m_size) return l->m_items[it->m_i++];
        it->m_i = INT64_MAX;
        return Value();
    }
    case IterKind::Tuple: {
        auto* t = it->m_a.as<TupleObject>();
        if (it->m_i < t->m_size) return t->items()[it->m_i++];
        return Value();
    }
    case IterKind::Str: {
        auto* s = it->m_a.as<StrObject>();
        if (it->m_i >= s->m_size) return Value();
        size_t pos = static_cast<size_t>(it->m_i);
        size_t n = s->m_ascii ? 1 : utf8::seq_len(static_cast<unsigned char>(s->data()[pos]));
        it->m_i += static_cast<int64_t>(n);
        return vm.istr(s->view().substr(pos, n));
    }
    case IterKind::Range: {
        if (it->m_n <= 0) return Value();
        --it->m_n;
        int64_t v = it->m_i;
        it->m_i += it->m_step;
        return Value::integer(v);
    }
    case IterKind::Dict: {
        auto* d = it->m_a.as<DictObject>();
        if (it->m_i < 0) return Value();
        if (static_cast<int64_t>(d->m_used) != it->m_n) {
            it->m_i = -1;
            return vm.raise(vm.e_RuntimeError, "dictionary changed size during iteration");
        }
        uint32_t pos = static_cast<uint32_t>(it->m_i);
        Value *k, *v;
        if (!dict_next(d, pos, k, v)) {
            it->m_i = -1;
            return Value();
        }
        it->m_i = pos;
        if (it->m_dk == DictViewKind::Keys) return *k;
        if (it->m_dk == DictViewKind::Values) return *v;
        return vm.tuple({*k, *v});
    }
    case IterKind::Set: {
        auto* s = it->m_a.as<SetObject>();
        if (it->m_i < 0) return Value();
        if (s->m_used != it->m_n) {
            it->m_i = -1;
            return vm.raise(vm.e_RuntimeError, "Set changed size during iteration");
        }
        int64_t pos = it->m_i;
        Value* k;
        if (!set_next(s, pos, k)) {
            it->m_i = -1;
            return Value();
        }
        it->m_i = pos;
        return *k;
    }
    case IterKind::Seq: {
        if (it->m_i < 0) return Value();
        Value r = vm.getitem(it->m_a, Value::integer(it->m_i));
        if (r.is_null()) {
            if (vm.exc_matches(vm.e_IndexError) || vm.exc_matches(vm.e_StopIteration)) {
                vm.clear_exc();
                it->m_i = -1;
            }
            return Value();
        }
        ++it->m_i;
        return r;
    }
    case IterKind::Callable: {
        if (it->m_i < 0) return Value();
        Value r = vm.call(it->m_a, nullptr, 0);
        if (r.is_null()) {
            if (vm.exc_matches(vm.e_StopIteration)) {
                vm.clear_exc();
                it->m_i = -1;
            }
            return Value();
        }
        int e = vm.eq(r, it->m_b);
        if (e < 0) return Value();
        if (e) {
            it->m_i = -1;
            return Value();
        }
        return r;
    }
    case IterKind::Enumerate: {
        Value v = vm.iter_next(it->m_a);
        if (v.is_null()) return Value();
        return vm.tuple({Value::integer(it->m_i++), v});
    }
    case IterKind::Zip: {
        auto* its = it->m_a.as<TupleObject>();
        if (it->m_i < 0 || its->m_size == 0) return Value();
        TupleObject* r = vm.new_tuple(its->m_size);
        Value rv = Value::steal(r);
        for (uint32_t i = 0; i < its->m_size; ++i) {
            Value v = vm.iter_next(its->items()[i]);
            if (v.is_null()) {
                if (vm.has_exc()) return Value();
                it->m_i = -1;
                if (it->m_strict) {
                    if (i > 0)
                        return vm.raisef(vm.e_ValueError, "zip() argument %u is shorter than argument%s%u", i + 1,
                                         i == 1 ? " " : "s 1-", i);
                    for (uint32_t j = 1; j < its->m_size; ++j) {
                        Value w = vm.iter_next(its->items()[j]);
                        if (!w.is_null())
                            return vm.raisef(vm.e_ValueError, "zip() argument %u is longer than argument%s%u", j + 1,
                                             j == 1 ? " " : "s 1-", j);
                        if (vm.has_exc()) return Value();
                    }
                }
                return Value();
            }
            r->items()[i] = std::move(v);
        }
        return rv;
    }
    case IterKind::Map: {
        auto* its = it->m_b.as<TupleObject>();
        std::vector<Value> args(its->m_size);
        for (uint32_t i = 0; i < its->m_size; ++i) {
            args[i] = vm.iter_next(its->items()[i]);
            if (args[i].is_null()) return Value();
        }
        return vm.call(it->m_a, args.data(), static_cast<int>(args.size()));
    }
    case IterKind::Filter: {
        for (;;) {
            Value v = vm.iter_next(it->m_b);
            if (v.is_null()) return Value();
            int t;
            if (it->m_a.is_none()) {
                t = vm.truthy(v);
            } else {
                Value r = vm.call(it->m_a, {v});
                if (r.is_null()) return Value();
                t = vm.truthy(r);
            }
            if (t < 0) return Value();
            if (t) return v;
        }
    }
    case IterKind::Reversed: {
        if (it->m_i < 0) return Value();
        Value r = vm.getitem(it->m_a, Value::integer(it->m_i));
        if (r.is_null()) {
            if (vm.exc_matches(vm.e_IndexError) || vm.exc_matches(vm.e_StopIteration)) {
                vm.clear_exc();
                it->m_i = -1;
            }
            return Value();
        }
        --it->m_i;
        return r;
    }
    case IterKind::ListReversed: {
        auto* l = it->m_a.as<ListObject>();
        if (it->m_i < 0 || it->m_i >= l->m_size) {
            it->m_i = -1;
            return Value();
        }
        return l->m_items[it->m_i--];
    }
    case IterKind::Empty:
        return Value();
    }
    return Value();
}

namespace {

Value it_next(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value r = iter_next_builtin(vm, a[0].as<IterObject>());
    if (r.is_null() && !vm.has_exc()) return vm.raise_value(Value::object(vm.e_StopIteration));
    return r;
}
Value it_iter(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }
Value it_length_hint(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* it = a[0].as<IterObject>();
    switch (it->m_ik) {
    case IterKind::List:
        return Value::integer(std::max<int64_t>(0, it->m_a.as<ListObject>()->m_size - it->m_i));
    case IterKind::Tuple:
        return Value::integer(std::max<int64_t>(0, it->m_a.as<TupleObject>()->m_size - it->m_i));
    case IterKind::Range:
        return Value::integer(it->m_n);
    default:
        (void)vm;
        return Value::integer(0);
    }
}

Value enumerate_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    Value a[2];
    if (!parse_args(vm, "enumerate", args, nargs, kw, {"iterable", "start"}, 1, a)) return Value();
    Value it = vm.get_iter(a[0]);
    if (it.is_null()) return Value();
    Value e = iter_new(vm, vm.t_enumerate, IterKind::Enumerate, it);
    if (!a[1].is_null()) {
        int64_t s;
        if (!int_from_value(vm, a[1], s, "start")) return Value();
        e.as<IterObject>()->m_i = s;
    }
    return e;
}

Value zip_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    bool strict = false;
    for (int i = 0; i < nkw; ++i) {
        if (as_str(kw->items()[i])->view() != "strict")
            return vm.raisef(vm.e_TypeError, "zip() got an unexpected keyword argument '%s'",
                             as_str(kw->items()[i])->data());
        int t = vm.truthy(args[nargs - nkw + i]);
        if (t < 0) return Value();
        strict = t;
    }
    int n = nargs - nkw;
    TupleObject* its = vm.new_tuple(n);
    Value itsv = Value::steal(its);
    for (int i = 0; i < n; ++i) {
        Value it = vm.get_iter(args[i]);
        if (it.is_null()) {
            if (vm.exc_matches(vm.e_TypeError)) {
                vm.clear_exc();
                return vm.raisef(vm.e_TypeError, "zip argument #%d must support iteration", i + 1);
            }
            return Value();
        }
        its->items()[i] = std::move(it);
    }
    Value z = iter_new(vm, vm.t_zip, IterKind::Zip, itsv);
    z.as<IterObject>()->m_strict = strict;
    return z;
}

Value map_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "map", kw)) return Value();
    if (nargs < 2) return vm.raise(vm.e_TypeError, "map() must have at least two arguments.");
    TupleObject* its = vm.new_tuple(nargs - 1);
    Value itsv = Value::steal(its);
    for (int i = 1; i < nargs; ++i) {
        Value it = vm.get_iter(args[i]);
        if (it.is_null()) return Value();
        its->items()[i - 1] = std::move(it);
    }
    return iter_new(vm, vm.t_map, IterKind::Map, args[0], itsv);
}

Value filter_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "filter", kw)) return Value();
    if (nargs != 2) return vm.raisef(vm.e_TypeError, "filter expected 2 arguments, got %d", nargs);
    Value it = vm.get_iter(args[1]);
    if (it.is_null()) return Value();
    return iter_new(vm, vm.t_filter, IterKind::Filter, args[0], it);
}

Value reversed_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    if (!no_kwargs(vm, "reversed", kw)) return Value();
    if (nargs != 1) return vm.raisef(vm.e_TypeError, "reversed expected 1 argument, got %d", nargs);
    const Value& s = args[0];
    if (is_kind(s, ObjKind::List)) {
        Value it = iter_new(vm, vm.t_list_reverseiterator, IterKind::ListReversed, s);
        it.as<IterObject>()->m_i = static_cast<int64_t>(s.as<ListObject>()->m_size) - 1;
        return it;
    }
    if (is_kind(s, ObjKind::Range)) {
        auto* r = s.as<RangeObject>();
        Value it = iter_new(vm, vm.t_range_iterator, IterKind::Range, Value());
        auto* ri = it.as<IterObject>();
        ri->m_n = r->m_len;
        ri->m_step = -r->m_step;
        ri->m_i = r->m_start + (r->m_len - 1) * r->m_step;
        return it;
    }
    if (is_kind(s, ObjKind::Dict) || is_kind(s, ObjKind::DictView)) {
        std::vector<Value> items;
        if (!vm.to_list(s, items)) return Value();
        ListObject* l = vm.new_list(items.size());
        Value lv = Value::steal(l);
        for (size_t i = items.size(); i-- > 0;) list_append(vm, l, items[i]);
        return vm.get_iter(lv);
    }
    Value rev = vm.type_lookup(vm.type_of(s), vm.names().d_reversed);
    if (!rev.is_null() && (vm.type_of(s)->m_tflags & TF_HEAPTYPE)) return vm.call(rev, {s});
    int64_t n = vm.len_of(s);
    if (n < 0) {
        vm.clear_exc();
        return vm.raisef(vm.e_TypeError, "'%s' object is not reversible", type_name(s).c_str());
    }
    Value it = iter_new(vm, vm.t_reversed, IterKind::Reversed, s);
    it.as<IterObject>()->m_i = n - 1;
    return it;
}

}  // namespace

void init_iter_types(VM& vm) {
    for (TypeObject* t :
         {vm.t_list_iterator, vm.t_tuple_iterator, vm.t_str_iterator, vm.t_range_iterator, vm.t_dict_keyiterator,
          vm.t_dict_valueiterator, vm.t_dict_itemiterator, vm.t_set_iterator, vm.t_iterator, vm.t_callable_iterator,
          vm.t_enumerate, vm.t_zip, vm.t_map, vm.t_filter, vm.t_reversed, vm.t_list_reverseiterator}) {
        vm.add_method(t, "__next__", it_next);
        vm.add_method(t, "__iter__", it_iter);
        vm.add_method(t, "__length_hint__", it_length_hint);
    }
    vm.t_enumerate->m_new = enumerate_new;
    vm.t_zip->m_new = zip_new;
    vm.t_map->m_new = map_new;
    vm.t_filter->m_new = filter_new;
    vm.t_reversed->m_new = reversed_new;
}

}  // namespace aio::script
