// The engine's loop events as a LoopView (web/README.md's mapping table),
// fed by a real C++ loop on a virtual clock.

#include "engine_view.h"

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
