// asyncio.Event: wait/set/clear/is_set, wake-up order and timing, cancellation.

#include "support.hpp"

using aio_test::expect_cpython_prints;
using aio_test::joined;

#include <cstdio>
#include <optional>

namespace {

using aio::Coroutine;
using aio_test::Log;
using aio_test::VirtualLoop;

Coroutine<void> ticker(Log& log, int n) {
    for (int i = 0; i < n; ++i) {
        log("tick " + std::to_string(i));
        co_await aio::sleep(0);
    }
}

Coroutine<void> waiter(Log& log, aio::Event& ev, std::string name) {
    log(name + " waits");
    co_await ev.wait();
    log(name + " woke");
}

// The same program in Python; CPython 3.11's output is the expectation.
constexpr const char* kWakeOrderPy = R"PY(
import asyncio

async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)

async def waiter(ev, name):
    print(f"{name} waits")
    await ev.wait()
    print(f"{name} woke")

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in "abc"]
    ticks = asyncio.create_task(ticker(4))
    await asyncio.sleep(0)
    print("set")
    ev.set()
    ev.set()
    print(f"is_set {ev.is_set()}")
    for t in tasks:
        await t
    await ticks
    print("late wait")
    await ev.wait()
    print("late wait returned")

asyncio.run(main())
)PY";
Coroutine<void> wake_order_main(Log& log) {
    aio::Event ev;
    std::vector<aio::Task<>> tasks;
    for (const char* n : {"a", "b", "c"}) tasks.push_back(aio::create_task(waiter(log, ev, n)));
    auto ticks = aio::create_task(ticker(log, 4));
    co_await aio::sleep(0);
    log("set");
    ev.set();
    ev.set();
    log(std::string("is_set ") + (ev.is_set() ? "True" : "False"));
    for (auto& t : tasks) co_await t;
    co_await ticks;
    log("late wait");
    co_await ev.wait();
    log("late wait returned");
}

}  // namespace

TEST_CASE("Event.set wakes every waiter one iteration later, in the order they waited") {
    const std::vector<std::string> expected{
        "a waits", "b waits", "c waits", "tick 0", "set",    "is_set True", "tick 1",
        "a woke",  "b woke",  "c woke",  "tick 2", "tick 3", "late wait",   "late wait returned"};
    expect_cpython_prints(kWakeOrderPy, expected);
    VirtualLoop L;
    Log log;
    L.run(wake_order_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("Event.wait on a set event returns true without suspending") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Event ev;
        ev.set();
        auto& loop = aio::get_running_loop();
        auto before = loop.iteration();
        bool r = co_await ev.wait();
        CHECK(r);
        CHECK(loop.iteration() == before);
    };
    L.run(body());
}

namespace {
Coroutine<void> set_later(aio::Event& ev, double delay) {
    co_await aio::sleep(delay);
    ev.set();
}
}  // namespace

TEST_CASE("Event.clear makes the next wait block until set is called again") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Event ev;
        ev.set();
        ev.clear();
        CHECK_FALSE(ev.is_set());
        auto setter = aio::create_task(set_later(ev, 2.5));
        co_await ev.wait();
        CHECK(aio::get_running_loop().time() == 2.5);
        CHECK(ev.is_set());
        co_await setter;
    };
    L.run(body());
    CHECK(L->time() == 2.5);
}

namespace {
Coroutine<void> wait_and_record(Log& log, aio::Event& ev, std::string name) {
    try {
        co_await ev.wait();
        log(name + " woke");
    } catch (const aio::CancelledError& e) {
        log(name + " cancelled: " + e.message());
        throw;
    }
}
}  // namespace

TEST_CASE("cancelling a task blocked in Event.wait removes it and leaves the other waiters") {
    VirtualLoop L;
    Log log;
    auto body = [](Log& log) -> Coroutine<void> {
        aio::Event ev;
        auto a = aio::create_task(wait_and_record(log, ev, "a"));
        auto b = aio::create_task(wait_and_record(log, ev, "b"));
        co_await aio::sleep(0);
        CHECK(ev.waiter_count() == 2);
        b.cancel("stop");
        co_await aio::sleep(0);
        CHECK(b.cancelled());
        CHECK(ev.waiter_count() == 1);
        ev.set();
        co_await a;
        CHECK(ev.waiter_count() == 0);
    };
    L.run(body(log));
    CHECK(log.lines == std::vector<std::string>{"b cancelled: stop", "a woke"});
}

TEST_CASE("a task cancelled after set() woke it still raises CancelledError at its wait") {
    VirtualLoop L;
    Log log;
    auto body = [](Log& log) -> Coroutine<void> {
        aio::Event ev;
        auto a = aio::create_task(wait_and_record(log, ev, "a"));
        co_await aio::sleep(0);
        ev.set();
        a.cancel();  // its future is done; asyncio throws CancelledError in at the await
        co_await aio::sleep(0);
        CHECK(a.cancelled());
        CHECK(ev.waiter_count() == 0);
    };
    L.run(body(log));
    CHECK(log.lines == std::vector<std::string>{"a cancelled: "});
}

TEST_CASE("an Event waited on from a second loop raises RuntimeError") {
    // Both loops stay alive: the binding compares loops by address.
    aio::Event ev;
    VirtualLoop L1;
    auto first = [](aio::Event& ev) -> Coroutine<void> {
        auto t = aio::create_task(set_later(ev, 1));
        co_await ev.wait();
        co_await t;
    };
    L1.run(first(ev));
    ev.clear();
    VirtualLoop L2;
    auto second = [](aio::Event& ev) -> Coroutine<std::string> {
        try {
            co_await ev.wait();
        } catch (const aio::RuntimeError& e) {
            co_return e.what();
        }
        co_return "";
    };
    std::string msg = L2.run(second(ev));
    CHECK(msg.find("asyncio.locks.Event object at") != std::string::npos);
    CHECK(msg.find("is bound to a different event loop") != std::string::npos);
}

TEST_CASE("Event.repr shows the flag and the number of waiters") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Event ev;
        CHECK(ev.repr().find("[unset]>") != std::string::npos);
        auto t = aio::create_task([](aio::Event& ev) -> Coroutine<void> { co_await ev.wait(); }(ev));
        co_await aio::sleep(0);
        CHECK(ev.repr().find("[unset, waiters:1]>") != std::string::npos);
        ev.set();
        CHECK(ev.repr().find("[set, waiters:1]>") != std::string::npos);
        co_await t;
        CHECK(ev.repr().find("[set]>") != std::string::npos);
    };
    L.run(body());
}

namespace {
Coroutine<void> wait_forever(aio::Event& ev) { co_await ev.wait(); }
}  // namespace

TEST_CASE("destroying a loop with tasks blocked in Event.wait frees them") {
    auto* ev = new aio::Event;
    {
        VirtualLoop L;
        auto body = [](aio::Event& ev) -> Coroutine<void> {
            for (int i = 0; i < 3; ++i) (void)aio::create_task(wait_forever(ev));
            co_await aio::sleep(0);
            CHECK(ev.waiter_count() == 3);
        };
        L.run(body(*ev));
        CHECK(ev->waiter_count() == 3);
        L.loop.reset();  // closes: the three pending tasks are freed
        CHECK(L.reports.size() == 3);
    }
    CHECK(ev->waiter_count() == 0);
    delete ev;
}
