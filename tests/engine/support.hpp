#pragma once
// Shared helpers for engine tests: a loop on the virtual clock, a recorder
// for observer events and printed lines, and a capture of the exception
// handler's reports.

#include <doctest/doctest.h>

#include <string>
#include <vector>

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
    T run(aio::Coroutine<T> c) { return aio::run_until_complete(*loop, std::move(c)); }
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

}  // namespace aio_test
