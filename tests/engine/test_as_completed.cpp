// asyncio.as_completed: completion order, exceptions, timeout. Each ordering
// test carries the same program for CPython 3.11 as the string `py`;
// expect_cpython_prints runs it under python3 after kPrelude and checks that it
// prints the lines the C++ side is checked against. Lines carry
// "loop time@iteration" stamps.

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "aio/as_completed.hpp"
#include "aio/gather.hpp"
#include "support.hpp"

using namespace aio_test::port;
using aio_test::expect_cpython_prints;

namespace {

const std::string kPrelude = aio_test::kVirtualLoopPy;

aio::Coroutine<std::string> fetch(std::string name, double delay) {
    print("start", name, now());
    co_await aio::sleep(delay);
    print("end", name, now());
    co_return name;
}

aio::Coroutine<std::string> broken(std::string name, double delay) {
    co_await aio::sleep(delay);
    throw aio::ValueError(name);
}

}  // namespace

TEST_CASE("as_completed yields results in completion order") {
    constexpr const char* py = R"PY(
async def fetch(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def main():
    # A list, not a set of coroutines, so the tasks start in argument order as in C++.
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [("slow", 0.75), ("fast", 0.25), ("mid", 0.5)]]
    for next_one in asyncio.as_completed(tasks):
        print("got", await next_one, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Coroutine<std::string>> coros;
        coros.push_back(fetch("slow", 0.75));
        coros.push_back(fetch("fast", 0.25));
        coros.push_back(fetch("mid", 0.5));
        for (auto next_one : aio::as_completed(std::move(coros))) print("got", co_await next_one, now());
    }());
    const Lines expected{
        "start slow 0@2", "start fast 0@2", "start mid 0@2",    "end fast 0.25@4",  "got fast 0.25@6",
        "end mid 0.5@8",  "got mid 0.5@10", "end slow 0.75@12", "got slow 0.75@14",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("as_completed raises a failure at the await of its turn") {
    constexpr const char* py = R"PY(
async def fetch(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def broken(name, delay):
    await asyncio.sleep(delay)
    raise ValueError(name)

async def main():
    tasks = [asyncio.create_task(fetch("ok", 0.5)), asyncio.create_task(broken("bad", 0.25))]
    for next_one in asyncio.as_completed(tasks):
        try:
            print("got", await next_one, now())
        except ValueError as e:
            print("ValueError", e, now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<std::string>> tasks{aio::create_task(fetch("ok", 0.5)),
                                                  aio::create_task(broken("bad", 0.25))};
        for (auto next_one : aio::as_completed(tasks)) {
            try {
                print("got", co_await next_one, now());
            } catch (const aio::ValueError& e) {
                print("ValueError", e.what(), now());
            }
        }
    }());
    const Lines expected{
        "start ok 0@2",
        "ValueError bad 0.25@6",
        "end ok 0.5@8",
        "got ok 0.5@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L.reports.empty());
}

TEST_CASE("as_completed with a timeout raises TimeoutError for what is left, without cancelling it") {
    constexpr const char* py = R"PY(
async def fetch(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

def yn(b):
    return "yes" if b else "no"

async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [("a", 0.25), ("b", 1), ("c", 2)]]
    try:
        for next_one in asyncio.as_completed(tasks, timeout=0.5):
            print("got", await next_one, now())
    except TimeoutError:
        print("TimeoutError", now())
    print("b cancelled?", yn(tasks[1].cancelled()), "b result", await tasks[1], now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<std::string>> tasks{aio::create_task(fetch("a", 0.25)), aio::create_task(fetch("b", 1)),
                                                  aio::create_task(fetch("c", 2))};
        try {
            for (auto next_one : aio::as_completed(tasks, 0.5)) print("got", co_await next_one, now());
        } catch (const aio::TimeoutError&) {
            print("TimeoutError", now());
        }
        print("b cancelled?", tasks[1].cancelled() ? "yes" : "no", "b result", co_await tasks[1], now());
    }());
    const Lines expected{
        "start a 0@2",  "start b 0@2",        "start c 0@2", "end a 0.25@4",
        "got a 0.25@6", "TimeoutError 0.5@8", "end b 1@10",  "b cancelled? no b result b 1@11",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("every await after an as_completed timeout raises TimeoutError at once") {
    constexpr const char* py = R"PY(
async def fetch(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [("a", 1), ("b", 1)]]
    for next_one in asyncio.as_completed(tasks, timeout=0.5):
        try:
            await next_one
        except TimeoutError:
            print("TimeoutError", now())
    await asyncio.gather(*tasks)

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<std::string>> tasks{aio::create_task(fetch("a", 1)), aio::create_task(fetch("b", 1))};
        for (auto next_one : aio::as_completed(tasks, 0.5)) {
            try {
                co_await next_one;
            } catch (const aio::TimeoutError&) {
                print("TimeoutError", now());
            }
        }
        for (auto& t : tasks) co_await t;
    }());
    const Lines expected{
        "start a 0@2", "start b 0@2", "TimeoutError 0.5@4", "TimeoutError 0.5@4", "end a 1@6", "end b 1@6",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("as_completed takes each distinct future once, and nothing for an empty list") {
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task(fetch("t", 0.25));
        std::vector<aio::Task<std::string>> twice{t, t};
        auto ac = aio::as_completed(twice);
        CHECK(ac.size() == 1);
        for (auto next_one : ac) CHECK(co_await next_one == "t");
        int n = 0;
        for (auto next_one : aio::as_completed(std::vector<aio::Task<int>>{})) {
            (void)next_one;
            ++n;
        }
        CHECK(n == 0);
    }());
}

TEST_CASE("the coroutines from as_completed can be gathered, each taking the next finished result") {
    constexpr const char* py = R"PY(
async def fetch(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("end", name, now())
    return name

async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [("x", 0.5), ("y", 0.25)]]
    print("order", *await asyncio.gather(*asyncio.as_completed(tasks)), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        std::vector<aio::Task<std::string>> tasks{aio::create_task(fetch("x", 0.5)),
                                                  aio::create_task(fetch("y", 0.25))};
        std::vector<aio::Coroutine<std::string>> turns;
        for (auto next_one : aio::as_completed(tasks)) turns.push_back(std::move(next_one));
        auto order = co_await aio::gather(std::move(turns));
        print("order", order[0], order[1], now());
    }());
    const Lines expected{
        "start x 0@2", "start y 0@2", "end y 0.25@4", "end x 0.5@9", "order y x 0.5@13",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}
