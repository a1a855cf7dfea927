// asyncio.shield: cancellation of the caller does not reach the shielded work;
// outcomes pass through. Each ordering test carries the same program for
// CPython 3.11 as the string `py`; expect_cpython_prints runs it under python3
// after kPrelude and checks that it prints the lines the C++ side is checked
// against. Lines carry "loop time@iteration".

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "aio/shield.hpp"
#include "support.hpp"

using namespace aio_test::port;
using aio_test::expect_cpython_prints;

namespace {

const std::string kPrelude = aio_test::kVirtualLoopPy;

const char* yn(bool b) { return b ? "yes" : "no"; }

aio::Coroutine<std::string> save(std::string name, double delay) {
    Probe probe;
    print("start", name, now());
    try {
        co_await aio::sleep(delay);
    } catch (const aio::CancelledError&) {
        print("cancelled", name, now());
        throw;
    }
    print("saved", name, now());
    co_return name;
}

aio::Coroutine<int> fail(double delay) {
    co_await aio::sleep(delay);
    throw aio::ValueError("disk full");
}

}  // namespace

TEST_CASE("shield passes the result through when nothing is cancelled") {
    constexpr const char* py = R"PY(
async def save(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("saved", name, now())
    return name

async def main():
    print("got", await asyncio.shield(save("a", 0.25)), now())
    t = asyncio.create_task(save("b", 0.25))
    print("got", await asyncio.shield(t), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        print("got", co_await aio::shield(save("a", 0.25)), now());
        auto t = aio::create_task(save("b", 0.25));
        print("got", co_await aio::shield(t), now());
    }());
    const Lines expected{
        "start a 0@2", "saved a 0.25@4", "got a 0.25@6", "start b 0.25@7", "saved b 0.5@9", "got b 0.5@11",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("cancelling the task awaiting a shield leaves the shielded task running") {
    constexpr const char* py = R"PY(
async def save(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("saved", name, now())
    return name

def yn(b):
    return "yes" if b else "no"

async def caller(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print("caller cancelled", now())
        raise

async def main():
    t = asyncio.create_task(save("doc", 0.5))
    c = asyncio.create_task(caller(t))
    await asyncio.sleep(0.25)
    c.cancel()
    await asyncio.sleep(0)
    print("caller cancelled?", yn(c.cancelled()), "save done?", yn(t.done()), now())
    print("save returned", await t, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(save("doc", 0.5));
        auto c = aio::create_task([](aio::Task<std::string> t) -> aio::Coroutine<> {
            try {
                co_await aio::shield(t);
            } catch (const aio::CancelledError&) {
                print("caller cancelled", now());
                throw;
            }
        }(t));
        co_await aio::sleep(0.25);
        c.cancel();
        co_await aio::sleep(0);
        print("caller cancelled?", yn(c.cancelled()), "save done?", yn(t.done()), now());
        print("save returned", co_await t, now());
    }());
    const Lines expected{
        "start doc 0@2",   "caller cancelled 0.25@5", "caller cancelled? yes save done? no 0.25@5",
        "saved doc 0.5@7", "save returned doc 0.5@8",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("a shielded task cancelled by other means cancels the shield") {
    constexpr const char* py = R"PY(
async def save(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("saved", name, now())
    return name

def yn(b):
    return "yes" if b else "no"

async def main():
    t = asyncio.create_task(save("doc", 0.5))
    s = asyncio.shield(t)
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield cancelled?", yn(s.cancelled()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(save("doc", 0.5));
        auto s = aio::shield(t);
        co_await aio::sleep(0.25);
        t.cancel();
        try {
            co_await s;
        } catch (const aio::CancelledError&) {
            print("shield cancelled?", yn(s.cancelled()), now());
        }
    }());
    const Lines expected{
        "start doc 0@2",
        "cancelled doc 0.25@5",
        "shield cancelled? yes 0.25@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("shield passes an exception through") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::shield(fail(0.25));
            FAIL("no exception");
        } catch (const aio::ValueError& e) {
            CHECK(std::string(e.what()) == "disk full");
        }
    }());
    CHECK(p.L.reports.empty());
}

TEST_CASE("shield of a finished task returns the task itself") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(save("done", 0));
        co_await t;
        aio::Future<std::string> s = aio::shield(t);
        CHECK(s == aio::Future<std::string>(t));
        CHECK(s.result() == "done");
    }());
}

TEST_CASE("a dropped shield whose caller was cancelled frees everything once the work ends") {
    constexpr const char* py = R"PY(
async def save(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("saved", name, now())
    return name

def yn(b):
    return "yes" if b else "no"

async def caller():
    await asyncio.shield(save("orphan", 0.5))

async def main():
    c = asyncio.create_task(caller())
    await asyncio.sleep(0.25)
    c.cancel()
    await asyncio.sleep(0.5)
    print("caller cancelled?", yn(c.cancelled()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto c = aio::create_task([]() -> aio::Coroutine<> { co_await aio::shield(save("orphan", 0.5)); }());
        co_await aio::sleep(0.25);
        c.cancel();
        co_await aio::sleep(0.5);
        print("caller cancelled?", yn(c.cancelled()), now());
    }());
    const Lines expected{
        "start orphan 0@3",
        "saved orphan 0.5@8",
        "caller cancelled? yes 0.75@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
    CHECK(p.L.reports.empty());
}
