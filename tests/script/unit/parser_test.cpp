// parser_test.cpp — the syntax tree and CPython's syntax error messages.
#include <doctest/doctest.h>

#include "script_test.hpp"

using namespace aio::script;
using namespace aio::script::test;

namespace {

Expr* parse_expr(Arena& arena, std::string_view src) {
    Module m;
    SyntaxErrorInfo err;
    REQUIRE(parse_module(src, arena, m, err));
    REQUIRE(m.body.size() == 1);
    REQUIRE(m.body[0]->kind == SK::Expr);
    return static_cast<ExprStmt*>(m.body[0])->value;
}

SyntaxErrorInfo parse_error(std::string_view src) {
    Arena arena;
    Module m;
    SyntaxErrorInfo err;
    CHECK_FALSE(parse_module(src, arena, m, err));
    return err;
}

}  // namespace

TEST_CASE("multiplication binds tighter than addition") {
    Arena arena;
    Expr* e = parse_expr(arena, "2 + 3 * 4\n");
    REQUIRE(e->kind == EK::BinOp);
    auto* add = static_cast<BinOpExpr*>(e);
    CHECK(add->op == BinOp::Add);
    REQUIRE(add->right->kind == EK::BinOp);
    CHECK(static_cast<BinOpExpr*>(add->right)->op == BinOp::Mul);
}

TEST_CASE("power is right-associative and binds tighter than unary minus") {
    Arena arena;
    Expr* e = parse_expr(arena, "-2 ** 3 ** 2\n");
    REQUIRE(e->kind == EK::UnaryOp);
    Expr* pow = static_cast<UnaryOpExpr*>(e)->operand;
    REQUIRE(pow->kind == EK::BinOp);
    CHECK(static_cast<BinOpExpr*>(pow)->right->kind == EK::BinOp);
}

TEST_CASE("nodes carry their source span") {
    Arena arena;
    Expr* e = parse_expr(arena, "foo(bar, 1)\n");
    CHECK(e->loc.line == 1);
    CHECK(e->loc.col == 0);
    CHECK(e->loc.end_col == 11);
}

TEST_CASE("an f-string becomes literal and formatted parts") {
    Arena arena;
    Expr* e = parse_expr(arena, "f'a{x!r:>4}b'\n");
    REQUIRE(e->kind == EK::JoinedStr);
    auto* j = static_cast<JoinedStrExpr*>(e);
    REQUIRE(j->values.size() == 3);
    CHECK(j->values[1]->kind == EK::FormattedValue);
    auto* fv = static_cast<FormattedValueExpr*>(j->values[1]);
    CHECK(fv->conversion == 'r');
    CHECK(fv->format_spec != nullptr);
}

TEST_CASE("a chained comparison is one Compare node") {
    Arena arena;
    Expr* e = parse_expr(arena, "a < b <= c\n");
    REQUIRE(e->kind == EK::Compare);
    CHECK(static_cast<CompareExpr*>(e)->ops.size() == 2);
}

TEST_CASE("a missing colon is reported at the end of the header") {
    auto e = parse_error("if x\n  pass\n");
    CHECK(e.msg == "expected ':'");
    CHECK(e.col == 4);
}

TEST_CASE("two expressions side by side in brackets suggest a comma") {
    auto e = parse_error("f(a b)\n");
    CHECK(e.msg == "invalid syntax. Perhaps you forgot a comma?");
    CHECK(e.col == 2);
    CHECK(e.end_col == 5);
}

TEST_CASE("assigning to a call suggests ==") {
    auto e = parse_error("f() = 5\n");
    CHECK(e.msg == "cannot assign to function call here. Maybe you meant '==' instead of '='?");
}

TEST_CASE("an unclosed bracket is reported where it opens") {
    auto e = parse_error("x = (1,\ny = 2\n");
    CHECK(e.msg == "'(' was never closed");
    CHECK(e.line == 1);
    CHECK(e.col == 4);
}

TEST_CASE("a block without indentation is an IndentationError") {
    auto e = parse_error("def f():\nreturn 1\n");
    CHECK(e.indentation);
    CHECK(e.msg == "expected an indented block after function definition on line 1");
}

TEST_CASE("deeply nested brackets are refused, not a stack overflow") {
    std::string src(1000, '(');
    src += "1";
    src += std::string(1000, ')');
    src += "\n";
    auto e = parse_error(src);
    CHECK(e.msg == "too many nested parentheses");
}
