// asyncio.Semaphore and BoundedSemaphore: counting, FIFO wake-up, cancellation, bounds.

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

// [SECTION] Counting

constexpr const char* kBasicPy = R"PY(
import asyncio

async def worker(sem, name, hold):
    print(f"{name} acquiring, locked {sem.locked()}")
    async with sem:
        print(f"{name} in at {(asyncio.get_running_loop().time() - t0) * 10:.0f}")
        await asyncio.sleep(hold)
    print(f"{name} out")

async def main():
    global t0
    t0 = asyncio.get_running_loop().time()
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(worker(sem, n, h)) for n, h in zip("abcde", [0.3, 0.1, 0.1, 0.3, 0.1])]
    for t in tasks:
        await t
    print(f"locked {sem.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> basic_worker(Log& log, aio::Semaphore& sem, std::string name, double hold) {
    log(name + " acquiring, locked " + py_bool(sem.locked()));
    {
        auto guard = co_await sem.hold();
        char when[32];
        std::snprintf(when, sizeof when, "%.0f", aio::get_running_loop().time() * 10);
        log(name + " in at " + when);
        co_await aio::sleep(hold);
    }
    log(name + " out");
}

Coroutine<void> basic_main(Log& log) {
    aio::Semaphore sem(2);
    std::vector<aio::Task<>> tasks;
    const char* names[] = {"a", "b", "c", "d", "e"};
    const double holds[] = {0.3, 0.1, 0.1, 0.3, 0.1};
    for (int i = 0; i < 5; ++i) tasks.push_back(aio::create_task(basic_worker(log, sem, names[i], holds[i])));
    for (auto& t : tasks) co_await t;
    log("locked " + py_bool(sem.locked()));
}

}  // namespace

TEST_CASE("Semaphore lets `value` tasks in at once and the rest in FIFO order as units come back") {
    const Lines expected{"a acquiring, locked False",
                         "a in at 0",
                         "b acquiring, locked False",
                         "b in at 0",
                         "c acquiring, locked True",
                         "d acquiring, locked True",
                         "e acquiring, locked True",
                         "b out",
                         "c in at 1",
                         "c out",
                         "d in at 2",
                         "a out",
                         "e in at 3",
                         "e out",
                         "d out",
                         "locked False"};
    expect_cpython_prints(kBasicPy, expected);
    VirtualLoop L;
    Log log;
    L.run(basic_main(log));
    CHECK(joined(log.lines) == joined(expected));
    CHECK(L->time() == doctest::Approx(0.5));
}

// [SECTION] Cancellation

namespace {

constexpr const char* kCancelPy = R"PY(
import asyncio

async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)

async def worker(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} acquired")

async def main():
    sem = asyncio.Semaphore(0)
    tasks = {n: asyncio.create_task(worker(sem, n)) for n in "abcd"}
    await asyncio.sleep(0)
    tasks["b"].cancel()          # pending waiter cancelled
    sem.release()                # wakes a
    sem.release()                # skips b (its future is done), wakes c
    tasks["a"].cancel()          # a was woken but has not run: gives its unit back
    print(f"locked {sem.locked()}")
    await ticker(4)
    print(f"locked {sem.locked()}")
    for n, t in tasks.items():
        print(n, "cancelled" if t.cancelled() else "done" if t.done() else "pending")
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"locked {sem.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> ticker(Log& log, int n) {
    for (int i = 0; i < n; ++i) {
        log("tick " + std::to_string(i));
        co_await aio::sleep(0);
    }
}

Coroutine<void> cancel_worker(Log& log, aio::Semaphore& sem, std::string name) {
    try {
        co_await sem.acquire();
    } catch (const aio::CancelledError&) {
        log(name + " cancelled");
        throw;
    }
    log(name + " acquired");
}

Coroutine<void> cancel_main(Log& log) {
    aio::Semaphore sem(0);
    std::vector<std::pair<std::string, aio::Task<>>> tasks;
    for (const char* n : {"a", "b", "c", "d"}) tasks.emplace_back(n, aio::create_task(cancel_worker(log, sem, n)));
    co_await aio::sleep(0);
    tasks[1].second.cancel();
    sem.release();
    sem.release();
    tasks[0].second.cancel();
    log("locked " + py_bool(sem.locked()));
    co_await ticker(log, 4);
    log("locked " + py_bool(sem.locked()));
    for (auto& [n, t] : tasks) log(n + (t.cancelled() ? " cancelled" : t.done() ? " done" : " pending"));
    sem.release();
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    log("locked " + py_bool(sem.locked()));
    CHECK(sem.waiter_count() == 0);
    CHECK(sem.repr().find("[unlocked, value:1]>") != std::string::npos);
}

}  // namespace

TEST_CASE("a cancelled Semaphore waiter is skipped, and one woken then cancelled gives its unit back") {
    const Lines expected{"locked True", "tick 0",      "b cancelled", "a cancelled", "c acquired",
                         "tick 1",      "d acquired",  "tick 2",      "tick 3",      "locked True",
                         "a cancelled", "b cancelled", "c done",      "d done",      "locked False"};
    expect_cpython_prints(kCancelPy, expected);
    VirtualLoop L;
    Log log;
    L.run(cancel_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

namespace {

constexpr const char* kChainPy = R"PY(
import asyncio

async def worker(sem, name):
    print(f"{name} acquiring, locked {sem.locked()}")
    await sem.acquire()
    print(f"{name} acquired")

async def main():
    sem = asyncio.Semaphore(0)
    a = asyncio.create_task(worker(sem, "a"))
    await asyncio.sleep(0)
    c = asyncio.create_task(worker(sem, "c"))  # its first step runs before a wakes
    sem.release()        # wakes a
    sem.release()        # a is woken already: the unit stays in the counter
    await asyncio.sleep(0)  # c queues (a still counts); a acquires, sees a unit left, wakes c
    await asyncio.sleep(0)
    print(f"a done {a.done()}, c done {c.done()}, locked {sem.locked()}")

asyncio.run(main())
)PY";

Coroutine<void> chain_worker(Log& log, aio::Semaphore& sem, std::string name) {
    log(name + " acquiring, locked " + py_bool(sem.locked()));
    co_await sem.acquire();
    log(name + " acquired");
}

Coroutine<void> chain_main(Log& log) {
    aio::Semaphore sem(0);
    auto a = aio::create_task(chain_worker(log, sem, "a"));
    co_await aio::sleep(0);
    auto c = aio::create_task(chain_worker(log, sem, "c"));
    sem.release();
    sem.release();
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    log("a done " + py_bool(a.done()) + ", c done " + py_bool(c.done()) + ", locked " + py_bool(sem.locked()));
}

}  // namespace

TEST_CASE("a Semaphore waiter that resumes with units left wakes the next waiter") {
    const Lines expected{"a acquiring, locked True", "c acquiring, locked True", "a acquired", "c acquired",
                         "a done True, c done True, locked True"};
    expect_cpython_prints(kChainPy, expected);
    VirtualLoop L;
    Log log;
    L.run(chain_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("Semaphore.acquire with units left and no waiters does not suspend") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Semaphore sem(2);
        auto& loop = aio::get_running_loop();
        auto before = loop.iteration();
        co_await sem.acquire();
        co_await sem.acquire();
        CHECK(sem.locked());
        CHECK(loop.iteration() == before);
        sem.release();
        sem.release();
        CHECK(sem.repr().find("[unlocked, value:2]>") != std::string::npos);
    };
    L.run(body());
}

TEST_CASE("a Semaphore with a negative initial value raises ValueError") {
    CHECK_THROWS_WITH_AS(aio::Semaphore(-1), "Semaphore initial value must be >= 0", aio::ValueError);
    CHECK_NOTHROW(aio::Semaphore(0));
}

TEST_CASE("Semaphore.release beyond the initial value is allowed, BoundedSemaphore's raises ValueError") {
    aio::Semaphore sem(1);
    sem.release();
    CHECK(sem.repr().find("value:2") != std::string::npos);
    aio::BoundedSemaphore bounded(1);
    CHECK_THROWS_WITH_AS(bounded.release(), "BoundedSemaphore released too many times", aio::ValueError);
    CHECK(bounded.repr().find("<asyncio.locks.BoundedSemaphore object at ") == 0);
}

TEST_CASE("BoundedSemaphore works as a guard up to its bound") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::BoundedSemaphore sem(2);
        {
            auto g1 = co_await sem.hold();
            auto g2 = co_await sem.hold();
            CHECK(sem.locked());
        }
        CHECK_FALSE(sem.locked());
        CHECK_THROWS_AS(sem.release(), aio::ValueError);
    };
    L.run(body());
    CHECK(L.reports.empty());
}

// [SECTION] Lifetime

namespace {
Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }
Coroutine<void> acquire_forever(aio::Semaphore& sem) { co_await sem.acquire(); }
}  // namespace

TEST_CASE("destroying a loop with tasks blocked on a Semaphore frees them") {
    auto sem = std::make_unique<aio::BoundedSemaphore>(1);
    {
        VirtualLoop L;
        auto body = [](aio::Semaphore& sem) -> Coroutine<void> {
            auto guard = co_await sem.hold();
            for (int i = 0; i < 3; ++i) (void)aio::create_task(acquire_forever(sem));
            co_await aio::sleep(100);
        };
        (void)aio::create_task(*L, body(*sem));
        aio::run_until_complete(*L, nap(1));
        CHECK(sem->waiter_count() == 3);
        L.loop.reset();
        CHECK(L.reports.size() == 4);
    }
    CHECK(sem->waiter_count() == 0);
}

TEST_CASE("tasks still waiting on a semaphore that was destroyed resume without touching it") {
    VirtualLoop L;
    Log log;
    auto body = [](Log& log) -> Coroutine<void> {
        aio::Semaphore sem(0);  // freed when this coroutine returns
        for (const char* n : {"a", "b"}) (void)aio::create_task(cancel_worker(log, sem, n));
        co_await aio::sleep(0);
        sem.release();  // wakes a, which runs only after the semaphore is gone
    };
    L.run(body(log));  // a's step runs in the last iteration: woken, it returns from acquire
    auto leftovers = aio::all_tasks(*L);
    REQUIRE(leftovers.size() == 1);
    leftovers[0].cancel();
    L->run_once();
    CHECK(leftovers[0].cancelled());
    CHECK(joined(log.lines) == joined({"a acquired", "b cancelled"}));
}
