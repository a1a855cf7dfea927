#pragma once
// The Console panel: what the program printed, stdout plain and stderr in
// red, optional loop-time stamps, Clear, Copy, and the example's expected
// output (what CPython prints) to compare against.

#include "model/console_log.h"

#include <imgui.h>

#include <cstdint>
#include <string>

namespace aio::web {

struct Fonts;

class ConsolePanel {
public:
    bool show_times = false;
    bool show_expected = false;

    // `expected` may be empty (no .out file). Returns true if Clear was pressed.
    bool draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const ConsoleLog& log, const std::string& expected,
              bool finished);

private:
    std::uint64_t m_seen_gen = 0;
    bool m_stick_to_bottom = true;
    // The CPython verdict, recomputed only when the output or the expectation changes.
    std::uint64_t m_verdict_gen = ~std::uint64_t{0};
    const std::string* m_verdict_expected = nullptr;
    bool m_verdict_match = false;
    bool m_verdict_has_output = false;
};

}  // namespace aio::web
