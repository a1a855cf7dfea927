#pragma once
// append_json_string: a string as a JSON string literal. The loop's trace
// exports (aio-py --trace, the playground's timeline export) write Chrome
// trace-event JSON with task names and details that come from user code, so
// quotes, backslashes and control characters must be escaped; UTF-8 passes
// through (JSON text is UTF-8).

#include <cstdio>
#include <string>
#include <string_view>

namespace aio::detail {

inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

}  // namespace aio::detail
