// lexer.cpp — tokenizer with Python's indentation rules.
//
// Mirrors CPython's Parser/tokenizer.c in behaviour (not structure): the
// indentation stack, implicit line joining inside brackets, backslash
// continuation, and the error messages CPython 3.11 prints.
#include "compile/lexer.hpp"
#include "compile/unicode.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace aio::script {

namespace {

struct Keyword {
    std::string_view text;  // (a view: matching an identifier costs no strlen)
    Tok tok;
};

const Keyword kKeywords[] = {
    {"False", Tok::False},
    {"None", Tok::None},
    {"True", Tok::True},
    {"and", Tok::And},
    {"as", Tok::As},
    {"assert", Tok::Assert},
    {"async", Tok::Async},
    {"await", Tok::Await},
    {"break", Tok::Break},
    {"class", Tok::Class},
    {"continue", Tok::Continue},
    {"def", Tok::Def},
    {"del", Tok::Del},
    {"elif", Tok::Elif},
    {"else", Tok::Else},
    {"except", Tok::Except},
    {"finally", Tok::Finally},
    {"for", Tok::For},
    {"from", Tok::From},
    {"global", Tok::Global},
    {"if", Tok::If},
    {"import", Tok::Import},
    {"in", Tok::In},
    {"is", Tok::Is},
    {"lambda", Tok::Lambda},
    {"nonlocal", Tok::Nonlocal},
    {"not", Tok::Not},
    {"or", Tok::Or},
    {"pass", Tok::Pass},
    {"raise", Tok::Raise},
    {"return", Tok::Return},
    {"try", Tok::Try},
    {"while", Tok::While},
    {"with", Tok::With},
    {"yield", Tok::Yield},
};

struct OpText {
    std::string_view text;
    Tok tok;
};

// Longest first, so "**=" wins over "**" and "*".
const OpText kOps[] = {
    {"**=", Tok::DoubleStarEqual},
    {"//=", Tok::DoubleSlashEqual},
    {">>=", Tok::RightShiftEqual},
    {"<<=", Tok::LeftShiftEqual},
    {"...", Tok::Ellipsis},
    {"==", Tok::EqEqual},
    {"!=", Tok::NotEqual},
    {"<=", Tok::LessEqual},
    {">=", Tok::GreaterEqual},
    {"<<", Tok::LeftShift},
    {">>", Tok::RightShift},
    {"**", Tok::DoubleStar},
    {"//", Tok::DoubleSlash},
    {"+=", Tok::PlusEqual},
    {"-=", Tok::MinEqual},
    {"*=", Tok::StarEqual},
    {"/=", Tok::SlashEqual},
    {"%=", Tok::PercentEqual},
    {"&=", Tok::AmperEqual},
    {"|=", Tok::VBarEqual},
    {"^=", Tok::CircumflexEqual},
    {"@=", Tok::AtEqual},
    {"->", Tok::Arrow},
    {":=", Tok::ColonEqual},
    {"(", Tok::LParen},
    {")", Tok::RParen},
    {"[", Tok::LBracket},
    {"]", Tok::RBracket},
    {"{", Tok::LBrace},
    {"}", Tok::RBrace},
    {":", Tok::Colon},
    {",", Tok::Comma},
    {";", Tok::Semi},
    {"+", Tok::Plus},
    {"-", Tok::Minus},
    {"*", Tok::Star},
    {"/", Tok::Slash},
    {"|", Tok::VBar},
    {"&", Tok::Amper},
    {"<", Tok::Less},
    {">", Tok::Greater},
    {"=", Tok::Equal},
    {".", Tok::Dot},
    {"%", Tok::Percent},
    {"~", Tok::Tilde},
    {"^", Tok::Circumflex},
    {"@", Tok::At},
};

// The code point at byte offset pos of s and its length in bytes.
uint32_t decode_utf8(std::string_view s, size_t pos, size_t* len) {
    size_t p = pos;
    uint32_t cp = utf8::next(s, &p);
    *len = p - pos;
    return cp;
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool is_ident_start(uint32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || cp >= 0x80;
}
bool is_ident_char(uint32_t cp) { return is_ident_start(cp) || (cp >= '0' && cp <= '9'); }

const char* tok_name(Tok t) {
    switch (t) {
    case Tok::EndMarker:
        return "ENDMARKER";
    case Tok::Newline:
        return "NEWLINE";
    case Tok::Indent:
        return "INDENT";
    case Tok::Dedent:
        return "DEDENT";
    case Tok::Name:
        return "NAME";
    case Tok::Number:
        return "NUMBER";
    case Tok::String:
        return "STRING";
    default:
        break;
    }
    for (const auto& k : kKeywords)
        if (k.tok == t) return k.text.data();
    for (const auto& o : kOps)
        if (o.tok == t) return o.text.data();
    return "?";
}

bool decode_escapes(std::string_view b, std::string& out, std::string& err, bool bytes) {
    out.reserve(b.size());
    for (size_t i = 0; i < b.size(); ++i) {
        char c = b[i];
        if (c != '\\' || i + 1 >= b.size()) {
            out += c;
            continue;
        }
        char e = b[++i];
        switch (e) {
        case '\n':
            break;  // line continuation inside a string
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '"':
            out += '"';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            uint32_t v = e - '0';
            for (int k = 0; k < 2 && i + 1 < b.size() && b[i + 1] >= '0' && b[i + 1] <= '7'; ++k)
                v = v * 8 + (b[++i] - '0');
            if (bytes)
                out += static_cast<char>(v & 0xFF);
            else
                utf8::append(out, v);
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            if (bytes && e != 'x') {
                out += '\\';
                out += e;
                break;
            }
            int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            for (int k = 0; k < n; ++k) {
                if (i + 1 >= b.size() || hexval(b[i + 1]) < 0) {
                    err =
                        e == 'x' ? "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\xXX escape"
                        : e == 'u'
                            ? "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\uXXXX escape"
                            : "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\UXXXXXXXX escape";
                    return false;
                }
                v = v * 16 + hexval(b[++i]);
            }
            if (bytes)
                out += static_cast<char>(v);
            else
                utf8::append(out, v);
            break;
        }
        case 'N': {
            if (bytes) {
                out += "\\N";
                break;
            }
            // \N{NAME}: only a handful of names are worth knowing here.
            size_t close = b.find('}', i);
            if (i + 1 < b.size() && b[i + 1] == '{' && close != std::string_view::npos) {
                std::string_view name = b.substr(i + 2, close - i - 2);
                struct {
                    const char* n;
                    uint32_t cp;
                } names[] = {{"BULLET", 0x2022},       {"EM DASH", 0x2014},
                             {"EN DASH", 0x2013},      {"HORIZONTAL ELLIPSIS", 0x2026},
                             {"NO-BREAK SPACE", 0xa0}, {"CHECK MARK", 0x2713},
                             {"DEGREE SIGN", 0xb0},    {"GREEK SMALL LETTER PI", 0x3c0},
                             {"SPACE", 0x20},          {"LINE FEED", 0x0a}};
                for (auto& nm : names) {
                    if (name == nm.n) {
                        utf8::append(out, nm.cp);
                        i = close;
                        goto next;
                    }
                }
            }
            err = "(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name";
            return false;
        }
        default:
            out += '\\';
            out += e;
            break;
        }
    next:;
    }
    return true;
}

Lexer::Lexer(std::string_view src, int base_line, int base_col, bool sub)
    : m_src(src), m_line(base_line), m_base_col(base_col), m_sub(sub) {}

bool Lexer::fail(const std::string& msg, int line, int col, int end_col, bool indent) {
    m_err->msg = msg;
    m_err->line = line;
    m_err->col = col;
    m_err->end_line = line;
    m_err->end_col = end_col;
    m_err->indentation = indent;
    return false;
}

int Lexer::col_of(size_t pos) const {
    // Columns count code points from the line start; tokens come left to
    // right, so the count continues from the last position asked.
    if (m_col_line != m_line_start || pos < m_col_pos) {
        m_col_line = m_line_start;
        m_col_pos = m_line_start;
        m_col_count = 0;
    }
    size_t i = m_col_pos;
    for (; i < pos && i < m_src.size(); ++i)
        if ((static_cast<unsigned char>(m_src[i]) & 0xc0) != 0x80) ++m_col_count;
    m_col_pos = i;
    int col = m_col_count;
    // Only the first line of a sub-lexed f-string expression is offset.
    if (m_line_start == 0) col += m_base_col;
    return col;
}

void Lexer::push(std::vector<Token>& out, Tok k, size_t start, size_t end) {
    Token t;
    t.kind = k;
    t.line = t.end_line = m_line;
    t.col = col_of(start);
    t.end_col = col_of(end);
    out.push_back(std::move(t));
}

bool Lexer::lex_number(Token& t) {
    size_t start = m_pos;
    std::string digits;
    auto isdig = [](char c) { return c >= '0' && c <= '9'; };
    const std::string_view s = m_src;
    auto bad_tail = [&](size_t p) {
        // A letter right after a number: "invalid decimal literal" etc.
        size_t l;
        return p < s.size() && is_ident_start(decode_utf8(s, p, &l));
    };
    if (s[m_pos] == '0' && m_pos + 1 < s.size() &&
        (s[m_pos + 1] == 'x' || s[m_pos + 1] == 'X' || s[m_pos + 1] == 'o' || s[m_pos + 1] == 'O' ||
         s[m_pos + 1] == 'b' || s[m_pos + 1] == 'B')) {
        char kind = static_cast<char>(s[m_pos + 1] | 0x20);
        int base = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
        m_pos += 2;
        uint64_t v = 0;
        bool overflow = false, any = false;
        while (m_pos < s.size()) {
            char c = s[m_pos];
            if (c == '_') {
                ++m_pos;
                continue;
            }
            int d = hexval(c);
            if (d < 0 || d >= base) break;
            if (v > (UINT64_MAX - d) / base) overflow = true;
            v = v * base + d;
            any = true;
            ++m_pos;
        }
        const char* names[] = {"hexadecimal", "octal", "binary"};
        const char* nm = base == 16 ? names[0] : base == 8 ? names[1] : names[2];
        if (!any || bad_tail(m_pos) || (m_pos < s.size() && isdig(s[m_pos])))
            return fail(std::string("invalid ") + nm + " literal", m_line, col_of(start));
        t.kind = Tok::Number;
        t.ival = static_cast<int64_t>(v);
        t.int_overflow = overflow || v > static_cast<uint64_t>(INT64_MAX);
        t.text = std::string(s.substr(start, m_pos - start));
        return true;
    }
    bool is_float = false;
    while (m_pos < s.size() && (isdig(s[m_pos]) || s[m_pos] == '_')) {
        if (s[m_pos] != '_') digits += s[m_pos];
        ++m_pos;
    }
    if (m_pos < s.size() && s[m_pos] == '.') {
        is_float = true;
        digits += '.';
        ++m_pos;
        while (m_pos < s.size() && (isdig(s[m_pos]) || s[m_pos] == '_')) {
            if (s[m_pos] != '_') digits += s[m_pos];
            ++m_pos;
        }
    }
    if (m_pos < s.size() && (s[m_pos] == 'e' || s[m_pos] == 'E')) {
        size_t p = m_pos + 1;
        if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
        if (p < s.size() && isdig(s[p])) {
            is_float = true;
            digits += 'e';
            digits.append(s.substr(m_pos + 1, p - m_pos - 1));
            m_pos = p;
            while (m_pos < s.size() && (isdig(s[m_pos]) || s[m_pos] == '_')) {
                if (s[m_pos] != '_') digits += s[m_pos];
                ++m_pos;
            }
        }
    }
    if (m_pos < s.size() && (s[m_pos] == 'j' || s[m_pos] == 'J'))
        return fail("complex numbers are not supported", m_line, col_of(start));
    if (bad_tail(m_pos)) return fail("invalid decimal literal", m_line, col_of(start));
    t.kind = Tok::Number;
    t.text = std::string(s.substr(start, m_pos - start));
    if (is_float) {
        t.is_float = true;
        t.fval = std::strtod(digits.c_str(), nullptr);
    } else {
        if (digits.size() > 1 && digits[0] == '0') {
            bool allzero = digits.find_first_not_of('0') == std::string::npos;
            if (!allzero)
                return fail(
                    "leading zeros in decimal integer literals are not permitted; use an 0o "
                    "prefix for octal integers",
                    m_line, col_of(start));
        }
        uint64_t v = 0;
        bool overflow = false;
        for (char c : digits) {
            if (v > (UINT64_MAX - (c - '0')) / 10) overflow = true;
            v = v * 10 + (c - '0');
        }
        t.ival = static_cast<int64_t>(v);
        t.int_overflow = overflow || v > static_cast<uint64_t>(INT64_MAX);
        if (t.int_overflow) t.fval = std::strtod(digits.c_str(), nullptr);
    }
    return true;
}

bool Lexer::lex_string(Token& t, size_t start, std::string_view prefix) {
    bool raw = false, fstr = false, bytes = false;
    for (char c : prefix) {
        c = static_cast<char>(c | 0x20);
        if (c == 'r') raw = true;
        if (c == 'f') fstr = true;
        if (c == 'b') bytes = true;
    }
    const std::string_view s = m_src;
    char q = s[m_pos];
    bool triple = m_pos + 2 < s.size() && s[m_pos + 1] == q && s[m_pos + 2] == q;
    int start_line = m_line;
    int start_col = col_of(start);
    size_t start_line_start = m_line_start;
    m_pos += triple ? 3 : 1;
    size_t body = m_pos;
    t.body_line = m_line;
    t.body_col = col_of(body);
    for (;;) {
        if (m_pos >= s.size()) {
            if (triple) {
                m_line_start = start_line_start;
                return fail(
                    "unterminated triple-quoted string literal (detected at line " + std::to_string(m_line) + ")",
                    start_line, start_col);
            }
            return fail("unterminated string literal (detected at line " + std::to_string(m_line) + ")", start_line,
                        start_col);
        }
        char c = s[m_pos];
        if (c == '\\' && m_pos + 1 < s.size()) {
            if (s[m_pos + 1] == '\n') {
                ++m_line;
                m_pos += 2;
                m_line_start = m_pos;
                continue;
            }
            m_pos += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                m_line_start = start_line_start;
                return fail("unterminated string literal (detected at line " + std::to_string(m_line) + ")", start_line,
                            start_col);
            }
            ++m_line;
            ++m_pos;
            m_line_start = m_pos;
            continue;
        }
        if (c == q) {
            if (!triple) break;
            if (m_pos + 2 < s.size() + 0 && s[m_pos + 1] == q && s[m_pos + 2] == q) break;
        }
        ++m_pos;
    }
    std::string_view content = s.substr(body, m_pos - body);
    m_pos += triple ? 3 : 1;
    t.kind = Tok::String;
    t.line = start_line;
    t.col = start_col;
    t.end_line = m_line;
    t.end_col = col_of(m_pos);
    t.is_fstring = fstr;
    t.is_raw = raw;
    t.is_bytes = bytes;
    if (bytes)
        for (unsigned char c : content)
            if (c >= 0x80) return fail("bytes can only contain ASCII literal characters", start_line, start_col);
    if (fstr || raw) {
        t.text = std::string(content);
    } else {
        std::string err;
        if (!decode_escapes(content, t.text, err, bytes)) return fail(err, start_line, start_col);
    }
    return true;
}

bool Lexer::run(std::vector<Token>& out, SyntaxErrorInfo& err) {
    m_err = &err;
    const std::string_view s = m_src;
    if (!m_sub) {
        // Source must be UTF-8 (PEP 3120): every later step, slicing a
        // literal included, relies on it.
        const char* reason = "";
        size_t bad = utf8::first_invalid(s, &reason);
        if (bad != std::string_view::npos) {
            size_t line_start = s.rfind('\n', bad);
            line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
            int line = m_line + static_cast<int>(std::count(s.begin(), s.begin() + line_start, '\n'));
            char buf[160];
            std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                          static_cast<unsigned>(static_cast<unsigned char>(s[bad])), bad - line_start, reason);
            return fail(buf, line, 0);
        }
    }
    bool at_line_start = !m_sub;
    bool line_has_tokens = false;
    for (;;) {
        if (at_line_start) {
            // Measure indentation of a new logical line (tabs to multiples of 8).
            at_line_start = false;
            int col = 0;
            size_t p = m_pos;
            while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\f')) {
                if (s[p] == ' ')
                    ++col;
                else if (s[p] == '\t')
                    col = (col / 8 + 1) * 8;
                else
                    col = 0;
                ++p;
            }
            bool blank = p >= s.size() || s[p] == '\n' || s[p] == '#' ||
                         (s[p] == '\r' && p + 1 < s.size() && s[p + 1] == '\n') ||
                         (s[p] == '\\' && p + 1 < s.size() && s[p + 1] == '\n' && false);
            m_pos = p;
            if (!blank) {
                if (col > m_indents.back()) {
                    if (out.empty() || out.back().kind == Tok::Indent || out.back().kind == Tok::Dedent ||
                        out.back().kind == Tok::Newline) {
                        // Only legal after a line ending in ':'; the parser decides
                        // ("unexpected indent"), we record it.
                    }
                    m_indents.push_back(col);
                    push(out, Tok::Indent, m_pos, m_pos);
                } else {
                    while (col < m_indents.back()) {
                        m_indents.pop_back();
                        push(out, Tok::Dedent, m_pos, m_pos);
                    }
                    if (col != m_indents.back()) {
                        size_t e = m_pos;
                        while (e < s.size() && s[e] != '\n') ++e;
                        return fail("unindent does not match any outer indentation level", m_line, col_of(e), -1, true);
                    }
                }
            }
        }
        if (m_pos >= s.size()) break;
        char c = s[m_pos];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            ++m_pos;
            continue;
        }
        if (c == '#') {
            while (m_pos < s.size() && s[m_pos] != '\n') ++m_pos;
            continue;
        }
        if (c == '\n') {
            if (!m_brackets.empty() || m_sub) {
                ++m_pos;
                ++m_line;
                m_line_start = m_pos;
                continue;
            }
            if (line_has_tokens) {
                push(out, Tok::Newline, m_pos, m_pos + 1);
                line_has_tokens = false;
            }
            ++m_pos;
            ++m_line;
            m_line_start = m_pos;
            at_line_start = true;
            continue;
        }
        if (c == '\\') {
            size_t p = m_pos + 1;
            if (p < s.size() && s[p] == '\r') ++p;
            if (p < s.size() && s[p] == '\n') {
                m_pos = p + 1;
                ++m_line;
                m_line_start = m_pos;
                continue;
            }
            if (p >= s.size()) return fail("unexpected EOF while parsing", m_line, col_of(m_pos));
            return fail("unexpected character after line continuation character", m_line, col_of(m_pos) + 1);
        }
        line_has_tokens = true;
        size_t start = m_pos;
        size_t cl;
        uint32_t cp = decode_utf8(s, m_pos, &cl);
        if (is_ident_start(cp)) {
            size_t p = m_pos;
            while (p < s.size()) {
                size_t l;
                uint32_t cc = decode_utf8(s, p, &l);
                if (!is_ident_char(cc)) break;
                p += l;
            }
            std::string_view word = s.substr(m_pos, p - m_pos);
            // String prefixes.
            if (p < s.size() && (s[p] == '"' || s[p] == '\'') && word.size() <= 2) {
                bool ok = true;
                for (char ch : word) {
                    char lc = static_cast<char>(ch | 0x20);
                    if (lc != 'r' && lc != 'f' && lc != 'b' && lc != 'u') ok = false;
                }
                if (ok) {
                    m_pos = p;
                    Token t;
                    if (!lex_string(t, start, word)) return false;
                    out.push_back(std::move(t));
                    continue;
                }
            }
            m_pos = p;
            Token t;
            t.kind = Tok::Name;
            if (word.size() <= 8 && word[0] >= 'F' && word[0] <= 'y') {
                for (const auto& k : kKeywords)
                    if (word == k.text) {
                        t.kind = k.tok;
                        break;
                    }
            }
            t.line = t.end_line = m_line;
            t.col = col_of(start);
            t.end_col = col_of(p);
            t.text = std::string(word);
            out.push_back(std::move(t));
            continue;
        }
        if ((c >= '0' && c <= '9') ||
            (c == '.' && m_pos + 1 < s.size() && s[m_pos + 1] >= '0' && s[m_pos + 1] <= '9')) {
            Token t;
            if (!lex_number(t)) return false;
            t.line = t.end_line = m_line;
            t.col = col_of(start);
            t.end_col = col_of(m_pos);
            out.push_back(std::move(t));
            continue;
        }
        if (c == '"' || c == '\'') {
            Token t;
            if (!lex_string(t, start, {})) return false;
            out.push_back(std::move(t));
            continue;
        }
        bool matched = false;
        for (const auto& o : kOps) {
            size_t n = o.text.size();
            if (s[m_pos] == o.text[0] && s.substr(m_pos, n) == o.text) {
                matched = true;
                m_pos += n;
                if (o.tok == Tok::LParen || o.tok == Tok::LBracket || o.tok == Tok::LBrace) {
                    m_brackets.push_back({o.text[0], {m_line, col_of(start)}});
                } else if (o.tok == Tok::RParen || o.tok == Tok::RBracket || o.tok == Tok::RBrace) {
                    if (m_brackets.empty())
                        return fail(std::string("unmatched '") + o.text[0] + "'", m_line, col_of(start));
                    char open = m_brackets.back().first;
                    char want = open == '(' ? ')' : open == '[' ? ']' : '}';
                    if (want != o.text[0]) {
                        int oline = m_brackets.back().second.first;
                        std::string msg = std::string("closing parenthesis '") + o.text[0] +
                                          "' does not match opening parenthesis '" + open + "'";
                        if (oline != m_line) msg += " on line " + std::to_string(oline);
                        return fail(msg, m_line, col_of(start));
                    }
                    m_brackets.pop_back();
                }
                push(out, o.tok, start, m_pos);
                break;
            }
        }
        if (!matched) {
            if (c == '!' || c == '$' || c == '?' || c == '`') {
                // CPython reports these as plain invalid syntax at the character.
                return fail("invalid syntax", m_line, col_of(start));
            }
            char buf[64];
            std::snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", std::string(s.substr(m_pos, cl)).c_str(),
                          cp);
            if (cp < 0x80) std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
            return fail(buf, m_line, col_of(start));
        }
    }
    if (!m_brackets.empty()) {
        auto& b = m_brackets.back();
        m_line_start = 0;
        // Report at the bracket's own line; col_of needs that line's start.
        size_t ls = 0;
        int ln = m_sub ? b.second.first : 1;
        if (!m_sub) {
            for (size_t i = 0; i < s.size() && ln < b.second.first; ++i)
                if (s[i] == '\n') {
                    ++ln;
                    ls = i + 1;
                }
        }
        (void)ls;
        return fail(std::string("'") + b.first + "' was never closed", b.second.first, b.second.second);
    }
    if (line_has_tokens && !m_sub) push(out, Tok::Newline, m_pos, m_pos);
    while (m_indents.size() > 1) {
        m_indents.pop_back();
        push(out, Tok::Dedent, m_pos, m_pos);
    }
    push(out, Tok::EndMarker, m_pos, m_pos);
    return true;
}

}  // namespace aio::script
