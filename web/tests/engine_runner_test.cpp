// The engine-backed runner, driven as the playground drives it: frames with a
// 5 ms budget, Step, Stop, clock changes. Outputs are checked against the
// examples' .out files (what CPython 3.11 prints).

#include "run/runner.h"
#include "run/twin_recording.h"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

using namespace aio::web;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string example_file(const std::string& name, const char* ext) {
    return read_file(std::string(AIO_EXAMPLES_DIR) + "/" + name + ext);
}

const char* const kExamples[] = {
    "01_event_loop",
    "02_async_function",
    "03_await_chain",
    "04_start_and_come_back",
    "05_await_any_order",
    "06_await_twice",
    "07_wait",
    "08_gather",
    "09_jobs_before_the_loop",
    "10_cancellation",
    "11_timeouts",
    "12_producer_consumer",
    "13_taskgroup",
};

struct Harness {
    std::unique_ptr<Runner> runner{create_runner()};
    RunState state;
    int frames = 0;

    void start(const std::string& source, ClockMode clock = ClockMode::virtual_time, bool paused = false,
               const std::string& name = "test") {
        RunRequest r;
        r.program = RunRequest::Program::script;
        r.example = name;
        r.filename = name + ".py";
        r.source = source;
        r.clock = clock;
        r.start_paused = paused;
        runner->start(r, state);
    }
    void start_twin(const std::string& example, ClockMode clock = ClockMode::virtual_time) {
        RunRequest r;
        r.program = RunRequest::Program::cpp_twin;
        r.example = example;
        r.filename = example + ".cpp";
        r.clock = clock;
        runner->start(r, state);
    }
    // Frames until the run ends (or `max` frames).
    void run(int max = 100000) {
        while (state.status == RunStatus::running && frames < max) {
            runner->frame(5.0, state);
            ++frames;
        }
    }
    std::string out() const { return state.console.text(true, false, false); }
    std::string err() const { return state.console.text(false, true, false); }
    std::string cpp_out() const { return state.cpp_console.text(true, false, false); }
};

}  // namespace

TEST_CASE("every example's script prints what CPython prints, on the virtual clock") {
    for (const char* name : kExamples) {
        CAPTURE(name);
        Harness h;
        h.start(example_file(name, ".py"), ClockMode::virtual_time, false, name);
        h.run();
        CHECK(h.state.status == RunStatus::finished);
        CHECK(h.out() == example_file(name, ".out"));
    }
}

TEST_CASE("a script on the real clock prints what CPython prints") {
    // Short real sleeps; the driver is called in a tight loop as frames would be.
    Harness h;
    h.start(example_file("08_gather", ".py"), ClockMode::real, false, "08_gather");
    h.run(10000000);
    CHECK(h.state.status == RunStatus::finished);
    CHECK(h.out() == example_file("08_gather", ".out"));
}

TEST_CASE("every C++ twin replays what CPython prints") {
    for (const char* name : kExamples) {
        CAPTURE(name);
        REQUIRE(twin_available(name));
        Harness h;
        h.start_twin(name);
        h.run();
        CHECK(h.state.status == RunStatus::finished);
        CHECK(h.cpp_out() == example_file(name, ".out"));
    }
}

TEST_CASE("the C++ twin writes its own column: the script's output stays beside it") {
    Harness h;
    h.start(example_file("08_gather", ".py"), ClockMode::virtual_time, false, "08_gather");
    h.run();
    REQUIRE(h.state.status == RunStatus::finished);
    std::string script = h.out();
    h.start_twin("08_gather");
    h.run();
    CHECK(h.state.status == RunStatus::finished);
    CHECK(h.out() == script);  // untouched by the twin
    CHECK(h.cpp_out() == script);
    // The twin's column ends with the comparison against the script's run.
    CHECK(h.state.cpp_console.text(false, false, true).find("Same output as the script's last run") !=
          std::string::npos);
}

TEST_CASE("the C++ twin's output carries the loop times it was printed at") {
    TwinRecording rec = record_twin("12_producer_consumer");
    REQUIRE(rec.status == 0);
    double last = -1;
    bool moved = false;
    for (const TwinItem& it : rec.items) {
        CHECK(it.t >= last);  // one time line, even across loops
        if (it.t > 0) moved = true;
        last = it.t;
    }
    CHECK(moved);
    CHECK(rec.end_time == doctest::Approx(0.5));
}

TEST_CASE("a script that never awaits is paused between frames and Stop ends it") {
    Harness h;
    h.start(
        "import asyncio\n"
        "async def spin():\n"
        "    print('spinning')\n"
        "    while True:\n"
        "        pass\n"
        "async def other():\n"
        "    print('other ran')\n"
        "async def main():\n"
        "    asyncio.create_task(other())\n"
        "    await spin()\n"
        "asyncio.run(main())\n");
    h.run(20);  // each frame returns: the task's step is held, not finished
    CHECK(h.frames == 20);
    CHECK(h.state.status == RunStatus::running);
    CHECK(h.out() == "spinning\n");  // `other` never ran: the held step keeps its iteration
    h.runner->stop(h.state);
    CHECK(h.state.status == RunStatus::stopped);
    h.run();
    CHECK(h.out() == "spinning\n");
}

TEST_CASE("top-level code that never ends is paused between frames too") {
    Harness h;
    h.start("n = 0\nwhile True:\n    n += 1\n");
    h.run(10);
    CHECK(h.frames == 10);
    CHECK(h.state.status == RunStatus::running);
    h.runner->pause(h.state);
    CHECK(h.state.status == RunStatus::paused);
    CHECK(h.state.exec_line >= 2);
    h.runner->stop(h.state);
    CHECK(h.state.status == RunStatus::stopped);
}

TEST_CASE("a syntax error marks its line and column") {
    Harness h;
    h.start("import asyncio\nx = 1\nif x\n    print(x)\n");
    h.run();
    CHECK(h.state.status == RunStatus::failed);
    CHECK(h.state.error.line == 3);
    CHECK(h.state.error.column == 5);
    CHECK(h.state.error.message == "SyntaxError: expected ':'");
}

TEST_CASE("an uncaught exception in a task marks the innermost line of the script") {
    Harness h;
    h.start(
        "import asyncio\n"
        "async def fetch():\n"
        "    await asyncio.sleep(0.1)\n"
        "    raise ValueError('bad reply')\n"
        "async def main():\n"
        "    await fetch()\n"
        "asyncio.run(main())\n");
    h.run();
    CHECK(h.state.status == RunStatus::failed);
    CHECK(h.state.error.line == 4);
    CHECK(h.state.error.message == "ValueError: bad reply");
    CHECK(h.err().find("Traceback (most recent call last):") != std::string::npos);
}

TEST_CASE("a missing module keeps CPython's error and the console names what aio-py has") {
    Harness h;
    h.start("import asyncio\nimport numpy\n");
    h.run();
    CHECK(h.state.status == RunStatus::failed);
    CHECK(h.state.error.message == "ModuleNotFoundError: No module named 'numpy'");
    std::string info = h.state.console.text(false, false, true);
    CHECK(info.find("aio-py's modules: ") != std::string::npos);
    for (const char* name : {" asyncio", " json", " re", " datetime", " math", " hashlib"})
        CHECK_MESSAGE(info.find(name) != std::string::npos, name);
    CHECK(info.find(" _") == std::string::npos);  // no private modules
}

TEST_CASE("Step runs one callback at a time and the timeline follows") {
    Harness h;
    h.start(
        "import asyncio\n"
        "async def job(n):\n"
        "    await asyncio.sleep(n)\n"
        "    print('job', n)\n"
        "async def main():\n"
        "    await asyncio.gather(job(0.2), job(0.1))\n"
        "asyncio.run(main())\n",
        ClockMode::real, /*paused=*/true);
    REQUIRE(h.state.status == RunStatus::paused);
    int steps = 0;
    while (h.state.status == RunStatus::paused && steps < 1000) {
        h.runner->step(h.state);
        ++steps;
    }
    CHECK(h.state.status == RunStatus::finished);
    CHECK(h.out() == "job 0.1\njob 0.2\n");
    // Steps jump over sleeps even on a real clock, so loop time reaches the
    // last deadline (0.2 s). Only the lower bound is exact: real time spent
    // between steps on a loaded machine may add to it.
    CHECK(h.state.loop.time >= 0.2);
    CHECK(h.state.loop.tasks.size() == 3);
    for (const TaskLane& lane : h.state.loop.tasks) CHECK(lane.state == TaskState::done);
}

TEST_CASE("the clock can change while a script runs") {
    Harness h;
    h.start(
        "import asyncio\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    t = loop.time()\n"
        "    await asyncio.sleep(1000)\n"
        "    print(round(loop.time() - t))\n"
        "asyncio.run(main())\n",
        ClockMode::real);
    h.run(50);
    CHECK(h.state.status == RunStatus::running);  // sleeping for real
    h.runner->set_clock(ClockMode::virtual_time, 1.0, h.state);
    h.run();
    CHECK(h.state.status == RunStatus::finished);
    CHECK(h.out() == "1000\n");
}

TEST_CASE("timeline lanes follow the tasks of a run") {
    Harness h;
    h.start(example_file("12_producer_consumer", ".py"), ClockMode::virtual_time, false, "12_producer_consumer");
    h.run();
    REQUIRE(h.state.status == RunStatus::finished);
    const LoopView& v = h.state.loop;
    REQUIRE(v.tasks.size() == 4);  // main + three cooks
    CHECK(v.tasks[0].state == TaskState::done);
    int cancelled = 0, slept = 0, waited = 0;
    for (const TaskLane& lane : v.tasks) {
        if (lane.state == TaskState::cancelled) ++cancelled;
        for (const TaskSegment& s : lane.segments) {
            slept += s.state == TaskState::sleeping;
            waited += s.state == TaskState::waiting;
        }
    }
    CHECK(cancelled == 3);
    CHECK(slept == 6);  // one sleep per dish
    CHECK(waited > 0);
    CHECK(v.time == doctest::Approx(0.5));
}

// Every loop the example makes starts with the recorder as its observer
// (aio::set_default_observer), so the twin's Timeline shows its tasks as the
// script's run shows them.
TEST_CASE("the C++ twin's replay draws the tasks of the example on the timeline") {
    Harness h;
    h.start_twin("12_producer_consumer");
    h.run();
    REQUIRE(h.state.status == RunStatus::finished);
    const LoopView& v = h.state.loop;
    REQUIRE(v.tasks.size() == 4);  // main + three cooks, as in the script's run
    int cancelled = 0, slept = 0;
    for (const TaskLane& lane : v.tasks) {
        cancelled += lane.state == TaskState::cancelled;
        for (const TaskSegment& s : lane.segments) slept += s.state == TaskState::sleeping;
    }
    CHECK(cancelled == 3);
    CHECK(slept == 6);  // one sleep per dish
    CHECK(v.time == doctest::Approx(0.5));
}

TEST_CASE("thousands of sleeping tasks on the real clock run to the end") {
    Harness h;
    h.start(
        "import asyncio\n"
        "async def worker(i):\n"
        "    for k in range(5):\n"
        "        await asyncio.sleep(0.01 + (i % 7) * 0.002)\n"
        "    return i\n"
        "async def main():\n"
        "    results = await asyncio.gather(*[worker(i) for i in range(3000)])\n"
        "    print('done', len(results), sum(results))\n"
        "asyncio.run(main())\n",
        ClockMode::real);
    h.run(100000000);
    CHECK(h.state.status == RunStatus::finished);
    CHECK(h.out() == "done 3000 4498500\n");
    CHECK(h.state.loop.tasks.size() == 3001);
}
