// asyncio.TaskGroup (3.11): waiting at the end of the block, a failure
// cancelling siblings and the block, ExceptionGroup with every error, outside
// cancellation, nesting, refusals. Each ordering test carries the same program
// for CPython 3.11 as the string `py`; expect_cpython_prints runs it under
// python3 after kPrelude and checks that it prints the lines the C++ side is
// checked against. Lines carry "time@iteration". Only one sibling is ever
// cancelled at a time in these programs: CPython cancels siblings in set order
// (arbitrary), aio in creation order.

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "aio/task_group.hpp"
#include "support.hpp"

using namespace aio_test::port;
using aio_test::expect_cpython_prints;

namespace {

// What every program here runs after: the virtual loop, then show() for
// exceptions and the job() and failing() the C++ side has too.
const std::string kPrelude = std::string(aio_test::kVirtualLoopPy) + R"PY(
def show(e):
    if isinstance(e, BaseExceptionGroup):
        return "group(" + ", ".join(show(x) for x in e.exceptions) + ")"
    return repr(e)

async def job(name, delay):
    print("start", name, now())
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name, now())
        raise
    print("end", name, now())
    return name

async def failing(name, delay):
    print("start", name, now())
    await asyncio.sleep(delay)
    print("raise", name, now())
    raise ValueError(name)
)PY";

// Python's show(e) above: groups spelled out, other errors as repr().
std::string show(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const aio::ExceptionGroup& g) {
        std::string s = "group(";
        for (std::size_t i = 0; i < g.exceptions().size(); ++i) s += (i ? ", " : "") + show(g.exceptions()[i]);
        return s + ")";
    } catch (...) {
        return aio::describe_exception(e);
    }
}

aio::Coroutine<std::string> job(std::string name, double delay) {
    Probe probe;
    print("start", name, now());
    try {
        co_await aio::sleep(delay);
    } catch (const aio::CancelledError&) {
        print("cancelled", name, now());
        throw;
    }
    print("end", name, now());
    co_return name;
}

aio::Coroutine<> failing(std::string name, double delay) {
    Probe probe;
    print("start", name, now());
    co_await aio::sleep(delay);
    print("raise", name, now());
    throw aio::ValueError(name);
}

}  // namespace

TEST_CASE("a task group waits for all its tasks when the block ends") {
    constexpr const char* py = R"PY(
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.5))
        b = tg.create_task(job("b", 0.25))
        print("block done", now())
    print("results", a.result(), b.result(), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        aio::Task<std::string> a, b;
        co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coroutine<> {
            a = tg.create_task(job("a", 0.5));
            b = tg.create_task(job("b", 0.25));
            print("block done", now());
            co_return;
        });
        print("results", a.result(), b.result(), now());
    }());
    const Lines expected{
        "block done 0@1", "start a 0@2", "start b 0@2", "end b 0.25@4", "end a 0.5@7", "results a b 0.5@9",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(p.L->time() == 0.5);
}

TEST_CASE("the first failure in a task group cancels the siblings and the block, and all errors come out together") {
    constexpr const char* py = R"PY(
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("slow", 1))
            tg.create_task(failing("x", 0.25))
            tg.create_task(failing("y", 0.25))
            try:
                await asyncio.sleep(2)
            except asyncio.CancelledError:
                print("block cancelled", now())
                raise
    except ExceptionGroup as eg:
        print("caught", eg, show(eg), now())
    print("cancelling", asyncio.current_task().cancelling())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
                tg.create_task(job("slow", 1));
                tg.create_task(failing("x", 0.25));
                tg.create_task(failing("y", 0.25));
                try {
                    co_await aio::sleep(2);
                } catch (const aio::CancelledError&) {
                    print("block cancelled", now());
                    throw;
                }
            });
        } catch (const aio::ExceptionGroup& eg) {
            print("caught", eg.what(), show(std::current_exception()), now());
        }
        print("cancelling", aio::current_task().cancelling());
    }());
    const Lines expected{
        "start slow 0@2",
        "start x 0@2",
        "start y 0@2",
        "raise x 0.25@4",
        "raise y 0.25@4",
        "cancelled slow 0.25@6",
        "block cancelled 0.25@6",
        "caught unhandled errors in a TaskGroup (2 sub-exceptions) group(ValueError('x'), ValueError('y')) 0.25@8",
        "cancelling 0",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
    CHECK(p.L.reports.empty());
}

TEST_CASE("an error in a task group's block cancels its tasks and joins the group's errors") {
    constexpr const char* py = R"PY(
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1))
            await asyncio.sleep(0.25)
            raise RuntimeError("block")
    except ExceptionGroup as eg:
        print("caught", show(eg), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
                tg.create_task(job("a", 1));
                co_await aio::sleep(0.25);
                throw aio::RuntimeError("block");
            });
        } catch (const aio::ExceptionGroup&) {
            print("caught", show(std::current_exception()), now());
        }
    }());
    const Lines expected{
        "start a 0@2",
        "cancelled a 0.25@5",
        "caught group(RuntimeError('block')) 0.25@7",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("cancelling the task running a task group cancels its tasks and propagates CancelledError") {
    constexpr const char* py = R"PY(
def yn(b):
    return "yes" if b else "no"

async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1))
            await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("runner cancelled", now())
        raise

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled?", yn(t.cancelled()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task([]() -> aio::Coroutine<> {
            try {
                co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
                    tg.create_task(job("a", 1));
                    co_await aio::sleep(2);
                });
            } catch (const aio::CancelledError&) {
                print("runner cancelled", now());
                throw;
            }
        }());
        co_await aio::sleep(0.25);
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            print("task cancelled?", t.cancelled() ? "yes" : "no", now());
        }
    }());
    const Lines expected{
        "start a 0@3",
        "cancelled a 0.25@7",
        "runner cancelled 0.25@9",
        "task cancelled? yes 0.25@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("cancelling the task while its group waits at the end of the block cancels the tasks") {
    constexpr const char* py = R"PY(
def yn(b):
    return "yes" if b else "no"

async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1))
    except asyncio.CancelledError:
        print("runner cancelled", now())
        raise

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled?", yn(t.cancelled()), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        auto t = aio::create_task([]() -> aio::Coroutine<> {
            try {
                co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
                    tg.create_task(job("a", 1));
                    co_return;
                });
            } catch (const aio::CancelledError&) {
                print("runner cancelled", now());
                throw;
            }
        }());
        co_await aio::sleep(0.25);
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            print("task cancelled?", t.cancelled() ? "yes" : "no", now());
        }
    }());
    const Lines expected{
        "start a 0@3",
        "cancelled a 0.25@7",
        "runner cancelled 0.25@9",
        "task cancelled? yes 0.25@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a task failing while its group waits at the end of the block cancels the others") {
    constexpr const char* py = R"PY(
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("long", 1))
            tg.create_task(failing("late", 0.5))
            print("block done", now())
    except ExceptionGroup as eg:
        print("caught", show(eg), now())
    print("cancelling", asyncio.current_task().cancelling())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
                tg.create_task(job("long", 1));
                tg.create_task(failing("late", 0.5));
                print("block done", now());
                co_return;
            });
        } catch (const aio::ExceptionGroup&) {
            print("caught", show(std::current_exception()), now());
        }
        print("cancelling", aio::current_task().cancelling());
    }());
    const Lines expected{
        "block done 0@1",   "start long 0@2",       "start late 0@2",
        "raise late 0.5@4", "cancelled long 0.5@6", "caught group(ValueError('late')) 0.5@8",
        "cancelling 1",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("nested task groups: an inner group's ExceptionGroup becomes an error of the outer group") {
    constexpr const char* py = R"PY(
async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(job("outer-job", 1))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(failing("inner-fail", 0.25))
                inner.create_task(job("inner-job", 1))
            print("never printed")
    except ExceptionGroup as eg:
        print("caught", show(eg), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        try {
            co_await aio::task_group([](aio::TaskGroup& outer) -> aio::Coroutine<> {
                outer.create_task(job("outer-job", 1));
                co_await aio::task_group([](aio::TaskGroup& inner) -> aio::Coroutine<> {
                    inner.create_task(failing("inner-fail", 0.25));
                    inner.create_task(job("inner-job", 1));
                    co_return;
                });
                print("never printed");
            });
        } catch (const aio::ExceptionGroup&) {
            print("caught", show(std::current_exception()), now());
        }
    }());
    const Lines expected{
        "start outer-job 0@2",
        "start inner-fail 0@2",
        "start inner-job 0@2",
        "raise inner-fail 0.25@4",
        "cancelled inner-job 0.25@6",
        "cancelled outer-job 0.25@9",
        "caught group(group(ValueError('inner-fail'))) 0.25@11",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("nested task groups: an inner group that succeeds lets the outer one go on") {
    constexpr const char* py = R"PY(
async def main():
    async with asyncio.TaskGroup() as outer:
        a = outer.create_task(job("outer-job", 0.75))
        async with asyncio.TaskGroup() as inner:
            b = inner.create_task(job("inner-job", 0.25))
        print("inner done", b.result(), now())
    print("outer done", a.result(), now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        aio::Task<std::string> a, b;
        co_await aio::task_group([&](aio::TaskGroup& outer) -> aio::Coroutine<> {
            a = outer.create_task(job("outer-job", 0.75));
            co_await aio::task_group([&](aio::TaskGroup& inner) -> aio::Coroutine<> {
                b = inner.create_task(job("inner-job", 0.25));
                co_return;
            });
            print("inner done", b.result(), now());
        });
        print("outer done", a.result(), now());
    }());
    const Lines expected{
        "start outer-job 0@2",         "start inner-job 0@2",  "end inner-job 0.25@4",
        "inner done inner-job 0.25@6", "end outer-job 0.75@8", "outer done outer-job 0.75@10",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a task group refuses new tasks before it is entered, while shutting down, and once finished") {
    constexpr const char* py = R"PY(
async def main():
    tg = asyncio.TaskGroup()
    try:
        tg.create_task(job("early", 0))
    except RuntimeError as e:
        print(e)
    try:
        async with tg:
            tg.create_task(failing("x", 0.25))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                try:
                    tg.create_task(job("late", 0))
                except RuntimeError as e:
                    print(e)
                raise
    except ExceptionGroup as eg:
        print("caught", show(eg), now())
    try:
        tg.create_task(job("after", 0))
    except RuntimeError as e:
        print(e)
    ok = asyncio.TaskGroup()
    async with ok:
        pass
    try:
        ok.create_task(job("after", 0))
    except RuntimeError as e:
        print(e)

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        aio::TaskGroup tg;
        try {
            tg.create_task(job("early", 0));
        } catch (const aio::RuntimeError& e) {
            print(e.what());
        }
        tg.enter();
        std::exception_ptr error;
        try {
            tg.create_task(failing("x", 0.25));
            try {
                co_await aio::sleep(1);
            } catch (const aio::CancelledError&) {
                try {
                    tg.create_task(job("late", 0));
                } catch (const aio::RuntimeError& e) {
                    print(e.what());
                }
                throw;
            }
        } catch (...) {
            error = std::current_exception();
        }
        try {
            co_await tg.exit(error);
        } catch (const aio::ExceptionGroup&) {
            print("caught", show(std::current_exception()), now());
        }
        try {
            tg.create_task(job("after", 0));
        } catch (const aio::RuntimeError& e) {
            print(e.what());
        }
        aio::TaskGroup ok;
        ok.enter();
        co_await ok.exit(nullptr);
        try {
            ok.create_task(job("after", 0));
        } catch (const aio::RuntimeError& e) {
            print(e.what());
        }
    }());
    const Lines expected{
        "TaskGroup <TaskGroup> has not been entered",
        "start x 0@2",
        "raise x 0.25@4",
        "TaskGroup <TaskGroup errors=1 cancelling> is shutting down",
        "caught group(ValueError('x')) 0.25@6",
        "TaskGroup <TaskGroup cancelling> is finished",
        "TaskGroup <TaskGroup entered> is finished",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
    CHECK(Probe::live == 0);
}

TEST_CASE("task_group returns what its block returns") {
    Program p;
    int total = p.L.run([]() -> aio::Coroutine<int> {
        co_return co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<int> {
            auto a = tg.create_task(job("a", 0.25));
            co_return int(co_await a == "a") + 41;
        });
    }());
    CHECK(total == 42);
}

TEST_CASE("a child task may add a sibling to its group while the group waits at the end") {
    constexpr const char* py = R"PY(
async def spawner(tg):
    await asyncio.sleep(0.25)
    tg.create_task(job("sibling", 0.25))
    print("spawned", now())

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg))
    print("group done", now())

loop.run_until_complete(main())
)PY";
    Program p;
    p.L.run([]() -> aio::Coroutine<> {
        co_await aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
            tg.create_task([](aio::TaskGroup& tg) -> aio::Coroutine<> {
                co_await aio::sleep(0.25);
                tg.create_task(job("sibling", 0.25));
                print("spawned", now());
            }(tg));
            co_return;
        });
        print("group done", now());
    }());
    const Lines expected{
        "spawned 0.25@4",
        "start sibling 0.25@5",
        "end sibling 0.5@7",
        "group done 0.5@9",
    };
    CHECK(g_out == expected);
    expect_cpython_prints(kPrelude + py, expected);
}

TEST_CASE("a loop closed while a task group waits frees the group and its tasks") {
    {
        Program p;
        auto t = aio::create_task(*p.L, aio::task_group([](aio::TaskGroup& tg) -> aio::Coroutine<> {
            tg.create_task(job("a", 1));
            tg.create_task(job("b", 2));
            co_return;
        }));
        p.L->run_once();
        p.L->run_once();
        CHECK(Probe::live == 2);
        p.L->close();
        CHECK(Probe::live == 0);
        CHECK(p.L.reports.size() == 3);  // the parent and both tasks were pending
    }
    CHECK(Probe::live == 0);
}
