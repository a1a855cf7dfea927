// vm.cpp — the bytecode loop.
//
// Contents
//   [SECTION] Entering and leaving the loop (run, resume, gen_send)
//   [SECTION] The dispatch loop
//   [SECTION] Exception unwinding
//
// One `for(;;) switch(op)` with ip, sp and the frame in locals (clox, Wren).
// Python-to-Python calls do not recurse in C++: a call pushes a heap frame
// and the loop continues in it; a return pops back. Generators resumed by
// FOR_ITER or SEND are pushed the same way, so a whole await chain runs in
// one loop invocation and an `await` of a pending future unwinds to the
// entry frame as a plain yield. Natives that call back into Python (sorted's
// key, __repr__, ...) re-enter through run(), which nests.
#include <chrono>
#include <cstddef>
#include <cmath>
#include <cstring>

#include "objects/runtime.hpp"
#include "vm/match.hpp"

namespace aio::script {

namespace {

enum class ExecMode : uint8_t { Normal, Throw };

constexpr int kMaxNesting = 300;  // nested run() calls (C stack guard)

}  // namespace

void gen_finish(VM& vm, GenObject* g);  // gen.cpp
Value build_function(VM& vm, CodeObject* code, Frame* f, uint32_t flags, Value* extras);
Value import_from(VM& vm, const Value& mod, StrObject* name);
bool import_star(VM& vm, const Value& mod, DictObject* ns);
Value prep_reraise_star(VM& vm, const Value& orig, const Value& list);
bool eg_split(VM& vm, const Value& eg, const Value& matcher, Value& match, Value& rest);
Value get_aiter(VM& vm, const Value& v);
Value get_anext(VM& vm, const Value& v);
SendStatus send_to_iterator(VM& vm, const Value& recv, Value v, Value& out);

// [SECTION] Entering and leaving the loop

RunStatus VM::run(Frame* entry, Value& result) {
    if (!charge()) {
        free_frame(entry);
        return RunStatus::Raised;
    }
    entry->m_entry = true;
    entry->m_back = m_frame;
    entry->m_retmode = RetMode::Normal;
    if (m_depth >= m_limits.max_depth || m_nesting >= kMaxNesting) {
        free_frame(entry);
        raise(e_RecursionError, "maximum recursion depth exceeded");
        return RunStatus::Raised;
    }
    ++m_depth;
    m_frame = entry;
    RunStatus st = execute(entry, result, false);
    return st;
}

RunStatus VM::continue_paused(Value& result) {
    Frame* entry = m_paused_entry;
    m_paused_entry = nullptr;
    return execute(entry, result, false);
}

RunStatus VM::resume_host(Value call_result, Value& result) {
    Frame* entry = m_host_entry;
    m_host_entry = nullptr;
    if (call_result.is_null()) return execute(entry, result, true);  // raise at the call
    *m_frame->m_sp++ = std::move(call_result);
    return execute(entry, result, false);
}

// Frees the frames from m_frame down to `entry`; generators they belong to
// end there, without running their finally blocks.
void VM::drop_chain(Frame*& entry) {
    if (!entry) return;
    Frame* f = m_frame;
    while (f) {
        Frame* back = f->m_back;
        bool last = f == entry;
        if (GenObject* g = f->m_gen) {
            g->m_frame = nullptr;
            g->m_state = GenState::Closed;
            g->m_exc_state.prev = nullptr;
            g->m_exc_state.handled = Value();
        }
        free_frame(f);
        --m_depth;
        if (last) {
            m_frame = back;
            break;
        }
        f = back;
    }
    entry = nullptr;
    m_exc_state = &m_base_exc_state;
}

void VM::abandon_paused() { drop_chain(m_paused_entry); }

void VM::abandon_host() {
    drop_chain(m_paused_entry);  // anything paused runs on top of the waiting top-level frames
    drop_chain(m_host_entry);
    m_host = HostRequest{};
}

void VM::request_block(double seconds) {
    using namespace std::chrono;
    m_block_until = duration<double>(steady_clock::now().time_since_epoch()).count() + seconds;
    m_pause_now = true;
}

bool VM::halt() {
    m_halted = true;
    m_budget = 0;  // every loop head checks again
    raise(e_KeyboardInterrupt, "the run's instruction limit was reached");
    return false;
}

void VM::start_slice() {
    if (m_limits.max_steps && m_quantum > m_budget) m_steps += static_cast<uint64_t>(m_quantum - m_budget);
    m_budget = m_quantum = m_limits.slice_instructions ? static_cast<int64_t>(m_limits.slice_instructions)
                           : m_limits.max_steps        ? 100000
                                                       : INT64_MAX;
}

bool VM::renew_budget() {
    start_slice();
    if (m_limits.max_steps && (m_halted || m_steps > m_limits.max_steps)) {
        m_quantum = 0;
        return halt();
    }
    return true;
}

// The attribute cache of the instruction before `ip` (made on first use).
static inline AttrCache& attr_cache(CodeObject* code, const uint32_t* ip) {
    if (code->m_acache.empty()) code->m_acache.resize(code->m_code.size());
    return code->m_acache[static_cast<size_t>(ip - 1 - code->m_code.data())];
}

// Whether a plain instance of class t takes the cached fast path at this site.
static inline bool instance_site_ok(VM& vm, AttrCache& c, TypeObject* t, StrObject* name) {
    return (c.type == t && c.epoch == type_epoch()) ? c.ok : vm.fill_attr_cache(c, t, name);
}

// A module attribute through the site's cache (its slot in the module's
// dict), or null for the generic path.
static inline Value* module_attr(VM& vm, AttrCache& c, ModuleObject* mod, StrObject* name) {
    if (!mod->m_dict) return nullptr;
    bool ok =
        (c.type == mod->m_type && c.epoch == type_epoch()) ? c.ok : vm.fill_module_attr_cache(c, mod->m_type, name);
    return ok ? dict_get_str_slot(mod->m_dict, name, c.inst) : nullptr;
}

// `list[int]` of a plain list, in range: the item's slot, else null (the
// generic path raises or calls __getitem__/__setitem__).
static inline Value* list_item_fast(const Value& c, const Value& k) {
    if (!is_kind(c, ObjKind::List) || !k.is_int() || (c.as_obj()->m_type->m_tflags & TF_HEAPTYPE)) return nullptr;
    auto* l = c.as<ListObject>();
    int64_t i = k.as_int();
    if (i < 0) i += l->m_size;
    return i >= 0 && i < l->m_size ? &l->m_items[i] : nullptr;
}

// The int and float fast paths of +, - and *: true when a holds the result.
template <class IntOp, class FloatOp>
static inline bool arith_fast(Value& a, const Value& b, IntOp int_op, FloatOp float_op) {
    if (a.is_int() && b.is_int()) {
        int64_t r;
        if (int_op(a.as_int(), b.as_int(), &r)) return false;  // overflow: OverflowError from binary_op
        a.raw_set_int(r);
        return true;
    }
    if (a.is_float() && b.is_float()) {
        a.raw_set_float(float_op(a.as_float(), b.as_float()));
        return true;
    }
    return false;
}

// Whether the instructions at ip are the await sequence GET_AWAITABLE 0,
// LOAD_NONE, SEND that follows a call in `await f(...)`.
static inline bool await_follows(const uint32_t* ip) {
    return ip[0] == static_cast<uint32_t>(Op::GET_AWAITABLE) &&
           (ip[1] & 0xff) == static_cast<uint32_t>(Op::LOAD_NONE) && (ip[2] & 0xff) == static_cast<uint32_t>(Op::SEND);
}

// [SECTION] The dispatch loop

RunStatus VM::execute(Frame* entry, Value& result, bool throwing) {
    ++m_nesting;
    if (m_nesting == 1) {
        start_slice();
        if (m_halted) m_budget = 0;
    }
    const Interned& nm = names();
    Frame* f = m_frame;
    CodeObject* code = f->m_code;
    const uint32_t* code_start = code->m_code.data();
    const uint32_t* ip = f->m_ip;
    Value* sp = f->m_sp;
    Value* slots = f->slots();
    Value* consts = code->m_consts.data();
    Value* cnames = code->m_names.data();
    bool reraise = false;
    uint32_t w, arg;
    BinOp bop;  // BINARY_*: the operator for the shared slow path

    auto save = [&]() {
        f->m_ip = ip;
        f->m_sp = sp;
    };
    // Leaves the loop paused here (continue_paused() goes on).
    auto pause = [&]() {
        save();
        m_paused_entry = entry;
        --m_nesting;
        return RunStatus::Paused;
    };
    auto load = [&]() {
        code = f->m_code;
        code_start = code->m_code.data();
        ip = f->m_ip;
        sp = f->m_sp;
        slots = f->slots();
        consts = code->m_consts.data();
        cnames = code->m_names.data();
    };
    // Enters callee frame nf (already bound); the caller's ip/sp are saved.
    auto push_frame = [&](Frame* nf, RetMode mode) -> bool {
        save();
        nf->m_back = f;
        nf->m_entry = false;
        nf->m_retmode = mode;
        f = nf;
        m_frame = f;
        ++m_depth;
        load();
        return true;
    };

    if (throwing) goto error;

    for (;;) {
        w = *ip++;
        arg = w >> 8;
        switch (static_cast<Op>(w & 0xff)) {
        // [SECTION] Stack
        case Op::NOP:
            break;
        case Op::POP_TOP:
            (--sp)->clear();
            break;
        case Op::COPY: {
            Value v = sp[-static_cast<int>(arg)];
            *sp++ = std::move(v);
            break;
        }
        case Op::SWAP:
            std::swap(sp[-1], sp[-static_cast<int>(arg)]);
            break;
        case Op::PUSH_NULL:
            *sp++ = Value();
            break;

        // [SECTION] Constants and variables
        case Op::LOAD_CONST:
            *sp++ = consts[arg];
            break;
        case Op::LOAD_SMALL_INT:
            (sp++)->raw_set_int(static_cast<int64_t>(arg) - kSmallIntBias);
            break;
        case Op::LOAD_NONE:
            *sp++ = Value::none();
            break;
        case Op::LOAD_FAST: {
            const Value& v = slots[arg];
            if (v.is_null()) {
                raisef(e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                       as_str(code->m_varnames[arg])->data());
                goto error;
            }
            *sp++ = v;
            break;
        }
        case Op::STORE_FAST:
            slots[arg] = std::move(*--sp);
            break;
        case Op::DELETE_FAST:
            if (slots[arg].is_null()) {
                raisef(e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                       as_str(code->m_varnames[arg])->data());
                goto error;
            }
            slots[arg] = Value();
            break;
        case Op::LOAD_DEREF: {
            const Value& v = slots[arg].as<CellObject>()->m_value;
            if (v.is_null()) {
                int nl = code->nlocals();
                if (static_cast<int>(arg) < nl + code->ncells())
                    raisef(e_UnboundLocalError,
                           "cannot access local variable '%s' where it is not associated with a value",
                           as_str(code->m_cellnames[arg - nl])->data());
                else
                    raisef(
                        e_NameError,
                        "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                        as_str(code->m_freenames[arg - nl - code->ncells()])->data());
                goto error;
            }
            *sp++ = v;
            break;
        }
        case Op::STORE_DEREF:
            slots[arg].as<CellObject>()->m_value = std::move(*--sp);
            break;
        case Op::DELETE_DEREF:
            slots[arg].as<CellObject>()->m_value = Value();
            break;
        case Op::LOAD_CLOSURE:
            *sp++ = slots[arg];
            break;
        case Op::LOAD_CLASSDEREF: {
            int nl = code->nlocals();
            StrObject* name = as_str(code->m_freenames[arg - nl - code->ncells()]);
            if (f->m_ns) {
                Value* v = dict_get_str(f->m_ns, name);
                if (v) {
                    *sp++ = *v;
                    break;
                }
            }
            const Value& v = slots[arg].as<CellObject>()->m_value;
            if (v.is_null()) {
                raisef(e_NameError,
                       "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                       name->data());
                goto error;
            }
            *sp++ = v;
            break;
        }
        case Op::LOAD_GLOBAL: {
            DictObject* g = f->m_globals;
            if (code->m_gcache.empty()) code->m_gcache.resize(code->m_names.size());
            CodeObject::GlobalCache& c = code->m_gcache[arg];
            if (c.globals == g && c.gver == g->m_version && (!c.builtin || c.bver == m_builtins->m_version)) {
                *sp++ = (c.builtin ? m_builtins : g)->m_entries[c.index].value;
                break;
            }
            StrObject* name = as_str(cnames[arg]);
            bool builtin = false;
            Value* v = dict_get_str(g, name);
            if (!v) {
                v = dict_get_str(m_builtins, name);
                builtin = true;
            }
            if (!v) {
                raisef(e_NameError, "name '%s' is not defined", name->data());
                goto error;
            }
            DictObject* owner = builtin ? m_builtins : g;
            c.globals = g;
            c.gver = g->m_version;
            c.bver = m_builtins->m_version;
            c.builtin = builtin;
            c.index = dict_entry_index(owner, v);
            *sp++ = *v;
            break;
        }
        case Op::STORE_GLOBAL: {
            Value v = std::move(*--sp);
            aio::script::dict_set_str(*this, f->m_globals, as_str(cnames[arg]), v);
            break;
        }
        case Op::DELETE_GLOBAL:
            if (!dict_del_str(f->m_globals, as_str(cnames[arg]))) {
                raisef(e_NameError, "name '%s' is not defined", as_str(cnames[arg])->data());
                goto error;
            }
            break;
        case Op::LOAD_NAME: {
            StrObject* name = as_str(cnames[arg]);
            Value* v = f->m_ns ? dict_get_str(f->m_ns, name) : nullptr;
            if (!v) v = dict_get_str(f->m_globals, name);
            if (!v) v = dict_get_str(m_builtins, name);
            if (!v) {
                raisef(e_NameError, "name '%s' is not defined", name->data());
                goto error;
            }
            *sp++ = *v;
            break;
        }
        case Op::STORE_NAME: {
            Value v = std::move(*--sp);
            aio::script::dict_set_str(*this, f->m_ns ? f->m_ns : f->m_globals, as_str(cnames[arg]), v);
            break;
        }
        case Op::DELETE_NAME:
            if (!dict_del_str(f->m_ns ? f->m_ns : f->m_globals, as_str(cnames[arg]))) {
                raisef(e_NameError, "name '%s' is not defined", as_str(cnames[arg])->data());
                goto error;
            }
            break;
        case Op::LOAD_ATTR: {
            if (is_kind(sp[-1], ObjKind::Instance)) {
                auto* inst = sp[-1].as<InstanceObject>();
                AttrCache& c = attr_cache(code, ip);
                if (instance_site_ok(*this, c, inst->m_type, as_str(cnames[arg]))) {
                    if (inst->m_dict) {
                        if (Value* v = dict_get_str_slot(inst->m_dict, as_str(cnames[arg]), c.inst)) {
                            sp[-1] = *v;
                            break;
                        }
                    }
                }
            } else if (is_kind(sp[-1], ObjKind::Module)) {
                if (Value* v =
                        module_attr(*this, attr_cache(code, ip), sp[-1].as<ModuleObject>(), as_str(cnames[arg]))) {
                    sp[-1] = *v;
                    break;
                }
            }
            save();
            Value r = getattr(sp[-1], as_str(cnames[arg]));
            if (r.is_null()) goto error;
            sp[-1] = std::move(r);
            break;
        }
        case Op::STORE_ATTR: {
            if (is_kind(sp[-1], ObjKind::Instance)) {
                auto* inst = sp[-1].as<InstanceObject>();
                AttrCache& c = attr_cache(code, ip);
                if (instance_site_ok(*this, c, inst->m_type, as_str(cnames[arg]))) {
                    save();
                    if (!inst->m_dict) inst->m_dict = new_dict();
                    DictObject* d = inst->m_dict;
                    if (Value* v = c.inst.get(d)) {
                        *v = sp[-2];
                    } else {
                        uint64_t before = d->m_version;
                        aio::script::dict_set_str(*this, d, as_str(cnames[arg]), sp[-2]);
                        // Overwrote an existing key: remember where, for the next store here.
                        if (d->m_version == before) dict_get_str_slot(d, as_str(cnames[arg]), c.inst);
                    }
                    sp[-1] = Value();
                    sp[-2] = Value();
                    sp -= 2;
                    break;
                }
            }
            save();
            bool ok = setattr(sp[-1], as_str(cnames[arg]), sp[-2]);
            sp[-1] = Value();
            sp[-2] = Value();
            sp -= 2;
            if (!ok) goto error;
            break;
        }
        case Op::DELETE_ATTR: {
            save();
            bool ok = delattr(sp[-1], as_str(cnames[arg]));
            (--sp)->clear();
            if (!ok) goto error;
            break;
        }
        case Op::LOAD_METHOD: {
            if (is_kind(sp[-1], ObjKind::Instance)) {
                auto* inst = sp[-1].as<InstanceObject>();
                AttrCache& c = attr_cache(code, ip);
                if (instance_site_ok(*this, c, inst->m_type, as_str(cnames[arg]))) {
                    // An instance attribute shadows the class's method: look in the
                    // instance dict unless it was seen lacking the name at this version.
                    Value* v = nullptr;
                    if (DictObject* d = inst->m_dict; d && d->m_version != c.absent_version) {
                        v = dict_get_str(d, as_str(cnames[arg]));
                        if (!v) c.absent_version = d->m_version;
                    }
                    if (v) {
                        sp[-1] = *v;
                        *sp++ = Value();
                        break;
                    }
                    if (c.method) {
                        *sp = std::move(sp[-1]);
                        sp[-1] = Value::object(c.method);
                        ++sp;
                        break;
                    }
                }
            } else if (is_kind(sp[-1], ObjKind::Module)) {
                // A module's function: pushed unbound (no self), as lookup_method does.
                if (Value* v =
                        module_attr(*this, attr_cache(code, ip), sp[-1].as<ModuleObject>(), as_str(cnames[arg]))) {
                    sp[-1] = *v;
                    *sp++ = Value();
                    break;
                }
            }
            save();
            bool bound;
            Value m = lookup_method(sp[-1], as_str(cnames[arg]), bound);
            if (m.is_null()) goto error;
            if (bound) {
                *sp = std::move(sp[-1]);
                sp[-1] = std::move(m);
            } else {
                sp[-1] = std::move(m);
                *sp = Value();
            }
            ++sp;
            break;
        }

        // [SECTION] Operators
        case Op::UNARY_NEGATIVE:
        case Op::UNARY_POSITIVE:
        case Op::UNARY_NOT:
        case Op::UNARY_INVERT: {
            Op op = static_cast<Op>(w & 0xff);
            if (op == Op::UNARY_NOT) {
                const Value& v = sp[-1];
                int t = v.is_bool() ? v.as_bool() : truthy(v);
                if (t < 0) goto error;
                sp[-1] = Value::boolean(!t);
                break;
            }
            save();
            int u = op == Op::UNARY_NEGATIVE ? 1 : op == Op::UNARY_POSITIVE ? 2 : 3;
            Value r = unary_op(u, sp[-1]);
            if (r.is_null()) goto error;
            sp[-1] = std::move(r);
            break;
        }
        // +, - and * of two ints (without overflow) or two floats happen here;
        // everything else goes to binary_op, as BINARY_OP does.
        case Op::BINARY_ADD:
        case Op::INPLACE_ADD:
            if (arith_fast(
                    sp[-2], sp[-1], [](int64_t x, int64_t y, int64_t* r) { return __builtin_add_overflow(x, y, r); },
                    [](double x, double y) { return x + y; })) {
                (--sp)->raw_clear();
                break;
            }
            bop = BinOp::Add;
            goto binary_slow;
        case Op::BINARY_SUB:
        case Op::INPLACE_SUB:
            if (arith_fast(
                    sp[-2], sp[-1], [](int64_t x, int64_t y, int64_t* r) { return __builtin_sub_overflow(x, y, r); },
                    [](double x, double y) { return x - y; })) {
                (--sp)->raw_clear();
                break;
            }
            bop = BinOp::Sub;
            goto binary_slow;
        case Op::BINARY_MUL:
            if (arith_fast(
                    sp[-2], sp[-1], [](int64_t x, int64_t y, int64_t* r) { return __builtin_mul_overflow(x, y, r); },
                    [](double x, double y) { return x * y; })) {
                (--sp)->raw_clear();
                break;
            }
            bop = BinOp::Mul;
            goto binary_slow;
        case Op::BINARY_OP:
            bop = static_cast<BinOp>(arg & 0xff);
        binary_slow : {
            Op op = static_cast<Op>(w & 0xff);
            bool inplace =
                op == Op::BINARY_OP ? (arg & kInplaceBit) != 0 : op == Op::INPLACE_ADD || op == Op::INPLACE_SUB;
            save();
            Value r = binary_op(bop, sp[-2], sp[-1], inplace);
            if (r.is_null()) goto error;
            (--sp)->clear();
            sp[-1] = std::move(r);
            break;
        }
        case Op::COMPARE_LT:
        case Op::COMPARE_LE:
        case Op::COMPARE_EQ:
        case Op::COMPARE_NE:
        case Op::COMPARE_GT:
        case Op::COMPARE_GE: {
            Op op = static_cast<Op>(w & 0xff);
            const Value& a = sp[-2];
            const Value& b = sp[-1];
            bool res;
            if (a.is_int() && b.is_int()) {
                int64_t x = a.as_int(), y = b.as_int();
                switch (op) {
                case Op::COMPARE_LT:
                    res = x < y;
                    break;
                case Op::COMPARE_LE:
                    res = x <= y;
                    break;
                case Op::COMPARE_EQ:
                    res = x == y;
                    break;
                case Op::COMPARE_NE:
                    res = x != y;
                    break;
                case Op::COMPARE_GT:
                    res = x > y;
                    break;
                default:
                    res = x >= y;
                    break;
                }
                sp -= 2;
                sp[0].raw_clear();
                sp[1].raw_clear();
            } else {
                static const int cmp_of[] = {2, 3, 0, 1, 4, 5};
                int c = cmp_of[static_cast<int>(op) - static_cast<int>(Op::COMPARE_LT)];
                save();
                Value r = compare(c, a, b);
                if (r.is_null()) goto error;
                sp[-1] = Value();
                sp[-2] = Value();
                sp -= 2;
                if (!r.is_bool()) {
                    *sp++ = std::move(r);
                    break;
                }
                res = r.as_bool();
            }
            // Fuse with a following conditional jump (the common `if a < b:`).
            uint32_t nw = *ip;
            Op nop = static_cast<Op>(nw & 0xff);
            if (nop == Op::POP_JUMP_IF_FALSE) {
                ++ip;
                if (!res) ip = code_start + (nw >> 8);
            } else if (nop == Op::POP_JUMP_IF_TRUE) {
                ++ip;
                if (res) ip = code_start + (nw >> 8);
            } else {
                *sp++ = Value::boolean(res);
            }
            break;
        }
        case Op::IS_OP: {
            bool r = sp[-2].identical(sp[-1]) != (arg != 0);
            sp[-1] = Value();
            sp[-2] = Value::boolean(r);
            --sp;
            break;
        }
        case Op::CONTAINS_OP: {
            save();
            int r = contains(sp[-1], sp[-2]);
            if (r < 0) goto error;
            sp[-1] = Value();
            sp[-2] = Value::boolean((r != 0) != (arg != 0));
            --sp;
            break;
        }

        // [SECTION] Jumps
        case Op::JUMP: {
            const uint32_t* target = code_start + arg;
            if (target < ip) {
                // Backward jump: the slice budget, memory and stop checks live here.
                m_budget -= (ip - target);
                if (m_budget <= 0 || m_bytes > m_limits.max_memory) {
                    const uint32_t* jump_ip = ip;
                    ip = target;
                    if (m_bytes > m_limits.max_memory) {
                        save();
                        raise(e_MemoryError, "");
                        ip = target + 1;  // report at the loop head
                        goto error;
                    }
                    if (!renew_budget()) {
                        // Raised at the jump itself: a try around the loop's body
                        // (the head is in it) must not catch it again and again.
                        ip = jump_ip;
                        save();
                        goto error;
                    }
                    if (m_limits.slice_instructions && m_nesting == 1 && m_pausable) return pause();
                    break;
                }
            }
            ip = target;
            break;
        }
        case Op::POP_JUMP_IF_FALSE:
        case Op::POP_JUMP_IF_TRUE: {
            const Value& v = sp[-1];
            int t;
            if (v.is_bool())
                t = v.as_bool();
            else if (v.is_int())
                t = v.as_int() != 0;
            else if (v.is_none())
                t = 0;
            else {
                save();
                t = truthy(v);
                if (t < 0) goto error;
            }
            (--sp)->clear();
            if (t == (static_cast<Op>(w & 0xff) == Op::POP_JUMP_IF_TRUE)) ip = code_start + arg;
            break;
        }
        case Op::JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP: {
            save();
            int t = truthy(sp[-1]);
            if (t < 0) goto error;
            if (t == (static_cast<Op>(w & 0xff) == Op::JUMP_IF_TRUE_OR_POP))
                ip = code_start + arg;
            else
                (--sp)->clear();
            break;
        }
        case Op::POP_JUMP_IF_NOT_NONE: {
            bool none = sp[-1].is_none();
            (--sp)->clear();
            if (!none) ip = code_start + arg;
            break;
        }

        // [SECTION] Iteration
        case Op::GET_ITER: {
            if (is_kind(sp[-1], ObjKind::Iter)) break;
            save();
            Value it = get_iter(sp[-1]);
            if (it.is_null()) goto error;
            sp[-1] = std::move(it);
            break;
        }
        case Op::FOR_ITER: {
            Value& itv = sp[-1];
            if (is_kind(itv, ObjKind::Iter)) {
                auto* it = itv.as<IterObject>();
                if (it->m_ik == IterKind::Range) {
                    if (it->m_n > 0) {
                        --it->m_n;
                        (sp++)->raw_set_int(it->m_i);
                        it->m_i += it->m_step;
                        break;
                    }
                } else if (it->m_ik == IterKind::List) {
                    auto* l = it->m_a.as<ListObject>();
                    if (it->m_i < l->m_size) {
                        *sp++ = l->m_items[it->m_i++];
                        break;
                    }
                    it->m_i = INT64_MAX;
                } else {
                    save();
                    Value v = iter_next_builtin(*this, it);
                    if (!v.is_null()) {
                        *sp++ = std::move(v);
                        break;
                    }
                    if (has_exc()) goto error;
                }
                (--sp)->clear();
                ip = code_start + arg;
                break;
            }
            if (is_kind(itv, ObjKind::Generator)) {
                auto* g = itv.as<GenObject>();
                if (g->m_genkind == GenKind::Generator && g->m_state != GenState::Running && g->m_frame &&
                    m_depth < m_limits.max_depth) {
                    Frame* gf = g->m_frame;
                    if (g->m_state == GenState::Suspended) *gf->m_sp++ = Value::none();
                    g->m_state = GenState::Running;
                    g->m_exc_state.prev = m_exc_state;
                    m_exc_state = &g->m_exc_state;
                    push_frame(gf, RetMode::GenFor);
                    break;
                }
            }
            save();
            Value v = iter_next(itv);
            if (!v.is_null()) {
                *sp++ = std::move(v);
                break;
            }
            if (has_exc()) goto error;
            (--sp)->clear();
            ip = code_start + arg;
            break;
        }
        case Op::UNPACK_SEQUENCE: {
            Value seq = std::move(*--sp);
            const Value* items = nullptr;
            size_t n = 0;
            std::vector<Value> tmp;
            if (is_kind(seq, ObjKind::Tuple)) {
                items = seq.as<TupleObject>()->items();
                n = seq.as<TupleObject>()->m_size;
            } else if (is_kind(seq, ObjKind::List)) {
                items = seq.as<ListObject>()->m_items;
                n = seq.as<ListObject>()->m_size;
            } else {
                save();
                Value it = get_iter(seq);
                if (it.is_null()) {
                    if (exc_matches(e_TypeError)) {
                        clear_exc();
                        raisef(e_TypeError, "cannot unpack non-iterable %s object", type_name(seq).c_str());
                    }
                    goto error;
                }
                for (;;) {
                    Value x = iter_next(it);
                    if (x.is_null()) break;
                    tmp.push_back(std::move(x));
                    if (tmp.size() > arg) break;
                }
                if (has_exc()) goto error;
                items = tmp.data();
                n = tmp.size();
            }
            if (n != arg) {
                if (n < arg)
                    raisef(e_ValueError, "not enough values to unpack (expected %u, got %zu)", arg, n);
                else
                    raisef(e_ValueError, "too many values to unpack (expected %u)", arg);
                goto error;
            }
            for (size_t i = n; i-- > 0;) *sp++ = items[i];
            break;
        }
        case Op::UNPACK_EX: {
            uint32_t before = arg & 0xff, after = arg >> 8;
            Value seq = std::move(*--sp);
            std::vector<Value> items;
            save();
            if (!to_list(seq, items)) {
                if (exc_matches(e_TypeError)) {
                    clear_exc();
                    raisef(e_TypeError, "cannot unpack non-iterable %s object", type_name(seq).c_str());
                }
                goto error;
            }
            if (items.size() < before + after) {
                raisef(e_ValueError, "not enough values to unpack (expected at least %u, got %zu)", before + after,
                       items.size());
                goto error;
            }
            for (size_t i = 0; i < after; ++i) *sp++ = items[items.size() - 1 - i];
            ListObject* mid = new_list(items.size() - before - after);
            for (size_t i = before; i < items.size() - after; ++i) list_append(*this, mid, items[i]);
            *sp++ = Value::steal(mid);
            for (size_t i = before; i-- > 0;) *sp++ = items[i];
            break;
        }

        // [SECTION] Building
        case Op::BUILD_TUPLE: {
            TupleObject* t = new_tuple(arg);
            Value* base = sp - arg;
            for (uint32_t i = 0; i < arg; ++i) t->items()[i] = std::move(base[i]);
            sp = base;
            *sp++ = Value::steal(t);
            break;
        }
        case Op::BUILD_LIST: {
            ListObject* l = new_list(arg);
            Value* base = sp - arg;
            for (uint32_t i = 0; i < arg; ++i) l->m_items[i] = std::move(base[i]);
            l->m_size = arg;
            sp = base;
            *sp++ = Value::steal(l);
            break;
        }
        case Op::BUILD_SET: {
            save();
            SetObject* s = new_set();
            Value sv = Value::steal(s);
            Value* base = sp - arg;
            bool ok = true;
            for (uint32_t i = 0; i < arg && ok; ++i) ok = set_add(*this, s, base[i]);
            for (uint32_t i = 0; i < arg; ++i) base[i] = Value();
            sp = base;
            if (!ok) goto error;
            *sp++ = std::move(sv);
            break;
        }
        case Op::BUILD_MAP: {
            save();
            DictObject* d = new_dict();
            Value dv = Value::steal(d);
            Value* base = sp - 2 * arg;
            bool ok = true;
            for (uint32_t i = 0; i < arg && ok; ++i) ok = dict_set(*this, d, base[2 * i], base[2 * i + 1]);
            for (uint32_t i = 0; i < 2 * arg; ++i) base[i] = Value();
            sp = base;
            if (!ok) goto error;
            *sp++ = std::move(dv);
            break;
        }
        case Op::BUILD_STRING: {
            std::string s;
            Value* base = sp - arg;
            for (uint32_t i = 0; i < arg; ++i) {
                s += as_str(base[i])->view();
                base[i] = Value();
            }
            sp = base;
            *sp++ = str(s);
            break;
        }
        case Op::BUILD_SLICE: {
            auto* s = alloc<SliceObject>(t_slice, ObjKind::Slice);
            Value* base = sp - arg;
            s->m_start = std::move(base[0]);
            s->m_stop = std::move(base[1]);
            s->m_step = arg == 3 ? std::move(base[2]) : Value::none();
            sp = base;
            *sp++ = Value::steal(s);
            break;
        }
        case Op::LIST_APPEND: {
            Value v = std::move(*--sp);
            if (!list_append_checked(*this, sp[-static_cast<int>(arg)].as<ListObject>(), std::move(v))) {
                save();
                goto error;
            }
            break;
        }
        case Op::SET_ADD: {
            Value v = std::move(*--sp);
            save();
            if (!set_add(*this, sp[-static_cast<int>(arg)].as<SetObject>(), v)) goto error;
            break;
        }
        case Op::MAP_ADD: {
            Value v = std::move(*--sp);
            Value k = std::move(*--sp);
            save();
            if (!dict_set(*this, sp[-static_cast<int>(arg)].as<DictObject>(), k, v)) goto error;
            break;
        }
        case Op::LIST_EXTEND: {
            Value it = std::move(*--sp);
            save();
            if (!list_extend(*this, sp[-static_cast<int>(arg)].as<ListObject>(), it)) goto error;
            break;
        }
        case Op::SET_UPDATE: {
            Value it = std::move(*--sp);
            save();
            if (!set_update(*this, sp[-static_cast<int>(arg)].as<SetObject>(), it)) goto error;
            break;
        }
        case Op::DICT_UPDATE: {
            Value m = std::move(*--sp);
            save();
            if (!is_kind(m, ObjKind::Dict) && getattr_opt(m, intern("keys")).is_null()) {
                raisef(e_TypeError, "'%s' object is not a mapping", type_name(m).c_str());
                goto error;
            }
            if (!dict_update(*this, sp[-static_cast<int>(arg)].as<DictObject>(), m)) goto error;
            break;
        }
        case Op::DICT_MERGE: {
            Value m = std::move(*--sp);
            save();
            auto* d = sp[-static_cast<int>(arg)].as<DictObject>();
            if (!is_kind(m, ObjKind::Dict) && getattr_opt(m, intern("keys")).is_null()) {
                raisef(e_TypeError, "argument after ** must be a mapping, not %s", type_name(m).c_str());
                goto error;
            }
            DictObject* src = is_kind(m, ObjKind::Dict) ? m.as<DictObject>() : nullptr;
            Value tmp;
            if (!src) {
                tmp = Value::steal(new_dict());
                if (!dict_update(*this, tmp.as<DictObject>(), m)) goto error;
                src = tmp.as<DictObject>();
            }
            uint32_t pos = 0;
            Value *k, *v;
            bool ok = true;
            while (ok && dict_next(src, pos, k, v)) {
                if (!dict_get(*this, d, *k).is_null()) {
                    std::string ks;
                    if (is_str(*k)) ks = as_str(*k)->str();
                    raisef(e_TypeError, "got multiple values for keyword argument '%s'", ks.c_str());
                    ok = false;
                    break;
                }
                ok = dict_set(*this, d, *k, *v);
            }
            if (!ok) goto error;
            break;
        }
        case Op::LIST_TO_TUPLE: {
            auto* l = sp[-1].as<ListObject>();
            TupleObject* t = new_tuple(l->m_size);
            for (uint32_t i = 0; i < l->m_size; ++i) t->items()[i] = l->m_items[i];
            sp[-1] = Value::steal(t);
            break;
        }
        case Op::FORMAT_VALUE: {
            save();
            Value spec;
            if (arg & 4) spec = std::move(*--sp);
            Value v = std::move(sp[-1]);
            uint32_t conv = arg & 3;
            if (conv == 1)
                v = to_str(v);
            else if (conv >= 2)
                v = repr(v);
            if (v.is_null()) goto error;
            Value r;
            if (spec.is_null() && is_str(v) && v.as_obj()->m_type == t_str)
                r = v;
            else
                r = format(v, spec.is_null() ? std::string_view() : as_str(spec)->view());
            if (r.is_null()) goto error;
            sp[-1] = std::move(r);
            break;
        }

        // [SECTION] Subscripts
        case Op::BINARY_SUBSCR: {
            Value& c = sp[-2];
            const Value& k = sp[-1];
            if (Value* item = list_item_fast(c, k)) {
                Value v = *item;
                (--sp)->raw_clear();
                sp[-1] = std::move(v);
                break;
            }
            save();
            Value r = getitem(c, k);
            if (r.is_null()) goto error;
            (--sp)->clear();
            sp[-1] = std::move(r);
            break;
        }
        case Op::STORE_SUBSCR: {
            Value& c = sp[-2];
            const Value& k = sp[-1];
            if (Value* item = list_item_fast(c, k)) {
                *item = std::move(sp[-3]);
                sp[-1] = Value();
                sp[-2] = Value();
                sp[-3] = Value();
                sp -= 3;
                break;
            }
            save();
            bool ok = setitem(c, k, sp[-3]);
            sp[-1] = Value();
            sp[-2] = Value();
            sp[-3] = Value();
            sp -= 3;
            if (!ok) goto error;
            break;
        }
        case Op::DELETE_SUBSCR: {
            save();
            bool ok = delitem(sp[-2], sp[-1]);
            sp[-1] = Value();
            sp[-2] = Value();
            sp -= 2;
            if (!ok) goto error;
            break;
        }

        // [SECTION] Calls and functions
        case Op::CALL:
        case Op::CALL_KW:
        case Op::CALL_METHOD:
        case Op::CALL_METHOD_KW: {
            Op op = static_cast<Op>(w & 0xff);
            bool kw = op == Op::CALL_KW || op == Op::CALL_METHOD_KW;
            bool meth = op == Op::CALL_METHOD || op == Op::CALL_METHOD_KW;
            TupleObject* kwnames = nullptr;
            Value kwv;
            if (kw) {
                kwv = std::move(*--sp);
                kwnames = kwv.as<TupleObject>();
            }
            int nargs = static_cast<int>(arg);
            Value* args = sp - nargs;
            Value* selfp = nullptr;
            Value* callable;
            int nclear;  // stack entries to drop after the call
            if (meth) {
                callable = args - 2;
                if (!args[-1].is_null()) selfp = args - 1;
                nclear = nargs + 2;
            } else {
                callable = args - 1;
                nclear = nargs + 1;
            }
            Value* base = sp - nclear;
            const Value& fv = *callable;
            // Python functions (and bound methods of them) run in this loop.
            FunctionObject* fn = nullptr;
            const Value* self = selfp;
            Value bm_self;
            if (is_kind(fv, ObjKind::Function)) {
                fn = fv.as<FunctionObject>();
            } else if (is_kind(fv, ObjKind::BoundMethod) && !selfp &&
                       is_kind(fv.as<BoundMethodObject>()->m_func, ObjKind::Function)) {
                fn = fv.as<BoundMethodObject>()->m_func.as<FunctionObject>();
                bm_self = fv.as<BoundMethodObject>()->m_self;
                self = &bm_self;
            }
            if (fn) {
                save();
                if (m_depth >= m_limits.max_depth) {
                    raise(e_RecursionError, "maximum recursion depth exceeded");
                    goto error;
                }
                Frame* nf;
                CodeObject* co = fn->m_code;
                if (!kwnames && co->simple_args() && nargs + (self ? 1 : 0) == co->m_argcount) {
                    // The common call: the arguments move from the stack into the slots.
                    nf = alloc_frame(co, fn);
                    Value* ns = nf->slots();
                    if (self) *ns++ = *self;
                    for (int i = 0; i < nargs; ++i) ns[i] = std::move(args[i]);
                } else {
                    nf = make_frame(fn, args, nargs, kwnames, self);
                }
                for (Value* p = base; p < sp; ++p) p->clear();
                sp = base;
                if (!nf) goto error;
                if (uint32_t flags = fn->m_code->m_flags; flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
                    f->m_sp = sp;
                    Value g = gen_new(*this, nf, fn);
                    auto* gen = g.as<GenObject>();
                    *sp++ = std::move(g);
                    // `await coro(...)`: start the coroutine now, as the following
                    // GET_AWAITABLE 0, LOAD_NONE, SEND would (the SEND's path below),
                    // and go on after the SEND when it returns or yields.
                    if (flags == (flags & ~(CO_GENERATOR | CO_ASYNC_GENERATOR)) && m_depth < m_limits.max_depth &&
                        await_follows(ip)) {
                        ip += 3;
                        gen->m_state = GenState::Running;
                        gen->m_awaited = true;
                        gen->m_exc_state.prev = m_exc_state;
                        m_exc_state = &gen->m_exc_state;
                        push_frame(gen->m_frame, RetMode::GenSend);
                    }
                    break;
                }
                push_frame(nf, RetMode::Normal);
                // Calls count too, so recursion without loops still pauses (at
                // the callee's first instruction) and meets the step limit.
                if (--m_budget <= 0) {
                    if (!renew_budget()) {
                        ++ip;  // reported at the callee's first line
                        goto error;
                    }
                    if (m_limits.slice_instructions && m_nesting == 1 && m_pausable) return pause();
                }
                break;
            }
            // Classes whose __init__ is a Python function: build the instance
            // and run __init__ in this loop too.
            if (is_kind(fv, ObjKind::Type)) {
                TypeObject* t = fv.as<TypeObject>();
                if ((t->m_tflags & TF_HEAPTYPE) && !(t->m_tflags & TF_ENUM) && !selfp && t->m_type == t_type &&
                    (t->m_layout == ObjKind::Instance || t->m_layout == ObjKind::Exception)) {
                    Value init = type_lookup(t, nm.d_init);
                    Value newf = type_lookup(t, nm.d_new);
                    if (is_kind(init, ObjKind::Function) && is_kind(newf, ObjKind::Native) &&
                        m_depth < m_limits.max_depth) {
                        save();
                        Value inst = new_instance(*this, t);
                        if (t->m_tflags & TF_EXCEPTION) {
                            std::vector<Value> pos(args, args + nargs - (kwnames ? kwnames->m_size : 0));
                            as_exc(inst)->m_args = tuple_from_vector(*this, pos);
                        }
                        Frame* nf = make_frame(init.as<FunctionObject>(), args, nargs, kwnames, &inst);
                        for (Value* p = base; p < sp; ++p) p->clear();
                        sp = base;
                        if (!nf) goto error;
                        if (init.as<FunctionObject>()->m_code->m_flags &
                            (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
                            free_frame(nf);
                            raise(e_TypeError, "__init__() should return None, not 'generator'");
                            goto error;
                        }
                        nf->m_init_self = std::move(inst);
                        push_frame(nf, RetMode::Init);
                        break;
                    }
                }
            }
            save();
            // `await native(...)` (the call is followed by the await sequence
            // GET_AWAITABLE 0, LOAD_NONE, SEND): a native that can finish at once
            // gives the await's value here, and execution continues after the SEND.
            if (is_kind(fv, ObjKind::Native) && !kwnames) {
                auto* n = fv.as<NativeObject>();
                if (n->m_await_now && n->m_self.is_null() && await_follows(ip)) {
                    Value out;
                    int done =
                        selfp ? n->m_await_now(*this, selfp, nargs + 1, out) : n->m_await_now(*this, args, nargs, out);
                    if (done < 0) goto error;
                    if (done) {
                        for (Value* p = base; p < sp; ++p) p->clear();
                        sp = base;
                        *sp++ = std::move(out);
                        ip = code_start + (ip[2] >> 8);
                        break;
                    }
                }
            }
            Value r;
            if (selfp) {
                r = call(fv, selfp, nargs + 1, kwnames);
            } else {
                r = call(fv, args, nargs, kwnames);
            }
            for (Value* p = base; p < sp; ++p) p->clear();
            sp = base;
            if (m_pause_now && !r.is_null()) {
                // A blocking call (time.sleep under a host): pause after it.
                m_pause_now = false;
                *sp++ = std::move(r);
                return pause();
            }
            if (m_host.pending) {
                // The native handed the event loop to the host: suspend here; the
                // host pushes the call's result when it resumes us.
                m_host.pending = false;
                save();
                m_host_entry = entry;
                --m_nesting;
                return RunStatus::HostWait;
            }
            if (r.is_null()) {
                if (!has_exc()) raise(e_RuntimeError, "error return without exception set");
                goto error;
            }
            *sp++ = std::move(r);
            break;
        }
        case Op::CALL_EX: {
            save();
            Value kwargs;
            if (arg & 1) kwargs = std::move(*--sp);
            Value pargs = std::move(*--sp);
            Value fv = std::move(*--sp);
            std::vector<Value> all;
            if (is_kind(pargs, ObjKind::Tuple)) {
                auto* t = pargs.as<TupleObject>();
                all.assign(t->items(), t->items() + t->m_size);
            } else if (!to_list(pargs, all)) {
                goto error;
            }
            Value kwn;
            if (!kwargs.is_null()) {
                auto* d = kwargs.as<DictObject>();
                std::vector<Value> names;
                uint32_t pos = 0;
                Value *k, *v;
                while (dict_next(d, pos, k, v)) {
                    if (!is_str(*k)) {
                        raise(e_TypeError, "keywords must be strings");
                        goto error;
                    }
                    names.push_back(*k);
                    all.push_back(*v);
                }
                if (!names.empty()) kwn = tuple_from_vector(*this, names);
            }
            Value r =
                call(fv, all.data(), static_cast<int>(all.size()), kwn.is_null() ? nullptr : kwn.as<TupleObject>());
            if (m_host.pending) {  // as in CALL: the host runs the loop now
                m_host.pending = false;
                save();
                m_host_entry = entry;
                --m_nesting;
                return RunStatus::HostWait;
            }
            if (r.is_null()) goto error;
            *sp++ = std::move(r);
            break;
        }
        case Op::MAKE_FUNCTION: {
            save();
            Value codev = std::move(*--sp);
            Value extras[3];  // defaults, kwdefaults, closure
            if (arg & 8) extras[2] = std::move(*--sp);
            if (arg & 2) extras[1] = std::move(*--sp);
            if (arg & 1) extras[0] = std::move(*--sp);
            *sp++ = build_function(*this, codev.as<CodeObject>(), f, arg, extras);
            break;
        }
        case Op::RETURN_VALUE: {
            Value rv = std::move(*--sp);
            if (f->m_gen) gen_finish(*this, f->m_gen);
            RetMode mode = f->m_retmode;
            bool is_entry = f->m_entry;
            Frame* back = f->m_back;
            Value init_self = std::move(f->m_init_self);
            GenObject* g = f->m_gen;
            if (g) {
                g->m_frame = nullptr;
            }
            free_frame(f, sp);  // nothing lives above sp
            --m_depth;
            m_frame = back;
            if (is_entry) {
                result = std::move(rv);
                --m_nesting;
                return RunStatus::Returned;
            }
            f = back;
            load();
            switch (mode) {
            case RetMode::Normal:
                *sp++ = std::move(rv);
                break;
            case RetMode::Init:
                if (!rv.is_none()) {
                    raisef(e_TypeError, "__init__() should return None, not '%s'", type_name(rv).c_str());
                    goto error;
                }
                *sp++ = std::move(init_self);
                break;
            case RetMode::GenFor:
                (--sp)->clear();  // the exhausted generator
                ip = code_start + (ip[-1] >> 8);
                break;
            case RetMode::GenSend:
                sp[-1] = std::move(rv);  // replaces the receiver
                ip = code_start + (ip[-1] >> 8);
                break;
            }
            break;
        }
        case Op::LOAD_BUILD_CLASS: {
            Value* bc = dict_get_str(m_builtins, intern("__build_class__"));
            if (!bc) {
                raise(e_NameError, "__build_class__ not found");
                goto error;
            }
            *sp++ = *bc;
            break;
        }
        case Op::SETUP_ANNOTATIONS: {
            DictObject* ns = f->m_ns ? f->m_ns : f->m_globals;
            if (!dict_get_str(ns, nm.d_annotations))
                aio::script::dict_set_str(*this, ns, nm.d_annotations, Value::steal(new_dict()));
            break;
        }

        // [SECTION] Generators and coroutines
        case Op::YIELD_VALUE: {
            Value v = std::move(*--sp);
            GenObject* g = f->m_gen;
            g->m_state = GenState::Suspended;
            g->m_ag_running = false;
            g->m_yield_wrapped = arg == 2;
            m_exc_state = g->m_exc_state.prev;
            g->m_exc_state.prev = nullptr;
            save();
            bool is_entry = f->m_entry;
            Frame* back = f->m_back;
            f->m_back = nullptr;
            --m_depth;
            m_frame = back;
            if (is_entry) {
                result = std::move(v);
                --m_nesting;
                return RunStatus::Yielded;
            }
            f = back;
            load();
            *sp++ = std::move(v);
            break;
        }
        case Op::GET_YIELD_FROM_ITER: {
            Value& v = sp[-1];
            if (is_kind(v, ObjKind::Generator)) {
                auto* g = v.as<GenObject>();
                if (g->m_genkind == GenKind::Coroutine && !(code->m_flags & CO_COROUTINE)) {
                    raise(e_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                    goto error;
                }
                break;
            }
            save();
            Value it = get_iter(v);
            if (it.is_null()) goto error;
            sp[-1] = std::move(it);
            break;
        }
        case Op::GET_AWAITABLE: {
            save();
            Value a = get_awaitable(*this, sp[-1], static_cast<int>(arg));
            if (a.is_null()) goto error;
            sp[-1] = std::move(a);
            break;
        }
        case Op::SEND: {
            Value v = std::move(*--sp);
            Value& recv = sp[-1];
            if (is_kind(recv, ObjKind::Generator)) {
                auto* g = recv.as<GenObject>();
                if (g->m_state != GenState::Running && g->m_frame && g->m_genkind != GenKind::AsyncGenerator &&
                    m_depth < m_limits.max_depth) {
                    if (g->m_state == GenState::Created && !v.is_none()) {
                        raisef(e_TypeError, "can't send non-None value to a just-started %s",
                               g->m_genkind == GenKind::Coroutine ? "coroutine" : "generator");
                        goto error;
                    }
                    Frame* gf = g->m_frame;
                    if (g->m_state == GenState::Suspended) *gf->m_sp++ = std::move(v);
                    g->m_state = GenState::Running;
                    g->m_awaited = true;
                    g->m_exc_state.prev = m_exc_state;
                    m_exc_state = &g->m_exc_state;
                    push_frame(gf, RetMode::GenSend);
                    break;
                }
            }
            save();
            Value out;
            SendStatus st = send(recv, std::move(v), out);
            if (st == SendStatus::Error) goto error;
            if (st == SendStatus::Yield) {
                *sp++ = std::move(out);
            } else {
                sp[-1] = std::move(out);
                ip = code_start + arg;
            }
            break;
        }
        case Op::GET_AITER: {
            save();
            Value a = get_aiter(*this, sp[-1]);
            if (a.is_null()) goto error;
            sp[-1] = std::move(a);
            break;
        }
        case Op::GET_ANEXT: {
            save();
            Value a = get_anext(*this, sp[-1]);
            if (a.is_null()) goto error;
            *sp++ = std::move(a);
            break;
        }
        case Op::END_ASYNC_FOR: {
            Value exc = std::move(*--sp);
            if (isinstance(exc, e_StopAsyncIteration)) {
                (--sp)->clear();  // the async iterator
                break;
            }
            m_exc = std::move(exc);
            reraise = true;
            goto error;
        }
        case Op::BEFORE_ASYNC_WITH:
        case Op::BEFORE_WITH: {
            save();
            bool async = static_cast<Op>(w & 0xff) == Op::BEFORE_ASYNC_WITH;
            Value mgr = sp[-1];
            TypeObject* t = type_of(mgr);
            Value enter = type_lookup(t, async ? nm.d_aenter : nm.d_enter);
            Value exit = type_lookup(t, async ? nm.d_aexit : nm.d_exit);
            if (enter.is_null() || exit.is_null()) {
                std::string missed = enter.is_null() ? ""
                                     : async         ? " (missed __aexit__ method)"
                                                     : " (missed __exit__ method)";
                raisef(e_TypeError, "'%s' object does not support the %scontext manager protocol%s",
                       type_name(mgr).c_str(), async ? "asynchronous " : "", missed.c_str());
                goto error;
            }
            Value bound_exit = bind_descriptor(*this, exit, mgr, t);
            if (bound_exit.is_null()) goto error;
            Value be = bind_descriptor(*this, enter, mgr, t);
            if (be.is_null()) goto error;
            Value r = call(be, nullptr, 0);
            if (r.is_null()) goto error;
            sp[-1] = std::move(bound_exit);
            *sp++ = std::move(r);
            break;
        }
        case Op::RETURN_GENERATOR:
            break;

        // [SECTION] Exceptions and with
        case Op::PUSH_EXC_INFO: {
            Value exc = std::move(sp[-1]);
            Value prev = m_exc_state->handled.is_null() ? Value::none() : m_exc_state->handled;
            m_exc_state->handled = exc;
            sp[-1] = std::move(prev);
            *sp++ = std::move(exc);
            break;
        }
        case Op::POP_EXCEPT: {
            Value prev = std::move(*--sp);
            m_exc_state->handled = prev.is_none() ? Value() : std::move(prev);
            break;
        }
        case Op::CHECK_EXC_MATCH: {
            Value type = std::move(*--sp);
            const Value& exc = sp[-1];
            bool match = false;
            auto check = [&](const Value& t) -> bool {
                if (!is_kind(t, ObjKind::Type) || !(t.as<TypeObject>()->m_tflags & TF_EXCEPTION)) {
                    raise(e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
                    return false;
                }
                if (isinstance(exc, t.as<TypeObject>())) match = true;
                return true;
            };
            if (is_kind(type, ObjKind::Tuple)) {
                auto* tt = type.as<TupleObject>();
                for (uint32_t i = 0; i < tt->m_size; ++i)
                    if (!check(tt->items()[i])) goto error;
            } else if (!check(type)) {
                goto error;
            }
            *sp++ = Value::boolean(match);
            break;
        }
        case Op::CHECK_EG_MATCH: {
            save();
            Value type = std::move(*--sp);
            Value eg = std::move(sp[-1]);
            auto valid = [&](const Value& t) {
                return is_kind(t, ObjKind::Type) && (t.as<TypeObject>()->m_tflags & TF_EXCEPTION);
            };
            bool ok = valid(type);
            if (is_kind(type, ObjKind::Tuple)) {
                ok = true;
                auto* tt = type.as<TupleObject>();
                for (uint32_t i = 0; i < tt->m_size; ++i)
                    if (!valid(tt->items()[i])) ok = false;
            }
            if (!ok) {
                raise(e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
                goto error;
            }
            if (is_kind(type, ObjKind::Type) && is_subtype(type.as<TypeObject>(), e_BaseExceptionGroup)) {
                raise(e_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
                goto error;
            }
            Value match, rest;
            if (eg.is_none()) {
                match = Value::none();
                rest = Value::none();
            } else if (!isinstance(eg, e_BaseExceptionGroup)) {
                // A naked exception matched by except* is wrapped in a group.
                bool m = false;
                if (is_kind(type, ObjKind::Type))
                    m = isinstance(eg, type.as<TypeObject>());
                else {
                    auto* tt = type.as<TupleObject>();
                    for (uint32_t i = 0; i < tt->m_size; ++i)
                        if (isinstance(eg, tt->items()[i].as<TypeObject>())) m = true;
                }
                if (m) {
                    Value args[2] = {str(""), tuple({eg})};
                    Value grp = call(Value::object(e_BaseExceptionGroup), args, 2);
                    if (grp.is_null()) goto error;
                    match = grp;
                    rest = Value::none();
                } else {
                    match = Value::none();
                    rest = eg;
                }
            } else if (!eg_split(*this, eg, type, match, rest)) {
                goto error;
            }
            if (!match.is_none()) m_exc_state->handled = match;
            sp[-1] = std::move(rest);
            *sp++ = std::move(match);
            break;
        }
        case Op::PREP_RERAISE_STAR: {
            save();
            Value list = std::move(*--sp);
            Value orig = std::move(sp[-1]);
            Value r = prep_reraise_star(*this, orig, list);
            if (r.is_null()) goto error;
            sp[-1] = std::move(r);
            break;
        }
        case Op::RERAISE: {
            m_exc = std::move(*--sp);
            reraise = true;
            goto error;
        }
        case Op::RAISE_VARARGS: {
            save();
            if (arg == 0) {
                Value h = handled_exception();
                if (h.is_none()) {
                    raise(e_RuntimeError, "No active exception to reraise");
                    goto error;
                }
                m_exc = h;
                reraise = true;
                goto error;
            }
            Value cause;
            if (arg == 2) cause = std::move(*--sp);
            Value exc = std::move(*--sp);
            Value excv;
            if (is_kind(exc, ObjKind::Type) && (exc.as<TypeObject>()->m_tflags & TF_EXCEPTION)) {
                excv = call(exc, nullptr, 0);
                if (excv.is_null()) goto error;
                if (!isinstance(excv, e_BaseException)) {
                    raisef(e_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                           as_str(exc.as<TypeObject>()->m_name)->data(), type_name(excv).c_str());
                    goto error;
                }
            } else if (isinstance(exc, e_BaseException)) {
                excv = exc;
            } else {
                raise(e_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            if (arg == 2) {
                Value c;
                if (is_kind(cause, ObjKind::Type) && (cause.as<TypeObject>()->m_tflags & TF_EXCEPTION)) {
                    c = call(cause, nullptr, 0);
                    if (c.is_null()) goto error;
                } else if (cause.is_none() || isinstance(cause, e_BaseException)) {
                    c = cause;
                } else {
                    raise(e_TypeError, "exception causes must derive from BaseException");
                    goto error;
                }
                as_exc(excv)->m_cause = c;
                as_exc(excv)->m_suppress_context = true;
            }
            attach_context(excv);
            m_exc = std::move(excv);
            goto error;
        }
        case Op::LOAD_ASSERTION_ERROR:
            *sp++ = Value::object(e_AssertionError);
            break;
        case Op::WITH_EXCEPT_START: {
            save();
            const Value& exit = sp[-3];
            const Value& exc = sp[-1];
            Value args[3] = {Value::object(type_of(exc)), exc, Value::none()};
            Value r = call(exit, args, 3);
            if (r.is_null()) goto error;
            *sp++ = std::move(r);
            break;
        }

        // [SECTION] Pattern matching
        case Op::GET_LEN: {
            save();
            Value n = len(sp[-1]);
            if (n.is_null()) goto error;
            *sp++ = std::move(n);
            break;
        }
        case Op::MATCH_SEQUENCE:
        case Op::MATCH_MAPPING: {
            bool r = static_cast<Op>(w & 0xff) == Op::MATCH_SEQUENCE ? match_sequence(*this, sp[-1])
                                                                     : match_mapping(*this, sp[-1]);
            *sp++ = Value::boolean(r);
            break;
        }
        case Op::MATCH_KEYS: {
            save();
            Value r = match_keys(*this, sp[-2], sp[-1]);
            if (r.is_null()) goto error;
            *sp++ = std::move(r);
            break;
        }
        case Op::MATCH_CLASS: {
            save();
            Value r = match_class(*this, sp[-3], sp[-2], arg, sp[-1]);
            if (r.is_null()) goto error;
            sp[-1] = Value();
            sp[-2] = Value();
            sp -= 2;
            sp[-1] = std::move(r);
            break;
        }

        // [SECTION] Modules
        case Op::IMPORT_NAME: {
            save();
            bool bare = sp[-1].is_none();  // `import a.b` (no fromlist) binds a
            (--sp)->clear();
            Value m = import_module(as_str(cnames[arg]));
            if (m.is_null()) goto error;
            if (bare) {
                std::string_view full = as_str(cnames[arg])->view();
                size_t dot = full.find('.');
                if (dot != std::string_view::npos) {
                    m = import_module(intern(full.substr(0, dot)));
                    if (m.is_null()) goto error;
                }
            }
            *sp++ = std::move(m);
            break;
        }
        case Op::IMPORT_FROM: {
            save();
            Value v = import_from(*this, sp[-1], as_str(cnames[arg]));
            if (v.is_null()) goto error;
            *sp++ = std::move(v);
            break;
        }
        case Op::IMPORT_STAR: {
            save();
            Value mod = std::move(*--sp);
            if (!import_star(*this, mod, f->m_ns ? f->m_ns : f->m_globals)) goto error;
            break;
        }
        case Op::COUNT_:
            break;
#if defined(__GNUC__) || defined(__clang__)
        // Bytecode comes from our compiler only: no range check per dispatch.
        default:
            __builtin_unreachable();
#endif
        }
        continue;

    // [SECTION] Exception unwinding
    error:
        // The failing instruction is the one before ip.
        if (!reraise) add_traceback(m_exc, f, static_cast<uint32_t>(ip - 1 - code_start));
        reraise = false;
        for (;;) {
            uint32_t pc = static_cast<uint32_t>(ip - 1 - code_start);
            const ExcTableEntry* handler = nullptr;
            for (const ExcTableEntry& e : code->m_exctable) {
                if (pc >= e.start && pc < e.end) {
                    handler = &e;
                    break;
                }
            }
            if (handler) {
                Value* target = f->stack_base() + handler->depth;
                while (sp > target) (--sp)->clear();
                *sp++ = take_exc();
                ip = code_start + handler->target;
                break;
            }
            // Leave the frame with the exception.
            while (sp > f->stack_base()) (--sp)->clear();
            GenObject* g = f->m_gen;
            if (g) {
                gen_finish(*this, g);
                g->m_frame = nullptr;
                // PEP 479: StopIteration escaping a generator becomes RuntimeError.
                if (exc_matches(e_StopIteration) ||
                    (g->m_genkind == GenKind::AsyncGenerator && exc_matches(e_StopAsyncIteration))) {
                    Value cause = take_exc();
                    const char* what = g->m_genkind == GenKind::Generator   ? "generator raised StopIteration"
                                       : g->m_genkind == GenKind::Coroutine ? "coroutine raised StopIteration"
                                       : exc_matches(e_StopIteration)       ? "async generator raised StopIteration"
                                                                      : "async generator raised StopAsyncIteration";
                    if (isinstance(cause, e_StopAsyncIteration) && g->m_genkind == GenKind::AsyncGenerator)
                        what = "async generator raised StopAsyncIteration";
                    else if (g->m_genkind == GenKind::AsyncGenerator)
                        what = "async generator raised StopIteration";
                    m_exc = new_exception(e_RuntimeError, tuple({str(what)}));
                    as_exc(m_exc)->m_cause = cause;
                    as_exc(m_exc)->m_context = cause;
                    as_exc(m_exc)->m_suppress_context = true;
                }
            }
            bool is_entry = f->m_entry;
            Frame* back = f->m_back;
            free_frame(f);
            --m_depth;
            m_frame = back;
            if (is_entry) {
                --m_nesting;
                return RunStatus::Raised;
            }
            f = back;
            load();
            add_traceback(m_exc, f, static_cast<uint32_t>(ip - 1 - code_start));
        }
    }
}

}  // namespace aio::script
