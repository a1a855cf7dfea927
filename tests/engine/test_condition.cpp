// asyncio.Condition: notify order, lock re-acquisition, wait_for, cancellation.

#include "support.hpp"

using aio_test::expect_cpython_prints;
using aio_test::joined;

#include <cstdio>
#include <optional>

namespace {

using aio::Coroutine;
using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

std::string py_bool(bool b) { return b ? "True" : "False"; }

Coroutine<void> ticker(Log& log, int n) {
    for (int i = 0; i < n; ++i) {
        log("tick " + std::to_string(i));
        co_await aio::sleep(0);
    }
}

// [SECTION] notify / notify_all

constexpr const char* kNotifyPy = R"PY(
import asyncio

async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)

async def waiter(cond, name):
    async with cond:
        print(f"{name} waits")
        r = await cond.wait()
        print(f"{name} notified ({r}), locked {cond.locked()}")
        await asyncio.sleep(0)  # keep the lock a while: the others queue for it
        print(f"{name} leaves")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, n)) for n in "abcde"]
    await asyncio.sleep(0)
    t = asyncio.create_task(ticker(8))
    async with cond:
        print("notify 2")
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        print("notify_all")
        cond.notify_all()
    for x in tasks:
        await x
    await t

asyncio.run(main())
)PY";

Coroutine<void> notify_waiter(Log& log, aio::Condition& cond, std::string name) {
    auto guard = co_await cond.hold();
    log(name + " waits");
    bool r = co_await cond.wait();
    log(name + " notified (" + py_bool(r) + "), locked " + py_bool(cond.locked()));
    co_await aio::sleep(0);
    log(name + " leaves");
}

Coroutine<void> notify_main(Log& log) {
    aio::Condition cond;
    std::vector<aio::Task<>> tasks;
    for (const char* n : {"a", "b", "c", "d", "e"}) tasks.push_back(aio::create_task(notify_waiter(log, cond, n)));
    co_await aio::sleep(0);
    auto t = aio::create_task(ticker(log, 8));
    {
        auto guard = co_await cond.hold();
        log("notify 2");
        cond.notify(2);
    }
    co_await aio::sleep(0);
    {
        auto guard = co_await cond.hold();
        log("notify_all");
        cond.notify_all();
    }
    for (auto& x : tasks) co_await x;
    co_await t;
    CHECK(cond.waiter_count() == 0);
    CHECK(cond.lock().waiter_count() == 0);
}

}  // namespace

TEST_CASE("Condition.notify wakes the oldest waiters, each re-acquiring the lock in turn") {
    const Lines expected{"a waits",  "b waits",
                         "c waits",  "d waits",
                         "e waits",  "notify 2",
                         "tick 0",   "a notified (True), locked True",
                         "tick 1",   "a leaves",
                         "tick 2",   "b notified (True), locked True",
                         "tick 3",   "b leaves",
                         "tick 4",   "notify_all",
                         "tick 5",   "c notified (True), locked True",
                         "tick 6",   "c leaves",
                         "tick 7",   "d notified (True), locked True",
                         "d leaves", "e notified (True), locked True",
                         "e leaves"};
    expect_cpython_prints(kNotifyPy, expected);
    VirtualLoop L;
    Log log;
    L.run(notify_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] wait_for

namespace {

constexpr const char* kWaitForPy = R"PY(
import asyncio

async def consumer(cond, items, name):
    async with cond:
        print(f"{name} waits for an item")
        got = await cond.wait_for(lambda: len(items) > 0)
        print(f"{name} predicate gave {got}, takes {items.pop(0)}")

async def producer(cond, items):
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(i)
            print(f"produced {i}")
            cond.notify()

async def main():
    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(consumer(cond, items, n)) for n in "xyz"]
    await producer(cond, items)
    for c in cs:
        await c
    async with cond:
        r = await cond.wait_for(lambda: 42)
        print(f"wait_for with a true predicate returns {r} at once")

asyncio.run(main())
)PY";

Coroutine<void> consumer(Log& log, aio::Condition& cond, std::vector<int>& items, std::string name) {
    auto guard = co_await cond.hold();
    log(name + " waits for an item");
    bool got = co_await cond.wait_for([&] { return !items.empty(); });
    int item = items.front();
    items.erase(items.begin());
    log(name + " predicate gave " + py_bool(got) + ", takes " + std::to_string(item));
}

Coroutine<void> producer(Log& log, aio::Condition& cond, std::vector<int>& items) {
    for (int i = 0; i < 3; ++i) {
        co_await aio::sleep(1);
        auto guard = co_await cond.hold();
        items.push_back(i);
        log("produced " + std::to_string(i));
        cond.notify();
    }
}

Coroutine<void> wait_for_main(Log& log) {
    aio::Condition cond;
    std::vector<int> items;
    std::vector<aio::Task<>> cs;
    for (const char* n : {"x", "y", "z"}) cs.push_back(aio::create_task(consumer(log, cond, items, n)));
    co_await producer(log, cond, items);
    for (auto& c : cs) co_await c;
    auto guard = co_await cond.hold();
    auto& loop = aio::get_running_loop();
    auto before = loop.iteration();
    int r = co_await cond.wait_for([] { return 42; });
    CHECK(loop.iteration() == before);
    log("wait_for with a true predicate returns " + std::to_string(r) + " at once");
}

}  // namespace

TEST_CASE("Condition.wait_for waits until the predicate holds and returns its value") {
    const Lines expected{"x waits for an item",
                         "y waits for an item",
                         "z waits for an item",
                         "produced 0",
                         "x predicate gave True, takes 0",
                         "produced 1",
                         "y predicate gave True, takes 1",
                         "produced 2",
                         "z predicate gave True, takes 2",
                         "wait_for with a true predicate returns 42 at once"};
    expect_cpython_prints(kWaitForPy, expected);
    VirtualLoop L;
    Log log;
    L.run(wait_for_main(log));
    CHECK(joined(log.lines) == joined(expected));
    CHECK(L->time() == 3);
}

// [SECTION] Cancellation

namespace {

constexpr const char* kCancelPy = R"PY(
import asyncio

async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print(f"{name} cancelled, holds the lock again: {cond.locked()}")
            raise
        print(f"{name} notified")

async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a"))
    b = asyncio.create_task(waiter(cond, "b"))
    await asyncio.sleep(0)
    await cond.acquire()
    a.cancel()              # a must re-acquire the lock before it can raise
    await asyncio.sleep(0)
    print(f"a done {a.done()} while main holds the lock")
    cond.notify()           # a's future is cancelled: b is notified
    cond.release()
    try:
        await a
    except asyncio.CancelledError:
        print("a raised CancelledError")
    await b
    print(f"locked {cond.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> cancel_waiter(Log& log, aio::Condition& cond, std::string name) {
    auto guard = co_await cond.hold();
    try {
        co_await cond.wait();
    } catch (const aio::CancelledError&) {
        log(name + " cancelled, holds the lock again: " + py_bool(cond.locked()));
        throw;
    }
    log(name + " notified");
}

Coroutine<void> cancel_main(Log& log) {
    aio::Condition cond;
    auto a = aio::create_task(cancel_waiter(log, cond, "a"));
    auto b = aio::create_task(cancel_waiter(log, cond, "b"));
    co_await aio::sleep(0);
    co_await cond.acquire();
    a.cancel();
    co_await aio::sleep(0);
    log("a done " + py_bool(a.done()) + " while main holds the lock");
    cond.notify();
    cond.release();
    try {
        co_await a;
    } catch (const aio::CancelledError&) {
        log("a raised CancelledError");
    }
    co_await b;
    log("locked " + py_bool(cond.locked()));
}

}  // namespace

TEST_CASE("a cancelled Condition.wait re-acquires the lock before raising, and notify skips it") {
    const Lines expected{"a done False while main holds the lock", "a cancelled, holds the lock again: True",
                         "b notified", "a raised CancelledError", "locked False"};
    expect_cpython_prints(kCancelPy, expected);
    VirtualLoop L;
    Log log;
    L.run(cancel_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

namespace {

constexpr const char* kCancelReacquirePy = R"PY(
import asyncio

async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print(f"a: CancelledError, holds the lock: {cond.locked()}")
            raise

async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        await asyncio.sleep(0)   # a is notified and now queues for the lock
        a.cancel()               # cancelled while re-acquiring
        await asyncio.sleep(0)
        print(f"a done {a.done()}")
    try:
        await a
    except asyncio.CancelledError:
        print("a cancelled")
    print(f"locked {cond.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> reacquire_waiter(Log& log, aio::Condition& cond) {
    auto guard = co_await cond.hold();
    try {
        co_await cond.wait();
    } catch (const aio::CancelledError&) {
        log("a: CancelledError, holds the lock: " + py_bool(cond.locked()));
        throw;
    }
}

Coroutine<void> cancel_reacquire_main(Log& log) {
    aio::Condition cond;
    auto a = aio::create_task(reacquire_waiter(log, cond));
    co_await aio::sleep(0);
    {
        auto guard = co_await cond.hold();
        cond.notify();
        co_await aio::sleep(0);
        a.cancel();
        co_await aio::sleep(0);
        log("a done " + py_bool(a.done()));
    }
    try {
        co_await a;
    } catch (const aio::CancelledError&) {
        log("a cancelled");
    }
    log("locked " + py_bool(cond.locked()));
}

}  // namespace

TEST_CASE("a Condition.wait cancelled while re-acquiring the lock still re-acquires it, then raises") {
    const Lines expected{"a done False", "a: CancelledError, holds the lock: True", "a cancelled", "locked False"};
    expect_cpython_prints(kCancelReacquirePy, expected);
    VirtualLoop L;
    Log log;
    L.run(cancel_reacquire_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("Condition.wait and notify without holding the lock raise RuntimeError") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Condition cond;
        CHECK_THROWS_WITH_AS(cond.notify(), "cannot notify on un-acquired lock", aio::RuntimeError);
        CHECK_THROWS_WITH_AS(cond.notify_all(), "cannot notify on un-acquired lock", aio::RuntimeError);
        bool raised = false;
        try {
            co_await cond.wait();
        } catch (const aio::RuntimeError& e) {
            raised = std::string(e.what()) == "cannot wait on un-acquired lock";
        }
        CHECK(raised);
    };
    L.run(body());
}

TEST_CASE("a Condition built on a given Lock shares that lock") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Lock lock;
        aio::Condition c1(lock), c2(lock);
        co_await lock.acquire();
        CHECK(c1.locked());
        CHECK(c2.locked());
        c2.release();
        CHECK_FALSE(lock.locked());
        auto guard = co_await c1.hold();
        CHECK(lock.locked());
        CHECK(c1.repr().find("<asyncio.locks.Condition object at ") == 0);
        CHECK(c1.repr().find("[locked]>") != std::string::npos);
    };
    L.run(body());
}

// [SECTION] Lifetime

namespace {
Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }
Coroutine<void> wait_forever(aio::Condition& cond) {
    auto guard = co_await cond.hold();
    co_await cond.wait();
}
}  // namespace

TEST_CASE("destroying a loop with tasks blocked in Condition.wait frees them") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Condition cond;
        for (int i = 0; i < 3; ++i) (void)aio::create_task(wait_forever(cond));
        co_await aio::sleep(1);
        CHECK(cond.waiter_count() == 3);
        CHECK_FALSE(cond.locked());
        // One woken waiter then blocks on the lock, which main holds.
        co_await cond.acquire();
        cond.notify();
        co_await aio::sleep(100);
    };
    (void)aio::create_task(*L, body());
    aio::run_until_complete(*L, nap(5));
    L.loop.reset();
    CHECK(L.reports.size() == 4);
}
