#pragma once
// fuzz_limits.hpp — the interpreter limits every script fuzz target runs
// under: small enough that any input finishes in well under a second (steps,
// depth, memory and output are all bounded), large enough for real programs.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vm/vm.hpp"

namespace aio::script::fuzz {

inline Limits limits() {
    Limits l;
    l.slice_instructions = 5000;
    l.max_steps = 300000;
    l.max_depth = 150;
    l.max_memory = size_t(48) << 20;
    l.max_output = size_t(64) << 10;
    return l;
}

// Python's str holds valid UTF-8 only: the targets that build str objects
// straight from fuzz bytes skip the others (the lexer target checks that the
// source refuses them).
inline bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        if (!n || i + n > s.size()) return false;
        for (int k = 1; k < n; ++k) {
            unsigned char d = static_cast<unsigned char>(s[i + k]);
            unsigned char lo = 0x80, hi = 0xbf;
            if (k == 1 && c == 0xe0) lo = 0xa0;
            if (k == 1 && c == 0xed) hi = 0x9f;
            if (k == 1 && c == 0xf0) lo = 0x90;
            if (k == 1 && c == 0xf4) hi = 0x8f;
            if (d < lo || d > hi) return false;
        }
        i += n;
    }
    return true;
}

}  // namespace aio::script::fuzz
