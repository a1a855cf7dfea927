// compiler.hpp — AST to code objects.
#pragma once

#include <string_view>

#include "compile/ast.hpp"
#include "compile/lexer.hpp"
#include "vm/vm.hpp"

namespace aio::script {

// Parses and compiles a module. Returns the module's code object, or Null
// with err filled (a SyntaxError to report).
Value compile_source(VM& vm, std::string_view src, std::string_view filename, SyntaxErrorInfo& err);

// Human-readable listing of a code object and its nested code (disasm.cpp).
std::string disassemble(CodeObject* code);

}  // namespace aio::script
