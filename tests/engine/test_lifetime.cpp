// Misuse and faults (issue §7): a precise error, nothing lost, nothing leaked.
// Live objects are counted by a Tracked local in each coroutine frame; the
// sanitizer build (LeakSanitizer) checks the rest.

#include "support.hpp"

using aio_test::VirtualLoop;

namespace {
struct Tracked {
    static inline int live = 0;
    Tracked() { ++live; }
    Tracked(const Tracked&) { ++live; }
    ~Tracked() { --live; }
};

aio::Coroutine<> sleeps_forever() {
    Tracked t;
    co_await aio::sleep(1e9);
}
aio::Coroutine<int> waits_for(aio::Future<int> f) {
    Tracked t;
    co_return co_await f;
}
aio::Coroutine<> waits_for_task(aio::Task<> other) {
    Tracked t;
    co_await other;
}
}  // namespace

TEST_CASE("awaiting a coroutine twice raises cannot reuse already awaited coroutine") {
    VirtualLoop L;
    std::string msg;
    auto work = []() -> aio::Coroutine<int> { co_return 1; };
    L.run([&]() -> aio::Coroutine<> {
        auto c = work();
        CHECK(co_await c == 1);
        try {
            co_await c;
        } catch (const aio::RuntimeError& e) {
            msg = e.what();
        }
    }());
    CHECK(msg == "cannot reuse already awaited coroutine");
}

TEST_CASE("wrapping an awaited coroutine in a task raises the same error") {
    VirtualLoop L;
    auto work = []() -> aio::Coroutine<int> { co_return 1; };
    L.run([&]() -> aio::Coroutine<> {
        auto c = work();
        co_await c;
        CHECK_THROWS_WITH_AS(aio::create_task(std::move(c)), "cannot reuse already awaited coroutine",
                             aio::RuntimeError);
    }());
}

TEST_CASE("a task awaiting itself gets RuntimeError at its await") {
    VirtualLoop L;
    std::string msg;
    auto self_await = [&]() -> aio::Coroutine<> {
        try {
            co_await aio::current_task();
        } catch (const aio::RuntimeError& e) {
            msg = e.what();
        }
    };
    L.run(self_await());
    CHECK(msg.rfind("Task cannot await on itself: <Task pending name='Task-", 0) == 0);
}

TEST_CASE("destroying a loop with pending tasks reports them and frees their frames") {
    REQUIRE(Tracked::live == 0);
    std::vector<aio::ExceptionContext> reports;
    aio::Task<int> kept;  // a handle that outlives the loop stays valid
    {
        auto loop = std::make_unique<aio::EventLoop>(std::make_unique<aio::VirtualClock>());
        loop->set_exception_handler([&](aio::EventLoop&, const aio::ExceptionContext& c) { reports.push_back(c); });
        aio::Future<int> never(*loop);
        auto sleeper = aio::create_task(*loop, sleeps_forever());
        kept = aio::create_task(*loop, waits_for(never));
        aio::create_task(*loop, waits_for_task(sleeper));
        loop->call_later(1, [&] { loop->stop(); });
        loop->run_forever();
        aio::create_task(*loop, sleeps_forever());  // never started: its body never ran
        CHECK(Tracked::live == 3);
    }
    CHECK(Tracked::live == 0);
    REQUIRE(reports.size() == 4);
    for (auto& r : reports) CHECK(r.message == "Task was destroyed but it is pending!");
    CHECK(reports[0].source.rfind("task: <Task pending name='Task-", 0) == 0);
    CHECK(kept.cancelled());
    CHECK_THROWS_AS(kept.result(), aio::CancelledError);
}

TEST_CASE("aio::run cancels leftover tasks and lets their cleanup run") {
    std::vector<std::string> log;
    auto background = [&]() -> aio::Coroutine<> {
        try {
            co_await aio::sleep(100);
        } catch (const aio::CancelledError&) {
            log.push_back("cleanup");
            throw;
        }
    };
    auto main_ = [&]() -> aio::Coroutine<int> {
        aio::create_task(background());
        co_await aio::sleep(1);
        co_return 5;
    };
    CHECK(aio::run(main_(), std::make_unique<aio::VirtualClock>()) == 5);
    CHECK(log == std::vector<std::string>{"cleanup"});
}

TEST_CASE("aio::run inside a running loop raises RuntimeError") {
    VirtualLoop L;
    std::string msg;
    auto inner = []() -> aio::Coroutine<> { co_return; };
    auto outer = [&]() -> aio::Coroutine<> {
        try {
            aio::run(inner());
        } catch (const aio::RuntimeError& e) {
            msg = e.what();
        }
        co_return;
    };
    L.run(outer());
    CHECK(msg == "asyncio.run() cannot be called from a running event loop");
}

TEST_CASE("errors and cancellation free every frame") {
    REQUIRE(Tracked::live == 0);
    {
        VirtualLoop L;
        auto fails = []() -> aio::Coroutine<> {
            Tracked t;
            co_await aio::sleep(1);
            throw std::runtime_error("x");
        };
        L.run([&]() -> aio::Coroutine<> {
            auto a = aio::create_task(fails());
            auto b = aio::create_task(sleeps_forever());
            co_await aio::sleep(0);
            CHECK(Tracked::live == 2);
            b.cancel();
            CHECK_THROWS_AS(co_await a, std::runtime_error);
            CHECK_THROWS_AS(co_await b, aio::CancelledError);
            CHECK(Tracked::live == 0);
        }());
    }
    CHECK(Tracked::live == 0);
}

TEST_CASE("a million tasks can be alive at once") {
    VirtualLoop L;
    constexpr int N = 1'000'000;
    aio::Future<int> go(*L);
    auto add_one = [](aio::Future<int> f) -> aio::Coroutine<long> { co_return co_await f + 1; };
    std::vector<aio::Task<long>> tasks;
    tasks.reserve(N);
    for (int i = 0; i < N; ++i) tasks.push_back(aio::create_task(*L, add_one(go)));
    L->run_once();  // every task starts and waits on `go`
    CHECK(L->pending_tasks().size() == std::size_t(N));
    go.set_result(1);
    while (L->has_ready()) L->run_once();
    long sum = 0;
    for (auto& t : tasks) sum += t.result();
    CHECK(sum == 2L * N);
    CHECK(L->pending_tasks().empty());
}
