// asyncio.wait_for (3.11): success, timeout (the inner task is cancelled and
// waited for), cancellation, no timeout, zero timeout. Each ordering test
// carries the same program for CPython 3.11 as the string `py`;
// expect_cpython_prints runs it under python3 after kPrelude and checks that it
// prints the lines the C++ side is checked against. Lines carry
// "loop time@iteration" stamps.

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "aio/wait.hpp"
#include "support.hpp"

using namespace aio_test::port;
using aio_test::expect_cpython_prints;

namespace {

const std::string kPrelude = aio_test::kVirtualLoopPy;

// Sleeps; on cancellation, takes `cleanup` seconds before re-raising (C++
// cannot co_await inside a catch block, so the cleanup follows it).
aio::Coroutine<std::string> brew(std::string name, double delay, double cleanup = 0) {
    print("start", name, now());
    std::exception_ptr cancelled;
    try {
        co_await aio::sleep(delay);
    } catch (const aio::CancelledError&) {
        print("cancelled", name, now());
        cancelled = std::current_exception();
    }
    if (cancelled) {
        if (cleanup > 0) {
            co_await aio::sleep(cleanup);
            print("cleaned up", name, now());
        }
        std::rethrow_exception(cancelled);
    }
    print("end", name, now());
    co_return name;
}

// Turns a cancellation into a result, or into another error.
aio::Coroutine<std::string> defiant(std::string name, bool raise_instead) {
    try {
        co_await aio::sleep(1);
    } catch (const aio::CancelledError&) {
        print("ignoring the cancellation", name, now());
    }
    if (raise_instead) throw aio::RuntimeError(name);
    co_return name;
}

}  // namespace

TEST_CASE("wait_for returns the result when the awaitable finishes in time") {
    constexpr const char* py = R"PY(
async def brew(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

async def main():
    print("got", await asyncio.wait_for(brew("a", 0.25), timeout=0.5), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        print("got", co_await aio::wait_for(brew("a", 0.25), 0.5), now());
        CHECK(g_loop->describe_timers().empty());  // the timeout was cancelled
    }());
    const Lines expected{
        "start a 0@2",
        "end a 0.25@4",
        "got a 0.25@6",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.25);
}

TEST_CASE("wait_for cancels the inner task at the deadline and raises TimeoutError") {
    constexpr const char* py = R"PY(
async def brew(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

async def main():
    try:
        await asyncio.wait_for(brew("b", 1), timeout=0.5)
    except TimeoutError as e:
        print("TimeoutError", repr(str(e)), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::wait_for(brew("b", 1), 0.5);
        } catch (const aio::TimeoutError& e) {
            print("TimeoutError", "'" + std::string(e.what()) + "'", now());
        }
    }());
    const Lines expected{
        "start b 0@2",
        "cancelled b 0.5@5",
        "TimeoutError '' 0.5@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.5);
}

TEST_CASE("wait_for waits until the cancelled task has finished cleaning up") {
    constexpr const char* py = R"PY(
async def brew(name, delay, cleanup):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        await asyncio.sleep(cleanup)
        print("cleaned up", name, now())
        raise
    print("end", name, now())
    return name

async def main():
    try:
        await asyncio.wait_for(brew("c", 1, 0.25), timeout=0.5)
    except TimeoutError:
        print("TimeoutError", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::wait_for(brew("c", 1, 0.25), 0.5);
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now());
        }
    }());
    const Lines expected{
        "start c 0@2",
        "cancelled c 0.5@5",
        "cleaned up c 0.75@7",
        "TimeoutError 0.75@9",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.75);
}

TEST_CASE("wait_for returns what the task returns, or raises what it raises, when it defies the cancellation") {
    constexpr const char* py = R"PY(
async def defiant(name, raise_instead):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("ignoring the cancellation", name, now())
    if raise_instead:
        raise RuntimeError(name)
    return name

async def main():
    print("got", await asyncio.wait_for(defiant("d", False), timeout=0.5), now())
    try:
        await asyncio.wait_for(defiant("e", True), timeout=0.5)
    except RuntimeError as e:
        print("RuntimeError", e, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        print("got", co_await aio::wait_for(defiant("d", false), 0.5), now());
        try {
            co_await aio::wait_for(defiant("e", true), 0.5);
        } catch (const aio::RuntimeError& e) {
            print("RuntimeError", e.what(), now());
        }
    }());
    const Lines expected{
        "ignoring the cancellation d 0.5@5",
        "got d 0.5@7",
        "ignoring the cancellation e 1@11",
        "RuntimeError e 1@13",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("cancelling a task in wait_for cancels the inner task and waits for it") {
    constexpr const char* py = R"PY(
async def brew(name, delay, cleanup):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        await asyncio.sleep(cleanup)
        print("cleaned up", name, now())
        raise
    print("end", name, now())
    return name

def yn(b):
    return "yes" if b else "no"

async def outer():
    try:
        await asyncio.wait_for(brew("f", 1, 0.125), timeout=0.5)
    except asyncio.CancelledError:
        print("outer cancelled", now())
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer task cancelled?", yn(t.cancelled()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task([]() -> aio::Coroutine<> {
            try {
                co_await aio::wait_for(brew("f", 1, 0.125), 0.5);
            } catch (const aio::CancelledError&) {
                print("outer cancelled", now());
                throw;
            }
        }());
        co_await aio::sleep(0.25);
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            print("outer task cancelled?", t.cancelled() ? "yes" : "no", now());
        }
    }());
    const Lines expected{
        "start f 0@3",
        "cancelled f 0.25@7",
        "cleaned up f 0.375@9",
        "outer cancelled 0.375@11",
        "outer task cancelled? yes 0.375@12",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.375);
}

TEST_CASE("wait_for without a timeout awaits a coroutine inline, with no task") {
    constexpr const char* py = R"PY(
async def brew(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def main():
    print("got", await asyncio.wait_for(brew("g", 0.25), timeout=None), now())
    t = asyncio.create_task(brew("h", 0.25))
    print("got", await asyncio.wait_for(t, None), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        print("got", co_await aio::wait_for(brew("g", 0.25), std::nullopt), now());
        auto t = aio::create_task(brew("h", 0.25));
        print("got", co_await aio::wait_for(t, std::nullopt), now());
    }());
    const Lines expected{
        "start g 0@1", "end g 0.25@3", "got g 0.25@3", "start h 0.25@4", "end h 0.5@6", "got h 0.5@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait_for with a zero timeout cancels at once unless the future is already done") {
    constexpr const char* py = R"PY(
async def brew(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def main():
    try:
        await asyncio.wait_for(brew("never started", 0.25), timeout=0)
    except TimeoutError:
        print("TimeoutError", now())
    f = loop.create_future()
    f.set_result("ready")
    print("got", await asyncio.wait_for(f, 0), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::wait_for(brew("never started", 0.25), 0);
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now());
        }
        aio::Future<std::string> f;
        f.set_result("ready");
        print("got", co_await aio::wait_for(f, 0), now());
    }());
    const Lines expected{
        "TimeoutError 0@4",
        "got ready 0@4",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait_for on a task that finishes in the iteration of the deadline still times out") {
    constexpr const char* py = R"PY(
async def brew(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

def yn(b):
    return "yes" if b else "no"

async def main():
    t = asyncio.create_task(brew("i", 0.5))
    try:
        await asyncio.wait_for(t, 0.5)
    except TimeoutError:
        print("TimeoutError", now(), "task cancelled?", yn(t.cancelled()))

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(brew("i", 0.5));
        try {
            co_await aio::wait_for(t, 0.5);
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now(), "task cancelled?", t.cancelled() ? "yes" : "no");
        }
    }());
    const Lines expected{
        "start i 0@2",
        "cancelled i 0.5@4",
        "TimeoutError 0.5@6 task cancelled? yes",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait_for of a void coroutine returns when it is done") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        bool ran = false;
        co_await aio::wait_for(
            [](bool& ran) -> aio::Coroutine<> {
                co_await aio::sleep(0.25);
                ran = true;
            }(ran),
            1.0);
        CHECK(ran);
        CHECK(g_loop->time() == 0.25);
    }());
}
