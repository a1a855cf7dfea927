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
    CHECK(kinds == std::vector<std::string>{"task_created", "task_step", "timer_armed", "task_suspended", "timer_fired",
                                            "callback", "task_step", "task_done"});
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
    auto done =
        std::find_if(rec.items.begin(), rec.items.end(), [](auto& i) { return i.kind == LoopEventKind::task_done; });
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
        try {
            co_await a;
        } catch (const std::runtime_error&) {}
        try {
            co_await b;
        } catch (const aio::CancelledError&) {}
    }());
    CHECK(rec.of(LoopEventKind::task_failed) == std::vector<std::string>{"fails"});
    CHECK(rec.of(LoopEventKind::task_cancelled) == std::vector<std::string>{"waits"});
    auto failed =
        std::find_if(rec.items.begin(), rec.items.end(), [](auto& i) { return i.kind == LoopEventKind::task_failed; });
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

// Puts the process-wide default back however a test ends.
struct DefaultObserverScope {
    explicit DefaultObserverScope(aio::Observer* o) : saved(aio::default_observer()) { aio::set_default_observer(o); }
    ~DefaultObserverScope() { aio::set_default_observer(saved); }
    aio::Observer* saved;
};

TEST_CASE("a loop constructed after set_default_observer starts with that observer") {
    Recorder rec;
    CHECK(aio::default_observer() == nullptr);
    auto before = aio::new_event_loop();
    {
        DefaultObserverScope scope(&rec);
        CHECK(aio::default_observer() == &rec);
        VirtualLoop L;
        CHECK(L->observer() == &rec);
        CHECK(aio::new_event_loop()->observer() == &rec);
        auto napper = []() -> aio::Coroutine<int> {
            co_await aio::sleep(1);
            co_return 1;
        };
        CHECK(L.run(napper()) == 1);
        CHECK(rec.of(LoopEventKind::task_done).size() == 1);
        // A loop can still choose its own.
        L->set_observer(nullptr);
        CHECK(L->observer() == nullptr);
    }
    // A loop that already existed kept its own (none); later loops get none again.
    CHECK(before->observer() == nullptr);
    CHECK(aio::default_observer() == nullptr);
    CHECK(aio::new_event_loop()->observer() == nullptr);
}

TEST_CASE("the default observer sees the loop that aio::run makes for itself") {
    Recorder rec;
    DefaultObserverScope scope(&rec);
    auto main_coro = []() -> aio::Coroutine<int> {
        auto child = []() -> aio::Coroutine<int> {
            co_await aio::sleep(0.5);
            co_return 2;
        };
        co_return co_await aio::create_task(child(), "child") + 1;
    };
    CHECK(aio::run(main_coro(), std::make_unique<aio::VirtualClock>()) == 3);
    auto done = rec.of(LoopEventKind::task_done);
    REQUIRE(done.size() == 2);
    CHECK(done[0] == "child");
    bool slept = false;
    for (auto& i : rec.items)
        if (i.kind == LoopEventKind::timer_armed && i.until == 0.5) slept = true;
    CHECK(slept);
}

TEST_CASE("replacing the default observer detaches the loops still reporting to it, and only those") {
    Recorder first, second, own;
    DefaultObserverScope scope(&first);
    VirtualLoop by_default, chose_own;
    chose_own->set_observer(&own);
    aio::set_default_observer(&second);
    // `first` may now be destroyed: no loop reports to it any more.
    CHECK(by_default->observer() == nullptr);
    CHECK(chose_own->observer() == &own);
    auto quick = []() -> aio::Coroutine<> { co_return; };
    by_default.run(quick());
    chose_own.run(quick());
    CHECK(first.items.empty());
    CHECK(second.items.empty());
    CHECK(own.of(LoopEventKind::task_done).size() == 1);
    VirtualLoop after;
    CHECK(after->observer() == &second);
}

TEST_CASE("a loop made by get_event_loop while a default observer is set stops reporting when it is removed") {
    // The playground's C++ twin: set a recorder, run an example that calls
    // get_event_loop() (the loop outlives the run), remove the recorder, and
    // destroy it. Later use of that loop must not reach the dead recorder.
    aio::set_event_loop(nullptr);
    aio::EventLoop* kept = nullptr;
    {
        auto rec = std::make_unique<Recorder>();
        aio::set_default_observer(rec.get());
        kept = &aio::get_event_loop();
        CHECK(kept->observer() == rec.get());
        aio::set_default_observer(nullptr);
    }
    CHECK(kept->observer() == nullptr);
    auto quick = []() -> aio::Coroutine<int> { co_return 5; };
    CHECK(aio::run_until_complete(*kept, quick()) == 5);
    aio::set_event_loop(nullptr);
}
