// asyncio.gather: argument order, results, return_exceptions, cancellation,
// lifetime. Each ordering test carries the same program for CPython 3.11 as the
// string `py`; expect_cpython_prints runs it under python3 after kPrelude and
// checks that it prints the lines the C++ side is checked against. Lines carry
// "loop time@iteration" stamps, so the number of loop iterations each step
// takes is compared too.

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "aio/gather.hpp"
#include "support.hpp"

using namespace aio_test::port;
using aio_test::expect_cpython_prints;

namespace {

const std::string kPrelude = aio_test::kVirtualLoopPy;

const char* yn(bool b) { return b ? "yes" : "no"; }

aio::Coroutine<std::string> work(std::string name, double delay) {
    Probe probe;
    print("start", name, now());
    co_await aio::sleep(delay);
    print("end", name, now());
    co_return name;
}

aio::Coroutine<int> count(int n) {
    print("count", n, now());
    co_await aio::sleep(0);
    co_return n;
}

aio::Coroutine<> nap(std::string name, double delay) {
    print("nap", name, now());
    co_await aio::sleep(delay);
    print("woke", name, now());
}

aio::Coroutine<int> fail(std::string msg, double delay) {
    Probe probe;
    print("fail", msg, now());
    co_await aio::sleep(delay);
    print("raise", msg, now());
    throw aio::ValueError(msg);
}

// Sleeps, reporting a cancellation when it arrives.
aio::Coroutine<std::string> patient(std::string name, double delay) {
    Probe probe;
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

TEST_CASE("gather wraps arguments in tasks in argument order and returns results in argument order") {
    constexpr const char* py = R"PY(
async def work(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def count(n):
    print("count", n, now())
    await asyncio.sleep(0)
    return n

async def main():
    print("gather", now())
    a, n, c = await asyncio.gather(work("a", 0.5), count(7), work("c", 0.25))
    print("results", a, n, c, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        print("gather", now());
        auto [a, n, c] = co_await aio::gather(work("a", 0.5), count(7), work("c", 0.25));
        print("results", a, n, c, now());
    }());
    const Lines expected{
        "gather 0@1",   "start a 0@2", "count 7 0@2",          "start c 0@2",
        "end c 0.25@6", "end a 0.5@9", "results a 7 c 0.5@11",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.5);
}

TEST_CASE("gather before the loop runs queues its tasks, and run_until_complete fires them later") {
    constexpr const char* py = R"PY(
async def work(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

batch = asyncio.gather(work("x", 0.5), work("y", 0.25))
print("queued", now())
job = loop.create_task(work("j", 0.25))
x, y = loop.run_until_complete(batch)
print("batch", x, y, now())
print("job", job.result(), now())
)PY";
    Program p;
    auto batch = aio::gather(work("x", 0.5), work("y", 0.25));  // no loop is running yet
    print("queued", now());
    auto job = aio::create_task(*p.L, work("j", 0.25));
    auto [x, y] = aio::run_until_complete(*p.L, batch);
    print("batch", x, y, now());
    print("job", job.result(), now());
    const Lines expected{
        "queued 0@0",   "start x 0@1", "start y 0@1",     "start j 0@1", "end y 0.25@3",
        "end j 0.25@3", "end x 0.5@6", "batch x y 0.5@8", "job j 0.5@8",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather over a vector returns a vector in argument order") {
    constexpr const char* py = R"PY(
async def work(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def count(n):
    print("count", n, now())
    await asyncio.sleep(0)
    return n

async def main():
    names = await asyncio.gather(*[work(n, d) for n, d in [("p", 0.5), ("q", 0.25), ("r", 0.75)]])
    print("names", *names, now())
    tasks = [asyncio.create_task(count(n)) for n in [3, 1, 2]]
    numbers = await asyncio.gather(*tasks)
    print("numbers", *numbers, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Coroutine<std::string>> coros;
        coros.push_back(work("p", 0.5));
        coros.push_back(work("q", 0.25));
        coros.push_back(work("r", 0.75));
        std::vector<std::string> names = co_await aio::gather(std::move(coros));
        print("names", names[0], names[1], names[2], now());
        std::vector<aio::Task<int>> tasks;
        for (int n : {3, 1, 2}) tasks.push_back(aio::create_task(count(n)));
        std::vector<int> numbers = co_await aio::gather(tasks);
        print("numbers", numbers[0], numbers[1], numbers[2], now());
    }());
    const Lines expected{
        "start p 0@2",     "start q 0@2",     "start r 0@2",           "end q 0.25@4",
        "end p 0.5@7",     "end r 0.75@10",   "names p q r 0.75@12",   "count 3 0.75@13",
        "count 1 0.75@13", "count 2 0.75@13", "numbers 3 1 2 0.75@16",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather with return_exceptions puts each exception in its argument's slot") {
    constexpr const char* py = R"PY(
async def work(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def fail(msg, delay):
    print("fail", msg, now())
    await asyncio.sleep(delay)
    print("raise", msg, now())
    raise ValueError(msg)

async def nap(name, delay):
    print("nap", name, now())
    await asyncio.sleep(delay)
    print("woke", name, now())

async def main():
    a, b, c = await asyncio.gather(work("a", 0.5), fail("boom", 0.25), nap("z", 0.125), return_exceptions=True)
    print("results", a, repr(b), c, now())
    outcomes = await asyncio.gather(*[fail("x", 0.25), work("y", 0.125)], return_exceptions=True)
    print("outcomes", repr(outcomes[0]), outcomes[1], now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto [a, b, c] =
            co_await aio::gather(aio::return_exceptions, work("a", 0.5), fail("boom", 0.25), nap("z", 0.125));
        print("results", a, b, c, now());
        CHECK(a.has_value());
        CHECK(a.value() == "a");
        CHECK_FALSE(b.has_value());
        CHECK_THROWS_AS(b.value(), aio::ValueError);
        CHECK(c.value() == aio::None{});
        std::vector<aio::Coroutine<std::string>> coros;
        coros.push_back([]() -> aio::Coroutine<std::string> { co_return std::to_string(co_await fail("x", 0.25)); }());
        coros.push_back(work("y", 0.125));
        auto outcomes = co_await aio::gather(aio::return_exceptions, std::move(coros));
        print("outcomes", outcomes[0], outcomes[1], now());
    }());
    const Lines expected{
        "start a 0@2",
        "fail boom 0@2",
        "nap z 0@2",
        "woke z 0.125@4",
        "raise boom 0.25@7",
        "end a 0.5@10",
        "results a ValueError('boom') None 0.5@12",
        "fail x 0.5@13",
        "start y 0.5@13",
        "end y 0.625@15",
        "raise x 0.75@18",
        "outcomes ValueError('x') y 0.75@20",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather propagates the first exception while the other children keep running") {
    constexpr const char* py = R"PY(
async def work(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def fail(msg, delay):
    print("fail", msg, now())
    await asyncio.sleep(delay)
    print("raise", msg, now())
    raise ValueError(msg)

async def main():
    try:
        await asyncio.gather(work("a", 0.5), fail("first", 0.25), fail("second", 0.375))
    except ValueError as e:
        print("caught", e, now())
    await asyncio.sleep(0.5)
    print("done", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::gather(work("a", 0.5), fail("first", 0.25), fail("second", 0.375));
        } catch (const aio::ValueError& e) {
            print("caught", e.what(), now());
        }
        co_await aio::sleep(0.5);
        print("done", now());
    }());
    const Lines expected{
        "start a 0@2",         "fail first 0@2",       "fail second 0@2", "raise first 0.25@4",
        "caught first 0.25@6", "raise second 0.375@8", "end a 0.5@11",    "done 0.75@14",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    // The second failure was retrieved by gather's callback: nothing reported.
    CHECK(p.L.reports.empty());
    CHECK(Probe::live == 0);
}

TEST_CASE("cancelling the gather future cancels its children and ends it with CancelledError") {
    constexpr const char* py = R"PY(
async def patient(name, delay):
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
    g = asyncio.gather(patient("a", 0.5), patient("b", 0.25))
    await asyncio.sleep(0.125)
    print("cancel", yn(g.cancel("stop")), now())
    print("again", yn(g.cancel("stop")), now())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised CancelledError", e, now())
    print("gather cancelled?", yn(g.cancelled()), "done?", yn(g.done()))

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto g = aio::gather(patient("a", 0.5), patient("b", 0.25));
        co_await aio::sleep(0.125);
        print("cancel", yn(g.cancel("stop")), now());
        print("again", yn(g.cancel("stop")), now());
        try {
            co_await g;
        } catch (const aio::CancelledError& e) {
            print("gather raised CancelledError", e.what(), now());
        }
        print("gather cancelled?", yn(g.cancelled()), "done?", yn(g.done()));
    }());
    const Lines expected{
        "start a 0@2",
        "start b 0@2",
        "cancel yes 0.125@4",
        "again yes 0.125@4",
        "cancelled a 0.125@5",
        "cancelled b 0.125@5",
        "gather raised CancelledError stop 0.125@7",
        "gather cancelled? no done? yes",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("cancelling the task that awaits gather cancels the children") {
    constexpr const char* py = R"PY(
async def patient(name, delay):
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

async def waiter():
    try:
        await asyncio.gather(patient("a", 0.5), patient("b", 0.25))
    except asyncio.CancelledError:
        print("waiter cancelled", now())
        raise

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.125)
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
                co_await aio::gather(patient("a", 0.5), patient("b", 0.25));
            } catch (const aio::CancelledError&) {
                print("waiter cancelled", now());
                throw;
            }
        }());
        co_await aio::sleep(0.125);
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            print("task cancelled?", yn(t.cancelled()), now());
        }
    }());
    const Lines expected{
        "start a 0@3",
        "start b 0@3",
        "cancelled a 0.125@6",
        "cancelled b 0.125@6",
        "waiter cancelled 0.125@8",
        "task cancelled? yes 0.125@9",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("a child cancelled on its own makes gather raise CancelledError without cancelling the siblings") {
    constexpr const char* py = R"PY(
async def patient(name, delay):
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
    a = asyncio.create_task(patient("a", 0.5))
    b = asyncio.create_task(patient("b", 0.25))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.125)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError", now(), "cancelled?", yn(g.cancelled()), "a done?", yn(a.done()))
    print("a returned", await a, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto a = aio::create_task(patient("a", 0.5));
        auto b = aio::create_task(patient("b", 0.25));
        auto g = aio::gather(a, b);
        co_await aio::sleep(0.125);
        b.cancel();
        try {
            co_await g;
        } catch (const aio::CancelledError&) {
            print("gather raised CancelledError", now(), "cancelled?", yn(g.cancelled()), "a done?", yn(a.done()));
        }
        print("a returned", co_await a, now());
    }());
    const Lines expected{
        "start a 0@2",         "start b 0@2",
        "cancelled b 0.125@5", "gather raised CancelledError 0.125@7 cancelled? no a done? no",
        "end a 0.5@9",         "a returned a 0.5@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather with return_exceptions reports a cancelled child as CancelledError in its slot") {
    constexpr const char* py = R"PY(
async def patient(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

async def main():
    b = asyncio.create_task(patient("b", 0.25))
    g = asyncio.gather(patient("a", 0.5), b, return_exceptions=True)
    await asyncio.sleep(0.125)
    b.cancel()
    a, b = await g
    print("results", a, type(b).__name__, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto b = aio::create_task(patient("b", 0.25));
        auto g = aio::gather(aio::return_exceptions, patient("a", 0.5), b);
        co_await aio::sleep(0.125);
        b.cancel();
        auto [ra, rb] = co_await g;
        print("results", ra, rb.cancelled() ? "CancelledError" : "?", now());
    }());
    const Lines expected{
        "start b 0@2", "start a 0@2", "cancelled b 0.125@5", "end a 0.5@8", "results a CancelledError 0.5@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("cancelling a gather with return_exceptions still ends it with CancelledError") {
    constexpr const char* py = R"PY(
async def patient(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

async def main():
    g = asyncio.gather(patient("a", 0.5), patient("b", 0.25), return_exceptions=True)
    await asyncio.sleep(0.125)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto g = aio::gather(aio::return_exceptions, patient("a", 0.5), patient("b", 0.25));
        co_await aio::sleep(0.125);
        g.cancel();
        try {
            co_await g;
        } catch (const aio::CancelledError&) {
            print("gather raised CancelledError", now());
        }
    }());
    const Lines expected{
        "start a 0@2",
        "start b 0@2",
        "cancelled a 0.125@5",
        "cancelled b 0.125@5",
        "gather raised CancelledError 0.125@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather watches a repeated argument once and cancels it once per occurrence") {
    constexpr const char* py = R"PY(
async def count(n):
    print("count", n, now())
    await asyncio.sleep(0)
    return n

async def patient(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

async def main():
    t = asyncio.create_task(count(3))
    print("results", *await asyncio.gather(t, t, count(4), t), now())
    s = asyncio.create_task(patient("s", 1))
    g = asyncio.gather(s, s)
    await asyncio.sleep(0)
    g.cancel()
    print("cancelling", s.cancelling(), now())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(count(3));
        auto [a, b, c, d] = co_await aio::gather(t, t, count(4), t);
        print("results", a, b, c, d, now());
        auto s = aio::create_task(patient("s", 1));
        auto g = aio::gather(s, s);
        co_await aio::sleep(0);
        g.cancel();
        print("cancelling", s.cancelling(), now());
        try {
            co_await g;
        } catch (const aio::CancelledError&) {
            print("gather raised CancelledError", now());
        }
    }());
    const Lines expected{
        "count 3 0@2",
        "count 4 0@2",
        "results 3 3 4 3 0@5",
        "start s 0@6",
        "cancelling 2 0@6",
        "cancelled s 0@7",
        "gather raised CancelledError 0@9",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather accepts finished tasks, futures and void coroutines, giving None for void") {
    constexpr const char* py = R"PY(
async def count(n):
    print("count", n, now())
    await asyncio.sleep(0)
    return n

async def nap(name, delay):
    print("nap", name, now())
    await asyncio.sleep(delay)
    print("woke", name, now())

async def main():
    t = asyncio.create_task(count(1))
    await t
    f = loop.create_future()
    f.set_result("ready")
    print("gather", now())
    print("results", *await asyncio.gather(t, f, nap("n", 0)), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(count(1));
        co_await t;
        aio::Future<std::string> f;
        f.set_result("ready");
        print("gather", now());
        auto [a, b, c] = co_await aio::gather(t, f, nap("n", 0));
        print("results", a, b, c, now());
    }());
    const Lines expected{
        "count 1 0@2", "gather 0@4", "nap n 0@5", "woke n 0@6", "results 1 ready None 0@8",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("gather with no arguments is done at once") {
    constexpr const char* py = R"PY(
async def main():
    print("results", len(await asyncio.gather()), now())
    print("results", len(await asyncio.gather(*[])), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto empty = aio::gather();
        CHECK(empty.done());
        std::tuple<> nothing = co_await empty;
        print("results", std::tuple_size_v<decltype(nothing)>, now());
        auto none = co_await aio::gather(std::vector<aio::Coroutine<int>>{});
        print("results", none.size(), now());
    }());
    const Lines expected{
        "results 0 0@1",
        "results 0 0@1",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a gather nobody awaits reports its exception when it is dropped") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        (void)aio::gather(fail("lost", 0.25));  // the future is dropped at once
        co_await aio::sleep(0.5);
    }());
    REQUIRE(p.L.reports.size() == 1);
    CHECK(p.L.reports[0].message == "Future exception was never retrieved");
    CHECK(p.L.reports[0].source == "future: <_GatheringFuture finished exception=ValueError('lost')>");
}

TEST_CASE("a loop closed while a gather is pending frees its children and the gather") {
    {
        Program p;
        auto g = aio::gather(work("a", 1), work("b", 2));
        p.L->run_once();
        CHECK(Probe::live == 2);
        p.L->close();
        CHECK(Probe::live == 0);
        // "Task was destroyed but it is pending!" for both. (CPython turns that
        // warning off for the tasks gather makes, _log_destroy_pending; the
        // core has no such per-task switch yet.)
        CHECK(p.L.reports.size() == 2);
        CHECK_FALSE(g.done());
    }
    CHECK(Probe::live == 0);
}

TEST_CASE("gather over a long list with repeats watches each task once and keeps argument order") {
    // More than 32 arguments: the repeat check uses its hash table.
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto value = [](int i) -> aio::Coroutine<int> {
            co_await aio::sleep(0);
            co_return i * 10;
        };
        std::vector<aio::Task<int>> distinct;
        for (int i = 0; i < 100; ++i) distinct.push_back(aio::create_task(value(i)));
        std::vector<aio::Task<int>> args;
        for (int i = 0; i < 300; ++i) args.push_back(distinct[(i * 7) % 100]);  // each task three times
        std::vector<int> got = co_await aio::gather(args);
        REQUIRE(got.size() == 300);
        for (int i = 0; i < 300; ++i) CHECK(got[i] == (i * 7) % 100 * 10);
        // Cancelling a pending gather cancels each occurrence: a task given
        // three times has three cancellations requested, as in CPython.
        auto slow = [](int) -> aio::Coroutine<int> {
            co_await aio::sleep(1);
            co_return 0;
        };
        std::vector<aio::Task<int>> pending;
        for (int i = 0; i < 40; ++i) pending.push_back(aio::create_task(slow(i)));
        std::vector<aio::Task<int>> twice = pending;
        twice.insert(twice.end(), pending.begin(), pending.end());
        auto g = aio::gather(twice);
        co_await aio::sleep(0);
        g.cancel();
        for (auto& t : pending) CHECK(t.cancelling() == 2);
        CHECK_THROWS_AS(co_await g, aio::CancelledError);
    }());
}

TEST_CASE("gather recognises repeats among finished and pending arguments, also ones another gather watches") {
    // A finished argument is recognised by identity, a pending one by the
    // gather's own node at the end of its callback list — which must not be
    // confused with the node of another gather watching the same task.
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto value = [](int i) -> aio::Coroutine<int> { co_return i; };
        auto slow = [](int i) -> aio::Coroutine<int> {
            co_await aio::sleep(1);
            co_return 100 + i;
        };
        std::vector<aio::Task<int>> finished, pending;
        for (int i = 0; i < 50; ++i) finished.push_back(aio::create_task(value(i)));
        for (int i = 0; i < 50; ++i) pending.push_back(aio::create_task(slow(i)));
        co_await aio::gather(finished);
        auto first = aio::gather(pending);  // its node is last on every pending task
        std::vector<aio::Task<int>> args;
        std::vector<int> expected;
        for (int i = 0; i < 150; ++i) {
            args.push_back(finished[(i * 7) % 50]);
            expected.push_back((i * 7) % 50);
            args.push_back(pending[(i * 3) % 50]);
            expected.push_back(100 + (i * 3) % 50);
        }
        std::vector<int> got = co_await aio::gather(args);
        CHECK(got == expected);
        CHECK((co_await first).size() == 50);
        // Each pending task was given three times, and is cancelled once per
        // occurrence (so it was not taken for a new child each time).
        std::vector<aio::Task<int>> more;
        for (int i = 0; i < 10; ++i) more.push_back(aio::create_task(slow(i)));
        auto watcher = aio::gather(more);
        std::vector<aio::Task<int>> thrice;
        for (int k = 0; k < 3; ++k) thrice.insert(thrice.end(), more.begin(), more.end());
        thrice.push_back(finished[0]);
        thrice.push_back(finished[0]);
        auto g = aio::gather(thrice);
        co_await aio::sleep(0);
        CHECK(g.cancel());
        for (auto& t : more) CHECK(t.cancelling() == 3);
        CHECK_THROWS_AS(co_await g, aio::CancelledError);
        CHECK_THROWS_AS(co_await watcher, aio::CancelledError);
    }());
}
