// The engine's own control transfers between frames of one task — awaiting a
// Coroutine, returning from it, an async generator's yields, a woken queue
// waiter — must run in constant stack, however many happen in one task step.
// test_toolchain.cpp checks the compiler on a bare coroutine type; this checks
// the engine's types, whose resume functions are bigger.
//
// Why it is here: em++ 3.1.6 (clang 14) emits `return_call_indirect` for a
// symmetric transfer but leaves the function's shadow-stack epilogue after
// it, as dead code. Any resume function that needs shadow-stack space (a
// temporary whose address is taken, e.g. the exception_ptr copied by
// Coroutine::take) then leaks that space at every transfer until the task's
// step returns: 32 bytes per await level of W5 (bench/README.md), so 10000
// depth-100 chains in one task overflowed the 8 MiB stack. The engine hands
// control back to the task's step loop instead in Wasm (detail/transfer.hpp).
//
// Under Emscripten the tests also read the shadow-stack pointer and require
// it not to move across the transfers (exactly: a leak shows at once, well
// before the stack would overflow).

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "aio/aio.hpp"
#include "aio/async_generator.hpp"

#if defined(__EMSCRIPTEN__)
#include <emscripten/stack.h>
#endif

namespace {

// The shadow-stack pointer in Wasm; natively nothing to read (0 always).
std::uintptr_t stack_pointer() {
#if defined(__EMSCRIPTEN__)
    return emscripten_stack_get_current();
#else
    return 0;
#endif
}

// g++ 12 does not make symmetric transfer a tail call at -O0 or under ASan
// (cmake/README.md): the native stack would overflow for reasons that are not
// the engine's, so those builds run shorter loops.
#if defined(__GNUC__) && !defined(__clang__) && (!defined(__OPTIMIZE__) || defined(__SANITIZE_ADDRESS__))
constexpr int kShorten = 100;
#else
constexpr int kShorten = 1;
#endif

std::unique_ptr<aio::EventLoop> virtual_loop() {
    return std::make_unique<aio::EventLoop>(std::make_unique<aio::VirtualClock>());
}

// W5's shape: each level awaits the next and adds one.
aio::Coroutine<std::int64_t> chain(std::int64_t depth) {
    if (depth == 0) co_return 0;
    co_return co_await chain(depth - 1) + 1;
}

// A body that needs a temporary on the stack across the await (a string), as
// ordinary user coroutines do.
aio::Coroutine<std::size_t> chain_with_string(int depth) {
    if (depth == 0) co_return 0;
    std::size_t below = co_await chain_with_string(depth - 1);
    co_return below + std::string(depth % 7 + 20, 'x').size() - (depth % 7 + 20) + 1;
}

aio::Coroutine<int> one() { co_return 1; }

aio::AsyncGenerator<int> count_to(int n) {
    for (int i = 1; i <= n; ++i) co_yield i;
}

// Stack pointer drift measured inside one task step, after `reps` runs.
struct Drift {
    std::intptr_t after_first = 0;
    std::intptr_t after_all = 0;
};

}  // namespace

TEST_CASE("repeated depth-100 await chains in one task step leave the stack where it was") {
    // 100 x 10000 = 1M levels, 2M transfers: W5 at the size.
    constexpr std::int64_t depth = 100, reps = 10000 / kShorten;
    auto loop = virtual_loop();
    auto body = [](std::int64_t depth, std::int64_t reps) -> aio::Coroutine<Drift> {
        Drift d;
        std::uintptr_t start = stack_pointer();
        for (std::int64_t r = 0; r < reps; ++r) {
            std::int64_t got = co_await chain(depth);
            if (got != depth) throw std::runtime_error("chain returned " + std::to_string(got));
            if (r == 0) d.after_first = std::intptr_t(start - stack_pointer());
        }
        d.after_all = std::intptr_t(start - stack_pointer());
        co_return d;
    };
    Drift d = aio::run_until_complete(*loop, body(depth, reps));
    CHECK(d.after_first == 0);
    CHECK(d.after_all == 0);
}

TEST_CASE("deep chains of coroutines with stack temporaries run in constant stack") {
    auto loop = virtual_loop();
    auto body = []() -> aio::Coroutine<Drift> {
        Drift d;
        std::uintptr_t start = stack_pointer();
        for (int r = 0; r < 2000 / kShorten; ++r) {
            std::size_t got = co_await chain_with_string(200);
            if (got != 200) throw std::runtime_error("chain_with_string returned " + std::to_string(got));
            if (r == 0) d.after_first = std::intptr_t(start - stack_pointer());
        }
        d.after_all = std::intptr_t(start - stack_pointer());
        co_return d;
    };
    Drift d = aio::run_until_complete(*loop, body());
    CHECK(d.after_first == 0);
    CHECK(d.after_all == 0);
}

TEST_CASE("a million awaits of finished-at-once coroutines in one step run in constant stack") {
    auto loop = virtual_loop();
    auto body = []() -> aio::Coroutine<Drift> {
        Drift d;
        std::uintptr_t start = stack_pointer();
        std::int64_t sum = 0;
        const int n = 1'000'000 / kShorten;
        for (int i = 0; i < n; ++i) {
            sum += co_await one();
            if (i == 0) d.after_first = std::intptr_t(start - stack_pointer());
        }
        if (sum != n) throw std::runtime_error("sum " + std::to_string(sum));
        d.after_all = std::intptr_t(start - stack_pointer());
        co_return d;
    };
    Drift d = aio::run_until_complete(*loop, body());
    CHECK(d.after_first == 0);
    CHECK(d.after_all == 0);
}

TEST_CASE("an async generator yielding a million values in one step runs in constant stack") {
    auto loop = virtual_loop();
    auto body = []() -> aio::Coroutine<Drift> {
        Drift d;
        std::uintptr_t start = stack_pointer();
        const std::int64_t count = 1'000'000 / kShorten;
        auto gen = count_to(int(count));
        std::int64_t sum = 0, n = 0;
        for (auto it = co_await gen.begin(); it != gen.end(); co_await ++it) {
            sum += *it;
            if (++n == 1) d.after_first = std::intptr_t(start - stack_pointer());
        }
        if (sum != count * (count + 1) / 2) throw std::runtime_error("sum " + std::to_string(sum));
        d.after_all = std::intptr_t(start - stack_pointer());
        co_return d;
    };
    Drift d = aio::run_until_complete(*loop, body());
    CHECK(d.after_first == 0);
    CHECK(d.after_all == 0);
}

TEST_CASE("queue hand-offs between two tasks keep each step's stack in place") {
    // Every get() on an empty queue suspends; put() wakes the getter, whose
    // step goes through the queue's trampoline frame and then its own. The
    // first step (before any get) enters the consumer's frame straight from
    // the task's step; every later one must find the stack at that same spot.
    auto loop = virtual_loop();
    aio::Queue<int> q(1);
    std::intptr_t worst = 0;
    auto consumer = [](aio::Queue<int>& q, int n, std::intptr_t& worst) -> aio::Coroutine<std::int64_t> {
        std::int64_t total = 0;
        std::uintptr_t start = stack_pointer();
        for (int i = 0; i < n; ++i) {
            total += co_await q.get();
            std::intptr_t drift = std::intptr_t(start - stack_pointer());
            if (drift > worst) worst = drift;
        }
        co_return total;
    };
    auto producer = [](aio::Queue<int>& q, int n) -> aio::Coroutine<> {
        for (int i = 0; i < n; ++i) co_await q.put(i);
    };
    auto main_coro = [&]() -> aio::Coroutine<std::int64_t> {
        auto c = aio::create_task(consumer(q, 100000, worst));
        co_await producer(q, 100000);
        co_return co_await c;
    };
    CHECK(aio::run_until_complete(*loop, main_coro()) == std::int64_t(100000) * 99999 / 2);
    CHECK(worst == 0);
}
