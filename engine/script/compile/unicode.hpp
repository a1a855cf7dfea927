// unicode.hpp — small UTF-8 helpers (strings are stored as UTF-8).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aio::script::utf8 {

inline size_t seq_len(unsigned char c) { return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1; }

// The first invalid UTF-8 sequence in s, as CPython's utf-8 codec reports
// it: its offset and the reason; npos if s is valid. Overlong forms,
// surrogates and code points past U+10FFFF are invalid continuations.
inline size_t first_invalid(std::string_view s, const char** reason) {
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        if (!len) {
            *reason = "invalid start byte";
            return i;
        }
        for (int k = 1; k < len; ++k) {
            if (i + k >= n) {
                *reason = "unexpected end of data";
                return i;
            }
            unsigned char d = static_cast<unsigned char>(s[i + k]);
            unsigned char lo = 0x80, hi = 0xbf;
            if (k == 1) {
                if (c == 0xe0) lo = 0xa0;
                if (c == 0xed) hi = 0x9f;
                if (c == 0xf0) lo = 0x90;
                if (c == 0xf4) hi = 0x8f;
            }
            if (d < lo || d > hi) {
                *reason = "invalid continuation byte";
                return i;
            }
        }
        i += len;
    }
    return std::string_view::npos;
}

// Decodes the code point at byte offset *pos and advances *pos.
inline uint32_t next(std::string_view s, size_t* pos) {
    unsigned char c = static_cast<unsigned char>(s[*pos]);
    size_t n = seq_len(c);
    if (*pos + n > s.size()) n = 1;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + i]) & 0x3f);
    *pos += n;
    return cp;
}

inline void append(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

inline size_t count(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xc0) != 0x80) ++n;
    return n;
}

// Byte offset of code point index `idx` (idx <= count).
inline size_t offset(std::string_view s, size_t idx) {
    size_t pos = 0;
    while (idx > 0 && pos < s.size()) {
        pos += seq_len(static_cast<unsigned char>(s[pos]));
        --idx;
    }
    return pos < s.size() ? pos : s.size();
}

inline bool is_space(uint32_t c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}
inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool is_lower(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9) ||
           (c >= 0x430 && c <= 0x45f);
}
inline bool is_upper(uint32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) ||
           (c >= 0x400 && c <= 0x42f);
}
inline bool is_alpha(uint32_t c) {
    return is_lower(c) || is_upper(c) || (c >= 0xaa && c != 0xd7 && c != 0xf7 && c > 0xbf && c < 0x2000) ||
           (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}
inline uint32_t to_upper(uint32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
    if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;
    if (c >= 0x430 && c <= 0x44f) return c - 32;
    if (c >= 0x450 && c <= 0x45f) return c - 80;
    return c;
}
inline uint32_t to_lower(uint32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
    if (c >= 0x391 && c <= 0x3a9) return c + 32;
    if (c >= 0x410 && c <= 0x42f) return c + 32;
    if (c >= 0x400 && c <= 0x40f) return c + 80;
    return c;
}

}  // namespace aio::script::utf8
