// bytes.cpp — the bytes and bytearray types: storage, construction, repr,
// the sequence protocol, comparison, hashing, + and * (CPython's
// bytesobject.c / bytearrayobject.c). The shared methods are in
// bytes_methods.cpp, bytearray's mutators in bytearray.cpp.
//
// Contents
//   [SECTION] Storage
//   [SECTION] Construction
//   [SECTION] repr
//   [SECTION] Sequence protocol
//   [SECTION] Comparison, hashing, operators
//   [SECTION] Iterators
//   [SECTION] Types
#include <cstring>

#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

// [SECTION] Storage

BytesObject::~BytesObject() {
    if (m_data) m_vm->raw_free(m_data, m_cap);
}

bool is_bytes(VM& vm, const Value& v) { return is_kind(v, ObjKind::Cxx) && vm.isinstance(v, vm.t_bytes); }
bool is_bytearray(VM& vm, const Value& v) { return is_kind(v, ObjKind::Cxx) && vm.isinstance(v, vm.t_bytearray); }
bool is_memoryview(VM& vm, const Value& v) { return is_kind(v, ObjKind::Cxx) && vm.isinstance(v, vm.t_memoryview); }

bool bytes_resize(VM& vm, BytesObject* b, size_t n) {
    if (n > b->m_cap) {
        // Amortized growth for bytearray appends; exact for a first fill.
        size_t cap = b->m_cap ? b->m_cap + (b->m_cap >> 1) : n;
        if (cap < n) cap = n;
        if (!vm.reserve_memory(cap - b->m_cap)) return false;
        b->m_data = static_cast<uint8_t*>(vm.raw_realloc(b->m_data, b->m_cap, cap));
        b->m_cap = cap;
    }
    if (n > b->m_size) std::memset(b->m_data + b->m_size, 0, n - b->m_size);
    b->m_size = n;
    return true;
}

Value new_bytes(VM& vm, TypeObject* t, std::string_view data) {
    if (!vm.reserve_memory(data.size() + sizeof(BytesObject))) return Value();
    auto* b = vm.alloc<BytesObject>(t, ObjKind::Cxx);
    b->m_vm = &vm;
    Value v = Value::steal(b);
    if (!data.empty()) {
        b->m_data = static_cast<uint8_t*>(vm.raw_alloc(data.size()));
        b->m_cap = b->m_size = data.size();
        std::memcpy(b->m_data, data.data(), data.size());
    }
    return v;
}

Value new_bytes(VM& vm, std::string_view data) { return new_bytes(vm, vm.t_bytes, data); }

bool bytes_like(VM& vm, const Value& v, std::string_view& out, std::string& scratch) {
    if (!is_kind(v, ObjKind::Cxx)) return false;
    TypeObject* t = vm.type_of(v);
    if (VM::is_subtype(t, vm.t_bytes) || VM::is_subtype(t, vm.t_bytearray)) {
        out = as_bytes(v)->view();
        return true;
    }
    if (VM::is_subtype(t, vm.t_memoryview)) {
        auto* m = static_cast<MemoryViewObject*>(v.as<CxxObject>());
        if (m->m_obj.is_null()) {
            out = {};
            return true;
        }
        std::string_view all = as_bytes(m->m_obj)->view();
        if (m->m_step == 1) {
            out = all.substr(m->m_start, m->m_len);
            return true;
        }
        scratch.clear();
        for (size_t i = 0; i < m->m_len; ++i)
            scratch += all[static_cast<size_t>(static_cast<int64_t>(m->m_start) + static_cast<int64_t>(i) * m->m_step)];
        out = scratch;
        return true;
    }
    return false;
}

bool need_bytes_like(VM& vm, const Value& v, std::string_view& out, std::string& scratch) {
    if (bytes_like(vm, v, out, scratch)) return true;
    vm.raisef(vm.e_TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
}

// [SECTION] Construction

bool bytes_from_object(VM& vm, const Value& x, std::string& out, bool bytearray) {
    std::string_view view;
    std::string scratch;
    if (bytes_like(vm, x, view, scratch)) {
        out.assign(view);
        return true;
    }
    if (is_str(x)) {
        vm.raise(vm.e_TypeError, "string argument without an encoding");
        return false;
    }
    if (!bytearray && x.is_obj()) {
        Value f = vm.type_lookup(vm.type_of(x), vm.intern("__bytes__"));
        if (!f.is_null()) {
            Value r = vm.call(f, {x});
            if (r.is_null()) return false;
            if (!is_bytes(vm, r)) {
                vm.raisef(vm.e_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r).c_str());
                return false;
            }
            out.assign(as_bytes(r)->view());
            return true;
        }
    }
    int64_t count;
    if (vm.index_of(x, count)) {
        if (count < 0) {
            vm.raise(vm.e_ValueError, "negative count");
            return false;
        }
        if (!vm.reserve_memory(static_cast<uint64_t>(count) > SIZE_MAX / 2 ? SIZE_MAX : static_cast<size_t>(count)))
            return false;
        out.assign(static_cast<size_t>(count), '\0');
        return true;
    }
    if (vm.has_exc()) return false;
    Value it = vm.get_iter(x);
    if (it.is_null()) {
        if (!vm.exc_matches(vm.e_TypeError)) return false;
        vm.clear_exc();
        vm.raisef(vm.e_TypeError, "cannot convert '%s' object to %s", type_name(x).c_str(),
                  bytearray ? "bytearray" : "bytes");
        return false;
    }
    for (;;) {
        Value item = vm.iter_next(it);
        if (item.is_null()) return !vm.has_exc();
        int64_t b;
        if (!int_from_value(vm, item, b, "byte")) return false;
        if (b < 0 || b > 255) {
            vm.raise(vm.e_ValueError, bytearray ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
            return false;
        }
        if (out.size() == out.capacity() && out.size() >= 4096 && !vm.reserve_memory(out.capacity())) return false;
        out += static_cast<char>(b);
    }
}

namespace {

// bytes(source=b'', encoding=None, errors=None) and bytearray(...).
bool construct(VM& vm, const char* fname, Value* args, int nargs, TupleObject* kw, bool bytearray, std::string& out) {
    Value a[3];
    int nkw = kw ? static_cast<int>(kw->m_size) : 0;
    for (int k = 0; k < nkw; ++k) {
        std::string_view key = as_str(kw->items()[k])->view();
        if (key != "source" && key != "encoding" && key != "errors") {
            vm.raisef(vm.e_TypeError, "'%.*s' is an invalid keyword argument for %s()", static_cast<int>(key.size()),
                      key.data(), fname);
            return false;
        }
    }
    if (!parse_args(vm, fname, args, nargs, kw, {"source", "encoding", "errors"}, 0, a)) return false;
    for (int i = 1; i < 3; ++i)
        if (!a[i].is_null() && !is_str(a[i])) {
            vm.raisef(vm.e_TypeError, "%s() argument '%s' must be str, not %s", fname, i == 1 ? "encoding" : "errors",
                      type_name(a[i]).c_str());
            return false;
        }
    if (a[0].is_null()) {
        if (!a[1].is_null() || !a[2].is_null()) {
            vm.raise(vm.e_TypeError,
                     a[1].is_null() ? "errors without a string argument" : "encoding without a string argument");
            return false;
        }
        return true;
    }
    if (is_str(a[0])) {
        if (a[1].is_null()) {
            vm.raise(vm.e_TypeError, "string argument without an encoding");
            return false;
        }
        Value r = codec_encode(vm, a[0], as_str(a[1])->view(), a[2].is_null() ? "strict" : as_str(a[2])->view());
        if (r.is_null()) return false;
        out.assign(as_bytes(r)->view());
        return true;
    }
    if (!a[1].is_null() || !a[2].is_null()) {
        vm.raise(vm.e_TypeError,
                 a[1].is_null() ? "errors without a string argument" : "encoding without a string argument");
        return false;
    }
    return bytes_from_object(vm, a[0], out, bytearray);
}

Value bytes_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    std::string out;
    if (!construct(vm, "bytes", args, nargs, kw, false, out)) return Value();
    return new_bytes(vm, t, out);
}

Value bytearray_new(VM& vm, TypeObject* t, Value* args, int nargs, TupleObject* kw) {
    std::string out;
    if (!construct(vm, "bytearray", args, nargs, kw, true, out)) return Value();
    return new_bytes(vm, t, out);
}

// Subclasses pass their arguments on to __init__; the constructor used them.
Value b_init(VM&, Value*, int, TupleObject*, Value&) { return Value::none(); }

}  // namespace

// [SECTION] repr

std::string bytes_repr(std::string_view data, bool escape_all_squotes) {
    bool squote = data.find('\'') != std::string_view::npos;
    bool dquote = data.find('"') != std::string_view::npos;
    char q = squote && !dquote ? '"' : '\'';
    std::string out = "b";
    out += q;
    for (unsigned char c : data) {
        if (c == q || c == '\\' || (escape_all_squotes && c == '\'')) {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    out += q;
    return out;
}

namespace {

BytesObject* self_b(Value* a) { return as_bytes(a[0]); }
bool self_is_array(VM& vm, Value* a) { return VM::is_subtype(vm.type_of(a[0]), vm.t_bytearray); }
// Results of slicing and operators are plain bytes / bytearray, never a subclass.
TypeObject* result_type(VM& vm, Value* a) { return self_is_array(vm, a) ? vm.t_bytearray : vm.t_bytes; }

Value b_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    bool array = self_is_array(vm, a);
    std::string r = bytes_repr(self_b(a)->view(), array);
    if (!array) return vm.str(r);
    TypeObject* t = vm.type_of(a[0]);
    return vm.str(as_str(t->m_name)->str() + "(" + r + ")");
}

// [SECTION] Sequence protocol

Value b_len(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(self_b(a)->m_size));
}

Value b_getitem(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raise(vm.e_TypeError, "__getitem__ expects one argument");
    BytesObject* b = self_b(a);
    const Value& key = a[1];
    int64_t len = static_cast<int64_t>(b->m_size);
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), len, start, stop, step, count)) return Value();
        if (step == 1) return new_bytes(vm, result_type(vm, a), b->view().substr(start, count));
        std::string out;
        out.reserve(count);
        for (int64_t i = 0, j = start; i < count; ++i, j += step) out += static_cast<char>(b->m_data[j]);
        return new_bytes(vm, result_type(vm, a), out);
    }
    bool array = self_is_array(vm, a);
    int64_t i;
    if (key.is_intlike()) {
        i = key.as_intlike();
    } else if (!vm.index_of(key, i)) {
        if (vm.has_exc()) return Value();
        return vm.raisef(vm.e_TypeError, "%s indices must be integers or slices, not %s", array ? "bytearray" : "byte",
                         type_name(key).c_str());
    }
    if (i < 0) i += len;
    if (i < 0 || i >= len)
        return vm.raise(vm.e_IndexError, array ? "bytearray index out of range" : "index out of range");
    return Value::integer(b->m_data[i]);
}

Value b_contains(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string_view hay = self_b(a)->view();
    if (a[1].is_intlike() || (!is_kind(a[1], ObjKind::Cxx) && !is_str(a[1]) && a[1].is_obj())) {
        int64_t c;
        if (vm.index_of(a[1], c)) {
            if (c < 0 || c > 255) return vm.raise(vm.e_ValueError, "byte must be in range(0, 256)");
            return Value::boolean(hay.find(static_cast<char>(c)) != std::string_view::npos);
        }
        if (vm.has_exc()) return Value();
    }
    std::string_view needle;
    std::string scratch;
    if (!need_bytes_like(vm, a[1], needle, scratch)) return Value();
    return Value::boolean(hay.find(needle) != std::string_view::npos);
}

// [SECTION] Comparison, hashing, operators

template <int Op>
Value b_compare(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string_view other;
    std::string scratch;
    if (!bytes_like(vm, a[1], other, scratch) || is_memoryview(vm, a[1])) return vm.m_notimplemented;
    int c = self_b(a)->view().compare(other);
    bool r = Op == 0 ? c == 0 : Op == 1 ? c != 0 : Op == 2 ? c < 0 : Op == 3 ? c <= 0 : Op == 4 ? c > 0 : c >= 0;
    return Value::boolean(r);
}

Value b_hash(VM&, Value* a, int, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    if (b->m_hash != -1) return Value::integer(b->m_hash);
    // FNV-1a, as str_hash, so that b'x' and 'x' hash alike (CPython: equal hashes for ASCII).
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < b->m_size; ++i) {
        h ^= b->m_data[i];
        h *= 1099511628211ull;
    }
    int64_t r = static_cast<int64_t>(h >> 1);
    if (r == -1) r = -2;
    b->m_hash = r;
    return Value::integer(r);
}

Value b_add(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string_view other;
    std::string scratch;
    if (!bytes_like(vm, a[1], other, scratch))
        return vm.raisef(vm.e_TypeError, "can't concat %s to %s", type_name(a[1]).c_str(), type_name(a[0]).c_str());
    std::string_view mine = self_b(a)->view();
    if (!vm.reserve_memory(mine.size() + other.size())) return Value();
    std::string out;
    out.reserve(mine.size() + other.size());
    out.append(mine).append(other);
    return new_bytes(vm, result_type(vm, a), out);
}

bool repeat_into(VM& vm, std::string_view s, const Value& count, std::string& out) {
    int64_t n;
    if (!vm.index_of(count, n)) {
        if (!vm.has_exc())
            vm.raisef(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(count).c_str());
        return false;
    }
    if (n <= 0 || s.empty()) return true;
    if (static_cast<uint64_t>(n) > vm.m_limits.max_memory / s.size()) {
        vm.raise(vm.e_MemoryError, "");
        return false;
    }
    if (!vm.reserve_memory(s.size() * static_cast<size_t>(n))) return false;
    out.reserve(s.size() * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) out.append(s);
    return true;
}

Value b_mul(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string out;
    if (!repeat_into(vm, self_b(a)->view(), a[1], out)) return Value();
    return new_bytes(vm, result_type(vm, a), out);
}

Value b_mod(VM& vm, Value* a, int, TupleObject*, Value&) { return bytes_percent_format(vm, a[0], a[1]); }

Value b_bytes(VM& vm, Value* a, int, TupleObject*, Value&) {
    if (vm.type_of(a[0]) == vm.t_bytes) return a[0];
    return new_bytes(vm, self_b(a)->view());
}

// bytearray in place: a += b, a *= n.
Value ba_iadd(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string_view other;
    std::string scratch;
    if (!bytes_like(vm, a[1], other, scratch))
        return vm.raisef(vm.e_TypeError, "can't concat %s to %s", type_name(a[1]).c_str(), type_name(a[0]).c_str());
    BytesObject* b = self_b(a);
    std::string copy(other);  // other may be b itself
    if (b->m_exports && !copy.empty())
        return vm.raise(vm.e_BufferError, "Existing exports of data: object cannot be re-sized");
    size_t old = b->m_size;
    if (!bytes_resize(vm, b, old + copy.size())) return Value();
    if (!copy.empty()) std::memcpy(b->m_data + old, copy.data(), copy.size());
    return a[0];
}

Value ba_imul(VM& vm, Value* a, int, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    std::string out;
    if (!repeat_into(vm, b->view(), a[1], out)) return Value();
    if (b->m_exports && out.size() != b->m_size)
        return vm.raise(vm.e_BufferError, "Existing exports of data: object cannot be re-sized");
    if (!bytes_resize(vm, b, out.size())) return Value();
    if (!out.empty()) std::memcpy(b->m_data, out.data(), out.size());
    return a[0];
}

// [SECTION] Iterators

struct BytesIterObject : CxxObject {
    Value m_seq;  // Null once exhausted
    size_t m_i = 0;
    void clear_refs() override { m_seq = Value(); }
};

Value b_iter(VM& vm, Value* a, int, TupleObject*, Value& data) {
    auto* it = vm.alloc<BytesIterObject>(data.as<TypeObject>(), ObjKind::Cxx);
    it->m_seq = a[0];
    return Value::steal(it);
}

Value bi_next(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* it = static_cast<BytesIterObject*>(a[0].as<CxxObject>());
    if (!it->m_seq.is_null()) {
        BytesObject* b = as_bytes(it->m_seq);
        if (it->m_i < b->m_size) return Value::integer(b->m_data[it->m_i++]);
        it->m_seq = Value();
    }
    return vm.raise(vm.e_StopIteration, "");
}

Value bi_iter(VM&, Value* a, int, TupleObject*, Value&) { return a[0]; }

Value bi_length_hint(VM&, Value* a, int, TupleObject*, Value&) {
    auto* it = static_cast<BytesIterObject*>(a[0].as<CxxObject>());
    if (it->m_seq.is_null()) return Value::integer(0);
    return Value::integer(static_cast<int64_t>(as_bytes(it->m_seq)->m_size - it->m_i));
}

TypeObject* make_iter_type(VM& vm, const char* name) {
    TypeObject* t = vm.new_builtin_type(name, vm.t_object, ObjKind::Cxx, nullptr, 0);
    vm.add_method(t, "__next__", bi_next);
    vm.add_method(t, "__iter__", bi_iter);
    vm.add_method(t, "__length_hint__", bi_length_hint);
    return t;
}

void add_common(VM& vm, TypeObject* t, TypeObject* iter_type) {
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"__init__", b_init},       {"__repr__", b_repr},         {"__str__", b_repr},      {"__len__", b_len},
        {"__getitem__", b_getitem}, {"__contains__", b_contains}, {"__eq__", b_compare<0>}, {"__ne__", b_compare<1>},
        {"__lt__", b_compare<2>},   {"__le__", b_compare<3>},     {"__gt__", b_compare<4>}, {"__ge__", b_compare<5>},
        {"__add__", b_add},         {"__mul__", b_mul},           {"__rmul__", b_mul},      {"__mod__", b_mod},
    };
    for (auto& m : methods) vm.add_method(t, m.n, m.f);
    dict_set_str(vm, t->m_dict, vm.intern("__iter__"), vm.new_native("__iter__", b_iter, Value::object(iter_type)));
    add_bytes_methods(vm, t);
}

}  // namespace

// [SECTION] Types

void init_bytes_types(VM& vm) {
    TypeObject* bytes = vm.t_bytes;
    bytes->m_layout = ObjKind::Cxx;
    bytes->m_new = bytes_new;
    bytes->m_tflags |= TF_BASETYPE;
    add_common(vm, bytes, make_iter_type(vm, "bytes_iterator"));
    vm.add_method(bytes, "__hash__", b_hash);
    vm.add_method(bytes, "__bytes__", b_bytes);

    TypeObject* ba = vm.new_builtin_type("bytearray", vm.t_object, ObjKind::Cxx, bytearray_new, TF_BASETYPE);
    ba->m_tflags |= TF_NEW_INITS;
    vm.t_bytearray = ba;
    add_common(vm, ba, make_iter_type(vm, "bytearray_iterator"));
    dict_set_str(vm, ba->m_dict, vm.intern("__hash__"), Value::none());
    vm.add_method(ba, "__iadd__", ba_iadd);
    vm.add_method(ba, "__imul__", ba_imul);
    add_bytearray_methods(vm, ba);
    vm.dict_set_str(vm.m_builtins, "bytearray", Value::steal(ba));
    init_memoryview_type(vm);
}

}  // namespace aio::script
