// The engine's loop events as a LoopView (web/README.md's mapping table),
// fed by a real C++ loop on a virtual clock.

#include "run/view_observer.h"

#include "aio/aio.hpp"

#include <doctest/doctest.h>

#include <memory>

using namespace aio::web;

namespace {

aio::Coroutine<> sleeper(double s) { co_await aio::sleep(s); }

aio::Coroutine<> waiter(aio::Event& e) { co_await e.wait(); }

aio::Coroutine<> failing() {
    co_await aio::sleep(0);
    throw aio::ValueError("bad");
}

}  // namespace

TEST_CASE("a sleeping task is drawn sleeping, then ready when its timer fires") {
    LoopView view;
    ViewObserver obs(view, 0.0);
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>());
    loop.set_observer(&obs);
    auto t = aio::create_task(loop, sleeper(1.5), "nap");
    loop.run_once();  // first step: sleeps
    const TaskLane* lane = view.find(t.core().id());
    REQUIRE(lane != nullptr);
    CHECK(lane->name == "nap");
    CHECK(lane->state == TaskState::sleeping);
    CHECK(lane->detail == "sleep until 1.500 s");
    obs.refresh(loop);
    REQUIRE(view.timers.size() == 1);
    CHECK(view.timers[0].when == 1.5);
    loop.run_once();  // the clock jumps, the timer fires
    CHECK(view.time == 1.5);
    aio::run_until_complete(loop, t);
    CHECK(lane->state == TaskState::done);
    CHECK(lane->steps == 2);
}

TEST_CASE("a task waiting on an event turns ready when the ready queue holds its step") {
    LoopView view;
    ViewObserver obs(view, 0.0);
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>());
    loop.set_observer(&obs);
    aio::Event ev;
    auto t = aio::create_task(loop, waiter(ev), "w");
    loop.run_once();
    const TaskLane* lane = view.find(t.core().id());
    REQUIRE(lane != nullptr);
    CHECK(lane->state == TaskState::waiting);
    ev.set();
    obs.refresh(loop);
    CHECK(lane->state == TaskState::ready);
    REQUIRE(view.ready.size() == 1);
    CHECK(view.ready[0].task_id == t.core().id());
    aio::run_until_complete(loop, t);
    CHECK(lane->state == TaskState::done);
}

TEST_CASE("a failed task's lane ends failed with the error") {
    LoopView view;
    ViewObserver obs(view, 0.0);
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>());
    loop.set_observer(&obs);
    auto t = aio::create_task(loop, failing(), "f");
    CHECK_THROWS_AS(aio::run_until_complete(loop, t), aio::ValueError);
    const TaskLane* lane = view.find(t.core().id());
    REQUIRE(lane != nullptr);
    CHECK(lane->state == TaskState::failed);
    CHECK(lane->detail.find("bad") != std::string::npos);
}

TEST_CASE("times are shown from the run's origin") {
    LoopView view;
    ViewObserver obs(view, 100.0);
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>(100.0));
    loop.set_observer(&obs);
    auto t = aio::create_task(loop, sleeper(0.25), "s");
    aio::run_until_complete(loop, t);
    const TaskLane* lane = view.find(t.core().id());
    REQUIRE(lane != nullptr);
    CHECK(lane->created == 0.0);
    CHECK(lane->finished == doctest::Approx(0.25));
}

// The timer list comes from the observer's own table (timer_armed / _fired /
// _cancelled), not from EventLoop::describe_timers.
TEST_CASE("timers are kept from events: earliest first, with the task each wakes") {
    LoopView view;
    ViewObserver obs(view, 0.0);
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>());
    loop.set_observer(&obs);
    auto late = aio::create_task(loop, sleeper(3.0), "late");
    auto early = aio::create_task(loop, sleeper(1.0), "early");
    auto mid = aio::create_task(loop, sleeper(2.0), "mid");
    loop.call_later(
        2.5, [] {}, "tick");
    loop.run_once();  // every task sleeps
    obs.refresh(loop);
    REQUIRE(view.timers.size() == 4);
    CHECK(obs.timer_count() == 4);
    CHECK(view.timers[0].when == 1.0);
    CHECK(view.timers[0].task_id == early.core().id());
    CHECK(view.timers[1].task_id == mid.core().id());
    CHECK(view.timers[2].what == "tick");
    CHECK(view.timers[2].task_id == 0);
    CHECK(view.timers[3].task_id == late.core().id());
    // What describe_timers says, the table says too.
    auto described = loop.describe_timers();
    REQUIRE(described.size() == view.timers.size());
    for (size_t i = 0; i < described.size(); ++i) {
        CHECK(described[i].first == view.timers[i].when);
        CHECK(described[i].second == view.timers[i].what);
    }

    mid.cancel();     // its sleep timer is cancelled
    loop.run_once();  // mid's cancelled step
    loop.run_once();  // the clock jumps to 1.0: early's timer fires
    obs.refresh(loop);
    REQUIRE(view.timers.size() == 2);
    CHECK(view.timers[0].what == "tick");
    CHECK(view.timers[1].task_id == late.core().id());
    CHECK(view.find(early.core().id())->state != TaskState::sleeping);
    aio::run_until_complete(loop, late);
    obs.refresh(loop);
    CHECK(view.timers.empty());
    CHECK(obs.timer_count() == 0);
}

TEST_CASE("of a long timer list the view holds the rows a panel shows") {
    LoopView view;
    ViewObserver obs(view, 0.0);
    aio::EventLoop loop(std::make_unique<aio::VirtualClock>());
    loop.set_observer(&obs);
    std::vector<aio::Task<>> tasks;
    for (int i = 0; i < 2500; ++i) tasks.push_back(aio::create_task(loop, sleeper(1.0 + i * 1e-3)));
    loop.run_once();
    obs.refresh(loop);
    CHECK(view.timer_count() == 2500);
    CHECK(view.timers.size() < 200);  // the first rows, not all 2,500
    REQUIRE(view.timer_at(0) != nullptr);
    CHECK(view.timer_at(0)->task_id == tasks[0].core().id());
    CHECK(view.timer_at(2000) == nullptr);

    view.show_timer_rows(2000, 2030);  // the panel scrolled
    obs.refresh(loop);
    for (size_t i = 2000; i < 2030; ++i) {
        REQUIRE(view.timer_at(i) != nullptr);
        CHECK(view.timer_at(i)->task_id == tasks[i].core().id());
        CHECK(view.timer_at(i)->when == doctest::Approx(1.0 + static_cast<double>(i) * 1e-3));
    }
    view.show_timer_rows(2490, 2530);  // past the end: the last rows
    obs.refresh(loop);
    REQUIRE(view.timer_at(2499) != nullptr);
    CHECK(view.timer_at(2499)->task_id == tasks[2499].core().id());
    CHECK(view.timer_at(2500) == nullptr);

    tasks[0].cancel();
    loop.run_once();  // the cancelled step runs: one timer fewer
    view.show_timer_rows(0, 30);
    obs.refresh(loop);
    CHECK(view.timer_count() == 2499);
    CHECK(view.timer_at(0)->task_id == tasks[1].core().id());
    for (auto& t : tasks) t.cancel();
    loop.run_once();
    obs.refresh(loop);
    CHECK(view.timer_count() == 0);
}

TEST_CASE("a new loop's timers replace those a closed loop left behind") {
    LoopView view;
    ViewObserver obs(view, 0.0);
    {
        aio::EventLoop first(std::make_unique<aio::VirtualClock>());
        first.set_observer(&obs);
        first.call_later(
            0.5, [] {}, "now");
        first.call_later(
            9.0, [] {}, "left behind");
        first.run_once();  // the clock jumps to 0.5: "now" fires and runs
        obs.refresh(first);
        REQUIRE(view.timers.size() == 1);
        CHECK(view.timers[0].what == "left behind");
        first.close();  // drops its timer without an event
    }
    aio::EventLoop second(std::make_unique<aio::VirtualClock>());
    second.set_observer(&obs);
    second.call_later(
        1.0, [] {}, "fresh");  // timer ids start from 1 again
    obs.refresh(second);
    REQUIRE(view.timers.size() == 1);
    CHECK(view.timers[0].what == "fresh");
}
