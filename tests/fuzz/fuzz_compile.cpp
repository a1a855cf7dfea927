// fuzz_compile.cpp — libFuzzer target over the front end alone: tokenizer,
// parser, symbol table and compiler, nothing run. Thousands of inputs a
// second, so it goes deeper into the grammar than the whole-program target.
// A SyntaxError is an ordinary outcome; a crash, a hang, a sanitizer report,
// or a source that is not UTF-8 compiling anyway is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "compile/compiler.hpp"
#include "fuzz_limits.hpp"
#include "objects/runtime.hpp"

using namespace aio::script;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 16384) return 0;
    std::string_view src(reinterpret_cast<const char*>(data), size);
    VM vm(fuzz::limits());
    VMScope scope(vm);
    SyntaxErrorInfo err;
    Value code = compile_source(vm, src, "fuzz.py", err);
    // CPython refuses every source that is not UTF-8 (PEP 3120).
    if (!code.is_null() && !fuzz::valid_utf8(src)) std::abort();
    vm.clear_exc();
    return 0;
}
