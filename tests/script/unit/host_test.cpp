// The host side of a run: what a host sees of output, flushing and the
// loop's events.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aio/observer.hpp"
#include "host/interp.hpp"

using namespace aio::script;

namespace {

// Records writes ("1:text", "2:text") and flushes ("flush 1") in order.
struct OutputLog {
    std::vector<std::string> events;
    void attach(Interpreter& interp) {
        interp.set_output(
            [this](int stream, std::string_view text) {
                events.push_back(std::to_string(stream) + ":" + std::string(text));
            },
            [this](int stream) { events.push_back("flush " + std::to_string(stream)); });
    }
    std::ptrdiff_t index_of(const std::string& e) const {
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events[i].rfind(e, 0) == 0) return static_cast<std::ptrdiff_t>(i);
        return -1;
    }
};

struct FailureLog : aio::Observer {
    std::vector<std::string> failures;
    void on_event(const aio::LoopEvent& e) override {
        if (e.kind == aio::LoopEventKind::task_failed) failures.emplace_back(e.what);
    }
};

}  // namespace

TEST_CASE("stdout is flushed before an uncaught exception's traceback, as CPython's flush_io") {
    OutputLog log;
    {
        Interpreter interp;
        log.attach(interp);
        CHECK(interp.run_main("print('before')\nraise ValueError('x')\n", "t.py") == 1);
    }
    std::ptrdiff_t printed = log.index_of("1:before"), flushed = log.index_of("flush 1"),
                   traceback = log.index_of("2:Traceback (most recent call last):");
    REQUIRE(printed >= 0);
    REQUIRE(traceback >= 0);
    CHECK(printed < flushed);
    CHECK(flushed < traceback);
}

TEST_CASE("print(flush=True) and sys.stdout.flush() flush their stream; a plain print does not") {
    OutputLog log;
    {
        Interpreter interp;
        log.attach(interp);
        CHECK(interp.run_main("import sys\nprint('a')\nprint('b', flush=True)\nprint('c', file=sys.stderr, flush=1)\n"
                              "sys.stdout.flush()\n",
                              "t.py") == 0);
    }
    CHECK(log.events == std::vector<std::string>{"1:a\n", "1:b\n", "flush 1", "2:c\n", "flush 2", "flush 1"});
}

TEST_CASE("a failed script task reaches the loop's observer as the exception's Python repr") {
    FailureLog failures;
    {
        Interpreter interp;
        interp.set_output([](int, std::string_view) {});
        interp.enable_asyncio(true);
        interp.set_observer(&failures);
        interp.run_main(
            "import asyncio\nasync def broken():\n    return x\n"
            "async def main():\n    t = asyncio.create_task(broken())\n    await asyncio.gather(t, "
            "return_exceptions=True)\nasyncio.run(main())\n",
            "t.py");
    }
    CHECK(failures.failures == std::vector<std::string>{"NameError(\"name 'x' is not defined\")"});
}
