// asyncio_test.cpp — asyncio pieces that run in C++ (Queue.put/get,
// gather's bookkeeping, sleep's timer) against what CPython 3.11 prints.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

#ifdef AIO_SCRIPT_HAVE_ENGINE

TEST_CASE("asyncio.Queue: blocking, cancellation, timeouts, subclasses, join, never-awaited ops") {
  auto r = run(
      "import asyncio\n"
      "\n"
      "class LoggingQueue(asyncio.Queue):\n"
      "    def _put(self, item):\n"
      "        print(\"put\", item)\n"
      "        super()._put(item)\n"
      "\n"
      "async def main():\n"
      "    q = asyncio.Queue(maxsize=1)\n"
      "    await q.put(1)\n"
      "    t = asyncio.create_task(q.put(2))\n"
      "    await asyncio.sleep(0)\n"
      "    print(q.qsize(), q.full(), t.done(), len(q._putters))\n"
      "    t.cancel()\n"
      "    try:\n"
      "        await t\n"
      "    except asyncio.CancelledError:\n"
      "        print(\"put cancelled\", len(q._putters))\n"
      "    print(await q.get(), q.empty())\n"
      "    g = asyncio.create_task(q.get())\n"
      "    await asyncio.sleep(0)\n"
      "    q.put_nowait(5)\n"
      "    print(await g)\n"
      "    # get with timeout\n"
      "    try:\n"
      "        await asyncio.wait_for(q.get(), 0.1)\n"
      "    except TimeoutError:\n"
      "        print(\"timeout\", len(q._getters))\n"
      "    # priority / lifo\n"
      "    pq = asyncio.PriorityQueue()\n"
      "    for x in (3, 1, 2):\n"
      "        await pq.put(x)\n"
      "    print([await pq.get() for _ in range(3)])\n"
      "    lq = asyncio.LifoQueue()\n"
      "    for x in (3, 1, 2):\n"
      "        await lq.put(x)\n"
      "    print([await lq.get() for _ in range(3)])\n"
      "    l = LoggingQueue()\n"
      "    await l.put(\"a\")\n"
      "    print(await l.get())\n"
      "    # join / task_done\n"
      "    jq = asyncio.Queue()\n"
      "    for i in range(3):\n"
      "        jq.put_nowait(i)\n"
      "    async def worker():\n"
      "        while True:\n"
      "            item = await jq.get()\n"
      "            print(\"work\", item)\n"
      "            jq.task_done()\n"
      "    w = asyncio.create_task(worker())\n"
      "    await jq.join()\n"
      "    w.cancel()\n"
      "    print(\"joined\", repr(q.get()).startswith(\"<coroutine object Queue.get at\"), asyncio.iscoroutine(q.get()))\n"
      "    c = q.get()\n"
      "    c.close()\n"
      "    q2 = asyncio.Queue()\n"
      "    getters = [asyncio.create_task(q2.get()) for _ in range(3)]\n"
      "    await asyncio.sleep(0)\n"
      "    getters[1].cancel()\n"
      "    await asyncio.sleep(0)\n"
      "    q2.put_nowait(\"x\"); q2.put_nowait(\"y\")\n"
      "    await asyncio.sleep(0)\n"
      "    print([g.done() and not g.cancelled() and g.result() for g in getters])\n"
      "    q.put(9)\n"
      "asyncio.run(main())\n"
      "print(\"end\")\n");
  CHECK(r.status == 0);
  CHECK(r.out ==
      "1 True False 1\n"
      "put cancelled 0\n"
      "1 True\n"
      "5\n"
      "timeout 0\n"
      "[1, 2, 3]\n"
      "[2, 1, 3]\n"
      "put a\n"
      "a\n"
      "work 0\n"
      "work 1\n"
      "work 2\n"
      "joined True True\n"
      "['x', False, 'y']\n"
      "end\n");
  CHECK(r.err ==
      "test.py:53: RuntimeWarning: coroutine 'Queue.get' was never awaited\n"
      "  print(\"joined\", repr(q.get()).startswith(\"<coroutine object Queue.get at\"), asyncio.iscoroutine(q.get()))\n"
      "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
      "test.py:64: RuntimeWarning: coroutine 'Queue.put' was never awaited\n"
      "  q.put(9)\n"
      "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

TEST_CASE("asyncio.gather: order, return_exceptions, early failure, duplicates, cancellation, plain futures") {
  auto r = run(
      "import asyncio\n"
      "async def ok(x, d):\n"
      "    await asyncio.sleep(d)\n"
      "    return x\n"
      "async def bad(d):\n"
      "    await asyncio.sleep(d)\n"
      "    raise ValueError(\"bad\")\n"
      "async def main():\n"
      "    print(await asyncio.gather(ok(1, 0.2), ok(2, 0.1), ok(3, 0)))\n"
      "    print(await asyncio.gather(ok(1, 0.1), bad(0.05), return_exceptions=True))\n"
      "    try:\n"
      "        await asyncio.gather(ok(1, 0.1), bad(0.05))\n"
      "    except ValueError as e:\n"
      "        print(\"raised\", e)\n"
      "    t = asyncio.create_task(ok(7, 0.1))\n"
      "    print(await asyncio.gather(t, t, ok(8, 0)))\n"
      "    g = asyncio.gather(ok(1, 1), ok(2, 2))\n"
      "    await asyncio.sleep(0.1)\n"
      "    g.cancel()\n"
      "    try:\n"
      "        await g\n"
      "    except asyncio.CancelledError:\n"
      "        print(\"gather cancelled\", g.cancelled())\n"
      "    inner = asyncio.create_task(ok(3, 1))\n"
      "    g2 = asyncio.gather(inner, return_exceptions=True)\n"
      "    await asyncio.sleep(0)\n"
      "    inner.cancel()\n"
      "    print(await g2)\n"
      "    print(await asyncio.gather())\n"
      "    fut = asyncio.get_running_loop().create_future()\n"
      "    asyncio.get_running_loop().call_later(0.1, fut.set_result, \"f\")\n"
      "    print(await asyncio.gather(fut, ok(\"c\", 0)))\n"
      "asyncio.run(main())\n");
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
      "[1, 2, 3]\n"
      "[1, ValueError('bad')]\n"
      "raised bad\n"
      "[7, 7, 8]\n"
      "gather cancelled False\n"
      "[CancelledError('')]\n"
      "[]\n"
      "['f', 'c']\n");
}


TEST_CASE("asyncio.sleep: results, zero and negative delays, cancellation, timeouts, errors, never awaited") {
  auto r = run(
      "import asyncio\n"
      "async def main():\n"
      "    print(await asyncio.sleep(0.1, \"r\"), await asyncio.sleep(0, 5), await asyncio.sleep(-1))\n"
      "    t = asyncio.create_task(asyncio.sleep(10))\n"
      "    await asyncio.sleep(0)\n"
      "    print(t.get_coro().__class__.__name__ if False else \"\", t.done())\n"
      "    t.cancel()\n"
      "    try:\n"
      "        await t\n"
      "    except asyncio.CancelledError:\n"
      "        print(\"cancelled\")\n"
      "    try:\n"
      "        async with asyncio.timeout(0.1):\n"
      "            await asyncio.sleep(5)\n"
      "    except TimeoutError:\n"
      "        print(\"timeout\", asyncio.get_running_loop().time() > 0)\n"
      "    try:\n"
      "        await asyncio.sleep(\"x\")\n"
      "    except TypeError as e:\n"
      "        print(\"TypeError\", e)\n"
      "    print(asyncio.iscoroutine(asyncio.sleep(0)))\n"
      "    s = asyncio.sleep(1)\n"
      "    print(repr(s).startswith(\"<coroutine object sleep at\"))\n"
      "    s.close()\n"
      "    r = await asyncio.gather(asyncio.sleep(0.2, \"a\"), asyncio.sleep(0.1, \"b\"))\n"
      "    print(r)\n"
      "    asyncio.sleep(3)\n"
      "asyncio.run(main())\n");
  CHECK(r.status == 0);
  CHECK(r.out ==
      "r 5 None\n"
      " False\n"
      "cancelled\n"
      "timeout True\n"
      "TypeError '<=' not supported between instances of 'str' and 'int'\n"
      "True\n"
      "True\n"
      "['a', 'b']\n");
  CHECK(r.err ==
      "test.py:21: RuntimeWarning: coroutine 'sleep' was never awaited\n"
      "  print(asyncio.iscoroutine(asyncio.sleep(0)))\n"
      "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
      "test.py:27: RuntimeWarning: coroutine 'sleep' was never awaited\n"
      "  asyncio.sleep(3)\n"
      "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

#endif
