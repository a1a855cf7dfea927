// One test per ordering rule of asyncio's loop. Each expectation is what
// CPython 3.11 prints for the Python program quoted above the test.

#include "support.hpp"

using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

// loop.call_soon(a); loop.call_soon(b); loop.call_soon(loop.stop)
// where a() schedules a child: run_forever stops before the child runs.
TEST_CASE("one iteration runs exactly the callbacks that were ready when it began") {
    VirtualLoop L;
    Log log;
    L->call_soon([&] {
        log("a");
        L->call_soon([&] { log("a-child"); });
    });
    L->call_soon([&] { log("b"); });
    L->call_soon([&] { L->stop(); });
    L->run_forever();
    log("stopped");
    L->call_soon([&] { L->stop(); });
    L->run_forever();
    CHECK(log.lines == Lines{"a", "b", "stopped", "a-child"});
}

// lp.call_later(0, timer0); lp.call_soon(soon); await sleep(0.01)
TEST_CASE("due timers join the ready queue after callbacks already ready") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto& lp = aio::get_running_loop();
        lp.call_later(0, [&] { log("timer0"); });
        lp.call_soon([&] { log("soon"); });
        co_await aio::sleep(0.01);
    }());
    CHECK(log.lines == Lines{"soon", "timer0"});
}

TEST_CASE("equal deadlines fire in scheduling order") {
    VirtualLoop L;
    Log log;
    for (int i = 0; i < 40; ++i) L->call_at(1.0, [&log, i] { log(std::to_string(i)); });
    L->call_at(2.0, [&] { L->stop(); });
    L->run_forever();
    Lines expected;
    for (int i = 0; i < 40; ++i) expected.push_back(std::to_string(i));
    CHECK(log.lines == expected);
    CHECK(L->time() == 2.0);
}

TEST_CASE("timers fire in deadline order regardless of scheduling order") {
    VirtualLoop L;
    Log log;
    L->call_later(0.3, [&] { log("0.3"); });
    L->call_later(0.1, [&] { log("0.1"); });
    L->call_later(0.2, [&] { log("0.2"); });
    L->call_later(0.4, [&] { L->stop(); });
    L->run_forever();
    CHECK(log.lines == Lines{"0.1", "0.2", "0.3"});
}

// t = create_task(child(1)); print("after create"); await sleep(0); print("after sleep0"); await t
TEST_CASE("create_task schedules the first step instead of running it inline") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto child = [&]() -> aio::Coroutine<> {
            log("child 1");
            co_return;
        };
        auto t = aio::create_task(child());
        log("after create");
        co_await aio::sleep(0);
        log("after sleep0");
        co_await t;
    }());
    CHECK(log.lines == Lines{"after create", "child 1", "after sleep0"});
}

TEST_CASE("sleep(0) yields for exactly one iteration") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto& lp = aio::get_running_loop();
        lp.call_soon([&] {
            log("cb1");
            lp.call_soon([&] { log("cb2"); });
        });
        std::uint64_t before = lp.iteration();
        co_await aio::sleep(0);
        log("resumed");
        CHECK(lp.iteration() == before + 1);
    }());
    CHECK(log.lines == Lines{"cb1", "resumed", "cb2"});
    CHECK(L->time() == 0.0);
}

// f = create_future(); waiter awaits f; f.set_result(1); call_soon(cb1);
// await sleep(0) twice printing between: waiter woke, cb1, main after 1, main after 2
TEST_CASE("a task waiting on a future resumes one iteration after the future completes") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto& lp = aio::get_running_loop();
        aio::Future<int> f(lp);
        auto waiter = [&]() -> aio::Coroutine<> {
            co_await f;
            log("waiter woke");
        };
        auto t = aio::create_task(waiter());
        co_await aio::sleep(0);
        f.set_result(1);
        lp.call_soon([&] { log("cb1"); });
        co_await aio::sleep(0);
        log("main after 1");
        co_await aio::sleep(0);
        log("main after 2");
    }());
    CHECK(log.lines == Lines{"waiter woke", "cb1", "main after 1", "main after 2"});
}

// sleeper: await sleep(1); main: call_later(1, "timer at 1") after the sleeper armed its timer.
TEST_CASE("a sleeping task resumes one iteration after its timer fires") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto& lp = aio::get_running_loop();
        auto sleeper = [&]() -> aio::Coroutine<> {
            co_await aio::sleep(1);
            log("sleeper woke");
        };
        auto t = aio::create_task(sleeper());
        co_await aio::sleep(0);
        lp.call_later(1, [&] { log("timer at 1"); });
        co_await t;
    }());
    CHECK(log.lines == Lines{"timer at 1", "sleeper woke"});
    CHECK(L->time() == 1.0);
}

TEST_CASE("awaiting a plain coroutine runs it inline without a loop iteration") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto& lp = aio::get_running_loop();
        lp.call_soon([&] { log("callback"); });
        std::uint64_t before = lp.iteration();
        int v = co_await [&]() -> aio::Coroutine<int> {
            log("inner");
            co_return 7;
        }();
        log("got " + std::to_string(v));
        CHECK(lp.iteration() == before);
        co_await aio::sleep(0);
    }());
    CHECK(log.lines == Lines{"inner", "got 7", "callback"});
}

// speak(): print C; sleep 3; return D.  run(): coroutine object first → A B C D;
// ensure_future first → C A B D.
TEST_CASE("a coroutine object runs when awaited but a task starts on its own") {
    auto speak = [](Log& log) -> aio::Coroutine<std::string> {
        log("C");
        co_await aio::sleep(3);
        co_return "D";
    };
    SUBCASE("coroutine object") {
        VirtualLoop L;
        Log log;
        L.run([&]() -> aio::Coroutine<> {
            auto will_speak = speak(log);
            log("A");
            log("B");
            log(co_await will_speak);
        }());
        CHECK(log.lines == Lines{"A", "B", "C", "D"});
        CHECK(L->time() == 3.0);
    }
    SUBCASE("task") {
        VirtualLoop L;
        Log log;
        L.run([&]() -> aio::Coroutine<> {
            auto will_speak = aio::ensure_future(speak(log));
            co_await aio::sleep(1);
            log("A");
            log("B");
            log(co_await will_speak);
        }());
        CHECK(log.lines == Lines{"C", "A", "B", "D"});
        CHECK(L->time() == 3.0);
    }
}

TEST_CASE("tasks created in order take their first steps in that order") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        // Parameters live in the coroutine frame; a temporary lambda's captures would not.
        auto worker = [](Log& log, int i) -> aio::Coroutine<> {
            log("start " + std::to_string(i));
            co_await aio::sleep(0.1 * (5 - i));
            log("stop " + std::to_string(i));
        };
        std::vector<aio::Task<>> ts;
        for (int i = 0; i < 5; ++i) ts.push_back(aio::create_task(worker(log, i)));
        for (auto& t : ts) co_await t;
    }());
    CHECK(log.lines == Lines{"start 0", "start 1", "start 2", "start 3", "start 4", "stop 4", "stop 3", "stop 2",
                             "stop 1", "stop 0"});
    CHECK(L->time() == doctest::Approx(0.5));
}
