// charclass.hpp — what \d \w \s, IGNORECASE and [...] sets mean for a code
// point (CPython's str-pattern semantics; ASCII under re.ASCII).
//
// The Unicode data is the interpreter's (compile/unicode.hpp): letters and
// case pairs of ASCII, Latin-1, Greek and Cyrillic plus the main CJK and
// Hangul letter blocks, and the decimal digits of the common scripts. Other
// scripts' letters are not \w and do not case-fold.
#pragma once

#include "compile/unicode.hpp"
#include "regex/program.hpp"

namespace aio::script::regex {

inline bool is_decimal(uint32_t c, bool ascii) {
    if (c < 0x80 || ascii) return c >= '0' && c <= '9';
    static const uint32_t zeros[] = {0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66,  0xae6,  0xb66,  0xbe6,  0xc66, 0xce6,
                                     0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10};
    for (uint32_t z : zeros)
        if (c >= z && c <= z + 9) return true;
    return false;
}
inline bool is_word(uint32_t c, bool ascii) {
    if (c < 0x80 || ascii)
        return c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return utf8::is_alpha(c) || is_decimal(c, false) || c == 0xb2 || c == 0xb3 || c == 0xb9 || c == 0xbc || c == 0xbd ||
           c == 0xbe;
}
inline bool is_space(uint32_t c, bool ascii) {
    if (ascii) return c == ' ' || (c >= 9 && c <= 13);
    return utf8::is_space(c);
}
inline uint32_t lower(uint32_t c, bool ascii) {
    if (ascii) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return utf8::to_lower(c);
}
inline uint32_t upper(uint32_t c, bool ascii) {
    if (ascii) return c >= 'a' && c <= 'z' ? c - 32 : c;
    return utf8::to_upper(c);
}
inline bool same_ic(uint32_t a, uint32_t b, bool ascii) {
    return a == b || lower(a, ascii) == lower(b, ascii) || upper(a, ascii) == upper(b, ascii);
}

inline bool in_category(Category cat, uint32_t c, bool ascii) {
    switch (cat) {
    case Category::Digit:
        return is_decimal(c, ascii);
    case Category::NotDigit:
        return !is_decimal(c, ascii);
    case Category::Word:
        return is_word(c, ascii);
    case Category::NotWord:
        return !is_word(c, ascii);
    case Category::Space:
        return is_space(c, ascii);
    case Category::NotSpace:
        return !is_space(c, ascii);
    }
    return false;
}

inline bool set_has(const CharSet& s, uint32_t c, bool ascii) {
    for (const SetItem& it : s.items) {
        switch (it.kind) {
        case SetItem::Literal:
            if (c == it.lo) return true;
            break;
        case SetItem::Range:
            if (c >= it.lo && c <= it.hi) return true;
            break;
        case SetItem::Cat:
            if (in_category(it.cat, c, ascii)) return true;
            break;
        }
    }
    return false;
}

// Whether c is in the set (IGNORECASE: c or its other case is).
inline bool set_matches(const CharSet& s, uint32_t c, bool ic, bool ascii) {
    bool in = set_has(s, c, ascii);
    if (!in && ic) {
        uint32_t l = lower(c, ascii), u = upper(c, ascii);
        in = (l != c && set_has(s, l, ascii)) || (u != c && set_has(s, u, ascii));
    }
    return in != s.negate;
}

}  // namespace aio::script::regex
