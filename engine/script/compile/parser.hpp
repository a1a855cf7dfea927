// parser.hpp — tokens to AST, by recursive descent over Python's grammar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compile/ast.hpp"
#include "compile/lexer.hpp"

namespace aio::script {

// Parses a whole module. On failure returns false and fills err (message,
// line, column range) the way CPython 3.11 reports the same mistake.
bool parse_module(std::string_view src, Arena& arena, Module& out, SyntaxErrorInfo& err);

}  // namespace aio::script
