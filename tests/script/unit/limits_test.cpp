// limits_test.cpp — what the fuzzers found, as Python-visible behaviour:
// the memory limit refuses a large padding, repetition or join before
// building it (CPython: MemoryError at once), format specs and field names
// out of range are CPython's ValueErrors, and a source that is not UTF-8 is
// a SyntaxError. Expected texts are what python3 (3.11) prints.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

namespace {

// Each line of `exprs` evaluated under a 4 MiB limit, printing the value or
// the exception's type and message.
std::string eval_lines(const std::string& exprs) {
    Limits limits;
    limits.max_memory = size_t(4) << 20;
    std::string src = "for e in " + exprs +
                      ":\n"
                      "    try:\n"
                      "        print(repr(eval(e))[:40])\n"
                      "    except Exception as x:\n"
                      "        print(type(x).__name__, x)\n";
    auto r = run(src, limits);
    REQUIRE_MESSAGE(r.err.empty(), r.err);
    return r.out;
}

}  // namespace

TEST_CASE("padding, repetition and join past max_memory raise MemoryError before building") {
    CHECK(eval_lines(R"([
        '"{:99999999999}".format(1)',
        'format(1.5, ">99999999999")',
        'f"{1:99999999999}"',
        '"%99999999999d" % 1',
        '"%.999999999d" % 1',
        'format(1.5, ".999999999f")',
        '"x".rjust(10**11)',
        '"x".center(10**11, "*")',
        '"x".zfill(10**11)',
        '"ab" * 10**11',
        '[0] * 10**11',
        '(1, 2) * 10**11',
        '"-".join(["a" * 1000] * 5000)',
        '"{:5000000}".format(1)',
        'set(range(10**10))',
        'dict.fromkeys(range(10**10))',
        'tuple(range(10**10))',
        'dict(zip(range(10**10), range(10**10)))',
    ])") ==
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n");
    // Below the limit the same operations work.
    CHECK(
        eval_lines(R"(['len("{:100000}".format(1))', 'len("-".join(["a" * 1000] * 300))', 'len("x".rjust(5000))'])") ==
        "100000\n300299\n5000\n");
}

TEST_CASE("a big list's growth is refused before it passes max_memory") {
    // Under a 4 MiB limit a list of 100,000 items (1.6 MB of values) can grow
    // once and no further: each growth is checked when it is asked for
    // (append, insert, extend, comprehensions), not at the next loop turn.
    CHECK(eval_lines(R"([
        'len([0] * 100000)',
        '(lambda x: (x.extend(x), len(x)))([0] * 100000)',
        '(lambda x: (x.extend(x), x.extend(x)))([0] * 100000)',
        '(lambda x: [x.append(0) for _ in range(200000)])([0] * 100000)',
        'len([i for i in range(300000)])',
    ])") ==
          "100000\n"
          "(None, 200000)\n"
          "MemoryError \n"
          "MemoryError \n"
          "MemoryError \n");
}

TEST_CASE("out-of-range widths, precisions and field numbers are CPython's ValueErrors") {
    CHECK(eval_lines(R"([
        'f"{255:#7777777777777777777777x}"',
        '"{:99999999999999999999}".format(1)',
        '"{:.99999999999999999999}".format(1)',
        '"{99999999999999999999}".format(1)',
        '"{0[99999999999999999999]}".format([1])',
        '"%99999999999999999999d" % 1',
        '"%.99999999999999999999d" % 1',
        'format(1.5, ".3000000000f")',
        'format("x", ".99999999999")',
    ])") ==
          "ValueError Too many decimal digits in format string\n"
          "ValueError Too many decimal digits in format string\n"
          "ValueError Too many decimal digits in format string\n"
          "ValueError Too many decimal digits in format string\n"
          "ValueError Too many decimal digits in format string\n"
          "ValueError width too big\n"
          "ValueError precision too big\n"
          "ValueError precision too big\n"
          "'x'\n");
}

TEST_CASE("malformed field names are ValueErrors or KeyErrors, as in CPython") {
    CHECK(eval_lines(R"([
        '"{0\xff{1}}|".format(1, 2)',
        '"{0a}".format(1)',
        '"{0[]}".format([1])',
        '"{0.}".format(1)',
        '"{0[a]x}".format({"a": 1})',
        '"{0[a]}{0[b]}".format({"a": 1, "b": 2})',
    ])") ==
          "ValueError unexpected '{' in field name\n"
          "KeyError '0a'\n"
          "ValueError Empty attribute in format string\n"
          "ValueError Empty attribute in format string\n"
          "ValueError Only '.' or '[' may follow ']' in format field specifier\n"
          "'12'\n");
}

TEST_CASE("a source that is not UTF-8 is a SyntaxError (unicode error)") {
    auto e = compile_error(
        "s = \"a\xff"
        "b\"\nprint(s[::-1])\n");
    CHECK(e.msg == "(unicode error) 'utf-8' codec can't decode byte 0xff in position 6: invalid start byte");
    CHECK(e.line == 1);
    CHECK(compile_error("\xff").msg ==
          "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    CHECK(compile_error("x = 1\n# \xe2\x82\n").msg ==
          "(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 2: invalid continuation byte");
    CHECK(compile_error("x = 1\n# \xe2\x82\n").line == 2);
    CHECK(compile_error("# \xe2\x82").msg ==
          "(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 2: unexpected end of data");
    CHECK(compile_error("a = '\xed\xa0\x80'").msg.find("invalid continuation byte") != std::string::npos);  // surrogate
    CHECK(compile_error("a = '\xc0\x80'").msg.find("invalid start byte") != std::string::npos);             // overlong
    CHECK(compile_error("a = 'h\xc3\xa9\xf0\x9f\x98\x80'\n").msg.empty());
}

TEST_CASE("a regex that backtracks exponentially ends at the instruction limit with the run's exception") {
    // (a+)+$ against a's and a b takes 2**n steps in a backtracking engine
    // (CPython's too); the matcher charges its steps, so max_steps stops it.
    Limits limits;
    limits.max_steps = 2'000'000;
    auto r = run("import re\nprint('before')\nre.match(r'(a+)+$', 'a' * 40 + 'b')\nprint('after')\n", limits);
    CHECK(r.out == "before\n");
    CHECK(r.err.find("KeyboardInterrupt: the run's instruction limit was reached") != std::string::npos);
    CHECK(r.err.find("line 3") != std::string::npos);
}
