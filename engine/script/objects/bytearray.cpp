// bytearray.cpp — what only a bytearray can do: change in place (CPython's
// bytearrayobject.c). A bytearray with live memoryviews keeps its size
// (BufferError), as CPython's buffer exports do.
#include <algorithm>
#include <cstring>

#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

BytesObject* self_b(Value* a) { return as_bytes(a[0]); }

bool byte_value(VM& vm, const Value& v, uint8_t& out) {
    int64_t c;
    if (!int_from_value(vm, v, c, "byte")) return false;
    if (c < 0 || c > 255) {
        vm.raise(vm.e_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    out = static_cast<uint8_t>(c);
    return true;
}

bool can_resize(VM& vm, BytesObject* b) {
    if (!b->m_exports) return true;
    vm.raise(vm.e_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
}

// Replaces b[pos:pos+len] with data.
bool splice(VM& vm, BytesObject* b, size_t pos, size_t len, std::string_view data) {
    if (data.size() != len && !can_resize(vm, b)) return false;
    std::string tail(b->view().substr(pos + len));
    if (!bytes_resize(vm, b, pos + data.size() + tail.size())) return false;
    if (!data.empty()) std::memcpy(b->m_data + pos, data.data(), data.size());
    if (!tail.empty()) std::memcpy(b->m_data + pos + data.size(), tail.data(), tail.size());
    return true;
}

Value ba_append(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "bytearray.append() takes exactly one argument (%d given)", n - 1);
    uint8_t c;
    if (!byte_value(vm, a[1], c)) return Value();
    BytesObject* b = self_b(a);
    if (!can_resize(vm, b) || !bytes_resize(vm, b, b->m_size + 1)) return Value();
    b->m_data[b->m_size - 1] = c;
    return Value::none();
}

Value ba_extend(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "bytearray.extend() takes exactly one argument (%d given)", n - 1);
    if (is_str(a[1])) return vm.raise(vm.e_TypeError, "expected iterable of integers; got: 'str'");
    std::string data;
    if (!bytes_from_object(vm, a[1], data, true)) {
        if (vm.exc_matches(vm.e_TypeError) && !a[1].is_intlike()) {}
        return Value();
    }
    BytesObject* b = self_b(a);
    if (!splice(vm, b, b->m_size, 0, data)) return Value();
    return Value::none();
}

Value ba_pop(VM& vm, Value* a, int n, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    int64_t i = -1;
    if (n > 1 && !int_from_value(vm, a[1], i, "index")) return Value();
    if (b->m_size == 0) return vm.raise(vm.e_IndexError, "pop from empty bytearray");
    int64_t len = static_cast<int64_t>(b->m_size);
    if (i < 0) i += len;
    if (i < 0 || i >= len) return vm.raise(vm.e_IndexError, "pop index out of range");
    if (!can_resize(vm, b)) return Value();
    uint8_t c = b->m_data[i];
    splice(vm, b, static_cast<size_t>(i), 1, {});
    return Value::integer(c);
}

Value ba_insert(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 3) return vm.raisef(vm.e_TypeError, "insert expected 2 arguments, got %d", n - 1);
    BytesObject* b = self_b(a);
    int64_t i;
    uint8_t c;
    if (!int_from_value(vm, a[1], i, "index") || !byte_value(vm, a[2], c)) return Value();
    int64_t len = static_cast<int64_t>(b->m_size);
    if (i < 0) i = std::max<int64_t>(0, i + len);
    if (i > len) i = len;
    char ch = static_cast<char>(c);
    if (!splice(vm, b, static_cast<size_t>(i), 0, std::string_view(&ch, 1))) return Value();
    return Value::none();
}

Value ba_remove(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "bytearray.remove() takes exactly one argument (%d given)", n - 1);
    uint8_t c;
    if (!byte_value(vm, a[1], c)) return Value();
    BytesObject* b = self_b(a);
    size_t p = b->view().find(static_cast<char>(c));
    if (p == std::string_view::npos) return vm.raise(vm.e_ValueError, "value not found in bytearray");
    if (!splice(vm, b, p, 1, {})) return Value();
    return Value::none();
}

Value ba_clear(VM& vm, Value* a, int, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    if (!splice(vm, b, 0, b->m_size, {})) return Value();
    return Value::none();
}

Value ba_reverse(VM&, Value* a, int, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    std::reverse(b->m_data, b->m_data + b->m_size);
    return Value::none();
}

Value ba_copy(VM& vm, Value* a, int, TupleObject*, Value&) { return new_bytes(vm, vm.t_bytearray, self_b(a)->view()); }

Value ba_setitem(VM& vm, Value* a, int, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    const Value& key = a[1];
    int64_t len = static_cast<int64_t>(b->m_size);
    if (is_kind(key, ObjKind::Slice)) {
        std::string data;
        std::string_view v;
        std::string scratch;
        if (bytes_like(vm, a[2], v, scratch)) {
            data.assign(v);
        } else if (a[2].is_intlike() || is_str(a[2]) || !bytes_from_object(vm, a[2], data, true)) {
            vm.clear_exc();
            return vm.raise(vm.e_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), len, start, stop, step, count)) return Value();
        if (step == 1) {
            int64_t span = stop > start ? stop - start : 0;
            if (!splice(vm, b, static_cast<size_t>(start), static_cast<size_t>(span), data)) return Value();
            return Value::none();
        }
        if (static_cast<int64_t>(data.size()) != count)
            return vm.raisef(vm.e_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld",
                             data.size(), static_cast<long long>(count));
        for (int64_t i = 0, j = start; i < count; ++i, j += step) b->m_data[j] = static_cast<uint8_t>(data[i]);
        return Value::none();
    }
    int64_t i;
    if (!normalize_index(vm, key, len, i, "bytearray")) return Value();
    uint8_t c;
    if (!byte_value(vm, a[2], c)) return Value();
    b->m_data[i] = c;
    return Value::none();
}

Value ba_delitem(VM& vm, Value* a, int, TupleObject*, Value&) {
    BytesObject* b = self_b(a);
    const Value& key = a[1];
    int64_t len = static_cast<int64_t>(b->m_size);
    if (is_kind(key, ObjKind::Slice)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, key.as<SliceObject>(), len, start, stop, step, count)) return Value();
        if (count == 0) return Value::none();
        if (!can_resize(vm, b)) return Value();
        std::vector<bool> drop(b->m_size, false);
        for (int64_t k = 0, j = start; k < count; ++k, j += step) drop[j] = true;
        std::string keep;
        for (size_t k = 0; k < b->m_size; ++k)
            if (!drop[k]) keep += static_cast<char>(b->m_data[k]);
        splice(vm, b, 0, b->m_size, keep);
        return Value::none();
    }
    int64_t i;
    if (!normalize_index(vm, key, len, i, "bytearray")) return Value();
    if (!splice(vm, b, static_cast<size_t>(i), 1, {})) return Value();
    return Value::none();
}

}  // namespace

void add_bytearray_methods(VM& vm, TypeObject* t) {
    struct {
        const char* n;
        NativeFn f;
    } methods[] = {
        {"append", ba_append},       {"extend", ba_extend},       {"pop", ba_pop},         {"insert", ba_insert},
        {"remove", ba_remove},       {"clear", ba_clear},         {"reverse", ba_reverse}, {"copy", ba_copy},
        {"__setitem__", ba_setitem}, {"__delitem__", ba_delitem},
    };
    for (auto& m : methods) vm.add_method(t, m.n, m.f);
}

}  // namespace aio::script
