// C++ colouring for the read-only twin view: keywords (coroutine ones
// included), fundamental types, CamelCase names as types, strings and
// character literals, raw strings, numbers, comments (block comments and raw
// strings carry over line ends) and preprocessor lines.

#include "syntax.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace aio::web {

namespace {

constexpr std::array kKeywords = {
    "alignas",
    "alignof",
    "auto",
    "break",
    "case",
    "catch",
    "class",
    "co_await",
    "co_return",
    "co_yield",
    "concept",
    "const",
    "consteval",
    "constexpr",
    "constinit",
    "continue",
    "decltype",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "explicit",
    "export",
    "extern",
    "for",
    "friend",
    "goto",
    "if",
    "inline",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "operator",
    "private",
    "protected",
    "public",
    "requires",
    "return",
    "sizeof",
    "static",
    "static_assert",
    "static_cast",
    "dynamic_cast",
    "reinterpret_cast",
    "const_cast",
    "struct",
    "switch",
    "template",
    "throw",
    "try",
    "typedef",
    "typename",
    "union",
    "using",
    "virtual",
    "volatile",
    "while",
    "override",
    "final",
};
constexpr std::array kTypes = {
    "bool",     "char",   "char8_t",  "char16_t", "char32_t",    "double", "float",    "int",      "long",
    "short",    "signed", "unsigned", "void",     "wchar_t",     "size_t", "int64_t",  "uint64_t", "int32_t",
    "uint32_t", "std",    "aio",      "string",   "string_view", "vector", "optional", "chrono",
};
constexpr std::array kConstants = {"true", "false", "nullptr"};

template <size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view w) {
    return std::any_of(words.begin(), words.end(), [&](const char* k) { return w == k; });
}

bool is_ident_start(unsigned char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// What is open at a line end: a /* comment */ or a raw string R"d( ... )d".
struct CppState {
    bool in_comment = false;
    std::string raw_end;  // ")delim\"" while inside a raw string
};

class CppScanner {
public:
    explicit CppScanner(CppState s) : m_state(std::move(s)) {}

    LineSpans scan(std::string_view line) {
        m_line = line;
        size_t i = 0;
        if (m_state.in_comment)
            i = block_comment(0);
        else if (!m_state.raw_end.empty())
            i = raw_body(0);
        size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] == '#' && !m_state.in_comment) {
            scan_preprocessor(first);
            return std::move(m_spans);
        }
        while (i < line.size()) {
            unsigned char c = static_cast<unsigned char>(line[i]);
            if (c == ' ' || c == '\t') {
                ++i;
            } else if (line.substr(i, 2) == "//") {
                add(i, line.size(), TokenKind::comment);
                break;
            } else if (line.substr(i, 2) == "/*") {
                i = block_comment(i);
            } else if (c == 'R' && i + 1 < line.size() && line[i + 1] == '"') {
                size_t open = line.find('(', i + 2);
                if (open == std::string_view::npos) open = line.size();
                m_state.raw_end = ")" + std::string(line.substr(i + 2, open - i - 2)) + "\"";
                add(i, std::min(line.size(), open + 1), TokenKind::string);
                i = raw_body(std::min(line.size(), open + 1));
            } else if (c == '"' || c == '\'') {
                i = quoted(i, static_cast<char>(c));
            } else if (is_digit(c) ||
                       (c == '.' && i + 1 < line.size() && is_digit(static_cast<unsigned char>(line[i + 1])))) {
                size_t j = i;
                while (j < line.size() &&
                       (is_ident_char(static_cast<unsigned char>(line[j])) || line[j] == '.' || line[j] == '\''))
                    ++j;
                add(i, j, TokenKind::number);
                i = j;
            } else if (is_ident_start(c)) {
                size_t j = i;
                while (j < line.size() && is_ident_char(static_cast<unsigned char>(line[j]))) ++j;
                add(i, j, classify(line.substr(i, j - i), j));
                i = j;
            } else {
                add(i, i + 1, TokenKind::op);
                ++i;
            }
        }
        return std::move(m_spans);
    }

    const CppState& state() const { return m_state; }

private:
    void add(size_t a, size_t b, TokenKind k) {
        if (a >= b || k == TokenKind::text) return;
        if (!m_spans.empty() && m_spans.back().kind == k && m_spans.back().end == static_cast<int>(a))
            m_spans.back().end = static_cast<int>(b);
        else
            m_spans.push_back({static_cast<int>(a), static_cast<int>(b), k});
    }

    TokenKind classify(std::string_view w, size_t end) const {
        if (contains(kKeywords, w)) return TokenKind::keyword;
        if (contains(kConstants, w)) return TokenKind::constant;
        if (w == "this") return TokenKind::self;
        if (contains(kTypes, w)) return TokenKind::type;
        size_t k = end;
        while (k < m_line.size() && m_line[k] == ' ') ++k;
        if (k < m_line.size() && m_line[k] == '(') return TokenKind::call;
        if (w[0] >= 'A' && w[0] <= 'Z' && w.size() > 1 &&
            std::any_of(w.begin() + 1, w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
            return TokenKind::type;  // CamelCase: Task, Future, CancelledError
        return TokenKind::text;
    }

    size_t block_comment(size_t i) {
        size_t from = m_state.in_comment ? i : i + 2;
        size_t e = m_line.find("*/", from);
        m_state.in_comment = e == std::string_view::npos;
        size_t end = m_state.in_comment ? m_line.size() : e + 2;
        add(i, end, TokenKind::comment);
        return end;
    }

    size_t raw_body(size_t i) {
        size_t e = m_line.find(m_state.raw_end, i);
        if (e == std::string_view::npos) {
            add(i, m_line.size(), TokenKind::string);
            return m_line.size();
        }
        size_t end = e + m_state.raw_end.size();
        add(i, end, TokenKind::string);
        m_state.raw_end.clear();
        return end;
    }

    size_t quoted(size_t i, char q) {
        size_t run = i;
        size_t j = i + 1;
        while (j < m_line.size()) {
            if (m_line[j] == '\\') {
                add(run, j, TokenKind::string);
                size_t e = std::min(m_line.size(), j + 2);
                add(j, e, TokenKind::string_escape);
                j = run = e;
            } else if (m_line[j] == q) {
                ++j;
                break;
            } else {
                ++j;
            }
        }
        add(run, j, TokenKind::string);
        return j;
    }

    void scan_preprocessor(size_t first) {
        size_t j = first + 1;
        while (j < m_line.size() && m_line[j] == ' ') ++j;
        while (j < m_line.size() && is_ident_char(static_cast<unsigned char>(m_line[j]))) ++j;
        add(first, j, TokenKind::preprocessor);
        size_t rest = m_line.find_first_of("<\"", j);
        size_t comment = m_line.find("//", j);
        if (rest != std::string_view::npos && (comment == std::string_view::npos || rest < comment)) {
            char close = m_line[rest] == '<' ? '>' : '"';
            size_t e = m_line.find(close, rest + 1);
            e = e == std::string_view::npos ? m_line.size() : e + 1;
            add(rest, e, TokenKind::string);
        }
        if (comment != std::string_view::npos) add(comment, m_line.size(), TokenKind::comment);
    }

    std::string_view m_line;
    LineSpans m_spans;
    CppState m_state;
};

}  // namespace

std::vector<LineSpans> highlight_cpp(const std::vector<std::string>& lines) {
    std::vector<LineSpans> out;
    out.reserve(lines.size());
    CppState state;
    for (const std::string& line : lines) {
        CppScanner s(state);
        out.push_back(s.scan(line));
        state = s.state();
    }
    return out;
}

}  // namespace aio::web
