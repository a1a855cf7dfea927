// modules_test.cpp — random (CPython's exact sequences), functools, time and
// the asyncio binding.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

// Expected values were printed by CPython 3.11 for the same calls.
TEST_CASE("random reproduces CPython's Mersenne Twister sequences") {
    auto r =
        run("import random\n"
            "random.seed(42); print([random.random() for _ in range(3)])\n"
            "random.seed(42); print([random.randint(1, 100) for _ in range(5)])\n"
            "random.seed(2024); l = list(range(10)); random.shuffle(l); print(l)\n"
            "random.seed(7); print(random.choice('abcdefg'), random.uniform(1, 2), random.getrandbits(40))\n"
            "random.seed('hello'); print(random.random())\n"
            "random.seed(1); print(random.sample(range(100), 5), random.choices('abc', k=4))\n");
    CHECK(r.out ==
          "[0.6394267984578837, 0.025010755222666936, 0.27502931836911926]\n"
          "[82, 15, 4, 95, 36]\n"
          "[6, 0, 9, 8, 3, 5, 1, 4, 2, 7]\n"
          "c 1.9478653606090632 714660325134\n"
          "0.3537754404730722\n"
          "[17, 72, 97, 8, 32] ['a', 'c', 'b', 'b']\n");
}

TEST_CASE("functools.partial binds and reprs like CPython") {
    auto r =
        run("from functools import partial\n"
            "def power(base, exp):\n    return base ** exp\n"
            "sq = partial(power, exp=2)\nprint(sq(7), partial(power, 2)(10))\n");
    CHECK(r.out == "49 1024\n");
}

TEST_CASE("tasks run in creation order and results come back in argument order") {
    auto r = run(
        "import asyncio\n"
        "async def job(n, d):\n    print('start', n)\n    await asyncio.sleep(d)\n    print('end', n)\n    return n\n"
        "async def main():\n    print(await asyncio.gather(job(1, 0.2), job(2, 0.1)))\n"
        "asyncio.run(main())\n");
    CHECK(r.status == 0);
    CHECK(r.out == "start 1\nstart 2\nend 2\nend 1\n[1, 2]\n");
}

TEST_CASE("virtual time: time.monotonic follows the loop's clock") {
    auto r =
        run("import asyncio, time\n"
            "async def main():\n    t = time.monotonic()\n    await asyncio.sleep(5)\n    print(round(time.monotonic() "
            "- t, 6))\n"
            "asyncio.run(main())\n");
    CHECK(r.out == "5.0\n");
}

TEST_CASE("cancellation arrives as CancelledError at the await point") {
    auto r = run(
        "import asyncio\n"
        "async def worker():\n    try:\n        await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        "
        "print('cancelled')\n        raise\n"
        "async def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(0)\n    t.cancel('stop')\n"
        "    try:\n        await t\n    except asyncio.CancelledError as e:\n        print('main saw', e.args)\n"
        "asyncio.run(main())\n");
    CHECK(r.out == "cancelled\nmain saw ('stop',)\n");
}

TEST_CASE("a task's unretrieved exception is reported when the task goes") {
    auto r =
        run("import asyncio\n"
            "async def boom():\n    raise ValueError('lost')\n"
            "async def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(0.1)\n"
            "asyncio.run(main())\n");
    CHECK(r.status == 0);
    CHECK(r.err.find("Task exception was never retrieved\n") == 0);
    CHECK(r.err.find("ValueError: lost") != std::string::npos);
}

TEST_CASE("script tasks are engine tasks: names come from the engine's task counter") {
    auto r =
        run("import asyncio\n"
            "async def main():\n    t = asyncio.current_task()\n    print(t.get_name().startswith('Task-'), t is "
            "asyncio.current_task())\n"
            "asyncio.run(main())\n");
    CHECK(r.out == "True True\n");
}

TEST_CASE("io.StringIO, types, gc; open() reads files only where the host allows it") {
    auto r =
        run("import io, types, gc\ns = io.StringIO()\nprint('a', 1, file=s)\nprint(repr(s.getvalue()))\n"
            "print(types.SimpleNamespace(x=1), gc.collect())\n"
            "try:\n    open('/etc/hostname')\nexcept PermissionError as e:\n    print('no files')\n");
    CHECK(r.out == "'a 1\\n'\nnamespace(x=1) 0\nno files\n");
}
