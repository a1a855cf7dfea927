// trace.cpp — Chrome trace-event JSON from the loop's observer events.

#include "host/trace.hpp"

#include <cstdio>

#include "aio/detail/json_string.hpp"

namespace aio::script {

using aio::detail::append_json_string;

namespace {

std::string micros(double seconds) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", seconds * 1e6);
    return buf;
}

}  // namespace

void TraceWriter::add(const std::string& event) { m_events.push_back(event); }

void TraceWriter::on_event(const aio::LoopEvent& e) {
    uint64_t tid = e.task_id;
    std::string ts = micros(e.time);
    auto instant = [&](std::string_view name, std::string_view detail) {
        std::string s =
            "{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"ts\":" + ts + ",\"name\":";
        append_json_string(s, name);
        s += ",\"args\":{\"iteration\":" + std::to_string(e.iteration);
        if (!detail.empty()) {
            s += ",\"detail\":";
            append_json_string(s, detail);
        }
        s += "}}";
        add(s);
    };
    if (tid && !m_named[tid]) {
        m_named[tid] = true;
        std::string s =
            "{\"ph\":\"M\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"name\":\"thread_name\",\"args\":{\"name\":";
        append_json_string(s, e.task_name);
        s += "}}";
        add(s);
    }
    auto close_step = [&](std::string_view outcome) {
        Open& o = m_steps[tid];
        if (!o.open) return;
        o.open = false;
        std::string s = "{\"ph\":\"X\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"ts\":" + micros(o.start) +
                        ",\"dur\":" + micros(e.time - o.start) + ",\"name\":\"step\",\"args\":{\"then\":";
        append_json_string(s, outcome);
        s += "}}";
        add(s);
    };
    switch (e.kind) {
    case aio::LoopEventKind::task_created:
        instant("created", {});
        break;
    case aio::LoopEventKind::task_step:
        m_steps[tid] = Open{e.time, true};
        break;
    case aio::LoopEventKind::task_suspended:
        close_step(std::string("waits on ") + std::string(e.what));
        break;
    case aio::LoopEventKind::task_done:
        close_step("done");
        instant("done", {});
        break;
    case aio::LoopEventKind::task_cancelled:
        close_step("cancelled");
        instant("cancelled", {});
        break;
    case aio::LoopEventKind::task_failed:
        close_step("failed");
        instant("failed", e.what);
        break;
    case aio::LoopEventKind::timer_armed:
        instant("timer armed", {});
        break;
    case aio::LoopEventKind::timer_fired:
        instant("timer fired", {});
        break;
    case aio::LoopEventKind::timer_cancelled:
        instant("timer cancelled", {});
        break;
    case aio::LoopEventKind::callback:
        instant("callback", e.what);
        break;
    }
}

std::string TraceWriter::json() const {
    std::string out = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
    out += "{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"thread_name\",\"args\":{\"name\":\"event loop\"}}";
    for (const auto& e : m_events) {
        out += ",\n";
        out += e;
    }
    out += "\n]}\n";
    return out;
}

}  // namespace aio::script
