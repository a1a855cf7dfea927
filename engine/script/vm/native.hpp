// native.hpp — C++-defined iterators and awaitables.
//
// An object that `await` or `yield from` can drive (SEND) without going
// through Python-level method calls: asyncio futures' iterators, async
// generator asend/athrow awaitables, coroutine wrappers.
#pragma once

#include <string>
#include <type_traits>

#include "vm/vm.hpp"

namespace aio::script {

constexpr uint8_t kCxxIterFlag = 1;  // CxxObject::m_flags bit: is a NativeIter

struct NativeIter : CxxObject {
    // Advances with a sent value: Yield (out = yielded), Return (out = result)
    // or Error (exception pending).
    virtual SendStatus send(VM& vm, Value v, Value& out) = 0;
    // Throws exc in: by default the exception simply propagates.
    virtual SendStatus throw_(VM& vm, Value exc, Value& out) {
        (void)out;
        vm.set_exc(std::move(exc));
        return SendStatus::Error;
    }
    virtual bool close(VM& vm) {
        (void)vm;
        return true;
    }
};

// A C++ awaitable standing in for a coroutine of CPython's asyncio
// (Queue.get(), sleep()): iscoroutine() is true, tasks run it, and one that
// is dropped without being awaited warns "coroutine '...' was never awaited".
constexpr uint8_t kCxxCoroFlag = 2;  // CxxObject::m_flags bit: is a CoroOp

struct CoroOp : NativeIter {
    enum class St : uint8_t { Created, Running, Done };
    St m_state = St::Created;
    bool m_quiet = false;                  // run by a task: no "never awaited" even if cancelled first
    virtual const char* name() const = 0;  // the coroutine's qualname
    // Drops a suspended op (close()); false with an exception on failure.
    virtual bool close_suspended(VM& vm) = 0;
    // send()'s checks before a step: a finished op cannot be awaited again and
    // a new one takes only None. False with the exception set.
    bool can_send(VM& vm, const Value& v);
    bool close(VM& vm) override;
    void finalize(VM& vm) override;
};

inline bool is_coro_op(const Value& v) { return is_kind(v, ObjKind::Cxx) && (v.as_obj()->m_flags & kCxxCoroFlag); }

// Warns that a coroutine was never awaited (CPython's wording).
void warn_never_awaited(VM& vm, const std::string& qualname);

inline NativeIter* as_native_iter(const Value& v) {
    if (!is_kind(v, ObjKind::Cxx) || !(v.as_obj()->m_flags & kCxxIterFlag)) return nullptr;
    return static_cast<NativeIter*>(v.as<CxxObject>());
}

// Allocates a NativeIter subclass with the flag set.
template <class T>
T* new_native_iter(VM& vm, TypeObject* type) {
    T* o = vm.alloc<T>(type, ObjKind::Cxx);
    o->m_flags |= kCxxIterFlag;
    if constexpr (std::is_base_of_v<CoroOp, T>) o->m_flags |= kCxxCoroFlag;
    return o;
}

// Generator plumbing shared with asyncio (gen.cpp).
SendStatus gen_resume(VM& vm, GenObject* g, int mode, Value v, Value& out);  // mode 0 send, 1 continue, 2 throw
SendStatus gen_throw(VM& vm, GenObject* g, Value exc, Value& out, bool closing);
Value normalize_throw(VM& vm, Value* args, int nargs);  // throw(type[, value[, tb]]) -> instance
void print_unraisable(VM& vm, const std::string& context);

}  // namespace aio::script
