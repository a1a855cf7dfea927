// compiler.cpp — AST to bytecode (one CodeObject per function, class body,
// comprehension and module), shaped after CPython 3.11's compile.c.
//
// Contents
//   [SECTION] Code units: emission, labels, constants, names, slots
//   [SECTION] Finishing a unit: jumps, exception table, stack size
//   [SECTION] Frame blocks and unwinding (return/break/continue through try/with)
//   [SECTION] Statements
//   [SECTION] Match statements
//   [SECTION] try / with / loops
//   [SECTION] Functions, lambdas, classes
//   [SECTION] Expressions
//   [SECTION] Calls, displays, comprehensions, f-strings
//   [SECTION] Assignment targets
//
// Exceptions use a zero-cost table (as 3.11): every emitted instruction is
// tagged with the innermost active handler; finishing a unit turns runs of
// equal tags into (start, end, target, depth) entries. `depth` is the static
// stack depth at statement level (loop iterators, with-exits and saved
// exceptions below the statement), which the compiler tracks exactly.
#include "compile/compiler.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "compile/parser.hpp"
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"
#include "compile/symtable.hpp"

namespace aio::script {

namespace {

struct CompileError {
    SyntaxErrorInfo info;
};

enum class FB : uint8_t {
    WhileLoop,
    ForLoop,
    AsyncForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
};

struct FBlock {
    FB kind;
    int start = -1;                   // continue target (loops)
    int exit = -1;                    // break target (loops)
    const Body* finalbody = nullptr;  // FinallyTry
    std::string name{};               // HandlerCleanup: bound exception name
    int handler = -1;                 // handler id this block pushed (-1 none)
    Loc loc{};
};

struct HandlerInfo {
    int label;
    int depth;
};

struct Unit {
    SymScope* scope = nullptr;
    std::string name, qualname;
    int firstline = 1;
    Ref<CodeObject> code;
    std::vector<uint32_t> words;
    std::vector<Loc> locs;
    std::vector<int> whandler;
    std::vector<int> label_pos;
    std::vector<HandlerInfo> handlers;
    std::vector<int> hstack;
    std::vector<FBlock> fblocks;
    std::unordered_map<std::string, int> const_idx;
    std::unordered_map<std::string, int> name_idx;
    std::unordered_map<std::string, int> local_slot;
    std::unordered_map<std::string, int> cell_slot;
    std::unordered_map<std::string, int> free_slot;
    int depth = 0;
    Loc loc;
    bool is_class = false;
    bool is_module = false;
    bool is_async = false;  // await allowed
    bool is_function = false;
    bool is_async_gen = false;
};

class Compiler {
public:
    Compiler(VM& vm, SymTable& st, std::string filename) : m_vm(vm), m_st(st), m_filename(std::move(filename)) {}

    Value compile_module(const Module& m) {
        SymScope* sc = m_st.module();
        push_unit(sc, "<module>", "<module>", 1);
        m_u->is_module = true;
        // A module docstring becomes __doc__.
        size_t start = 0;
        if (!m.body.empty() && m.body[0]->kind == SK::Expr) {
            Expr* e = static_cast<ExprStmt*>(m.body[0])->value;
            if (e->kind == EK::Constant && static_cast<ConstantExpr*>(e)->ck == ConstKind::Str) {
                m_u->loc = e->loc;
                emit_const(m_vm.str(static_cast<ConstantExpr*>(e)->sval));
                emit(Op::STORE_NAME, name_index("__doc__"));
                start = 1;
            }
        }
        for (size_t i = start; i < m.body.size(); ++i) stmt(m.body[i]);
        emit(Op::LOAD_NONE);
        emit(Op::RETURN_VALUE);
        return pop_unit(CO_MODULE);
    }

    [[noreturn]] void error(const std::string& msg, const Loc& loc) {
        CompileError e;
        e.info.msg = msg;
        e.info.line = loc.line;
        e.info.col = loc.col;
        e.info.end_line = loc.end_line;
        e.info.end_col = loc.end_col;
        throw e;
    }

private:
    // [SECTION] Code units

    void push_unit(SymScope* sc, const std::string& name, const std::string& qualname, int firstline) {
        auto u = std::make_unique<Unit>();
        u->scope = sc;
        u->name = name;
        u->qualname = qualname;
        u->firstline = firstline;
        auto* c = m_vm.alloc<CodeObject>(m_vm.t_code, ObjKind::Code);
        u->code = Ref<CodeObject>(c);
        c->m_name = m_vm.istr(name);
        c->m_qualname = m_vm.str(qualname);
        c->m_filename = m_vm.istr(m_filename);
        c->m_firstline = firstline;
        c->m_doc = Value::none();
        if (sc && sc->kind == SymScope::Function) {
            // Parameters first, then the other plain locals in first-seen order.
            for (const std::string& p : sc->params) add_local(*u, p);
            for (const std::string& n : sc->order) {
                auto it = sc->resolved.find(n);
                if (it != sc->resolved.end() && it->second == SymKind::Local) add_local(*u, n);
            }
        }
        if (sc) {
            int base = static_cast<int>(u->local_slot.size());
            for (size_t i = 0; i < sc->cellvars.size(); ++i) u->cell_slot[sc->cellvars[i]] = base + static_cast<int>(i);
            if (sc->kind == SymScope::Class && sc->needs_class_cell)
                u->cell_slot["__class__"] = base + static_cast<int>(sc->cellvars.size());
            int fbase = base + static_cast<int>(u->cell_slot.size());
            for (size_t i = 0; i < sc->freevars.size(); ++i)
                u->free_slot[sc->freevars[i]] = fbase + static_cast<int>(i);
        }
        if (m_u) m_units.push_back(std::move(m_uptr));
        m_uptr = std::move(u);
        m_u = m_uptr.get();
    }

    static void add_local(Unit& u, const std::string& n) {
        if (u.local_slot.count(n)) return;
        int slot = static_cast<int>(u.local_slot.size());
        u.local_slot[n] = slot;
        u.code->m_varnames.push_back(Value());  // filled when finishing
    }

    Value pop_unit(uint32_t flags) {
        finish(flags);
        Value result = Value::object(m_u->code.get());
        if (m_units.empty()) {
            m_uptr.reset();
            m_u = nullptr;
        } else {
            m_uptr = std::move(m_units.back());
            m_units.pop_back();
            m_u = m_uptr.get();
        }
        return result;
    }

    int emit(Op op, uint32_t arg = 0) {
        if (arg > kMaxArg) error("too many constants, names or jumps in one function", m_u->loc);
        m_u->words.push_back(encode(op, arg));
        m_u->locs.push_back(m_u->loc);
        m_u->whandler.push_back(m_u->hstack.empty() ? -1 : m_u->hstack.back());
        return static_cast<int>(m_u->words.size()) - 1;
    }

    int new_label() {
        m_u->label_pos.push_back(-1);
        return static_cast<int>(m_u->label_pos.size()) - 1;
    }
    void bind(int label) { m_u->label_pos[label] = static_cast<int>(m_u->words.size()); }
    // Jump args hold the label until finish() patches in the target.
    void emit_jump(Op op, int label) { emit(op, static_cast<uint32_t>(label)); }

    int push_handler(int label) {
        m_u->handlers.push_back({label, m_u->depth});
        int id = static_cast<int>(m_u->handlers.size()) - 1;
        m_u->hstack.push_back(id);
        return id;
    }
    void pop_handler() { m_u->hstack.pop_back(); }

    int const_index(const Value& v, const std::string& key) {
        auto it = m_u->const_idx.find(key);
        if (it != m_u->const_idx.end()) return it->second;
        m_u->code->m_consts.push_back(v);
        int i = static_cast<int>(m_u->code->m_consts.size()) - 1;
        m_u->const_idx[key] = i;
        return i;
    }

    std::string const_key(const Value& v) {
        char buf[64];
        switch (v.tag()) {
        case Tag::None:
            return "N";
        case Tag::Bool:
            return v.as_bool() ? "T" : "F";
        case Tag::Int:
            return "i" + std::to_string(v.as_int());
        case Tag::Float: {
            double d = v.as_float();
            uint64_t bits;
            std::memcpy(&bits, &d, 8);
            std::snprintf(buf, sizeof buf, "f%llx", static_cast<unsigned long long>(bits));
            return buf;
        }
        default:
            break;
        }
        if (is_str(v)) return "s" + as_str(v)->str();
        if (is_kind(v, ObjKind::Tuple)) {
            std::string k = "t(";
            auto* t = v.as<TupleObject>();
            for (uint32_t i = 0; i < t->m_size; ++i) k += const_key(t->items()[i]) + ",";
            return k + ")";
        }
        std::snprintf(buf, sizeof buf, "o%p", static_cast<void*>(v.as_obj()));
        return buf;
    }

    void emit_const(const Value& v) {
        if (v.is_none()) {
            emit(Op::LOAD_NONE);
            return;
        }
        if (v.is_int() && v.as_int() >= -kSmallIntBias && v.as_int() < kSmallIntBias) {
            emit(Op::LOAD_SMALL_INT, static_cast<uint32_t>(v.as_int() + kSmallIntBias));
            return;
        }
        emit(Op::LOAD_CONST, const_index(v, const_key(v)));
    }

    int name_index(const std::string& n) {
        auto it = m_u->name_idx.find(n);
        if (it != m_u->name_idx.end()) return it->second;
        m_u->code->m_names.push_back(m_vm.istr(n));
        int i = static_cast<int>(m_u->code->m_names.size()) - 1;
        m_u->name_idx[n] = i;
        return i;
    }

    // [SECTION] Finishing a unit

    void finish(uint32_t flags) {
        Unit& u = *m_u;
        CodeObject* c = u.code.get();
        // Patch jumps.
        for (size_t i = 0; i < u.words.size(); ++i) {
            Op op = decode_op(u.words[i]);
            if (op_flags(op) & OPF_J) {
                int label = static_cast<int>(decode_arg(u.words[i]));
                int target = u.label_pos[label];
                u.words[i] = encode(op, static_cast<uint32_t>(target));
            }
        }
        // Exception table from runs of equal handler tags.
        for (size_t i = 0; i < u.words.size();) {
            int h = u.whandler[i];
            size_t j = i;
            while (j < u.words.size() && u.whandler[j] == h) ++j;
            if (h >= 0) {
                const HandlerInfo& hi = u.handlers[h];
                c->m_exctable.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                                         static_cast<uint32_t>(u.label_pos[hi.label]),
                                         static_cast<uint32_t>(hi.depth)});
            }
            i = j;
        }
        c->m_code = std::move(u.words);
        c->m_locs = std::move(u.locs);
        c->m_flags |= flags;
        // Names of the slots.
        for (auto& [n, slot] : u.local_slot) c->m_varnames[slot] = m_vm.istr(n);
        std::vector<std::pair<int, std::string>> cells;
        for (auto& [n, slot] : u.cell_slot) cells.push_back({slot, n});
        std::sort(cells.begin(), cells.end());
        for (auto& [slot, n] : cells) {
            c->m_cellnames.push_back(m_vm.istr(n));
            auto it = u.local_slot.find(n);
            c->m_cell_args.push_back(it != u.local_slot.end() ? it->second : -1);
            if (n == "__class__" && u.is_class) c->m_class_cell = slot;
        }
        std::vector<std::pair<int, std::string>> frees;
        for (auto& [n, slot] : u.free_slot) frees.push_back({slot, n});
        std::sort(frees.begin(), frees.end());
        for (auto& [slot, n] : frees) c->m_freenames.push_back(m_vm.istr(n));
        c->m_stacksize = compute_stacksize(c) + 2;
    }

    // Stack depth by flow over the instructions (CPython's stackdepth()).
    int compute_stacksize(CodeObject* c) {
        const auto& code = c->m_code;
        std::vector<int> depth(code.size() + 1, -1);
        std::vector<uint32_t> work;
        auto push = [&](uint32_t at, int d) {
            if (at > code.size()) return;
            if (depth[at] >= d) return;
            depth[at] = d;
            work.push_back(at);
        };
        push(0, 0);
        for (auto& e : c->m_exctable) push(e.target, static_cast<int>(e.depth) + 1);
        int maxd = 0;
        while (!work.empty()) {
            uint32_t pc = work.back();
            work.pop_back();
            int d = depth[pc];
            while (pc < code.size()) {
                Op op = decode_op(code[pc]);
                uint32_t arg = decode_arg(code[pc]);
                int next = d + op_stack_effect(op, arg);
                maxd = std::max({maxd, d, next});
                switch (op) {
                case Op::JUMP:
                    push(arg, d);
                    goto next_item;
                case Op::POP_JUMP_IF_FALSE:
                case Op::POP_JUMP_IF_TRUE:
                case Op::POP_JUMP_IF_NOT_NONE:
                    push(arg, d - 1);
                    break;
                case Op::JUMP_IF_FALSE_OR_POP:
                case Op::JUMP_IF_TRUE_OR_POP:
                    push(arg, d);
                    break;
                case Op::FOR_ITER:
                    push(arg, d - 1);
                    break;
                case Op::SEND:
                    push(arg, d - 1);
                    next = d;
                    break;
                case Op::RETURN_VALUE:
                case Op::RERAISE:
                case Op::RAISE_VARARGS:
                    goto next_item;
                default:
                    break;
                }
                if (next < 0) next = 0;
                d = next;
                ++pc;
                if (depth[pc] >= d) goto next_item;
                depth[pc] = d;
            }
        next_item:;
        }
        return maxd;
    }

    // [SECTION] Frame blocks and unwinding

    void push_fblock(FBlock b) { m_u->fblocks.push_back(std::move(b)); }
    void pop_fblock() { m_u->fblocks.pop_back(); }

    void emit_exit_call_with_nones() {
        emit(Op::LOAD_NONE);
        emit(Op::LOAD_NONE);
        emit(Op::LOAD_NONE);
        emit(Op::CALL, 3);
    }

    void emit_await() {
        // await-loop: [awaitable] -> [result]
        emit(Op::LOAD_NONE);
        int send = new_label();
        int exit = new_label();
        bind(send);
        emit_jump(Op::SEND, exit);
        emit(Op::YIELD_VALUE, 1);
        emit_jump(Op::JUMP, send);
        bind(exit);
    }

    void emit_clear_name(const std::string& n) {
        emit(Op::LOAD_NONE);
        store_name(n);
        delete_name(n);
    }

    // Emits the code that leaves one frame block (CPython's compiler_unwind_fblock).
    void unwind_fblock(FBlock& b, bool preserve_tos) {
        switch (b.kind) {
        case FB::WhileLoop:
        case FB::TryExcept:
            break;
        case FB::ForLoop:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            break;
        case FB::AsyncForLoop:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            break;
        case FB::FinallyTry: {
            // Run the finally body inline (its block is already off the stack,
            // so the body is not covered by its own handler).
            if (preserve_tos) {
                push_fblock({FB::PopValue});
                ++m_u->depth;
            }
            body(*b.finalbody);
            if (preserve_tos) {
                pop_fblock();
                --m_u->depth;
            }
            break;
        }
        case FB::FinallyEnd:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);  // exc
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_EXCEPT);
            break;
        case FB::With:
        case FB::AsyncWith:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit_exit_call_with_nones();
            if (b.kind == FB::AsyncWith) {
                emit(Op::GET_AWAITABLE, 2);
                emit_await();
            }
            emit(Op::POP_TOP);
            break;
        case FB::HandlerCleanup:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_EXCEPT);
            if (!b.name.empty()) emit_clear_name(b.name);
            break;
        case FB::PopValue:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            break;
        }
    }

    struct Unwound {
        std::vector<FBlock> blocks;
        std::vector<int> hstack;
        bool found_loop = false;
        FBlock loop;
    };

    // Unwinds blocks up to (not including) the innermost loop when `loop` is
    // set, else all of them (CPython's compiler_unwind_fblock_stack). The
    // caller emits its jump/return and then calls restore(u).
    Unwound unwind_fblock_stack(bool preserve_tos, bool loop) {
        Unwound st;
        st.blocks = m_u->fblocks;
        st.hstack = m_u->hstack;
        while (!m_u->fblocks.empty()) {
            FBlock b = m_u->fblocks.back();
            if (loop && (b.kind == FB::WhileLoop || b.kind == FB::ForLoop || b.kind == FB::AsyncForLoop)) {
                st.found_loop = true;
                st.loop = b;
                break;
            }
            pop_fblock();
            // Code that leaves a block is not covered by that block's handler.
            if (b.handler >= 0) {
                auto it = std::find(m_u->hstack.begin(), m_u->hstack.end(), b.handler);
                if (it != m_u->hstack.end()) m_u->hstack.erase(it, m_u->hstack.end());
            }
            unwind_fblock(b, preserve_tos);
        }
        return st;
    }
    void restore(Unwound& st) {
        m_u->fblocks = std::move(st.blocks);
        m_u->hstack = std::move(st.hstack);
    }

    // [SECTION] Statements

    void body(const Body& b) {
        for (Stmt* s : b) stmt(s);
    }

    struct LocGuard {
        Unit* u;
        Loc saved;
        LocGuard(Unit* uu, const Loc& l) : u(uu), saved(uu->loc) { u->loc = l; }
        ~LocGuard() { u->loc = saved; }
    };

    void stmt(Stmt* s) {
        LocGuard lg(m_u, s->loc);
        switch (s->kind) {
        case SK::Expr: {
            Expr* e = static_cast<ExprStmt*>(s)->value;
            if (e->kind == EK::Constant) break;  // docstrings and bare constants
            expr(e);
            emit(Op::POP_TOP);
            break;
        }
        case SK::Assign: {
            auto* a = static_cast<AssignStmt*>(s);
            expr(a->value);
            for (size_t i = 0; i < a->targets.size(); ++i) {
                if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
                store(a->targets[i]);
            }
            break;
        }
        case SK::AugAssign:
            aug_assign(static_cast<AugAssignStmt*>(s));
            break;
        case SK::AnnAssign:
            ann_assign(static_cast<AnnAssignStmt*>(s));
            break;
        case SK::Return:
            return_stmt(static_cast<ReturnStmt*>(s));
            break;
        case SK::Delete:
            for (Expr* t : static_cast<DeleteStmt*>(s)->targets) del(t);
            break;
        case SK::Pass:
            emit(Op::NOP);
            break;
        case SK::Break:
        case SK::Continue: {
            bool is_break = s->kind == SK::Break;
            Unwound st = unwind_fblock_stack(false, true);
            if (!st.found_loop) {
                restore(st);
                error(is_break ? "'break' outside loop" : "'continue' not properly in loop", s->loc);
            }
            if (is_break) {
                // Leave the loop: pop its iterator (for loops) and jump past else.
                if (st.loop.kind == FB::ForLoop || st.loop.kind == FB::AsyncForLoop) emit(Op::POP_TOP);
                emit_jump(Op::JUMP, st.loop.exit);
            } else {
                emit_jump(Op::JUMP, st.loop.start);
            }
            restore(st);
            break;
        }
        case SK::If:
            if_stmt(static_cast<IfStmt*>(s));
            break;
        case SK::While:
            while_stmt(static_cast<WhileStmt*>(s));
            break;
        case SK::For: {
            auto* f = static_cast<ForStmt*>(s);
            if (f->is_async)
                async_for_stmt(f);
            else
                for_stmt(f);
            break;
        }
        case SK::With:
            with_stmt(static_cast<WithStmt*>(s), 0);
            break;
        case SK::Raise: {
            auto* r = static_cast<RaiseStmt*>(s);
            int n = 0;
            if (r->exc) {
                expr(r->exc);
                ++n;
                if (r->cause) {
                    expr(r->cause);
                    ++n;
                }
            }
            m_u->loc = s->loc;
            emit(Op::RAISE_VARARGS, n);
            break;
        }
        case SK::Try: {
            auto* t = static_cast<TryStmt*>(s);
            if (!t->finalbody.empty())
                try_finally(t);
            else
                try_except(t);
            break;
        }
        case SK::Assert: {
            auto* a = static_cast<AssertStmt*>(s);
            int end = new_label();
            jump_if(a->test, end, true);
            emit(Op::LOAD_ASSERTION_ERROR);
            if (a->msg) {
                expr(a->msg);
                emit(Op::CALL, 1);
            }
            m_u->loc = s->loc;
            emit(Op::RAISE_VARARGS, 1);
            bind(end);
            break;
        }
        case SK::Import:
            for (Alias* a : static_cast<ImportStmt*>(s)->names) {
                LocGuard g(m_u, a->loc);
                emit(Op::LOAD_NONE);
                emit(Op::IMPORT_NAME, name_index(a->name));
                if (!a->asname.empty()) {
                    // import a.b as c: bind the submodule itself.
                    size_t dot = a->name.find('.');
                    while (dot != std::string::npos) {
                        size_t next = a->name.find('.', dot + 1);
                        emit(Op::IMPORT_FROM,
                             name_index(a->name.substr(
                                 dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1)));
                        emit(Op::SWAP, 2);
                        emit(Op::POP_TOP);
                        dot = next;
                    }
                    store_name(a->asname);
                } else {
                    store_name(a->name.substr(0, a->name.find('.')));
                }
            }
            break;
        case SK::ImportFrom: {
            auto* f = static_cast<ImportFromStmt*>(s);
            std::vector<Value> names;
            for (Alias* a : f->names) names.push_back(m_vm.str(a->name));
            Value tup = tuple_from_vector(m_vm, names);
            emit(Op::LOAD_CONST, const_index(tup, const_key(tup)));
            emit(Op::IMPORT_NAME, name_index(f->module));
            if (f->names.size() == 1 && f->names[0]->name == "*") {
                emit(Op::IMPORT_STAR);
                break;
            }
            for (Alias* a : f->names) {
                LocGuard g(m_u, a->loc);
                emit(Op::IMPORT_FROM, name_index(a->name));
                store_name(a->asname.empty() ? a->name : a->asname);
            }
            emit(Op::POP_TOP);
            break;
        }
        case SK::Global:
        case SK::Nonlocal:
            break;
        case SK::FunctionDef:
            function_def(static_cast<FunctionDefStmt*>(s));
            break;
        case SK::ClassDef:
            class_def(static_cast<ClassDefStmt*>(s));
            break;
        case SK::Match:
            match_stmt(static_cast<MatchStmt*>(s));
            break;
        }
    }

    void return_stmt(ReturnStmt* r) {
        if (!m_u->is_function) error("'return' outside function", r->loc);
        if (r->value && m_u->is_async_gen) error("'return' with value in async generator", r->loc);
        if (r->value)
            expr(r->value);
        else
            emit(Op::LOAD_NONE);
        Unwound st = unwind_fblock_stack(true, false);
        m_u->loc = r->loc;
        emit(Op::RETURN_VALUE);
        restore(st);
    }

    void aug_assign(AugAssignStmt* a) {
        uint32_t op = static_cast<uint32_t>(a->op) | kInplaceBit;
        auto emit_op = [&]() {
            LocGuard g(m_u, a->loc);
            if (a->op == BinOp::Add)
                emit(Op::INPLACE_ADD);
            else if (a->op == BinOp::Sub)
                emit(Op::INPLACE_SUB);
            else
                emit(Op::BINARY_OP, op);
        };
        Expr* t = a->target;
        switch (t->kind) {
        case EK::Name: {
            const std::string& n = static_cast<NameExpr*>(t)->id;
            load_name(n, t->loc);
            expr(a->value);
            emit_op();
            store_name(n);
            break;
        }
        case EK::Attribute: {
            auto* at = static_cast<AttributeExpr*>(t);
            expr(at->value);
            emit(Op::COPY, 1);
            {
                LocGuard g(m_u, t->loc);
                emit(Op::LOAD_ATTR, name_index(at->attr));
            }
            expr(a->value);
            emit_op();
            emit(Op::SWAP, 2);
            LocGuard g(m_u, t->loc);
            emit(Op::STORE_ATTR, name_index(at->attr));
            break;
        }
        case EK::Subscript: {
            auto* sub = static_cast<SubscriptExpr*>(t);
            expr(sub->value);
            expr(sub->slice);
            emit(Op::COPY, 2);
            emit(Op::COPY, 2);
            {
                LocGuard g(m_u, t->loc);
                emit(Op::BINARY_SUBSCR);
            }
            expr(a->value);
            emit_op();
            emit(Op::SWAP, 3);
            emit(Op::SWAP, 2);
            LocGuard g(m_u, t->loc);
            emit(Op::STORE_SUBSCR);
            break;
        }
        default:
            error("illegal expression for augmented assignment", t->loc);
        }
    }

    void ann_assign(AnnAssignStmt* a) {
        if (a->value) {
            expr(a->value);
            store(a->target);
        }
        // Module and class annotations are recorded in __annotations__; function
        // annotations are not evaluated (as with `from __future__ import annotations`).
        if ((m_u->is_module || m_u->is_class) && a->simple && a->target->kind == EK::Name) {
            emit(Op::SETUP_ANNOTATIONS);
            expr(a->annotation);
            emit(Op::LOAD_NAME, name_index("__annotations__"));
            emit_const(m_vm.str(static_cast<NameExpr*>(a->target)->id));
            emit(Op::STORE_SUBSCR);
        }
    }

    void if_stmt(IfStmt* s) {
        int end = new_label();
        int next = s->orelse.empty() ? end : new_label();
        jump_if(s->test, next, false);
        body(s->body);
        if (!s->orelse.empty()) {
            emit_jump(Op::JUMP, end);
            bind(next);
            body(s->orelse);
        }
        bind(end);
    }

    static bool is_true_constant(Expr* e) {
        if (e->kind != EK::Constant) return false;
        auto* c = static_cast<ConstantExpr*>(e);
        return c->ck == ConstKind::True || (c->ck == ConstKind::Int && c->ival != 0);
    }

    void while_stmt(WhileStmt* s) {
        int top = new_label(), orelse = new_label(), exit = new_label();
        bind(top);
        if (!is_true_constant(s->test)) jump_if(s->test, orelse, false);
        push_fblock({FB::WhileLoop, top, exit});
        body(s->body);
        pop_fblock();
        emit_jump(Op::JUMP, top);
        bind(orelse);
        body(s->orelse);
        bind(exit);
    }

    // [SECTION] Match statements
    //
    // As CPython 3.11's compiler: the subject stays on the stack while a case
    // is tried; each pattern consumes the value on top and jumps to a
    // fail_pop label that pops what it left. Captured values wait on the stack
    // (newest deepest) until the whole pattern matched, then are stored, so a
    // failed pattern binds nothing (a failed guard keeps its bindings).

    struct PatternCtx {
        std::vector<std::string> stores;  // captured names, in capture order
        bool allow_irrefutable = false;
        std::vector<int> fail_pop;  // fail_pop[n]: pop n values, then fail
        int on_top = 0;             // values above the captures to pop on failure
    };

    static bool is_wildcard(const Pattern* p) {
        return p->kind == PK::As && !static_cast<const MatchAsPattern*>(p)->pattern &&
               static_cast<const MatchAsPattern*>(p)->name.empty();
    }
    static bool is_star_wildcard(const Pattern* p) {
        return p->kind == PK::Star && static_cast<const MatchStarPattern*>(p)->name.empty();
    }

    void ensure_fail_pop(PatternCtx& pc, size_t n) {
        while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_label());
    }
    void jump_to_fail_pop(PatternCtx& pc, Op op) {
        size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
        ensure_fail_pop(pc, pops);
        emit_jump(op, pc.fail_pop[pops]);
    }
    void emit_and_reset_fail_pop(PatternCtx& pc) {
        if (pc.fail_pop.empty()) return;
        for (size_t pops = pc.fail_pop.size() - 1; pops > 0; --pops) {
            bind(pc.fail_pop[pops]);
            emit(Op::POP_TOP);
        }
        bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }
    // Moves the top of the stack `count` deep, the values above it one up.
    void rotate(int count) {
        while (count > 1) emit(Op::SWAP, static_cast<uint32_t>(count--));
    }

    void pattern_store(const std::string& name, PatternCtx& pc, const Loc& loc) {
        if (name.empty()) {
            emit(Op::POP_TOP);
            return;
        }
        if (name == "__debug__") error("cannot assign to __debug__", loc);
        if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
            error("multiple assignments to name '" + name + "' in pattern", loc);
        rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
        pc.stores.push_back(name);
    }

    void match_stmt(MatchStmt* s) {
        expr(s->subject);
        int end = new_label();
        size_t ncases = s->cases.size();
        size_t has_default = ncases > 1 && is_wildcard(s->cases.back()->pattern) ? 1 : 0;
        for (size_t i = 0; i < ncases - has_default; ++i) {
            MatchCase* m = s->cases[i];
            m_u->loc = m->pattern->loc;
            bool last = i == ncases - has_default - 1;
            // Only copy the subject if this is not the last case tried.
            if (!last) emit(Op::COPY, 1);
            PatternCtx pc;
            pc.allow_irrefutable = m->guard != nullptr || i == ncases - 1;
            pattern(m->pattern, pc);
            m_u->loc = m->pattern->loc;
            // It's a match: store the captures (the first one is on top).
            for (const std::string& n : pc.stores) store_name(n);
            pc.stores.clear();
            if (m->guard) {
                ensure_fail_pop(pc, 0);
                jump_if(m->guard, pc.fail_pop[0], false);
            }
            if (!last) emit(Op::POP_TOP);
            body(m->body);
            emit_jump(Op::JUMP, end);
            m_u->loc = m->pattern->loc;
            emit_and_reset_fail_pop(pc);
        }
        if (has_default) {
            // A trailing `case _:` needs neither a copy nor a test.
            MatchCase* m = s->cases.back();
            m_u->loc = m->pattern->loc;
            emit(Op::NOP);
            if (m->guard) jump_if(m->guard, end, false);
            body(m->body);
        }
        bind(end);
    }

    // Matches the value on top (consuming it) against p.
    void pattern(Pattern* p, PatternCtx& pc) {
        LocGuard lg(m_u, p->loc);
        switch (p->kind) {
        case PK::Value:
            expr(static_cast<MatchValuePattern*>(p)->value);
            m_u->loc = p->loc;
            emit(Op::COMPARE_EQ);
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            break;
        case PK::Singleton: {
            ConstKind k = static_cast<MatchSingletonPattern*>(p)->value;
            emit_const(k == ConstKind::None ? Value::none() : Value::boolean(k == ConstKind::True));
            emit(Op::IS_OP, 0);
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            break;
        }
        case PK::As:
            pattern_as(static_cast<MatchAsPattern*>(p), pc);
            break;
        case PK::Star:
            pattern_store(static_cast<MatchStarPattern*>(p)->name, pc, p->loc);
            break;
        case PK::Sequence:
            pattern_sequence(static_cast<MatchSequencePattern*>(p), pc);
            break;
        case PK::Mapping:
            pattern_mapping(static_cast<MatchMappingPattern*>(p), pc);
            break;
        case PK::Class:
            pattern_class(static_cast<MatchClassPattern*>(p), pc);
            break;
        case PK::Or:
            pattern_or(static_cast<MatchOrPattern*>(p), pc);
            break;
        }
    }

    // A sub-pattern may be irrefutable even where its parent may not.
    void subpattern(Pattern* p, PatternCtx& pc) {
        bool saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        pattern(p, pc);
        pc.allow_irrefutable = saved;
    }

    void pattern_as(MatchAsPattern* p, PatternCtx& pc) {
        if (!p->pattern) {
            // A capture or the wildcard: irrefutable.
            if (!pc.allow_irrefutable) {
                if (p->name.empty()) error("wildcard makes remaining patterns unreachable", p->loc);
                error("name capture '" + p->name + "' makes remaining patterns unreachable", p->loc);
            }
            pattern_store(p->name, pc, p->loc);
            return;
        }
        // Keep the subject for the name; the sub-pattern tests a copy.
        ++pc.on_top;
        emit(Op::COPY, 1);
        pattern(p->pattern, pc);  // as CPython: `_ as y` alone is irrefutable too
        --pc.on_top;
        m_u->loc = p->loc;
        pattern_store(p->name, pc, p->loc);
    }

    void pattern_sequence(MatchSequencePattern* p, PatternCtx& pc) {
        const auto& pats = p->patterns;
        size_t size = pats.size();
        int star = -1;
        bool only_wildcard = true, star_wildcard = false;
        for (size_t i = 0; i < size; ++i) {
            if (pats[i]->kind == PK::Star) {
                if (star >= 0) error("multiple starred names in sequence pattern", pats[i]->loc);
                star_wildcard = is_star_wildcard(pats[i]);
                only_wildcard &= star_wildcard;
                star = static_cast<int>(i);
                continue;
            }
            only_wildcard &= is_wildcard(pats[i]);
        }
        // The subject stays on top during the sequence and length checks.
        ++pc.on_top;
        emit(Op::MATCH_SEQUENCE);
        jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        if (star < 0) {
            emit(Op::GET_LEN);
            emit_const(Value::integer(static_cast<int64_t>(size)));
            emit(Op::COMPARE_EQ);
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        } else if (size > 1) {
            emit(Op::GET_LEN);
            emit_const(Value::integer(static_cast<int64_t>(size - 1)));
            emit(Op::COMPARE_GE);
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        }
        // Whatever comes next consumes the subject.
        --pc.on_top;
        if (only_wildcard) {
            emit(Op::POP_TOP);  // [] / [_] / [_, *_] ...
        } else if (star_wildcard) {
            // [a, *_, b]: index the subject rather than unpack it all.
            ++pc.on_top;
            for (size_t i = 0; i < size; ++i) {
                if (is_wildcard(pats[i]) || static_cast<int>(i) == star) continue;
                emit(Op::COPY, 1);
                if (static_cast<int>(i) < star) {
                    emit_const(Value::integer(static_cast<int64_t>(i)));
                } else {
                    // The subject may not support negative indexes.
                    emit(Op::GET_LEN);
                    emit_const(Value::integer(static_cast<int64_t>(size - i)));
                    emit(Op::BINARY_OP, static_cast<uint32_t>(BinOp::Sub));
                }
                emit(Op::BINARY_SUBSCR);
                subpattern(pats[i], pc);
                m_u->loc = p->loc;
            }
            --pc.on_top;
            emit(Op::POP_TOP);
        } else {
            if (star < 0)
                emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
            else
                emit(Op::UNPACK_EX, static_cast<uint32_t>(star) | (static_cast<uint32_t>(size - 1 - star) << 8));
            pc.on_top += static_cast<int>(size);
            for (size_t i = 0; i < size; ++i) {
                --pc.on_top;
                subpattern(pats[i], pc);
            }
        }
    }

    void pattern_mapping(MatchMappingPattern* p, PatternCtx& pc) {
        size_t size = p->keys.size();
        ++pc.on_top;
        emit(Op::MATCH_MAPPING);
        jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        if (!size && p->rest.empty()) {
            // `{}` matches any mapping.
            --pc.on_top;
            emit(Op::POP_TOP);
            return;
        }
        if (size) {
            emit(Op::GET_LEN);
            emit_const(Value::integer(static_cast<int64_t>(size)));
            emit(Op::COMPARE_GE);
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        }
        // Literal keys must differ (CPython checks them at compile time).
        std::vector<Value> seen;
        for (Expr* k : p->keys) {
            Value c = k->kind == EK::Attribute ? Value() : constant_of(k);
            if (!c.is_null()) {
                for (const Value& s : seen) {
                    if (m_vm.eq(s, c) == 1) {
                        Value r = m_vm.repr(c);
                        std::string rs = r.is_null() ? "?" : as_str(r)->str();
                        m_vm.clear_exc();
                        error("mapping pattern checks duplicate key (" + rs + ")", p->loc);
                    }
                }
                m_vm.clear_exc();
                seen.push_back(c);
            }
            expr(k);
        }
        m_u->loc = p->loc;
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(size));
        emit(Op::MATCH_KEYS);
        // A tuple of keys and a tuple of values (or None) sit on the subject.
        pc.on_top += 2;
        emit(Op::COPY, 1);
        emit(Op::LOAD_NONE);
        emit(Op::IS_OP, 1);
        jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
        pc.on_top += static_cast<int>(size) - 1;
        for (size_t i = 0; i < size; ++i) {
            --pc.on_top;
            subpattern(p->patterns[i], pc);
        }
        m_u->loc = p->loc;
        // Matched: what comes next consumes the keys and the subject.
        pc.on_top -= 2;
        if (!p->rest.empty()) {
            // rest = dict(subject); del rest[key] for each key
            emit(Op::BUILD_MAP, 0);                                  // subject keys {}
            emit(Op::SWAP, 3);                                       // {} keys subject
            emit(Op::DICT_UPDATE, 2);                                // rest keys
            emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(size));  // rest k_n..k_1
            for (size_t n = size; n > 0; --n) {
                emit(Op::COPY, static_cast<uint32_t>(1 + n));  // rest ... k rest
                emit(Op::SWAP, 2);                             // rest ... rest k
                emit(Op::DELETE_SUBSCR);
            }
            pattern_store(p->rest, pc, p->loc);
        } else {
            emit(Op::POP_TOP);  // the keys
            emit(Op::POP_TOP);  // the subject
        }
    }

    void pattern_class(MatchClassPattern* p, PatternCtx& pc) {
        size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
        for (size_t i = 0; i < nattrs; ++i) {
            const std::string& a = p->kwd_attrs[i];
            if (a == "__debug__") error("cannot assign to __debug__", p->kwd_locs[i]);
            for (size_t j = i + 1; j < nattrs; ++j)
                if (p->kwd_attrs[j] == a)
                    error("attribute name repeated in class pattern: " + a, p->kwd_patterns[j]->loc);
        }
        expr(p->cls);
        std::vector<Value> names;
        for (const std::string& a : p->kwd_attrs) names.push_back(m_vm.str(a));
        Value tup = tuple_from_vector(m_vm, names);
        m_u->loc = p->loc;
        emit(Op::LOAD_CONST, const_index(tup, const_key(tup)));
        emit(Op::MATCH_CLASS, static_cast<uint32_t>(nargs));
        emit(Op::COPY, 1);
        emit(Op::LOAD_NONE);
        emit(Op::IS_OP, 1);
        // On top: a tuple of the nargs + nattrs attributes, or None.
        ++pc.on_top;
        jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
        pc.on_top += static_cast<int>(nargs + nattrs) - 1;
        for (size_t i = 0; i < nargs + nattrs; ++i) {
            --pc.on_top;
            Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
            if (is_wildcard(sub)) {
                emit(Op::POP_TOP);  // an attribute nothing looks at
                continue;
            }
            subpattern(sub, pc);
            m_u->loc = p->loc;
        }
    }

    void pattern_or(MatchOrPattern* p, PatternCtx& pc) {
        int end = new_label();
        PatternCtx old = std::move(pc);
        std::vector<std::string> control;  // names the first alternative binds, in stack order
        size_t size = p->patterns.size();
        for (size_t i = 0; i < size; ++i) {
            PatternCtx alt;
            // An irrefutable alternative must be last, if allowed at all.
            alt.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
            m_u->loc = p->loc;
            emit(Op::COPY, 1);
            pattern(p->patterns[i], alt);
            m_u->loc = p->loc;
            if (i == 0) {
                control = alt.stores;
            } else {
                if (alt.stores.size() != control.size()) error("alternative patterns bind different names", p->loc);
                for (const std::string& n : control)
                    if (std::find(alt.stores.begin(), alt.stores.end(), n) == alt.stores.end())
                        error("alternative patterns bind different names", p->loc);
                reorder_stores(alt.stores, control);
            }
            emit_jump(Op::JUMP, end);
            emit_and_reset_fail_pop(alt);
        }
        pc = std::move(old);
        // No alternative matched: pop the subject and fail.
        emit(Op::POP_TOP);
        jump_to_fail_pop(pc, Op::JUMP);
        bind(end);
        // Move the new captures under everything else the enclosing patterns
        // keep: the earlier captures, the values on top and the subject.
        int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
        for (const std::string& n : control) {
            rotate(nrots);
            if (std::find(pc.stores.begin(), pc.stores.end(), n) != pc.stores.end())
                error("multiple assignments to name '" + n + "' in pattern", p->loc);
            pc.stores.push_back(n);
        }
        emit(Op::POP_TOP);  // the subject's copy
    }

    // Permutes the captures on top of the stack (newest deepest: stores[0]
    // on top) from the order `cur` to the order `want`, with SWAPs.
    void reorder_stores(std::vector<std::string> cur, const std::vector<std::string>& want) {
        int n = static_cast<int>(cur.size());
        // Depth of stores[i] is i + 1.
        for (int p = 0; p < n; ++p) {
            if (cur[p] == want[p]) continue;
            int q = static_cast<int>(std::find(cur.begin(), cur.end(), want[p]) - cur.begin());
            // Exchange depths p+1 and q+1 through the top.
            if (p == 0) {
                emit(Op::SWAP, static_cast<uint32_t>(q + 1));
            } else {
                emit(Op::SWAP, static_cast<uint32_t>(p + 1));
                emit(Op::SWAP, static_cast<uint32_t>(q + 1));
                emit(Op::SWAP, static_cast<uint32_t>(p + 1));
            }
            std::swap(cur[p], cur[q]);
        }
    }

    // [SECTION] try / with / loops

    void for_stmt(ForStmt* s) {
        int top = new_label(), cleanup = new_label(), exit = new_label();
        expr(s->iter);
        {
            LocGuard g(m_u, s->iter->loc);
            emit(Op::GET_ITER);
        }
        ++m_u->depth;
        bind(top);
        {
            LocGuard g(m_u, s->iter->loc);
            emit_jump(Op::FOR_ITER, cleanup);
        }
        push_fblock({FB::ForLoop, top, exit});
        store(s->target);
        body(s->body);
        pop_fblock();
        emit_jump(Op::JUMP, top);
        --m_u->depth;
        bind(cleanup);
        body(s->orelse);
        bind(exit);
    }

    void async_for_stmt(ForStmt* s) {
        if (!m_u->is_async) error("'async for' outside async function", s->loc);
        int top = new_label(), except = new_label(), exit = new_label(), end = new_label();
        expr(s->iter);
        emit(Op::GET_AITER);
        ++m_u->depth;
        bind(top);
        int h = push_handler(except);
        emit(Op::GET_ANEXT);
        emit_await();
        pop_handler();
        FBlock fb{FB::AsyncForLoop, top, exit};
        push_fblock(fb);
        store(s->target);
        body(s->body);
        pop_fblock();
        emit_jump(Op::JUMP, top);
        (void)h;
        // [aiter, exc]: StopAsyncIteration ends the loop.
        bind(except);
        emit(Op::END_ASYNC_FOR);
        --m_u->depth;
        body(s->orelse);
        emit_jump(Op::JUMP, end);
        bind(exit);
        bind(end);
    }

    void with_stmt(WithStmt* s, size_t item) {
        if (s->is_async && !m_u->is_async) error("'async with' outside async function", s->loc);
        const WithItem& it = s->items[item];
        int exc = new_label(), cleanup = new_label(), suppress = new_label(), exit = new_label();
        expr(it.context_expr);
        {
            LocGuard g(m_u, s->loc);
            if (s->is_async) {
                emit(Op::BEFORE_ASYNC_WITH);
                emit(Op::GET_AWAITABLE, 1);
                emit_await();
            } else {
                emit(Op::BEFORE_WITH);
            }
        }
        ++m_u->depth;  // __exit__ stays below the body
        int h = push_handler(exc);
        push_fblock({s->is_async ? FB::AsyncWith : FB::With, -1, -1, nullptr, "", h, s->loc});
        if (it.optional_vars)
            store(it.optional_vars);
        else
            emit(Op::POP_TOP);
        if (item + 1 < s->items.size())
            with_stmt(s, item + 1);
        else
            body(s->body);
        pop_fblock();
        pop_handler();
        {
            LocGuard g(m_u, s->loc);
            emit_exit_call_with_nones();
            if (s->is_async) {
                emit(Op::GET_AWAITABLE, 2);
                emit_await();
            }
            emit(Op::POP_TOP);
        }
        emit_jump(Op::JUMP, exit);
        // Exceptional exit: [exit, exc]
        bind(exc);
        LocGuard g(m_u, s->loc);
        ++m_u->depth;  // prev_exc
        push_handler(cleanup);
        emit(Op::PUSH_EXC_INFO);
        emit(Op::WITH_EXCEPT_START);
        if (s->is_async) {
            emit(Op::GET_AWAITABLE, 2);
            emit_await();
        }
        emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
        emit(Op::RERAISE, 0);
        pop_handler();
        --m_u->depth;
        bind(cleanup);
        emit_cleanup();
        bind(suppress);
        emit(Op::POP_TOP);     // exc
        emit(Op::POP_EXCEPT);  // prev
        emit(Op::POP_TOP);     // exit
        --m_u->depth;
        bind(exit);
    }

    // [prev, exc2] -> restore the handled exception and re-raise.
    void emit_cleanup() {
        emit(Op::SWAP, 2);
        emit(Op::POP_EXCEPT);
        emit(Op::RERAISE, 0);
    }

    void try_except(TryStmt* t) {
        int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label();
        int h = push_handler(except);
        push_fblock({FB::TryExcept, -1, -1, nullptr, "", h, t->loc});
        body(t->body);
        pop_fblock();
        pop_handler();
        emit_jump(Op::JUMP, orelse);
        // [exc]
        bind(except);
        ++m_u->depth;  // prev_exc once PUSH_EXC_INFO ran
        int ch = push_handler(cleanup);
        {
            LocGuard g(m_u, t->handlers.empty() ? t->loc : t->handlers[0]->loc);
            emit(Op::PUSH_EXC_INFO);
        }
        if (t->is_star) {
            star_handlers(t, end, ch);
        } else {
            for (size_t i = 0; i < t->handlers.size(); ++i) {
                ExceptHandler* hd = t->handlers[i];
                LocGuard g(m_u, hd->loc);
                if (!hd->type && i + 1 < t->handlers.size()) error("default 'except:' must be last", hd->loc);
                int next = new_label();
                if (hd->type) {
                    expr(hd->type);
                    emit(Op::CHECK_EXC_MATCH);
                    emit_jump(Op::POP_JUMP_IF_FALSE, next);
                }
                if (!hd->name.empty()) {
                    store_name(hd->name);
                    int cleanup_name = new_label();
                    push_handler(cleanup_name);
                    push_fblock({FB::HandlerCleanup, -1, -1, nullptr, hd->name, ch, hd->loc});
                    body(hd->body);
                    pop_fblock();
                    pop_handler();
                    emit(Op::POP_EXCEPT);
                    emit_clear_name(hd->name);
                    emit_jump(Op::JUMP, end);
                    // Exception inside the handler: clear the name, then the outer cleanup.
                    bind(cleanup_name);
                    emit_clear_name(hd->name);
                    emit(Op::RERAISE, 0);
                } else {
                    emit(Op::POP_TOP);
                    push_fblock({FB::HandlerCleanup, -1, -1, nullptr, "", ch, hd->loc});
                    body(hd->body);
                    pop_fblock();
                    emit(Op::POP_EXCEPT);
                    emit_jump(Op::JUMP, end);
                }
                bind(next);
            }
            // No handler matched: re-raise.
            emit(Op::RERAISE, 0);
        }
        pop_handler();
        --m_u->depth;
        bind(cleanup);
        emit_cleanup();
        bind(orelse);
        body(t->orelse);
        bind(end);
    }

    // except* (PEP 654), after CPython 3.11's compiler_try_star_except.
    // Entered with [prev, eg]; leaves by POP_EXCEPT + JUMP end, or re-raises.
    void star_handlers(TryStmt* t, int end, int ch) {
        int reraise_star = new_label();
        emit(Op::BUILD_LIST, 0);  // [prev, orig, list]
        emit(Op::COPY, 2);        // [prev, orig, list, rest]
        m_u->depth += 2;          // orig and list stay below the handlers
        for (size_t i = 0; i < t->handlers.size(); ++i) {
            ExceptHandler* hd = t->handlers[i];
            LocGuard g(m_u, hd->loc);
            int no_match = new_label();
            int matched = new_label();
            expr(hd->type);
            emit(Op::CHECK_EG_MATCH);  // [.., rest, match|None]
            emit(Op::COPY, 1);
            emit_jump(Op::POP_JUMP_IF_NOT_NONE, matched);
            emit(Op::POP_TOP);
            emit_jump(Op::JUMP, no_match);
            bind(matched);
            ++m_u->depth;  // rest stays below the handler body
            if (!hd->name.empty())
                store_name(hd->name);
            else
                emit(Op::POP_TOP);
            int body_exc = new_label();
            push_handler(body_exc);
            push_fblock({FB::HandlerCleanup, -1, -1, nullptr, hd->name, ch, hd->loc});
            body(hd->body);
            pop_fblock();
            pop_handler();
            if (!hd->name.empty()) emit_clear_name(hd->name);
            int after = new_label();
            emit_jump(Op::JUMP, after);
            // Raised in the handler body: [prev, orig, list, rest, exc] -> list += exc
            bind(body_exc);
            if (!hd->name.empty()) emit_clear_name(hd->name);
            emit(Op::COPY, 3);
            emit(Op::SWAP, 2);
            emit(Op::LIST_APPEND, 1);
            emit(Op::POP_TOP);
            bind(after);
            --m_u->depth;
            bind(no_match);
        }
        emit(Op::LIST_APPEND, 1);  // the unmatched rest joins: [prev, orig, list]
        m_u->depth -= 2;
        emit(Op::PREP_RERAISE_STAR);  // [prev, exc|None]
        emit(Op::COPY, 1);
        emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise_star);
        emit(Op::POP_TOP);
        emit(Op::POP_EXCEPT);
        emit_jump(Op::JUMP, end);
        bind(reraise_star);
        emit(Op::RERAISE, 0);
    }

    void try_finally(TryStmt* t) {
        int finally_exc = new_label(), exit = new_label(), cleanup = new_label();
        int h = push_handler(finally_exc);
        push_fblock({FB::FinallyTry, -1, -1, &t->finalbody, "", h, t->loc});
        if (t->handlers.empty()) {
            body(t->body);
        } else {
            TryStmt inner;
            inner.loc = t->loc;
            inner.body = t->body;
            inner.handlers = t->handlers;
            inner.orelse = t->orelse;
            inner.is_star = t->is_star;
            try_except(&inner);
        }
        pop_fblock();
        pop_handler();
        body(t->finalbody);
        emit_jump(Op::JUMP, exit);
        // Exceptional path: [exc]
        bind(finally_exc);
        ++m_u->depth;
        int ch = push_handler(cleanup);
        emit(Op::PUSH_EXC_INFO);
        ++m_u->depth;  // [prev, exc] while the finally body runs
        push_fblock({FB::FinallyEnd, -1, -1, nullptr, "", ch, t->loc});
        body(t->finalbody);
        pop_fblock();
        --m_u->depth;
        emit(Op::RERAISE, 0);
        pop_handler();
        --m_u->depth;
        bind(cleanup);
        emit_cleanup();
        bind(exit);
    }

    // [SECTION] Functions, lambdas, classes

    std::string child_qualname(const std::string& name) {
        if (m_u->is_module) return name;
        if (m_u->is_class) return m_u->qualname + "." + name;
        return m_u->qualname + ".<locals>." + name;
    }

    // Pushes the closure tuple for a child scope (cells of this unit).
    bool emit_closure(SymScope* child) {
        if (child->freevars.empty()) return false;
        for (const std::string& n : child->freevars) {
            int slot;
            auto c = m_u->cell_slot.find(n);
            if (c != m_u->cell_slot.end()) {
                slot = c->second;
            } else {
                auto f = m_u->free_slot.find(n);
                if (f == m_u->free_slot.end()) error("internal error: no cell for free variable '" + n + "'", m_u->loc);
                slot = f->second;
            }
            emit(Op::LOAD_CLOSURE, slot);
        }
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(child->freevars.size()));
        return true;
    }

    // Emits defaults; returns MAKE_FUNCTION flags.
    uint32_t emit_defaults(const Arguments& a) {
        uint32_t flags = 0;
        if (!a.defaults.empty()) {
            for (Expr* d : a.defaults) expr(d);
            emit(Op::BUILD_TUPLE, static_cast<uint32_t>(a.defaults.size()));
            flags |= 1;
        }
        int nkw = 0;
        for (size_t i = 0; i < a.kwonlyargs.size(); ++i) {
            if (!a.kw_defaults[i]) continue;
            emit_const(m_vm.str(a.kwonlyargs[i]->name));
            expr(a.kw_defaults[i]);
            ++nkw;
        }
        if (nkw) {
            emit(Op::BUILD_MAP, nkw);
            flags |= 2;
        }
        return flags;
    }

    void set_arg_counts(CodeObject* c, const Arguments& a) {
        c->m_posonlycount = static_cast<int>(a.posonlyargs.size());
        c->m_argcount = static_cast<int>(a.posonlyargs.size() + a.args.size());
        c->m_kwonlycount = static_cast<int>(a.kwonlyargs.size());
        if (a.vararg) c->m_flags |= CO_VARARGS;
        if (a.kwarg) c->m_flags |= CO_VARKEYWORDS;
    }

    uint32_t function_flags(SymScope* sc, bool is_async) {
        uint32_t f = 0;
        if (is_async && sc->is_generator)
            f |= CO_ASYNC_GENERATOR;
        else if (is_async)
            f |= CO_COROUTINE;
        else if (sc->is_generator)
            f |= CO_GENERATOR;
        return f;
    }

    void function_def(FunctionDefStmt* f) {
        int firstline = f->decorators.empty() ? f->loc.line : f->decorators[0]->loc.line;
        for (Expr* d : f->decorators) expr(d);
        SymScope* sc = m_st.scope_for(f);
        uint32_t mf = emit_defaults(f->args);
        if (emit_closure(sc)) mf |= 8;
        std::string qn = child_qualname(f->name);
        push_unit(sc, f->name, qn, firstline);
        m_u->is_function = true;
        m_u->is_async = f->is_async;
        m_u->is_async_gen = f->is_async && sc->is_generator;
        set_arg_counts(m_u->code.get(), f->args);
        size_t start = 0;
        if (!f->body.empty() && f->body[0]->kind == SK::Expr) {
            Expr* e = static_cast<ExprStmt*>(f->body[0])->value;
            if (e->kind == EK::Constant && static_cast<ConstantExpr*>(e)->ck == ConstKind::Str) {
                m_u->code->m_doc = m_vm.str(static_cast<ConstantExpr*>(e)->sval);
                start = 1;
            }
        }
        for (size_t i = start; i < f->body.size(); ++i) stmt(f->body[i]);
        m_u->loc = Loc{f->body.empty() ? f->loc.line : f->body.back()->loc.end_line, 0, -1, -1};
        emit(Op::LOAD_NONE);
        emit(Op::RETURN_VALUE);
        Value code = pop_unit(function_flags(sc, f->is_async));
        LocGuard g(m_u, f->loc);
        emit(Op::LOAD_CONST, const_index(code, const_key(code)));
        emit(Op::MAKE_FUNCTION, mf);
        for (size_t i = f->decorators.size(); i-- > 0;) {
            LocGuard g2(m_u, f->decorators[i]->loc);
            emit(Op::CALL, 1);
        }
        store_name(f->name);
    }

    void lambda(LambdaExpr* l) {
        SymScope* sc = m_st.scope_for(l);
        uint32_t mf = emit_defaults(l->args);
        if (emit_closure(sc)) mf |= 8;
        push_unit(sc, "<lambda>", child_qualname("<lambda>"), l->loc.line);
        m_u->is_function = true;
        set_arg_counts(m_u->code.get(), l->args);
        {
            LocGuard g(m_u, l->body->loc);
            expr(l->body);
            emit(Op::RETURN_VALUE);
        }
        Value code = pop_unit(function_flags(sc, false));
        emit(Op::LOAD_CONST, const_index(code, const_key(code)));
        emit(Op::MAKE_FUNCTION, mf);
    }

    void class_def(ClassDefStmt* c) {
        int firstline = c->decorators.empty() ? c->loc.line : c->decorators[0]->loc.line;
        for (Expr* d : c->decorators) expr(d);
        SymScope* sc = m_st.scope_for(c);
        emit(Op::LOAD_BUILD_CLASS);
        uint32_t mf = emit_closure(sc) ? 8 : 0;
        std::string qn = child_qualname(c->name);
        push_unit(sc, c->name, qn, firstline);
        m_u->is_class = true;
        bool saved_ann = m_annotations_setup;
        m_annotations_setup = false;
        for (Stmt* s : c->body)
            if (s->kind == SK::AnnAssign && static_cast<AnnAssignStmt*>(s)->simple) {
                emit(Op::SETUP_ANNOTATIONS);
                m_annotations_setup = true;
                break;
            }
        size_t start = 0;
        if (!c->body.empty() && c->body[0]->kind == SK::Expr) {
            Expr* e = static_cast<ExprStmt*>(c->body[0])->value;
            if (e->kind == EK::Constant && static_cast<ConstantExpr*>(e)->ck == ConstKind::Str) {
                LocGuard g(m_u, e->loc);
                emit_const(m_vm.str(static_cast<ConstantExpr*>(e)->sval));
                emit(Op::STORE_NAME, name_index("__doc__"));
                start = 1;
            }
        }
        for (size_t i = start; i < c->body.size(); ++i) stmt(c->body[i]);
        if (sc->needs_class_cell) {
            emit(Op::LOAD_CLOSURE, m_u->cell_slot["__class__"]);
        } else {
            emit(Op::LOAD_NONE);
        }
        emit(Op::RETURN_VALUE);
        m_annotations_setup = saved_ann;
        Value code = pop_unit(CO_CLASS_BODY);
        LocGuard g(m_u, c->loc);
        emit(Op::LOAD_CONST, const_index(code, const_key(code)));
        emit(Op::MAKE_FUNCTION, mf);
        emit_const(m_vm.str(c->name));
        call_args(2, c->bases, c->keywords, c->loc);
        for (size_t i = c->decorators.size(); i-- > 0;) {
            LocGuard g2(m_u, c->decorators[i]->loc);
            emit(Op::CALL, 1);
        }
        store_name(c->name);
    }

    // [SECTION] Expressions

    void load_name(const std::string& n, const Loc& loc) {
        LocGuard g(m_u, loc);
        SymKind k = m_u->scope->kind_of(n);
        switch (k) {
        case SymKind::Local:
            if (m_u->is_class || m_u->is_module)
                emit(Op::LOAD_NAME, name_index(n));
            else
                emit(Op::LOAD_FAST, m_u->local_slot.at(n));
            return;
        case SymKind::Cell:
            emit(Op::LOAD_DEREF, m_u->cell_slot.at(n));
            return;
        case SymKind::Free:
            if (m_u->is_class)
                emit(Op::LOAD_CLASSDEREF, m_u->free_slot.at(n));
            else
                emit(Op::LOAD_DEREF, m_u->free_slot.at(n));
            return;
        case SymKind::GlobalExplicit:
            emit(Op::LOAD_GLOBAL, name_index(n));
            return;
        case SymKind::GlobalImplicit:
            if (m_u->is_class || m_u->is_module)
                emit(Op::LOAD_NAME, name_index(n));
            else
                emit(Op::LOAD_GLOBAL, name_index(n));
            return;
        }
    }

    void store_name(const std::string& n) {
        SymKind k = m_u->scope->kind_of(n);
        switch (k) {
        case SymKind::Local:
            if (m_u->is_class || m_u->is_module)
                emit(Op::STORE_NAME, name_index(n));
            else
                emit(Op::STORE_FAST, m_u->local_slot.at(n));
            return;
        case SymKind::Cell:
            emit(Op::STORE_DEREF, m_u->cell_slot.at(n));
            return;
        case SymKind::Free:
            emit(Op::STORE_DEREF, m_u->free_slot.at(n));
            return;
        case SymKind::GlobalExplicit:
            emit(Op::STORE_GLOBAL, name_index(n));
            return;
        case SymKind::GlobalImplicit:
            if (m_u->is_class || m_u->is_module)
                emit(Op::STORE_NAME, name_index(n));
            else
                emit(Op::STORE_GLOBAL, name_index(n));
            return;
        }
    }

    void delete_name(const std::string& n) {
        SymKind k = m_u->scope->kind_of(n);
        switch (k) {
        case SymKind::Local:
            if (m_u->is_class || m_u->is_module)
                emit(Op::DELETE_NAME, name_index(n));
            else
                emit(Op::DELETE_FAST, m_u->local_slot.at(n));
            return;
        case SymKind::Cell:
            emit(Op::DELETE_DEREF, m_u->cell_slot.at(n));
            return;
        case SymKind::Free:
            emit(Op::DELETE_DEREF, m_u->free_slot.at(n));
            return;
        case SymKind::GlobalExplicit:
            emit(Op::DELETE_GLOBAL, name_index(n));
            return;
        case SymKind::GlobalImplicit:
            if (m_u->is_class || m_u->is_module)
                emit(Op::DELETE_NAME, name_index(n));
            else
                emit(Op::DELETE_GLOBAL, name_index(n));
            return;
        }
    }

    // Constant value of a literal expression (for folding), or Null.
    Value constant_of(Expr* e) {
        if (e->kind == EK::Constant) {
            auto* c = static_cast<ConstantExpr*>(e);
            switch (c->ck) {
            case ConstKind::None:
                return Value::none();
            case ConstKind::True:
                return Value::boolean(true);
            case ConstKind::False:
                return Value::boolean(false);
            case ConstKind::Int:
                return Value::integer(c->ival);
            case ConstKind::BigInt:
                return int_from_digits(m_vm, c->sval, static_cast<int>(c->ival), false);
            case ConstKind::Float:
                return Value::real(c->fval);
            case ConstKind::Str:
                return m_vm.str(c->sval);
            case ConstKind::Bytes:
                return new_bytes(m_vm, c->sval);
            case ConstKind::Ellipsis:
                return m_vm.m_ellipsis;
            }
        }
        if (e->kind == EK::UnaryOp) {
            auto* u = static_cast<UnaryOpExpr*>(e);
            if (u->op == UnOp::Neg && u->operand->kind == EK::Constant) {
                auto* c = static_cast<ConstantExpr*>(u->operand);
                if (c->ck == ConstKind::Int && c->ival != INT64_MIN) return Value::integer(-c->ival);
                if (c->ck == ConstKind::Float) return Value::real(-c->fval);
            }
        }
        if (e->kind == EK::Tuple) {
            auto* t = static_cast<SeqExpr*>(e);
            std::vector<Value> items;
            for (Expr* x : t->elts) {
                Value v = constant_of(x);
                if (v.is_null()) return Value();
                items.push_back(v);
            }
            return tuple_from_vector(m_vm, items);
        }
        return Value();
    }

    void expr(Expr* e) {
        LocGuard lg(m_u, e->loc);
        switch (e->kind) {
        case EK::Name:
            load_name(static_cast<NameExpr*>(e)->id, e->loc);
            break;
        case EK::Constant:
            emit_const(constant_of(e));
            break;
        case EK::JoinedStr:
            joined_str(static_cast<JoinedStrExpr*>(e));
            break;
        case EK::FormattedValue:
            formatted_value(static_cast<FormattedValueExpr*>(e));
            break;
        case EK::BinOp: {
            auto* b = static_cast<BinOpExpr*>(e);
            expr(b->left);
            expr(b->right);
            m_u->loc = e->loc;
            if (b->op == BinOp::Add)
                emit(Op::BINARY_ADD);
            else if (b->op == BinOp::Sub)
                emit(Op::BINARY_SUB);
            else if (b->op == BinOp::Mul)
                emit(Op::BINARY_MUL);
            else
                emit(Op::BINARY_OP, static_cast<uint32_t>(b->op));
            break;
        }
        case EK::UnaryOp: {
            Value c = constant_of(e);
            if (!c.is_null()) {
                emit_const(c);
                break;
            }
            auto* u = static_cast<UnaryOpExpr*>(e);
            expr(u->operand);
            m_u->loc = e->loc;
            switch (u->op) {
            case UnOp::Not:
                emit(Op::UNARY_NOT);
                break;
            case UnOp::Neg:
                emit(Op::UNARY_NEGATIVE);
                break;
            case UnOp::Pos:
                emit(Op::UNARY_POSITIVE);
                break;
            case UnOp::Invert:
                emit(Op::UNARY_INVERT);
                break;
            }
            break;
        }
        case EK::BoolOp: {
            auto* b = static_cast<BoolOpExpr*>(e);
            int end = new_label();
            for (size_t i = 0; i < b->values.size(); ++i) {
                expr(b->values[i]);
                if (i + 1 < b->values.size())
                    emit_jump(b->is_and ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP, end);
            }
            bind(end);
            break;
        }
        case EK::Compare:
            compare(static_cast<CompareExpr*>(e));
            break;
        case EK::Call:
            call(static_cast<CallExpr*>(e));
            break;
        case EK::Attribute: {
            auto* a = static_cast<AttributeExpr*>(e);
            expr(a->value);
            m_u->loc = e->loc;
            emit(Op::LOAD_ATTR, name_index(a->attr));
            break;
        }
        case EK::Subscript: {
            auto* s = static_cast<SubscriptExpr*>(e);
            expr(s->value);
            expr(s->slice);
            m_u->loc = e->loc;
            emit(Op::BINARY_SUBSCR);
            break;
        }
        case EK::Slice: {
            auto* s = static_cast<SliceExpr*>(e);
            if (s->lower)
                expr(s->lower);
            else
                emit(Op::LOAD_NONE);
            if (s->upper)
                expr(s->upper);
            else
                emit(Op::LOAD_NONE);
            if (s->step) {
                expr(s->step);
                emit(Op::BUILD_SLICE, 3);
            } else {
                emit(Op::BUILD_SLICE, 2);
            }
            break;
        }
        case EK::Starred:
            error("can't use starred expression here", e->loc);
        case EK::List:
        case EK::Tuple:
        case EK::Set:
            display(static_cast<SeqExpr*>(e));
            break;
        case EK::Dict:
            dict_display(static_cast<DictExpr*>(e));
            break;
        case EK::ListComp:
        case EK::SetComp:
        case EK::DictComp:
        case EK::GeneratorExp:
            comprehension(static_cast<CompExpr*>(e));
            break;
        case EK::Lambda:
            lambda(static_cast<LambdaExpr*>(e));
            break;
        case EK::IfExp: {
            auto* i = static_cast<IfExpExpr*>(e);
            int orelse = new_label(), end = new_label();
            jump_if(i->test, orelse, false);
            expr(i->body);
            emit_jump(Op::JUMP, end);
            bind(orelse);
            expr(i->orelse);
            bind(end);
            break;
        }
        case EK::Await: {
            if (!m_u->is_function && !m_u->is_module) error("'await' outside function", e->loc);
            if (m_u->is_module) error("'await' outside function", e->loc);
            if (!m_u->is_async) {
                if (m_u->scope->is_comprehension)
                    error("asynchronous comprehension outside of an asynchronous function", m_comp_loc);
                error("'await' outside async function", e->loc);
            }
            expr(static_cast<UnaryValueExpr*>(e)->value);
            m_u->loc = e->loc;
            emit(Op::GET_AWAITABLE, 0);
            emit_await();
            break;
        }
        case EK::Yield: {
            if (!m_u->is_function) error("'yield' outside function", e->loc);
            auto* y = static_cast<UnaryValueExpr*>(e);
            if (y->value)
                expr(y->value);
            else
                emit(Op::LOAD_NONE);
            m_u->loc = e->loc;
            emit(Op::YIELD_VALUE, m_u->is_async_gen ? 2 : 0);
            break;
        }
        case EK::YieldFrom: {
            if (!m_u->is_function) error("'yield' outside function", e->loc);
            if (m_u->is_async) error("'yield from' inside async function", e->loc);
            expr(static_cast<UnaryValueExpr*>(e)->value);
            m_u->loc = e->loc;
            emit(Op::GET_YIELD_FROM_ITER);
            emit_await();
            break;
        }
        case EK::NamedExpr: {
            auto* n = static_cast<NamedExprExpr*>(e);
            expr(n->value);
            emit(Op::COPY, 1);
            store_name(static_cast<NameExpr*>(n->target)->id);
            break;
        }
        }
    }

    static Op compare_op(CmpOp op, uint32_t& arg) {
        arg = 0;
        switch (op) {
        case CmpOp::Eq:
            return Op::COMPARE_EQ;
        case CmpOp::NotEq:
            return Op::COMPARE_NE;
        case CmpOp::Lt:
            return Op::COMPARE_LT;
        case CmpOp::LtE:
            return Op::COMPARE_LE;
        case CmpOp::Gt:
            return Op::COMPARE_GT;
        case CmpOp::GtE:
            return Op::COMPARE_GE;
        case CmpOp::Is:
            return Op::IS_OP;
        case CmpOp::IsNot:
            arg = 1;
            return Op::IS_OP;
        case CmpOp::In:
            return Op::CONTAINS_OP;
        case CmpOp::NotIn:
            arg = 1;
            return Op::CONTAINS_OP;
        }
        return Op::COMPARE_EQ;
    }

    void compare(CompareExpr* c) {
        expr(c->left);
        size_t n = c->ops.size();
        if (n == 1) {
            expr(c->comparators[0]);
            uint32_t arg;
            Op op = compare_op(c->ops[0], arg);
            m_u->loc = c->loc;
            emit(op, arg);
            return;
        }
        int cleanup = new_label(), end = new_label();
        for (size_t i = 0; i + 1 < n; ++i) {
            expr(c->comparators[i]);
            emit(Op::SWAP, 2);
            emit(Op::COPY, 2);
            uint32_t arg;
            Op op = compare_op(c->ops[i], arg);
            m_u->loc = c->loc;
            emit(op, arg);
            emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        expr(c->comparators[n - 1]);
        uint32_t arg;
        Op op = compare_op(c->ops[n - 1], arg);
        m_u->loc = c->loc;
        emit(op, arg);
        emit_jump(Op::JUMP, end);
        bind(cleanup);
        emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        bind(end);
    }

    // Jumps to `label` when the truth of e equals `when` (compiler_jump_if).
    void jump_if(Expr* e, int label, bool when) {
        LocGuard lg(m_u, e->loc);
        if (e->kind == EK::UnaryOp && static_cast<UnaryOpExpr*>(e)->op == UnOp::Not) {
            jump_if(static_cast<UnaryOpExpr*>(e)->operand, label, !when);
            return;
        }
        if (e->kind == EK::BoolOp) {
            auto* b = static_cast<BoolOpExpr*>(e);
            bool cond2 = b->is_and ? false : true;
            int next2 = label;
            if (when != cond2) next2 = new_label();
            for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], next2, cond2);
            jump_if(b->values.back(), label, when);
            if (next2 != label) bind(next2);
            return;
        }
        if (e->kind == EK::Constant) {
            Value c = constant_of(e);
            int t = m_vm.truthy(c);
            if (t == static_cast<int>(when)) emit_jump(Op::JUMP, label);
            return;
        }
        expr(e);
        emit_jump(when ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
    }

    // [SECTION] Calls, displays, comprehensions, f-strings

    static bool has_starred(const std::vector<Expr*>& v) {
        for (Expr* e : v)
            if (e->kind == EK::Starred) return true;
        return false;
    }

    void call(CallExpr* c) {
        bool simple_kw = true;
        for (Keyword* k : c->keywords)
            if (k->arg.empty()) simple_kw = false;
        if (c->func->kind == EK::Attribute && !has_starred(c->args) && simple_kw) {
            auto* a = static_cast<AttributeExpr*>(c->func);
            expr(a->value);
            {
                LocGuard g(m_u, a->loc);
                emit(Op::LOAD_METHOD, name_index(a->attr));
            }
            for (Expr* x : c->args) expr(x);
            for (Keyword* k : c->keywords) expr(k->value);
            m_u->loc = c->loc;
            uint32_t n = static_cast<uint32_t>(c->args.size() + c->keywords.size());
            if (c->keywords.empty()) {
                emit(Op::CALL_METHOD, n);
            } else {
                emit_kwnames(c->keywords);
                emit(Op::CALL_METHOD_KW, n);
            }
            return;
        }
        expr(c->func);
        call_args(0, c->args, c->keywords, c->loc);
    }

    void emit_kwnames(const std::vector<Keyword*>& kws) {
        std::vector<Value> names;
        for (Keyword* k : kws) names.push_back(m_vm.istr(k->arg));
        Value t = tuple_from_vector(m_vm, names);
        emit(Op::LOAD_CONST, const_index(t, const_key(t)));
    }

    // Arguments after the callable (plus `extra` already-pushed positionals).
    void call_args(int extra, const std::vector<Expr*>& args, const std::vector<Keyword*>& kws, const Loc& loc) {
        bool simple_kw = true;
        for (Keyword* k : kws)
            if (k->arg.empty()) simple_kw = false;
        if (!has_starred(args) && simple_kw) {
            for (Expr* x : args) expr(x);
            for (Keyword* k : kws) expr(k->value);
            m_u->loc = loc;
            uint32_t n = static_cast<uint32_t>(extra + args.size() + kws.size());
            if (kws.empty()) {
                emit(Op::CALL, n);
            } else {
                emit_kwnames(kws);
                emit(Op::CALL_KW, n);
            }
            return;
        }
        // General form: build a tuple of positionals and a dict of keywords.
        emit(Op::BUILD_LIST, static_cast<uint32_t>(extra));  // already-pushed positionals first
        for (Expr* x : args) {
            if (x->kind == EK::Starred) {
                expr(static_cast<StarredExpr*>(x)->value);
                emit(Op::LIST_EXTEND, 1);
            } else {
                expr(x);
                emit(Op::LIST_APPEND, 1);
            }
        }
        emit(Op::LIST_TO_TUPLE);
        bool have_kw = !kws.empty();
        if (have_kw) {
            emit(Op::BUILD_MAP, 0);
            for (Keyword* k : kws) {
                if (k->arg.empty()) {
                    expr(k->value);
                    emit(Op::DICT_MERGE, 1);
                } else {
                    emit_const(m_vm.istr(k->arg));
                    expr(k->value);
                    emit(Op::MAP_ADD, 1);
                }
            }
        }
        m_u->loc = loc;
        emit(Op::CALL_EX, have_kw ? 1 : 0);
    }

    void display(SeqExpr* s) {
        if (s->kind == EK::Tuple) {
            Value c = constant_of(s);
            if (!c.is_null() && !s->elts.empty()) {
                emit(Op::LOAD_CONST, const_index(c, const_key(c)));
                return;
            }
        }
        if (!has_starred(s->elts)) {
            for (Expr* x : s->elts) expr(x);
            uint32_t n = static_cast<uint32_t>(s->elts.size());
            m_u->loc = s->loc;
            emit(s->kind == EK::List ? Op::BUILD_LIST : s->kind == EK::Set ? Op::BUILD_SET : Op::BUILD_TUPLE, n);
            return;
        }
        bool is_set = s->kind == EK::Set;
        emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
        for (Expr* x : s->elts) {
            if (x->kind == EK::Starred) {
                expr(static_cast<StarredExpr*>(x)->value);
                emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
            } else {
                expr(x);
                emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
            }
        }
        if (s->kind == EK::Tuple) emit(Op::LIST_TO_TUPLE);
    }

    void dict_display(DictExpr* d) {
        bool any_unpack = false;
        for (Expr* k : d->keys)
            if (!k) any_unpack = true;
        if (!any_unpack) {
            for (size_t i = 0; i < d->keys.size(); ++i) {
                expr(d->keys[i]);
                expr(d->values[i]);
            }
            emit(Op::BUILD_MAP, static_cast<uint32_t>(d->keys.size()));
            return;
        }
        emit(Op::BUILD_MAP, 0);
        for (size_t i = 0; i < d->keys.size(); ++i) {
            if (!d->keys[i]) {
                expr(d->values[i]);
                emit(Op::DICT_UPDATE, 1);
            } else {
                expr(d->keys[i]);
                expr(d->values[i]);
                emit(Op::MAP_ADD, 1);
            }
        }
    }

    void comprehension(CompExpr* c) {
        SymScope* sc = m_st.scope_for(c);
        const char* name = c->kind == EK::ListComp   ? "<listcomp>"
                           : c->kind == EK::SetComp  ? "<setcomp>"
                           : c->kind == EK::DictComp ? "<dictcomp>"
                                                     : "<genexpr>";
        bool is_async_comp = sc->is_coroutine && c->kind != EK::GeneratorExp;
        bool is_async_genexp = sc->is_coroutine && c->kind == EK::GeneratorExp;
        if (is_async_comp && !m_u->is_async) {
            if (!(m_u->scope->is_comprehension && m_u->is_async))
                error("asynchronous comprehension outside of an asynchronous function", c->loc);
        }
        uint32_t mf = emit_closure(sc) ? 8 : 0;
        Loc saved_comp = m_comp_loc;
        m_comp_loc = c->loc;
        push_unit(sc, name, child_qualname(name), c->loc.line);
        m_u->is_function = true;
        m_u->is_async = sc->is_coroutine;
        m_u->is_async_gen = is_async_genexp;
        m_u->code->m_argcount = 1;
        m_u->loc = c->loc;
        if (c->kind == EK::ListComp)
            emit(Op::BUILD_LIST, 0);
        else if (c->kind == EK::SetComp)
            emit(Op::BUILD_SET, 0);
        else if (c->kind == EK::DictComp)
            emit(Op::BUILD_MAP, 0);
        if (c->kind != EK::GeneratorExp) ++m_u->depth;
        comp_generator(c, 0);
        if (c->kind == EK::GeneratorExp) emit(Op::LOAD_NONE);
        emit(Op::RETURN_VALUE);
        uint32_t flags = CO_COMPREHENSION;
        if (c->kind == EK::GeneratorExp)
            flags |= is_async_genexp ? CO_ASYNC_GENERATOR : CO_GENERATOR;
        else if (is_async_comp)
            flags |= CO_COROUTINE;
        Value code = pop_unit(flags);
        m_comp_loc = saved_comp;
        LocGuard g(m_u, c->loc);
        emit(Op::LOAD_CONST, const_index(code, const_key(code)));
        emit(Op::MAKE_FUNCTION, mf);
        expr(c->generators[0].iter);
        m_u->loc = c->loc;
        if (c->generators[0].is_async)
            emit(Op::GET_AITER);
        else
            emit(Op::GET_ITER);
        emit(Op::CALL, 1);
        if (is_async_comp) {
            emit(Op::GET_AWAITABLE, 0);
            emit_await();
        }
    }

    void comp_generator(CompExpr* c, size_t gi) {
        const Comprehension& g = c->generators[gi];
        int top = new_label(), cleanup = new_label(), exit = new_label();
        if (gi == 0) {
            emit(Op::LOAD_FAST, 0);  // .0: the outermost iterator, already made
        } else {
            expr(g.iter);
            emit(g.is_async ? Op::GET_AITER : Op::GET_ITER);
        }
        ++m_u->depth;
        bind(top);
        int except = -1;
        if (g.is_async) {
            except = new_label();
            push_handler(except);
            emit(Op::GET_ANEXT);
            emit_await();
            pop_handler();
        } else {
            emit_jump(Op::FOR_ITER, cleanup);
        }
        store(g.target);
        int next = top;
        for (Expr* cond : g.ifs) jump_if(cond, next, false);
        if (gi + 1 < c->generators.size()) {
            comp_generator(c, gi + 1);
        } else {
            int depth = static_cast<int>(c->generators.size()) + 1;
            switch (c->kind) {
            case EK::ListComp:
                expr(c->elt);
                emit(Op::LIST_APPEND, depth);
                break;
            case EK::SetComp:
                expr(c->elt);
                emit(Op::SET_ADD, depth);
                break;
            case EK::DictComp:
                expr(c->elt);
                expr(c->value);
                emit(Op::MAP_ADD, depth);
                break;
            default:
                expr(c->elt);
                emit(Op::YIELD_VALUE, m_u->is_async_gen ? 2 : 0);
                emit(Op::POP_TOP);
                break;
            }
        }
        emit_jump(Op::JUMP, top);
        --m_u->depth;
        if (g.is_async) {
            bind(except);
            emit(Op::END_ASYNC_FOR);
        } else {
            bind(cleanup);
        }
        bind(exit);
    }

    void joined_str(JoinedStrExpr* j) {
        if (j->values.empty()) {
            emit_const(m_vm.str(""));
            return;
        }
        for (Expr* v : j->values) {
            if (v->kind == EK::Constant)
                emit_const(constant_of(v));
            else
                expr(v);
        }
        if (j->values.size() > 1)
            emit(Op::BUILD_STRING, static_cast<uint32_t>(j->values.size()));
        else if (j->values[0]->kind == EK::Constant) {}
    }

    void formatted_value(FormattedValueExpr* f) {
        expr(f->value);
        uint32_t conv = f->conversion == 's' ? 1 : f->conversion == 'r' ? 2 : f->conversion == 'a' ? 3 : 0;
        if (f->format_spec) {
            joined_str(static_cast<JoinedStrExpr*>(f->format_spec));
            conv |= 4;
        }
        m_u->loc = f->value->loc;
        emit(Op::FORMAT_VALUE, conv);
    }

    // [SECTION] Assignment targets

    void store(Expr* t) {
        switch (t->kind) {
        case EK::Name: {
            LocGuard g(m_u, t->loc);
            store_name(static_cast<NameExpr*>(t)->id);
            break;
        }
        case EK::Attribute: {
            auto* a = static_cast<AttributeExpr*>(t);
            expr(a->value);
            LocGuard g(m_u, t->loc);
            emit(Op::STORE_ATTR, name_index(a->attr));
            break;
        }
        case EK::Subscript: {
            auto* s = static_cast<SubscriptExpr*>(t);
            expr(s->value);
            expr(s->slice);
            LocGuard g(m_u, t->loc);
            emit(Op::STORE_SUBSCR);
            break;
        }
        case EK::Tuple:
        case EK::List: {
            auto* s = static_cast<SeqExpr*>(t);
            int star = -1;
            for (size_t i = 0; i < s->elts.size(); ++i) {
                if (s->elts[i]->kind == EK::Starred) {
                    if (star >= 0) error("multiple starred expressions in assignment", t->loc);
                    star = static_cast<int>(i);
                }
            }
            LocGuard g(m_u, t->loc);
            if (star < 0) {
                emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(s->elts.size()));
            } else {
                uint32_t before = static_cast<uint32_t>(star);
                uint32_t after = static_cast<uint32_t>(s->elts.size() - star - 1);
                if (before > 255 || after > 255) error("too many expressions in star-unpacking assignment", t->loc);
                emit(Op::UNPACK_EX, before | (after << 8));
            }
            for (Expr* x : s->elts) {
                if (x->kind == EK::Starred)
                    store(static_cast<StarredExpr*>(x)->value);
                else
                    store(x);
            }
            break;
        }
        case EK::Starred:
            error("starred assignment target must be in a list or tuple", t->loc);
        default:
            error("cannot assign to expression", t->loc);
        }
    }

    void del(Expr* t) {
        LocGuard g(m_u, t->loc);
        switch (t->kind) {
        case EK::Name:
            delete_name(static_cast<NameExpr*>(t)->id);
            break;
        case EK::Attribute: {
            auto* a = static_cast<AttributeExpr*>(t);
            expr(a->value);
            m_u->loc = t->loc;
            emit(Op::DELETE_ATTR, name_index(a->attr));
            break;
        }
        case EK::Subscript: {
            auto* s = static_cast<SubscriptExpr*>(t);
            expr(s->value);
            expr(s->slice);
            m_u->loc = t->loc;
            emit(Op::DELETE_SUBSCR);
            break;
        }
        case EK::Tuple:
        case EK::List:
            for (Expr* x : static_cast<SeqExpr*>(t)->elts) del(x);
            break;
        default:
            error("cannot delete expression", t->loc);
        }
    }

    VM& m_vm;
    SymTable& m_st;
    std::string m_filename;
    std::unique_ptr<Unit> m_uptr;
    Unit* m_u = nullptr;
    std::vector<std::unique_ptr<Unit>> m_units;
    bool m_annotations_setup = false;
    Loc m_comp_loc;
};

}  // namespace

Value compile_source(VM& vm, std::string_view src, std::string_view filename, SyntaxErrorInfo& err) {
    Arena arena;
    Module m;
    if (!parse_module(src, arena, m, err)) return Value();
    SymTable st;
    if (!st.build(m, err)) return Value();
    Compiler c(vm, st, std::string(filename));
    try {
        return c.compile_module(m);
    } catch (CompileError& e) {
        err = e.info;
        return Value();
    }
}

}  // namespace aio::script
