// The loop itself: callbacks, timers, stop, close, threads, errors, clocks.

#include "support.hpp"

#include <thread>

using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

TEST_CASE("call_later and call_at fire at exact virtual times") {
    VirtualLoop L;
    std::vector<double> times;
    L->call_later(1.5, [&] { times.push_back(L->time()); });
    L->call_at(0.25, [&] { times.push_back(L->time()); });
    L->call_later(2, [&] { L->stop(); });
    L->run_forever();
    CHECK(times == std::vector<double>{0.25, 1.5});
    CHECK(L->time() == 2.0);
}

TEST_CASE("a cancelled handle does not run") {
    VirtualLoop L;
    Log log;
    auto h = L->call_soon([&] { log("soon"); });
    auto t = L->call_later(1, [&] { log("later"); });
    CHECK(t.when() == 1.0);
    h.cancel();
    t.cancel();
    CHECK(h.cancelled());
    L->call_later(2, [&] { L->stop(); });
    L->run_forever();
    CHECK(log.lines.empty());
}

TEST_CASE("many cancelled timers are dropped without firing") {
    VirtualLoop L;
    int fired = 0;
    std::vector<aio::TimerHandle> hs;
    for (int i = 0; i < 1000; ++i) hs.push_back(L->call_later(1 + i * 0.001, [&] { ++fired; }));
    for (int i = 0; i < 1000; i += 2) hs[i].cancel();
    L->call_later(5, [&] { L->stop(); });
    L->run_forever();
    CHECK(fired == 500);
}

TEST_CASE("run_forever runs until stop and can run again") {
    VirtualLoop L;
    CHECK_FALSE(L->is_running());
    L->call_soon([&] {
        CHECK(L->is_running());
        L->stop();
    });
    L->run_forever();
    CHECK_FALSE(L->is_running());
    int n = 0;
    L->call_soon([&] {
        ++n;
        L->stop();
    });
    L->run_forever();
    CHECK(n == 1);
}

TEST_CASE("run_until_complete returns the coroutine's result") {
    VirtualLoop L;
    auto sq = [](int x) -> aio::Coroutine<int> {
        co_await aio::sleep(0.5);
        co_return x* x;
    };
    CHECK(aio::run_until_complete(*L, sq(7)) == 49);
    CHECK(L->time() == 0.5);
}

TEST_CASE("run_until_complete stops after the iteration where the future completed") {
    VirtualLoop L;
    Log log;
    auto quick = [&]() -> aio::Coroutine<> {
        log("quick");
        co_return;
    };
    auto slow = [&]() -> aio::Coroutine<> {
        log("slow start");
        co_await aio::sleep(1);
        log("slow end");
    };
    auto s = aio::create_task(*L, slow());
    aio::run_until_complete(*L, quick());
    CHECK(log.lines == Lines{"slow start", "quick"});
    CHECK_FALSE(s.done());
    aio::run_until_complete(*L, s);  // "firing it later"
    CHECK(log.lines.back() == "slow end");
}

#if !defined(__EMSCRIPTEN__)  // the Wasm build has no threads
TEST_CASE("call_soon_threadsafe wakes a loop blocked on a real clock") {
    aio::EventLoop loop(std::make_unique<aio::RealClock>());
    std::atomic<bool> started{false};
    int value = 0;
    loop.call_soon([&] { started = true; });
    std::thread producer([&] {
        while (!started) std::this_thread::yield();
        loop.call_soon_threadsafe([&] {
            value = 7;
            loop.stop();
        });
    });
    loop.run_forever();  // blocks with nothing scheduled until the other thread calls in
    producer.join();
    CHECK(value == 7);
}
#endif

TEST_CASE("an exception thrown by a callback is reported and the loop keeps going") {
    VirtualLoop L;
    Log log;
    L->call_soon([] { throw std::runtime_error("callback broke"); }, "broken");
    L->call_soon([&] {
        log("next");
        L->stop();
    });
    L->run_forever();
    CHECK(log.lines == Lines{"next"});
    REQUIRE(L.reports.size() == 1);
    CHECK(L.reports[0].message == "Exception in callback broken");
    CHECK(aio::describe_exception(L.reports[0].exception) == "std::runtime_error('callback broke')");
}

TEST_CASE("the default exception handler prints asyncio's report to stderr") {
    // Exercised for its text; the handler itself writes to stderr.
    aio::ExceptionContext c{"Task exception was never retrieved", std::make_exception_ptr(std::runtime_error("x")),
                            "future: <Task finished name='Task-1'>"};
    CHECK_NOTHROW(aio::EventLoop::default_exception_handler(c));
}

TEST_CASE("run_until_complete while the loop runs raises RuntimeError") {
    VirtualLoop L;
    std::string msg;
    auto nested = [&]() -> aio::Coroutine<> {
        auto inner = []() -> aio::Coroutine<> { co_return; };
        try {
            aio::run_until_complete(aio::get_running_loop(), inner());
        } catch (const aio::RuntimeError& e) {
            msg = e.what();
        }
        co_return;
    };
    L.run(nested());
    CHECK(msg == "This event loop is already running");
}

TEST_CASE("a closed loop refuses new work with RuntimeError") {
    VirtualLoop L;
    L->close();
    CHECK(L->is_closed());
    CHECK_THROWS_WITH_AS(L->call_soon([] {}), "Event loop is closed", aio::RuntimeError);
    CHECK_THROWS_WITH_AS(L->call_later(1, [] {}), "Event loop is closed", aio::RuntimeError);
    CHECK_THROWS_WITH_AS(L->run_forever(), "Event loop is closed", aio::RuntimeError);
    auto c = []() -> aio::Coroutine<> { co_return; };
    CHECK_THROWS_WITH_AS(aio::create_task(*L, c()), "Event loop is closed", aio::RuntimeError);
    CHECK_THROWS_WITH_AS(L->call_soon_threadsafe([] {}), "Event loop is closed", aio::RuntimeError);
}

TEST_CASE("closing a running loop raises RuntimeError") {
    VirtualLoop L;
    std::string msg;
    L->call_soon([&] {
        try {
            L->close();
        } catch (const aio::RuntimeError& e) {
            msg = e.what();
        }
        L->stop();
    });
    L->run_forever();
    CHECK(msg == "Cannot close a running event loop");
}

TEST_CASE("a virtual-clock loop with nothing to wait for reports a deadlock instead of hanging") {
    VirtualLoop L;
    aio::Future<int> never(*L);
    CHECK_THROWS_AS(aio::run_until_complete(*L, never), aio::RuntimeError);
}

TEST_CASE("get_running_loop outside a loop raises RuntimeError") {
    CHECK_THROWS_WITH_AS(aio::get_running_loop(), "no running event loop", aio::RuntimeError);
}

TEST_CASE("get_event_loop returns the loop set for the thread, or makes one") {
    auto own = aio::new_event_loop();
    aio::set_event_loop(own.get());
    CHECK(&aio::get_event_loop() == own.get());
    aio::set_event_loop(nullptr);
    aio::EventLoop& made = aio::get_event_loop();
    CHECK(&made != own.get());
    CHECK(&aio::get_event_loop() == &made);
    aio::set_event_loop(nullptr);
}

TEST_CASE("run_once lets an external driver step the loop without blocking") {
    VirtualLoop L;
    Log log;
    L->call_soon([&] {
        log("a");
        L->call_soon([&] { log("b"); });
    });
    L->call_later(3, [&] { log("timer"); });
    CHECK(L->run_once() == 1);
    CHECK(L->run_once() == 1);
    CHECK(log.lines == Lines{"a", "b"});
    CHECK(L->next_deadline() == 3.0);
    CHECK(L->run_once() == 1);  // virtual clock jumps to the deadline
    CHECK(L->time() == 3.0);
    CHECK(log.lines.back() == "timer");
    CHECK(L->next_deadline() < 0);
}

TEST_CASE("run_one_callback steps one callback at a time") {
    VirtualLoop L;
    Log log;
    L->call_soon([&] { log("1"); });
    L->call_soon([&] { log("2"); });
    CHECK(L->describe_ready().size() == 2);
    CHECK(L->run_one_callback());
    CHECK(log.lines == Lines{"1"});
    CHECK(L->run_one_callback());
    CHECK_FALSE(L->run_one_callback());
}

TEST_CASE("switching clocks keeps loop time continuous") {
    VirtualLoop L;
    L->call_later(10, [] {});
    L->run_once();
    CHECK(L->time() == 10.0);
    L->set_clock(std::make_unique<aio::ScaledClock>(2.0));
    CHECK(L->time() >= 10.0);
    CHECK(L->time() < 10.5);
}

TEST_CASE("a scaled clock runs at its factor") {
    aio::ScaledClock c(4.0);
    c.set_now(100);
    CHECK(c.real_delay_until(108) == doctest::Approx(2.0).epsilon(0.01));
    c.set_factor(0.5);
    CHECK(c.real_delay_until(c.now() + 1) == doctest::Approx(2.0).epsilon(0.01));
}
