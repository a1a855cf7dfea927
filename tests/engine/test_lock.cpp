// asyncio.Lock: FIFO hand-over, cancelled waiters, no barging, LockGuard.

#include "support.hpp"

using aio_test::expect_cpython_prints;
using aio_test::joined;

#include <cstdio>
#include <optional>

namespace {

using aio::Coroutine;

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

// [SECTION] FIFO order with a cancelled waiter in the middle

constexpr const char* kFifoPy = R"PY(
import asyncio

async def worker(lock, name):
    print(f"{name} acquiring")
    try:
        async with lock:
            print(f"{name} got the lock")
            await asyncio.sleep(0)
            print(f"{name} releases")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n)) for n in "abcd"]
    await asyncio.sleep(0)
    print(f"locked {lock.locked()}")
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("main releases")
    lock.release()
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            print("b was cancelled")
    print(f"locked {lock.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> fifo_worker(Log& log, aio::Lock& lock, std::string name) {
    log(name + " acquiring");
    try {
        auto guard = co_await lock.hold();
        log(name + " got the lock");
        co_await aio::sleep(0);
        log(name + " releases");
    } catch (const aio::CancelledError&) {
        log(name + " cancelled");
        throw;
    }
}

Coroutine<void> fifo_main(Log& log) {
    aio::Lock lock;
    co_await lock.acquire();
    std::vector<aio::Task<>> tasks;
    for (const char* n : {"a", "b", "c", "d"}) tasks.push_back(aio::create_task(fifo_worker(log, lock, n)));
    co_await aio::sleep(0);
    log("locked " + py_bool(lock.locked()));
    tasks[1].cancel();
    co_await aio::sleep(0);
    log("main releases");
    lock.release();
    for (auto& t : tasks) {
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            log("b was cancelled");
        }
    }
    log("locked " + py_bool(lock.locked()));
    CHECK(lock.waiter_count() == 0);
}

}  // namespace

TEST_CASE("Lock is handed to waiters in FIFO order, skipping a cancelled waiter in the middle") {
    const Lines expected{"a acquiring",     "b acquiring",   "c acquiring",    "d acquiring", "locked True",
                         "b cancelled",     "main releases", "a got the lock", "a releases",  "c got the lock",
                         "b was cancelled", "c releases",    "d got the lock", "d releases",  "locked False"};
    expect_cpython_prints(kFifoPy, expected);
    VirtualLoop L;
    Log log;
    L.run(fifo_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] A woken waiter cancelled before it runs

namespace {

constexpr const char* kWokenCancelPy = R"PY(
import asyncio

async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)

async def worker(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled, locked {lock.locked()}")
        raise
    print(f"{name} got the lock")
    lock.release()

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(worker(lock, "a"))
    b = asyncio.create_task(worker(lock, "b"))
    await asyncio.sleep(0)
    t = asyncio.create_task(ticker(4))
    lock.release()
    a.cancel()
    print(f"released; locked {lock.locked()}")
    await t
    print(f"a cancelled {a.cancelled()}, b done {b.done()}, locked {lock.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> plain_worker(Log& log, aio::Lock& lock, std::string name) {
    try {
        co_await lock.acquire();
    } catch (const aio::CancelledError&) {
        log(name + " cancelled, locked " + py_bool(lock.locked()));
        throw;
    }
    log(name + " got the lock");
    lock.release();
}

Coroutine<void> woken_cancel_main(Log& log) {
    aio::Lock lock;
    co_await lock.acquire();
    auto a = aio::create_task(plain_worker(log, lock, "a"));
    auto b = aio::create_task(plain_worker(log, lock, "b"));
    co_await aio::sleep(0);
    auto t = aio::create_task(ticker(log, 4));
    lock.release();
    a.cancel();
    log("released; locked " + py_bool(lock.locked()));
    co_await t;
    log("a cancelled " + py_bool(a.cancelled()) + ", b done " + py_bool(b.done()) + ", locked " +
        py_bool(lock.locked()));
}

}  // namespace

TEST_CASE("a waiter woken by release but cancelled before it runs passes the lock on") {
    const Lines expected{"released; locked False",
                         "tick 0",
                         "a cancelled, locked False",
                         "tick 1",
                         "b got the lock",
                         "tick 2",
                         "tick 3",
                         "a cancelled True, b done True, locked False"};
    expect_cpython_prints(kWokenCancelPy, expected);
    VirtualLoop L;
    Log log;
    L.run(woken_cancel_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] No barging

namespace {

constexpr const char* kBargePy = R"PY(
import asyncio

async def waiter(lock, name):
    await lock.acquire()
    print(f"{name} got the lock")
    lock.release()

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter(lock, "a"))
    await asyncio.sleep(0)
    lock.release()
    print(f"released; locked {lock.locked()}")
    await lock.acquire()  # a was woken first: main queues behind it
    print("main got the lock")
    lock.release()
    await a

asyncio.run(main())
)PY";

Coroutine<void> barge_waiter(Log& log, aio::Lock& lock, std::string name) {
    co_await lock.acquire();
    log(name + " got the lock");
    lock.release();
}

Coroutine<void> barge_main(Log& log) {
    aio::Lock lock;
    co_await lock.acquire();
    auto a = aio::create_task(barge_waiter(log, lock, "a"));
    co_await aio::sleep(0);
    lock.release();
    log("released; locked " + py_bool(lock.locked()));
    co_await lock.acquire();
    log("main got the lock");
    lock.release();
    co_await a;
}

constexpr const char* kCancelledOnlyPy = R"PY(
import asyncio

async def waiter(lock):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f"a cancelled, locked {lock.locked()}")
        raise

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter(lock))
    await asyncio.sleep(0)
    a.cancel()
    lock.release()
    await lock.acquire()  # only a cancelled waiter queued: taken at once
    print("main reacquired")
    await asyncio.sleep(0)
    print(f"a cancelled {a.cancelled()}, locked {lock.locked()}")
    lock.release()

asyncio.run(main())
)PY";

Coroutine<void> cancelled_only_waiter(Log& log, aio::Lock& lock) {
    try {
        co_await lock.acquire();
    } catch (const aio::CancelledError&) {
        log("a cancelled, locked " + py_bool(lock.locked()));
        throw;
    }
}

Coroutine<void> cancelled_only_main(Log& log) {
    aio::Lock lock;
    co_await lock.acquire();
    auto a = aio::create_task(cancelled_only_waiter(log, lock));
    co_await aio::sleep(0);
    a.cancel();
    lock.release();
    auto before = aio::get_running_loop().iteration();
    co_await lock.acquire();
    CHECK(aio::get_running_loop().iteration() == before);
    log("main reacquired");
    co_await aio::sleep(0);
    log("a cancelled " + py_bool(a.cancelled()) + ", locked " + py_bool(lock.locked()));
    lock.release();
}

}  // namespace

TEST_CASE("a task acquiring a released lock queues behind a woken waiter that has not run yet") {
    const Lines expected{"released; locked False", "a got the lock", "main got the lock"};
    expect_cpython_prints(kBargePy, expected);
    VirtualLoop L;
    Log log;
    L.run(barge_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("a free lock whose only waiters are cancelled is acquired without suspending") {
    const Lines expected{"main reacquired", "a cancelled, locked True", "a cancelled True, locked True"};
    expect_cpython_prints(kCancelledOnlyPy, expected);
    VirtualLoop L;
    Log log;
    L.run(cancelled_only_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("acquiring a free lock with no waiters does not suspend") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Lock lock;
        auto& loop = aio::get_running_loop();
        auto before = loop.iteration();
        bool r = co_await lock.acquire();
        CHECK(r);
        CHECK(lock.locked());
        {
            lock.release();
            auto guard = co_await lock.hold();
            CHECK(guard.owns());
            CHECK(lock.locked());
        }
        CHECK_FALSE(lock.locked());
        CHECK(loop.iteration() == before);
    };
    L.run(body());
}

TEST_CASE("releasing an unlocked Lock raises RuntimeError") {
    aio::Lock lock;
    CHECK_THROWS_WITH_AS(lock.release(), "Lock is not acquired.", aio::RuntimeError);
}

// [SECTION] LockGuard

namespace {
Coroutine<void> hold_and_throw(aio::Lock& lock) {
    auto guard = co_await lock.hold();
    co_await aio::sleep(1);
    throw aio::ValueError("boom");
}
}  // namespace

TEST_CASE("LockGuard releases the lock when an exception leaves the block") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Lock lock;
        auto t = aio::create_task(hold_and_throw(lock));
        co_await aio::sleep(0);
        CHECK(lock.locked());
        auto guard = co_await lock.hold();  // waits for t's guard to release
        CHECK(aio::get_running_loop().time() == 1);
        CHECK(t.done());
        CHECK_THROWS_AS(t.result(), aio::ValueError);
    };
    L.run(body());
}

TEST_CASE("LockGuard.release releases early, after which the guard leaves the lock alone") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Lock lock;
        {
            auto guard = co_await lock.hold();
            guard.release();
            CHECK_FALSE(guard.owns());
            CHECK_FALSE(lock.locked());
            co_await lock.acquire();  // the guard's destructor must not release this
        }
        CHECK(lock.locked());
        lock.release();
        {
            auto guard = co_await lock.hold();
            auto moved = std::move(guard);
            CHECK_FALSE(guard.owns());
            CHECK(moved.owns());
        }
        CHECK_FALSE(lock.locked());
    };
    L.run(body());
    CHECK(L.reports.empty());
}

TEST_CASE("a guard whose lock was released by hand reports the error to the loop's handler") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Lock lock;
        auto guard = co_await lock.hold();
        lock.release();  // `async with` would raise RuntimeError from __aexit__
    };
    L.run(body());
    REQUIRE(L.reports.size() == 1);
    CHECK_THROWS_WITH_AS(std::rethrow_exception(L.reports[0].exception), "Lock is not acquired.", aio::RuntimeError);
}

TEST_CASE("Lock.repr shows the state and the number of waiters") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Lock lock;
        CHECK(lock.repr().find("<asyncio.locks.Lock object at ") == 0);
        CHECK(lock.repr().find("[unlocked]>") != std::string::npos);
        co_await lock.acquire();
        auto t = aio::create_task([](aio::Lock& l) -> Coroutine<void> { co_await l.acquire(); }(lock));
        co_await aio::sleep(0);
        CHECK(lock.repr().find("[locked, waiters:1]>") != std::string::npos);
        lock.release();
        co_await t;
        CHECK(lock.repr().find("[locked]>") != std::string::npos);
    };
    L.run(body());
}

// [SECTION] Lifetime

namespace {
int g_frames_alive = 0;
struct FrameCounter {
    FrameCounter() { ++g_frames_alive; }
    ~FrameCounter() { --g_frames_alive; }
};
Coroutine<void> hold_then_sleep(aio::Lock& lock) {
    FrameCounter c;
    auto guard = co_await lock.hold();
    co_await aio::sleep(100);
}
Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }
Coroutine<void> wait_for_lock(aio::Lock& lock) {
    FrameCounter c;
    auto guard = co_await lock.hold();
}
}  // namespace

TEST_CASE("destroying a loop with tasks holding and awaiting a Lock frees every frame") {
    g_frames_alive = 0;
    {
        VirtualLoop L;
        // The lock lives in main's frame, which the closing loop frees
        // first: the waiters' frames are freed after the lock is gone.
        auto body = []() -> Coroutine<void> {
            aio::Lock lock;
            (void)aio::create_task(hold_then_sleep(lock));
            for (int i = 0; i < 3; ++i) (void)aio::create_task(wait_for_lock(lock));
            co_await aio::sleep(1);
            CHECK(lock.waiter_count() == 3);
            CHECK(g_frames_alive == 4);
            co_await aio::sleep(100);
        };
        auto main_task = aio::create_task(*L, body());
        aio::run_until_complete(*L, nap(2));
        CHECK_FALSE(main_task.done());
        L.loop.reset();  // close: every task above is still pending
        CHECK(L.reports.size() == 5);
    }
    CHECK(g_frames_alive == 0);
}

// [SECTION] A lock that dies before its waiters (aio::run's leftover tasks)

namespace {
Coroutine<void> orphan_waiter(Log& log, aio::Lock& lock, std::string name) {
    try {
        co_await lock.acquire();
        log(name + " acquired");
    } catch (const aio::CancelledError&) {
        log(name + ": CancelledError");
        throw;
    }
}

// The lock lives in main's frame, freed when main returns.
Coroutine<void> orphan_main(Log& log) {
    aio::Lock lock;
    co_await lock.acquire();
    (void)aio::create_task(orphan_waiter(log, lock, "a"));
    (void)aio::create_task(orphan_waiter(log, lock, "b"));
    co_await aio::sleep(0);
    lock.release();  // hands the lock to a, which runs only after main is gone
    log("main returns");
}
}  // namespace

TEST_CASE("tasks still waiting on a lock that was destroyed resume without touching it") {
    VirtualLoop L;
    Log log;
    L.run(orphan_main(log));  // a's step runs in the last iteration, after main's
    auto leftovers = aio::all_tasks(*L);
    REQUIRE(leftovers.size() == 1);
    for (auto& t : leftovers) t.cancel();  // what aio::run does after main returns
    L->run_once();
    for (auto& t : leftovers) CHECK(t.cancelled());
    CHECK(joined(log.lines) == joined({"main returns", "a acquired", "b: CancelledError"}));
}
