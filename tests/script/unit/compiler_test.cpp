// compiler_test.cpp — bytecode shape, scopes and compile-time errors.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

TEST_CASE("a for loop compiles to GET_ITER, FOR_ITER and a backward JUMP") {
    std::string d = disasm("for i in range(3):\n    print(i)\n");
    CHECK(d.find("GET_ITER") != std::string::npos);
    CHECK(d.find("FOR_ITER") != std::string::npos);
    CHECK(d.find("JUMP") != std::string::npos);
}

TEST_CASE("try/except records a handler in the exception table") {
    std::string d = disasm("try:\n    x = 1\nexcept ValueError:\n    pass\n");
    CHECK(d.find("ExceptionTable:") != std::string::npos);
    CHECK(d.find("PUSH_EXC_INFO") != std::string::npos);
    CHECK(d.find("CHECK_EXC_MATCH") != std::string::npos);
}

TEST_CASE("a variable captured by an inner function becomes a cell") {
    std::string d = disasm("def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n");
    CHECK(d.find("LOAD_CLOSURE") != std::string::npos);
    CHECK(d.find("LOAD_DEREF") != std::string::npos);
}

TEST_CASE("functions use fast locals and module code uses names") {
    std::string d = disasm("y = 2\ndef f(a):\n    b = a\n    return b + y\n");
    CHECK(d.find("STORE_NAME") != std::string::npos);
    CHECK(d.find("STORE_FAST") != std::string::npos);
    CHECK(d.find("LOAD_GLOBAL") != std::string::npos);
}

TEST_CASE("statements outside their context are SyntaxErrors") {
    CHECK(compile_error("return 5\n").msg == "'return' outside function");
    CHECK(compile_error("break\n").msg == "'break' outside loop");
    CHECK(compile_error("def f():\n    await x\n").msg == "'await' outside async function");
    CHECK(compile_error("async def f():\n    yield 1\n    return 2\n").msg == "'return' with value in async generator");
}

TEST_CASE("scoping errors name the variable") {
    CHECK(compile_error("def f():\n    nonlocal x\n").msg == "no binding for nonlocal 'x' found");
    CHECK(compile_error("def f(a, a): pass\n").msg == "duplicate argument 'a' in function definition");
}

TEST_CASE("constant tuples fold into one LOAD_CONST") {
    std::string d = disasm("t = (1, 2, 3)\n");
    CHECK(d.find("BUILD_TUPLE") == std::string::npos);
    CHECK(d.find("(1, 2, 3)") != std::string::npos);
}
