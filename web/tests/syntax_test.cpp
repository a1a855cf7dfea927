// Colouring of Python and C++ source for the editor and the twin view.

#include "editor/syntax.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using aio::web::highlight;
using aio::web::Language;
using aio::web::LineSpans;
using aio::web::TokenKind;

namespace {

// The kind covering byte `col` of `line`, text if no span covers it.
TokenKind kind_at(const std::vector<LineSpans>& spans, int line, int col) {
    for (const auto& s : spans[static_cast<size_t>(line)])
        if (col >= s.start && col < s.end) return s.kind;
    return TokenKind::text;
}

std::vector<LineSpans> py(std::vector<std::string> lines) { return highlight(Language::python, lines); }
std::vector<LineSpans> cpp(std::vector<std::string> lines) { return highlight(Language::cpp, lines); }

}  // namespace

TEST_CASE("keywords, defined names, builtins and calls get their own kinds") {
    auto s = py({"async def main():", "    print(len(x), foo(1))"});
    CHECK(kind_at(s, 0, 0) == TokenKind::keyword);    // async
    CHECK(kind_at(s, 0, 6) == TokenKind::keyword);    // def
    CHECK(kind_at(s, 0, 10) == TokenKind::function);  // main
    CHECK(kind_at(s, 1, 4) == TokenKind::builtin);    // print
    CHECK(kind_at(s, 1, 10) == TokenKind::builtin);   // len
    CHECK(kind_at(s, 1, 14) == TokenKind::text);      // x
    CHECK(kind_at(s, 1, 18) == TokenKind::call);      // foo
    CHECK(kind_at(s, 1, 22) == TokenKind::number);    // 1
}

TEST_CASE("comments run to the end of the line, but not from inside a string") {
    auto s = py({"x = '#no'  # yes"});
    CHECK(kind_at(s, 0, 5) == TokenKind::string);
    CHECK(kind_at(s, 0, 11) == TokenKind::comment);
    CHECK(kind_at(s, 0, 15) == TokenKind::comment);
}

TEST_CASE("numbers in their Python forms") {
    auto s = py({"a = 0x1F + 1_000 + 2.5e-3 + .5 + 3j"});
    CHECK(kind_at(s, 0, 4) == TokenKind::number);
    CHECK(kind_at(s, 0, 7) == TokenKind::number);
    CHECK(kind_at(s, 0, 15) == TokenKind::number);
    CHECK(kind_at(s, 0, 24) == TokenKind::number);  // the 3 of e-3
    CHECK(kind_at(s, 0, 29) == TokenKind::number);  // .5
    CHECK(kind_at(s, 0, 34) == TokenKind::number);  // j
}

TEST_CASE("f-string replacement fields are coloured as code") {
    auto s = py({"f\"took {t - start:.1f} s {{x}}\""});
    CHECK(kind_at(s, 0, 0) == TokenKind::string);          // prefix
    CHECK(kind_at(s, 0, 3) == TokenKind::string);          // took
    CHECK(kind_at(s, 0, 7) == TokenKind::fstring_brace);   // {
    CHECK(kind_at(s, 0, 8) == TokenKind::text);            // t
    CHECK(kind_at(s, 0, 10) == TokenKind::op);             // -
    CHECK(kind_at(s, 0, 17) == TokenKind::string);         // :.1f
    CHECK(kind_at(s, 0, 21) == TokenKind::fstring_brace);  // }
    CHECK(kind_at(s, 0, 25) == TokenKind::string_escape);  // {{
    CHECK(kind_at(s, 0, 12) == TokenKind::text);           // start
    CHECK(kind_at(s, 0, 30) == TokenKind::string);         // closing quote
}

TEST_CASE("a plain string's braces are just string") {
    auto s = py({"'{x}'"});
    CHECK(kind_at(s, 0, 1) == TokenKind::string);
    CHECK(kind_at(s, 0, 2) == TokenKind::string);
}

TEST_CASE("escapes are marked except in raw strings") {
    auto s = py({"'a\\nb' r'a\\nb'"});
    CHECK(kind_at(s, 0, 2) == TokenKind::string_escape);
    CHECK(kind_at(s, 0, 10) == TokenKind::string);
}

TEST_CASE("triple-quoted strings carry over line ends") {
    auto s = py({"x = \"\"\"first", "def not_code", "end\"\"\" + 1"});
    CHECK(kind_at(s, 1, 0) == TokenKind::string);
    CHECK(kind_at(s, 2, 5) == TokenKind::string);
    CHECK(kind_at(s, 2, 9) == TokenKind::number);
}

TEST_CASE("an unterminated single-quoted string stops at the line end") {
    auto s = py({"x = 'abc", "def f(): pass"});
    CHECK(kind_at(s, 0, 6) == TokenKind::string);
    CHECK(kind_at(s, 1, 0) == TokenKind::keyword);
}

TEST_CASE("decorators, constants and self") {
    auto s = py({"@functools.cache", "    self.x = None"});
    CHECK(kind_at(s, 0, 12) == TokenKind::decorator);
    CHECK(kind_at(s, 1, 4) == TokenKind::self);
    CHECK(kind_at(s, 1, 13) == TokenKind::constant);
}

TEST_CASE("identifiers that begin with a string prefix are not strings") {
    auto s = py({"bus = fr", "buffer"});
    CHECK(kind_at(s, 0, 0) == TokenKind::text);
    CHECK(kind_at(s, 0, 6) == TokenKind::text);
    CHECK(kind_at(s, 1, 0) == TokenKind::text);
}

TEST_CASE("C++: preprocessor, keywords, types, strings and comments") {
    auto s = cpp({"#include <aio/aio.hpp>  // all", "aio::Task<int> f() { co_return 1; }", "auto s = \"a\\n\"; /* x"});
    CHECK(kind_at(s, 0, 0) == TokenKind::preprocessor);
    CHECK(kind_at(s, 0, 10) == TokenKind::string);
    CHECK(kind_at(s, 0, 26) == TokenKind::comment);
    CHECK(kind_at(s, 1, 0) == TokenKind::type);      // aio
    CHECK(kind_at(s, 1, 5) == TokenKind::type);      // Task
    CHECK(kind_at(s, 1, 10) == TokenKind::type);     // int
    CHECK(kind_at(s, 1, 15) == TokenKind::call);     // f
    CHECK(kind_at(s, 1, 21) == TokenKind::keyword);  // co_return
    CHECK(kind_at(s, 2, 10) == TokenKind::string);
    CHECK(kind_at(s, 2, 11) == TokenKind::string_escape);
    CHECK(kind_at(s, 2, 17) == TokenKind::comment);
}

TEST_CASE("C++: block comments and raw strings carry over line ends") {
    auto s = cpp({"/* a", "still */ int x;", "auto r = R\"(", "text\")\";"});
    CHECK(kind_at(s, 1, 2) == TokenKind::comment);
    CHECK(kind_at(s, 1, 9) == TokenKind::type);
    CHECK(kind_at(s, 3, 0) == TokenKind::string);
    CHECK(kind_at(s, 3, 6) == TokenKind::string);
    CHECK(kind_at(s, 3, 7) == TokenKind::op);
}
