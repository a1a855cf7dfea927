// The Timeline/Inspector model and its Chrome trace export.

#include "model/loop_view.h"
#include "model/trace_export.h"

#include <doctest/doctest.h>

using aio::web::LoopView;
using aio::web::TaskState;

TEST_CASE("a task's life becomes consecutive segments") {
    LoopView v;
    v.task_created(1, "main", 0.0);
    v.task_state(1, TaskState::running, 0.0);
    v.task_state(1, TaskState::sleeping, 0.0, "sleep(1)");
    v.task_state(1, TaskState::ready, 1.0);
    v.task_state(1, TaskState::running, 1.0);
    v.task_finished(1, TaskState::done, 1.0);
    const auto* lane = v.find(1);
    REQUIRE(lane != nullptr);
    REQUIRE(lane->segments.size() == 6);
    CHECK(lane->segments[2].state == TaskState::sleeping);
    CHECK(lane->segments[2].start == 0.0);
    CHECK(lane->segments[2].end == 1.0);
    CHECK(lane->segments[2].detail == "sleep(1)");
    CHECK_FALSE(lane->segments[4].open);
    CHECK(lane->state == TaskState::done);
    CHECK(lane->finished == 1.0);
    CHECK(lane->steps == 2);
}

TEST_CASE("the last segment stays open until the next event") {
    LoopView v;
    v.task_created(7, "worker", 2.0);
    v.task_state(7, TaskState::waiting, 2.5, "Queue.get()");
    const auto* lane = v.find(7);
    CHECK(lane->segments.back().open);
    CHECK(lane->detail == "Queue.get()");
}

TEST_CASE("events for an unknown task open a lane with a default name") {
    LoopView v;
    v.task_state(3, TaskState::running, 1.0);
    REQUIRE(v.find(3) != nullptr);
    CHECK(v.find(3)->name == "Task-3");
}

TEST_CASE("events after a task finished are ignored") {
    LoopView v;
    v.task_created(1, "t", 0);
    v.task_finished(1, TaskState::cancelled, 1);
    v.task_state(1, TaskState::ready, 2);
    CHECK(v.find(1)->state == TaskState::cancelled);
}

TEST_CASE("counts tallies tasks by state") {
    LoopView v;
    v.task_created(1, "a", 0);
    v.task_created(2, "b", 0);
    v.task_finished(2, TaskState::failed, 0, "ValueError");
    auto c = v.counts();
    CHECK(c[static_cast<size_t>(TaskState::ready)] == 1);
    CHECK(c[static_cast<size_t>(TaskState::failed)] == 1);
}

TEST_CASE("very long lanes drop their oldest half") {
    LoopView v;
    v.task_created(1, "spinner", 0);
    for (size_t i = 0; i < LoopView::kMaxSegmentsPerLane; ++i)
        v.task_state(1, i % 2 ? TaskState::running : TaskState::ready, static_cast<double>(i));
    const auto* lane = v.find(1);
    CHECK(lane->segments.size() <= LoopView::kMaxSegmentsPerLane);
    CHECK(lane->trimmed_before > 0);
}

TEST_CASE("clear forgets every task") {
    LoopView v;
    v.task_created(1, "a", 0);
    v.clear();
    CHECK(v.tasks.empty());
    CHECK(v.find(1) == nullptr);
}

TEST_CASE("trace export writes thread names, complete events and outcomes") {
    LoopView v;
    v.task_created(1, "say \"hi\"", 0.0);
    v.task_state(1, TaskState::running, 0.0);
    v.task_state(1, TaskState::sleeping, 0.001, "sleep(0.5)");
    v.task_finished(1, TaskState::done, 0.5);
    std::string json = aio::web::to_chrome_trace(v);
    CHECK(json.find(R"j("name":"thread_name","args":{"name":"say \"hi\""})j") != std::string::npos);
    CHECK(
        json.find(
            R"j("ph":"X","pid":1,"tid":1,"ts":1000.000,"dur":499000.000,"cat":"task","name":"sleeping","args":{"detail":"sleep(0.5)"})j") !=
        std::string::npos);
    CHECK(json.find(R"j("ph":"i","s":"t","pid":1,"tid":1,"ts":500000.000,"cat":"task","name":"done")j") !=
          std::string::npos);
}

TEST_CASE("JSON strings escape control characters") {
    std::string out;
    aio::web::append_json_string(out, "a\tb\x01");
    CHECK(out == "\"a\\tb\\u0001\"");
}

TEST_CASE("the timer list can be a window of a longer one") {
    LoopView v;
    CHECK(v.timer_count() == 0);
    CHECK(v.timer_at(0) == nullptr);
    v.timers = {{1.0, "sleep", 1, false}, {2.0, "sleep", 2, false}};
    CHECK(v.timer_count() == 2);  // a whole list, as a fixture fills it
    REQUIRE(v.timer_at(1) != nullptr);
    CHECK(v.timer_at(1)->task_id == 2);
    v.timers_first = 100;  // rows 100 and 101 of 5,000
    v.timers_total = 5000;
    CHECK(v.timer_count() == 5000);
    CHECK(v.timer_at(1) == nullptr);
    CHECK(v.timer_at(101)->task_id == 2);
    CHECK(v.timer_at(102) == nullptr);
    v.timers.clear();  // the run ended: no timers, whatever the total said
    CHECK(v.timer_count() == 0);
    v.show_timer_rows(40, 10);
    CHECK(v.timer_rows_from() == 40);
    CHECK(v.timer_rows_to() == 40);
    v.clear();
    CHECK(v.timers_total == 0);
}
