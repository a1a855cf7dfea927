// interp.hpp — the interpreter's public face for hosts (aio-py, the browser
// playground, tests): run a program as __main__ and get its exit status.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aio/observer.hpp"
#include "vm/vm.hpp"

namespace aio::script {

class Interpreter {
public:
    explicit Interpreter(Limits limits = {});
    ~Interpreter();

    // Where print()/tracebacks go: stream 1 stdout, 2 stderr; `flush` pushes
    // out what the host buffers for a stream (none: the host does not buffer).
    void set_output(WriteFn write, FlushFn flush = {});
    void set_argv(std::vector<std::string> argv);
    void set_clock(Clock* clock);  // borrowed; the event loop's clock
    // Lets open() read files (read-only text). Off by default: the browser has none.
    void allow_file_reads(bool on) { m_vm->m_allow_file_reads = on; }
    // Makes `asyncio` importable, its loops on a virtual (instant) or real clock.
    void enable_asyncio(bool virtual_clock);
    // Where the asyncio loops report their events (borrowed; after enable_asyncio).
    void set_observer(aio::Observer* observer);

    // The bytecode listing of `source`, or false with `out` holding the
    // SyntaxError line ("SyntaxError: msg (line N)").
    bool disassemble(std::string_view source, std::string_view filename, std::string& out);

    // Runs `source` as the __main__ module. Returns the process exit status
    // CPython would give: 0, 1 after an uncaught exception (traceback printed
    // to stderr), or SystemExit's code.
    int run_main(std::string_view source, std::string_view filename);

    VM& vm() { return *m_vm; }
    // The public top-level modules a script can import (native and lib/),
    // sorted: what a host names after a ModuleNotFoundError.
    std::vector<std::string> module_names() const;

    // Pieces of run_main for hosts that drive a run themselves (ScriptProgram):
    // the exit status for an escaped exception (printing its traceback), and
    // the end-of-run reports (coroutines never awaited).
    int exit_status_for(const Value& exc);
    void report_unawaited_at_exit();

private:
    std::unique_ptr<VM> m_vm;
};

}  // namespace aio::script
