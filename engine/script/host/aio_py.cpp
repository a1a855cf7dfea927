// aio_py.cpp — aio-py: run a Python-subset program like `python3` does.
//
//   aio-py FILE.py [args...]     run a file
//   aio-py -c CODE [args...]     run a string
//   aio-py - [args...]           run stdin
//   -u                           unbuffered stdout (also PYTHONUNBUFFERED), as python3 -u
//   --clock virtual|real         event-loop clock (virtual: instant, deterministic)
//   --trace FILE.json            write the loop's events as Chrome trace JSON
//   --disassemble                print bytecode instead of running
//   --max-steps N                stop the run (KeyboardInterrupt) after about N instructions
//   --hosted N                   drive the run like the browser does (ScriptProgram),
//                                pausing every N instructions (a test of that path)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "host/interp.hpp"
#include "host/program.hpp"
#include "host/trace.hpp"

using namespace aio::script;

namespace {

// stdout is block-buffered when not a terminal and stderr unbuffered, as
// CPython's streams are; C stdio gives exactly that (-u: both unbuffered).
void write_stream(int stream, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stream == 2 ? stderr : stdout);
}
void flush_stream(int stream) { std::fflush(stream == 2 ? stderr : stdout); }

int usage() {
    std::fprintf(
        stderr,
        "usage: aio-py [-u] [--clock virtual|real] [--trace FILE.json] [--disassemble] [--hosted N] [--max-steps N] "
        "(FILE.py | -c CODE | -) [args...]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string clock = "real", trace, code, filename;
    bool have_code = false, disassemble_only = false, unbuffered = false;
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
        } else if (a == "-u") {
            unbuffered = true;
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
    // As CPython: -u or a non-empty PYTHONUNBUFFERED makes stdout unbuffered.
    const char* env_unbuffered = std::getenv("PYTHONUNBUFFERED");
    if (unbuffered || (env_unbuffered && *env_unbuffered)) std::setvbuf(stdout, nullptr, _IONBF, 0);
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
            o.write = write_stream;
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
        interp.set_output(write_stream, flush_stream);
        if (disassemble_only) {
            std::string listing;
            bool ok = interp.disassemble(code, filename, listing);
            std::fputs(listing.c_str(), ok ? stdout : stderr);
            return ok ? 0 : 1;
        }
        interp.enable_asyncio(clock == "virtual");
        if (!trace.empty()) interp.set_observer(&tracer);
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
