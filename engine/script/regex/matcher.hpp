// matcher.hpp — runs a Program over a string of code points: a backtracking
// VM with an explicit stack (no C++ recursion per character), its memory and
// its steps charged to a Budget so that catastrophic patterns end in an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "regex/program.hpp"

namespace aio::script::regex {

// What a match may spend. Both return false when the host refuses (the
// host has raised its own exception: MemoryError, KeyboardInterrupt...).
struct Budget {
    virtual ~Budget() = default;
    virtual bool charge(uint64_t steps) = 0;
    virtual bool reserve(size_t bytes) = 0;
};

// The subject string: either one byte per code point (ASCII) or 32-bit code points.
struct Text {
    const uint8_t* bytes = nullptr;
    const uint32_t* wide = nullptr;
    size_t length = 0;  // code points
};

enum class Mode : uint8_t { Match, Search, FullMatch };

constexpr uint32_t kUnset = 0xffffffffu;

struct MatchResult {
    std::vector<uint32_t> slots;  // 2 per group (group 0 first); kUnset if the group did not take part
    int64_t lastindex = -1;       // last group closed, -1: none
};

// 1: matched (result filled), 0: no match, -1: the budget refused (its error is pending).
// must_advance: no empty match at pos (the search after an empty match, as sre's).
int run(const Program& prog, const Text& text, size_t pos, size_t endpos, Mode mode, Budget& budget,
        MatchResult& result, bool must_advance = false);

}  // namespace aio::script::regex
