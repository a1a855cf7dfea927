// compiler.cpp — node tree to Program (re._compiler, for a backtracking VM).
//
// Flags are resolved here, per node: scoped groups (?i:...) change them for
// their body. A repeat of one single-position item becomes RepeatOne (no
// backtrack entry per character); other repeats count in a register.
#include "regex/parser.hpp"
#include "regex/program.hpp"

namespace aio::script::regex {

namespace {

class Compiler {
public:
    explicit Compiler(Program& p) : m_p(p) {}

    void node(const Node& n, uint32_t flags) {
        switch (n.kind) {
        case NodeKind::Literal:
        case NodeKind::NotLiteral: {
            Inst& i = emit(n.kind == NodeKind::Literal ? Op::Char : Op::NotChar, flags);
            i.a = n.c;
            break;
        }
        case NodeKind::Any:
            emit(flags & F_DOTALL ? Op::AnyAll : Op::Any, flags);
            break;
        case NodeKind::Set: {
            Inst& i = emit(Op::Set, flags);
            i.a = static_cast<uint32_t>(m_p.sets.size());
            m_p.sets.push_back({n.set, n.negate});
            break;
        }
        case NodeKind::At: {
            Inst& i = emit(Op::At, flags);
            i.a = static_cast<uint32_t>(n.at);
            i.b = (flags & F_MULTILINE) ? 1 : 0;
            break;
        }
        case NodeKind::Group: {
            uint32_t f = (flags | n.add_flags) & ~n.del_flags;
            if (n.group >= 0) emit(Op::Save, flags).a = static_cast<uint32_t>(2 * n.group);
            node(*n.kids[0], f);
            if (n.group >= 0) emit(Op::Save, flags).a = static_cast<uint32_t>(2 * n.group + 1);
            break;
        }
        case NodeKind::Concat:
            for (auto& k : n.kids) node(*k, flags);
            break;
        case NodeKind::Branch: {
            std::vector<size_t> jumps;
            for (size_t k = 0; k < n.kids.size(); ++k) {
                size_t split = 0;
                bool last = k + 1 == n.kids.size();
                if (!last) split = pc(emit(Op::Split, flags));
                node(*n.kids[k], flags);
                if (!last) {
                    jumps.push_back(pc(emit(Op::Jmp, flags)));
                    m_p.code[split].x = static_cast<uint32_t>(split + 1);
                    m_p.code[split].y = here();
                }
            }
            for (size_t j : jumps) m_p.code[j].x = here();
            break;
        }
        case NodeKind::Repeat:
            repeat(n, flags);
            break;
        case NodeKind::GroupRef:
            emit(Op::GroupRef, flags).a = static_cast<uint32_t>(n.group);
            break;
        case NodeKind::Assert: {
            size_t start = pc(emit(Op::LookStart, flags));
            m_p.code[start].b = n.negate ? 1 : 0;
            if (n.dir < 0) {
                m_p.code[start].max = 1;
                m_p.code[start].min = n.min;
            }
            node(*n.kids[0], flags);
            emit(Op::LookEnd, flags);
            m_p.code[start].x = here();
            break;
        }
        case NodeKind::Atomic:
            emit(Op::AtomicStart, flags);
            node(*n.kids[0], flags);
            emit(Op::AtomicEnd, flags);
            break;
        case NodeKind::GroupExists: {
            size_t test = pc(emit(Op::GroupExists, flags));
            m_p.code[test].a = static_cast<uint32_t>(n.group);
            node(*n.kids[0], flags);
            size_t jmp = pc(emit(Op::Jmp, flags));
            m_p.code[test].x = here();
            if (n.kids.size() > 1) node(*n.kids[1], flags);
            m_p.code[jmp].x = here();
            break;
        }
        }
    }

private:
    Program& m_p;

    Inst& emit(Op op, uint32_t flags) {
        Inst i;
        i.op = op;
        i.ic = (flags & F_IGNORECASE) != 0;
        i.ascii = (flags & F_ASCII) != 0;
        m_p.code.push_back(i);
        return m_p.code.back();
    }
    size_t pc(const Inst& i) const { return static_cast<size_t>(&i - m_p.code.data()); }
    uint32_t here() const { return static_cast<uint32_t>(m_p.code.size()); }

    static bool single(const Node& n) {
        return n.kind == NodeKind::Literal || n.kind == NodeKind::NotLiteral || n.kind == NodeKind::Any ||
               n.kind == NodeKind::Set;
    }
    void repeat(const Node& n, uint32_t flags) {
        const Node& body = *n.kids[0];
        if (n.rk == RepeatKind::Possessive) {
            emit(Op::AtomicStart, flags);
            Node greedy(NodeKind::Repeat);
            greedy.min = n.min;
            greedy.max = n.max;
            repeat_body(greedy, body, flags, true);
            emit(Op::AtomicEnd, flags);
            return;
        }
        repeat_body(n, body, flags, n.rk == RepeatKind::Greedy);
    }

    void repeat_body(const Node& n, const Node& body, uint32_t flags, bool greedy) {
        if (n.max == 0) return;
        if (single(body)) {
            Inst& r = emit(Op::RepeatOne, flags);
            r.min = n.min;
            r.max = n.max;
            r.b = greedy ? 1 : 0;
            node(body, flags);
            return;
        }
        if (n.min == 1 && n.max == 1) {
            node(body, flags);
            return;
        }
        if (n.min == 0 && n.max == 1) {
            size_t split = pc(emit(Op::Split, flags));
            node(body, flags);
            uint32_t body_at = static_cast<uint32_t>(split + 1), exit = here();
            m_p.code[split].x = greedy ? body_at : exit;
            m_p.code[split].y = greedy ? exit : body_at;
            return;
        }
        uint32_t reg = m_p.registers++;
        emit(Op::RepeatInit, flags).a = reg;
        size_t check = pc(emit(Op::RepeatCheck, flags));
        m_p.code[check].a = reg;
        m_p.code[check].min = n.min;
        m_p.code[check].max = n.max;
        m_p.code[check].b = greedy ? 1 : 0;
        emit(Op::RepeatIter, flags).a = reg;
        node(body, flags);
        emit(Op::Jmp, flags).x = static_cast<uint32_t>(check);
        m_p.code[check].x = here();
    }
};

// The first code point every match must start with, if there is one.
bool first_char(const Node& n, uint32_t flags, uint32_t& c) {
    switch (n.kind) {
    case NodeKind::Literal:
        if (flags & F_IGNORECASE) return false;
        c = n.c;
        return true;
    case NodeKind::Concat:
        return !n.kids.empty() && first_char(*n.kids[0], flags, c);
    case NodeKind::Group:
        return first_char(*n.kids[0], (flags | n.add_flags) & ~n.del_flags, c);
    case NodeKind::Atomic:
        return first_char(*n.kids[0], flags, c);
    case NodeKind::Repeat:
        return n.min > 0 && first_char(*n.kids[0], flags, c);
    default:
        return false;
    }
}

bool anchored(const Node& n, uint32_t flags) {
    if (n.kind == NodeKind::Concat) return !n.kids.empty() && anchored(*n.kids[0], flags);
    if (n.kind != NodeKind::At) return false;
    return n.at == At::BeginningString || (n.at == At::Beginning && !(flags & F_MULTILINE));
}

}  // namespace

bool compile(std::u32string_view pattern, uint32_t flags, Program& out, Error& err) {
    Parsed parsed;
    if (!parse(pattern, flags, parsed, err)) return false;
    out = Program{};
    out.flags = parsed.flags;
    out.groups = parsed.groups;
    for (auto& [name, g] : parsed.names) out.names.push_back({to_utf8(name), g});
    Compiler c(out);
    c.node(*parsed.root, parsed.flags);
    Inst m;
    m.op = Op::Match;
    out.code.push_back(m);
    out.has_prefix = first_char(*parsed.root, parsed.flags, out.prefix);
    out.anchored = anchored(*parsed.root, parsed.flags);
    return true;
}

}  // namespace aio::script::regex
