// The observer stream: what the playground's timeline and the tests read.

#include "support.hpp"

#include <algorithm>

using aio::LoopEventKind;
using aio_test::Recorder;
using aio_test::VirtualLoop;

TEST_CASE("the observer sees a task's life: created, steps, suspensions with what and until, done") {
    VirtualLoop L;
    Recorder rec;
    L->set_observer(&rec);
    auto napper = []() -> aio::Coroutine<int> {
        co_await aio::sleep(2);
        co_return 1;
    };
    aio::run_until_complete(*L, napper());
    std::vector<std::string> kinds;
    for (auto& i : rec.items) kinds.push_back(aio::to_string(i.kind));
    CHECK(kinds == std::vector<std::string>{"task_created", "task_step", "timer_armed", "task_suspended",
                                            "timer_fired", "callback", "task_step", "task_done"});
    // Exact sequence, with times.
    REQUIRE(rec.items.size() >= 7);
    CHECK(rec.items[0].kind == LoopEventKind::task_created);
    CHECK(rec.items[1].kind == LoopEventKind::task_step);
    CHECK(rec.items[2].kind == LoopEventKind::timer_armed);
    CHECK(rec.items[2].until == 2.0);
    CHECK(rec.items[3].kind == LoopEventKind::task_suspended);
    CHECK(rec.items[3].what == "sleep");
    CHECK(rec.items[3].until == 2.0);
    CHECK(rec.items[4].kind == LoopEventKind::timer_fired);
    CHECK(rec.items[4].time == 2.0);
    auto done = std::find_if(rec.items.begin(), rec.items.end(), [](auto& i) { return i.kind == LoopEventKind::task_done; });
    REQUIRE(done != rec.items.end());
    CHECK(done->time == 2.0);
    CHECK(done->task == rec.items[0].task);
}

TEST_CASE("the observer reports cancelled and failed tasks") {
    VirtualLoop L;
    Recorder rec;
    L->set_observer(&rec);
    auto fails = []() -> aio::Coroutine<> {
        co_await aio::sleep(0);
        throw std::runtime_error("bad");
    };
    auto waits = []() -> aio::Coroutine<> { co_await aio::sleep(5); };
    L.run([&]() -> aio::Coroutine<> {
        auto a = aio::create_task(fails(), "fails");
        auto b = aio::create_task(waits(), "waits");
        co_await aio::sleep(0);
        b.cancel();
        try { co_await a; } catch (const std::runtime_error&) {}
        try { co_await b; } catch (const aio::CancelledError&) {}
    }());
    CHECK(rec.of(LoopEventKind::task_failed) == std::vector<std::string>{"fails"});
    CHECK(rec.of(LoopEventKind::task_cancelled) == std::vector<std::string>{"waits"});
    auto failed = std::find_if(rec.items.begin(), rec.items.end(), [](auto& i) { return i.kind == LoopEventKind::task_failed; });
    CHECK(failed->what == "std::runtime_error('bad')");
}

TEST_CASE("a task waiting on another task is reported as waiting on a Task") {
    VirtualLoop L;
    Recorder rec;
    L->set_observer(&rec);
    auto leaf = []() -> aio::Coroutine<> { co_await aio::sleep(1); };
    L.run([&]() -> aio::Coroutine<> {
        auto t = aio::create_task(leaf());
        co_await t;
    }());
    bool saw = false;
    for (auto& i : rec.items)
        if (i.kind == LoopEventKind::task_suspended && i.what == "Task") saw = true;
    CHECK(saw);
}

TEST_CASE("no observer means no events and no cost beyond a branch") {
    VirtualLoop L;
    CHECK(L->observer() == nullptr);
    auto quick = []() -> aio::Coroutine<> { co_return; };
    CHECK_NOTHROW(L.run(quick()));
}
