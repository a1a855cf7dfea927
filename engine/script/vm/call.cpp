// call.cpp — frames, argument binding, and calling any callable from C++.
//
// Frames are heap blocks (header + slots) recycled through small per-size
// pools, so the common call costs no malloc. Binding follows CPython's
// rules and error messages (positional, keyword, defaults, *args, **kwargs,
// positional-only, keyword-only).
#include <cstring>

#include "objects/runtime.hpp"

namespace aio::script {

Frame* VM::alloc_frame(CodeObject* code, FunctionObject* fn) {
    uint32_t n = static_cast<uint32_t>(code->nslots() + code->m_stacksize);
    size_t bucket = (n + 3) / 4;
    size_t bytes = sizeof(Frame) + bucket * 4 * sizeof(Value);
    Frame* f;
    if (bucket < kFrameBuckets && m_frame_free[bucket]) {
        f = m_frame_free[bucket];
        m_frame_free[bucket] = f->m_back;
        --m_frame_free_count[bucket];
        m_bytes += bytes;
    } else {
        f = static_cast<Frame*>(raw_alloc(bytes));
    }
    new (f) Frame();
    f->m_code = code;
    f->m_func = fn;
    incref(fn);
    f->m_globals = fn->m_globals;
    f->m_nslots = static_cast<uint32_t>(bucket * 4);
    // All-zero bytes are Null values.
    std::memset(static_cast<void*>(f->slots()), 0, f->m_nslots * sizeof(Value));
    f->m_ip = code->m_code.data();
    f->m_sp = f->stack_base();
    return f;
}

void VM::free_frame(Frame* f, const Value* top) {
    Value* s = f->slots();
    for (Value *p = s, *end = top ? const_cast<Value*>(top) : s + f->m_nslots; p < end; ++p)
        if (p->is_obj()) p->~Value();
    FunctionObject* fn = f->m_func;
    DictObject* ns = f->m_ns;
    size_t bucket = f->m_nslots / 4;
    size_t bytes = sizeof(Frame) + f->m_nslots * sizeof(Value);
    f->~Frame();
    if (bucket < kFrameBuckets && m_frame_free_count[bucket] < 256) {
        f->m_back = m_frame_free[bucket];
        m_frame_free[bucket] = f;
        ++m_frame_free_count[bucket];
        m_bytes -= bytes;
    } else {
        raw_free(f, bytes);
    }
    if (ns) decref(ns);
    decref(fn);
}

namespace {

std::string fn_qualname(FunctionObject* fn) { return as_str(fn->m_qualname)->str(); }

std::string quoted_list(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        s += "'" + names[i] + "'";
    }
    return s;
}

bool same_name(const Value& a, StrObject* b) { return a.as_obj() == b || str_eq(as_str(a), b); }

}  // namespace

Frame* VM::make_frame(FunctionObject* fn, Value* args, int nargs, TupleObject* kwnames, const Value* self) {
    CodeObject* co = fn->m_code;
    Frame* f = alloc_frame(co, fn);
    Value* slots = f->slots();
    int nkw = kwnames ? static_cast<int>(kwnames->m_size) : 0;
    int npos = nargs - nkw + (self ? 1 : 0);
    int argcount = co->m_argcount;
    int kwonly = co->m_kwonlycount;
    bool varargs = co->m_flags & CO_VARARGS;
    bool varkw = co->m_flags & CO_VARKEYWORDS;
    auto arg_at = [&](int i) -> const Value& { return self ? (i == 0 ? *self : args[i - 1]) : args[i]; };
    auto fail = [&]() -> Frame* {
        free_frame(f);
        return nullptr;
    };
    // Fast path: exactly the positional parameters, nothing else.
    if (npos == argcount && nkw == 0 && !varargs && !varkw && kwonly == 0) {
        for (int i = 0; i < npos; ++i) slots[i] = arg_at(i);
    } else {
        int ncopy = npos < argcount ? npos : argcount;
        for (int i = 0; i < ncopy; ++i) slots[i] = arg_at(i);
        if (varargs) {
            int extra = npos > argcount ? npos - argcount : 0;
            TupleObject* t = new_tuple(extra);
            for (int i = 0; i < extra; ++i) t->items()[i] = arg_at(argcount + i);
            slots[argcount + kwonly] = Value::steal(t);
        } else if (npos > argcount) {
            int ndef = is_kind(fn->m_defaults, ObjKind::Tuple)
                           ? static_cast<int>(fn->m_defaults.as<TupleObject>()->m_size)
                           : 0;
            int given_kwonly = 0;
            for (int k = 0; k < nkw; ++k)
                for (int j = argcount; j < argcount + kwonly; ++j)
                    if (same_name(co->m_varnames[j], as_str(kwnames->items()[k]))) ++given_kwonly;
            std::string takes;
            if (ndef)
                takes = "from " + std::to_string(argcount - ndef) + " to " + std::to_string(argcount);
            else
                takes = std::to_string(argcount);
            std::string msg = fn_qualname(fn) + "() takes " + takes + " positional argument" +
                              (argcount == 1 && !ndef ? "" : "s") + " but " + std::to_string(npos);
            if (given_kwonly)
                msg += " positional argument" + std::string(npos == 1 ? "" : "s") + " (and " +
                       std::to_string(given_kwonly) + " keyword-only argument" + (given_kwonly == 1 ? "" : "s") +
                       ") were given";
            else
                msg += npos == 1 ? " was given" : " were given";
            raise(e_TypeError, msg);
            return fail();
        }
        DictObject* kwdict = nullptr;
        if (varkw) {
            kwdict = new_dict();
            slots[argcount + kwonly + (varargs ? 1 : 0)] = Value::steal(kwdict);
        }
        const Value* kwvals = args + (nargs - nkw);
        for (int k = 0; k < nkw; ++k) {
            StrObject* name = as_str(kwnames->items()[k]);
            int idx = -1;
            for (int j = co->m_posonlycount; j < argcount + kwonly; ++j)
                if (same_name(co->m_varnames[j], name)) {
                    idx = j;
                    break;
                }
            if (idx < 0) {
                if (varkw) {
                    aio::script::dict_set_str(*this, kwdict, name, kwvals[k]);
                    continue;
                }
                bool posonly = false;
                for (int j = 0; j < co->m_posonlycount; ++j)
                    if (same_name(co->m_varnames[j], name)) posonly = true;
                if (posonly)
                    raisef(e_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                           fn_qualname(fn).c_str(), name->data());
                else
                    raisef(e_TypeError, "%s() got an unexpected keyword argument '%s'", fn_qualname(fn).c_str(),
                           name->data());
                return fail();
            }
            if (!slots[idx].is_null()) {
                raisef(e_TypeError, "%s() got multiple values for argument '%s'", fn_qualname(fn).c_str(),
                       name->data());
                return fail();
            }
            slots[idx] = kwvals[k];
        }
        // Defaults for missing positionals.
        if (npos < argcount) {
            int ndef = is_kind(fn->m_defaults, ObjKind::Tuple)
                           ? static_cast<int>(fn->m_defaults.as<TupleObject>()->m_size)
                           : 0;
            std::vector<std::string> missing;
            for (int i = npos; i < argcount; ++i) {
                if (!slots[i].is_null()) continue;
                int d = i - (argcount - ndef);
                if (d >= 0)
                    slots[i] = fn->m_defaults.as<TupleObject>()->items()[d];
                else
                    missing.push_back(as_str(co->m_varnames[i])->str());
            }
            if (!missing.empty()) {
                raisef(e_TypeError, "%s() missing %zu required positional argument%s: %s", fn_qualname(fn).c_str(),
                       missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing).c_str());
                return fail();
            }
        }
        if (kwonly) {
            std::vector<std::string> missing;
            for (int j = argcount; j < argcount + kwonly; ++j) {
                if (!slots[j].is_null()) continue;
                Value* d = is_kind(fn->m_kwdefaults, ObjKind::Dict)
                               ? dict_get_str(fn->m_kwdefaults.as<DictObject>(), as_str(co->m_varnames[j]))
                               : nullptr;
                if (d)
                    slots[j] = *d;
                else
                    missing.push_back(as_str(co->m_varnames[j])->str());
            }
            if (!missing.empty()) {
                raisef(e_TypeError, "%s() missing %zu required keyword-only argument%s: %s", fn_qualname(fn).c_str(),
                       missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing).c_str());
                return fail();
            }
        }
    }
    // Cells (a captured parameter moves into its cell) and free variables.
    int nl = co->nlocals();
    for (int i = 0; i < co->ncells(); ++i) {
        auto* cell = alloc<CellObject>(t_cell, ObjKind::Cell);
        int a = co->m_cell_args[i];
        if (a >= 0) cell->m_value = std::move(slots[a]);
        slots[nl + i] = Value::steal(cell);
    }
    if (co->nfree()) {
        auto* closure = fn->m_closure.as<TupleObject>();
        int base = nl + co->ncells();
        for (int i = 0; i < co->nfree(); ++i) slots[base + i] = closure->items()[i];
    }
    return f;
}

Value VM::call_function(FunctionObject* fn, Value* args, int nargs, TupleObject* kwnames, const Value* self) {
    Frame* f = make_frame(fn, args, nargs, kwnames, self);
    if (!f) return Value();
    uint32_t flags = fn->m_code->m_flags;
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) return gen_new(*this, f, fn);
    Value result;
    RunStatus st = run(f, result);
    if (st == RunStatus::Raised) return Value();
    return result;
}

Value VM::call(const Value& fv, Value* args, int nargs, TupleObject* kwnames) {
    if (!fv.is_obj()) return raisef(e_TypeError, "'%s' object is not callable", type_name(fv).c_str());
    Object* o = fv.as_obj();
    switch (kind_of(o)) {
    case ObjKind::Function:
        return call_function(static_cast<FunctionObject*>(o), args, nargs, kwnames);
    case ObjKind::Native: {
        auto* n = static_cast<NativeObject*>(o);
        if (n->m_self.is_null()) return n->m_fn(*this, args, nargs, kwnames, n->m_data);
        std::vector<Value> all;
        all.reserve(nargs + 1);
        all.push_back(n->m_self);
        for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
        return n->m_fn(*this, all.data(), nargs + 1, kwnames, n->m_data);
    }
    case ObjKind::BoundMethod: {
        auto* m = static_cast<BoundMethodObject*>(o);
        if (is_kind(m->m_func, ObjKind::Function))
            return call_function(m->m_func.as<FunctionObject>(), args, nargs, kwnames, &m->m_self);
        std::vector<Value> all;
        all.reserve(nargs + 1);
        all.push_back(m->m_self);
        for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
        Value f = m->m_func;
        return call(f, all.data(), nargs + 1, kwnames);
    }
    case ObjKind::Type: {
        // A metaclass's own __call__ (class M(type): def __call__...) replaces type.__call__.
        if (o->m_type != t_type) {
            Value mc = type_lookup(o->m_type, names().d_call);
            if (!mc.is_null() && !(is_kind(mc, ObjKind::Native) && mc.as<NativeObject>()->m_owner == t_type)) {
                std::vector<Value> all;
                all.reserve(nargs + 1);
                all.push_back(fv);
                for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
                return call(mc, all.data(), nargs + 1, kwnames);
            }
        }
        return type_call(*this, static_cast<TypeObject*>(o), args, nargs, kwnames);
    }
    default:
        break;
    }
    Value callf = type_lookup(o->m_type, names().d_call);
    if (!callf.is_null() && kind_of(o) != ObjKind::Type) {
        std::vector<Value> all;
        all.reserve(nargs + 1);
        all.push_back(fv);
        for (int i = 0; i < nargs; ++i) all.push_back(args[i]);
        return call(callf, all.data(), nargs + 1, kwnames);
    }
    return raisef(e_TypeError, "'%s' object is not callable", type_name(fv).c_str());
}

Value VM::call(const Value& f, std::initializer_list<Value> args) {
    Value buf[8];
    std::vector<Value> big;
    Value* p = buf;
    if (args.size() > 8) {
        big.assign(args.begin(), args.end());
        p = big.data();
    } else {
        size_t i = 0;
        for (const Value& v : args) buf[i++] = v;
    }
    return call(f, p, static_cast<int>(args.size()), nullptr);
}

// [SECTION] Native argument parsing

bool no_kwargs(VM& vm, const char* fname, TupleObject* kwnames) {
    if (kwnames && kwnames->m_size) {
        vm.raisef(vm.e_TypeError, "%s() takes no keyword arguments", fname);
        return false;
    }
    return true;
}

bool parse_args(VM& vm, const char* fname, Value* args, int nargs, TupleObject* kwnames,
                std::initializer_list<const char*> names, int nrequired, Value* out, int max_positional) {
    int nkw = kwnames ? static_cast<int>(kwnames->m_size) : 0;
    int npos = nargs - nkw;
    int nnames = static_cast<int>(names.size());
    int maxpos = max_positional < 0 ? nnames : max_positional;
    if (npos > maxpos) {
        if (maxpos == 0)
            vm.raisef(vm.e_TypeError, "%s() takes no positional arguments", fname);
        else
            vm.raisef(vm.e_TypeError, "%s() takes at most %d argument%s (%d given)", fname, maxpos,
                      maxpos == 1 ? "" : "s", npos);
        return false;
    }
    for (int i = 0; i < npos; ++i) out[i] = args[i];
    for (int k = 0; k < nkw; ++k) {
        std::string_view key = as_str(kwnames->items()[k])->view();
        int idx = -1;
        int i = 0;
        for (const char* n : names) {
            if (key == n) idx = i;
            ++i;
        }
        if (idx < 0) {
            vm.raisef(vm.e_TypeError, "%s() got an unexpected keyword argument '%.*s'", fname,
                      static_cast<int>(key.size()), key.data());
            return false;
        }
        if (!out[idx].is_null()) {
            vm.raisef(vm.e_TypeError, "argument for %s() given by name ('%.*s') and position (%d)", fname,
                      static_cast<int>(key.size()), key.data(), idx + 1);
            return false;
        }
        out[idx] = args[npos + k];
    }
    for (int i = 0; i < nrequired; ++i) {
        if (out[i].is_null()) {
            const char* n = *(names.begin() + i);
            vm.raisef(vm.e_TypeError, "%s() missing required argument '%s' (pos %d)", fname, n, i + 1);
            return false;
        }
    }
    return true;
}

}  // namespace aio::script
