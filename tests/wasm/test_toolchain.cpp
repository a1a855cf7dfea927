// What the engine asks of the compiler, checked on its own so that a toolchain
// problem shows up here and not as a mysterious engine failure: lazy
// coroutines with symmetric transfer, long chains of synchronous completions
// in constant stack, C++ exceptions crossing co_await, and frames destroyed
// while suspended. Built by every preset; the point is the Wasm build, where
// each of these needs a flag (see cmake/README.md).

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

#include "aio/coro_compat.hpp"

namespace {

namespace sc = aio::stdcoro;

// A lazy coroutine returning int: awaiting it transfers control to it, and its
// final suspend transfers straight back to the awaiter (no loop involved).
struct Lazy {
    struct promise_type {
        int value = 0;
        std::exception_ptr error;
        sc::coroutine_handle<> continuation = sc::noop_coroutine();

        Lazy get_return_object() { return Lazy{sc::coroutine_handle<promise_type>::from_promise(*this)}; }
        sc::suspend_always initial_suspend() noexcept { return {}; }
        struct FinalAwaiter {
            bool await_ready() noexcept { return false; }
            sc::coroutine_handle<> await_suspend(sc::coroutine_handle<promise_type> h) noexcept {
                return h.promise().continuation;
            }
            void await_resume() noexcept {}
        };
        FinalAwaiter final_suspend() noexcept { return {}; }
        void return_value(int v) { value = v; }
        void unhandled_exception() { error = std::current_exception(); }
    };

    sc::coroutine_handle<promise_type> handle;

    explicit Lazy(sc::coroutine_handle<promise_type> h) : handle(h) {}
    Lazy(Lazy&& other) noexcept : handle(std::exchange(other.handle, {})) {}
    Lazy& operator=(Lazy&&) = delete;
    ~Lazy() {
        if (handle) handle.destroy();
    }

    bool await_ready() const noexcept { return false; }
    sc::coroutine_handle<> await_suspend(sc::coroutine_handle<> awaiter) noexcept {
        handle.promise().continuation = awaiter;
        return handle;
    }
    int await_resume() {
        if (handle.promise().error) std::rethrow_exception(handle.promise().error);
        return handle.promise().value;
    }
};

// Runs a top-level Lazy that completes without suspending on anything external.
int drive(Lazy top) {
    top.handle.resume();
    REQUIRE(top.handle.done());
    return top.await_resume();
}

Lazy constant(int x) { co_return x; }

Lazy add_one(int x) { co_return co_await constant(x) + 1; }

// Awaits n children one after another: 2n transfers on one task, which is what
// a loop over already-complete awaitables looks like (the await_chain bench).
Lazy sum_of_ones(int n) {
    int sum = 0;
    for (int i = 0; i < n; ++i) sum += co_await constant(1);
    co_return sum;
}

// Awaits a child that awaits a child ... n deep: every frame stays alive until
// the innermost one completes, then they unwind by transfers.
Lazy nested(int n) {
    if (n == 0) co_return 0;
    co_return co_await nested(n - 1) + 1;
}

struct Boom : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Lazy throws_after_await() {
    co_await constant(0);
    throw Boom("boom");
}

Lazy catches_child() {
    try {
        co_await throws_after_await();
    } catch (const Boom& e) {
        co_return std::string(e.what()) == "boom" ? 42 : -1;
    }
    co_return -2;
}

Lazy rethrows_as_other() {
    try {
        co_await throws_after_await();
    } catch (const std::exception&) {
        throw std::logic_error("translated");
    }
    co_return 0;
}

// Chain lengths the toolchain carries in constant stack (and depth of nested
// awaits, which unwind by the same transfers). Measured limits:
// em++ at -O0 needs ~64 bytes of shadow stack per hop (8 MiB stack: ~130k),
// g++ 12 at -O0 or with ASan does not make the transfer a tail call at all
// (native stack overflows between 10k and 100k hops). Optimised builds and
// clang at any level run 10M+ hops.
#if defined(__GNUC__) && !defined(__clang__) && (!defined(__OPTIMIZE__) || defined(__SANITIZE_ADDRESS__))
constexpr int kChainHops = 5'000;
#elif defined(__EMSCRIPTEN__) && !defined(__OPTIMIZE__)
constexpr int kChainHops = 100'000;
#else
constexpr int kChainHops = 1'000'000;
#endif

}  // namespace

TEST_CASE("a lazy coroutine returns its value through co_await") {
    CHECK(drive(constant(7)) == 7);
    CHECK(drive(add_one(41)) == 42);
}

TEST_CASE("a lazy coroutine does nothing until awaited") {
    Lazy c = constant(1);
    CHECK_FALSE(c.handle.done());
    c.handle.resume();
    CHECK(c.handle.done());
}

TEST_CASE("synchronous completions in a row run in constant stack") {
    CHECK(drive(sum_of_ones(kChainHops)) == kChainHops);
}

TEST_CASE("a deep await chain completes (100k where the toolchain allows)") {
    constexpr int depth = kChainHops < 100'000 ? kChainHops : 100'000;
    CHECK(drive(nested(depth)) == depth);
}

TEST_CASE("an exception crosses co_await and is caught by type") { CHECK(drive(catches_child()) == 42); }

TEST_CASE("an exception escapes every coroutine to the driver") {
    CHECK_THROWS_AS(drive(throws_after_await()), Boom);
    CHECK_THROWS_WITH_AS(drive(rethrows_as_other()), "translated", std::logic_error);
}

TEST_CASE("destroying a suspended coroutine runs its locals' destructors") {
    int destroyed = 0;
    struct Guard {
        int* count;
        ~Guard() { ++*count; }
    };
    auto body = [](int* count) -> Lazy {
        Guard g{count};
        co_await sc::suspend_always{};
        co_return 0;
    };
    {
        Lazy c = body(&destroyed);
        c.handle.resume();  // now suspended at suspend_always, Guard alive
        CHECK(destroyed == 0);
    }
    CHECK(destroyed == 1);
}

#ifdef AIO_TOOLCHAIN_DELIBERATE_FAILURE
// Built into a second executable whose ctest entry expects failure: proves a
// failing check reaches ctest as a non-zero exit code (under Node too).
TEST_CASE("deliberately failing check") { CHECK(1 + 1 == 3); }
#endif
