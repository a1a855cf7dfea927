#pragma once
// The Console panel: what the program printed, stdout plain and stderr in
// red, optional loop-time stamps, Clear, Copy, and the example's expected
// output (what CPython prints) to compare against.
//
// Once the example's C++ twin has run ("Run C++"), the panel splits into two
// columns, the script's output on the left and the C++ program's on the
// right, each with its own verdict against CPython, so the two can be read
// line by line. Closing the C++ column (or Clear) goes back to one.

#include "model/console_log.h"

#include <imgui.h>

#include <cstdint>
#include <string>

namespace aio::web {

struct Fonts;

// One column's content: a log, what it is, and whether its run finished
// (only then is it compared with the expected output).
struct ConsoleSource {
    const ConsoleLog* log = nullptr;
    std::string title;  // "08_gather.py", "08_gather.cpp"
    bool finished = false;
};

struct ConsoleActions {
    bool clear = false;      // Clear: both columns
    bool close_cpp = false;  // the C++ column's close button
};

class ConsolePanel {
public:
    bool show_times = false;
    bool show_expected = false;

    // `expected` may be empty (no .out file); the panel caches verdicts by
    // its address, so pass the same string while it is the same. `cpp.log`
    // null: one column.
    ConsoleActions draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const ConsoleSource& script,
                        const ConsoleSource& cpp, const std::string& expected);

private:
    // Scroll following and the CPython verdict of one column, recomputed only
    // when its output or the expectation changes.
    struct Column {
        std::uint64_t seen_gen = 0;
        bool stick_to_bottom = true;
        std::uint64_t verdict_gen = ~std::uint64_t{0};
        const std::string* verdict_expected = nullptr;
        bool match = false;
        bool has_output = false;
    };
    // 1 = matches, -1 = differs, 0 = nothing to say.
    static int verdict(Column& col, const ConsoleSource& src, const std::string& expected);
    void draw_lines(const char* id, const ImVec2& size, const Fonts& fonts, const ConsoleLog& log, Column& col,
                    const char* empty_text);
    // A column's heading: its title and verdict; true if its close button was pressed.
    static bool column_heading(const ConsoleSource& src, int verdict, bool closable, const Fonts& fonts, float width);

    Column m_script;
    Column m_cpp;
};

}  // namespace aio::web
