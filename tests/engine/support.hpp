#pragma once
// Shared helpers for engine tests: a loop on the virtual clock, a recorder
// for observer events and printed lines, a capture of the exception handler's
// reports, the check of an expectation against CPython, and the harness of the
// tests that port a CPython program line for line (namespace aio_test::port).

#include <doctest/doctest.h>

#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>
#if !defined(__EMSCRIPTEN__)
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "aio/aio.hpp"

namespace aio_test {

// Lines a test program "prints", in order: ordering tests compare these with
// what CPython prints for the same program.
struct Log {
    std::vector<std::string> lines;
    void operator()(std::string s) { lines.push_back(std::move(s)); }
};

// A loop on the virtual clock starting at t=0, whose exception-handler
// reports are kept instead of printed.
struct VirtualLoop {
    std::vector<aio::ExceptionContext> reports;  // declared first: outlives the loop's last reports
    std::unique_ptr<aio::EventLoop> loop = std::make_unique<aio::EventLoop>(std::make_unique<aio::VirtualClock>());
    VirtualLoop() {
        loop->set_exception_handler([this](aio::EventLoop&, const aio::ExceptionContext& c) { reports.push_back(c); });
        aio::set_event_loop(loop.get());
    }
    ~VirtualLoop() { aio::set_event_loop(nullptr); }
    aio::EventLoop& operator*() { return *loop; }
    aio::EventLoop* operator->() { return loop.get(); }
    template <class T>
    T run(aio::Coroutine<T> c) {
        return aio::run_until_complete(*loop, std::move(c));
    }
};

// Records every observer event as "kind name what" strings plus the raw events.
struct Recorder : aio::Observer {
    struct Item {
        aio::LoopEventKind kind;
        double time;
        std::string task;
        std::string what;
        double until;
    };
    std::vector<Item> items;
    void on_event(const aio::LoopEvent& e) override {
        items.push_back({e.kind, e.time, std::string(e.task_name), std::string(e.what), e.until});
    }
    std::vector<std::string> of(aio::LoopEventKind kind) const {
        std::vector<std::string> out;
        for (auto& i : items)
            if (i.kind == kind) out.push_back(i.task);
        return out;
    }
};

// What `python3` prints for `program`, line by line; nullopt where there is
// no CPython to ask (Wasm, or python3 missing). Tests that quote the Python
// program they port check with it that their expectations are CPython's.
inline std::optional<std::vector<std::string>> cpython_output(const char* program) {
#if defined(__EMSCRIPTEN__)
    (void)program;
    return std::nullopt;
#else
    static int counter = 0;
    std::string path = "/tmp/aio_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + ".py";
    if (FILE* f = std::fopen(path.c_str(), "w")) {
        std::fputs(program, f);
        std::fclose(f);
    } else {
        return std::nullopt;
    }
    FILE* p = popen(("python3 " + path + " 2>/dev/null").c_str(), "r");
    if (!p) return std::nullopt;
    std::vector<std::string> lines;
    std::string cur;
    for (int c; (c = std::fgetc(p)) != EOF;) {
        if (c == '\n')
            lines.push_back(std::exchange(cur, {}));
        else
            cur += char(c);
    }
    int status = pclose(p);
    std::remove(path.c_str());
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return std::nullopt;  // no python3
    if (status != 0) lines.push_back("<python3 failed with status " + std::to_string(status) + ">");
    return lines;
#endif
}

// Lines joined, so a failed comparison prints both sides readably.
inline std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (auto& l : lines) s += l + "\n";
    return s;
}

// Checks that CPython prints `expected` for `program`. In a native build this
// is a real check: no python3 fails it. Under Emscripten there is no process
// to start, so the check is not run, and says so in the test output.
inline void expect_cpython_prints(const std::string& program, const std::vector<std::string>& expected) {
#if defined(__EMSCRIPTEN__)
    (void)program;
    (void)expected;
    MESSAGE("CPython check NOT RUN (no python3 under Emscripten): expectation not re-checked against CPython");
#else
    if (auto py = cpython_output(program.c_str())) {
        INFO("left: what python3 printed; right: what the C++ test expects");
        CHECK(joined(*py) == joined(expected));
    } else {
        FAIL_CHECK("python3 could not be started: expectation not checked against CPython");
    }
#endif
}

// The CPython side of the ported tests: a SelectorEventLoop on aio's virtual
// clock, counting iterations, and now() in the C++ side's "time@iteration"
// form. Each test's program runs after it.
constexpr const char* kVirtualLoopPy = R"PY(
import asyncio

class VirtualLoop(asyncio.SelectorEventLoop):
    """aio's virtual clock: when nothing is ready, jump to the next deadline."""
    def __init__(self):
        super().__init__()
        self.now, self.iteration = 0.0, 0
    def time(self):
        return self.now
    def _run_once(self):
        self.iteration += 1
        if not self._ready:
            live = [h._when for h in self._scheduled if not h._cancelled]
            if live:
                self.now = max(self.now, min(live))
        super()._run_once()

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def now():
    return f"{loop.time():g}@{loop.iteration}"
)PY";

// The C++ side of the ported tests: print() into g_out, now() stamps, and
// the loop a program runs on.
namespace port {

using Lines = std::vector<std::string>;

inline Lines g_out;
inline aio::EventLoop* g_loop = nullptr;

// A test program: a virtual-clock loop and what the program printed.
// Closing the loop here, before VirtualLoop's members go, keeps the reports
// of tasks left pending ("Task was destroyed but it is pending!") in a live
// vector (VirtualLoop declares `reports` after `loop`).
struct Program {
    VirtualLoop L;
    Program() {
        g_out.clear();
        g_loop = L.loop.get();
    }
    ~Program() {
        L->close();
        g_loop = nullptr;
    }
};

inline std::string now() {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g@%llu", g_loop->time(), static_cast<unsigned long long>(g_loop->iteration()));
    return buf;
}

// Python's print(a, b, ...): items separated by spaces.
template <class... A>
void print(const A&... a) {
    std::ostringstream os;
    int i = 0;
    ((os << (i++ ? " " : "") << a), ...);
    g_out.push_back(os.str());
}

// Counts live coroutine frames, to prove that cancelled work is freed.
struct Probe {
    static inline int live = 0;
    Probe() { ++live; }
    Probe(const Probe&) = delete;
    ~Probe() { --live; }
};

}  // namespace port

}  // namespace aio_test

// Show both vectors when an expectation fails.
template <>
struct doctest::StringMaker<aio_test::port::Lines> {
    static doctest::String convert(const aio_test::port::Lines& v) {
        std::string s = "{\n";
        for (auto& l : v) s += "  \"" + l + "\",\n";
        return (s + "}").c_str();
    }
};
