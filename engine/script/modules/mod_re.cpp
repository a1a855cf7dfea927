// mod_re.cpp — `_sre`, the native half of `re` (lib/re.py holds the rest).
//
// _sre.compile(pattern, flags, error) parses and compiles a str pattern with
// the engine of regex/ and returns a Program; Program.run(string, pos,
// endpos, mode) returns None or the match's spans as one flat tuple
// (start0, end0, start1, end1, ..., lastindex), -1 for a group that did not
// take part. The last string's code points are kept, so finditer/sub over
// one long string decode it once.
#include "modules/modules.hpp"
#include "objects/runtime.hpp"
#include "regex/matcher.hpp"
#include "regex/program.hpp"
#include "compile/unicode.hpp"

namespace aio::script {

namespace {

// A match may run this many steps even when the run has no max_steps, so a
// catastrophic pattern ends (RuntimeError) instead of hanging the page.
constexpr uint64_t kMaxMatchSteps = 1000000000;

struct ProgramObject : CxxObject {
    regex::Program prog;
    Value last_string;           // the string m_wide decodes (held, so its address is not reused)
    std::vector<uint32_t> wide;  // its code points (non-ASCII strings)
    size_t wide_bytes = 0;       // reserved for wide
    void clear_refs() override { last_string = Value(); }
};

class VMBudget : public regex::Budget {
public:
    explicit VMBudget(VM& vm) : m_vm(vm) {}
    bool charge(uint64_t steps) override {
        m_steps += steps;
        if (m_steps > kMaxMatchSteps) {
            m_vm.raise(m_vm.e_RuntimeError, "regular expression backtracking limit exceeded");
            return false;
        }
        return m_vm.charge(steps);
    }
    bool reserve(size_t bytes) override { return m_vm.reserve_memory(bytes); }

private:
    VM& m_vm;
    uint64_t m_steps = 0;
};

std::u32string decode(StrObject* s) {
    std::u32string out;
    out.reserve(s->m_length);
    std::string_view v = s->view();
    size_t i = 0;
    while (i < v.size()) out += static_cast<char32_t>(utf8::next(v, &i));
    return out;
}

// _sre.compile(pattern, flags, error): error(msg, pos) makes the re.error to raise.
Value sre_compile(VM& vm, Value* args, int nargs, TupleObject* kw, Value& data) {
    if (!no_kwargs(vm, "compile", kw)) return Value();
    if (nargs != 3 || !is_str(args[0]) || !args[1].is_intlike())
        return vm.raise(vm.e_TypeError, "_sre.compile(pattern: str, flags: int, error)");
    StrObject* ps = as_str(args[0]);
    if (!vm.reserve_memory(size_t(ps->m_length) * 64)) return Value();
    std::u32string pat = decode(ps);
    auto* po = vm.alloc<ProgramObject>(data.as<TypeObject>(), ObjKind::Cxx);
    Value pv = Value::steal(po);
    regex::Error err;
    if (!regex::compile(pat, static_cast<uint32_t>(args[1].as_intlike()), po->prog, err)) {
        if (err.overflow) return vm.raise(vm.e_OverflowError, err.msg);
        if (err.pos == -2) return vm.raise(vm.e_ValueError, err.msg);
        if (err.pos == -3) return vm.raise(vm.e_RecursionError, err.msg);
        Value e = vm.call(args[2], {vm.str(err.msg), err.pos >= 0 ? Value::integer(err.pos) : Value::none()});
        if (e.is_null()) return Value();
        return vm.raise_value(e);
    }
    return pv;
}

ProgramObject* self_prog(Value* a) { return static_cast<ProgramObject*>(a[0].as<CxxObject>()); }

// Program.info() -> (flags, groups, ((name, index), ...))
Value prog_info(VM& vm, Value* a, int n, TupleObject*, Value&) {
    (void)n;
    auto* p = self_prog(a);
    std::vector<Value> names;
    for (auto& [name, g] : p->prog.names) names.push_back(vm.tuple({vm.str(name), Value::integer(g)}));
    return vm.tuple({Value::integer(p->prog.flags), Value::integer(p->prog.groups - 1), tuple_from_vector(vm, names)});
}

// The subject as the matcher reads it: ASCII strings in place, others
// decoded once to code points (kept for the next call on the same string).
bool subject_text(VM& vm, ProgramObject* p, const Value& sv, regex::Text& text) {
    StrObject* s = as_str(sv);
    text.length = s->m_length;
    if (s->m_ascii) {
        text.bytes = reinterpret_cast<const uint8_t*>(s->data());
        return true;
    }
    if (!(p->last_string.is_obj() && p->last_string.as_obj() == s)) {
        size_t bytes = size_t(s->m_length) * sizeof(uint32_t);
        if (bytes > p->wide_bytes && !vm.reserve_memory(bytes - p->wide_bytes)) return false;
        p->wide.clear();
        p->wide.reserve(s->m_length);
        std::string_view v = s->view();
        size_t i = 0;
        while (i < v.size()) p->wide.push_back(utf8::next(v, &i));
        p->wide_bytes = std::max(p->wide_bytes, bytes);
        p->last_string = sv;
    }
    text.wide = p->wide.data();
    return true;
}

// The spans tuple Python's Match takes: 2 per group (-1: unset), then lastindex.
Value spans_tuple(VM& vm, const regex::MatchResult& r) {
    TupleObject* t = vm.new_tuple(r.slots.size() + 1);
    for (size_t i = 0; i < r.slots.size(); ++i)
        t->items()[i] = Value::integer(r.slots[i] == regex::kUnset ? -1 : static_cast<int64_t>(r.slots[i]));
    t->items()[r.slots.size()] = Value::integer(r.lastindex);
    return Value::steal(t);
}

void clamp(int64_t len, int64_t& pos, int64_t& endpos) {
    if (pos < 0) pos = 0;
    if (pos > len) pos = len;
    if (endpos < 0) endpos = 0;
    if (endpos > len) endpos = len;
}

// Program.run(string, pos, endpos, mode): mode 0 match, 1 search, 2 fullmatch.
Value prog_run(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "run", kw)) return Value();
    if (n != 5 || !is_str(a[1]) || !a[2].is_intlike() || !a[3].is_intlike() || !a[4].is_intlike())
        return vm.raise(vm.e_TypeError, "Program.run(string: str, pos: int, endpos: int, mode: int)");
    auto* p = self_prog(a);
    regex::Text text;
    if (!subject_text(vm, p, a[1], text)) return Value();
    int64_t pos = a[2].as_intlike(), endpos = a[3].as_intlike();
    clamp(static_cast<int64_t>(text.length), pos, endpos);
    regex::Mode mode = a[4].as_intlike() == 0   ? regex::Mode::Match
                       : a[4].as_intlike() == 1 ? regex::Mode::Search
                                                : regex::Mode::FullMatch;
    VMBudget budget(vm);
    regex::MatchResult r;
    int rc = regex::run(p->prog, text, static_cast<size_t>(pos), static_cast<size_t>(endpos), mode, budget, r);
    if (rc < 0) return Value();
    if (rc == 0) return Value::none();
    return spans_tuple(vm, r);
}

// Program.scan(string, pos, endpos, count) -> [spans, ...]: the successive
// non-overlapping matches finditer, findall, split and sub walk (count 0: all),
// found in one call. After an empty match the next may not be empty at the
// same place (sre's must_advance).
Value prog_scan(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    if (!no_kwargs(vm, "scan", kw)) return Value();
    if (n != 5 || !is_str(a[1]) || !a[2].is_intlike() || !a[3].is_intlike() || !a[4].is_intlike())
        return vm.raise(vm.e_TypeError, "Program.scan(string: str, pos: int, endpos: int, count: int)");
    auto* p = self_prog(a);
    regex::Text text;
    if (!subject_text(vm, p, a[1], text)) return Value();
    int64_t pos = a[2].as_intlike(), endpos = a[3].as_intlike(), count = a[4].as_intlike();
    clamp(static_cast<int64_t>(text.length), pos, endpos);
    ListObject* out = vm.new_list();
    Value ov = Value::steal(out);
    VMBudget budget(vm);
    regex::MatchResult r;
    bool must_advance = false;
    while (pos <= endpos && (count <= 0 || static_cast<int64_t>(out->m_size) < count)) {
        int rc = regex::run(p->prog, text, static_cast<size_t>(pos), static_cast<size_t>(endpos),
                            regex::Mode::Search, budget, r, must_advance);
        if (rc < 0) return Value();
        if (rc == 0) break;
        Value t = spans_tuple(vm, r);
        if (!list_append_checked(vm, out, t)) return Value();
        must_advance = r.slots[0] == r.slots[1];
        pos = r.slots[1];
    }
    return ov;
}

Value init_sre(VM& vm) {
    Value mv = new_module(vm, "_sre");
    auto* m = mv.as<ModuleObject>();
    TypeObject* t = vm.new_builtin_type("Program", vm.t_object, ObjKind::Cxx, nullptr, 0, "_sre");
    Value tv = Value::steal(t);
    vm.add_method(t, "info", prog_info);
    vm.add_method(t, "run", prog_run);
    vm.add_method(t, "scan", prog_scan);
    module_add(vm, m, "Program", tv);
    module_add(vm, m, "compile", vm.new_native("compile", sre_compile, tv));
    module_add(vm, m, "MAXREPEAT", Value::integer(static_cast<int64_t>(regex::kMaxRepeat)));
    module_add(vm, m, "MAXGROUPS", Value::integer(static_cast<int64_t>(regex::kMaxGroups)));
    return mv;
}

}  // namespace

void register_re_module(VM& vm) { vm.register_module("_sre", init_sre); }

}  // namespace aio::script
