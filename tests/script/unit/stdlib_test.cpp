// stdlib_test.cpp — the VM pieces the Python library needs (metaclasses, import of
// submodules) and the sandboxed host's answers from _os. Module behaviour itself is
// checked against CPython by tests/script/corpus/stdlib_*.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

TEST_CASE("a metaclass makes, initialises and calls its classes") {
    auto r =
        run("class M(type):\n"
            "    def __new__(mcs, name, bases, ns):\n"
            "        ns['made_by'] = mcs.__name__\n"
            "        return super().__new__(mcs, name, bases, ns)\n"
            "    def __call__(cls, *a):\n"
            "        return ('called', cls.__name__, a)\n"
            "class C(metaclass=M): pass\n"
            "class D(C): pass\n"
            "print(type(D).__name__, D.made_by, D(1, 2))\n");
    CHECK(r.err == "");
    CHECK(r.out == "M M ('called', 'D', (1, 2))\n");
}

TEST_CASE("unrelated metaclasses of two bases are a TypeError, not a crash") {
    auto r =
        run("class A(type): pass\n"
            "class B(type): pass\n"
            "class X(metaclass=A): pass\n"
            "class Y(metaclass=B): pass\n"
            "try:\n"
            "    class Z(X, Y): pass\n"
            "except TypeError as e:\n"
            "    print(str(e)[:18])\n");
    CHECK(r.out == "metaclass conflict\n");
}

TEST_CASE("import a.b binds a and sets b on it; from a.b import c finds the submodule") {
    auto r =
        run("import json.decoder\n"
            "print(json.decoder.JSONDecodeError.__name__, json.loads('[1]'))\n"
            "from os.path import join\n"
            "import os\n"
            "print(join('a', 'b'), os.path.join is join)\n");
    CHECK(r.err == "");
    CHECK(r.out == "JSONDecodeError [1]\na/b True\n");
}

TEST_CASE("a host without file reads gives os an empty environ, / as cwd, and no stat") {
    auto r =
        run("import os\n"
            "print(len(os.environ), os.getcwd(), os.path.abspath('x'))\n"
            "try:\n"
            "    os.path.exists('/')\n"
            "except NotImplementedError as e:\n"
            "    print('NotImplementedError', e)\n"
            "try:\n"
            "    os.listdir('.')\n"
            "except NotImplementedError:\n"
            "    print('listdir refused')\n");
    CHECK(r.err == "");
    CHECK(r.out ==
          "0 / /x\n"
          "NotImplementedError this host gives scripts no file system\n"
          "listdir refused\n");
}
