// AsyncGenerator: Python's async generators in C++. Each ordering test quotes
// the Python program it mirrors; the expected lines are what CPython 3.11
// printed for it (on a virtual clock, so times are exact).

#include "support.hpp"

#include <iomanip>
#include <sstream>

#include "aio/async_generator.hpp"

using aio::AsyncGenerator;
using aio::Coroutine;
using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

namespace {

// Python's f"{x}" for the loop times used here (one or two decimals).
std::string t2(double x) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(2) << x;
    return os.str();
}

AsyncGenerator<int> ticks(int n, double delay) {
    for (int i = 0; i < n; ++i) {
        co_await aio::sleep(delay);
        co_yield i;
    }
}

// Counts live instances, to prove frames are freed.
struct Tracked {
    static inline int live = 0;
    Log* log;
    std::string name;
    Tracked(Log* l, std::string n) : log(l), name(std::move(n)) { ++live; }
    ~Tracked() {
        --live;
        if (log) (*log)(name + " destroyed");
    }
};

}  // namespace

// async def ticks(n): for i in range(n): await sleep(0.5); yield i
// async for i in ticks(3): print(i, loop.time())
TEST_CASE("anext returns each yielded value and nullopt at the end") {
    VirtualLoop L;
    std::vector<std::pair<int, double>> got;
    bool ended_twice = false;
    L.run([&]() -> Coroutine<> {
        auto gen = ticks(3, 0.5);
        while (auto i = co_await gen.anext()) got.emplace_back(*i, L->time());
        CHECK(gen.finished());
        ended_twice = !(co_await gen.anext());  // StopAsyncIteration again
    }());
    CHECK(got == std::vector<std::pair<int, double>>{{0, 0.5}, {1, 1.0}, {2, 1.5}});
    CHECK(ended_twice);
    CHECK(L->time() == 1.5);
}

TEST_CASE("the iterator form visits every value and reaches end()") {
    VirtualLoop L;
    std::vector<int> got;
    L.run([&]() -> Coroutine<> {
        auto gen = ticks(4, 0.25);
        for (auto it = co_await gen.begin(); it != gen.end(); co_await ++it) got.push_back(*it);
    }());
    CHECK(got == std::vector<int>{0, 1, 2, 3});
    CHECK(L->time() == 1.0);
}

TEST_CASE("a generator that yields nothing begins at end()") {
    VirtualLoop L;
    bool empty = false;
    L.run([&]() -> Coroutine<> {
        auto gen = ticks(0, 1);
        empty = (co_await gen.begin()) == gen.end();
    }());
    CHECK(empty);
    CHECK(L->time() == 0.0);
}

// async def gen(): print("g1"); yield 1; print("g2"); yield 2
// loop.call_soon(print, "cb"); ag = gen(); print(await anext(ag)); print(await anext(ag))
// await sleep(0); print("after sleep")
TEST_CASE("the body runs inline in the consuming task, without a loop iteration") {
    VirtualLoop L;
    Log log;
    std::uint64_t iterations = 99;
    auto gen = [&]() -> AsyncGenerator<int> {
        log("g1");
        co_yield 1;
        log("g2");
        co_yield 2;
    };
    L.run([&]() -> Coroutine<> {
        auto& lp = aio::get_running_loop();
        lp.call_soon([&] { log("cb"); });
        auto ag = gen();
        std::uint64_t before = lp.iteration();
        log(std::to_string(*co_await ag.anext()));
        log(std::to_string(*co_await ag.anext()));
        iterations = lp.iteration() - before;
        co_await aio::sleep(0);
        log("after sleep");
    }());
    CHECK(log.lines == Lines{"g1", "1", "g2", "2", "cb", "after sleep"});
    CHECK(iterations == 0);
}

// async def count(name, delay, n): for i in range(n): await sleep(delay); yield f"{name}{i}"
// async def consume(...): async for v in count(...): print(v, loop.time())
// a = create_task(consume("a", 0.2, 3)); b = create_task(consume("b", 0.25, 2)); await a; await b
TEST_CASE("generators consumed by two tasks interleave as in CPython") {
    VirtualLoop L;
    Log log;
    auto count = [](std::string name, double delay, int n) -> AsyncGenerator<std::string> {
        for (int i = 0; i < n; ++i) {
            co_await aio::sleep(delay);
            co_yield name + std::to_string(i);
        }
    };
    auto consume = [&](std::string name, double delay, int n) -> Coroutine<> {
        auto gen = count(name, delay, n);
        while (auto v = co_await gen.anext()) log(*v + " " + t2(L->time()));
    };
    L.run([&]() -> Coroutine<> {
        auto a = aio::create_task(consume("a", 0.2, 3));
        auto b = aio::create_task(consume("b", 0.25, 2));
        co_await a;
        co_await b;
    }());
    CHECK(log.lines == Lines{"a0 0.20", "b0 0.25", "a1 0.40", "b1 0.50", "a2 0.60"});
}

// async def echo():
//     received = yield "ready"
//     while True: received = yield f"got {received}"
// asend(None), asend(5), __anext__(), asend(7) -> ready, got 5, got None, got 7
TEST_CASE("asend delivers its value at the co_yield and anext delivers none") {
    VirtualLoop L;
    Log log;
    auto echo = []() -> AsyncGenerator<std::string, int> {
        std::optional<int> received = co_yield "ready";
        for (;;) {
            // (g++ 12 miscompiles a ?: of class type inside a co_yield operand:
            // it copies the temporary bitwise. Name the value first.)
            std::string reply = "got " + (received ? std::to_string(*received) : std::string("None"));
            received = co_yield std::move(reply);
        }
    };
    L.run([&]() -> Coroutine<> {
        auto ag = echo();
        log(*co_await ag.anext());
        log(*co_await ag.asend(5));
        log(*co_await ag.anext());
        log(*co_await ag.asend(7));
    }());
    CHECK(log.lines == Lines{"ready", "got 5", "got None", "got 7"});
}

TEST_CASE("asend to a generator that has not started raises RuntimeError") {
    VirtualLoop L;
    std::string error;
    bool body_ran = false;
    auto echo = [&]() -> AsyncGenerator<int, int> {
        body_ran = true;
        co_yield 1;
    };
    L.run([&]() -> Coroutine<> {
        auto ag = echo();
        try {
            co_await ag.asend(5);
        } catch (const aio::RuntimeError& e) {
            error = e.what();
        }
        CHECK(*co_await ag.anext() == 1);  // still usable: it never started
    }());
    CHECK(error == "can't send non-None value to a just-started async generator");
    CHECK(body_ran);
}

// async def g(): n = 0; while True: try: n += 1; yield n  except ValueError as e: print("caught", e)
// anext -> 1; athrow(ValueError("bad")) -> caught bad, 2; anext -> 3
TEST_CASE("athrow raises at the co_yield and returns the next yielded value") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        int n = 0;
        for (;;) {
            try {
                ++n;
                co_yield n;
            } catch (const aio::ValueError& e) {
                log(std::string("caught ") + e.what());
            }
        }
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        log(std::to_string(*co_await ag.anext()));
        log(std::to_string(*co_await ag.athrow(aio::ValueError("bad"))));
        log(std::to_string(*co_await ag.anext()));
    }());
    CHECK(log.lines == Lines{"1", "caught bad", "2", "3"});
}

TEST_CASE("athrow on a generator that never started raises at once and finishes it") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        log("body");
        co_yield 1;
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        try {
            co_await ag.athrow(aio::ValueError("x"));
        } catch (const aio::ValueError& e) {
            log(std::string("ValueError ") + e.what());
        }
        CHECK(ag.finished());
        if (!co_await ag.anext()) log("StopAsyncIteration");
    }());
    CHECK(log.lines == Lines{"ValueError x", "StopAsyncIteration"});
}

TEST_CASE("athrow and aclose on a finished generator do nothing") {
    VirtualLoop L;
    bool athrow_empty = false;
    L.run([&]() -> Coroutine<> {
        auto ag = ticks(1, 0);
        while (co_await ag.anext()) {}
        athrow_empty = !(co_await ag.athrow(aio::ValueError("y")));  // CPython 3.11 returns None
        co_await ag.aclose();
    }());
    CHECK(athrow_empty);
}

// async def g(): yield 1; await sleep(0.1); raise KeyError("k")
TEST_CASE("an exception from the body reaches the consumer and finishes the generator") {
    VirtualLoop L;
    Log log;
    auto g = []() -> AsyncGenerator<int> {
        co_yield 1;
        co_await aio::sleep(0.1);
        throw std::out_of_range("k");
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        log(std::to_string(*co_await ag.anext()));
        try {
            co_await ag.anext();
        } catch (const std::out_of_range& e) {
            log(std::string("out_of_range ") + e.what());
        }
        if (!co_await ag.anext()) log("StopAsyncIteration");
    }());
    CHECK(log.lines == Lines{"1", "out_of_range k", "StopAsyncIteration"});
    CHECK(L->time() == 0.1);
}

// async def g():
//     try: yield 1; yield 2
//     finally: print("cleanup at", t); await sleep(1); print("cleaned at", t)
// anext -> 1; aclose() -> None at 1.0; anext -> StopAsyncIteration
TEST_CASE("aclose runs the generator's cleanup, which may await") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        std::exception_ptr error;
        try {
            co_yield 1;
            co_yield 2;
        } catch (...) {
            error = std::current_exception();
        }
        log("cleanup at " + t2(L->time()));
        co_await aio::sleep(1);
        log("cleaned at " + t2(L->time()));
        if (error) std::rethrow_exception(error);
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        log(std::to_string(*co_await ag.anext()));
        co_await ag.aclose();
        log("aclose returned at " + t2(L->time()));
        if (!co_await ag.anext()) log("StopAsyncIteration");
    }());
    CHECK(log.lines ==
          Lines{"1", "cleanup at 0.00", "cleaned at 1.00", "aclose returned at 1.00", "StopAsyncIteration"});
}

TEST_CASE("GeneratorExit passes a catch of std::exception in the body") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        try {
            co_yield 1;
        } catch (const std::exception&) {
            log("caught as std::exception");  // must not happen: GeneratorExit is not an Exception
        }
        log("after try");  // not reached either
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        co_await ag.anext();
        co_await ag.aclose();
        log("closed");
    }());
    CHECK(log.lines == Lines{"closed"});
}

TEST_CASE("aclose on a generator that never started runs nothing") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        log("body");
        co_yield 1;
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        co_await ag.aclose();
        if (!co_await ag.anext()) log("StopAsyncIteration");
    }());
    CHECK(log.lines == Lines{"StopAsyncIteration"});
}

// async def ignore(): while True: try: yield 1  except GeneratorExit: print("ignoring")
TEST_CASE("aclose raises RuntimeError when the generator yields instead of closing") {
    VirtualLoop L;
    Log log;
    auto ignore = [&]() -> AsyncGenerator<int> {
        for (;;) {
            try {
                co_yield 1;
            } catch (const aio::GeneratorExit&) {
                log("ignoring");
            }
        }
    };
    L.run([&]() -> Coroutine<> {
        auto ag = ignore();
        co_await ag.anext();
        try {
            co_await ag.aclose();
        } catch (const aio::RuntimeError& e) {
            log(e.what());
        }
    }());
    CHECK(log.lines == Lines{"ignoring", "async generator ignored GeneratorExit"});
}

TEST_CASE("an exception other than GeneratorExit escapes aclose") {
    VirtualLoop L;
    std::string error;
    auto g = []() -> AsyncGenerator<int> {
        std::exception_ptr closing;
        try {
            co_yield 1;
        } catch (...) {
            closing = std::current_exception();
        }
        co_await aio::sleep(0.5);
        throw aio::ValueError("cleanup failed");
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        co_await ag.anext();
        try {
            co_await ag.aclose();
        } catch (const aio::ValueError& e) {
            error = e.what();
        }
        CHECK(ag.finished());
    }());
    CHECK(error == "cleanup failed");
    CHECK(L->time() == 0.5);
}

// ag suspended in sleep(1) inside task t; main then calls anext/asend/athrow/aclose.
TEST_CASE("driving a generator that is running in another task raises RuntimeError") {
    VirtualLoop L;
    Lines errors;
    std::optional<int> second;
    auto slow = []() -> AsyncGenerator<int, int> {
        co_yield 1;
        co_await aio::sleep(1);
        co_yield 2;
    };
    L.run([&]() -> Coroutine<> {
        auto ag = slow();
        co_await ag.anext();
        auto other = [&]() -> Coroutine<> { second = co_await ag.anext(); };
        auto t = aio::create_task(other());
        co_await aio::sleep(0);
        CHECK(ag.running());
        auto attempt = [&](auto awaitable) -> Coroutine<> {
            try {
                co_await std::move(awaitable);
            } catch (const aio::RuntimeError& e) {
                errors.push_back(e.what());
            }
        };
        co_await attempt(ag.anext());
        co_await attempt(ag.asend(3));
        co_await attempt(ag.athrow(aio::ValueError("v")));
        co_await attempt(ag.aclose());
        co_await t;
    }());
    CHECK(errors == Lines{"anext(): asynchronous generator is already running",
                          "anext(): asynchronous generator is already running",
                          "athrow(): asynchronous generator is already running",
                          "aclose(): asynchronous generator is already running"});
    CHECK(second == 2);
    CHECK(L->time() == 1.0);
}

// async def g():
//     try: while True: await sleep(1); yield t
//     except CancelledError: print("gen cancelled at", t); raise
//     finally: print("gen finally")
// consumer: async for t in g(): print("tick", t); main: sleep(2.5), cancel, await
TEST_CASE("cancelling the consuming task raises CancelledError at the generator's await") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<double> {
        struct Finally {
            Log& log;
            ~Finally() { log("gen finally"); }
        } fin{log};
        try {
            for (;;) {
                co_await aio::sleep(1);
                co_yield L->time();
            }
        } catch (const aio::CancelledError&) {
            log("gen cancelled at " + t2(L->time()));
            throw;
        }
    };
    auto consumer = [&]() -> Coroutine<> {
        auto gen = g();
        while (auto t = co_await gen.anext()) log("tick " + t2(*t));
    };
    L.run([&]() -> Coroutine<> {
        auto t = aio::create_task(consumer());
        co_await aio::sleep(2.5);
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
            log(std::string("consumer cancelled ") + (t.cancelled() ? "True " : "False ") + t2(L->time()));
        }
    }());
    CHECK(log.lines ==
          Lines{"tick 1.00", "tick 2.00", "gen cancelled at 2.50", "gen finally", "consumer cancelled True 2.50"});
}

// async def inner(): for i in range(2): await sleep(0.1); yield i
// async def helper(x): await sleep(0.1); return x * 10
// async def outer(): async for i in inner(): yield await helper(i)
// async for v in outer(): print(v, t)  -> 0 at 0.2, 10 at 0.4
TEST_CASE("a generator can consume another generator and await coroutines") {
    VirtualLoop L;
    Log log;
    auto inner = []() -> AsyncGenerator<int> {
        for (int i = 0; i < 2; ++i) {
            co_await aio::sleep(0.1);
            co_yield i;
        }
    };
    auto helper = [](int x) -> Coroutine<int> {
        co_await aio::sleep(0.1);
        co_return x * 10;
    };
    auto outer = [&]() -> AsyncGenerator<int> {
        auto in = inner();
        for (auto it = co_await in.begin(); it != in.end(); co_await ++it) co_yield co_await helper(*it);
    };
    L.run([&]() -> Coroutine<> {
        auto gen = outer();
        while (auto v = co_await gen.anext()) log(std::to_string(*v) + " " + t2(L->time()));
    }());
    CHECK(log.lines == Lines{"0 0.20", "10 0.40"});
}

// ag = g(); main: anext -> 0; task other: anext twice -> 1, 2; main: anext -> 3
TEST_CASE("one generator can be consumed by different tasks in turn") {
    VirtualLoop L;
    Log log;
    L.run([&]() -> Coroutine<> {
        auto ag = ticks(4, 0.1);
        log("main " + std::to_string(*co_await ag.anext()));
        auto other = [&]() -> Coroutine<> {
            log("other " + std::to_string(*co_await ag.anext()));
            log("other " + std::to_string(*co_await ag.anext()));
        };
        co_await aio::create_task(other());
        log("main " + std::to_string(*co_await ag.anext()));
    }());
    CHECK(log.lines == Lines{"main 0", "other 1", "other 2", "main 3"});
    CHECK(L->time() == doctest::Approx(0.4));
}

TEST_CASE("yielded values are moved out, not copied") {
    VirtualLoop L;
    std::vector<std::unique_ptr<int>> got;
    auto g = []() -> AsyncGenerator<std::unique_ptr<int>> {
        co_yield std::make_unique<int>(1);
        auto p = std::make_unique<int>(2);
        co_yield std::move(p);
    };
    L.run([&]() -> Coroutine<> {
        auto ag = g();
        while (auto p = co_await ag.anext()) got.push_back(std::move(*p));
    }());
    REQUIRE(got.size() == 2);
    CHECK(*got[0] == 1);
    CHECK(*got[1] == 2);
}

TEST_CASE("destroying a suspended generator frees its frame and its locals") {
    VirtualLoop L;
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        Tracked local(&log, "local");
        co_yield 1;
        log("not reached");
        co_yield 2;
    };
    L.run([&]() -> Coroutine<> {
        {
            auto ag = g();
            co_await ag.anext();
            CHECK(Tracked::live == 1);
        }
        log("after scope");
    }());
    CHECK(Tracked::live == 0);
    CHECK(log.lines == Lines{"local destroyed", "after scope"});
}

TEST_CASE("a generator abandoned mid-await by a closed loop is freed") {
    Log log;
    auto g = [&]() -> AsyncGenerator<int> {
        Tracked local(&log, "local");
        co_await aio::sleep(10);  // the loop closes during this sleep
        co_yield 1;
    };
    auto gen = g();
    {
        VirtualLoop L;
        auto consumer = [&]() -> Coroutine<> { co_await gen.anext(); };
        auto t = aio::create_task(*L, consumer());
        L->run_once();
        CHECK(gen.running());
        L->close();  // frees the pending task, whose await frees the body
        CHECK(L.reports.size() == 1);
    }
    CHECK(Tracked::live == 0);
    CHECK(log.lines == Lines{"local destroyed"});
    CHECK(gen.finished());
}

TEST_CASE("a moved-from generator cannot be iterated") {
    VirtualLoop L;
    std::string error;
    L.run([&]() -> Coroutine<> {
        auto ag = ticks(1, 0);
        auto taken = std::move(ag);
        try {
            co_await ag.anext();
        } catch (const aio::RuntimeError& e) {
            error = e.what();
        }
        CHECK(*co_await taken.anext() == 0);
    }());
    CHECK(error == "cannot iterate an empty AsyncGenerator");
}
