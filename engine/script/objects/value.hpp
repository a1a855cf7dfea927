// value.hpp — the tagged value every stack slot, local and container holds.
//
// A Value is 16 bytes: a tag and a payload. None, bool, int (int64) and float
// live inline, so arithmetic never allocates; everything else is a pointer to
// a refcounted Object (object.hpp). Copying a Value that holds an object bumps
// its refcount; destroying it drops it. Null is not a Python value: it marks an
// unbound local, an empty slot, and — returned from a native — "an exception
// is pending in the VM" (CPython's NULL return).
#pragma once

#include <cstdint>
#include <utility>

namespace aio::script {

struct Object;
void object_free(Object* o);  // heap.cpp: runs when a refcount reaches zero

enum class Tag : uint8_t { Null, None, Bool, Int, Float, Obj };

struct Object {
    uint32_t m_refcount;  // owners; the object is freed when it drops to 0
    uint8_t m_kind;       // ObjKind (object.hpp)
    uint8_t m_flags;      // kind-specific bits
    uint16_t m_pad;
    struct TypeObject* m_type;  // Python type (never null once constructed)
    Object* m_prev;             // every live object is on its heap's list, so a
    Object* m_next;             // run can free everything it allocated at the end
};

inline void incref(Object* o) { ++o->m_refcount; }
inline void decref(Object* o) {
    if (--o->m_refcount == 0) object_free(o);
}

class Value {
public:
    Value() : m_tag(Tag::Null) { m_u.i = 0; }
    ~Value() {
        if (m_tag == Tag::Obj) decref(m_u.o);
    }
    Value(const Value& v) : m_tag(v.m_tag), m_u(v.m_u) {
        if (m_tag == Tag::Obj) incref(m_u.o);
    }
    Value(Value&& v) noexcept : m_tag(v.m_tag), m_u(v.m_u) { v.m_tag = Tag::Null; }
    Value& operator=(const Value& v) {
        if (v.m_tag == Tag::Obj) incref(v.m_u.o);
        Value old(std::move(*this));
        m_tag = v.m_tag;
        m_u = v.m_u;
        return *this;
    }
    Value& operator=(Value&& v) noexcept {
        if (this != &v) {
            Tag ot = m_tag;
            Object* oo = m_u.o;
            m_tag = v.m_tag;
            m_u = v.m_u;
            v.m_tag = Tag::Null;
            if (ot == Tag::Obj) decref(oo);
        }
        return *this;
    }

    static Value none() {
        Value v;
        v.m_tag = Tag::None;
        return v;
    }
    static Value boolean(bool b) {
        Value v;
        v.m_tag = Tag::Bool;
        v.m_u.i = 0;
        v.m_u.b = b;
        return v;
    }
    static Value integer(int64_t i) {
        Value v;
        v.m_tag = Tag::Int;
        v.m_u.i = i;
        return v;
    }
    static Value real(double d) {
        Value v;
        v.m_tag = Tag::Float;
        v.m_u.f = d;
        return v;
    }
    // A new reference to o (o's count is bumped).
    static Value object(Object* o) {
        incref(o);
        Value v;
        v.m_tag = Tag::Obj;
        v.m_u.o = o;
        return v;
    }
    // Takes over a reference the caller owns (e.g. a fresh allocation).
    static Value steal(Object* o) {
        Value v;
        v.m_tag = Tag::Obj;
        v.m_u.o = o;
        return v;
    }

    Tag tag() const { return m_tag; }
    bool is_null() const { return m_tag == Tag::Null; }
    bool is_none() const { return m_tag == Tag::None; }
    bool is_bool() const { return m_tag == Tag::Bool; }
    bool is_int() const { return m_tag == Tag::Int; }
    bool is_float() const { return m_tag == Tag::Float; }
    bool is_obj() const { return m_tag == Tag::Obj; }
    // int or bool: Python's bool is a subclass of int.
    bool is_intlike() const { return m_tag == Tag::Int || m_tag == Tag::Bool; }

    bool as_bool() const { return m_u.b; }
    int64_t as_int() const { return m_u.i; }
    int64_t as_intlike() const { return m_tag == Tag::Bool ? (m_u.b ? 1 : 0) : m_u.i; }
    double as_float() const { return m_u.f; }
    Object* as_obj() const { return m_u.o; }
    template <class T>
    T* as() const {
        return static_cast<T*>(m_u.o);
    }

    // VM fast paths: overwrite a slot known to hold no object reference.
    void raw_set_int(int64_t i) {
        m_tag = Tag::Int;
        m_u.i = i;
    }
    void raw_set_float(double d) {
        m_tag = Tag::Float;
        m_u.f = d;
    }
    void raw_clear() { m_tag = Tag::Null; }
    // Drops the value, leaving Null; the slot is empty before any destructor runs.
    void clear() {
        Tag t = m_tag;
        m_tag = Tag::Null;
        if (t == Tag::Obj) decref(m_u.o);
    }

    // Gives up ownership of the object without decref (caller now owns it).
    Object* release() {
        m_tag = Tag::Null;
        return m_u.o;
    }
    // Bitwise identity (`is`).
    bool identical(const Value& v) const {
        if (m_tag != v.m_tag) return false;
        switch (m_tag) {
        case Tag::Null:
        case Tag::None:
            return true;
        case Tag::Bool:
            return m_u.b == v.m_u.b;
        case Tag::Obj:
            return m_u.o == v.m_u.o;
        default:
            return m_u.i == v.m_u.i;
        }
    }

private:
    Tag m_tag;
    union {
        bool b;
        int64_t i;
        double f;
        Object* o;
    } m_u;
};

static_assert(sizeof(Value) == 16);

// An owned, typed object pointer for C++ code that builds objects.
template <class T>
class Ref {
public:
    Ref() = default;
    explicit Ref(T* p) : m_p(p) {}  // adopts a reference
    Ref(const Ref& r) : m_p(r.m_p) {
        if (m_p) incref(m_p);
    }
    Ref(Ref&& r) noexcept : m_p(r.m_p) { r.m_p = nullptr; }
    Ref& operator=(Ref r) noexcept {
        std::swap(m_p, r.m_p);
        return *this;
    }
    ~Ref() {
        if (m_p) decref(m_p);
    }
    static Ref borrow(T* p) {
        if (p) incref(p);
        return Ref(p);
    }
    T* get() const { return m_p; }
    T* operator->() const { return m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    T* release() {
        T* p = m_p;
        m_p = nullptr;
        return p;
    }
    Value value() const { return Value::object(m_p); }
    Value take() { return Value::steal(release()); }

private:
    T* m_p = nullptr;
};

}  // namespace aio::script
