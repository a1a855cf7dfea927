// Future<T>: states, results, callbacks, awaiting.

#include "support.hpp"

using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

TEST_CASE("a future moves from pending to finished exactly once") {
    VirtualLoop L;
    aio::Future<int> f(*L);
    CHECK_FALSE(f.done());
    f.set_result(5);
    CHECK(f.done());
    CHECK(f.result() == 5);
    CHECK_THROWS_WITH_AS(f.set_result(6), "invalid state", aio::InvalidStateError);
    CHECK_THROWS_WITH_AS(f.set_exception(std::runtime_error("x")), "invalid state", aio::InvalidStateError);
    CHECK(f.result() == 5);
}

TEST_CASE("a void future completes with set_result()") {
    VirtualLoop L;
    aio::Future<> f(*L);
    f.set_result();
    CHECK(f.done());
    CHECK_NOTHROW(f.result());
    CHECK(f.repr() == "<Future finished result=None>");
}

TEST_CASE("a cancelled future raises CancelledError from result and exception") {
    VirtualLoop L;
    aio::Future<int> f(*L);
    CHECK(f.cancel("stop"));
    CHECK(f.cancelled());
    CHECK_FALSE(f.cancel());
    CHECK_THROWS_WITH_AS(f.result(), "stop", aio::CancelledError);
    CHECK_THROWS_AS(f.exception(), aio::CancelledError);
}

TEST_CASE("exception of a pending future raises InvalidStateError") {
    VirtualLoop L;
    aio::Future<int> f(*L);
    CHECK_THROWS_WITH_AS(f.exception(), "Exception is not set.", aio::InvalidStateError);
}

TEST_CASE("done callbacks are scheduled in registration order, not called inline") {
    VirtualLoop L;
    Log log;
    aio::Future<int> f(*L);
    f.add_done_callback([&](aio::Future<int>& x) { log("first " + std::to_string(x.result())); });
    f.add_done_callback([&](aio::Future<int>&) { log("second"); });
    f.set_result(1);
    CHECK(log.lines.empty());
    L->run_once();
    CHECK(log.lines == Lines{"first 1", "second"});
}

TEST_CASE("a callback added to a done future is scheduled at once") {
    VirtualLoop L;
    Log log;
    aio::Future<int> f(*L);
    f.set_result(1);
    f.add_done_callback([&](aio::Future<int>&) { log("late"); });
    CHECK(log.lines.empty());
    L->run_once();
    CHECK(log.lines == Lines{"late"});
}

TEST_CASE("awaiting a finished future returns without suspending") {
    VirtualLoop L;
    L.run([&]() -> aio::Coroutine<> {
        auto& lp = aio::get_running_loop();
        aio::Future<std::string> f(lp);
        f.set_result("ready");
        auto before = lp.iteration();
        CHECK(co_await f == "ready");
        CHECK(lp.iteration() == before);
    }());
}

TEST_CASE("a future's exception is thrown at the await") {
    VirtualLoop L;
    aio::Future<int> f(*L);
    L->call_later(2, [&] { f.set_exception(std::invalid_argument("nope")); });
    std::string caught;
    L.run([&]() -> aio::Coroutine<> {
        try {
            co_await f;
        } catch (const std::invalid_argument& e) {
            caught = e.what();
        }
    }());
    CHECK(caught == "nope");
    CHECK(L->time() == 2.0);
}

TEST_CASE("an exception that is never retrieved is reported when the future is freed") {
    VirtualLoop L;
    {
        aio::Future<int> f(*L);
        f.set_exception(std::runtime_error("lost"));
    }
    REQUIRE(L.reports.size() == 1);
    CHECK(L.reports[0].message == "Future exception was never retrieved");
    CHECK(aio::describe_exception(L.reports[0].exception) == "std::runtime_error('lost')");
}

TEST_CASE("a task's exception that is never retrieved is reported when the task is freed") {
    VirtualLoop L;
    auto failing = []() -> aio::Coroutine<> {
        throw std::logic_error("oops");
        co_return;
    };
    aio::create_task(*L, failing());  // fire and forget
    L->run_once();
    REQUIRE(L.reports.size() == 1);
    CHECK(L.reports[0].message == "Task exception was never retrieved");
    CHECK(L.reports[0].source.find("exception=std::logic_error('oops')") != std::string::npos);
}
