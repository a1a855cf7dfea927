#pragma once
// Intrusive, single-threaded reference counting for loop objects (futures,
// tasks, handles). Like CPython's refcounts: cheap, deterministic, and an
// object is freed the moment its last owner lets go.

#include <cstdint>
#include <utility>

namespace aio::detail {

template <class T>
class Ref {
public:
    Ref() noexcept = default;
    Ref(T* p) noexcept : m_p(p) {
        if (m_p) m_p->add_ref();
    }  // NOLINT: implicit by design
    Ref(const Ref& o) noexcept : Ref(o.m_p) {}
    Ref(Ref&& o) noexcept : m_p(std::exchange(o.m_p, nullptr)) {}
    template <class U>
    Ref(const Ref<U>& o) noexcept : Ref(static_cast<T*>(o.get())) {}
    ~Ref() {
        if (m_p) m_p->release();
    }
    Ref& operator=(Ref o) noexcept {
        std::swap(m_p, o.m_p);
        return *this;
    }
    T* get() const noexcept { return m_p; }
    T* operator->() const noexcept { return m_p; }
    T& operator*() const noexcept { return *m_p; }
    explicit operator bool() const noexcept { return m_p != nullptr; }
    friend bool operator==(const Ref& a, const Ref& b) noexcept { return a.m_p == b.m_p; }
    // Take over an existing reference without adding one.
    static Ref adopt(T* p) noexcept {
        Ref r;
        r.m_p = p;
        return r;
    }
    T* leak() noexcept { return std::exchange(m_p, nullptr); }

private:
    T* m_p = nullptr;
};

}  // namespace aio::detail
