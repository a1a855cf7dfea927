// Tasks: results, names, awaiting, cancellation — as asyncio.Task.

#include "support.hpp"

using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

namespace {
aio::Coroutine<int> value_after(double delay, int v) {
    co_await aio::sleep(delay);
    co_return v;
}
aio::Coroutine<> fail_after(double delay, std::string msg) {
    co_await aio::sleep(delay);
    throw std::runtime_error(msg);
}
}  // namespace

TEST_CASE("a task can be awaited any number of times and gives the same result") {
    VirtualLoop L;
    int a = 0, b = 0;
    L.run([&]() -> aio::Coroutine<> {
        auto t = aio::create_task(value_after(1, 42));
        a = co_await t;
        b = co_await t;
    }());
    CHECK(a == 42);
    CHECK(b == 42);
    CHECK(L->time() == 1.0);
}

TEST_CASE("tasks are named Task-N in creation order unless given a name") {
    VirtualLoop L;
    L.run([&]() -> aio::Coroutine<> {
        auto t1 = aio::create_task(value_after(0, 1));
        auto t2 = aio::create_task(value_after(0, 2), "worker");
        CHECK(t1.get_name() == "Task-" + std::to_string(t1.id()));
        CHECK(t2.id() == t1.id() + 1);
        CHECK(t2.get_name() == "worker");
        t2.set_name("renamed");
        CHECK(t2.get_name() == "renamed");
        co_await t1;
        co_await t2;
    }());
}

TEST_CASE("an exception propagates through awaits to the awaiting task") {
    VirtualLoop L;
    std::string caught;
    L.run([&]() -> aio::Coroutine<> {
        auto middle = []() -> aio::Coroutine<> { co_await fail_after(0.5, "boom"); };
        try {
            co_await middle();
        } catch (const std::runtime_error& e) {
            caught = e.what();
        }
    }());
    CHECK(caught == "boom");
    CHECK(L->time() == 0.5);
}

TEST_CASE("result and exception of a failed task rethrow its error") {
    VirtualLoop L;
    auto t = aio::create_task(*L, fail_after(0.1, "bad"));
    CHECK_THROWS_AS(aio::run_until_complete(*L, t), std::runtime_error);
    CHECK(t.done());
    CHECK_FALSE(t.cancelled());
    CHECK(t.exception() != nullptr);
    CHECK_THROWS_WITH_AS(t.result(), "bad", std::runtime_error);
}

TEST_CASE("result of a pending task raises InvalidStateError") {
    VirtualLoop L;
    auto t = aio::create_task(*L, value_after(1, 1));
    CHECK_THROWS_WITH_AS(t.result(), "Result is not set.", aio::InvalidStateError);
    aio::run_until_complete(*L, t);
    CHECK(t.result() == 1);
}

// t = create_task(catcher()) sleeping 1 s; after one iteration t.cancel("why"):
// CancelledError('why') arrives at the await one iteration later.
TEST_CASE("cancellation arrives as CancelledError at the await point") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto sleeper = [&]() -> aio::Coroutine<> {
            try {
                co_await aio::sleep(1);
                log("not reached");
            } catch (const aio::CancelledError& e) {
                log(std::string("cancelled: ") + e.what());
                throw;
            }
        };
        auto t = aio::create_task(sleeper());
        co_await aio::sleep(0);
        CHECK(t.cancel("why"));
        log("cancel requested");
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            log("awaiter saw CancelledError");
        }
        CHECK(t.cancelled());
        CHECK_FALSE(t.cancel());  // already done
    }());
    CHECK(log.lines == Lines{"cancel requested", "cancelled: why", "awaiter saw CancelledError"});
    CHECK(L->time() == 0.0);  // the 1 s timer was cancelled, time never advanced
}

TEST_CASE("a task that catches CancelledError and returns is not cancelled") {
    VirtualLoop L;
    std::string result;
    L.run([&]() -> aio::Coroutine<> {
        auto catcher = []() -> aio::Coroutine<std::string> {
            try {
                co_await aio::sleep(1);
            } catch (const aio::CancelledError&) {
                co_return "survived";
            }
            co_return "slept";
        };
        auto t = aio::create_task(catcher());
        co_await aio::sleep(0);
        t.cancel();
        result = co_await t;
        CHECK_FALSE(t.cancelled());
        CHECK(t.cancelling() == 1);
    }());
    CHECK(result == "survived");
}

TEST_CASE("a task cancelled before its first step never runs its body") {
    VirtualLoop L;
    bool ran = false;
    L.run([&]() -> aio::Coroutine<> {
        auto body = [&]() -> aio::Coroutine<> {
            ran = true;
            co_return;
        };
        auto t = aio::create_task(body());
        t.cancel();
        CHECK_THROWS_AS(co_await t, aio::CancelledError);
        CHECK(t.cancelled());
    }());
    CHECK_FALSE(ran);
}

TEST_CASE("cancelling a task that awaits another task cancels the inner task too") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto inner = [&]() -> aio::Coroutine<> {
            try {
                co_await aio::sleep(5);
            } catch (const aio::CancelledError&) {
                log("inner cancelled");
                throw;
            }
        };
        auto inner_task = aio::create_task(inner());
        auto outer = [&]() -> aio::Coroutine<> {
            try {
                co_await inner_task;
            } catch (const aio::CancelledError&) {
                log("outer cancelled");
                throw;
            }
        };
        auto outer_task = aio::create_task(outer());
        co_await aio::sleep(1);
        outer_task.cancel();
        try {
            co_await outer_task;
        } catch (const aio::CancelledError&) {}
        CHECK(inner_task.cancelled());
        CHECK(outer_task.cancelled());
    }());
    CHECK(log.lines == Lines{"inner cancelled", "outer cancelled"});
    CHECK(L->time() == 1.0);
}

TEST_CASE("cancel during the task's own step cancels what it awaits next") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto self_cancel = [&]() -> aio::Coroutine<> {
            aio::current_task().cancel();
            try {
                co_await aio::sleep(10);
            } catch (const aio::CancelledError&) {
                log("cancelled at first await");
                throw;
            }
        };
        auto t = aio::create_task(self_cancel());
        try {
            co_await t;
        } catch (const aio::CancelledError&) {}
    }());
    CHECK(log.lines == Lines{"cancelled at first await"});
    CHECK(L->time() == 0.0);
}

TEST_CASE("current_task and all_tasks see the running and the pending tasks") {
    VirtualLoop L;
    L.run([&]() -> aio::Coroutine<> {
        auto me = aio::current_task();
        REQUIRE(me);
        auto t = aio::create_task(value_after(1, 0));
        auto all = aio::all_tasks();
        CHECK(all.size() == 2);
        CHECK(all[0] == me);
        CHECK(&all[1].core() == &t.core());
        co_await t;
        CHECK(aio::all_tasks().size() == 1);
    }());
}

TEST_CASE("add_done_callback runs one iteration after the task finishes") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> aio::Coroutine<> {
        auto t = aio::create_task(value_after(0.5, 9));
        t.add_done_callback([&](aio::Task<int>& done) { log("callback " + std::to_string(done.result())); });
        co_await t;
        log("awaiter");
        co_await aio::sleep(0);
    }());
    // Callbacks run in registration order: the callback was added before the awaiter's wakeup.
    CHECK(log.lines == Lines{"callback 9", "awaiter"});
}

TEST_CASE("task repr shows state, name and result") {
    VirtualLoop L;
    auto t = aio::create_task(*L, value_after(0, 3), "three");
    CHECK(t.repr() == "<Task pending name='three'>");
    aio::run_until_complete(*L, t);
    CHECK(t.repr() == "<Task finished name='three' result=3>");
}

// t.cancel("first"); t.cancel("second") before t resumes: CPython delivers 'first'.
TEST_CASE("the first cancel message wins when a task is cancelled twice before it resumes") {
    VirtualLoop L;
    std::string seen;
    auto sleeper = [&]() -> aio::Coroutine<> {
        try {
            co_await aio::sleep(1);
        } catch (const aio::CancelledError& e) {
            seen = e.what();
            throw;
        }
    };
    L.run([&]() -> aio::Coroutine<> {
        auto t = aio::create_task(sleeper());
        co_await aio::sleep(0);
        t.cancel("first");
        t.cancel("second");
        CHECK(t.cancelling() == 2);
        try {
            co_await t;
        } catch (const aio::CancelledError&) {}
    }());
    CHECK(seen == "first");
}
