// vm_test.cpp — running programs: values, control flow, errors, limits and
// the memory a run owns.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

TEST_CASE("arithmetic, strings and containers print like CPython") {
    auto r =
        run("print(7 // 2, -7 // 2, 7 % -3, 2 ** 10, 1 / 4, 0.1 + 0.2)\n"
            "print('%5.2f|%-4d|%s' % (3.14159, 42, [1, 'a']), f'{255:#x} {1234567:,}')\n"
            "print({3, 1, 2}, {'b': 1, 'a': 2}, (1,), [None, True])\n");
    CHECK(r.status == 0);
    CHECK(r.out ==
          "3 -4 -2 1024 0.25 0.30000000000000004\n"
          " 3.14|42  |[1, 'a'] 0xff 1,234,567\n"
          "{1, 2, 3} {'b': 1, 'a': 2} (1,) [None, True]\n");
}

TEST_CASE("an uncaught exception prints a traceback with carets and exits 1") {
    auto r = run("def f(x):\n    return x / 0\nf(1)\n");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "Traceback (most recent call last):\n"
          "  File \"test.py\", line 3, in <module>\n"
          "    f(1)\n"
          "  File \"test.py\", line 2, in f\n"
          "    return x / 0\n"
          "           ~~^~~\n"
          "ZeroDivisionError: division by zero\n");
}

TEST_CASE("a SyntaxError shows the line and a caret") {
    auto r = run("x = (1,\n");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "  File \"test.py\", line 1\n"
          "    x = (1,\n"
          "        ^\n"
          "SyntaxError: '(' was never closed\n");
}

TEST_CASE("exceptions chain with __cause__ and __context__") {
    auto r =
        run("try:\n    try:\n        {}['k']\n    except KeyError as e:\n        raise ValueError('v') from e\n"
            "except ValueError as e:\n    print(type(e.__cause__).__name__, e.__suppress_context__)\n"
            "try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise TypeError('t')\n"
            "except TypeError as e:\n    print(type(e.__context__).__name__)\n");
    CHECK(r.out == "KeyError True\nZeroDivisionError\n");
}

TEST_CASE("generators support send, throw and return values") {
    auto r =
        run("def g():\n    x = yield 1\n    try:\n        yield x * 2\n    except KeyError:\n        yield 'caught'\n  "
            "  return 'end'\n"
            "it = g()\nprint(next(it), it.send(21), it.throw(KeyError))\n"
            "try:\n    next(it)\nexcept StopIteration as e:\n    print(e.value)\n");
    CHECK(r.out == "1 42 caught\nend\n");
}

TEST_CASE("classes: inheritance, super(), properties and dunders") {
    auto r =
        run("class A:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return "
            "f'A({self.x})'\n"
            "    def __add__(self, o):\n        return type(self)(self.x + o.x)\n"
            "class B(A):\n    def __init__(self, x):\n        super().__init__(x * 10)\n    @property\n    def "
            "double(self):\n        return self.x * 2\n"
            "b = B(1) + B(2)\nprint(b, b.double, isinstance(b, A), B.__mro__[1].__name__)\n");
    CHECK(r.out == "A(300) 600 True A\n");  // B(30) from __add__ scales again
}

TEST_CASE("closures, defaults, *args and **kwargs bind like CPython") {
    auto r =
        run("def make(n):\n    def add(x, *rest, scale=1, **kw):\n        return (x + n) * scale, rest, sorted(kw)\n   "
            " return add\n"
            "print(make(1)(2, 3, 4, scale=2, b=1, a=0))\n"
            "try:\n    make(1)()\nexcept TypeError as e:\n    print(e)\n");
    CHECK(r.out == "(6, (3, 4), ['a', 'b'])\nmake.<locals>.add() missing 1 required positional argument: 'x'\n");
}

TEST_CASE("ints beyond 64 bits grow and come back inline") {
    auto r = run("x = 2 ** 63\nprint(x, type(x) is int, x - 1 == 2 ** 63 - 1)\n");
    CHECK(r.out == "9223372036854775808 True True\n");
}

TEST_CASE("runaway recursion ends in RecursionError with a collapsed traceback") {
    Limits limits;
    limits.max_depth = 50;
    auto r = run("def f(n):\n    return f(n + 1)\nf(0)\n", limits);
    CHECK(r.status == 1);
    CHECK(r.err.find("[Previous line repeated 46 more times]") != std::string::npos);
    CHECK(r.err.find("RecursionError: maximum recursion depth exceeded") != std::string::npos);
}

TEST_CASE("the memory limit ends in MemoryError, not a crash") {
    Limits limits;
    limits.max_memory = size_t(4) << 20;
    auto r = run("x = []\nwhile True:\n    x.append('a' * 1000)\n", limits);
    CHECK(r.status == 1);
    CHECK(r.err.find("MemoryError") != std::string::npos);
    auto r2 = run("x = [0] * 100000000\n", limits);
    CHECK(r2.err.find("MemoryError") != std::string::npos);
}

TEST_CASE("the output limit ends the run with an exception") {
    Limits limits;
    limits.max_output = 1000;
    auto r = run("while True:\n    print('spam')\n", limits);
    CHECK(r.status == 1);
    CHECK(r.out.size() <= 1000);
    CHECK(r.err.find("RuntimeError: output limit exceeded") != std::string::npos);
}

TEST_CASE("SystemExit sets the exit status") {
    CHECK(run("import sys\nsys.exit(3)\n").status == 3);
    auto r = run("import sys\nsys.exit('bye')\n");
    CHECK(r.status == 1);
    CHECK(r.err == "bye\n");
}

TEST_CASE("a never-awaited coroutine warns like CPython") {
    auto r = run("async def f():\n    pass\nf()\nprint('after')\n");
    CHECK(r.out == "after\n");
    CHECK(r.err ==
          "test.py:3: RuntimeWarning: coroutine 'f' was never awaited\n"
          "  f()\n"
          "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

TEST_CASE("everything a run allocates is released with the VM, cycles included") {
    VM vm;
    VMScope scope(vm);
    size_t baseline = vm.live_objects();
    Value r = vm.run_source(
        "class Node:\n    pass\n"
        "a = Node(); b = Node(); a.other = b; b.other = a\n"
        "l = []; l.append(l)\n"
        "def rec():\n    return rec\n"
        "try:\n    1/0\nexcept Exception as e:\n    saved = e\n",
        "test.py", vm.main_module()->m_dict);
    REQUIRE_FALSE(r.is_null());
    CHECK(vm.live_objects() > baseline);
    vm.teardown();
    CHECK(vm.live_objects() == 0);
    CHECK(vm.bytes_in_use() == 0);
}

TEST_CASE("errors inside a run leave no leaked objects behind") {
    VM vm;
    VMScope scope(vm);
    Value r = vm.run_source("def g():\n    yield 1\n    raise ValueError('x')\nlist(g())\n", "test.py",
                            vm.main_module()->m_dict);
    CHECK(r.is_null());
    vm.clear_exc();
    vm.teardown();
    CHECK(vm.live_objects() == 0);
    CHECK(vm.bytes_in_use() == 0);
}

TEST_CASE("except* around a naked exception: a bare raise re-raises the wrapping group") {
    auto r =
        run("try:\n    try:\n        raise OSError('disk')\n    except* OSError as e:\n        print(repr(e))\n        "
            "raise\n"
            "except ExceptionGroup as eg:\n    print('caught', repr(eg))\n");
    CHECK(r.out == "ExceptionGroup('', (OSError('disk'),))\ncaught ExceptionGroup('', (OSError('disk'),))\n");
}

TEST_CASE("max_steps bounds a run: loops, recursion and native iteration; catching does not help") {
    Limits l;
    l.max_steps = 200000;
    auto a = run(
        "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n", l);
    CHECK(a.status == 1);
    CHECK(a.err.find("KeyboardInterrupt: the run's instruction limit was reached") != std::string::npos);
    auto b = run("print(sum(range(10**15)))\n", l);
    CHECK(b.status == 1);
    CHECK(b.err.find("KeyboardInterrupt") != std::string::npos);
    auto c = run("def f(n):\n    return 1 if n < 2 else f(n - 1) + f(n - 2)\nprint(f(60))\n", l);
    CHECK(c.status == 1);
    CHECK(c.err.find("KeyboardInterrupt") != std::string::npos);
    auto d = run("print(sum(range(1000)))\n", l);
    CHECK(d.out == "499500\n");
}
