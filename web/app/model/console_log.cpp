#include "console_log.h"

namespace aio::web {

void ConsoleLog::write(Stream stream, std::string_view text, double loop_time) {
    ++m_gen;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view piece = text.substr(0, nl);
        // Continue this stream's unfinished line only if nothing came between.
        if (!m_lines.empty() && m_lines.back().open && m_lines.back().stream == stream) {
            m_lines.back().text += piece;
        } else {
            m_lines.push_back({stream, loop_time, std::string(piece), true});
        }
        if (nl == std::string_view::npos) break;
        m_lines.back().open = false;
        text.remove_prefix(nl + 1);
    }
    while (m_lines.size() > m_max_lines) {
        m_lines.pop_front();
        ++m_dropped;
    }
}

void ConsoleLog::clear() {
    m_lines.clear();
    m_dropped = 0;
    ++m_gen;
}

std::string ConsoleLog::text(bool with_out, bool with_err, bool with_info) const {
    std::string out;
    for (const ConsoleLine& l : m_lines) {
        bool want = (l.stream == Stream::out && with_out) || (l.stream == Stream::err && with_err) ||
                    (l.stream == Stream::info && with_info);
        if (!want) continue;
        out += l.text;
        out += '\n';
    }
    return out;
}

}  // namespace aio::web
