// mod_functools.cpp — functools.partial and reduce in C++; the rest of the
// module (wraps, lru_cache, total_ordering, cmp_to_key) is Python source in
// lib/functools.py, layered on top of this one as `_functools`.
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

struct PartialObject : CxxObject {
    Value m_func;
    Value m_args;      // tuple
    Value m_keywords;  // dict
    void clear_refs() override { m_func = m_args = m_keywords = Value(); }
};

PartialObject* self_partial(Value* a) { return static_cast<PartialObject*>(a[0].as<CxxObject>()); }

Value partial_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = nargs - nkw;
    if (npos < 1) return vm.raise(vm.e_TypeError, "type 'partial' takes at least one argument");
    Value func = args[0];
    std::vector<Value> pargs;
    DictObject* kwd = vm.new_dict();
    Value kwv = Value::steal(kwd);
    // partial(partial(f, a), b) flattens (CPython does the same).
    if (is_kind(func, ObjKind::Cxx) && vm.type_of(func) == t) {
        auto* inner = static_cast<PartialObject*>(func.as<CxxObject>());
        auto* ia = inner->m_args.as<TupleObject>();
        pargs.assign(ia->items(), ia->items() + ia->m_size);
        dict_update(vm, kwd, inner->m_keywords);
        func = inner->m_func;
    } else {
        Value d;
        bool callable = func.is_obj() &&
                        (kind_of(func.as_obj()) == ObjKind::Function || kind_of(func.as_obj()) == ObjKind::Native ||
                         kind_of(func.as_obj()) == ObjKind::BoundMethod || kind_of(func.as_obj()) == ObjKind::Type ||
                         !vm.type_lookup(vm.type_of(func), vm.names().d_call).is_null());
        if (!callable) return vm.raise(vm.e_TypeError, "the first argument must be callable");
    }
    for (int i = 1; i < npos; ++i) pargs.push_back(args[i]);
    for (int i = 0; i < nkw; ++i) dict_set(vm, kwd, kw->items()[i], args[npos + i]);
    auto* p = vm.alloc<PartialObject>(t, ObjKind::Cxx);
    p->m_func = func;
    p->m_args = tuple_from_vector(vm, pargs);
    p->m_keywords = kwv;
    return Value::steal(p);
}

Value partial_call(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    PartialObject* p = self_partial(a);
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    int npos = n - 1 - nkw;
    auto* pa = p->m_args.as<TupleObject>();
    std::vector<Value> all(pa->items(), pa->items() + pa->m_size);
    for (int i = 0; i < npos; ++i) all.push_back(a[1 + i]);
    // Merge keywords: call-time ones override stored ones.
    DictObject* merged = dict_copy(vm, p->m_keywords.as<DictObject>());
    Value mv = Value::steal(merged);
    for (int i = 0; i < nkw; ++i) dict_set(vm, merged, kw->items()[i], a[1 + npos + i]);
    std::vector<Value> names;
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(merged, pos, k, v)) {
        names.push_back(*k);
        all.push_back(*v);
    }
    Value kn = names.empty() ? Value() : tuple_from_vector(vm, names);
    return vm.call(p->m_func, all.data(), static_cast<int>(all.size()), kn.is_null() ? nullptr : kn.as<TupleObject>());
}

Value partial_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    PartialObject* p = self_partial(a);
    std::string s = "functools.partial(";
    if (!vm.repr_into(p->m_func, s)) return Value();
    auto* pa = p->m_args.as<TupleObject>();
    for (uint32_t i = 0; i < pa->m_size; ++i) {
        s += ", ";
        if (!vm.repr_into(pa->items()[i], s)) return Value();
    }
    uint32_t pos = 0;
    Value *k, *v;
    while (dict_next(p->m_keywords.as<DictObject>(), pos, k, v)) {
        s += ", " + as_str(*k)->str() + "=";
        if (!vm.repr_into(*v, s)) return Value();
    }
    s += ")";
    TypeObject* t = vm.type_of(a[0]);
    if (t->m_tflags & TF_HEAPTYPE) {
        std::string mod = is_str(t->m_module) ? as_str(t->m_module)->str() : "";
        s = (mod.empty() || mod == "__main__" ? "" : mod + ".") + as_str(t->m_qualname)->str() + s.substr(s.find('('));
    }
    return vm.str(s);
}
Value partial_func(VM&, Value* a, int, TupleObject*, Value&) { return self_partial(a)->m_func; }
Value partial_args(VM&, Value* a, int, TupleObject*, Value&) { return self_partial(a)->m_args; }
Value partial_keywords(VM&, Value* a, int, TupleObject*, Value&) { return self_partial(a)->m_keywords; }
Value partial_get(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }

Value f_reduce(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n < 2 || n > 3) return vm.raisef(vm.e_TypeError, "reduce expected at least 2 arguments, got %d", n);
    Value it = vm.get_iter(a[1]);
    if (it.is_null()) return Value();
    Value acc;
    if (n == 3) acc = a[2];
    for (;;) {
        Value x = vm.iter_next(it);
        if (x.is_null()) break;
        if (acc.is_null()) {
            acc = x;
            continue;
        }
        acc = vm.call(a[0], {acc, x});
        if (acc.is_null()) return Value();
    }
    if (vm.has_exc()) return Value();
    if (acc.is_null()) return vm.raise(vm.e_TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

Value init_functools_c(VM& vm) {
    Value mv = new_module(vm, "_functools");
    auto* m = mv.as<ModuleObject>();
    TypeObject* t = vm.new_builtin_type("partial", vm.t_object, ObjKind::Cxx, partial_new, TF_BASETYPE, "functools");
    vm.add_method(t, "__call__", partial_call);
    vm.add_method(t, "__repr__", partial_repr);
    vm.add_method(t, "__get__", partial_get);
    vm.add_property(t, "func", partial_func);
    vm.add_property(t, "args", partial_args);
    vm.add_property(t, "keywords", partial_keywords);
    module_add(vm, m, "partial", Value::steal(t));
    module_add_fn(vm, m, "reduce", f_reduce);
    return mv;
}

}  // namespace

void register_functools_module(VM& vm) { vm.register_module("_functools", init_functools_c); }

}  // namespace aio::script
