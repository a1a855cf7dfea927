// bytes.hpp — bytes, bytearray and memoryview: layouts and the helpers the
// runtime files share (CPython's bytesobject.h / bytearrayobject.h /
// memoryobject.h).
//
// bytes and bytearray share one C++ layout, a buffer of accounted memory
// (VM::raw_alloc); the type says whether it may change. Both are CxxObjects,
// so the generic protocols (ops.cpp) reach them through their dunder methods.
#pragma once

#include <string>
#include <string_view>

#include "vm/vm.hpp"

namespace aio::script {

struct BytesObject : CxxObject {
    VM* m_vm = nullptr;         // owner of the buffer's memory
    uint8_t* m_data = nullptr;  // m_cap bytes from m_vm->raw_alloc
    size_t m_size = 0;
    size_t m_cap = 0;
    int64_t m_hash = -1;      // bytes only: -1 until computed
    uint32_t m_exports = 0;   // live memoryviews (a bytearray cannot be resized meanwhile)
    ~BytesObject() override;  // frees the buffer
    std::string_view view() const { return {reinterpret_cast<const char*>(m_data), m_size}; }
};

// A window on a bytes-like object's buffer: format 'B', one dimension.
struct MemoryViewObject : CxxObject {
    Value m_obj;  // the exporting bytes/bytearray (Null once released)
    size_t m_start = 0;
    int64_t m_step = 1;
    size_t m_len = 0;
    bool m_readonly = true;
    void clear_refs() override { m_obj = Value(); }
    ~MemoryViewObject() override;  // gives up the export
};

// [SECTION] bytes.cpp
bool is_bytes(VM& vm, const Value& v);      // bytes or a subclass
bool is_bytearray(VM& vm, const Value& v);  // bytearray or a subclass
bool is_memoryview(VM& vm, const Value& v);
inline BytesObject* as_bytes(const Value& v) { return static_cast<BytesObject*>(v.as<CxxObject>()); }
// A new bytes (t = t_bytes) or bytearray with a copy of data; Null with
// MemoryError when that would pass the VM's memory limit.
Value new_bytes(VM& vm, TypeObject* t, std::string_view data);
Value new_bytes(VM& vm, std::string_view data);  // a bytes
// The bytes of a bytes-like object (bytes, bytearray, memoryview). `scratch`
// holds a copy when the bytes are not contiguous. False (no exception) if v
// is not bytes-like.
bool bytes_like(VM& vm, const Value& v, std::string_view& out, std::string& scratch);
// bytes_like or TypeError "a bytes-like object is required, not 'T'".
bool need_bytes_like(VM& vm, const Value& v, std::string_view& out, std::string& scratch);
// Grows (or shrinks) a bytearray's buffer to n bytes; new bytes are zero.
bool bytes_resize(VM& vm, BytesObject* b, size_t n);
// b'...' with CPython's quoting; bytearray's repr escapes every ' (CPython's quirk).
std::string bytes_repr(std::string_view data, bool escape_all_squotes = false);
// bytes(x) for a single argument: bytes-like, __bytes__, int count or an
// iterable of ints. `what` names the error ("bytes" or "byte").
bool bytes_from_object(VM& vm, const Value& x, std::string& out, bool bytearray);
void init_bytes_types(VM& vm);

// [SECTION] bytes_methods.cpp: the methods bytes and bytearray share
void add_bytes_methods(VM& vm, TypeObject* t);
Value bytes_percent_format(VM& vm, const Value& self, const Value& args);

// [SECTION] bytearray.cpp: the methods that change a bytearray
void add_bytearray_methods(VM& vm, TypeObject* t);

// [SECTION] memoryview.cpp
void init_memoryview_type(VM& vm);

// [SECTION] codecs.cpp: str.encode / bytes.decode
Value codec_encode(VM& vm, const Value& str, std::string_view encoding, std::string_view errors);
Value codec_decode(VM& vm, std::string_view data, std::string_view encoding, std::string_view errors);
// str() of UnicodeDecodeError / UnicodeEncodeError built by the codecs
// (args: encoding, object, start, end, reason); Null if e is not one.
Value unicode_error_str(VM& vm, ExceptionObject* e);
void init_unicode_error_attrs(VM& vm);

}  // namespace aio::script
