// asyncio.Queue, PriorityQueue, LifoQueue: ordering, blocking, re-waits,
// cancellation, task_done/join, 3.13 shutdown, lifetime.

#include "support.hpp"

using aio::Coroutine;
using aio_test::expect_cpython_prints;
using aio_test::joined;
using aio_test::Log;
using aio_test::VirtualLoop;
using Lines = std::vector<std::string>;

#include <cstdio>
#include <optional>

namespace {

std::string py_bool(bool b) { return b ? "True" : "False"; }

Coroutine<void> ticker(Log& log, int n) {
    for (int i = 0; i < n; ++i) {
        log("tick " + std::to_string(i));
        co_await aio::sleep(0);
    }
}

// [SECTION] Producers and consumers

constexpr const char* kProdConsPy = R"PY(
import asyncio

async def producer(q, name, items):
    for i in items:
        print(f"{name} puts {i} (qsize {q.qsize()}, full {q.full()})")
        await q.put(i)
        print(f"{name} put {i}")
    print(f"{name} done")

async def consumer(q, name):
    while True:
        item = await q.get()
        print(f"{name} got {item} (qsize {q.qsize()})")
        await asyncio.sleep(0.5 if name == "c1" else 0.35)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(q, n)) for n in ("c1", "c2")]
    producers = [asyncio.create_task(producer(q, "p1", range(4))),
                 asyncio.create_task(producer(q, "p2", range(10, 13)))]
    for p in producers:
        await p
    print("producers done")
    await q.join()
    print(f"joined at {asyncio.get_running_loop().time() - t0:.1f}")
    for c in consumers:
        c.cancel()
    for c in consumers:
        try:
            await c
        except asyncio.CancelledError:
            pass
    print(f"qsize {q.qsize()}, empty {q.empty()}")

async def run():
    global t0
    t0 = asyncio.get_running_loop().time()
    await main()

# A virtual clock, as the C++ side uses: real sleeps drift on a loaded
# machine ("joined at 1.6").
class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self.now = 0.0
    def time(self):
        return self.now
    def _run_once(self):
        if not self._ready:
            live = [h._when for h in self._scheduled if not h._cancelled]
            if live:
                self.now = max(self.now, min(live))
        super()._run_once()

loop = VirtualLoop()
loop.run_until_complete(run())
loop.close()
)PY";

Coroutine<void> producer(Log& log, aio::Queue<int>& q, std::string name, std::vector<int> items) {
    for (int i : items) {
        log(name + " puts " + std::to_string(i) + " (qsize " + std::to_string(q.qsize()) + ", full " +
            py_bool(q.full()) + ")");
        co_await q.put(i);
        log(name + " put " + std::to_string(i));
    }
    log(name + " done");
}

Coroutine<void> consumer(Log& log, aio::Queue<int>& q, std::string name) {
    for (;;) {
        int item = co_await q.get();
        log(name + " got " + std::to_string(item) + " (qsize " + std::to_string(q.qsize()) + ")");
        co_await aio::sleep(name == "c1" ? 0.5 : 0.35);
        q.task_done();
    }
}

Coroutine<void> prodcons_main(Log& log) {
    aio::Queue<int> q(2);
    std::vector<aio::Task<>> consumers, producers;
    for (const char* n : {"c1", "c2"}) consumers.push_back(aio::create_task(consumer(log, q, n)));
    producers.push_back(aio::create_task(producer(log, q, "p1", {0, 1, 2, 3})));
    producers.push_back(aio::create_task(producer(log, q, "p2", {10, 11, 12})));
    for (auto& p : producers) co_await p;
    log("producers done");
    co_await q.join();
    char when[32];
    std::snprintf(when, sizeof when, "%.1f", aio::get_running_loop().time());
    log(std::string("joined at ") + when);
    for (auto& c : consumers) c.cancel();
    for (auto& c : consumers) {
        try {
            co_await c;
        } catch (const aio::CancelledError&) {}
    }
    log("qsize " + std::to_string(q.qsize()) + ", empty " + py_bool(q.empty()));
    CHECK(q.getter_count() == 0);
    CHECK(q.putter_count() == 0);
}

}  // namespace

TEST_CASE("producers and consumers on a bounded Queue interleave exactly as in CPython") {
    const Lines expected{"p1 puts 0 (qsize 0, full False)",
                         "p1 put 0",
                         "p1 puts 1 (qsize 1, full False)",
                         "p1 put 1",
                         "p1 puts 2 (qsize 2, full True)",
                         "p2 puts 10 (qsize 2, full True)",
                         "c1 got 0 (qsize 1)",
                         "c2 got 1 (qsize 0)",
                         "p1 put 2",
                         "p1 puts 3 (qsize 1, full False)",
                         "p1 put 3",
                         "p1 done",
                         "c2 got 2 (qsize 1)",
                         "p2 put 10",
                         "p2 puts 11 (qsize 2, full True)",
                         "c1 got 3 (qsize 1)",
                         "p2 put 11",
                         "p2 puts 12 (qsize 2, full True)",
                         "c2 got 10 (qsize 1)",
                         "p2 put 12",
                         "p2 done",
                         "producers done",
                         "c1 got 11 (qsize 1)",
                         "c2 got 12 (qsize 0)",
                         "joined at 1.5",
                         "qsize 0, empty True"};
    expect_cpython_prints(kProdConsPy, expected);
    VirtualLoop L;
    Log log;
    L.run(prodcons_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] Woken, but the item is gone: wait again at the back

namespace {

constexpr const char* kRewaitGetPy = R"PY(
import asyncio

async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)

async def consumer(q, name):
    print(f"{name} waits")
    item = await q.get()
    print(f"{name} got {item}")

async def main():
    q = asyncio.Queue()
    a = asyncio.create_task(consumer(q, "a"))
    b = asyncio.create_task(consumer(q, "b"))
    await asyncio.sleep(0)
    t = asyncio.create_task(ticker(4))
    q.put_nowait(1)                        # wakes a ...
    print(f"main takes {q.get_nowait()}")  # ... but takes the item first
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"getters {len(q._getters)}")    # a waits again, behind b
    q.put_nowait(2)                        # wakes b
    q.put_nowait(3)                        # wakes a
    await a
    await b
    await t

asyncio.run(main())
)PY";

Coroutine<void> one_get(Log& log, aio::Queue<int>& q, std::string name) {
    log(name + " waits");
    int item = co_await q.get();
    log(name + " got " + std::to_string(item));
}

Coroutine<void> rewait_get_main(Log& log) {
    aio::Queue<int> q;
    auto a = aio::create_task(one_get(log, q, "a"));
    auto b = aio::create_task(one_get(log, q, "b"));
    co_await aio::sleep(0);
    auto t = aio::create_task(ticker(log, 4));
    q.put_nowait(1);
    log("main takes " + std::to_string(q.get_nowait()));
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    log("getters " + std::to_string(q.getter_count()));
    q.put_nowait(2);
    q.put_nowait(3);
    co_await a;
    co_await b;
    co_await t;
}

constexpr const char* kRewaitPutPy = R"PY(
import asyncio

async def producer(q, name, item):
    print(f"{name} puts {item}")
    await q.put(item)
    print(f"{name} put {item}")

async def main():
    q = asyncio.Queue(1)
    q.put_nowait(0)
    p = asyncio.create_task(producer(q, "p", 1))
    r = asyncio.create_task(producer(q, "r", 2))
    await asyncio.sleep(0)
    print(f"main takes {q.get_nowait()}")  # wakes p ...
    q.put_nowait(9)                        # ... but fills the slot first
    await asyncio.sleep(0)
    print(f"putters {len(q._putters)}")    # p waits again, behind r
    for _ in range(3):
        print(f"main takes {await q.get()}")
        await asyncio.sleep(0)
    await p
    await r

asyncio.run(main())
)PY";

Coroutine<void> one_put(Log& log, aio::Queue<int>& q, std::string name, int item) {
    log(name + " puts " + std::to_string(item));
    co_await q.put(item);
    log(name + " put " + std::to_string(item));
}

Coroutine<void> rewait_put_main(Log& log) {
    aio::Queue<int> q(1);
    q.put_nowait(0);
    auto p = aio::create_task(one_put(log, q, "p", 1));
    auto r = aio::create_task(one_put(log, q, "r", 2));
    co_await aio::sleep(0);
    log("main takes " + std::to_string(q.get_nowait()));
    q.put_nowait(9);
    co_await aio::sleep(0);
    log("putters " + std::to_string(q.putter_count()));
    for (int i = 0; i < 3; ++i) {
        int item = co_await q.get();
        log("main takes " + std::to_string(item));
        co_await aio::sleep(0);
    }
    co_await p;
    co_await r;
}

}  // namespace

TEST_CASE("a getter woken after another task took the item waits again behind later getters") {
    const Lines expected{"a waits",   "b waits", "main takes 1", "tick 0",  "tick 1",
                         "getters 2", "tick 2",  "b got 2",      "a got 3", "tick 3"};
    expect_cpython_prints(kRewaitGetPy, expected);
    VirtualLoop L;
    Log log;
    L.run(rewait_get_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("the observer sees a re-waiting getter take one more step, suspended on Queue.get again") {
    VirtualLoop L;
    aio_test::Recorder rec;
    L->set_observer(&rec);
    auto body = []() -> Coroutine<void> {
        aio::Queue<int> q;
        auto a = aio::create_task([](aio::Queue<int>& q) -> Coroutine<int> { co_return co_await q.get(); }(q), "a");
        co_await aio::sleep(0);
        q.put_nowait(1);
        (void)q.get_nowait();  // a will find the queue empty
        co_await aio::sleep(0);
        co_await aio::sleep(0);
        q.put_nowait(2);
        CHECK(co_await a == 2);
    };
    L.run(body());
    L->set_observer(nullptr);
    std::vector<std::string> seen;
    for (auto& i : rec.items) {
        if (i.task != "a") continue;
        if (i.kind == aio::LoopEventKind::task_step) seen.push_back("step");
        if (i.kind == aio::LoopEventKind::task_suspended) seen.push_back("suspended on " + i.what);
        if (i.kind == aio::LoopEventKind::task_done) seen.push_back("done");
    }
    // asyncio: three Task.__step calls — wait, re-check and wait again, take the item.
    CHECK(joined(seen) == joined({"step", "suspended on Queue.get", "step", "suspended on Queue.get", "step", "done"}));
}

TEST_CASE("a putter woken after another task filled the slot waits again behind later putters") {
    const Lines expected{"p puts 1", "r puts 2",     "main takes 0", "putters 2",   "main takes 9",
                         "r put 2",  "main takes 2", "p put 1",      "main takes 1"};
    expect_cpython_prints(kRewaitPutPy, expected);
    VirtualLoop L;
    Log log;
    L.run(rewait_put_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] Cancellation

namespace {

constexpr const char* kCancelPy = R"PY(
import asyncio

async def consumer(q, name):
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print(f"{name} cancelled (qsize {q.qsize()})")
        raise
    print(f"{name} got {item}")

async def producer(q, name, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        print(f"{name} cancelled (qsize {q.qsize()})")
        raise
    print(f"{name} put {item}")

async def main():
    q = asyncio.Queue()
    a = asyncio.create_task(consumer(q, "a"))
    b = asyncio.create_task(consumer(q, "b"))
    c = asyncio.create_task(consumer(q, "c"))
    await asyncio.sleep(0)
    c.cancel()            # pending getter: just leaves
    q.put_nowait("x")     # wakes a
    a.cancel()            # woken, not yet run: hands the wake-up to b
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"qsize {q.qsize()}, getters {len(q._getters)}")

    q = asyncio.Queue(1)
    q.put_nowait("full")
    p = asyncio.create_task(producer(q, "p", 1))
    r = asyncio.create_task(producer(q, "r", 2))
    await asyncio.sleep(0)
    print(f"main takes {q.get_nowait()}")  # wakes p
    p.cancel()                              # p hands its turn to r
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"qsize {q.qsize()}, putters {len(q._putters)}, item {q.get_nowait()}")
    for t in (a, b, c, p, r):
        print("cancelled" if t.cancelled() else "done")

asyncio.run(main())
)PY";

Coroutine<void> cancel_consumer(Log& log, aio::Queue<std::string>& q, std::string name) {
    std::string item;
    try {
        item = co_await q.get();
    } catch (const aio::CancelledError&) {
        log(name + " cancelled (qsize " + std::to_string(q.qsize()) + ")");
        throw;
    }
    log(name + " got " + item);
}

Coroutine<void> cancel_producer(Log& log, aio::Queue<std::string>& q, std::string name, std::string item) {
    try {
        co_await q.put(item);
    } catch (const aio::CancelledError&) {
        log(name + " cancelled (qsize " + std::to_string(q.qsize()) + ")");
        throw;
    }
    log(name + " put " + item);
}

Coroutine<void> cancel_main(Log& log) {
    aio::Queue<std::string> q;
    auto a = aio::create_task(cancel_consumer(log, q, "a"));
    auto b = aio::create_task(cancel_consumer(log, q, "b"));
    auto c = aio::create_task(cancel_consumer(log, q, "c"));
    co_await aio::sleep(0);
    c.cancel();
    q.put_nowait("x");
    a.cancel();
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    log("qsize " + std::to_string(q.qsize()) + ", getters " + std::to_string(q.getter_count()));

    aio::Queue<std::string> q2(1);
    q2.put_nowait("full");
    auto p = aio::create_task(cancel_producer(log, q2, "p", "1"));
    auto r = aio::create_task(cancel_producer(log, q2, "r", "2"));
    co_await aio::sleep(0);
    log("main takes " + q2.get_nowait());
    p.cancel();
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    std::string sizes = "qsize " + std::to_string(q2.qsize()) + ", putters " + std::to_string(q2.putter_count());
    log(sizes + ", item " + q2.get_nowait());  // in that order, as Python's f-string
    for (auto* t : {&a, &b, &c, &p, &r}) log(t->cancelled() ? "cancelled" : "done");
}

}  // namespace

TEST_CASE("a cancelled getter or putter leaves the queue consistent and passes on its wake-up") {
    const Lines expected{"c cancelled (qsize 1)",
                         "a cancelled (qsize 1)",
                         "b got x",
                         "qsize 0, getters 0",
                         "main takes full",
                         "p cancelled (qsize 0)",
                         "r put 2",
                         "qsize 1, putters 0, item 2",
                         "cancelled",
                         "done",
                         "cancelled",
                         "cancelled",
                         "done"};
    expect_cpython_prints(kCancelPy, expected);
    VirtualLoop L;
    Log log;
    L.run(cancel_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] shutdown (asyncio 3.13)

namespace {

constexpr const char* kShutdownPy = R"PY(
import asyncio
import sys

if sys.version_info >= (3, 13):
    Queue, QueueShutDown = asyncio.Queue, asyncio.QueueShutDown
else:
    # CPython 3.11 has no Queue.shutdown: this subclass carries 3.13's
    # put/get/shutdown logic so that CPython itself computes the expectation.
    class QueueShutDown(Exception):
        pass

    class Queue(asyncio.Queue):
        _is_shutdown = False

        async def put(self, item):
            while self.full():
                if self._is_shutdown:
                    raise QueueShutDown
                putter = self._get_loop().create_future()
                self._putters.append(putter)
                try:
                    await putter
                except:
                    putter.cancel()
                    try:
                        self._putters.remove(putter)
                    except ValueError:
                        pass
                    if not self.full() and not putter.cancelled():
                        self._wakeup_next(self._putters)
                    raise
            return self.put_nowait(item)

        def put_nowait(self, item):
            if self._is_shutdown:
                raise QueueShutDown
            return super().put_nowait(item)

        async def get(self):
            while self.empty():
                if self._is_shutdown and self.empty():
                    raise QueueShutDown
                getter = self._get_loop().create_future()
                self._getters.append(getter)
                try:
                    await getter
                except:
                    getter.cancel()
                    try:
                        self._getters.remove(getter)
                    except ValueError:
                        pass
                    if not self.empty() and not getter.cancelled():
                        self._wakeup_next(self._getters)
                    raise
            return self.get_nowait()

        def get_nowait(self):
            if self.empty() and self._is_shutdown:
                raise QueueShutDown
            return super().get_nowait()

        def shutdown(self, immediate=False):
            self._is_shutdown = True
            if immediate:
                while not self.empty():
                    self._get()
                    if self._unfinished_tasks > 0:
                        self._unfinished_tasks -= 1
                if self._unfinished_tasks == 0:
                    self._finished.set()
            while self._getters:
                getter = self._getters.popleft()
                if not getter.done():
                    getter.set_result(None)
            while self._putters:
                putter = self._putters.popleft()
                if not putter.done():
                    putter.set_result(None)

async def producer(q, name, item):
    try:
        await q.put(item)
        print(f"{name} put {item}")
    except QueueShutDown:
        print(f"{name}: QueueShutDown")

async def consumer(q, name):
    try:
        print(f"{name} got {await q.get()}")
    except QueueShutDown:
        print(f"{name}: QueueShutDown")

async def joiner(q, name):
    await q.join()
    print(f"{name} joined")

async def main():
    q = Queue(2)
    q.put_nowait(1)
    q.put_nowait(2)
    p = asyncio.create_task(producer(q, "p", 3))
    j = asyncio.create_task(joiner(q, "j"))
    await asyncio.sleep(0)
    q.shutdown()
    print("shut down")
    try:
        q.put_nowait(4)
    except QueueShutDown:
        print("put_nowait: QueueShutDown")
    await p
    await consumer(q, "main")
    await consumer(q, "main")
    await consumer(q, "main")
    q.task_done()
    q.task_done()
    await j

    q = Queue()
    g = [asyncio.create_task(consumer(q, n)) for n in ("g1", "g2")]
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    for t in g:
        await t

    q = Queue()
    for i in range(3):
        q.put_nowait(i)
    print(f"got {q.get_nowait()}")
    j = asyncio.create_task(joiner(q, "j2"))
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    print(f"immediate: qsize {q.qsize()}")
    await asyncio.sleep(0)
    print(f"j2 done {j.done()}")  # the item taken before shutdown is unfinished
    q.task_done()
    await j
    try:
        q.task_done()
    except ValueError as e:
        print(f"ValueError: {e}")
    try:
        q.get_nowait()
    except QueueShutDown:
        print("get_nowait: QueueShutDown")

asyncio.run(main())
)PY";

Coroutine<void> sd_producer(Log& log, aio::Queue<int>& q, std::string name, int item) {
    try {
        co_await q.put(item);
        log(name + " put " + std::to_string(item));
    } catch (const aio::QueueShutDown&) {
        log(name + ": QueueShutDown");
    }
}

Coroutine<void> sd_consumer(Log& log, aio::Queue<int>& q, std::string name) {
    try {
        int item = co_await q.get();
        log(name + " got " + std::to_string(item));
    } catch (const aio::QueueShutDown&) {
        log(name + ": QueueShutDown");
    }
}

Coroutine<void> sd_joiner(Log& log, aio::Queue<int>& q, std::string name) {
    co_await q.join();
    log(name + " joined");
}

Coroutine<void> shutdown_main(Log& log) {
    {
        aio::Queue<int> q(2);
        q.put_nowait(1);
        q.put_nowait(2);
        auto p = aio::create_task(sd_producer(log, q, "p", 3));
        auto j = aio::create_task(sd_joiner(log, q, "j"));
        co_await aio::sleep(0);
        q.shutdown();
        log("shut down");
        try {
            q.put_nowait(4);
        } catch (const aio::QueueShutDown&) {
            log("put_nowait: QueueShutDown");
        }
        co_await p;
        co_await sd_consumer(log, q, "main");
        co_await sd_consumer(log, q, "main");
        co_await sd_consumer(log, q, "main");
        q.task_done();
        q.task_done();
        co_await j;
    }
    {
        aio::Queue<int> q;
        std::vector<aio::Task<>> g;
        for (const char* n : {"g1", "g2"}) g.push_back(aio::create_task(sd_consumer(log, q, n)));
        co_await aio::sleep(0);
        q.shutdown(true);
        for (auto& t : g) co_await t;
    }
    {
        aio::Queue<int> q;
        for (int i = 0; i < 3; ++i) q.put_nowait(i);
        log("got " + std::to_string(q.get_nowait()));
        auto j = aio::create_task(sd_joiner(log, q, "j2"));
        co_await aio::sleep(0);
        q.shutdown(true);
        log("immediate: qsize " + std::to_string(q.qsize()));
        co_await aio::sleep(0);
        log("j2 done " + py_bool(j.done()));
        q.task_done();
        co_await j;
        try {
            q.task_done();
        } catch (const aio::ValueError& e) {
            log(std::string("ValueError: ") + e.what());
        }
        try {
            q.get_nowait();
        } catch (const aio::QueueShutDown&) {
            log("get_nowait: QueueShutDown");
        }
    }
}

}  // namespace

TEST_CASE("Queue.shutdown fails puts, lets gets drain, and immediate drops the items and frees join") {
    const Lines expected{"shut down",
                         "put_nowait: QueueShutDown",
                         "p: QueueShutDown",
                         "main got 1",
                         "main got 2",
                         "main: QueueShutDown",
                         "j joined",
                         "g1: QueueShutDown",
                         "g2: QueueShutDown",
                         "got 0",
                         "immediate: qsize 0",
                         "j2 done False",
                         "j2 joined",
                         "ValueError: task_done() called too many times",
                         "get_nowait: QueueShutDown"};
    expect_cpython_prints(kShutdownPy, expected);
    VirtualLoop L;
    Log log;
    L.run(shutdown_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

// [SECTION] PriorityQueue and LifoQueue

namespace {

constexpr const char* kPriorityPy = R"PY(
import asyncio
from dataclasses import dataclass, field

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)

async def main():
    pq = asyncio.PriorityQueue()
    for p, n in [(3, "c"), (1, "a1"), (2, "b1"), (1, "a2"), (2, "b2"), (1, "a3"),
                 (0, "z"), (2, "b3"), (1, "a4"), (3, "c2")]:
        pq.put_nowait(Job(p, n))
    print("priority:", " ".join(f"{j.priority}{j.name}" for j in [pq.get_nowait() for _ in range(5)]))
    for p, n in [(1, "a5"), (0, "y"), (2, "b4")]:
        await pq.put(Job(p, n))
    out = []
    while not pq.empty():
        j = await pq.get()
        out.append(f"{j.priority}{j.name}")
    print("priority:", " ".join(out))

    tq = asyncio.PriorityQueue()
    for t in [(2, "b"), (1, "z"), (1, "a"), (3, "a")]:
        tq.put_nowait(t)
    print("tuples:", [tq.get_nowait() for _ in range(4)])

    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    print(f"lifo full {lq.full()}:", [await lq.get() for _ in range(3)])

asyncio.run(main())
)PY";

// Python's @dataclass(order=True) with the name excluded from comparison.
struct Job {
    int priority;
    std::string name;
    friend bool operator<(const Job& a, const Job& b) { return a.priority < b.priority; }
};

std::string show(const Job& j) { return std::to_string(j.priority) + j.name; }

Coroutine<void> priority_main(Log& log) {
    aio::PriorityQueue<Job> pq;
    std::vector<Job> jobs{{3, "c"},  {1, "a1"}, {2, "b1"}, {1, "a2"}, {2, "b2"},
                          {1, "a3"}, {0, "z"},  {2, "b3"}, {1, "a4"}, {3, "c2"}};
    for (auto& j : jobs) pq.put_nowait(j);
    std::string line = "priority:";
    for (int i = 0; i < 5; ++i) line += " " + show(pq.get_nowait());
    log(line);
    for (Job j : {Job{1, "a5"}, Job{0, "y"}, Job{2, "b4"}}) co_await pq.put(j);
    line = "priority:";
    while (!pq.empty()) line += " " + show(co_await pq.get());
    log(line);

    aio::PriorityQueue<std::pair<int, std::string>> tq;
    for (auto t : {std::pair<int, std::string>{2, "b"}, {1, "z"}, {1, "a"}, {3, "a"}}) tq.put_nowait(t);
    line = "tuples: [";
    for (int i = 0; i < 4; ++i) {
        auto [p, s] = tq.get_nowait();
        line += std::string(i ? ", " : "") + "(" + std::to_string(p) + ", '" + s + "')";
    }
    log(line + "]");

    aio::LifoQueue<int> lq(3);
    for (int i = 0; i < 3; ++i) co_await lq.put(i);
    line = "lifo full " + py_bool(lq.full()) + ": [";
    for (int i = 0; i < 3; ++i) line += std::string(i ? ", " : "") + std::to_string(co_await lq.get());
    log(line + "]");
}

}  // namespace

TEST_CASE("PriorityQueue pops in heapq order, ties included, and LifoQueue newest first") {
    const Lines expected{"priority: 0z 1a1 1a3 1a2 1a4", "priority: 0y 1a5 2b1 2b3 2b2 2b4 3c2 3c",
                         "tuples: [(1, 'a'), (1, 'z'), (2, 'b'), (3, 'a')]", "lifo full True: [2, 1, 0]"};
    expect_cpython_prints(kPriorityPy, expected);
    VirtualLoop L;
    Log log;
    L.run(priority_main(log));
    CHECK(joined(log.lines) == joined(expected));
}

TEST_CASE("PriorityQueue takes a comparator: std::greater pops largest first") {
    aio::PriorityQueue<int, std::greater<int>> q;
    for (int v : {5, 1, 9, 3, 7}) q.put_nowait(v);
    std::vector<int> out;
    while (!q.empty()) out.push_back(q.get_nowait());
    CHECK(out == std::vector<int>{9, 7, 5, 3, 1});
}

// [SECTION] Non-blocking calls, sizes, fast paths

TEST_CASE("put_nowait on a full queue raises QueueFull, get_nowait on an empty one QueueEmpty") {
    aio::Queue<int> q(2);
    CHECK(q.maxsize() == 2);
    CHECK(q.empty());
    CHECK_THROWS_AS(q.get_nowait(), aio::QueueEmpty);
    q.put_nowait(1);
    q.put_nowait(2);
    CHECK(q.full());
    CHECK(q.qsize() == 2);
    CHECK_THROWS_AS(q.put_nowait(3), aio::QueueFull);
    CHECK(q.qsize() == 2);
    CHECK(q.unfinished_tasks() == 2);
    CHECK(q.get_nowait() == 1);
    CHECK(q.get_nowait() == 2);
    CHECK_THROWS_AS(q.get_nowait(), aio::QueueEmpty);
    aio::Queue<int> unbounded;
    for (int i = 0; i < 1000; ++i) unbounded.put_nowait(i);
    CHECK_FALSE(unbounded.full());
    aio::Queue<int> negative(-1);  // asyncio: maxsize <= 0 is unbounded
    for (int i = 0; i < 10; ++i) negative.put_nowait(i);
    CHECK_FALSE(negative.full());
}

TEST_CASE("put on a queue that is not full and get on one that is not empty do not suspend") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Queue<int> q(3);
        auto& loop = aio::get_running_loop();
        auto before = loop.iteration();
        for (int i = 0; i < 3; ++i) co_await q.put(i);
        for (int i = 0; i < 3; ++i) CHECK(co_await q.get() == i);
        for (int i = 0; i < 3; ++i) q.task_done();
        co_await q.join();
        CHECK(loop.iteration() == before);
    };
    L.run(body());
}

namespace {
Coroutine<void> slow_consumer(aio::Queue<int>& q, int n, std::vector<double>& got_at) {
    for (int i = 0; i < n; ++i) {
        co_await aio::sleep(1);
        (void)co_await q.get();
        got_at.push_back(aio::get_running_loop().time());
        q.task_done();
    }
}
}  // namespace

TEST_CASE("put blocks while the queue is full and join waits for every task_done") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Queue<int> q(1);
        std::vector<double> got_at;
        auto c = aio::create_task(slow_consumer(q, 3, got_at));
        std::vector<double> put_at;
        for (int i = 0; i < 3; ++i) {
            co_await q.put(i);
            put_at.push_back(aio::get_running_loop().time());
        }
        CHECK(put_at == std::vector<double>{0, 1, 2});
        co_await q.join();
        CHECK(aio::get_running_loop().time() == 3);
        CHECK(got_at == std::vector<double>{1, 2, 3});
        CHECK_THROWS_WITH_AS(q.task_done(), "task_done() called too many times", aio::ValueError);
        co_await c;
    };
    L.run(body());
    CHECK(L->time() == 3);
}

TEST_CASE("a Queue carries move-only items") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Queue<std::unique_ptr<int>> q(1);
        co_await q.put(std::make_unique<int>(7));
        auto p = co_await q.get();
        CHECK(*p == 7);
        aio::PriorityQueue<std::unique_ptr<int>, bool (*)(const std::unique_ptr<int>&, const std::unique_ptr<int>&)> pq(
            0, [](const std::unique_ptr<int>& a, const std::unique_ptr<int>& b) { return *a < *b; });
        for (int v : {3, 1, 2}) pq.put_nowait(std::make_unique<int>(v));
        CHECK(*pq.get_nowait() == 1);
        CHECK(*pq.get_nowait() == 2);
        aio::LifoQueue<std::unique_ptr<int>> lq;
        lq.put_nowait(std::make_unique<int>(1));
        lq.put_nowait(std::make_unique<int>(2));
        CHECK(*lq.get_nowait() == 2);
        // Items still queued (here: heap memory) are freed with the queue.
        pq.put_nowait(std::make_unique<int>(5));
    };
    L.run(body());
}

TEST_CASE("the FIFO ring keeps order while it grows with items wrapped around") {
    aio::Queue<std::string> q;
    int next_in = 0, next_out = 0;
    for (int round = 0; round < 50; ++round) {
        for (int i = 0; i < 7; ++i) q.put_nowait(std::to_string(next_in++));
        for (int i = 0; i < 5; ++i) CHECK(q.get_nowait() == std::to_string(next_out++));
    }
    while (!q.empty()) CHECK(q.get_nowait() == std::to_string(next_out++));
    CHECK(next_out == next_in);
}

TEST_CASE("Queue.repr lists maxsize, items, waiters and unfinished tasks") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Queue<int> q(2);
        CHECK(q.repr() == "<Queue maxsize=2>");
        q.put_nowait(1);
        q.put_nowait(2);
        auto p = aio::create_task([](aio::Queue<int>& q) -> Coroutine<void> { co_await q.put(3); }(q));
        co_await aio::sleep(0);
        CHECK(q.repr() == "<Queue maxsize=2 _queue=[1, 2] _putters[1] tasks=2>");
        q.shutdown(true);
        CHECK(q.repr() == "<Queue maxsize=2 shutdown>");
        CHECK_THROWS_AS(co_await p, aio::QueueShutDown);
        aio::LifoQueue<int> lq;
        CHECK(lq.repr() == "<LifoQueue maxsize=0>");
    };
    L.run(body());
}

TEST_CASE("a Queue waited on from a second loop raises RuntimeError") {
    // Both loops stay alive: the binding compares loops by address.
    aio::Queue<int> q;
    VirtualLoop L1;
    auto first = [](aio::Queue<int>& q) -> Coroutine<void> {
        auto t = aio::create_task([](aio::Queue<int>& q) -> Coroutine<void> {
            q.put_nowait(1);
            co_return;
        }(q));
        (void)co_await q.get();
        co_await t;
    };
    L1.run(first(q));
    VirtualLoop L2;
    auto second = [](aio::Queue<int>& q) -> Coroutine<std::string> {
        try {
            (void)co_await q.get();
        } catch (const aio::RuntimeError& e) {
            co_return e.what();
        }
        co_return "";
    };
    CHECK(L2.run(second(q)) == "<Queue maxsize=0 tasks=1> is bound to a different event loop");
}

// [SECTION] Lifetime

namespace {
int g_items_alive = 0;
struct Counted {
    Counted() { ++g_items_alive; }
    Counted(const Counted&) { ++g_items_alive; }
    Counted(Counted&&) noexcept { ++g_items_alive; }
    Counted& operator=(const Counted&) = default;
    Counted& operator=(Counted&&) = default;
    ~Counted() { --g_items_alive; }
};
Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }
Coroutine<void> get_forever(aio::Queue<Counted>& q) { (void)co_await q.get(); }
Coroutine<void> put_forever(aio::Queue<Counted>& q) { co_await q.put(Counted()); }
Coroutine<void> join_forever(aio::Queue<Counted>& q) { co_await q.join(); }
}  // namespace

TEST_CASE("destroying a loop with tasks blocked in get, put and join frees tasks and items") {
    g_items_alive = 0;
    {
        VirtualLoop L;
        // Two queues in main's frame, which the closing loop frees first.
        auto body = []() -> Coroutine<void> {
            aio::Queue<Counted> empty_q;
            aio::Queue<Counted> full_q(2);
            for (int i = 0; i < 2; ++i) (void)aio::create_task(get_forever(empty_q));
            full_q.put_nowait(Counted());
            full_q.put_nowait(Counted());
            for (int i = 0; i < 2; ++i) (void)aio::create_task(put_forever(full_q));
            (void)aio::create_task(join_forever(full_q));
            co_await aio::sleep(1);
            CHECK(empty_q.getter_count() == 2);
            CHECK(full_q.putter_count() == 2);
            // Two queued; each blocked putter holds its item plus the moved-from
            // argument of put(), alive until the co_await expression ends.
            CHECK(g_items_alive == 6);
            co_await aio::sleep(100);
        };
        (void)aio::create_task(*L, body());
        aio::run_until_complete(*L, nap(5));
        L.loop.reset();
        CHECK(L.reports.size() == 6);
    }
    CHECK(g_items_alive == 0);
}

TEST_CASE("destroying a loop while a woken getter's step is still queued frees it") {
    VirtualLoop L;
    auto body = []() -> Coroutine<void> {
        aio::Queue<int> q;
        auto g = aio::create_task([](aio::Queue<int>& q) -> Coroutine<void> { (void)co_await q.get(); }(q));
        co_await aio::sleep(0);
        q.put_nowait(1);  // g's step is scheduled; the loop stops before it runs
        aio::get_running_loop().stop();
        co_await aio::sleep(100);
    };
    (void)aio::create_task(*L, body());
    L->run_forever();
    L.loop.reset();
    CHECK(L.reports.size() == 2);
}

// [SECTION] A queue that dies before its waiters (aio::run's leftover tasks)

namespace {
Coroutine<void> orphan_worker(Log& log, aio::Queue<int>& q, std::string name) {
    try {
        int item = co_await q.get();
        log(name + " got " + std::to_string(item));
    } catch (const aio::CancelledError&) {
        log(name + ": CancelledError");
        throw;
    } catch (const aio::QueueShutDown&) {
        log(name + ": QueueShutDown");
    }
}

Coroutine<void> orphan_putter(Log& log, aio::Queue<int>& q, std::string name) {
    try {
        co_await q.put(2);
        log(name + " put 2");
    } catch (const aio::CancelledError&) {
        log(name + ": CancelledError");
        throw;
    }
}

// The queues live in main's frame, freed when main returns.
Coroutine<void> orphan_main(Log& log) {
    aio::Queue<int> q;
    aio::Queue<int> full(1);
    full.put_nowait(0);
    (void)aio::create_task(orphan_worker(log, q, "w1"));
    (void)aio::create_task(orphan_worker(log, q, "w2"));
    (void)aio::create_task(orphan_putter(log, full, "p"));
    co_await aio::sleep(0);
    q.put_nowait(1);  // wakes w1, which runs only after main is gone
    log("main returns");
}
}  // namespace

TEST_CASE("tasks still waiting on a queue that was destroyed resume without touching it") {
    VirtualLoop L;
    Log log;
    L.run(orphan_main(log));  // w1's step runs in the last iteration, after main's
    auto leftovers = aio::all_tasks(*L);
    CHECK(leftovers.size() == 2);
    for (auto& t : leftovers) t.cancel();  // what aio::run does after main returns
    L->run_once();
    for (auto& t : leftovers) CHECK(t.cancelled());
    CHECK(joined(log.lines) ==
          joined({"main returns", "w1: QueueShutDown", "w2: CancelledError", "p: CancelledError"}));
}
