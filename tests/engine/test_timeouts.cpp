// asyncio.timeout / timeout_at scopes (3.11 Timeout): expiry, reschedule,
// nesting, outside cancellation, errors. Each ordering test carries the same
// program for CPython 3.11 as the string `py`; expect_cpython_prints runs it
// under python3 after kPrelude and checks that it prints the lines the C++ side
// is checked against. Lines carry "loop time@iteration" stamps.

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "aio/timeouts.hpp"
#include "support.hpp"

using namespace aio_test::port;
using aio_test::expect_cpython_prints;

namespace {

const std::string kPrelude = aio_test::kVirtualLoopPy;

const char* yn(bool b) { return b ? "yes" : "no"; }

aio::Coroutine<std::string> brew(std::string name, double delay) {
    print("start", name, now());
    try {
        co_await aio::sleep(delay);
    } catch (const aio::CancelledError&) {
        print("cancelled", name, now());
        throw;
    }
    print("end", name, now());
    co_return name;
}

}  // namespace

TEST_CASE("a timeout scope that finishes in time returns the result and disarms its timer") {
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
    async with asyncio.timeout(0.5) as cm:
        name = await brew("a", 0.25)
    print("got", name, "expired?", yn(cm.expired()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto cm = aio::timeout(0.5);  // owned here, so it can be read after the scope
        std::string name = co_await cm.run(brew("a", 0.25));
        print("got", name, "expired?", yn(cm.expired()), now());
        CHECK(g_loop->describe_timers().empty());
    }());
    const Lines expected{
        "start a 0@1",
        "end a 0.25@3",
        "got a expired? no 0.25@3",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a timeout scope cancels the block at the deadline and raises TimeoutError") {
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
    try:
        async with asyncio.timeout(0.5) as cm:
            await brew("tea", 0.25)
            await brew("cocoa", 0.5)
            print("never printed")
    except TimeoutError:
        print("TimeoutError", "expired?", yn(cm.expired()), repr(cm), now())
    print("cancelling", asyncio.current_task().cancelling())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto cm = aio::timeout(0.5);
        try {
            co_await cm.run([](aio::Timeout&) -> aio::Coroutine<> {
                co_await brew("tea", 0.25);
                co_await brew("cocoa", 0.5);
                print("never printed");
            });
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", "expired?", yn(cm.expired()), cm.repr(), now());
        }
        print("cancelling", aio::current_task().cancelling());
    }());
    const Lines expected{
        "start tea 0@1",
        "end tea 0.25@3",
        "start cocoa 0.25@3",
        "cancelled cocoa 0.5@5",
        "TimeoutError expired? yes <Timeout [expired]> 0.5@5",
        "cancelling 0",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.5);
}

TEST_CASE("rescheduling a timeout moves its deadline, and None removes it") {
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
    async with asyncio.timeout(0.25) as cm:
        cm.reschedule(loop.time() + 1)
        print("when", f"{cm.when():g}", repr(cm))
        await brew("later", 0.5)
        cm.reschedule(None)
        print("when", cm.when(), repr(cm))
        await brew("unbounded", 2)
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 0.25)
            await brew("sooner", 1)
    except TimeoutError:
        print("TimeoutError", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        co_await aio::timeout(0.25, [](aio::Timeout& cm) -> aio::Coroutine<> {
            cm.reschedule(g_loop->time() + 1);
            print("when", *cm.when(), cm.repr());
            co_await brew("later", 0.5);
            cm.reschedule(std::nullopt);
            print("when", "None", cm.repr());
            co_await brew("unbounded", 2);
        });
        try {
            co_await aio::timeout(10, [](aio::Timeout& cm) -> aio::Coroutine<> {
                cm.reschedule(g_loop->time() + 0.25);
                co_await brew("sooner", 1);
            });
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now());
        }
    }());
    const Lines expected{
        "when 1 <Timeout [active] when=1.0>",
        "start later 0@1",
        "end later 0.5@3",
        "when None <Timeout [active] when=None>",
        "start unbounded 0.5@3",
        "end unbounded 2.5@5",
        "start sooner 2.5@5",
        "cancelled sooner 2.75@7",
        "TimeoutError 2.75@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("timeout_at takes an absolute loop time, and a deadline in the past expires on the next iteration") {
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
        async with asyncio.timeout_at(loop.time() + 0.75):
            await brew("a", 1)
    except TimeoutError:
        print("TimeoutError", now())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await brew("b", 1)
    except TimeoutError:
        print("TimeoutError", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::timeout_at(g_loop->time() + 0.75, brew("a", 1));
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now());
        }
        try {
            co_await aio::timeout_at(g_loop->time() - 1, brew("b", 1));
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now());
        }
    }());
    const Lines expected{
        "start a 0@1",    "cancelled a 0.75@3", "TimeoutError 0.75@3",
        "start b 0.75@3", "cancelled b 0.75@5", "TimeoutError 0.75@5",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("nested timeouts: the scope whose deadline passed raises TimeoutError") {
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
    async with asyncio.timeout(1):
        try:
            async with asyncio.timeout(0.25):
                await brew("inner", 0.5)
        except TimeoutError:
            print("inner TimeoutError", now())
        await brew("after", 0.25)
    try:
        async with asyncio.timeout(0.25):
            async with asyncio.timeout(1):
                await brew("deep", 0.5)
            print("never printed")
    except TimeoutError:
        print("outer TimeoutError", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        co_await aio::timeout(1, [](aio::Timeout&) -> aio::Coroutine<> {
            try {
                co_await aio::timeout(0.25, brew("inner", 0.5));
            } catch (const aio::TimeoutError&) {
                print("inner TimeoutError", now());
            }
            co_await brew("after", 0.25);
        });
        try {
            co_await aio::timeout(0.25, [](aio::Timeout&) -> aio::Coroutine<> {
                co_await aio::timeout(1, brew("deep", 0.5));
                print("never printed");
            });
        } catch (const aio::TimeoutError&) {
            print("outer TimeoutError", now());
        }
    }());
    const Lines expected{
        "start inner 0@1", "cancelled inner 0.25@3", "inner TimeoutError 0.25@3", "start after 0.25@3",
        "end after 0.5@5", "start deep 0.5@5",       "cancelled deep 0.75@7",     "outer TimeoutError 0.75@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a cancellation from outside passes through a timeout scope as CancelledError") {
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

async def guarded():
    try:
        async with asyncio.timeout(1):
            await brew("x", 2)
    except asyncio.CancelledError:
        print("CancelledError", now())
        raise

async def main():
    t = asyncio.create_task(guarded())
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled?", yn(t.cancelled()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task([]() -> aio::Coroutine<> {
            try {
                co_await aio::timeout(1, brew("x", 2));
            } catch (const aio::CancelledError&) {
                print("CancelledError", now());
                throw;
            }
        }());
        co_await aio::sleep(0.25);
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            print("task cancelled?", yn(t.cancelled()), now());
        }
    }());
    const Lines expected{
        "start x 0@2",
        "cancelled x 0.25@5",
        "CancelledError 0.25@5",
        "task cancelled? yes 0.25@6",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a block that swallows the timeout's cancellation ends normally but expired") {
    constexpr const char* py = R"PY(
def yn(b):
    return "yes" if b else "no"

async def main():
    async with asyncio.timeout(0.25) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallowed", now())
    print("expired?", yn(cm.expired()), "cancelling", asyncio.current_task().cancelling(), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        bool expired = false;
        co_await aio::timeout(0.25, [&](aio::Timeout& cm) -> aio::Coroutine<> {
            try {
                co_await aio::sleep(1);
            } catch (const aio::CancelledError&) {
                print("swallowed", now());
            }
            expired = cm.expired();  // still inside the scope: state is "expiring"
        });
        print("expired?", yn(expired), "cancelling", aio::current_task().cancelling(), now());
    }());
    const Lines expected{
        "swallowed 0.25@3",
        "expired? yes cancelling 0 0.25@3",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("an error inside a timeout scope passes through unchanged") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::timeout(1, [](aio::Timeout&) -> aio::Coroutine<int> {
                co_await aio::sleep(0.25);
                throw aio::ValueError("inside");
            });
            FAIL("no exception");
        } catch (const aio::ValueError& e) {
            CHECK(std::string(e.what()) == "inside");
        }
        CHECK(g_loop->describe_timers().empty());
    }());
}

TEST_CASE("Timeout refuses misuse with CPython's messages") {
    Program p;
    aio::Timeout cm(std::nullopt);
    CHECK(cm.repr() == "<Timeout [created]>");
    CHECK_THROWS_WITH_AS(cm.reschedule(1.0), "Timeout has not been entered", aio::RuntimeError);
    // Outside a task (a plain callback): no task to cancel.
    g_loop->call_soon(
        [&] { CHECK_THROWS_WITH_AS(cm.enter(), "Timeout should be used inside a task", aio::RuntimeError); });
    g_loop->run_once();
    p.L.run([](aio::Timeout& cm) -> aio::Coroutine<> {
        cm.enter();
        CHECK(cm.repr() == "<Timeout [active] when=None>");
        cm.reschedule(g_loop->time() + 2.5);
        CHECK(cm.repr() == "<Timeout [active] when=2.5>");
        CHECK_THROWS_WITH_AS(cm.enter(), "Timeout has already been entered", aio::RuntimeError);
        std::exception_ptr none;
        cm.exit(none);
        CHECK_FALSE(none);
        CHECK(cm.repr() == "<Timeout [finished]>");
        CHECK_THROWS_WITH_AS(cm.reschedule(1.0), "Cannot change state of finished Timeout", aio::RuntimeError);
        co_return;
    }(cm));
}
