// matcher.cpp — the backtracking VM.
//
// One stack holds choice points (where to resume after a failure) and undo
// records (a capture slot, repeat register or lastindex as it was before an
// instruction changed it). Failing pops to the nearest choice point,
// undoing on the way. Lookarounds and atomic groups push a barrier; when
// their body succeeds the choice points above the barrier are dropped (the
// undo records stay, so a later failure still restores the captures).
#include "regex/matcher.hpp"

#include "regex/charclass.hpp"

namespace aio::script::regex {

namespace {

enum class EK : uint8_t { Choice, UndoSlot, UndoReg, UndoLast, RepOneGreedy, RepOneLazy, Barrier };

struct Entry {
    EK kind;
    uint32_t pc;
    uint32_t pos;  // resume position, or the old value (undo)
    uint32_t aux;  // slot / register / repeat count
};

constexpr uint64_t kStepChunk = 4096;
constexpr size_t kNowhere = ~size_t(0);
constexpr uint64_t kMaxStack = uint64_t(1) << 28;  // entries; past it MemoryError comes first anyway

template <class CharT>
class Matcher {
public:
    Matcher(const Program& p, const CharT* s, size_t end, Budget& b, size_t no_empty_at)
        : m_p(p), m_s(s), m_end(end), m_no_empty_at(no_empty_at), m_budget(b) {}

    // -1 budget refused, 0 no match, 1 match (slots filled).
    int try_at(size_t start, bool full, MatchResult& r) {
        r.slots.assign(static_cast<size_t>(m_p.groups) * 2, kUnset);
        r.lastindex = -1;
        m_regs.assign(static_cast<size_t>(m_p.registers) * 2, kUnset);
        m_stack.clear();
        m_slots = &r.slots;
        m_last = -1;
        uint32_t pc = 0;
        uint32_t pos = static_cast<uint32_t>(start);
        for (;;) {
            if (++m_steps >= kStepChunk) {
                if (!m_budget.charge(m_steps)) return -1;
                m_steps = 0;
            }
            const Inst& in = m_p.code[pc];
            bool ok = true;
            switch (in.op) {
            case Op::Char:
                ok = pos < m_end && (in.ic ? same_ic(m_s[pos], in.a, in.ascii) : m_s[pos] == in.a);
                ++pos, ++pc;
                break;
            case Op::NotChar:
                ok = pos < m_end && !(in.ic ? same_ic(m_s[pos], in.a, in.ascii) : m_s[pos] == in.a);
                ++pos, ++pc;
                break;
            case Op::Any:
                ok = pos < m_end && m_s[pos] != '\n';
                ++pos, ++pc;
                break;
            case Op::AnyAll:
                ok = pos < m_end;
                ++pos, ++pc;
                break;
            case Op::Set:
                ok = pos < m_end && set_matches(m_p.sets[in.a], m_s[pos], in.ic, in.ascii);
                ++pos, ++pc;
                break;
            case Op::At:
                ok = at(static_cast<At>(in.a), in.b != 0, in.ascii, pos);
                ++pc;
                break;
            case Op::Save:
                if (!push({EK::UndoSlot, 0, (*m_slots)[in.a], in.a})) return -1;
                (*m_slots)[in.a] = pos;
                if (in.a & 1) {
                    if (!push({EK::UndoLast, 0, static_cast<uint32_t>(m_last), 0})) return -1;
                    m_last = static_cast<int64_t>(in.a / 2);
                }
                ++pc;
                break;
            case Op::Split:
                if (!push({EK::Choice, in.y, pos, 0})) return -1;
                pc = in.x;
                break;
            case Op::Jmp:
                pc = in.x;
                break;
            case Op::Match:
                // sre's must_advance: after an empty match, none may be empty there again
                // (backtracking goes on to longer ones: findall('a??', 'a') is ['', 'a', '']).
                if ((full && pos != m_end) || (pos == start && start == m_no_empty_at)) {
                    ok = false;
                    break;
                }
                r.slots[0] = static_cast<uint32_t>(start);
                r.slots[1] = pos;
                r.lastindex = m_last;
                return 1;
            case Op::GroupRef: {
                uint32_t a = (*m_slots)[2 * in.a], b = (*m_slots)[2 * in.a + 1];
                if (a == kUnset || b == kUnset || b < a || pos + (b - a) > m_end) {
                    ok = false;
                    break;
                }
                for (uint32_t i = 0; i < b - a && ok; ++i)
                    ok = in.ic ? same_ic(m_s[pos + i], m_s[a + i], in.ascii) : m_s[pos + i] == m_s[a + i];
                pos += b - a;
                ++pc;
                break;
            }
            case Op::GroupExists: {
                bool set = (*m_slots)[2 * in.a] != kUnset && (*m_slots)[2 * in.a + 1] != kUnset;
                pc = set ? pc + 1 : in.x;
                break;
            }
            case Op::RepeatInit:
                if (!set_reg(2 * in.a, 0) || !set_reg(2 * in.a + 1, kUnset)) return -1;
                ++pc;
                break;
            case Op::RepeatCheck: {
                uint32_t count = m_regs[2 * in.a];
                if (count < in.min) {
                    ++pc;
                    break;
                }
                bool more = (in.max == kMaxRepeat || count < in.max) && pos != m_regs[2 * in.a + 1];
                if (!more) {
                    pc = in.x;
                } else if (in.b) {
                    if (!push({EK::Choice, in.x, pos, 0})) return -1;
                    ++pc;
                } else {
                    if (!push({EK::Choice, pc + 1, pos, 0})) return -1;
                    pc = in.x;
                }
                break;
            }
            case Op::RepeatIter:
                if (!set_reg(2 * in.a, m_regs[2 * in.a] + 1) || !set_reg(2 * in.a + 1, pos)) return -1;
                ++pc;
                break;
            case Op::RepeatOne: {
                const Inst& body = m_p.code[pc + 1];
                uint64_t limit = in.max == kMaxRepeat ? m_end - pos : std::min<uint64_t>(in.max, m_end - pos);
                uint64_t n = 0;
                uint64_t want = in.b ? limit : std::min<uint64_t>(in.min, limit);
                while (n < want && one(body, m_s[pos + n])) ++n;
                m_steps += n / 8;
                if (n < in.min) {
                    ok = false;
                    break;
                }
                if (in.b) {
                    if (n > in.min && !push({EK::RepOneGreedy, pc, pos, static_cast<uint32_t>(n)})) return -1;
                } else if (n < in.max && pos + n < m_end) {
                    if (!push({EK::RepOneLazy, pc, pos, static_cast<uint32_t>(n)})) return -1;
                }
                pos += static_cast<uint32_t>(n);
                pc += 2;
                break;
            }
            case Op::AtomicStart:
                if (!push({EK::Barrier, pc, pos, 0})) return -1;
                ++pc;
                break;
            case Op::AtomicEnd:
                cut();
                ++pc;
                break;
            case Op::LookStart:
                if (in.max) {  // behind
                    if (pos < in.min) {
                        if (in.b)
                            pc = in.x;
                        else
                            ok = false;
                        break;
                    }
                    if (!push({EK::Barrier, pc, pos, 0})) return -1;
                    pos -= static_cast<uint32_t>(in.min);
                } else {
                    if (!push({EK::Barrier, pc, pos, 0})) return -1;
                }
                ++pc;
                break;
            case Op::LookEnd: {
                size_t bi = barrier();
                const Entry b = m_stack[bi];
                const Inst& look = m_p.code[b.pc];
                if (!look.b) {
                    cut();
                    pos = b.pos;
                    pc = look.x;
                } else {
                    // The negative assertion's body matched: undo down to the
                    // barrier and fail past it.
                    while (m_stack.size() > bi + 1) {
                        undo(m_stack.back());
                        m_stack.pop_back();
                    }
                    m_stack.pop_back();
                    ok = false;
                }
                break;
            }
            }
            if (ok) continue;
            // Backtrack: resume at the nearest choice point.
            for (;;) {
                if (m_stack.empty()) return 0;
                Entry e = m_stack.back();
                m_stack.pop_back();
                if (e.kind == EK::Choice) {
                    pc = e.pc;
                    pos = e.pos;
                    break;
                }
                if (e.kind == EK::RepOneGreedy) {
                    uint32_t n = e.aux - 1;
                    const Inst& rep = m_p.code[e.pc];
                    const Inst& next = m_p.code[e.pc + 2];
                    // A literal next: skip counts where it cannot match.
                    if (next.op == Op::Char && !next.ic)
                        while (n > rep.min && (e.pos + n >= m_end || m_s[e.pos + n] != next.a)) --n;
                    if (n > rep.min) m_stack.push_back({EK::RepOneGreedy, e.pc, e.pos, n});
                    pc = e.pc + 2;
                    pos = e.pos + n;
                    break;
                }
                if (e.kind == EK::RepOneLazy) {
                    const Inst& rep = m_p.code[e.pc];
                    uint32_t n = e.aux;
                    if (e.pos + n >= m_end || !one(m_p.code[e.pc + 1], m_s[e.pos + n])) continue;
                    ++n;
                    if (n < rep.max && e.pos + n < m_end) m_stack.push_back({EK::RepOneLazy, e.pc, e.pos, n});
                    pc = e.pc + 2;
                    pos = e.pos + n;
                    break;
                }
                if (e.kind == EK::Barrier) {
                    const Inst& look = m_p.code[e.pc];
                    if (look.op == Op::LookStart && look.b) {  // negative assertion: its body failed
                        pc = look.x;
                        pos = e.pos;
                        break;
                    }
                    continue;
                }
                undo(e);
            }
        }
    }

private:
    const Program& m_p;
    const CharT* m_s;
    size_t m_end;
    size_t m_no_empty_at;  // where an empty match is refused (kNowhere: nowhere)
    Budget& m_budget;
    std::vector<Entry> m_stack;
    size_t m_reserved = 0;  // stack capacity already charged
    std::vector<uint32_t> m_regs;
    std::vector<uint32_t>* m_slots = nullptr;
    int64_t m_last = -1;
    uint64_t m_steps = 0;

    bool push(const Entry& e) {
        if (m_stack.size() == m_stack.capacity()) {
            size_t cap = m_stack.capacity() ? m_stack.capacity() * 2 : 64;
            if (cap > kMaxStack || !m_budget.reserve((cap - m_reserved) * sizeof(Entry))) return false;
            m_stack.reserve(cap);
            m_reserved = cap;
        }
        m_stack.push_back(e);
        return true;
    }
    bool set_reg(uint32_t r, uint32_t v) {
        if (!push({EK::UndoReg, 0, m_regs[r], r})) return false;
        m_regs[r] = v;
        return true;
    }
    void undo(const Entry& e) {
        if (e.kind == EK::UndoSlot)
            (*m_slots)[e.aux] = e.pos;
        else if (e.kind == EK::UndoReg)
            m_regs[e.aux] = e.pos;
        else if (e.kind == EK::UndoLast)
            m_last = e.pos == kUnset ? -1 : static_cast<int64_t>(e.pos);
    }
    size_t barrier() const {
        size_t i = m_stack.size();
        while (i > 0 && m_stack[i - 1].kind != EK::Barrier) --i;
        return i - 1;  // the compiler pairs every end with a start
    }
    // Drops the choice points above the innermost barrier and the barrier.
    void cut() {
        size_t bi = barrier(), out = bi;
        for (size_t i = bi + 1; i < m_stack.size(); ++i) {
            EK k = m_stack[i].kind;
            if (k == EK::UndoSlot || k == EK::UndoReg || k == EK::UndoLast) m_stack[out++] = m_stack[i];
        }
        m_stack.resize(out);
    }
    bool one(const Inst& in, uint32_t c) const {
        switch (in.op) {
        case Op::Char:
            return in.ic ? same_ic(c, in.a, in.ascii) : c == in.a;
        case Op::NotChar:
            return !(in.ic ? same_ic(c, in.a, in.ascii) : c == in.a);
        case Op::Any:
            return c != '\n';
        case Op::AnyAll:
            return true;
        case Op::Set:
            return set_matches(m_p.sets[in.a], c, in.ic, in.ascii);
        default:
            return false;
        }
    }
    bool word_at(size_t i, bool ascii) const { return i < m_end && is_word(m_s[i], ascii); }
    bool at(At kind, bool multiline, bool ascii, size_t pos) const {
        switch (kind) {
        case At::Beginning:
            return pos == 0 || (multiline && m_s[pos - 1] == '\n');
        case At::BeginningString:
            return pos == 0;
        case At::End:
            return pos == m_end || (pos + 1 == m_end && m_s[pos] == '\n') || (multiline && m_s[pos] == '\n');
        case At::EndString:
            return pos == m_end;
        case At::Boundary:
        case At::NonBoundary: {
            if (m_end == 0) return false;  // sre: no boundary in an empty string
            bool before = pos > 0 && word_at(pos - 1, ascii), after = word_at(pos, ascii);
            return (before != after) == (kind == At::Boundary);
        }
        }
        return false;
    }
};

template <class CharT>
int run_on(const Program& prog, const CharT* s, size_t pos, size_t endpos, Mode mode, Budget& budget,
           MatchResult& result, bool must_advance) {
    Matcher<CharT> m(prog, s, endpos, budget, must_advance ? pos : kNowhere);
    if (mode != Mode::Search) return m.try_at(pos, mode == Mode::FullMatch, result);
    for (size_t start = pos; start <= endpos; ++start) {
        if (prog.has_prefix) {
            while (start < endpos && s[start] != prog.prefix) ++start;
            if (start >= endpos) return 0;
        }
        int r = m.try_at(start, false, result);
        if (r) return r;
        if (prog.anchored) return 0;
    }
    return 0;
}

}  // namespace

int run(const Program& prog, const Text& text, size_t pos, size_t endpos, Mode mode, Budget& budget,
        MatchResult& result, bool must_advance) {
    if (endpos > text.length) endpos = text.length;
    if (pos > endpos) return 0;
    if (text.wide) return run_on(prog, text.wide, pos, endpos, mode, budget, result, must_advance);
    return run_on(prog, text.bytes, pos, endpos, mode, budget, result, must_advance);
}

}  // namespace aio::script::regex
