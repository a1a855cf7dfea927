// parser.cpp — CPython's re syntax to a node tree.
//
// Mirrors re._parser: the same tokenizer (a token is one character or a
// backslash and the character after it), the same checks in the same order,
// so a bad pattern gets CPython's message at CPython's position.
#include "regex/parser.hpp"

#include <map>
#include <set>

#include "compile/unicode.hpp"

namespace aio::script::regex {

std::string to_utf8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

namespace {

constexpr int kMaxNesting = 200;  // C++ recursion bound (CPython: RecursionError much later)

struct Tok {
    bool none = true;
    bool esc = false;  // "\\" + c
    uint32_t c = 0;
    size_t len() const { return none ? 0 : esc ? 2 : 1; }
    bool is(uint32_t ch) const { return !none && !esc && c == ch; }
    std::u32string text() const {
        std::u32string s;
        if (none) return s;
        if (esc) s += U'\\';
        s += static_cast<char32_t>(c);
        return s;
    }
};

bool is_hex(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_oct(uint32_t c) { return c >= '0' && c <= '7'; }
bool is_dig(uint32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_identifier(std::u32string_view s) {
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        uint32_t c = s[i];
        bool ok = c == '_' || is_ascii_letter(c) || (c >= 0x80 && utf8::is_alpha(c)) || (i > 0 && is_dig(c));
        if (!ok) return false;
    }
    return true;
}

uint32_t flag_of(uint32_t c) {
    switch (c) {
    case 'i':
        return F_IGNORECASE;
    case 'L':
        return F_LOCALE;
    case 'm':
        return F_MULTILINE;
    case 's':
        return F_DOTALL;
    case 'x':
        return F_VERBOSE;
    case 'a':
        return F_ASCII;
    case 't':
        return F_TEMPLATE;
    case 'u':
        return F_UNICODE;
    default:
        return 0;
    }
}

std::string py_repr(std::u32string_view s) {
    std::string u = to_utf8(s);
    bool sq = u.find('\'') != std::string::npos, dq = u.find('"') != std::string::npos;
    char q = sq && !dq ? '"' : '\'';
    std::string out(1, q);
    for (char32_t c : s) {
        if (c == static_cast<char32_t>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
            out += buf;
        } else
            utf8::append(out, c);
    }
    out += q;
    return out;
}

struct Width {
    uint64_t lo = 0, hi = 0;
};

struct Failure {};  // unwinds the parser once err is filled

class Parser {
public:
    Parser(std::u32string_view p, uint32_t flags, Error& err) : m_p(p), m_err(err) {
        m_flags = flags;
        m_widths.push_back({true, {}});  // group 0
    }

    bool run(Parsed& out) {
        try {
            advance();
            NodePtr root = parse_sub((m_flags & F_VERBOSE) != 0, 0);
            if (!(m_flags & F_ASCII))
                m_flags |= F_UNICODE;
            else if (m_flags & F_UNICODE)
                return value_error("ASCII and UNICODE flags are incompatible");
            if (m_flags & F_LOCALE) return value_error("cannot use LOCALE flag with a str pattern");
            if (!m_next.none) fail("unbalanced parenthesis");
            for (auto& [g, pos] : m_grouprefpos)
                if (g >= groups()) {
                    m_err.msg = "invalid group reference " + std::to_string(g);
                    m_err.pos = pos;
                    return false;
                }
            out.root = std::move(root);
            out.flags = m_flags;
            out.groups = groups();
            out.names = m_names;
            return true;
        } catch (Failure&) {
            return false;
        }
    }

private:
    std::u32string_view m_p;
    Error& m_err;
    size_t m_index = 0;
    Tok m_next;
    uint32_t m_flags = 0;
    struct GroupInfo {
        bool closed = false;
        Width w;
    };
    std::vector<GroupInfo> m_widths;
    std::vector<std::pair<std::u32string, int64_t>> m_names;
    std::map<int64_t, int64_t> m_grouprefpos;
    int64_t m_lookbehind_groups = -1;  // -1: not inside a lookbehind
    int m_depth = 0;

    bool value_error(const char* msg) {
        m_err.msg = msg;
        m_err.pos = -2;  // ValueError, not re.error
        return false;
    }
    [[noreturn]] void fail(std::string msg, size_t offset = 0) {
        m_err.msg = std::move(msg);
        m_err.pos = static_cast<int64_t>(tell()) - static_cast<int64_t>(offset);
        throw Failure{};
    }
    int64_t groups() const { return static_cast<int64_t>(m_widths.size()); }

    // [SECTION] Tokenizer (re._parser.Tokenizer)
    void advance() {
        size_t i = m_index;
        if (i >= m_p.size()) {
            m_next = Tok{};
            return;
        }
        Tok t;
        t.none = false;
        if (m_p[i] == '\\') {
            ++i;
            if (i >= m_p.size()) {
                m_err.msg = "bad escape (end of pattern)";
                m_err.pos = static_cast<int64_t>(m_p.size()) - 1;
                throw Failure{};
            }
            t.esc = true;
        }
        t.c = m_p[i];
        m_index = i + 1;
        m_next = t;
    }
    size_t tell() const { return m_index - m_next.len(); }
    void seek(size_t i) {
        m_index = i;
        advance();
    }
    Tok get() {
        Tok t = m_next;
        advance();
        return t;
    }
    bool match(uint32_t c) {
        if (m_next.is(c)) {
            advance();
            return true;
        }
        return false;
    }
    std::u32string getwhile(int n, bool (*pred)(uint32_t)) {
        std::u32string r;
        for (int i = 0; i < n; ++i) {
            if (m_next.none || m_next.esc || !pred(m_next.c)) break;
            r += static_cast<char32_t>(m_next.c);
            advance();
        }
        return r;
    }
    std::u32string getuntil(uint32_t term, const char* name) {
        std::u32string r;
        for (;;) {
            Tok c = m_next;
            advance();
            if (c.none) {
                if (r.empty()) fail(std::string("missing ") + name);
                fail(std::string("missing ") + static_cast<char>(term) + ", unterminated name", r.size());
            }
            if (c.is(term)) {
                if (r.empty()) fail(std::string("missing ") + name, 1);
                break;
            }
            r += c.text();
        }
        return r;
    }
    void checkgroupname(const std::u32string& name, size_t offset) {
        if (!is_identifier(name)) fail("bad character in group name " + py_repr(name), name.size() + offset);
    }
    bool checkgroup(int64_t g) const { return g < groups() && m_widths[static_cast<size_t>(g)].closed; }
    void checklookbehindgroup(int64_t g) {
        if (m_lookbehind_groups < 0) return;
        if (!checkgroup(g)) fail("cannot refer to an open group");
        if (g >= m_lookbehind_groups) fail("cannot refer to group defined in the same lookbehind subpattern");
    }

    // [SECTION] Escapes
    static NodePtr literal(uint32_t c) {
        auto n = std::make_unique<Node>(NodeKind::Literal);
        n->c = c;
        return n;
    }
    static bool category(uint32_t c, Category& cat) {
        switch (c) {
        case 'd':
            cat = Category::Digit;
            return true;
        case 'D':
            cat = Category::NotDigit;
            return true;
        case 'w':
            cat = Category::Word;
            return true;
        case 'W':
            cat = Category::NotWord;
            return true;
        case 's':
            cat = Category::Space;
            return true;
        case 'S':
            cat = Category::NotSpace;
            return true;
        default:
            return false;
        }
    }
    static bool simple_escape(uint32_t c, uint32_t& out) {
        switch (c) {
        case 'a':
            out = 7;
            return true;
        case 'b':
            out = 8;
            return true;
        case 'f':
            out = 12;
            return true;
        case 'n':
            out = 10;
            return true;
        case 'r':
            out = 13;
            return true;
        case 't':
            out = 9;
            return true;
        case 'v':
            out = 11;
            return true;
        case '\\':
            out = '\\';
            return true;
        default:
            return false;
        }
    }
    // \x \u \U; returns false if `c` is none of them.
    bool hex_escape(uint32_t c, uint32_t& out) {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
        if (!n) return false;
        std::u32string digits = getwhile(n, is_hex);
        if (static_cast<int>(digits.size()) != n) {
            std::u32string esc = U"\\";
            esc += static_cast<char32_t>(c);
            esc += digits;
            fail("incomplete escape " + to_utf8(esc), esc.size());
        }
        uint64_t v = 0;
        for (char32_t d : digits) v = v * 16 + (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        if (v > 0x10ffff) {
            std::u32string esc = U"\\";
            esc += static_cast<char32_t>(c);
            esc += digits;
            fail("bad escape " + to_utf8(esc), esc.size());
        }
        out = static_cast<uint32_t>(v);
        return true;
    }
    [[noreturn]] void bad_escape(const std::u32string& esc) { fail("bad escape " + to_utf8(esc), esc.size()); }

    // re._parser._class_escape: an item of a [...] set.
    SetItem class_escape(uint32_t c) {
        SetItem it{SetItem::Literal};
        uint32_t v;
        if (simple_escape(c, v)) {
            it.lo = v;
            return it;
        }
        if (c != 'b' && category(c, it.cat)) {
            it.kind = SetItem::Cat;
            return it;
        }
        if (hex_escape(c, v)) {
            it.lo = v;
            return it;
        }
        std::u32string esc = U"\\";
        esc += static_cast<char32_t>(c);
        if (c == 'N') fail("bad escape \\N", 2);  // \N{...} needs unicodedata names
        if (is_oct(c)) {
            esc += getwhile(2, is_oct);
            uint32_t o = 0;
            for (size_t i = 1; i < esc.size(); ++i) o = o * 8 + (esc[i] - '0');
            if (o > 0377) fail("octal escape value " + to_utf8(esc) + " outside of range 0-0o377", esc.size());
            it.lo = o;
            return it;
        }
        if (is_dig(c) || is_ascii_letter(c)) bad_escape(esc);
        it.lo = c;
        return it;
    }

    // re._parser._escape: an escape outside a set.
    NodePtr escape(uint32_t c) {
        Category cat;
        if (category(c, cat)) {
            auto n = std::make_unique<Node>(NodeKind::Set);
            n->set.push_back({SetItem::Cat, 0, 0, cat});
            return n;
        }
        At at;
        bool is_at = true;
        switch (c) {
        case 'A':
            at = At::BeginningString;
            break;
        case 'Z':
            at = At::EndString;
            break;
        case 'b':
            at = At::Boundary;
            break;
        case 'B':
            at = At::NonBoundary;
            break;
        default:
            is_at = false;
            at = At::Beginning;
        }
        if (is_at) {
            auto n = std::make_unique<Node>(NodeKind::At);
            n->at = at;
            return n;
        }
        uint32_t v;
        if (simple_escape(c, v)) return literal(v);
        if (hex_escape(c, v)) return literal(v);
        std::u32string esc = U"\\";
        esc += static_cast<char32_t>(c);
        if (c == 'N') fail("bad escape \\N", 2);
        if (c == '0') {
            esc += getwhile(2, is_oct);
            uint32_t o = 0;
            for (size_t i = 1; i < esc.size(); ++i) o = o * 8 + (esc[i] - '0');
            return literal(o);
        }
        if (is_dig(c)) {
            if (!m_next.none && !m_next.esc && is_dig(m_next.c)) {
                esc += static_cast<char32_t>(get().c);
                if (is_oct(esc[1]) && is_oct(esc[2]) && !m_next.none && !m_next.esc && is_oct(m_next.c)) {
                    esc += static_cast<char32_t>(get().c);
                    uint32_t o = 0;
                    for (size_t i = 1; i < esc.size(); ++i) o = o * 8 + (esc[i] - '0');
                    if (o > 0377) fail("octal escape value " + to_utf8(esc) + " outside of range 0-0o377", esc.size());
                    return literal(o);
                }
            }
            int64_t g = 0;
            for (size_t i = 1; i < esc.size(); ++i) g = g * 10 + (esc[i] - '0');
            if (g < groups()) {
                if (!checkgroup(g)) fail("cannot refer to an open group", esc.size());
                checklookbehindgroup(g);
                auto n = std::make_unique<Node>(NodeKind::GroupRef);
                n->group = g;
                return n;
            }
            fail("invalid group reference " + std::to_string(g), esc.size() - 1);
        }
        if (is_ascii_letter(c)) bad_escape(esc);
        return literal(c);
    }

    // [SECTION] Widths (re._parser.SubPattern.getwidth)
    Width width(const Node& n) {
        Width w;
        auto add = [&](Width a) {
            w.lo += a.lo;
            w.hi += a.hi;
        };
        switch (n.kind) {
        case NodeKind::Literal:
        case NodeKind::NotLiteral:
        case NodeKind::Any:
        case NodeKind::Set:
            w = {1, 1};
            break;
        case NodeKind::At:
        case NodeKind::Assert:
            break;
        case NodeKind::Group:
        case NodeKind::Atomic:
            w = width(*n.kids[0]);
            break;
        case NodeKind::Concat:
            for (auto& k : n.kids) add(width(*k));
            break;
        case NodeKind::Branch: {
            uint64_t lo = kMaxRepeat - 1, hi = 0;
            for (auto& k : n.kids) {
                Width a = width(*k);
                lo = std::min(lo, a.lo);
                hi = std::max(hi, a.hi);
            }
            w = {lo, hi};
            break;
        }
        case NodeKind::Repeat: {
            Width a = width(*n.kids[0]);
            w.lo = sat_mul(a.lo, n.min);
            w.hi = sat_mul(a.hi, n.max);
            break;
        }
        case NodeKind::GroupRef:
            w = m_widths[static_cast<size_t>(n.group)].w;
            break;
        case NodeKind::GroupExists: {
            Width a = width(*n.kids[0]);
            if (n.kids.size() > 1) {
                Width b = width(*n.kids[1]);
                a.lo = std::min(a.lo, b.lo);
                a.hi = std::max(a.hi, b.hi);
            } else {
                a.lo = 0;
            }
            w = a;
            break;
        }
        }
        w.lo = std::min(w.lo, kMaxRepeat - 1);
        w.hi = std::min(w.hi, kMaxRepeat);
        return w;
    }
    static uint64_t sat_mul(uint64_t a, uint64_t b) {
        if (a && b > kMaxRepeat / a) return kMaxRepeat;
        return a * b;
    }

    // [SECTION] Grammar
    // alternation: _parse ('|' _parse)*
    NodePtr parse_sub(bool verbose, int nested) {
        if (++m_depth > kMaxNesting) {
            m_err.msg = "maximum recursion depth exceeded";
            m_err.pos = -3;  // RecursionError
            throw Failure{};
        }
        std::vector<NodePtr> items;
        for (;;) {
            items.push_back(parse(verbose, nested + 1, nested == 0 && items.empty()));
            if (!match('|')) break;
            if (!nested) verbose = (m_flags & F_VERBOSE) != 0;
        }
        --m_depth;
        if (items.size() == 1) return std::move(items[0]);
        auto b = std::make_unique<Node>(NodeKind::Branch);
        b->kids = std::move(items);
        return b;
    }

    // a sequence of items up to '|', ')' or the end
    NodePtr parse(bool verbose, int nested, bool first) {
        auto seq = std::make_unique<Node>(NodeKind::Concat);
        auto& items = seq->kids;
        for (;;) {
            Tok t = m_next;
            if (t.none || t.is('|') || t.is(')')) break;
            advance();
            if (verbose && !t.esc) {
                if (t.c == ' ' || t.c == '\t' || t.c == '\n' || t.c == '\r' || t.c == '\v' || t.c == '\f') continue;
                if (t.c == '#') {
                    for (;;) {
                        Tok x = get();
                        if (x.none || x.is('\n')) break;
                    }
                    continue;
                }
            }
            if (t.esc) {
                items.push_back(escape(t.c));
                continue;
            }
            switch (t.c) {
            case '[':
                items.push_back(parse_set());
                break;
            case '*':
            case '+':
            case '?':
            case '{':
                if (!parse_repeat(t.c, items)) items.push_back(literal('{'));
                break;
            case '.':
                items.push_back(std::make_unique<Node>(NodeKind::Any));
                break;
            case '(': {
                NodePtr g = parse_group(verbose, nested, first, items.empty());
                if (g) items.push_back(std::move(g));
                // A leading global (?x) turns verbose on for the rest, as
                // sre_parse's re-parse does.
                if (m_flags & F_VERBOSE) verbose = true;
                break;
            }
            case '^':
            case '$': {
                auto n = std::make_unique<Node>(NodeKind::At);
                n->at = t.c == '^' ? At::Beginning : At::End;
                items.push_back(std::move(n));
                break;
            }
            default:
                items.push_back(literal(t.c));
            }
        }
        return seq;
    }

    NodePtr parse_set() {
        size_t here = tell() - 1;
        auto n = std::make_unique<Node>(NodeKind::Set);
        n->negate = match('^');
        auto& set = n->set;
        for (;;) {
            Tok t = get();
            if (t.none) fail("unterminated character set", tell() - here);
            if (t.is(']') && !set.empty()) break;
            SetItem a = t.esc ? class_escape(t.c) : SetItem{SetItem::Literal, t.c};
            if (match('-')) {
                Tok u = get();
                if (u.none) fail("unterminated character set", tell() - here);
                if (u.is(']')) {
                    set.push_back(a);
                    set.push_back({SetItem::Literal, '-'});
                    break;
                }
                SetItem b = u.esc ? class_escape(u.c) : SetItem{SetItem::Literal, u.c};
                std::string msg = "bad character range " + to_utf8(t.text()) + "-" + to_utf8(u.text());
                if (a.kind != SetItem::Literal || b.kind != SetItem::Literal || b.lo < a.lo)
                    fail(msg, t.len() + 1 + u.len());
                set.push_back({SetItem::Range, a.lo, b.lo});
            } else {
                set.push_back(a);
            }
        }
        if (set.size() == 1 && set[0].kind == SetItem::Literal) {
            auto l = std::make_unique<Node>(n->negate ? NodeKind::NotLiteral : NodeKind::Literal);
            l->c = set[0].lo;
            return l;
        }
        return n;
    }

    // Returns false when '{' is a literal after all.
    bool parse_repeat(uint32_t ch, std::vector<NodePtr>& items) {
        size_t here = tell();
        uint64_t lo = 0, hi = kMaxRepeat;
        if (ch == '?')
            hi = 1;
        else if (ch == '+')
            lo = 1;
        else if (ch == '{') {
            if (m_next.is('}')) return false;
            std::u32string los, his;
            while (!m_next.none && !m_next.esc && is_dig(m_next.c)) los += static_cast<char32_t>(get().c);
            if (match(',')) {
                while (!m_next.none && !m_next.esc && is_dig(m_next.c)) his += static_cast<char32_t>(get().c);
            } else {
                his = los;
            }
            if (!match('}')) {
                seek(here);
                return false;
            }
            auto num = [&](const std::u32string& s) {
                uint64_t v = 0;
                for (char32_t d : s) {
                    v = v * 10 + (d - '0');
                    if (v >= kMaxRepeat) {
                        m_err.msg = "the repetition number is too large";
                        m_err.overflow = true;
                        throw Failure{};
                    }
                }
                return v;
            };
            if (!los.empty()) lo = num(los);
            if (!his.empty()) {
                hi = num(his);
                if (hi < lo) fail("min repeat greater than max repeat", tell() - here);
            }
        }
        if (items.empty() || items.back()->kind == NodeKind::At) fail("nothing to repeat", tell() - here + 1);
        if (items.back()->kind == NodeKind::Repeat) fail("multiple repeat", tell() - here + 1);
        auto r = std::make_unique<Node>(NodeKind::Repeat);
        r->min = lo;
        r->max = hi;
        if (match('?'))
            r->rk = RepeatKind::Lazy;
        else if (match('+'))
            r->rk = RepeatKind::Possessive;
        r->kids.push_back(std::move(items.back()));
        items.back() = std::move(r);
        return true;
    }

    // '(' already read. Returns null for comments and global flags.
    NodePtr parse_group(bool verbose, int nested, bool first, bool at_start) {
        size_t start = tell() - 1;
        bool capture = true, atomic = false;
        std::u32string name;
        bool named = false;
        uint32_t add = 0, del = 0;
        if (match('?')) {
            Tok ch = get();
            if (ch.none) fail("unexpected end of pattern");
            if (ch.is('P')) {
                if (match('<')) {
                    name = getuntil('>', "group name");
                    checkgroupname(name, 1);
                    named = true;
                } else if (match('=')) {
                    name = getuntil(')', "group name");
                    checkgroupname(name, 1);
                    int64_t gid = -1;
                    for (auto& [nm, g] : m_names)
                        if (nm == name) gid = g;
                    if (gid < 0) fail("unknown group name " + py_repr(name), name.size() + 1);
                    if (!checkgroup(gid)) fail("cannot refer to an open group", name.size() + 1);
                    checklookbehindgroup(gid);
                    auto n = std::make_unique<Node>(NodeKind::GroupRef);
                    n->group = gid;
                    return n;
                } else {
                    Tok c2 = get();
                    if (c2.none) fail("unexpected end of pattern");
                    fail("unknown extension ?P" + to_utf8(c2.text()), c2.len() + 2);
                }
            } else if (ch.is(':')) {
                capture = false;
            } else if (ch.is('#')) {
                for (;;) {
                    if (m_next.none) fail("missing ), unterminated comment", tell() - start);
                    if (get().is(')')) break;
                }
                return nullptr;
            } else if (ch.is('=') || ch.is('!') || ch.is('<')) {
                int dir = 1;
                Tok kind = ch;
                bool outer_lb = false;
                if (ch.is('<')) {
                    kind = get();
                    if (kind.none) fail("unexpected end of pattern");
                    if (!kind.is('=') && !kind.is('!'))
                        fail("unknown extension ?<" + to_utf8(kind.text()), kind.len() + 2);
                    dir = -1;
                    if (m_lookbehind_groups < 0) {
                        m_lookbehind_groups = groups();
                        outer_lb = true;
                    }
                }
                NodePtr p = parse_sub(verbose, nested + 1);
                if (outer_lb) m_lookbehind_groups = -1;
                if (!match(')')) fail("missing ), unterminated subpattern", tell() - start);
                uint64_t behind = 0;
                if (dir < 0) {
                    Width w = width(*p);
                    behind = w.lo;
                    if (w.lo != w.hi) {
                        m_err.msg = "look-behind requires fixed-width pattern";
                        m_err.pos = -1;
                        throw Failure{};
                    }
                }
                auto n = std::make_unique<Node>(NodeKind::Assert);
                n->dir = dir;
                n->min = behind;  // look-behind: how far it steps back
                n->negate = kind.is('!');
                n->kids.push_back(std::move(p));
                return n;
            } else if (ch.is('(')) {
                return parse_conditional(verbose, nested, start);
            } else if (ch.is('>')) {
                capture = false;
                atomic = true;
            } else if ((!ch.esc && flag_of(ch.c)) || ch.is('-')) {
                if (!parse_flags(ch, add, del)) {
                    if (!first || !at_start) fail("global flags not at the start of the expression", tell() - start);
                    return nullptr;
                }
                capture = false;
            } else {
                fail("unknown extension ?" + to_utf8(ch.text()), ch.len() + 1);
            }
        }
        int64_t group = -1;
        if (capture) {
            group = groups();
            m_widths.push_back({});
            if (named) {
                for (auto& [nm, g] : m_names)
                    if (nm == name)
                        fail("redefinition of group name " + py_repr(name) + " as group " + std::to_string(group) +
                                 "; was group " + std::to_string(g),
                             name.size() + 1);
                m_names.push_back({name, group});
            }
        }
        bool sub_verbose = (verbose || (add & F_VERBOSE)) && !(del & F_VERBOSE);
        NodePtr p = parse_sub(sub_verbose, nested + 1);
        if (!match(')')) fail("missing ), unterminated subpattern", tell() - start);
        if (group >= 0) {
            m_widths[static_cast<size_t>(group)].closed = true;
            m_widths[static_cast<size_t>(group)].w = width(*p);
        }
        auto n = std::make_unique<Node>(atomic ? NodeKind::Atomic : NodeKind::Group);
        n->group = group;
        n->add_flags = add;
        n->del_flags = del;
        n->kids.push_back(std::move(p));
        return n;
    }

    NodePtr parse_conditional(bool verbose, int nested, size_t start) {
        std::u32string cond = getuntil(')', "group name");
        int64_t g = -1;
        if (is_identifier(cond)) {
            for (auto& [nm, gid] : m_names)
                if (nm == cond) g = gid;
            if (g < 0) fail("unknown group name " + py_repr(cond), cond.size() + 1);
        } else {
            bool digits = !cond.empty();
            for (char32_t c : cond) digits = digits && is_dig(c);
            if (!digits) fail("bad character in group name " + py_repr(cond), cond.size() + 1);
            g = 0;
            for (char32_t c : cond) {
                g = g * 10 + (c - '0');
                if (g >= static_cast<int64_t>(kMaxGroups))
                    fail("invalid group reference " + to_utf8(cond), cond.size() + 1);
            }
            if (!g) fail("bad group number", cond.size() + 1);
            if (!m_grouprefpos.count(g)) m_grouprefpos[g] = static_cast<int64_t>(tell() - cond.size() - 1);
        }
        checklookbehindgroup(g);
        auto n = std::make_unique<Node>(NodeKind::GroupExists);
        n->group = g;
        n->kids.push_back(parse(verbose, nested + 1, false));
        if (match('|')) {
            n->kids.push_back(parse(verbose, nested + 1, false));
            if (m_next.is('|')) fail("conditional backref with more than two branches");
        }
        if (!match(')')) fail("missing ), unterminated subpattern", tell() - start);
        return n;
    }

    // re._parser._parse_flags: false for global flags "(?aiLmsux)".
    bool parse_flags(Tok ch, uint32_t& add, uint32_t& del) {
        if (!ch.is('-')) {
            for (;;) {
                uint32_t f = flag_of(ch.c);
                if (ch.c == 'L') fail("bad inline flags: cannot use 'L' flag with a str pattern");
                add |= f;
                uint32_t type = F_ASCII | F_LOCALE | F_UNICODE;
                if ((f & type) && (add & type) != f) fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
                ch = get();
                if (ch.none) fail("missing -, : or )");
                if (ch.is(')') || ch.is('-') || ch.is(':')) break;
                if (ch.esc || !flag_of(ch.c)) {
                    bool alpha = !ch.esc && (is_ascii_letter(ch.c) || (ch.c >= 0x80 && utf8::is_alpha(ch.c)));
                    fail(alpha ? "unknown flag" : "missing -, : or )", ch.len());
                }
            }
        }
        if (ch.is(')')) {
            m_flags |= add;
            return false;
        }
        if (add & (F_DEBUG | F_TEMPLATE)) fail("bad inline flags: cannot turn on global flag", 1);
        if (ch.is('-')) {
            ch = get();
            if (ch.none) fail("missing flag");
            if (ch.esc || !flag_of(ch.c)) {
                bool alpha = !ch.esc && (is_ascii_letter(ch.c) || (ch.c >= 0x80 && utf8::is_alpha(ch.c)));
                fail(alpha ? "unknown flag" : "missing flag", ch.len());
            }
            for (;;) {
                uint32_t f = flag_of(ch.c);
                if (f & (F_ASCII | F_LOCALE | F_UNICODE))
                    fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
                del |= f;
                ch = get();
                if (ch.none) fail("missing :");
                if (ch.is(':')) break;
                if (ch.esc || !flag_of(ch.c)) {
                    bool alpha = !ch.esc && (is_ascii_letter(ch.c) || (ch.c >= 0x80 && utf8::is_alpha(ch.c)));
                    fail(alpha ? "unknown flag" : "missing :", ch.len());
                }
            }
        }
        if (del & (F_DEBUG | F_TEMPLATE)) fail("bad inline flags: cannot turn off global flag", 1);
        if (add & del) fail("bad inline flags: flag turned on and off", 1);
        return true;
    }
};

}  // namespace

bool parse(std::u32string_view pattern, uint32_t flags, Parsed& out, Error& err) {
    Parser p(pattern, flags, err);
    return p.run(out);
}

}  // namespace aio::script::regex
