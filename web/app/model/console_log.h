#pragma once
// What the Console panel shows: the script's stdout and stderr, plus the
// playground's own notes (run started, stopped), each line stamped with the
// loop time at which it was written. No ImGui here.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace aio::web {

enum class Stream : std::uint8_t {
    out,   // the script's stdout
    err,   // stderr: tracebacks, warnings
    info,  // the playground's own notes
};

struct ConsoleLine {
    Stream stream;
    double loop_time;   // loop time when the line began, seconds
    std::string text;   // without the trailing newline
    bool open = false;  // no newline seen yet: the next write of this stream continues it
};

class ConsoleLog {
public:
    explicit ConsoleLog(size_t max_lines = 20000) : m_max_lines(max_lines) {}

    // Appends text as written by print() (may hold several or partial lines).
    void write(Stream stream, std::string_view text, double loop_time);
    // A whole line from the playground itself.
    void note(std::string_view text, double loop_time) { write(Stream::info, std::string(text) + "\n", loop_time); }
    void clear();

    const std::deque<ConsoleLine>& lines() const { return m_lines; }
    size_t dropped() const { return m_dropped; }        // oldest lines dropped to stay under the cap
    std::uint64_t generation() const { return m_gen; }  // changes on every write and clear
    // All text of the given streams, one line per line (what a test reads).
    std::string text(bool with_out = true, bool with_err = true, bool with_info = false) const;

private:
    std::deque<ConsoleLine> m_lines;
    size_t m_max_lines;
    size_t m_dropped = 0;
    std::uint64_t m_gen = 0;
};

}  // namespace aio::web
