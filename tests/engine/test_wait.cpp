// asyncio.wait: each return_when, timeouts, exact loop times. Each ordering
// test carries the same program for CPython 3.11 as the string `py`;
// expect_cpython_prints runs it under python3 after kPrelude and checks that it
// prints the lines the C++ side is checked against. Lines carry
// "loop time@iteration" stamps. CPython's done/pending are sets, so the Python
// programs sort names; ours are vectors in argument order.

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

// Names of tasks, joined: Python prints sorted(t.get_name() for t in s).
template <class T>
std::string names(const std::vector<aio::Task<T>>& ts) {
    std::string s = "[";
    for (auto& t : ts) s += (s.size() > 1 ? "," : "") + t.get_name();
    return s + "]";
}

aio::Coroutine<int> work(int n, double delay) {
    print("start", n, now());
    co_await aio::sleep(delay);
    print("end", n, now());
    co_return n;
}

aio::Coroutine<int> fail(int n, double delay) {
    print("fail", n, now());
    co_await aio::sleep(delay);
    print("raise", n, now());
    throw aio::ValueError(std::to_string(n));
}

}  // namespace

TEST_CASE("wait with ALL_COMPLETED returns when every task is done") {
    constexpr const char* py = R"PY(
async def work(n, delay):
    print("start", n, now())
    await asyncio.sleep(delay)
    print("end", n, now())
    return n

def names(s):
    return "[" + ",".join(sorted(t.get_name() for t in s)) + "]"

async def main():
    ts = [asyncio.create_task(work(n, d), name=f"t{n}") for n, d in [(1, 0.5), (2, 0.25), (3, 0.75)]]
    done, pending = await asyncio.wait(ts)
    print("done", names(done), "pending", names(pending), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<int>> ts;
        ts.push_back(aio::create_task(work(1, 0.5), "t1"));
        ts.push_back(aio::create_task(work(2, 0.25), "t2"));
        ts.push_back(aio::create_task(work(3, 0.75), "t3"));
        auto [done, pending] = co_await aio::wait(ts);
        print("done", names(done), "pending", names(pending), now());
    }());
    const Lines expected{
        "start 1 0@2",
        "start 2 0@2",
        "start 3 0@2",
        "end 2 0.25@4",
        "end 1 0.5@7",
        "end 3 0.75@10",
        "done [t1,t2,t3] pending [] 0.75@12",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.75);
}

TEST_CASE("wait with FIRST_COMPLETED returns after the first task finishes and leaves the rest running") {
    constexpr const char* py = R"PY(
async def work(n, delay):
    print("start", n, now())
    await asyncio.sleep(delay)
    print("end", n, now())
    return n

def names(s):
    return "[" + ",".join(sorted(t.get_name() for t in s)) + "]"

async def main():
    ts = [asyncio.create_task(work(n, d), name=f"t{n}") for n, d in [(1, 0.5), (2, 0.25), (3, 0.25)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending), now())
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<int>> ts;
        ts.push_back(aio::create_task(work(1, 0.5), "t1"));
        ts.push_back(aio::create_task(work(2, 0.25), "t2"));
        ts.push_back(aio::create_task(work(3, 0.25), "t3"));
        auto [done, pending] = co_await aio::wait(ts, aio::FIRST_COMPLETED);
        print("done", names(done), "pending", names(pending), now());
        auto rest = co_await aio::wait(pending, aio::FIRST_COMPLETED);
        print("done", names(rest.done), "pending", names(rest.pending), now());
    }());
    const Lines expected{
        "start 1 0@2",  "start 2 0@2",
        "start 3 0@2",  "end 2 0.25@4",
        "end 3 0.25@4", "done [t2,t3] pending [t1] 0.25@6",
        "end 1 0.5@8",  "done [t1] pending [] 0.5@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait with FIRST_EXCEPTION returns at the first failure, or when all are done") {
    constexpr const char* py = R"PY(
async def work(n, delay):
    print("start", n, now())
    await asyncio.sleep(delay)
    print("end", n, now())
    return n

async def fail(n, delay):
    print("fail", n, now())
    await asyncio.sleep(delay)
    print("raise", n, now())
    raise ValueError(str(n))

def names(s):
    return "[" + ",".join(sorted(t.get_name() for t in s)) + "]"

async def main():
    ts = [asyncio.create_task(work(1, 0.25), name="t1"),
          asyncio.create_task(fail(2, 0.5), name="t2"),
          asyncio.create_task(work(3, 0.75), name="t3")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), now())
    ts = [asyncio.create_task(work(4, 0.25), name="t4"), asyncio.create_task(work(5, 0.5), name="t5")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<int>> ts;
        ts.push_back(aio::create_task(work(1, 0.25), "t1"));
        ts.push_back(aio::create_task(fail(2, 0.5), "t2"));
        ts.push_back(aio::create_task(work(3, 0.75), "t3"));
        auto [done, pending] = co_await aio::wait(ts, aio::FIRST_EXCEPTION);
        print("done", names(done), "pending", names(pending), now());
        std::vector<aio::Task<int>> more;
        more.push_back(aio::create_task(work(4, 0.25), "t4"));
        more.push_back(aio::create_task(work(5, 0.5), "t5"));
        auto second = co_await aio::wait(more, aio::FIRST_EXCEPTION);
        print("done", names(second.done), "pending", names(second.pending), now());
    }());
    const Lines expected{
        "start 1 0@2",    "fail 2 0@2",     "start 3 0@2",
        "end 1 0.25@4",   "raise 2 0.5@7",  "done [t1,t2] pending [t3] 0.5@9",
        "start 4 0.5@10", "start 5 0.5@10", "end 3 0.75@12",
        "end 4 0.75@12",  "end 5 1@15",     "done [t4,t5] pending [] 1@17",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    // wait() looked at the failure (FIRST_EXCEPTION asks for it): not reported.
    CHECK(p.L.reports.empty());
}

TEST_CASE("wait with a timeout returns the pending tasks without cancelling them") {
    constexpr const char* py = R"PY(
async def work(n, delay):
    print("start", n, now())
    await asyncio.sleep(delay)
    print("end", n, now())
    return n

def names(s):
    return "[" + ",".join(sorted(t.get_name() for t in s)) + "]"

async def main():
    ts = [asyncio.create_task(work(n, d), name=f"t{n}") for n, d in [(1, 0.25), (2, 0.75), (3, 1)]]
    done, pending = await asyncio.wait(ts, timeout=0.5)
    print("done", names(done), "pending", names(pending), now())
    done, pending = await asyncio.wait(pending, timeout=0.5, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending), now())
    done, pending = await asyncio.wait(pending, timeout=10)
    print("done", names(done), "pending", names(pending), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<int>> ts;
        ts.push_back(aio::create_task(work(1, 0.25), "t1"));
        ts.push_back(aio::create_task(work(2, 0.75), "t2"));
        ts.push_back(aio::create_task(work(3, 1), "t3"));
        auto first = co_await aio::wait(ts, 0.5);
        print("done", names(first.done), "pending", names(first.pending), now());
        auto second = co_await aio::wait(first.pending, aio::FIRST_COMPLETED, 0.5);
        print("done", names(second.done), "pending", names(second.pending), now());
        auto third = co_await aio::wait(second.pending, 10.0);
        print("done", names(third.done), "pending", names(third.pending), now());
        // The 10 s timer was cancelled when the last task finished.
        CHECK(g_loop->describe_timers().empty());
    }());
    const Lines expected{
        "start 1 0@2",
        "start 2 0@2",
        "start 3 0@2",
        "end 1 0.25@4",
        "done [t1] pending [t2,t3] 0.5@7",
        "end 2 0.75@9",
        "done [t2] pending [t3] 0.75@11",
        "end 3 1@13",
        "done [t3] pending [] 1@15",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 1);
}

TEST_CASE("wait on finished tasks still takes two loop iterations") {
    constexpr const char* py = R"PY(
async def work(n, delay):
    print("start", n, now())
    await asyncio.sleep(delay)
    print("end", n, now())
    return n

def names(s):
    return "[" + ",".join(sorted(t.get_name() for t in s)) + "]"

async def main():
    t = asyncio.create_task(work(1, 0), name="t1")
    await t
    print("waiting", now())
    done, pending = await asyncio.wait([t])
    print("done", names(done), "pending", names(pending), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(work(1, 0), "t1");
        co_await t;
        print("waiting", now());
        std::vector<aio::Task<int>> ts{t};  // (g++ 12 cannot take a braced list inside co_await)
        auto [done, pending] = co_await aio::wait(ts);
        print("done", names(done), "pending", names(pending), now());
    }());
    const Lines expected{
        "start 1 0@2",
        "end 1 0@3",
        "waiting 0@4",
        "done [t1] pending [] 0@6",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait drops repeated tasks, as a set would") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto a = aio::create_task(work(1, 0.25), "a");
        auto b = aio::create_task(work(2, 0.5), "b");
        std::vector<aio::Task<int>> ts{a, b, a};
        auto [done, pending] = co_await aio::wait(ts, aio::FIRST_COMPLETED);
        CHECK(names(done) == "[a]");
        CHECK(names(pending) == "[b]");
        co_await b;
    }());
}

TEST_CASE("wait on an empty list raises ValueError when awaited") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto w = aio::wait(std::vector<aio::Task<int>>{});  // nothing happens yet: a coroutine
        try {
            co_await std::move(w);
            FAIL("no exception");
        } catch (const aio::ValueError& e) {
            CHECK(std::string(e.what()) == "Set of Tasks/Futures is empty.");
        }
    }());
}

TEST_CASE("cancelling a task blocked in wait leaves the awaited tasks running") {
    constexpr const char* py = R"PY(
async def work(n, delay):
    print("start", n, now())
    await asyncio.sleep(delay)
    print("end", n, now())
    return n

async def waiter(ts):
    try:
        await asyncio.wait(ts)
    except asyncio.CancelledError:
        print("waiter cancelled", now())
        raise

async def main():
    ts = [asyncio.create_task(work(1, 0.5))]
    w = asyncio.create_task(waiter(ts))
    await asyncio.sleep(0.25)
    w.cancel()
    print("result", await ts[0], now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<int>> ts{aio::create_task(work(1, 0.5))};
        auto w = aio::create_task([](std::vector<aio::Task<int>> ts) -> aio::Coroutine<> {
            try {
                co_await aio::wait(ts);
            } catch (const aio::CancelledError&) {
                print("waiter cancelled", now());
                throw;
            }
        }(ts));
        co_await aio::sleep(0.25);
        w.cancel();
        print("result", co_await ts[0], now());
    }());
    const Lines expected{
        "start 1 0@2",
        "waiter cancelled 0.25@5",
        "end 1 0.5@7",
        "result 1 0.5@8",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait accepts plain futures") {
    constexpr const char* py = R"PY(
def names(s):
    return "[" + ",".join(sorted(str(f.result()) for f in s if f.done())) + "]"

async def main():
    f, g = loop.create_future(), loop.create_future()
    loop.call_later(0.25, f.set_result, 1)
    loop.call_later(0.5, g.set_result, 2)
    done, pending = await asyncio.wait([f, g], return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", len(pending), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        aio::Future<int> f, g;
        g_loop->call_later(0.25, [f]() mutable { f.set_result(1); });
        g_loop->call_later(0.5, [g]() mutable { g.set_result(2); });
        std::vector<aio::Future<int>> fs{f, g};
        auto [done, pending] = co_await aio::wait(fs, aio::FIRST_COMPLETED);
        print("done", "[" + std::to_string(done[0].result()) + "]", "pending", pending.size(), now());
    }());
    const Lines expected{
        "done [1] pending 1 0.25@4",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("wait drops repeated tasks from a long list, keeping the first occurrence's order") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<int>> distinct;
        for (int i = 0; i < 50; ++i) distinct.push_back(aio::create_task(work(i, 0.25)));
        std::vector<aio::Task<int>> ts;
        for (int i = 0; i < 200; ++i) ts.push_back(distinct[(i * 3) % 50]);
        auto [done, pending] = co_await aio::wait(ts);
        CHECK(done.size() == 50);
        CHECK(pending.empty());
        for (int i = 0; i < 50; ++i) CHECK(done[i] == distinct[(i * 3) % 50]);
    }());
}

TEST_CASE("the repeat check of long argument lists grows past the size it was given") {
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>());
    std::vector<aio::Future<int>> fs;
    for (int i = 0; i < 1000; ++i) fs.emplace_back(loop);
    aio::detail::DistinctFutures seen(40);  // hashed, sized for 40
    for (auto& f : fs) CHECK(seen.insert(&f.core()));
    for (auto& f : fs) CHECK_FALSE(seen.insert(&f.core()));
}
