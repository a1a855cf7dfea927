// A task step paused mid-way (the script layer's instruction slices): the
// loop holds the iteration, runs nothing else, and continues the same step
// on the next run_once — so ordering is exactly as if it never paused.

#include "support.hpp"

using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

namespace {
// A task whose code "runs" for `slices` slices before finishing: each
// run_step does one slice and holds until the last.
class SlicedTask final : public aio::detail::TaskCore {
public:
    SlicedTask(aio::EventLoop& loop, Log& log, int slices) : TaskCore(loop, "sliced"), m_log(log), m_left(slices) {}
    void* result_slot() noexcept override { return nullptr; }

protected:
    void run_step() override {
        m_log("slice " + std::to_string(m_left));
        if (--m_left > 0) {
            hold_step();
            return;
        }
        finish_result();
    }

private:
    Log& m_log;
    int m_left;
};
}  // namespace

TEST_CASE("a held task step keeps every other callback of its iteration waiting") {
    VirtualLoop L;
    Log log;
    L->call_soon([&] { log("before"); });
    aio::detail::Ref<aio::detail::TaskCore> t(new SlicedTask(*L, log, 3));
    t->start();
    L->call_soon([&] {
        log("after");
        L->call_soon([&] { log("next iteration"); });
    });

    L->run_once();  // "before", then slice 3 holds
    CHECK(log.lines == Lines{"before", "slice 3"});
    CHECK(L->in_iteration());
    auto iteration = L->iteration();
    L->run_once();  // slice 2 holds again: still the same iteration
    CHECK(L->iteration() == iteration);
    L->run_once();  // slice 1 finishes, then the rest of the iteration runs
    CHECK_FALSE(L->in_iteration());
    CHECK(log.lines == Lines{"before", "slice 3", "slice 2", "slice 1", "after"});
    CHECK(t->done());
    L->run_once();
    CHECK(log.lines.back() == "next iteration");
    CHECK(L->iteration() == iteration + 1);
}

TEST_CASE("run_one_callback steps through one iteration and then starts the next") {
    VirtualLoop L;
    Log log;
    L->call_soon([&] {
        log("a");
        L->call_soon([&] { log("c"); });
    });
    L->call_soon([&] { log("b"); });
    CHECK(L->run_one_callback());
    CHECK(L->in_iteration());
    CHECK(L->run_one_callback());
    CHECK_FALSE(L->in_iteration());
    CHECK(log.lines == Lines{"a", "b"});
    CHECK(L->run_one_callback());
    CHECK(log.lines.back() == "c");
    CHECK_FALSE(L->run_one_callback());
}

TEST_CASE("a task stepped by run_one_callback finds its running loop") {
    VirtualLoop L;
    bool found = false;
    auto probe = [&]() -> aio::Coroutine<> {
        found = &aio::get_running_loop() == L.loop.get() && aio::get_running_loop().is_running();
        co_return;
    };
    auto t = aio::create_task(*L, probe());
    CHECK(L->run_one_callback());
    CHECK(found);
    CHECK_FALSE(L->is_running());
}
