#pragma once
// A growable FIFO ring buffer: the loop's ready queue. Cheaper than
// std::deque for the push-back/pop-front pattern and keeps items contiguous.

#include <cstddef>
#include <memory>
#include <utility>

namespace aio::detail {

template <class T>
class RingQueue {
public:
    RingQueue() = default;
    RingQueue(const RingQueue&) = delete;
    RingQueue& operator=(const RingQueue&) = delete;

    bool empty() const noexcept { return m_size == 0; }
    std::size_t size() const noexcept { return m_size; }

    void push_back(const T& v) {
        if (m_size == m_cap) grow();
        m_buf[(m_head + m_size) & (m_cap - 1)] = v;
        ++m_size;
    }
    // Put an item back at the front (a held task step resumes first).
    void push_front(const T& v) {
        if (m_size == m_cap) grow();
        m_head = (m_head + m_cap - 1) & (m_cap - 1);
        m_buf[m_head] = v;
        ++m_size;
    }
    T pop_front() noexcept {
        T v = m_buf[m_head];
        m_head = (m_head + 1) & (m_cap - 1);
        --m_size;
        return v;
    }
    // i-th item from the front, for the inspector.
    const T& operator[](std::size_t i) const noexcept { return m_buf[(m_head + i) & (m_cap - 1)]; }

private:
    void grow() {
        std::size_t cap = m_cap ? m_cap * 2 : 64;
        std::unique_ptr<T[]> buf(new T[cap]);
        for (std::size_t i = 0; i < m_size; ++i) buf[i] = m_buf[(m_head + i) & (m_cap - 1)];
        m_buf = std::move(buf);
        m_cap = cap;
        m_head = 0;
    }
    std::unique_ptr<T[]> m_buf;
    std::size_t m_cap = 0;   // power of two
    std::size_t m_head = 0;  // index of the front item
    std::size_t m_size = 0;
};

}  // namespace aio::detail
