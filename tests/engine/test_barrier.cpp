// asyncio.Barrier (3.11): indices, rounds, abort, reset, broken, cancellation.

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

// [SECTION] Rounds

constexpr const char* kRoundsPy = R"PY(
import asyncio

async def party(barrier, name, rounds):
    for r in range(rounds):
        print(f"{name} arrives (round {r}), n_waiting {barrier.n_waiting}")
        index = await barrier.wait()
        print(f"{name} passes with index {index}")

async def main():
    barrier = asyncio.Barrier(3)
    print(f"parties {barrier.parties}, broken {barrier.broken}")
    tasks = [asyncio.create_task(party(barrier, n, 2)) for n in "abc"]
    for t in tasks:
        await t
    print(f"n_waiting {barrier.n_waiting}, broken {barrier.broken}")

asyncio.run(main())
)PY";

Coroutine<void> round_party(Log& log, aio::Barrier& barrier, std::string name, int rounds) {
    for (int r = 0; r < rounds; ++r) {
        log(name + " arrives (round " + std::to_string(r) + "), n_waiting " + std::to_string(barrier.n_waiting()));
        int index = co_await barrier.wait();
        log(name + " passes with index " + std::to_string(index));
    }
}

Coroutine<void> rounds_main(Log& log) {
    aio::Barrier barrier(3);
    log("parties " + std::to_string(barrier.parties()) + ", broken " + py_bool(barrier.broken()));
    std::vector<aio::Task<>> tasks;
    for (const char* n : {"a", "b", "c"}) tasks.push_back(aio::create_task(round_party(log, barrier, n, 2)));
    for (auto& t : tasks) co_await t;
    log("n_waiting " + std::to_string(barrier.n_waiting()) + ", broken " + py_bool(barrier.broken()));
}

}  // namespace

TEST_CASE("Barrier releases all parties together with distinct indices, round after round") {
    const Lines expected{"parties 3, broken False",
                         "a arrives (round 0), n_waiting 0",
                         "b arrives (round 0), n_waiting 1",
                         "c arrives (round 0), n_waiting 2",
                         "c passes with index 2",
                         "c arrives (round 1), n_waiting 0",
                         "a passes with index 0",
                         "a arrives (round 1), n_waiting 0",
                         "b passes with index 1",
                         "b arrives (round 1), n_waiting 0",
                         "a passes with index 2",
                         "b passes with index 0",
                         "c passes with index 1",
                         "n_waiting 0, broken False"};
    expect_cpython_prints(kRoundsPy, expected);
    VirtualLoop L;
    Log log;
    L.run(rounds_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] abort / reset

namespace {

Coroutine<void> party(Log& log, aio::Barrier& barrier, std::string name) {
    try {
        int index = co_await barrier.wait();
        log(name + " passes with index " + std::to_string(index));
    } catch (const aio::BrokenBarrierError&) {
        log(name + " sees a broken barrier");
    }
}

constexpr const char* kAbortPy = R"PY(
import asyncio

async def party(barrier, name):
    try:
        index = await barrier.wait()
        print(f"{name} passes with index {index}")
    except asyncio.BrokenBarrierError:
        print(f"{name} sees a broken barrier")

async def main():
    barrier = asyncio.Barrier(3)
    a = asyncio.create_task(party(barrier, "a"))
    b = asyncio.create_task(party(barrier, "b"))
    await asyncio.sleep(0)
    print(f"n_waiting {barrier.n_waiting}")
    await barrier.abort()
    print(f"aborted, broken {barrier.broken}")
    await a
    await b
    await party(barrier, "late")
    print(f"n_waiting {barrier.n_waiting}, broken {barrier.broken}")

asyncio.run(main())
)PY";

Coroutine<void> abort_main(Log& log) {
    aio::Barrier barrier(3);
    auto a = aio::create_task(party(log, barrier, "a"));
    auto b = aio::create_task(party(log, barrier, "b"));
    co_await aio::sleep(0);
    log("n_waiting " + std::to_string(barrier.n_waiting()));
    co_await barrier.abort();
    log("aborted, broken " + py_bool(barrier.broken()));
    co_await a;
    co_await b;
    co_await party(log, barrier, "late");
    log("n_waiting " + std::to_string(barrier.n_waiting()) + ", broken " + py_bool(barrier.broken()));
    CHECK(barrier.repr().find("[broken]>") != std::string::npos);
}

constexpr const char* kResetPy = R"PY(
import asyncio

async def party(barrier, name):
    try:
        index = await barrier.wait()
        print(f"{name} passes with index {index}")
    except asyncio.BrokenBarrierError:
        print(f"{name} sees a broken barrier")

async def main():
    barrier = asyncio.Barrier(2)
    a = asyncio.create_task(party(barrier, "a"))
    await asyncio.sleep(0)
    print(f"n_waiting {barrier.n_waiting}")
    await barrier.reset()
    print(f"reset, n_waiting {barrier.n_waiting}, broken {barrier.broken}")
    await a
    print(f"after a: n_waiting {barrier.n_waiting}")
    b = asyncio.create_task(party(barrier, "b"))
    c = asyncio.create_task(party(barrier, "c"))
    await b
    await c
    print(f"broken {barrier.broken}")

asyncio.run(main())
)PY";

Coroutine<void> reset_main(Log& log) {
    aio::Barrier barrier(2);
    auto a = aio::create_task(party(log, barrier, "a"));
    co_await aio::sleep(0);
    log("n_waiting " + std::to_string(barrier.n_waiting()));
    CHECK(barrier.repr().find("[filling, waiters:1/2]>") != std::string::npos);
    co_await barrier.reset();
    log("reset, n_waiting " + std::to_string(barrier.n_waiting()) + ", broken " + py_bool(barrier.broken()));
    co_await a;
    log("after a: n_waiting " + std::to_string(barrier.n_waiting()));
    auto b = aio::create_task(party(log, barrier, "b"));
    auto c = aio::create_task(party(log, barrier, "c"));
    co_await b;
    co_await c;
    log("broken " + py_bool(barrier.broken()));
}

}  // namespace

TEST_CASE("Barrier.abort breaks it for current and later waiters") {
    const Lines expected{"n_waiting 2",
                         "aborted, broken True",
                         "a sees a broken barrier",
                         "b sees a broken barrier",
                         "late sees a broken barrier",
                         "n_waiting 0, broken True"};
    expect_cpython_prints(kAbortPy, expected);
    VirtualLoop L;
    Log log;
    L.run(abort_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("Barrier.reset fails the current waiters and leaves the barrier usable") {
    const Lines expected{"n_waiting 1",
                         "reset, n_waiting 0, broken False",
                         "a sees a broken barrier",
                         "after a: n_waiting 0",
                         "c passes with index 1",
                         "b passes with index 0",
                         "broken False"};
    expect_cpython_prints(kResetPy, expected);
    VirtualLoop L;
    Log log;
    L.run(reset_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] Cancellation and errors

namespace {

constexpr const char* kCancelPy = R"PY(
import asyncio

async def party(barrier, name):
    try:
        index = await barrier.wait()
        print(f"{name} passes with index {index}")
    except asyncio.CancelledError:
        print(f"{name} cancelled, n_waiting {barrier.n_waiting}")
        raise

async def main():
    barrier = asyncio.Barrier(3)
    a = asyncio.create_task(party(barrier, "a"))
    b = asyncio.create_task(party(barrier, "b"))
    await asyncio.sleep(0)
    print(f"n_waiting {barrier.n_waiting}")
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print(f"a is out, n_waiting {barrier.n_waiting}")
    c = asyncio.create_task(party(barrier, "c"))
    await party(barrier, "main")
    await b
    await c
    print(f"n_waiting {barrier.n_waiting}, broken {barrier.broken}")

asyncio.run(main())
)PY";

Coroutine<void> cancel_party(Log& log, aio::Barrier& barrier, std::string name) {
    try {
        int index = co_await barrier.wait();
        log(name + " passes with index " + std::to_string(index));
    } catch (const aio::CancelledError&) {
        log(name + " cancelled, n_waiting " + std::to_string(barrier.n_waiting()));
        throw;
    }
}

Coroutine<void> cancel_main(Log& log) {
    aio::Barrier barrier(3);
    auto a = aio::create_task(cancel_party(log, barrier, "a"));
    auto b = aio::create_task(cancel_party(log, barrier, "b"));
    co_await aio::sleep(0);
    log("n_waiting " + std::to_string(barrier.n_waiting()));
    a.cancel();
    try {
        co_await a;
    } catch (const aio::CancelledError&) {
        log("a is out, n_waiting " + std::to_string(barrier.n_waiting()));
    }
    auto c = aio::create_task(cancel_party(log, barrier, "c"));
    co_await cancel_party(log, barrier, "main");
    co_await b;
    co_await c;
    log("n_waiting " + std::to_string(barrier.n_waiting()) + ", broken " + py_bool(barrier.broken()));
}

}  // namespace

// CPython reuses index 1 here (b and main): mirrored, not fixed.
TEST_CASE("a task cancelled in Barrier.wait leaves the barrier counting the others") {
    const Lines expected{
        "n_waiting 2",           "a cancelled, n_waiting 1", "a is out, n_waiting 1",    "c passes with index 2",
        "b passes with index 1", "main passes with index 1", "n_waiting 0, broken False"};
    expect_cpython_prints(kCancelPy, expected);
    VirtualLoop L;
    Log log;
    L.run(cancel_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("a Barrier needs at least one party") {
    CHECK_THROWS_WITH_AS(aio::Barrier(0), "parties must be > 0", aio::ValueError);
    aio::Barrier one(1);
    VirtualLoop L;
    auto body = [](aio::Barrier& b) -> Coroutine<int> { co_return co_await b.wait(); };
    CHECK(L.run(body(one)) == 0);
}

// [SECTION] Lifetime

namespace {
Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }
Coroutine<void> wait_at(aio::Barrier& barrier) { co_await barrier.wait(); }
}  // namespace

TEST_CASE("destroying a loop with tasks blocked at a Barrier frees them") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Barrier barrier(4);
        for (int i = 0; i < 3; ++i) (void)aio::create_task(wait_at(barrier));
        co_await aio::sleep(1);
        CHECK(barrier.n_waiting() == 3);
        co_await aio::sleep(100);
    };
    (void)aio::create_task(*L, body());
    aio::run_until_complete(*L, nap(5));
    L.loop.reset();
    CHECK(L.reports.size() == 4);
}
