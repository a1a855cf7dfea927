#include "trace_export.h"

#include <algorithm>
#include <cstdio>

namespace aio::web {

namespace {

// Trace timestamps are microseconds; keep sub-microsecond precision for
// virtual-time runs where many steps share one instant.
void append_us(std::string& out, double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", seconds * 1e6);
    out += buf;
}

}  // namespace

std::string to_chrome_trace(const LoopView& view) {
    std::string out = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
    bool first = true;
    auto sep = [&] {
        if (!first) out += ",\n";
        first = false;
    };
    sep();
    out += R"({"ph":"M","pid":1,"tid":0,"name":"process_name","args":{"name":"aio event loop"}})";
    for (const TaskLane& lane : view.tasks) {
        sep();
        out += R"({"ph":"M","pid":1,"tid":)" + std::to_string(lane.id) + R"(,"name":"thread_name","args":{"name":)";
        append_json_string(out, lane.name);
        out += "}}";
        sep();
        out += R"({"ph":"M","pid":1,"tid":)" + std::to_string(lane.id) +
               R"(,"name":"thread_sort_index","args":{"sort_index":)" + std::to_string(lane.id) + "}}";
        for (const TaskSegment& seg : lane.segments) {
            double end = seg.open ? std::max(view.time, seg.start) : seg.end;
            sep();
            if (is_finished(seg.state)) {
                out += R"({"ph":"i","s":"t","pid":1,"tid":)" + std::to_string(lane.id) + ",\"ts\":";
                append_us(out, seg.start);
            } else {
                out += R"({"ph":"X","pid":1,"tid":)" + std::to_string(lane.id) + ",\"ts\":";
                append_us(out, seg.start);
                out += ",\"dur\":";
                append_us(out, end - seg.start);
            }
            out += ",\"cat\":\"task\",\"name\":";
            append_json_string(out, to_string(seg.state));
            if (!seg.detail.empty()) {
                out += ",\"args\":{\"detail\":";
                append_json_string(out, seg.detail);
                out += "}";
            }
            out += "}";
        }
    }
    out += "\n]}\n";
    return out;
}

}  // namespace aio::web
