// Python colouring: keywords, builtins, numbers, comments, decorators,
// strings with their prefixes (r, b, f, and combinations), escapes, and
// f-string replacement fields coloured as code. Triple-quoted strings carry
// over line ends. The C++ scanner lives in cpp_syntax.cpp; `highlight` is at
// the end of this file.

#include "syntax.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace aio::web {

std::vector<LineSpans> highlight_cpp(const std::vector<std::string>& lines);

namespace {

constexpr std::array kKeywords = {
    "and",      "as",     "assert",  "async", "await", "break",  "class", "continue", "def",  "del",   "elif",
    "else",     "except", "finally", "for",   "from",  "global", "if",    "import",   "in",   "is",    "lambda",
    "nonlocal", "not",    "or",      "pass",  "raise", "return", "try",   "while",    "with", "yield",
};
constexpr std::array kConstants = {"True", "False", "None", "Ellipsis", "NotImplemented", "__name__"};
constexpr std::array kBuiltins = {
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "bytes",
    "callable",
    "chr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "classmethod",
    "BaseException",
    "Exception",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "CancelledError",
    "ExceptionGroup",
    "BaseExceptionGroup",
    "IndexError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "NameError",
    "NotImplementedError",
    "OSError",
    "RecursionError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "TimeoutError",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
};

template <size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view w) {
    return std::any_of(words.begin(), words.end(), [&](const char* k) { return w == k; });
}

bool is_ident_start(unsigned char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// A string that is still open at a line end (only triple-quoted ones can be).
struct OpenString {
    char quote = 0;  // 0: none
    bool raw = false;
    bool fstring = false;
};

class PythonScanner {
public:
    explicit PythonScanner(OpenString carried) : m_open(carried) {}

    LineSpans scan(std::string_view line) {
        m_line = line;
        m_spans.clear();
        size_t i = 0;
        if (m_open.quote) i = string_body(0, m_open.quote, true, m_open.raw, m_open.fstring);
        std::string_view prev_word;  // last identifier, to spot `def name`
        while (i < line.size()) {
            unsigned char c = static_cast<unsigned char>(line[i]);
            if (c == ' ') {
                ++i;
            } else if (c == '#') {
                add(i, line.size(), TokenKind::comment);
                break;
            } else if (size_t q = string_start(i); q != 0) {
                i = q;
                prev_word = {};
            } else if (is_digit(c) ||
                       (c == '.' && i + 1 < line.size() && is_digit(static_cast<unsigned char>(line[i + 1])))) {
                size_t j = number_end(i);
                add(i, j, TokenKind::number);
                i = j;
            } else if (is_ident_start(c)) {
                size_t j = i;
                while (j < line.size() && is_ident_char(static_cast<unsigned char>(line[j]))) ++j;
                std::string_view w = line.substr(i, j - i);
                add(i, j, classify(w, prev_word, j));
                prev_word = w;
                i = j;
            } else if (c == '@' && line.find_first_not_of(' ') == i) {
                size_t j = i + 1;
                while (j < line.size() && (is_ident_char(static_cast<unsigned char>(line[j])) || line[j] == '.')) ++j;
                add(i, j, TokenKind::decorator);
                i = j;
            } else {
                add(i, i + 1, TokenKind::op);
                ++i;
                prev_word = {};
            }
        }
        return std::move(m_spans);
    }

    OpenString open_string() const { return m_open; }

private:
    void add(size_t a, size_t b, TokenKind k) {
        if (a >= b || k == TokenKind::text) return;
        if (!m_spans.empty() && m_spans.back().kind == k && m_spans.back().end == static_cast<int>(a))
            m_spans.back().end = static_cast<int>(b);
        else
            m_spans.push_back({static_cast<int>(a), static_cast<int>(b), k});
    }

    TokenKind classify(std::string_view w, std::string_view prev, size_t end) const {
        if (prev == "def" || prev == "class") return TokenKind::function;
        if (contains(kKeywords, w)) return TokenKind::keyword;
        if (contains(kConstants, w)) return TokenKind::constant;
        if (w == "self" || w == "cls") return TokenKind::self;
        size_t k = end;
        while (k < m_line.size() && m_line[k] == ' ') ++k;
        bool called = k < m_line.size() && m_line[k] == '(';
        if (contains(kBuiltins, w)) return TokenKind::builtin;
        return called ? TokenKind::call : TokenKind::text;
    }

    size_t number_end(size_t i) const {
        auto at = [&](size_t k) { return k < m_line.size() ? static_cast<unsigned char>(m_line[k]) : 0; };
        size_t j = i;
        if (at(j) == '0' && (at(j + 1) == 'x' || at(j + 1) == 'X' || at(j + 1) == 'o' || at(j + 1) == 'O' ||
                             at(j + 1) == 'b' || at(j + 1) == 'B')) {
            j += 2;
            while (is_ident_char(at(j))) ++j;
            return j;
        }
        while (is_digit(at(j)) || at(j) == '_') ++j;
        if (at(j) == '.') {
            ++j;
            while (is_digit(at(j)) || at(j) == '_') ++j;
        }
        if (at(j) == 'e' || at(j) == 'E') {
            size_t k = j + 1;
            if (at(k) == '+' || at(k) == '-') ++k;
            if (is_digit(at(k))) {
                j = k;
                while (is_digit(at(j)) || at(j) == '_') ++j;
            }
        }
        if (at(j) == 'j' || at(j) == 'J') ++j;
        return j;
    }

    // If a string literal (with optional prefix) starts at i, colours it and
    // returns the index after it; otherwise returns 0.
    size_t string_start(size_t i) {
        size_t j = i;
        bool raw = false, fstr = false;
        while (j < m_line.size() && j - i < 2) {
            char p = static_cast<char>(m_line[j] | 0x20);  // lower-case
            if (p == 'r')
                raw = true;
            else if (p == 'f')
                fstr = true;
            else if (p != 'b' && p != 'u')
                break;
            ++j;
        }
        if (j >= m_line.size() || (m_line[j] != '"' && m_line[j] != '\'')) return 0;
        if (j > i && i > 0 && is_ident_char(static_cast<unsigned char>(m_line[i - 1]))) return 0;
        char q = m_line[j];
        bool triple = m_line.substr(j, 3) == std::string(3, q);
        add(i, j + (triple ? 3 : 1), TokenKind::string);
        return string_body(j + (triple ? 3 : 1), q, triple, raw, fstr);
    }

    // Colours a string's body from `i` to its closing quote (or the line end)
    // and returns the index after it. Leaves m_open set when a triple-quoted
    // string runs past the line end.
    size_t string_body(size_t i, char q, bool triple, bool raw, bool fstr) {
        m_open = {};
        size_t run = i;  // start of the plain string run being collected
        while (i < m_line.size()) {
            char c = m_line[i];
            if (c == '\\' && !raw) {
                add(run, i, TokenKind::string);
                size_t e = std::min(m_line.size(), i + 2);
                add(i, e, TokenKind::string_escape);
                i = run = e;
            } else if (c == q && (!triple || m_line.substr(i, 3) == std::string(3, q))) {
                size_t e = i + (triple ? 3 : 1);
                add(run, e, TokenKind::string);
                return e;
            } else if (fstr && (c == '{' || c == '}')) {
                add(run, i, TokenKind::string);
                if (i + 1 < m_line.size() && m_line[i + 1] == c) {  // {{ or }}: a literal brace
                    add(i, i + 2, TokenKind::string_escape);
                    i += 2;
                } else if (c == '{') {
                    i = replacement_field(i, q);
                } else {
                    add(i, i + 1, TokenKind::fstring_brace);
                    ++i;
                }
                run = i;
            } else {
                ++i;
            }
        }
        add(run, i, TokenKind::string);
        if (triple) m_open = {q, raw, fstr};
        return i;
    }

    // `{expr!r:spec}` inside an f-string: braces marked, the expression
    // coloured as code, the format spec as string. Returns the index after '}'.
    size_t replacement_field(size_t i, char outer_quote) {
        add(i, i + 1, TokenKind::fstring_brace);
        ++i;
        int depth = 0;
        while (i < m_line.size()) {
            unsigned char c = static_cast<unsigned char>(m_line[i]);
            if (c == outer_quote) return i;  // unterminated field; let the string close
            if ((c == '"' || c == '\'')) {
                size_t e = m_line.find(static_cast<char>(c), i + 1);
                e = e == std::string_view::npos ? m_line.size() : e + 1;
                add(i, e, TokenKind::string);
                i = e;
            } else if (c == '(' || c == '[' || c == '{') {
                ++depth;
                add(i, i + 1, TokenKind::op);
                ++i;
            } else if ((c == ')' || c == ']') || (c == '}' && depth > 0)) {
                --depth;
                add(i, i + 1, TokenKind::op);
                ++i;
            } else if (c == '}') {
                add(i, i + 1, TokenKind::fstring_brace);
                return i + 1;
            } else if (c == ':' && depth == 0) {
                // Format spec up to the closing brace.
                size_t e = i + 1;
                while (e < m_line.size() && m_line[e] != '}' && m_line[e] != outer_quote) ++e;
                add(i, e, TokenKind::string);
                i = e;
            } else if (is_digit(c)) {
                size_t e = number_end(i);
                add(i, e, TokenKind::number);
                i = e;
            } else if (is_ident_start(c)) {
                size_t e = i;
                while (e < m_line.size() && is_ident_char(static_cast<unsigned char>(m_line[e]))) ++e;
                add(i, e, classify(m_line.substr(i, e - i), {}, e));
                i = e;
            } else if (c == ' ') {
                ++i;
            } else {
                add(i, i + 1, TokenKind::op);
                ++i;
            }
        }
        return i;
    }

    std::string_view m_line;
    LineSpans m_spans;
    OpenString m_open;
};

std::vector<LineSpans> highlight_python(const std::vector<std::string>& lines) {
    std::vector<LineSpans> out;
    out.reserve(lines.size());
    OpenString carried;
    for (const std::string& line : lines) {
        PythonScanner s(carried);
        out.push_back(s.scan(line));
        carried = s.open_string();
    }
    return out;
}

}  // namespace

std::vector<LineSpans> highlight(Language lang, const std::vector<std::string>& lines) {
    switch (lang) {
    case Language::python:
        return highlight_python(lines);
    case Language::cpp:
        return highlight_cpp(lines);
    case Language::plain:
        break;
    }
    return std::vector<LineSpans>(lines.size());
}

}  // namespace aio::web
