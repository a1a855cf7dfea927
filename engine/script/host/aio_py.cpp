// main.cpp — aio-py: run a Python-subset program like `python3` does.
//
//   aio-py FILE.py [args...]     run a file
//   aio-py -c CODE [args...]     run a string
//   aio-py - [args...]           run stdin
//   --clock virtual|real         event-loop clock (virtual: instant, deterministic)
//   --trace FILE.json            write the loop's events as Chrome trace JSON
//   --disassemble                print bytecode instead of running
//   --max-steps N                stop the run (KeyboardInterrupt) after about N instructions
//   --hosted N                   drive the run like the browser does (ScriptProgram),
//                                pausing every N instructions (a test of that path)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "compile/compiler.hpp"
#include "host/interp.hpp"
#include "objects/runtime.hpp"
#include <chrono>
#include <thread>

#include "asyncio/asyncio.hpp"
#include "host/program.hpp"
#include "host/trace.hpp"

using namespace aio::script;

namespace {

int usage() {
    std::fprintf(
        stderr,
        "usage: aio-py [--clock virtual|real] [--trace FILE.json] [--disassemble] [--hosted N] [--max-steps N] "
        "(FILE.py | -c CODE | -) [args...]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string clock = "real", trace, code, filename;
    bool have_code = false, disassemble_only = false;
    long long hosted = -1;
    unsigned long long max_steps = 0;
    int i = 1;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--clock" && i + 1 < argc) {
            clock = argv[++i];
            if (clock != "virtual" && clock != "real") return usage();
        } else if (a.rfind("--clock=", 0) == 0) {
            clock = a.substr(8);
        } else if (a == "--trace" && i + 1 < argc) {
            trace = argv[++i];
        } else if (a == "--max-steps" && i + 1 < argc) {
            max_steps = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--hosted" && i + 1 < argc) {
            hosted = std::atoll(argv[++i]);
        } else if (a == "--disassemble") {
            disassemble_only = true;
        } else if (a == "-c" && i + 1 < argc) {
            code = argv[++i];
            filename = "<string>";
            have_code = true;
            ++i;
            break;
        } else if (a == "-") {
            std::ostringstream ss;
            ss << std::cin.rdbuf();
            code = ss.str();
            filename = "<stdin>";
            have_code = true;
            ++i;
            break;
        } else if (!a.empty() && a[0] == '-') {
            return usage();
        } else {
            std::ifstream in(a, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n", argv[0],
                             a.c_str());
                return 2;
            }
            code.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            filename = a;
            have_code = true;
            ++i;
            break;
        }
    }
    if (!have_code) return usage();
    std::vector<std::string> args;
    args.push_back(filename == "<string>" ? "-c" : filename == "<stdin>" ? "-" : filename);
    for (; i < argc; ++i) args.push_back(argv[i]);

    TraceWriter tracer;  // outlives the interpreter: its loops report to it until they close
    int status;
    if (hosted >= 0 && !disassemble_only) {
        {
            ScriptProgram::Options o;
            o.virtual_clock = clock == "virtual";
            o.limits.slice_instructions = uint64_t(hosted);
            o.limits.max_steps = max_steps;
            o.argv = args;
            o.allow_file_reads = true;
            if (!trace.empty()) o.observer = &tracer;
            o.write = [](int stream, std::string_view text) {
                std::fwrite(text.data(), 1, text.size(), stream == 2 ? stderr : stdout);
            };
            ScriptProgram prog(std::move(o));
            prog.start(code, filename);
            for (;;) {
                ScriptProgram::State s = prog.run_for(2);
                if (s == ScriptProgram::State::finished) break;
                if (s == ScriptProgram::State::waiting && prog.loop()) {
                    double delay = prog.wake_at() - prog.loop()->time();
                    if (delay > 0) std::this_thread::sleep_for(std::chrono::duration<double>(std::min(delay, 0.05)));
                }
            }
            status = prog.exit_status();
            std::fflush(stdout);
        }
        if (!trace.empty()) {
            std::ofstream out(trace, std::ios::binary);
            out << tracer.json();
        }
        return status;
    }
    {
        Limits limits;
        limits.max_steps = max_steps;
        Interpreter interp(limits);
        interp.set_argv(args);
        interp.allow_file_reads(true);
        // stdout is block-buffered when not a terminal and stderr unbuffered, as
        // CPython's streams are; C stdio gives exactly that.
        interp.set_output([](int stream, std::string_view text) {
            std::fwrite(text.data(), 1, text.size(), stream == 2 ? stderr : stdout);
        });
        if (disassemble_only) {
            VMScope scope(interp.vm());
            SyntaxErrorInfo err;
            Value c = compile_source(interp.vm(), code, filename, err);
            if (c.is_null()) {
                std::fprintf(stderr, "SyntaxError: %s (line %d)\n", err.msg.c_str(), err.line);
                return 1;
            }
            std::fputs(disassemble(c.as<CodeObject>()).c_str(), stdout);
            return 0;
        }
        interp.enable_asyncio(clock == "virtual");
        if (!trace.empty()) asyncio_state(interp.vm()).observer = &tracer;
        status = interp.run_main(code, filename);
        std::fflush(stdout);
    }
    if (!trace.empty()) {
        std::ofstream out(trace, std::ios::binary);
        out << tracer.json();
        if (!out) std::fprintf(stderr, "aio-py: cannot write trace to %s\n", trace.c_str());
    }
    return status;
}
