#pragma once
// ExceptionSlot: a std::exception_ptr member that costs nothing while empty.
// libc++ (the Wasm build) destroys and copies an exception_ptr through
// out-of-line calls into libc++abi even when it is null, and every task,
// future and coroutine frame carries such members that are empty on the
// success path: profiling W1 under Node showed ~7% of the time in
// __cxa_decrement_exception_refcount for null pointers. The slot skips the
// destructor and copies when empty; otherwise it behaves as the pointer.

#include <cstddef>
#include <exception>
#include <new>

namespace aio::detail {

class ExceptionSlot {
public:
    ExceptionSlot() noexcept { ::new (&m_p) std::exception_ptr(); }
    ExceptionSlot(std::nullptr_t) noexcept : ExceptionSlot() {}  // NOLINT: like exception_ptr
    ExceptionSlot(const std::exception_ptr& e) noexcept {        // NOLINT: like exception_ptr
        if (e)
            ::new (&m_p) std::exception_ptr(e);
        else
            ::new (&m_p) std::exception_ptr();
    }
    ExceptionSlot(const ExceptionSlot& o) noexcept : ExceptionSlot(o.m_p) {}
    ExceptionSlot(ExceptionSlot&& o) noexcept : ExceptionSlot(o.m_p) { o.reset(); }
    ~ExceptionSlot() {
        if (m_p) m_p.~exception_ptr();  // a null pointer owns nothing
    }

    ExceptionSlot& operator=(const std::exception_ptr& e) noexcept {
        if (e || m_p) m_p = e;
        return *this;
    }
    ExceptionSlot& operator=(const ExceptionSlot& o) noexcept { return *this = o.m_p; }
    ExceptionSlot& operator=(ExceptionSlot&& o) noexcept {
        if (this != &o) {
            *this = o.m_p;
            o.reset();
        }
        return *this;
    }
    ExceptionSlot& operator=(std::nullptr_t) noexcept {
        reset();
        return *this;
    }

    void reset() noexcept {
        if (m_p) m_p = nullptr;
    }
    explicit operator bool() const noexcept { return bool(m_p); }
    const std::exception_ptr& get() const noexcept { return m_p; }
    operator const std::exception_ptr&() const noexcept { return m_p; }  // NOLINT: reads as the pointer

private:
    union {
        std::exception_ptr m_p;
    };
};

}  // namespace aio::detail
