// fuzz_script.cpp — libFuzzer target over the whole script layer: the input
// is a program. It is tokenized, parsed and compiled, then run for a bounded
// amount of work on a virtual clock through the host driver (ScriptProgram,
// the browser's path): small instruction slices, a step limit, little memory,
// shallow recursion, output discarded. Any crash, hang or sanitizer report
// is a bug; SyntaxErrors and Python exceptions are ordinary outcomes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "compile/compiler.hpp"
#include "host/interp.hpp"
#include "objects/runtime.hpp"
#include "host/program.hpp"
#include "fuzz_limits.hpp"

using namespace aio::script;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 8192) return 0;
    std::string_view src(reinterpret_cast<const char*>(data), size);
    {
        // Front end alone (also for inputs the run below rejects early).
        VM vm(fuzz::limits());
        VMScope scope(vm);
        SyntaxErrorInfo err;
        (void)compile_source(vm, src, "fuzz.py", err);
    }
    ScriptProgram::Options o;
    o.limits = fuzz::limits();
    o.virtual_clock = true;
    o.write = [](int, std::string_view) {};
    ScriptProgram prog(std::move(o));
    prog.start(src, "fuzz.py");
    for (int i = 0; i < 400 && prog.state() != ScriptProgram::State::finished; ++i) prog.step();
    if (prog.state() != ScriptProgram::State::finished) prog.stop();
    return 0;
}
