// code.cpp — opcode tables (from opcodes.def), location lookup, disassembler.
#include <cstdio>
#include <string>

#include "compile/compiler.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

const char* op_name(Op op) {
    static const char* names[] = {
#define OP(name, effect, flags) #name,
#include "vm/opcodes.def"
#undef OP
    };
    auto i = static_cast<size_t>(op);
    return i < sizeof(names) / sizeof(names[0]) ? names[i] : "?";
}

uint8_t op_flags(Op op) {
    static const uint8_t flags[] = {
#define OP(name, effect, flags) OPF_##flags,
#include "vm/opcodes.def"
#undef OP
    };
    auto i = static_cast<size_t>(op);
    return i < sizeof(flags) ? flags[i] : 0;
}

int op_stack_effect(Op op, uint32_t arg) {
    switch (op) {
#define OP(name, effect, flags) \
    case Op::name:              \
        return (effect);
#include "vm/opcodes.def"
#undef OP
    default:
        return 0;
    }
}

const Loc& CodeObject::loc_at(uint32_t pc) const {
    static const Loc unknown{};
    if (m_locs.empty()) return unknown;
    if (pc >= m_locs.size()) pc = static_cast<uint32_t>(m_locs.size() - 1);
    return m_locs[pc];
}

static void disasm_into(CodeObject* c, std::string& out) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "Disassembly of <code %s> (%s, line %d):\n", as_str(c->m_qualname)->data(),
                  as_str(c->m_filename)->data(), c->m_firstline);
    out += buf;
    int last_line = -1;
    for (size_t pc = 0; pc < c->m_code.size(); ++pc) {
        uint32_t w = c->m_code[pc];
        Op op = decode_op(w);
        uint32_t arg = decode_arg(w);
        const Loc& l = c->m_locs[pc];
        std::string line = l.line != last_line ? std::to_string(l.line) : "";
        last_line = l.line;
        std::string note;
        uint8_t fl = op_flags(op);
        if (fl & OPF_C) {
            std::string r;
            VM::current()->repr_into(c->m_consts[arg], r);
            note = "(" + r + ")";
        } else if (fl & OPF_N) {
            note = "(" + as_str(c->m_names[arg])->str() + ")";
        } else if (fl & OPF_J) {
            note = "(to " + std::to_string(arg) + ")";
        } else if (fl & OPF_L) {
            int nl = c->nlocals(), nc = c->ncells();
            if (static_cast<int>(arg) < nl)
                note = "(" + as_str(c->m_varnames[arg])->str() + ")";
            else if (static_cast<int>(arg) < nl + nc)
                note = "(" + as_str(c->m_cellnames[arg - nl])->str() + ")";
            else if (static_cast<int>(arg) < nl + nc + c->nfree())
                note = "(" + as_str(c->m_freenames[arg - nl - nc])->str() + ")";
        } else if (op == Op::LOAD_SMALL_INT) {
            note = "(" + std::to_string(static_cast<int64_t>(arg) - kSmallIntBias) + ")";
        }
        std::snprintf(buf, sizeof buf, "%6s %6zu %-22s %6u %s\n", line.c_str(), pc, op_name(op), arg, note.c_str());
        out += buf;
    }
    if (!c->m_exctable.empty()) {
        out += "ExceptionTable:\n";
        for (auto& e : c->m_exctable) {
            std::snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]\n", e.start, e.end, e.target, e.depth);
            out += buf;
        }
    }
    out += "\n";
    for (auto& k : c->m_consts)
        if (is_kind(k, ObjKind::Code)) disasm_into(k.as<CodeObject>(), out);
}

std::string disassemble(CodeObject* code) {
    std::string out;
    disasm_into(code, out);
    return out;
}

}  // namespace aio::script
