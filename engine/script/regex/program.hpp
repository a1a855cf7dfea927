// program.hpp — a compiled pattern: instructions for the backtracking
// matcher (matcher.cpp), built from the node tree by compiler.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "regex/node.hpp"

namespace aio::script::regex {

enum class Op : uint8_t {
    Char,         // a: code point
    NotChar,      // a
    Any,          // any but \n
    AnyAll,       // any (DOTALL)
    Set,          // a: index in m_sets
    At,           // a: At, b: multiline
    Save,         // a: slot (2*group, 2*group+1)
    Split,        // try x first, then y
    Jmp,          // x
    Match,        // the whole pattern matched
    GroupRef,     // a: group
    GroupExists,  // a: group; not set: jump to x
    RepeatInit,   // a: register (count = 0, start = none)
    RepeatCheck,  // a: register, min/max, greedy (b); body at pc+1 (RepeatIter), exit x
    RepeatIter,   // a: register: count += 1, start = pos
    RepeatOne,    // single-position body at pc+1; min/max, b: greedy; continue at pc+2
    AtomicStart,  // push a barrier; the group's end is AtomicEnd
    AtomicEnd,    // drop the choice points since the barrier
    LookStart,    // b: negate, width (lookbehind steps back), x: after LookEnd
    LookEnd,      // the assertion's body matched
};

struct Inst {
    Op op;
    bool ic = false;     // IGNORECASE
    bool ascii = false;  // ASCII categories / case
    uint32_t a = 0;
    uint32_t b = 0;
    uint32_t x = 0, y = 0;
    uint64_t min = 0, max = 0;  // repeats; lookbehind: min = width, max = 1 when behind
};

// One [...] set: items plus negation, matched with the instruction's flags.
struct CharSet {
    std::vector<SetItem> items;
    bool negate = false;
};

struct Program {
    std::vector<Inst> code;
    std::vector<CharSet> sets;
    uint32_t registers = 0;  // repeat counters
    int64_t groups = 1;      // capturing groups + 1
    uint32_t flags = 0;
    std::vector<std::pair<std::string, int64_t>> names;  // group names (UTF-8), definition order
    // Search shortcut: the match must start with this code point (case-sensitive).
    bool has_prefix = false;
    uint32_t prefix = 0;
    bool anchored = false;  // starts with \A (or ^ without MULTILINE)
};

// Parses and compiles. False with err set on a bad pattern.
bool compile(std::u32string_view pattern, uint32_t flags, Program& out, Error& err);

}  // namespace aio::script::regex
