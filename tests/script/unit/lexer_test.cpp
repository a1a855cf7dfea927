// lexer_test.cpp — tokens, indentation and lexical errors.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

TEST_CASE("an indented block is wrapped in INDENT and DEDENT") {
    auto k = kinds(lex("if x:\n    y\nz\n"));
    std::vector<Tok> want{Tok::If,      Tok::Name,   Tok::Colon, Tok::Newline, Tok::Indent,   Tok::Name,
                          Tok::Newline, Tok::Dedent, Tok::Name,  Tok::Newline, Tok::EndMarker};
    CHECK(k == want);
}

TEST_CASE("newlines inside brackets do not end the logical line") {
    auto k = kinds(lex("f(1,\n  2)\n"));
    std::vector<Tok> want{Tok::Name,   Tok::LParen, Tok::Number,  Tok::Comma,
                          Tok::Number, Tok::RParen, Tok::Newline, Tok::EndMarker};
    CHECK(k == want);
}

TEST_CASE("blank and comment-only lines do not change indentation") {
    auto k = kinds(lex("def f():\n\n    # note\n    return 1\n"));
    CHECK(std::count(k.begin(), k.end(), Tok::Indent) == 1);
    CHECK(std::count(k.begin(), k.end(), Tok::Dedent) == 1);
}

TEST_CASE("numbers: decimal, hex, binary, underscores and floats") {
    auto t = lex("10 0x1f 0b101 1_000 2.5 1e3 .5\n");
    REQUIRE(t.size() >= 7);
    CHECK(t[0].ival == 10);
    CHECK(t[1].ival == 31);
    CHECK(t[2].ival == 5);
    CHECK(t[3].ival == 1000);
    CHECK(t[4].is_float);
    CHECK(t[4].fval == 2.5);
    CHECK(t[5].fval == 1000.0);
    CHECK(t[6].fval == 0.5);
}

TEST_CASE("string literals are decoded, f-strings kept raw for the parser") {
    auto t = lex("'a\\tb' f'{x}\\n' r'\\d'\n");
    REQUIRE(t.size() >= 3);
    CHECK(t[0].text == "a\tb");
    CHECK(t[1].is_fstring);
    CHECK(t[1].text == "{x}\\n");
    CHECK(t[2].text == "\\d");
}

TEST_CASE("tokens carry line and code-point columns") {
    auto t = lex("é = 1\nx\n");
    REQUIRE(t.size() >= 5);
    CHECK(t[0].col == 0);
    CHECK(t[1].col == 2);  // '=' after the two-byte 'é' and a space
    CHECK(t[4].line == 2);
}

TEST_CASE("an unterminated string is reported where it starts") {
    SyntaxErrorInfo e;
    lex("x = 'abc\n", &e);
    CHECK(e.msg == "unterminated string literal (detected at line 1)");
    CHECK(e.line == 1);
    CHECK(e.col == 4);
}

TEST_CASE("a dedent to an unknown level is an IndentationError") {
    SyntaxErrorInfo e;
    lex("if 1:\n    x=1\n  y=2\n", &e);
    CHECK(e.indentation);
    CHECK(e.msg == "unindent does not match any outer indentation level");
}

TEST_CASE("mismatched brackets name both brackets") {
    SyntaxErrorInfo e;
    lex("x = [1,\n 2)\n", &e);
    CHECK(e.msg == "closing parenthesis ')' does not match opening parenthesis '[' on line 1");
}
