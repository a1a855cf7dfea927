// script_test.hpp — helpers shared by the script layer's unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compile/compiler.hpp"
#include "host/interp.hpp"
#include "compile/lexer.hpp"
#include "compile/parser.hpp"
#include "objects/runtime.hpp"

namespace aio::script::test {

struct RunResult {
    int status = 0;
    std::string out;
    std::string err;
};

// Runs `src` as __main__ in a fresh interpreter (virtual clock for asyncio);
// output printed while the run is torn down is included.
inline RunResult run(std::string_view src, Limits limits = {}) {
    RunResult r;
    {
        Interpreter interp(limits);
        interp.set_output([&r](int stream, std::string_view text) { (stream == 2 ? r.err : r.out) += text; });
        interp.enable_asyncio(true);
        r.status = interp.run_main(src, "test.py");
    }
    return r;
}

inline std::vector<Token> lex(std::string_view src, SyntaxErrorInfo* err = nullptr) {
    std::vector<Token> toks;
    SyntaxErrorInfo e;
    Lexer lx(src);
    bool ok = lx.run(toks, e);
    if (err) *err = e;
    if (!ok) toks.clear();
    return toks;
}

inline std::vector<Tok> kinds(const std::vector<Token>& toks) {
    std::vector<Tok> k;
    for (auto& t : toks) k.push_back(t.kind);
    return k;
}

// The SyntaxError a compile of `src` reports (empty msg if it compiles).
inline SyntaxErrorInfo compile_error(std::string_view src) {
    VM vm;
    VMScope scope(vm);
    SyntaxErrorInfo err;
    Value code = compile_source(vm, src, "test.py", err);
    if (!code.is_null()) err = SyntaxErrorInfo{};
    return err;
}

inline std::string disasm(std::string_view src) {
    VM vm;
    VMScope scope(vm);
    SyntaxErrorInfo err;
    Value code = compile_source(vm, src, "test.py", err);
    if (code.is_null()) return "SyntaxError: " + err.msg;
    return disassemble(code.as<CodeObject>());
}

}  // namespace aio::script::test
