#pragma once
// asyncio.Queue, PriorityQueue and LifoQueue, with 3.13's shutdown().
//
//     aio::Queue<int> q(100);        // maxsize 100; 0 = unbounded
//     co_await q.put(1);             // waits while full
//     int x = co_await q.get();      // waits while empty
//     q.task_done(); co_await q.join();
//
// Like CPython, put() on a queue that is not full and get() on one that is
// not empty complete without suspending; a woken getter re-checks the queue
// when it runs and waits again (at the back) if another task took the item
// first. put_nowait/get_nowait raise QueueFull/QueueEmpty; after shutdown()
// put raises QueueShutDown, and get raises it once the queue is empty.
//
// Contents
//   [SECTION] Buffers      FIFO ring, LIFO stack, heapq-ordered heap
//   [SECTION] QueueWaiter  a getter/putter that re-checks when it resumes
//   [SECTION] QueueBase    waiters, unfinished-task count, shutdown
//   [SECTION] BasicQueue   put/get and their awaiters (inline fast paths)
//   [SECTION] Queue, PriorityQueue, LifoQueue

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "aio/event.hpp"
#include "aio/exceptions.hpp"

namespace aio {

namespace detail {

// [SECTION] Buffers ------------------------------------------------------------------------

// asyncio.Queue's collections.deque: a growable power-of-two ring of raw
// slots, so steady-state put/get move items without allocating.
template <class T>
class FifoBuffer {
public:
    static constexpr const char* type_name = "Queue";
    FifoBuffer() = default;
    FifoBuffer(const FifoBuffer&) = delete;
    FifoBuffer& operator=(const FifoBuffer&) = delete;
    ~FifoBuffer() {
        while (m_size) pop();
        if (m_buf) std::allocator<T>().deallocate(m_buf, m_cap);
    }

    bool empty() const noexcept { return m_size == 0; }
    std::size_t size() const noexcept { return m_size; }
    void push(T&& v) {
        if (m_size == m_cap) grow();
        ::new (static_cast<void*>(m_buf + ((m_head + m_size) & (m_cap - 1)))) T(std::move(v));
        ++m_size;
    }
    T pop() {
        T* slot = m_buf + m_head;
        T v(std::move(*slot));
        slot->~T();
        m_head = (m_head + 1) & (m_cap - 1);
        --m_size;
        return v;
    }
    template <class F>
    void for_each(F&& f) const {
        for (std::size_t i = 0; i < m_size; ++i) f(m_buf[(m_head + i) & (m_cap - 1)]);
    }

private:
    void grow() {
        std::size_t cap = m_cap ? m_cap * 2 : 16;
        T* buf = std::allocator<T>().allocate(cap);
        for (std::size_t i = 0; i < m_size; ++i) {
            T* from = m_buf + ((m_head + i) & (m_cap - 1));
            ::new (static_cast<void*>(buf + i)) T(std::move(*from));
            from->~T();
        }
        if (m_buf) std::allocator<T>().deallocate(m_buf, m_cap);
        m_buf = buf;
        m_cap = cap;
        m_head = 0;
    }
    T* m_buf = nullptr;
    std::size_t m_cap = 0;   // slots, a power of two
    std::size_t m_head = 0;  // slot of the oldest item
    std::size_t m_size = 0;  // items
};

// asyncio.LifoQueue's list: append / pop().
template <class T>
class LifoBuffer {
public:
    static constexpr const char* type_name = "LifoQueue";
    bool empty() const noexcept { return m_items.empty(); }
    std::size_t size() const noexcept { return m_items.size(); }
    void push(T&& v) { m_items.push_back(std::move(v)); }
    T pop() {
        T v(std::move(m_items.back()));
        m_items.pop_back();
        return v;
    }
    template <class F>
    void for_each(F&& f) const {
        for (const T& v : m_items) f(v);
    }

private:
    std::vector<T> m_items;
};

// asyncio.PriorityQueue's list under heapq.heappush / heappop. heapq is not
// stable, and items that compare equal come out in whatever order its sift
// steps leave them; the same steps are reproduced here (not std::push_heap)
// so that order matches CPython's too. Smallest first under `Compare`, which
// plays Python's `<`.
template <class T, class Compare>
class HeapBuffer {
public:
    static constexpr const char* type_name = "PriorityQueue";
    explicit HeapBuffer(Compare less = Compare()) : m_less(std::move(less)) {}
    bool empty() const noexcept { return m_heap.empty(); }
    std::size_t size() const noexcept { return m_heap.size(); }
    // heapq.heappush
    void push(T&& v) {
        m_heap.push_back(std::move(v));
        sift_down(0, m_heap.size() - 1);
    }
    // heapq.heappop
    T pop() {
        T last(std::move(m_heap.back()));
        m_heap.pop_back();
        if (m_heap.empty()) return last;
        T top(std::move(m_heap.front()));
        m_heap.front() = std::move(last);
        sift_up(0);
        return top;
    }
    template <class F>
    void for_each(F&& f) const {
        for (const T& v : m_heap) f(v);
    }

private:
    // heapq._siftdown: move the item at pos up towards start.
    void sift_down(std::size_t start, std::size_t pos) {
        T item(std::move(m_heap[pos]));
        while (pos > start) {
            std::size_t parent = (pos - 1) >> 1;
            if (!m_less(item, m_heap[parent])) break;
            m_heap[pos] = std::move(m_heap[parent]);
            pos = parent;
        }
        m_heap[pos] = std::move(item);
    }
    // heapq._siftup: move the smaller child up until a leaf, then sift down.
    void sift_up(std::size_t pos) {
        const std::size_t end = m_heap.size(), start = pos;
        T item(std::move(m_heap[pos]));
        std::size_t child = 2 * pos + 1;
        while (child < end) {
            std::size_t right = child + 1;
            if (right < end && !m_less(m_heap[child], m_heap[right])) child = right;
            m_heap[pos] = std::move(m_heap[child]);
            pos = child;
            child = 2 * pos + 1;
        }
        m_heap[pos] = std::move(item);
        sift_down(start, pos);
    }
    std::vector<T> m_heap;
    Compare m_less;
};

// [SECTION] QueueWaiter --------------------------------------------------------------------

// A getter or putter. CPython's Queue.get is
//     while self.empty(): ... await getter ...
//     return self.get_nowait()
// so a woken getter that finds the queue emptied again (another task took
// the item in between) waits again, at the back, within the same `await
// q.get()`. One C++ awaiter cannot suspend twice, so the waiting task is
// resumed through a small per-thread trampoline coroutine: at the task's
// step — exactly when CPython re-checks `self.empty()` — `recheck` either
// queues the waiter again (the task stays suspended) or lets the task's own
// frame resume. Nothing is allocated per wait.
class QueueWaiter final : public Waiter {
public:
    // Re-checks the queue; returns true after queueing the waiter again.
    using Recheck = bool (*)(QueueWaiter&);
    QueueWaiter(TaskCore& task, stdcoro::coroutine_handle<> resume, void* queue, Recheck recheck) noexcept
        : Waiter(task), m_resume(resume), m_queue(queue), m_recheck(recheck) {}
    ~QueueWaiter();

    void* queue() const noexcept { return m_queue; }
    // Wait again on a fresh future at the back of `list`.
    void wait_again(WaiterList& list, const char* what) {
        renew_future();
        wait(list, what);
    }
    void on_done(FutureCore& future) override;

private:
    friend struct QueueTrampoline;
    stdcoro::coroutine_handle<> m_resume;  // the awaiting frame
    void* m_queue;
    Recheck m_recheck;
    QueueWaiter* m_armed_prev = nullptr;  // woken, step pending (per-thread list)
    QueueWaiter* m_armed_next = nullptr;
    bool m_armed = false;
};

// [SECTION] QueueBase ----------------------------------------------------------------------

// What does not depend on the item type.
class QueueBase {
public:
    QueueBase(const QueueBase&) = delete;
    QueueBase& operator=(const QueueBase&) = delete;

    // Items allowed in the queue; <= 0 means unbounded.
    std::ptrdiff_t maxsize() const noexcept { return m_maxsize; }

    // One fetched item is processed. ValueError("task_done() called too
    // many times") when nothing is unfinished.
    void task_done();
    // `co_await q.join()`: until every item put has been marked task_done().
    // (asyncio: `if self._unfinished_tasks > 0: await self._finished.wait()`;
    // the event is set exactly when the count is zero.)
    Event::WaitAwaiter join() noexcept { return m_finished.wait(); }

    // Not asyncio API: the count join() waits on, and the waiter counts, for
    // tests and the inspector.
    std::size_t unfinished_tasks() const noexcept { return m_unfinished_tasks; }
    std::size_t getter_count() const noexcept { return m_getters.size(); }
    std::size_t putter_count() const noexcept { return m_putters.size(); }

protected:
    explicit QueueBase(std::ptrdiff_t maxsize) noexcept : m_maxsize(maxsize) { m_finished.set(); }
    ~QueueBase() = default;

    // asyncio: Queue._wakeup_next — pop waiters until one not done, wake it.
    void wakeup_next(WaiterList& waiters);
    // Wake every waiter (shutdown: they re-check and raise QueueShutDown).
    void wakeup_all(WaiterList& waiters);
    // The counts and flags part of CPython's Queue._format().
    std::string format_waiters() const;

    WaiterList m_getters;
    WaiterList m_putters;
    // Popped from m_getters/m_putters (woken, or cancelled) but not resumed
    // yet. Not part of asyncio's state: kept so that a queue destroyed before
    // they run can orphan them.
    WaiterList m_in_transit;
    std::size_t m_unfinished_tasks = 0;
    Event m_finished;  // set iff m_unfinished_tasks == 0
    std::ptrdiff_t m_maxsize;
    EventLoop* m_loop = nullptr;  // bound on first wait
    bool m_is_shutdown = false;
};

template <class T>
concept QueuePrintable = requires(std::ostream& os, const T& v) {
    os << v;
};

}  // namespace detail

// [SECTION] BasicQueue -----------------------------------------------------------------------

template <class T, class Buffer>
class BasicQueue : public detail::QueueBase {
public:
    using value_type = T;
    explicit BasicQueue(std::ptrdiff_t maxsize = 0) : QueueBase(maxsize) {}
    BasicQueue(std::ptrdiff_t maxsize, Buffer buffer) : QueueBase(maxsize), m_buffer(std::move(buffer)) {}

    std::size_t qsize() const noexcept { return m_buffer.size(); }
    bool empty() const noexcept { return m_buffer.empty(); }
    // Never true for an unbounded queue.
    bool full() const noexcept { return m_maxsize > 0 && m_buffer.size() >= static_cast<std::size_t>(m_maxsize); }

    // QueueShutDown after shutdown(), QueueFull when full.
    void put_nowait(T item) {
        if (m_is_shutdown) throw QueueShutDown();
        if (full()) throw QueueFull();
        m_buffer.push(std::move(item));
        ++m_unfinished_tasks;
        m_finished.clear();
        if (!m_getters.empty()) wakeup_next(m_getters);
    }
    // QueueEmpty when empty; QueueShutDown when empty after shutdown().
    T get_nowait() {
        if (m_buffer.empty()) {
            if (m_is_shutdown) throw QueueShutDown();
            throw QueueEmpty();
        }
        T item = m_buffer.pop();
        if (!m_putters.empty()) wakeup_next(m_putters);
        return item;
    }

    class [[nodiscard]] PutAwaiter {
    public:
        PutAwaiter(BasicQueue& q, T&& item) : m_q(&q), m_item(std::move(item)) {}
        // asyncio: `while self.full(): if self._is_shutdown: raise ...` —
        // no suspension unless full; put_nowait raises after shutdown.
        bool await_ready() const noexcept { return !m_q->full() || m_q->m_is_shutdown; }
        template <class P>
        void await_suspend(stdcoro::coroutine_handle<P> h) {
            m_q->suspend(m_wait, h.promise().task_for_await(), h, m_q->m_putters, "Queue.put", &recheck_put);
        }
        void await_resume() {
            if (m_wait) {
                if (m_wait->orphaned()) orphaned_resume(*m_wait);
                m_q->finish_wait(*m_wait, m_q->m_putters, !m_q->full());
            }
            m_q->put_nowait(std::move(m_item));
        }

    private:
        BasicQueue* m_q;
        T m_item;
        std::optional<detail::QueueWaiter> m_wait;  // engaged only when suspended
    };

    class [[nodiscard]] GetAwaiter {
    public:
        explicit GetAwaiter(BasicQueue& q) noexcept : m_q(&q) {}
        // asyncio: `while self.empty(): if shutdown and empty: raise ...`.
        bool await_ready() const noexcept { return !m_q->empty() || m_q->m_is_shutdown; }
        template <class P>
        void await_suspend(stdcoro::coroutine_handle<P> h) {
            m_q->suspend(m_wait, h.promise().task_for_await(), h, m_q->m_getters, "Queue.get", &recheck_get);
        }
        T await_resume() {
            if (m_wait) {
                if (m_wait->orphaned()) orphaned_resume(*m_wait);
                m_q->finish_wait(*m_wait, m_q->m_getters, !m_q->empty());
            }
            return m_q->get_nowait();
        }

    private:
        BasicQueue* m_q;
        std::optional<detail::QueueWaiter> m_wait;  // engaged only when suspended
    };

    // `co_await q.put(x)`: waits while the queue is full.
    PutAwaiter put(T item) { return PutAwaiter(*this, std::move(item)); }
    // `T x = co_await q.get()`: waits while the queue is empty.
    GetAwaiter get() noexcept { return GetAwaiter(*this); }

    // asyncio 3.13: Queue.shutdown. Later puts raise QueueShutDown; gets do
    // once the queue is empty. `immediate` drops the remaining items (each
    // counts as task_done, which may release join()). Every blocked put/get
    // wakes up to re-check, and raises QueueShutDown unless it can proceed.
    void shutdown(bool immediate = false) {
        m_is_shutdown = true;
        if (immediate) {
            while (!m_buffer.empty()) {
                (void)m_buffer.pop();
                if (m_unfinished_tasks > 0) --m_unfinished_tasks;
            }
            if (m_unfinished_tasks == 0) m_finished.set();
        }
        wakeup_all(m_getters);
        wakeup_all(m_putters);
    }

    // CPython's str(): "<Queue maxsize=2 _queue=[1, 2] _getters[1] tasks=2>"
    // (items shown when T can be printed with <<).
    std::string repr() const {
        std::ostringstream os;
        os << '<' << Buffer::type_name << " maxsize=" << m_maxsize;
        if constexpr (detail::QueuePrintable<T>) {
            if (!m_buffer.empty()) {
                os << " _queue=[";
                const char* sep = "";
                m_buffer.for_each([&](const T& v) {
                    os << sep << v;
                    sep = ", ";
                });
                os << ']';
            }
        }
        os << format_waiters() << '>';
        return os.str();
    }

private:
    void suspend(std::optional<detail::QueueWaiter>& w, detail::TaskCore& task, stdcoro::coroutine_handle<> h,
                 detail::WaiterList& list, const char* what, detail::QueueWaiter::Recheck recheck) {
        detail::bind_loop(m_loop, task, *this);
        w.emplace(task, h, this, recheck);
        w->wait(list, what);
        task.m_resume_point = h;
    }
    // asyncio: the `except:` around `await getter` / `await putter`:
    //     waiter.cancel(); try: waiters.remove(waiter) except ValueError: pass
    //     if <can proceed> and not waiter.cancelled(): self._wakeup_next(waiters)
    //     raise
    // A waiter woken but cancelled before it ran hands its turn on.
    void finish_wait(detail::QueueWaiter& w, detail::WaiterList& list, bool can_proceed) {
        try {
            w.check();
        } catch (...) {
            w.cancel_future();
            w.leave_list();
            if (can_proceed && !w.cancelled()) wakeup_next(list);
            throw;
        }
    }
    // The queue was destroyed while this task waited (aio::run cancelling
    // leftover tasks after main returned): CancelledError if that is why the
    // task resumed, else QueueShutDown, as if shut down immediately.
    [[noreturn]] static void orphaned_resume(detail::QueueWaiter& w) {
        w.check();
        throw QueueShutDown();
    }
    // Run at the woken waiter's step: wait again if still blocked.
    static bool recheck_get(detail::QueueWaiter& w) {
        auto& q = *static_cast<BasicQueue*>(w.queue());
        if (!q.empty() || q.m_is_shutdown) return false;
        w.wait_again(q.m_getters, "Queue.get");
        return true;
    }
    static bool recheck_put(detail::QueueWaiter& w) {
        auto& q = *static_cast<BasicQueue*>(w.queue());
        if (!q.full() || q.m_is_shutdown) return false;
        w.wait_again(q.m_putters, "Queue.put");
        return true;
    }

    Buffer m_buffer;
};

// [SECTION] Queue, PriorityQueue, LifoQueue ----------------------------------------------------

// asyncio.Queue: first in, first out.
template <class T>
class Queue : public BasicQueue<T, detail::FifoBuffer<T>> {
public:
    explicit Queue(std::ptrdiff_t maxsize = 0) : BasicQueue<T, detail::FifoBuffer<T>>(maxsize) {}
};

// asyncio.PriorityQueue: smallest first (heapq order), e.g. of
// std::pair<int, std::string> as Python's (priority, data) tuples.
template <class T, class Compare = std::less<T>>
class PriorityQueue : public BasicQueue<T, detail::HeapBuffer<T, Compare>> {
public:
    explicit PriorityQueue(std::ptrdiff_t maxsize = 0, Compare less = Compare())
        : BasicQueue<T, detail::HeapBuffer<T, Compare>>(maxsize, detail::HeapBuffer<T, Compare>(std::move(less))) {}
};

// asyncio.LifoQueue: last in, first out.
template <class T>
class LifoQueue : public BasicQueue<T, detail::LifoBuffer<T>> {
public:
    explicit LifoQueue(std::ptrdiff_t maxsize = 0) : BasicQueue<T, detail::LifoBuffer<T>>(maxsize) {}
};

}  // namespace aio
