// memoryview.cpp — memoryview over bytes/bytearray: format 'B', one
// dimension (what sock_recv_into and slicing without copies need). Views of
// a bytearray are writable and pin its size while alive.
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

MemoryViewObject::~MemoryViewObject() {
    if (!m_obj.is_null()) --as_bytes(m_obj)->m_exports;
}

namespace {

MemoryViewObject* self_mv(Value* a) { return static_cast<MemoryViewObject*>(a[0].as<CxxObject>()); }

bool live(VM& vm, MemoryViewObject* m) {
    if (!m->m_obj.is_null()) return true;
    vm.raise(vm.e_ValueError, "operation forbidden on released memoryview object");
    return false;
}

Value make_view(VM& vm, const Value& obj, size_t start, int64_t step, size_t len, bool readonly) {
    auto* m = vm.alloc<MemoryViewObject>(vm.t_memoryview, ObjKind::Cxx);
    m->m_obj = obj;
    ++as_bytes(obj)->m_exports;
    m->m_start = start;
    m->m_step = step;
    m->m_len = len;
    m->m_readonly = readonly;
    return Value::steal(m);
}

Value mv_new(VM& vm, TypeObject*, Value* args, int nargs, TupleObject* kw) {
    Value a[1];
    if (!parse_args(vm, "memoryview", args, nargs, kw, {"object"}, 1, a)) return Value();
    const Value& o = a[0];
    if (is_memoryview(vm, o)) {
        auto* src = static_cast<MemoryViewObject*>(o.as<CxxObject>());
        if (!live(vm, src)) return Value();
        return make_view(vm, src->m_obj, src->m_start, src->m_step, src->m_len, src->m_readonly);
    }
    if (is_bytes(vm, o) || is_bytearray(vm, o))
        return make_view(vm, o, 0, 1, as_bytes(o)->m_size, !is_bytearray(vm, o));
    return vm.raisef(vm.e_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(o).c_str());
}

size_t at(MemoryViewObject* m, int64_t i) {
    return static_cast<size_t>(static_cast<int64_t>(m->m_start) + i * m->m_step);
}

Value mv_len(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!live(vm, self_mv(a))) return Value();
    return Value::integer(static_cast<int64_t>(self_mv(a)->m_len));
}

Value mv_getitem(VM& vm, Value* a, int, TupleObject*, Value&) {
    MemoryViewObject* m = self_mv(a);
    if (!live(vm, m)) return Value();
    int64_t len = static_cast<int64_t>(m->m_len);
    if (is_kind(a[1], ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, a[1].as<SliceObject>(), len, start, stop, step, count)) return Value();
        return make_view(vm, m->m_obj, count ? at(m, start) : m->m_start, m->m_step * step, static_cast<size_t>(count),
                         m->m_readonly);
    }
    int64_t i;
    if (!normalize_index(vm, a[1], len, i, "memoryview")) return Value();
    return Value::integer(as_bytes(m->m_obj)->m_data[at(m, i)]);
}

Value mv_setitem(VM& vm, Value* a, int, TupleObject*, Value&) {
    MemoryViewObject* m = self_mv(a);
    if (!live(vm, m)) return Value();
    if (m->m_readonly) return vm.raise(vm.e_TypeError, "cannot modify read-only memory");
    int64_t len = static_cast<int64_t>(m->m_len);
    BytesObject* b = as_bytes(m->m_obj);
    if (is_kind(a[1], ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, a[1].as<SliceObject>(), len, start, stop, step, count)) return Value();
        std::string_view v;
        std::string scratch;
        if (!need_bytes_like(vm, a[2], v, scratch)) return Value();
        if (static_cast<int64_t>(v.size()) != count)
            return vm.raise(vm.e_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        std::string copy(v);
        for (int64_t k = 0, j = start; k < count; ++k, j += step) b->m_data[at(m, j)] = static_cast<uint8_t>(copy[k]);
        return Value::none();
    }
    int64_t i;
    if (!normalize_index(vm, a[1], len, i, "memoryview")) return Value();
    int64_t c;
    if (!a[2].is_intlike()) return vm.raise(vm.e_TypeError, "memoryview: invalid type for format 'B'");
    c = a[2].as_intlike();
    if (c < 0 || c > 255) return vm.raise(vm.e_ValueError, "memoryview: invalid value for format 'B'");
    b->m_data[at(m, i)] = static_cast<uint8_t>(c);
    return Value::none();
}

Value mv_tobytes(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!live(vm, self_mv(a))) return Value();
    std::string_view v;
    std::string scratch;
    bytes_like(vm, a[0], v, scratch);
    return new_bytes(vm, v);
}

Value mv_tolist(VM& vm, Value* a, int, TupleObject*, Value&) {
    MemoryViewObject* m = self_mv(a);
    if (!live(vm, m)) return Value();
    ListObject* l = vm.new_list(m->m_len);
    Value lv = Value::steal(l);
    for (size_t i = 0; i < m->m_len; ++i)
        list_append(vm, l, Value::integer(as_bytes(m->m_obj)->m_data[at(m, static_cast<int64_t>(i))]));
    return lv;
}

Value mv_hex(VM& vm, Value* a, int, TupleObject*, Value&) {
    Value b = mv_tobytes(vm, a, 1, nullptr, a[0]);
    if (b.is_null()) return b;
    return vm.call_method(b, "hex", {});
}

Value mv_release(VM&, Value* a, int, TupleObject*, Value&) {
    MemoryViewObject* m = self_mv(a);
    if (!m->m_obj.is_null()) {
        --as_bytes(m->m_obj)->m_exports;
        m->m_obj = Value();
    }
    return Value::none();
}

Value mv_enter(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!live(vm, self_mv(a))) return Value();
    return a[0];
}
Value mv_exit(VM& vm, Value* a, int, TupleObject*, Value& d) { return mv_release(vm, a, 1, nullptr, d); }

Value mv_eq(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (a[0].identical(a[1])) return Value::boolean(true);
    std::string_view x, y;
    std::string s1, s2;
    if (self_mv(a)->m_obj.is_null()) return Value::boolean(false);
    if (!bytes_like(vm, a[0], x, s1) || !bytes_like(vm, a[1], y, s2)) return vm.m_notimplemented;
    return Value::boolean(x == y);
}

Value mv_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "<%smemory at %p>", self_mv(a)->m_obj.is_null() ? "released " : "",
                  static_cast<void*>(a[0].as_obj()));
    return vm.str(buf);
}

Value mv_obj(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!live(vm, self_mv(a))) return Value();
    return self_mv(a)->m_obj;
}
Value mv_nbytes(VM& vm, Value* a, int n, TupleObject* kw, Value& d) { return mv_len(vm, a, n, kw, d); }
Value mv_readonly(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (!live(vm, self_mv(a))) return Value();
    return Value::boolean(self_mv(a)->m_readonly);
}
Value mv_format(VM& vm, Value*, int, TupleObject*, Value&) { return vm.str("B"); }
Value mv_itemsize(VM&, Value*, int, TupleObject*, Value&) { return Value::integer(1); }

}  // namespace

void init_memoryview_type(VM& vm) {
    TypeObject* t = vm.new_builtin_type("memoryview", vm.t_object, ObjKind::Cxx, mv_new, 0);
    t->m_tflags |= TF_NEW_INITS;
    vm.t_memoryview = t;
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"__len__", mv_len},     {"__getitem__", mv_getitem}, {"__setitem__", mv_setitem},
        {"tobytes", mv_tobytes}, {"tolist", mv_tolist},       {"hex", mv_hex},
        {"release", mv_release}, {"__enter__", mv_enter},     {"__exit__", mv_exit},
        {"__eq__", mv_eq},       {"__repr__", mv_repr},
    };
    for (auto& m : methods) vm.add_method(t, m.n, m.f);
    dict_set_str(vm, t->m_dict, vm.intern("__hash__"), Value::none());
    vm.add_property(t, "obj", mv_obj);
    vm.add_property(t, "nbytes", mv_nbytes);
    vm.add_property(t, "readonly", mv_readonly);
    vm.add_property(t, "format", mv_format);
    vm.add_property(t, "itemsize", mv_itemsize);
    vm.dict_set_str(vm.m_builtins, "memoryview", Value::steal(t));
}

}  // namespace aio::script
